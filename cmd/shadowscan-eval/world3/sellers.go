package world3

import (
	"fmt"
	"math/rand/v2"
)

type role int

const (
	roleOfficial role = iota
	roleAuthorised
	roleOther    // a shop that is neither official nor authorised
	rolePersonal // an individual reselling one item
)

type seller struct {
	site  int
	id    string
	name  string
	role  role
	brand string // official / authorised: the brand
	wx    string // contact handle the shop puts on photos
	ld    int    // site B: how JSON-LD names the seller (0 identifier, 1 @id, 2 url)
	loc   string // site A: ship-from
}

// Registered shops of each brand, per site.
var registered = []*seller{
	// taoyuan-market
	{site: siteA, id: "58120001", name: "维叶官方旗舰店", role: roleOfficial, brand: "vitaleaf", loc: "上海"},
	{site: siteA, id: "30517764", name: "维叶健康生活馆", role: roleAuthorised, brand: "vitaleaf", loc: "江苏 苏州"},
	{site: siteA, id: "41886203", name: "叶子营养专营店", role: roleAuthorised, brand: "vitaleaf", loc: "浙江 杭州"},
	{site: siteA, id: "77310458", name: "张姐的小店", role: roleAuthorised, brand: "vitaleaf", loc: "河南 郑州"},
	{site: siteA, id: "58120002", name: "露米雅官方旗舰店", role: roleOfficial, brand: "lumiya", loc: "上海"},
	{site: siteA, id: "26604117", name: "露米雅美妆专营店", role: roleAuthorised, brand: "lumiya", loc: "广东 广州"},
	{site: siteA, id: "39027751", name: "美丽时光护肤馆", role: roleAuthorised, brand: "lumiya", loc: "四川 成都"},
	{site: siteA, id: "80441902", name: "小雅护肤铺", role: roleAuthorised, brand: "lumiya", loc: "湖北 武汉"},
	{site: siteA, id: "58120003", name: "净嘉官方旗舰店", role: roleOfficial, brand: "purehome", loc: "上海"},
	{site: siteA, id: "33175086", name: "净嘉家居专营店", role: roleAuthorised, brand: "purehome", loc: "山东 济南"},
	{site: siteA, id: "45502339", name: "好家清洁用品店", role: roleAuthorised, brand: "purehome", loc: "福建 厦门"},
	{site: siteA, id: "61290047", name: "老王日用百货", role: roleAuthorised, brand: "purehome", loc: "河北 石家庄"},
	// wellmart-en
	{site: siteB, id: "vitaleaf-official", name: "Vitaleaf Official Store", role: roleOfficial, brand: "vitaleaf", ld: 0},
	{site: siteB, id: "harbor-wellness", name: "Harbor Wellness Co.", role: roleAuthorised, brand: "vitaleaf", ld: 1},
	{site: siteB, id: "s-20931", name: "Golden Years Health Supply", role: roleAuthorised, brand: "vitaleaf", ld: 2},
	{site: siteB, id: "lumiya-official", name: "Lumiya Official", role: roleOfficial, brand: "lumiya", ld: 1},
	{site: siteB, id: "peony-beauty", name: "Peony Beauty Boutique", role: roleAuthorised, brand: "lumiya", ld: 0},
	{site: siteB, id: "s-31877", name: "Mei's Skincare Corner", role: roleAuthorised, brand: "lumiya", ld: 2},
	{site: siteB, id: "purehome-official", name: "Purehome Official Shop", role: roleOfficial, brand: "purehome", ld: 2},
	{site: siteB, id: "cleanline-supply", name: "CleanLine Home Supply", role: roleAuthorised, brand: "purehome", ld: 0},
	{site: siteB, id: "s-44120", name: "Lin Family Household Goods", role: roleAuthorised, brand: "purehome", ld: 1},
}

// sellerPools holds every non-registered shop, by purpose.
type sellerPools struct {
	cf        []*seller            // shops that sell fakes (share contact handles)
	grey      []*seller            // grey-market resellers
	impostor  map[string][]*seller // official-sounding shops that are not registered
	lookalike map[string][]*seller // shops of look-alike brands
	generic   []*seller
	accessory []*seller
	media     []*seller // ebooks, guides, magazines
	rivals    []*seller // competitor shops that attack the brand
	recycler  []*seller
	personalN int
}

var (
	zhShopWords = []string{"海淘精品馆", "品牌折扣仓", "美妆特卖汇", "义乌好货源", "云仓批发", "保健品批发部", "日化用品批发", "小鹿优选", "惠民大药房旗舰", "正品折扣店",
		"百货尾货仓", "花花代购", "环球好物社", "源头工厂店", "万家优品", "欧阳的小店", "宝妈精选", "健康生活铺", "品质生活馆", "折扣特卖会",
		"臻选好物", "星辰百货", "福利社", "清仓特卖场", "直销会员店", "拼团好物", "老客福利店", "一手货源批发", "家用好物集", "晴天杂货铺"}
	enShopWords = []string{"BestDeal Global", "AsiaBeauty Outlet", "ChinaTown Mart", "DailyDeals88", "Wholesale Wonders", "Pacific Bargains", "Lucky Star Trading",
		"Eastern Treasures", "HappyHome Outlet", "Value Vault", "Sunrise Imports", "Dragon Gate Goods", "Bargain Bay", "Orient Express Store", "Silk Road Supply",
		"TopChoice Direct", "Jade Garden Shop", "Everyday Essentials HK", "MegaSave Warehouse", "Kowloon Discount", "Bright Cart", "Fortune Deals", "Harmony Market",
		"Nova Trading Co", "Panda Express Goods"}
)

func wxHandle(r *rand.Rand) string {
	switch r.IntN(4) {
	case 0:
		return fmt.Sprintf("WX:%07d", 1000000+r.IntN(9000000))
	case 1:
		return fmt.Sprintf("VX:%s%d", []string{"LM", "VT", "HAO", "YY", "MEI", "JIA"}[r.IntN(6)], 100+r.IntN(900))
	case 2:
		return fmt.Sprintf("QQ:%d", 100000000+r.IntN(800000000))
	default:
		return fmt.Sprintf("WX:%s%04d", []string{"A", "K", "Z", "X"}[r.IntN(4)], r.IntN(10000))
	}
}

func newPools(site int, r *rand.Rand) *sellerPools {
	sp := &sellerPools{impostor: map[string][]*seller{}, lookalike: map[string][]*seller{}}
	used := map[string]bool{}
	for _, s := range registered {
		used[s.id] = true
	}
	idA := func() string {
		for {
			id := fmt.Sprintf("%d", 10000000+r.IntN(89999999))
			if !used[id] {
				used[id] = true
				return id
			}
		}
	}
	idB := func(name string) string {
		for {
			var id string
			if r.IntN(2) == 0 {
				id = fmt.Sprintf("s-%05d", 10000+r.IntN(89999))
			} else {
				id = slugify(name)
				if used[id] {
					id = fmt.Sprintf("%s-%d", id, 2+r.IntN(97))
				}
			}
			if !used[id] {
				used[id] = true
				return id
			}
		}
	}
	locs := []string{"广东 广州", "广东 深圳", "浙江 义乌", "福建 莆田", "江苏 南京", "上海", "河北 保定", "安徽 合肥", "湖南 长沙", "广东 汕头"}
	mk := func(name string) *seller {
		s := &seller{site: site, name: name, role: roleOther, ld: r.IntN(3), loc: locs[r.IntN(len(locs))]}
		if site == siteA {
			s.id = idA()
		} else {
			s.id = idB(name)
		}
		return s
	}
	words := zhShopWords
	if site == siteB {
		words = enShopWords
	}
	// Counterfeit networks: 4 handles shared by several shops.
	handles := []string{wxHandle(r), wxHandle(r), wxHandle(r), wxHandle(r), wxHandle(r)}
	perm := r.Perm(len(words))
	for i, j := range perm {
		s := mk(words[j])
		if i < len(words)/2 {
			s.wx = handles[i%len(handles)]
			sp.cf = append(sp.cf, s)
		} else {
			sp.grey = append(sp.grey, s)
		}
	}
	for _, b := range brands {
		var names, looks []string
		switch b.ID {
		case "vitaleaf":
			if site == siteA {
				names = []string{"维叶官方直营店", "维叶健康旗舰店正品店", "维叶会员折扣店"}
				looks = []string{"唯叶营养旗舰店", "维野健康专营店", "纬叶官方店"}
			} else {
				names = []string{"Vitaleaf Store US", "Vitaleaf Outlet Official"}
				looks = []string{"VitaLeaves Nutrition", "Vitaleap Health", "Weiye Wellness"}
			}
		case "lumiya":
			if site == siteA {
				names = []string{"露米雅官方授权店", "露米雅旗舰正品店", "露米雅专柜直营"}
				looks = []string{"露米娅旗舰店", "璐米雅美妆", "LUMIRA露米拉"}
			} else {
				names = []string{"Lumiya Official Outlet", "Lumiya Beauty Store"}
				looks = []string{"Lumiyah Cosmetics", "Lumira Skin Lab", "Luminia Beauty"}
			}
		case "purehome":
			if site == siteA {
				names = []string{"净嘉官方直营店", "净嘉日化正品店", "净嘉家居旗舰店正品"}
				looks = []string{"净家日化旗舰店", "静嘉家居", "PUREHAVEN纯港"}
			} else {
				names = []string{"Purehome Official Store Online", "Purehome Direct"}
				looks = []string{"PureHaven Home", "PureHouse Cleaning", "Jingjia Household"}
			}
		}
		for _, n := range names {
			sp.impostor[b.ID] = append(sp.impostor[b.ID], mk(n))
		}
		for _, n := range looks {
			sp.lookalike[b.ID] = append(sp.lookalike[b.ID], mk(n))
		}
	}
	var gen, acc, media, rivals, rec []string
	if site == siteA {
		gen = []string{"康派营养旗舰店", "益佳保健品专营", "美肤汇", "洁净家日用", "天天特价百货", "健身补剂小铺", "森语护肤", "绿叶生活馆", "家家乐清洁", "汇康大药房"}
		acc = []string{"收纳小能手", "旅行分装铺", "厨房配件专营", "居家配件城"}
		media = []string{"鉴定达人工作室", "真假鉴别课堂", "营养师老李", "美妆测评社", "知识付费书店"}
		rivals = []string{"本草源营养", "素研护肤旗舰店", "天然家清洁", "揭秘图书工作室"} // by theme, then a publisher
		rec = []string{"老刘高价回收", "诚信回收站"}
	} else {
		gen = []string{"NutriMax Store", "FitFuel Supplements", "Glow Lab", "HomeShine Supplies", "Everyday Vitamins", "Pure Skin Co", "CleanWorks", "Wellness Warehouse", "Bodyline Nutrition", "Kitchen Plus"}
		acc = []string{"Travel Bottle Shop", "Kitchen Gadget Hub", "Organize It", "Refill Station"}
		media = []string{"Beauty Insider Magazine", "Authentic Check Guides", "Nutrition Facts Press", "Home Review Weekly", "Consumer Watch eBooks"}
		rivals = []string{"GreenScoop Nutrition", "Botanica Naturals", "EcoSuds Home", "Exposé Publishing"}
	}
	for _, n := range gen {
		sp.generic = append(sp.generic, mk(n))
	}
	for _, n := range acc {
		sp.accessory = append(sp.accessory, mk(n))
	}
	for _, n := range media {
		sp.media = append(sp.media, mk(n))
	}
	for _, n := range rivals {
		sp.rivals = append(sp.rivals, mk(n))
	}
	for _, n := range rec {
		sp.recycler = append(sp.recycler, mk(n))
	}
	return sp
}

func (sp *sellerPools) personal(site int, r *rand.Rand) *seller {
	sp.personalN++
	s := &seller{site: site, role: rolePersonal, ld: r.IntN(3), loc: "本地"}
	if site == siteA {
		s.id = fmt.Sprintf("%d", 90000000+sp.personalN*137+r.IntN(100))
		s.name = fmt.Sprintf("tb_%s%d", []string{"lily", "momo", "xiaoyu", "ahua", "kiki", "dandan", "linlin", "sunny"}[r.IntN(8)], 1000+r.IntN(9000))
	} else {
		n := []string{"jenny_k", "mike.t", "linda88", "amy_w", "carol.chen", "davidh", "sophie_l", "kevin_z"}[r.IntN(8)]
		s.id = fmt.Sprintf("u-%s-%d", slugify(n), 100+sp.personalN)
		s.name = n + " (individual seller)"
	}
	return s
}

func registeredFor(site int, b string, rl role) []*seller {
	var out []*seller
	for _, s := range registered {
		if s.site == site && s.brand == b && s.role == rl {
			out = append(out, s)
		}
	}
	return out
}
