package world4

// Shop kinds (the truth about who sells; the pages never say it).
const (
	shOfficial = iota
	shAuthorised
	shReseller // business reseller, neither official nor authorised
	shFake     // shops that mostly sell counterfeits
	shPersonal // private one-off sellers
	shOther    // sellers of other goods: look-alikes, accessories, generic goods, guides
)

type shop struct {
	site     string
	id       string // A: numeric shop id; B: slug
	name     string
	kind     int
	brands   []string // for official and authorised shops: whose
	currency string   // B: the currency the shop quotes in
}

func (s *shop) officialFor(b string) bool {
	return s.kind == shOfficial && contains(s.brands, b)
}

func (s *shop) authorisedFor(b string) bool {
	return s.kind == shAuthorised && contains(s.brands, b)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

var shopsA = []*shop{
	{id: "1000101", name: "维泉官方旗舰店", kind: shOfficial, brands: []string{"vitaquan"}},
	{id: "1000102", name: "维泉拼佳自营旗舰店", kind: shOfficial, brands: []string{"vitaquan"}},
	{id: "1000201", name: "丝露官方旗舰店", kind: shOfficial, brands: []string{"silkdew"}},
	{id: "1000301", name: "净巢官方旗舰店", kind: shOfficial, brands: []string{"purenest"}},
	{id: "1000302", name: "拼佳超市净巢自营", kind: shOfficial, brands: []string{"purenest"}},
	{id: "1000401", name: "翠叶官方旗舰店", kind: shOfficial, brands: []string{"jadeleaf"}},

	{id: "1012087", name: "维泉健康专营店", kind: shAuthorised, brands: []string{"vitaquan"}},
	{id: "1013342", name: "康源营养保健专营店", kind: shAuthorised, brands: []string{"vitaquan", "jadeleaf"}},
	{id: "1015520", name: "益佳优选专营店", kind: shAuthorised, brands: []string{"vitaquan"}},
	{id: "1021176", name: "丝露美妆专营店", kind: shAuthorised, brands: []string{"silkdew"}},
	{id: "1022408", name: "颜悦化妆品专营店", kind: shAuthorised, brands: []string{"silkdew"}},
	{id: "1023914", name: "美丽日记美妆专营店", kind: shAuthorised, brands: []string{"silkdew"}},
	{id: "1031005", name: "净巢家居专营店", kind: shAuthorised, brands: []string{"purenest"}},
	{id: "1032277", name: "百洁生活馆", kind: shAuthorised, brands: []string{"purenest"}},
	{id: "1041650", name: "翠叶草本专营店", kind: shAuthorised, brands: []string{"jadeleaf"}},
	{id: "1042093", name: "国草堂养生专营店", kind: shAuthorised, brands: []string{"jadeleaf"}},

	{id: "2003117", name: "海淘优品小店", kind: shReseller},
	{id: "2004582", name: "港货代购铺", kind: shReseller},
	{id: "2005093", name: "会员之家精品店", kind: shReseller},
	{id: "2006741", name: "小鹿家正品代购", kind: shReseller},
	{id: "2007315", name: "爱家日用百货店", kind: shReseller},
	{id: "2008826", name: "健康生活馆88", kind: shReseller},
	{id: "2009170", name: "澳门直邮代购", kind: shReseller},
	{id: "2010447", name: "宝妈好物分享", kind: shReseller},
	{id: "2011958", name: "优选好货铺", kind: shReseller},
	{id: "2012203", name: "直销好物集合店", kind: shReseller},
	{id: "2013675", name: "芳芳美妆小屋", kind: shReseller},
	{id: "2014390", name: "东东家居百货", kind: shReseller},
	{id: "2015821", name: "乐活营养小站", kind: shReseller},
	{id: "2016032", name: "老李保健品店", kind: shReseller},
	{id: "2017569", name: "香港万宁代购", kind: shReseller},
	{id: "2018114", name: "蜜桃美妆馆", kind: shReseller},
	{id: "2019487", name: "生活家日用", kind: shReseller},
	{id: "2020950", name: "时光好物铺", kind: shReseller},

	{id: "3001274", name: "源头好货批发店", kind: shFake},
	{id: "3002836", name: "美妆工厂店", kind: shFake},
	{id: "3003519", name: "一手货源批发", kind: shFake},
	{id: "3004067", name: "尾货清仓小店", kind: shFake},
	{id: "3005712", name: "精品货源9号", kind: shFake},
	{id: "3006340", name: "鑫鑫百货", kind: shFake},
	{id: "3007981", name: "佳佳美妆", kind: shFake},
	{id: "3008455", name: "微商货源总仓", kind: shFake},
	{id: "3009108", name: "义乌好物批发", kind: shFake},
	{id: "3010663", name: "厂家直发小铺", kind: shFake},
	{id: "3011290", name: "百货特卖汇", kind: shFake},
	{id: "3012847", name: "超值折扣店", kind: shFake},
	{id: "3013506", name: "诚信日化批发", kind: shFake},
	{id: "3014172", name: "天天特价铺", kind: shFake},
	{id: "3015739", name: "品牌折扣仓", kind: shFake},
	{id: "3016284", name: "全球购特卖", kind: shFake},

	{id: "4001836", name: "小王的闲置", kind: shPersonal},
	{id: "4002419", name: "Lily闲置转让", kind: shPersonal},
	{id: "4003075", name: "宝妈闲置铺", kind: shPersonal},
	{id: "4004662", name: "个人闲置小店", kind: shPersonal},
	{id: "4005208", name: "阿珍的小店", kind: shPersonal},
	{id: "4006951", name: "学生党闲置", kind: shPersonal},
	{id: "4007344", name: "搬家清仓-个人", kind: shPersonal},

	{id: "5001129", name: "运动健身器材店", kind: shOther},
	{id: "5002764", name: "塑料杯具批发", kind: shOther},
	{id: "5003318", name: "维全营养旗舰店", kind: shOther},
	{id: "5004907", name: "泉维健康旗舰店", kind: shOther},
	{id: "5005451", name: "丝璐化妆品旗舰店", kind: shOther},
	{id: "5006083", name: "SILKDAY海外旗舰店", kind: shOther},
	{id: "5007622", name: "净家日化旗舰店", kind: shOther},
	{id: "5008270", name: "翠叶轩茶庄", kind: shOther},
	{id: "5009815", name: "散装营养粉批发", kind: shOther},
	{id: "5010348", name: "日化用品批发部", kind: shOther},
	{id: "5011976", name: "养生茶叶铺", kind: shOther},
	{id: "5012531", name: "美妆工具小铺", kind: shOther},
	{id: "5013087", name: "电子书资料店", kind: shOther},
	{id: "5014650", name: "测评君的小店", kind: shOther},
	{id: "5015204", name: "家居收纳专营", kind: shOther},
	{id: "5016739", name: "国货护肤小铺", kind: shOther},
	{id: "5017462", name: "保健食品批发", kind: shOther},
}

var shopsB = []*shop{
	{id: "vitaquan-official-store", name: "VitaQuan Official Store 维泉官方", kind: shOfficial, brands: []string{"vitaquan"}, currency: "USD"},
	{id: "silkdew-hk", name: "Silkdew Hong Kong Official 絲露香港官方", kind: shOfficial, brands: []string{"silkdew"}, currency: "HKD"},
	{id: "purenest-global", name: "PureNest Global Official", kind: shOfficial, brands: []string{"purenest"}, currency: "USD"},
	{id: "jadeleaf-flagship", name: "JadeLeaf Flagship 翠葉旗艦店", kind: shOfficial, brands: []string{"jadeleaf"}, currency: "HKD"},

	{id: "hk-health-mart", name: "HK Health Mart 香港健康坊", kind: shAuthorised, brands: []string{"vitaquan", "jadeleaf"}, currency: "HKD"},
	{id: "wellness-bay", name: "Wellness Bay", kind: shAuthorised, brands: []string{"vitaquan"}, currency: "USD"},
	{id: "beauty-harbour-hk", name: "Beauty Harbour 美麗港", kind: shAuthorised, brands: []string{"silkdew"}, currency: "HKD"},
	{id: "glow-lab-sg", name: "Glow Lab SG", kind: shAuthorised, brands: []string{"silkdew"}, currency: "USD"},
	{id: "homecare-direct", name: "HomeCare Direct 家居直送", kind: shAuthorised, brands: []string{"purenest"}, currency: "CNY"},
	{id: "herbal-house-mo", name: "Herbal House Macau 澳門草本坊", kind: shAuthorised, brands: []string{"jadeleaf"}, currency: "HKD"},

	{id: "daigou-express", name: "Daigou Express 代购快线", kind: shReseller, currency: "CNY"},
	{id: "kowloon-goods", name: "Kowloon Goods 九龍好物", kind: shReseller, currency: "HKD"},
	{id: "us-asian-mart", name: "US Asian Mart", kind: shReseller, currency: "USD"},
	{id: "bestbuy-hk-88", name: "BestBuy HK 88", kind: shReseller, currency: "HKD"},
	{id: "mainland-picks", name: "Mainland Picks 大陆优选", kind: shReseller, currency: "CNY"},
	{id: "global-shopper-hub", name: "Global Shopper Hub", kind: shReseller, currency: "USD"},
	{id: "asia-beauty-outlet", name: "Asia Beauty Outlet", kind: shReseller, currency: "USD"},
	{id: "tst-corner-store", name: "TST Corner Store 尖沙咀小店", kind: shReseller, currency: "HKD"},
	{id: "panda-daigou", name: "Panda Daigou", kind: shReseller, currency: "CNY"},

	{id: "factory-direct-supply", name: "Factory Direct Supply", kind: shFake, currency: "USD"},
	{id: "wholesale-beauty-source", name: "Wholesale Beauty Source", kind: shFake, currency: "USD"},
	{id: "cheap-glow-deals", name: "Cheap Glow Deals", kind: shFake, currency: "USD"},
	{id: "top-mirror-store", name: "Top Mirror Store", kind: shFake, currency: "USD"},
	{id: "guangzhou-source", name: "Guangzhou Source 广州货源", kind: shFake, currency: "CNY"},
	{id: "best-price-warehouse", name: "Best Price Warehouse", kind: shFake, currency: "USD"},
	{id: "hk-outlet-deals", name: "HK Outlet Deals", kind: shFake, currency: "HKD"},
	{id: "yiwu-trading-co", name: "Yiwu Trading Co.", kind: shFake, currency: "USD"},

	{id: "preloved-by-amy", name: "Preloved by Amy", kind: shPersonal, currency: "HKD"},
	{id: "closet-clearout-kk", name: "Closet Clear-out KK", kind: shPersonal, currency: "HKD"},
	{id: "mia-moving-sale", name: "Mia's Moving Sale", kind: shPersonal, currency: "USD"},
	{id: "student-resale-jo", name: "Jo 學生轉讓", kind: shPersonal, currency: "CNY"},

	{id: "gym-gear-hub", name: "Gym Gear Hub", kind: shOther, currency: "USD"},
	{id: "kitchen-basics-store", name: "Kitchen Basics", kind: shOther, currency: "USD"},
	{id: "vitaqueen-nutrition", name: "VitaQueen Nutrition", kind: shOther, currency: "USD"},
	{id: "silkday-cosmetics", name: "SilkDay Cosmetics 絲黛", kind: shOther, currency: "HKD"},
	{id: "purenext-home", name: "PureNext Home", kind: shOther, currency: "USD"},
	{id: "jade-tea-house", name: "Jade Tea House 翠玉茶莊", kind: shOther, currency: "HKD"},
	{id: "beauty-tools-co", name: "Beauty Tools Co.", kind: shOther, currency: "USD"},
	{id: "ebook-corner", name: "eBook Corner", kind: shOther, currency: "USD"},
	{id: "review-lab", name: "Review Lab 測評室", kind: shOther, currency: "HKD"},
	{id: "organic-pantry", name: "Organic Pantry", kind: shOther, currency: "USD"},
	{id: "home-essentials-hk", name: "Home Essentials HK", kind: shOther, currency: "HKD"},
}

func init() {
	for _, s := range shopsA {
		s.site = siteA
		s.currency = "CNY"
	}
	for _, s := range shopsB {
		s.site = siteB
	}
}

func shopByID(site, id string) *shop {
	list := shopsA
	if site == siteB {
		list = shopsB
	}
	for _, s := range list {
		if s.id == id {
			return s
		}
	}
	return nil
}
