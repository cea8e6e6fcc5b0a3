package world6

type sellerKind int

const (
	skOfficial   sellerKind = iota // the brand's own shop (registered as official)
	skAuth                         // registered authorised distributor
	skImpostor                     // names itself like an official store, not registered
	skReseller                     // ordinary unregistered shop
	skFake                         // unregistered shop that sells counterfeits
	skPerson                       // private person, second-hand
	skContent                      // guides, authentication services
	skCompetitor                   // other brands, accessories, generic goods
)

type seller struct {
	site   string
	id     string
	name   string
	kind   sellerKind
	brands []string // for official / authorised: the brands registered
	badge  string   // 官方旗舰店 / 天猫 / Mall / Preferred
	live   bool     // live-stream or short-video shop (emoji titles)
	cur    string   // site B: SGD or MYR
	rating string
}

var sellers = []*seller{
	// ---------------- tianmao-plus ----------------
	{site: siteA, id: "57300001", name: "康诺维官方旗舰店", kind: skOfficial, brands: []string{"calnova"}, badge: "官方旗舰店"},
	{site: siteA, id: "57300002", name: "康诺维海外旗舰店", kind: skOfficial, brands: []string{"calnova"}, badge: "官方旗舰店"},
	{site: siteA, id: "61880010", name: "俪芮莎官方旗舰店", kind: skOfficial, brands: []string{"lirensa"}, badge: "官方旗舰店"},
	{site: siteA, id: "70012345", name: "禾美家官方旗舰店", kind: skOfficial, brands: []string{"homvia"}, badge: "官方旗舰店"},
	{site: siteA, id: "88000777", name: "Verdanne薇丹妮海外旗舰店", kind: skOfficial, brands: []string{"verdanne"}, badge: "官方旗舰店"},

	{site: siteA, id: "63100201", name: "康诺维健康生活馆", kind: skAuth, brands: []string{"calnova"}, badge: "品牌授权"},
	{site: siteA, id: "63100202", name: "诺维营养专营店", kind: skAuth, brands: []string{"calnova"}},
	{site: siteA, id: "63100203", name: "📺老周健康直播间", kind: skAuth, brands: []string{"calnova"}, live: true},
	{site: siteA, id: "63100204", name: "优康大药房旗舰店", kind: skAuth, brands: []string{"calnova", "verdanne"}, badge: "天猫"},
	{site: siteA, id: "64200301", name: "俪芮莎美肌专卖店", kind: skAuth, brands: []string{"lirensa"}, badge: "品牌授权"},
	{site: siteA, id: "64200302", name: "芮颜美妆专营店", kind: skAuth, brands: []string{"lirensa"}},
	{site: siteA, id: "64200303", name: "🌸小雅美妆直播间", kind: skAuth, brands: []string{"lirensa"}, live: true},
	{site: siteA, id: "65300401", name: "禾美家幸福家居专营店", kind: skAuth, brands: []string{"homvia"}},
	{site: siteA, id: "65300402", name: "净享生活专卖店", kind: skAuth, brands: []string{"homvia"}, badge: "品牌授权"},
	{site: siteA, id: "66400501", name: "全球购优选专营店", kind: skAuth, brands: []string{"verdanne"}, badge: "天猫国际"},

	{site: siteA, id: "59912345", name: "康诺维官方旗舰店.", kind: skImpostor},
	{site: siteA, id: "59912346", name: "俪芮莎官方旗舰店-正品直营", kind: skImpostor},
	{site: siteA, id: "59912347", name: "禾美家官方旗舰店（清仓）", kind: skImpostor},
	{site: siteA, id: "59912348", name: "薇丹妮官方旗舰店", kind: skImpostor},
	{site: siteA, id: "59912349", name: "康诺維官方旗艦店", kind: skImpostor},

	{site: siteA, id: "71000001", name: "海淘优品小店", kind: skReseller},
	{site: siteA, id: "71000002", name: "美妆集合仓", kind: skReseller},
	{site: siteA, id: "71000003", name: "百货日用小铺", kind: skReseller},
	{site: siteA, id: "71000004", name: "健康e站", kind: skReseller},
	{site: siteA, id: "71000005", name: "💥小鹿好物直播间", kind: skReseller, live: true},
	{site: siteA, id: "71000006", name: "🎀甜甜姐好物分享", kind: skReseller, live: true},
	{site: siteA, id: "71000007", name: "代购小王全球购", kind: skReseller},
	{site: siteA, id: "71000008", name: "家家乐日用百货", kind: skReseller},
	{site: siteA, id: "71000009", name: "颜究所美妆店", kind: skReseller},

	{site: siteA, id: "72000001", name: "源头工厂店", kind: skFake},
	{site: siteA, id: "72000002", name: "美妆批发总仓", kind: skFake},
	{site: siteA, id: "72000003", name: "尾货清仓特卖", kind: skFake},
	{site: siteA, id: "72000004", name: "保健品厂家直销部", kind: skFake},
	{site: siteA, id: "72000005", name: "🔥爆款直播福利社", kind: skFake, live: true},
	{site: siteA, id: "72000006", name: "微商货源批发", kind: skFake},
	{site: siteA, id: "72000007", name: "诚信百货888", kind: skFake},
	{site: siteA, id: "72000008", name: "优选好物馆", kind: skFake},

	{site: siteA, id: "80000001", name: "阿琳的闲置小屋", kind: skPerson},
	{site: siteA, id: "80000002", name: "tb_89211375", kind: skPerson},
	{site: siteA, id: "80000003", name: "宝妈闲置转让", kind: skPerson},
	{site: siteA, id: "80000004", name: "小周的杂货铺", kind: skPerson},

	{site: siteA, id: "73000001", name: "鉴真堂鉴定服务", kind: skContent},
	{site: siteA, id: "73000002", name: "好物测评君", kind: skContent},
	{site: siteA, id: "73000003", name: "知识小铺电子资料", kind: skContent},

	{site: siteA, id: "74000001", name: "康维诺营养旗舰店", kind: skCompetitor, badge: "官方旗舰店"},
	{site: siteA, id: "74000002", name: "芮莎诗旗舰店", kind: skCompetitor, badge: "官方旗舰店"},
	{site: siteA, id: "74000003", name: "禾美佳家居旗舰店", kind: skCompetitor, badge: "官方旗舰店"},
	{site: siteA, id: "74000004", name: "绿源营养专营店", kind: skCompetitor},
	{site: siteA, id: "74000005", name: "洁家日化专营店", kind: skCompetitor},
	{site: siteA, id: "74000006", name: "纯萃美妆旗舰店", kind: skCompetitor, badge: "官方旗舰店"},
	{site: siteA, id: "74000007", name: "自然本草堂", kind: skCompetitor},
	{site: siteA, id: "74000008", name: "配件工坊", kind: skCompetitor},
	{site: siteA, id: "74000009", name: "净水配件专营", kind: skCompetitor},
	{site: siteA, id: "74000010", name: "维丹娜海外专营店", kind: skCompetitor},
	{site: siteA, id: "74000011", name: "优加健康专营店", kind: skCompetitor},
	{site: siteA, id: "74000012", name: "水之源美妆旗舰店", kind: skCompetitor, badge: "官方旗舰店"},
	{site: siteA, id: "74000013", name: "净立方日用旗舰店", kind: skCompetitor, badge: "官方旗舰店"},

	// ---------------- lazmall-sg ----------------
	{site: siteB, id: "10223344", name: "Calnova Official Store", kind: skOfficial, brands: []string{"calnova"}, badge: "Mall", cur: "SGD"},
	{site: siteB, id: "10556677", name: "Lirensa Official Store SG", kind: skOfficial, brands: []string{"lirensa"}, badge: "Mall", cur: "SGD"},
	{site: siteB, id: "10998877", name: "Verdanne Official Store", kind: skOfficial, brands: []string{"verdanne"}, badge: "Mall", cur: "SGD"},
	{site: siteB, id: "10998878", name: "Verdanne Malaysia Official", kind: skOfficial, brands: []string{"verdanne"}, badge: "Mall", cur: "MYR"},

	{site: siteB, id: "20110001", name: "HealthHub Distributor SG", kind: skAuth, brands: []string{"calnova", "verdanne"}, badge: "Mall", cur: "SGD"},
	{site: siteB, id: "20110002", name: "Nutri Depot MY", kind: skAuth, brands: []string{"verdanne"}, badge: "Preferred", cur: "MYR"},
	{site: siteB, id: "20110003", name: "GlowMart Beauty", kind: skAuth, brands: []string{"lirensa"}, badge: "Preferred", cur: "SGD"},
	{site: siteB, id: "20110004", name: "HomeNeeds MY", kind: skAuth, brands: []string{"homvia"}, badge: "Preferred", cur: "MYR"},
	{site: siteB, id: "20110005", name: "Kedai Sihat Verdanne Agent", kind: skAuth, brands: []string{"verdanne"}, cur: "MYR"},
	{site: siteB, id: "20110006", name: "CleanPro Homeware SG", kind: skAuth, brands: []string{"homvia"}, cur: "SGD"},
	{site: siteB, id: "20110007", name: "Wellness Kaki Enterprise", kind: skAuth, brands: []string{"calnova"}, cur: "MYR"},

	{site: siteB, id: "30990001", name: "Calnova Official Store MY", kind: skImpostor, cur: "MYR"},
	{site: siteB, id: "30990002", name: "lirensa_official.sg", kind: skImpostor, cur: "SGD"},
	{site: siteB, id: "30990003", name: "Verdanne Official HQ", kind: skImpostor, cur: "MYR"},

	{site: siteB, id: "40000001", name: "yh_beautyhouse", kind: skReseller, badge: "Preferred", cur: "SGD"},
	{site: siteB, id: "40000002", name: "Ah Seng Trading", kind: skReseller, cur: "MYR"},
	{site: siteB, id: "40000003", name: "bestbuy.my", kind: skReseller, cur: "MYR"},
	{site: siteB, id: "40000004", name: "taobao_agent_sg", kind: skReseller, cur: "SGD"},
	{site: siteB, id: "40000005", name: "kedai_runcit_ali", kind: skReseller, cur: "MYR"},
	{site: siteB, id: "40000006", name: "sgdailydeals", kind: skReseller, badge: "Preferred", cur: "SGD"},
	{site: siteB, id: "40000007", name: "glowup.cosmetics", kind: skReseller, cur: "MYR"},
	{site: siteB, id: "40000008", name: "🔥LiveDeals by Mandy🔥", kind: skReseller, live: true, cur: "SGD"},

	{site: siteB, id: "50000001", name: "cheapcheap88", kind: skFake, cur: "MYR"},
	{site: siteB, id: "50000002", name: "factory_outlet_gz", kind: skFake, cur: "SGD"},
	{site: siteB, id: "50000003", name: "beauty.wholesale.my", kind: skFake, cur: "MYR"},
	{site: siteB, id: "50000004", name: "supplement_kaki", kind: skFake, cur: "MYR"},
	{site: siteB, id: "50000005", name: "mirrorgrade.store", kind: skFake, cur: "SGD"},
	{site: siteB, id: "50000006", name: "hometrend.my", kind: skFake, cur: "MYR"},
	{site: siteB, id: "50000007", name: "Trusted Health Mart", kind: skFake, badge: "Preferred", cur: "SGD"},

	{site: siteB, id: "60000001", name: "jasmine_lim92", kind: skPerson, cur: "SGD"},
	{site: siteB, id: "60000002", name: "preloved.by.wen", kind: skPerson, cur: "SGD"},
	{site: siteB, id: "60000003", name: "mummy_clearance_jb", kind: skPerson, cur: "MYR"},

	{site: siteB, id: "61000001", name: "AuthentiCheck SG", kind: skContent, cur: "SGD"},
	{site: siteB, id: "61000002", name: "ReviewLah Media", kind: skContent, cur: "SGD"},

	{site: siteB, id: "62000001", name: "Calnora Nutrition", kind: skCompetitor, badge: "Mall", cur: "SGD"},
	{site: siteB, id: "62000002", name: "Lirenne Beauty", kind: skCompetitor, cur: "SGD"},
	{site: siteB, id: "62000003", name: "HomeJia Living", kind: skCompetitor, cur: "MYR"},
	{site: siteB, id: "62000004", name: "PureLeaf Organics", kind: skCompetitor, cur: "SGD"},
	{site: siteB, id: "62000005", name: "ShakerPro Accessories", kind: skCompetitor, cur: "SGD"},
	{site: siteB, id: "62000006", name: "FilterMate MY", kind: skCompetitor, cur: "MYR"},
	{site: siteB, id: "62000007", name: "NaturaBest SG", kind: skCompetitor, badge: "Preferred", cur: "SGD"},
	{site: siteB, id: "62000008", name: "Verdana Herbs", kind: skCompetitor, cur: "MYR"},
	{site: siteB, id: "62000009", name: "HomeEssentials MY", kind: skCompetitor, cur: "MYR"},
}

var sellerByID = map[string]*seller{}

func initSellers() {
	for _, s := range sellers {
		sellerByID[s.site+"/"+s.id] = s
	}
}

func shop(site, id string) *seller {
	s := sellerByID[site+"/"+id]
	if s == nil {
		panic("unknown seller " + site + "/" + id)
	}
	return s
}

// shopsOf returns the sellers of a kind on a site, optionally registered for brand b.
func shopsOf(site string, kind sellerKind, b string) []*seller {
	var out []*seller
	for _, s := range sellers {
		if s.site != site || s.kind != kind {
			continue
		}
		if b != "" && (kind == skOfficial || kind == skAuth) {
			ok := false
			for _, x := range s.brands {
				ok = ok || x == b
			}
			if !ok {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}
