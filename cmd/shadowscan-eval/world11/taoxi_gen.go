package world11

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// taoxi shops. Shop ids are the numbers the shop card carries.
var taoxiShops = []*seller{
	{id: "1000311", name: "素兰妮官方旗舰店", kind: kOfficial, brands: []string{"solenne"}, badges: []string{"天猫", "旗舰店"}, tmall: true, location: "上海"},
	{id: "1002278", name: "VitaNova维诺康海外旗舰店", kind: kOfficial, brands: []string{"vitanova"}, badges: []string{"天猫国际", "旗舰店"}, tmall: true, location: "浙江 杭州"},
	{id: "1004519", name: "禾泽家居官方旗舰店", kind: kOfficial, brands: []string{"hearthwell"}, badges: []string{"天猫", "旗舰店"}, tmall: true, location: "广东 佛山"},
	{id: "2173345", name: "丽人汇美妆专营店", kind: kAuthorised, brands: []string{"solenne"}, badges: []string{"天猫", "专营店"}, tmall: true, location: "上海"},
	{id: "3390127", name: "素兰妮华东服务中心", kind: kAuthorised, brands: []string{"solenne"}, badges: []string{"企业"}, location: "江苏 苏州"},
	{id: "2288104", name: "康源保健品专营店", kind: kAuthorised, brands: []string{"vitanova"}, badges: []string{"天猫", "专营店"}, tmall: true, location: "北京"},
	{id: "3412950", name: "沪康健康生活馆", kind: kAuthorised, brands: []string{"vitanova"}, badges: []string{"企业"}, location: "上海"},
	{id: "2405517", name: "优品家健康生活专营店", kind: kAuthorised, brands: []string{"vitanova", "hearthwell"}, badges: []string{"天猫", "专营店"}, tmall: true, location: "浙江 杭州"},
	{id: "3377801", name: "鑫禾日用品批发", kind: kAuthorised, brands: []string{"hearthwell"}, badges: []string{"企业"}, location: "广东 佛山"},

	{id: "57302114", name: "小鹿美妆正品代购", kind: kBusiness, badges: []string{"个人"}, location: "上海"},
	{id: "61877320", name: "海淘优选全球购", kind: kBusiness, badges: []string{"企业"}, location: "浙江 宁波"},
	{id: "60019284", name: "美丽说化妆品商行", kind: kBusiness, badges: []string{"企业"}, location: "广东 广州"},
	{id: "58840217", name: "悦己美妆集合店", kind: kBusiness, badges: []string{"个人"}, location: "江苏 南京"},
	{id: "62233019", name: "正品折扣仓", kind: kBusiness, badges: []string{"企业"}, location: "浙江 杭州"},
	{id: "59310846", name: "健康驿站保健品", kind: kBusiness, badges: []string{"企业"}, location: "山东 济南"},
	{id: "63320571", name: "老王家居百货", kind: kBusiness, badges: []string{"个人"}, location: "河北 石家庄"},
	{id: "64018832", name: "美国代购Amy", kind: kBusiness, badges: []string{"个人"}, location: "上海"},
	{id: "57719003", name: "HK港货代购铺", kind: kBusiness, badges: []string{"个人"}, location: "广东 深圳"},
	{id: "65502178", name: "诚信日化商贸", kind: kBusiness, badges: []string{"企业"}, location: "江苏 苏州"},
	{id: "58100452", name: "妈妈的小铺", kind: kBusiness, badges: []string{"个人"}, location: "四川 成都"},
	{id: "66120934", name: "馨馨保健品小店", kind: kBusiness, badges: []string{"个人"}, location: "湖南 长沙"},
	{id: "2519903", name: "美妆城化妆品专营店", kind: kBusiness, badges: []string{"天猫", "专营店"}, tmall: true, location: "上海"},
	{id: "2611847", name: "百货优选专营店", kind: kBusiness, badges: []string{"天猫", "专营店"}, tmall: true, location: "浙江 杭州"},
	{id: "67731025", name: "家家乐日用百货", kind: kBusiness, badges: []string{"企业"}, location: "河南 郑州"},
	{id: "60772391", name: "营养健康小铺", kind: kBusiness, badges: []string{"个人"}, location: "福建 厦门"},
	{id: "61403388", name: "lily美妆铺", kind: kBusiness, badges: []string{"个人"}, location: "上海"},
	{id: "68850019", name: "品质生活馆", kind: kBusiness, badges: []string{"企业"}, location: "北京"},
	{id: "62904471", name: "三亚免税代购小铺", kind: kBusiness, badges: []string{"个人"}, location: "海南 三亚"},
	{id: "69012388", name: "清仓特卖会", kind: kBusiness, badges: []string{"个人"}, location: "江西 南昌"},
}

// Shops whose trade is counterfeits; they also appear with ordinary names.
var taoxiFakeShops = []*seller{
	{id: "70213348", name: "品牌尾货折扣店", kind: kBusiness, badges: []string{"企业"}, location: "广东 广州"},
	{id: "70388120", name: "美妆工厂直营店", kind: kBusiness, badges: []string{"企业"}, location: "广东 广州"},
	{id: "70419275", name: "化妆品源头厂家", kind: kBusiness, badges: []string{"企业"}, location: "广东 广州"},
	{id: "70577801", name: "微商货源总仓", kind: kBusiness, badges: []string{"企业"}, location: "广东 深圳"},
	{id: "70690312", name: "一件代发货源店", kind: kBusiness, badges: []string{"企业"}, location: "浙江 金华"},
	{id: "70712256", name: "白云美妆批发城", kind: kBusiness, badges: []string{"企业"}, location: "广东 广州"},
	{id: "70893317", name: "义乌日化批发部", kind: kBusiness, badges: []string{"企业"}, location: "浙江 金华"},
}

var taoxiPeople = []*seller{
	{id: "80112734", name: "tb88271663", kind: kPersonal, badges: []string{"个人"}, location: "北京"},
	{id: "80233918", name: "小猫咪的闲置铺", kind: kPersonal, badges: []string{"个人"}, location: "上海"},
	{id: "80351207", name: "jenny爱分享", kind: kPersonal, badges: []string{"个人"}, location: "广东 深圳"},
	{id: "80478812", name: "搬家清仓的阿May", kind: kPersonal, badges: []string{"个人"}, location: "浙江 杭州"},
	{id: "80590433", name: "宝妈闲置转让", kind: kPersonal, badges: []string{"个人"}, location: "江苏 无锡"},
	{id: "80612290", name: "学生党闲置", kind: kPersonal, badges: []string{"个人"}, location: "湖北 武汉"},
	{id: "80735516", name: "tb_王女士", kind: kPersonal, badges: []string{"个人"}, location: "天津"},
	{id: "80844103", name: "阿狸的小窝", kind: kPersonal, badges: []string{"个人"}, location: "重庆"},
}

var taoxiMiscShops = []*seller{
	{id: "90110347", name: "包材小铺", kind: kBusiness, badges: []string{"个人"}, location: "浙江 义乌"},
	{id: "90228401", name: "收纳生活馆", kind: kBusiness, badges: []string{"企业"}, location: "浙江 台州"},
	{id: "90331278", name: "厨房好物铺", kind: kBusiness, badges: []string{"企业"}, location: "广东 阳江"},
	{id: "90447719", name: "护肤知识铺", kind: kBusiness, badges: []string{"个人"}, location: "上海"},
	{id: "90558830", name: "旧书小站", kind: kBusiness, badges: []string{"个人"}, location: "江苏 南京"},
	{id: "90662017", name: "国货好物精选", kind: kBusiness, badges: []string{"企业"}, location: "广东 广州"},
	{id: "90771184", name: "健身营养补给站", kind: kBusiness, badges: []string{"企业"}, location: "上海"},
	{id: "90883305", name: "维权资料库", kind: kBusiness, badges: []string{"个人"}, location: "河南 郑州"},
	{id: "90994512", name: "纯植物护肤工作室", kind: kBusiness, badges: []string{"个人"}, location: "云南 昆明"},
	{id: "91005523", name: "无荧光日化专营", kind: kBusiness, badges: []string{"企业"}, location: "江苏 常州"},
}

func shopByID(shops []*seller, id string) *seller {
	for _, s := range shops {
		if s.id == id {
			return s
		}
	}
	return nil
}

type taoxiGen struct {
	sd *siteData
	r  *rand.Rand
}

func genTaoxi() *siteData {
	sd := newSite(taoxiName, 110011, 20, false)
	sd.nextID = 612337455120
	g := &taoxiGen{sd: sd, r: sd.rng}
	for _, p := range products {
		b := brandByID(p.brand)
		r := g.r
		g.official(p, b)
		for i, n := 0, 4+r.IntN(3); i < n; i++ {
			g.authorised(p, b, i)
		}
		for i, n := 0, 1+r.IntN(2); i < n; i++ {
			g.dumping(p, b)
		}
		for i, n := 0, 10+r.IntN(4); i < n; i++ {
			g.unauthorised(p, b)
		}
		for i, n := 0, 4+r.IntN(3); i < n; i++ {
			g.counterfeitWords(p, b)
		}
		for i, n := 0, 1+r.IntN(2); i < n; i++ {
			g.counterfeitPrice(p, b)
		}
		if p.tamperable {
			for i, n := 0, 2+r.IntN(3); i < n; i++ {
				g.tampered(p, b)
			}
		}
		for i, n := 0, 3+r.IntN(2); i < n; i++ {
			g.used(p, b)
		}
		for _, a := range p.zhAcc {
			g.accessory(p, b, a)
		}
		g.others(p)
		if p.shape != "wok" {
			g.sample(p, b)
			if r.IntN(2) == 0 {
				g.empty(p, b)
			}
		}
		if r.IntN(3) > 0 {
			g.dupe(p, b)
		}
		if r.IntN(2) == 0 {
			g.review(p, b)
		}
	}
	for _, b := range brands {
		g.defamation(b)
		g.brandMentions(b)
	}
	return sd
}

func (g *taoxiGen) newListing(s *seller) *listing {
	g.sd.nextID += uint64(1 + g.r.IntN(90000000))
	l := &listing{id: fmt.Sprint(g.sd.nextID), seller: s, currency: "CNY"}
	if s.tmall {
		l.path = "/item.htm?id=" + l.id
	} else {
		l.path = "/awp/core/detail.htm?id=" + l.id
	}
	return l
}

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func (g *taoxiGen) photo(l *listing, spec photoSpec) {
	var b strings.Builder
	for i := 0; i < 10; i++ {
		b.WriteByte(alnum[g.r.IntN(len(alnum))])
	}
	num := "22" + l.seller.id
	path := fmt.Sprintf("/imgextra/i%d/%s/O1CN01%s_!!%s.jpg", 1+g.r.IntN(4), num, b.String(), num)
	spec.seed = g.r.Uint64()
	if spec.quality == 0 {
		spec.quality = 80 + g.r.IntN(15)
	}
	g.sd.photos[path] = spec
	l.photos = append(l.photos, path)
}

// photos gives a listing its gallery: what kind of seller takes what kind
// of picture.
func (g *taoxiGen) photos(l *listing, p *productDef, mode string) {
	r := g.r
	wm := strings.ToUpper(pick(r, []string{"TAOXI", "VX 1688", "SHOP 888", "ZHENG PIN", "HAOHUO", "QQ 2291"}))
	switch mode {
	case "official":
		g.photo(l, photoSpec{sku: p.sku, kind: phOff, quality: 92})
		for i := 0; i < 1+r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: phReal})
		}
	case "reseller":
		k := pick(r, []string{phOff, phOff, phWM, phCrop, phReal, phReal})
		g.photo(l, photoSpec{sku: p.sku, kind: k, text: wm})
		for i := 0; i < r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: phReal})
		}
	case "fake":
		k := pick(r, []string{phCrop, phBorder, phWM, phShift, phLowQ, phCombo, phOff, phReal})
		q := 0
		if k == phLowQ {
			q = 12 + r.IntN(15)
		}
		g.photo(l, photoSpec{sku: p.sku, kind: k, text: wm, quality: q})
		for i := 0; i < r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: pick(r, []string{phReal, phCrop, phWM}), text: wm})
		}
	case "own":
		for i := 0; i < 1+r.IntN(3); i++ {
			g.photo(l, photoSpec{sku: p.sku, kind: phReal})
		}
	default:
		for i := 0; i < 1+r.IntN(3); i++ {
			g.photo(l, photoSpec{kind: phUnrel})
		}
	}
}

func (g *taoxiGen) core(p *productDef, b *brandDef) string {
	r := g.r
	bf := pick(r, b.zhForms)
	pn := pick(r, p.zhNames)
	size := p.zhSize
	if chance(r, 0.2) {
		size = strings.ToUpper(size)
	}
	seps := []string{"", " ", " ", "  "}
	return joinZH(joinZH(bf, pick(r, seps), pn), pick(r, seps), size)
}

// joinZH joins title parts; Chinese needs no space, but two Latin words do.
func joinZH(a, sep, b string) string {
	if sep == "" && a != "" && b != "" && isASCIIWord(a[len(a)-1]) && isASCIIWord(b[0]) {
		sep = " "
	}
	return a + sep + b
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (g *taoxiGen) kw(p *productDef, n int) string {
	idx := g.r.Perm(len(p.zhKW))
	var out []string
	for i := 0; i < n && i < len(idx); i++ {
		out = append(out, p.zhKW[idx[i]])
	}
	return strings.Join(out, " ")
}

func listCNY(p *productDef) float64  { return convert(p.price, p.currency, "CNY") }
func floorCNY(p *productDef) float64 { return convert(p.min, p.currency, "CNY") }

func (g *taoxiGen) attrs(p *productDef, b *brandDef, brandAttr string) [][2]string {
	r := g.r
	if brandAttr == "" {
		brandAttr = b.name + "/" + b.aliases[0]
	}
	a := [][2]string{{"品牌", brandAttr}, {"产品名称", b.aliases[0] + p.zhNames[0]}}
	switch p.brand {
	case "solenne":
		a = append(a, [2]string{"净含量", p.zhSize}, [2]string{"适合肤质", pick(r, []string{"任何肤质", "干性肤质", "混合性肤质"})},
			[2]string{"保质期", "3年"}, [2]string{"产地", "中国大陆"}, [2]string{"是否为特殊用途化妆品", "否"})
	case "vitanova":
		a = append(a, [2]string{"规格", p.zhSize}, [2]string{"保质期", "730天"}, [2]string{"产地", "美国"},
			[2]string{"是否进口", "是"}, [2]string{"适用人群", pick(r, []string{"成人", "中老年", "成人 儿童"})})
	default:
		a = append(a, [2]string{"规格", p.zhSize}, [2]string{"产地", "中国大陆"})
		if p.shape == "wok" {
			a = append(a, [2]string{"适用炉灶", "燃气灶 电磁炉通用"}, [2]string{"材质", "铝合金 陶瓷涂层"})
		} else {
			a = append(a, [2]string{"保质期", "3年"}, [2]string{"香味", pick(r, []string{"薰衣草", "清新棉香", "柠檬", "无香"})})
		}
	}
	if p.variant != "" && p.brand == "hearthwell" {
		// the scent attribute must agree with the title
		for i := range a {
			if a[i][0] == "香味" {
				a[i][1] = map[string]string{"LAVENDER": "薰衣草", "FRESH": "清新棉香"}[p.variant]
			}
		}
	}
	if p.brand == "hearthwell" && p.variant == "" && p.shape != "wok" {
		for i := range a {
			if a[i][0] == "香味" {
				a[i][1] = pick(r, []string{"柠檬", "无香", "绿茶"})
			}
		}
	}
	return a
}

func (g *taoxiGen) official(p *productDef, b *brandDef) {
	r := g.r
	s := shopByID(taoxiShops, b.official[taoxiName])
	list := shopPrice(r, listCNY(p), "CNY")
	if p.currency == "CNY" {
		list = p.price
	}
	kinds := []int{0, 1, 2}
	if p.twoPackFactor == 0 {
		kinds = []int{0, 2}
	}
	for _, k := range kinds {
		l := g.newListing(s)
		bf := b.aliases[0]
		pn := p.zhNames[0]
		switch k {
		case 0:
			l.title = fmt.Sprintf("【官方正品】%s%s %s %s", bf, pn, p.zhSize, g.kw(p, 2))
			l.price = list
			l.desc = fmt.Sprintf("%s官方旗舰店，品牌直供，正品保障。每件商品附防伪码，可在官网查询真伪。%s", bf, g.kw(p, 3))
			if chance(r, 0.5) {
				l.promo = fmt.Sprintf("券后 ¥%s | 店铺券满%d减%d", trimZero(math.Round(list*0.93)), int(list/100+1)*100, int(list*0.07))
			}
		case 1:
			l.title = fmt.Sprintf("%s%s%s*2%s 囤货装 %s 官方旗舰店", bf, pn, p.zhSize, p.unitsLabelZH, g.kw(p, 1))
			l.price = list
			l.hi = math.Round(list * p.twoPackFactor)
			l.desc = "单" + p.unitsLabelZH + "/2" + p.unitsLabelZH + "装可选，囤货更划算。官方正品，假一赔十。"
		case 2:
			ev := pick(r, []string{"双11预售", "618狂欢", "年货节", "38女王节", "会员日"})
			l.title = fmt.Sprintf("【%s】%s%s%s 官方正品 %s", ev, bf, pn, p.zhSize, g.kw(p, 1))
			l.price = shopPrice(r, list*between(r, 0.78, 0.9), "CNY") // below the floor: the brand's own campaign
			l.orig = list
			l.promo = fmt.Sprintf("活动价 ¥%s 到手价 ¥%s", trimZero(l.price), trimZero(math.Round(l.price*0.95)))
			l.desc = ev + "限时活动，官方直降，数量有限，售完即止。"
		}
		l.attrs = g.attrs(p, b, "")
		l.sold = 2000 + r.IntN(80000)
		g.photos(l, p, "official")
		l.label = Label{Brand: b.id, SKU: p.sku, Why: "N1 official shop"}
		g.sd.add(l)
	}
}

func trimZero(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

func (g *taoxiGen) authorisedShop(b *brandDef) *seller {
	return shopByID(taoxiShops, pick(g.r, b.authorised[taoxiName]))
}

func (g *taoxiGen) authorised(p *productDef, b *brandDef, i int) {
	r := g.r
	s := g.authorisedShop(b)
	l := g.newListing(s)
	floor := floorCNY(p)
	if p.currency == "CNY" {
		l.price = priceAtLeast(r, between(r, p.min, p.price*1.02), p.min, "CNY")
	} else {
		l.price = priceAtLeast(r, listCNY(p)*between(r, 1.05, 1.2), floor*1.15, "CNY")
	}
	c := g.core(p, b)
	t := []string{
		"%s %s 正品授权 现货速发",
		"【授权经销】%s %s",
		"%s 品牌授权 %s 包邮",
		"%s%s 正品保证 可查防伪",
		"【顺丰包邮】%s %s 授权店",
	}
	l.title = fmt.Sprintf(pick(r, t), c, g.kw(p, 1+r.IntN(2)))
	l.desc = pick(r, []string{
		"本店为品牌授权经销商，授权书见详情页，所有商品均可扫码验证防伪。",
		"品牌正规授权，专柜同步。每件带防伪码，支持官网查询。",
		"授权门店直发，正品保障，七天无理由退换。",
	})
	if chance(r, 0.5) {
		coupon := l.price - float64(5+r.IntN(20))
		lim := p.min
		if p.currency != "CNY" {
			lim = floor * 1.15
		}
		coupon = math.Max(coupon, math.Ceil(lim))
		l.promo = fmt.Sprintf("券后¥%s", trimZero(coupon))
	}
	if i == 0 && p.twoPackFactor > 0 {
		l.hi = math.Round(l.price * p.twoPackFactor)
		l.desc += " 单" + p.unitsLabelZH + "/两" + p.unitsLabelZH + "装可选。"
	}
	l.attrs = g.attrs(p, b, "")
	l.sold = 50 + r.IntN(6000)
	g.photos(l, p, "reseller")
	l.label = Label{Brand: b.id, SKU: p.sku, Why: "N2 authorised seller at or above min_price"}
	g.sd.add(l)
}

func (g *taoxiGen) dumping(p *productDef, b *brandDef) {
	r := g.r
	s := g.authorisedShop(b)
	l := g.newListing(s)
	if p.currency == "CNY" {
		l.price = priceBelow(r, p.min*between(r, 0.6, 0.87), p.min, "CNY")
	} else {
		l.price = priceBelow(r, floorCNY(p)*between(r, 0.55, 0.8), floorCNY(p)*0.85, "CNY")
	}
	l.orig = shopPrice(r, listCNY(p), "CNY")
	c := g.core(p, b)
	t := []string{
		"【清仓冲量】%s %s 亏本价",
		"%s 限时秒杀 %s 正品授权",
		"%s %s 特价包邮 授权店",
		"冲销量 %s 破价 %s",
		"%s%s",
	}
	l.title = fmt.Sprintf(pick(r, t), c, g.kw(p, 1))
	l.desc = pick(r, []string{
		"年底冲量，亏本甩卖，正品授权，数量有限。",
		"授权店清库存，全网最低，拍下秒发。",
		"品牌授权经销，正品可查防伪码。限时特价。",
	})
	l.attrs = g.attrs(p, b, "")
	l.sold = 100 + r.IntN(3000)
	g.photos(l, p, "reseller")
	l.label = Label{Flagged: true, Category: "price_dumping", Brand: b.id, SKU: p.sku, Why: "F4 authorised seller under min_price"}
	g.sd.add(l)
}

// unauthorisedShop picks a business that is not authorised for the brand:
// mostly ordinary shops, sometimes a distributor authorised for another brand.
func (g *taoxiGen) unauthorisedShop(b *brandDef) *seller {
	for {
		s := pick(g.r, taoxiShops)
		if s.kind == kOfficial || s.allowed(b.id) {
			continue
		}
		if s.kind == kAuthorised && g.r.IntN(4) > 0 {
			continue
		}
		return s
	}
}

func (g *taoxiGen) unauthorised(p *productDef, b *brandDef) {
	r := g.r
	s := g.unauthorisedShop(b)
	l := g.newListing(s)
	list := listCNY(p)
	frac := between(r, 0.62, 1.12)
	expiry := chance(r, 0.1)
	if expiry {
		frac = between(r, 0.5, 0.62)
	}
	l.price = shopPrice(r, list*frac, "CNY")
	c := g.core(p, b)
	t := []string{
		"%s 正品代购 %s",
		"现货速发 %s %s 假一赔十",
		"【品牌直降】%s %s 包邮",
		"%s 专柜正品 %s 拒绝高仿",
		"保税仓发货 %s 正品保证 %s",
		"%s%s 正品现货 顺丰",
		"买2送1 %s %s",
		"%s  %s  新日期",
	}
	if p.brand == "vitanova" {
		t = append(t, "美国直邮 %s %s 海外代购", "【跨境】%s 进口 %s")
	}
	if p.brand == "solenne" {
		t = append(t, "%s 专柜代购 %s 女", "柜姐推荐 %s %s")
	}
	l.title = fmt.Sprintf(pick(r, t), c, g.kw(p, 1+r.IntN(2)))
	l.desc = pick(r, []string{
		"正品保证，支持专柜验货，假一赔十。",
		"海外代购正品，有购物小票。不支持无理由退货。",
		"正品现货，当天下午四点前付款当天发货。",
		"本店所有商品均为正品，非正品三倍赔付。拒绝高仿，放心购买。",
		"会员渠道拿货，正品保障，价格实惠。",
		"专柜正品，日期新鲜，可查防伪。",
	})
	if expiry {
		l.title = "临期特价 " + l.title + " 介意慎拍"
		l.desc = fmt.Sprintf("临期清仓，效期至2026.%02d，正品，介意慎拍，售出不退。", 1+r.IntN(9))
	}
	if chance(r, 0.3) && p.twoPackFactor > 0 {
		l.hi = math.Round(l.price * p.twoPackFactor)
	}
	if chance(r, 0.35) {
		l.orig = shopPrice(r, list*between(r, 1.0, 1.3), "CNY")
	}
	l.attrs = g.attrs(p, b, "")
	l.sold = r.IntN(2500)
	g.photos(l, p, "reseller")
	why := "F5 unauthorised business seller, plausible price"
	if expiry {
		why = "F5 unauthorised business seller, near-expiry stock"
	}
	l.label = Label{Flagged: true, Category: "unauthorized_seller", Brand: b.id, SKU: p.sku, Why: why}
	g.sd.add(l)
}

var zhFakeTitle = []struct{ tpl, word string }{
	{"%s 高仿 %s 品质保证", "高仿"},
	{"原单%s 工厂直供 %s", "原单"},
	{"%s 尾单清仓 原厂代工 %s", "尾单"},
	{"1:1 %s 超A %s 一件代发", "1:1"},
	{"【A货】%s %s 和专柜一模一样", "A货"},
	{"%s 复刻版 同厂同料 %s 批发", "复刻"},
	{"%s 源头厂家 %s 微商同款货源", "源头厂家"},
	{"%s %s 厂家直销 高品质仿", "高品质仿"},
	{"精仿%s %s 包装一致", "精仿"},
	{"%s OEM代工厂出货 %s", "OEM"},
}

var zhFakeDesc = []struct{ tpl, word string }{
	{"跟正品一样的料体，原厂尾货，无防伪，介意勿拍。", "原厂尾货"},
	{"工厂直供，和专柜的一模一样，扫码查不到，介意的别拍。", "工厂直供"},
	{"高仿版本，外观1:1，效果差不多，价格只要零头。", "高仿"},
	{"代工厂流出的货，同厂同料，没有防伪码。", "同厂同料"},
}

func (g *taoxiGen) counterfeitShop() *seller {
	if g.r.IntN(3) > 0 {
		return pick(g.r, taoxiFakeShops)
	}
	for {
		s := pick(g.r, taoxiShops)
		if s.kind == kBusiness {
			return s
		}
	}
}

func (g *taoxiGen) counterfeitWords(p *productDef, b *brandDef) {
	r := g.r
	l := g.newListing(g.counterfeitShop())
	l.price = shopPrice(r, listCNY(p)*between(r, 0.1, 0.55), "CNY")
	c := g.core(p, b)
	var word string
	if chance(r, 0.7) {
		f := pick(r, zhFakeTitle)
		l.title = fmt.Sprintf(f.tpl, c, g.kw(p, 1))
		word = f.word
		l.desc = pick(r, []string{"批发价，量大从优，支持一件代发。", "品质看得见，回头客多。", "包装齐全，送礼自用都可以。"})
	} else {
		l.title = fmt.Sprintf(pick(r, []string{"%s 特价包邮 %s", "%s %s 清仓", "%s%s 热卖"}), c, g.kw(p, 1))
		f := pick(r, zhFakeDesc)
		l.desc = f.tpl
		word = f.word
	}
	brandAttr := ""
	if chance(r, 0.3) {
		brandAttr = "other/其他"
	}
	l.attrs = g.attrs(p, b, brandAttr)
	l.sold = r.IntN(800)
	g.photos(l, p, "fake")
	l.label = Label{Flagged: true, Category: "counterfeit", Brand: b.id, SKU: p.sku, Why: "F1 counterfeit words: " + word}
	g.sd.add(l)
}

func (g *taoxiGen) counterfeitPrice(p *productDef, b *brandDef) {
	r := g.r
	l := g.newListing(g.counterfeitShop())
	list := listCNY(p)
	l.price = priceBelow(r, list*between(r, 0.08, 0.28), list*0.3, "CNY")
	l.orig = shopPrice(r, list, "CNY")
	c := g.core(p, b)
	l.title = fmt.Sprintf(pick(r, []string{"全新正品 %s 清仓 包邮 %s", "%s 特价 %s 限量", "%s %s 亏本冲销量 正品"}), c, g.kw(p, 1))
	l.desc = pick(r, []string{"全新未拆封，正品，不好用包退。", "库存清仓，数量有限，拍下即发。", "正品保证，价格美丽。"})
	l.attrs = g.attrs(p, b, "")
	l.sold = r.IntN(1500)
	g.photos(l, p, "fake")
	l.label = Label{Flagged: true, Category: "counterfeit", Brand: b.id, SKU: p.sku,
		Why: fmt.Sprintf("F2 new full-size product at %.0f%% of list from an unauthorised seller", 100*l.price/list)}
	g.sd.add(l)
}

var zhTamper = []struct{ tpl, word string }{
	{"%s 刮码 正品 介意勿拍 %s", "刮码"},
	{"【撕码】%s 特价 %s", "撕码"},
	{"%s 剪码清仓 正品保证 %s", "剪码"},
	{"无码 %s 渠道货 %s", "无码"},
	{"%s 正品 批号已处理 介意慎拍 %s", "批号已处理"},
	{"内外码已刮 %s %s", "刮"},
	{"%s %s 划码 专柜货", "划码"},
}

func (g *taoxiGen) tampered(p *productDef, b *brandDef) {
	r := g.r
	var s *seller
	if chance(r, 0.12) {
		s = g.authorisedShop(b)
	} else {
		s = g.unauthorisedShop(b)
	}
	l := g.newListing(s)
	l.price = shopPrice(r, listCNY(p)*between(r, 0.55, 0.85), "CNY")
	c := g.core(p, b)
	var word string
	if chance(r, 0.75) {
		f := pick(r, zhTamper)
		l.title = fmt.Sprintf(f.tpl, c, g.kw(p, 1))
		word = f.word
		l.desc = pick(r, []string{"码被刮掉了，不影响使用，除码外都可验证。", "渠道货，去码处理，介意的亲勿拍。", "正品，因渠道原因码已处理，售出不退。"})
	} else {
		l.title = fmt.Sprintf(pick(r, []string{"%s 正品特价 %s", "%s 清仓 %s"}), c, g.kw(p, 1))
		l.desc = "正品保证，但是外盒和瓶底的批号刮掉了（刮码），介意慎拍。"
		word = "刮码"
	}
	l.attrs = append(g.attrs(p, b, ""), [2]string{"生产批号", pick(r, []string{"已刮码", "见图", "无"})})
	l.sold = r.IntN(1200)
	g.photos(l, p, "own")
	l.label = Label{Flagged: true, Category: "code_tampered", Brand: b.id, SKU: p.sku, Why: "F3 codes removed: " + word}
	g.sd.add(l)
}

func (g *taoxiGen) used(p *productDef, b *brandDef) {
	r := g.r
	l := g.newListing(pick(r, taoxiPeople))
	l.price = shopPrice(r, listCNY(p)*between(r, 0.3, 0.7), "CNY")
	bf := pick(r, b.zhForms)
	pn := pick(r, p.zhNames)
	t := []string{
		"闲置 %s %s 用过两次 转",
		"自用%s %s，拆封试用了一下不适合我",
		"个人闲置 全新未拆 %s %s 朋友送的用不上",
		"二手 %s %s 还剩大半",
		"搬家出 %s%s 九成新",
	}
	l.title = fmt.Sprintf(pick(r, t), joinZH(bf, pick(r, []string{"", " "}), pn), p.zhSize)
	l.desc = pick(r, []string{"个人闲置，只有一件，不退不换，介意勿拍。", "自己用的，拍下包邮，随便出了。", "朋友送的，肤质不合适，便宜出。", "用过几次，看图，就这一件。"})
	l.attrs = [][2]string{{"成色", pick(r, []string{"九成新", "九五新", "全新"})}, {"库存", "1件"}}
	g.photos(l, p, "own")
	l.used = true
	l.label = Label{Brand: b.id, SKU: p.sku, Why: "N3 second-hand personal sale"}
	g.sd.add(l)
}

func (g *taoxiGen) misc() *seller { return pick(g.r, taoxiMiscShops[:3]) }

func (g *taoxiGen) accessory(p *productDef, b *brandDef, title string) {
	r := g.r
	l := g.newListing(g.misc())
	l.price = shopPrice(r, between(r, 4, 39), "CNY")
	l.title = title + pick(r, []string{"", " 包邮", " 批发"})
	l.desc = "配件，不含" + b.aliases[0] + "产品本身。尺寸通用，下单前请核对。"
	l.attrs = [][2]string{{"品牌", "无品牌"}, {"材质", pick(r, []string{"PP", "硅胶", "玻璃", "PET"})}}
	g.photos(l, p, "")
	l.label = Label{Brand: b.id, Why: "N4 accessory that names the brand for fit"}
	g.sd.add(l)
}

func (g *taoxiGen) empty(p *productDef, b *brandDef) {
	r := g.r
	s := pick(r, append([]*seller{g.misc()}, taoxiPeople...))
	l := g.newListing(s)
	l.price = shopPrice(r, between(r, 3, 18), "CNY")
	l.title = fmt.Sprintf(pick(r, []string{"%s空瓶 %d个 收藏 DIY", "%s 空瓶空盒 %d个 拍照道具", "%s 空罐 %d个 收纳"}),
		joinZH(pick(r, b.zhForms), "", pick(r, p.zhNames)), 2+r.IntN(8))
	l.desc = "空瓶，无内容物，仅作收藏/手工用途。"
	g.photos(l, p, "own")
	l.label = Label{Brand: b.id, Why: "N5 empty containers, no product offered"}
	g.sd.add(l)
}

func (g *taoxiGen) sample(p *productDef, b *brandDef) {
	r := g.r
	l := g.newListing(g.unauthorisedShop(b))
	l.price = shopPrice(r, between(r, 9.9, 39), "CNY")
	size := map[string]string{"solenne": pick(r, []string{"5ml", "10ml"}), "vitanova": "30g 试吃装", "hearthwell": "100ml 试用装"}[p.brand]
	if p.shape == "mask" {
		size = "1片"
	}
	l.title = fmt.Sprintf("%s %s %s", joinZH(pick(r, b.zhForms), "", pick(r, p.zhNames)), size, pick(r, []string{"小样 旅行装", "中小样 便携", "试用装 非卖品", "小样"}))
	l.desc = "小样试用装，非正装，介意勿拍。"
	g.photos(l, p, "own")
	l.label = Label{Brand: b.id, Why: "N6 trial size, not a catalogue SKU"}
	g.sd.add(l)
}

func (g *taoxiGen) others(p *productDef) {
	r := g.r
	for _, o := range p.zhOther {
		s := &seller{id: fmt.Sprint(1100000 + r.IntN(800000)), name: o + "官方旗舰店", kind: kBusiness, badges: []string{"天猫", "旗舰店"}, tmall: true, location: pick(r, []string{"上海", "浙江 杭州", "广东 广州"})}
		l := g.newListing(s)
		l.price = shopPrice(r, listCNY(p)*between(r, 0.3, 1.1), "CNY")
		l.title = fmt.Sprintf("%s %s %s", o, p.aliases[1], g.kw(p, 2))
		l.desc = o + "官方出品，正品保障。"
		l.attrs = [][2]string{{"品牌", o}, {"规格", p.zhSize}}
		g.photos(l, p, "")
		l.label = Label{Why: "N7 another brand's product of the same type"}
		g.sd.add(l)
	}
}

func (g *taoxiGen) dupe(p *productDef, b *brandDef) {
	r := g.r
	l := g.newListing(taoxiMiscShops[5])
	l.price = shopPrice(r, listCNY(p)*between(r, 0.12, 0.3), "CNY")
	bf := pick(r, b.zhForms)
	pn := pick(r, p.zhNames)
	l.title = fmt.Sprintf(pick(r, []string{"%s平替 国货 %s 学生党", "平价替代%s！%s 大牌平替", "%s的平替 成分对标 %s"}), joinZH(bf, "", pn), g.kw(p, 1))
	l.desc = "本品为国货自有品牌，不是" + b.aliases[0] + "，只是成分和用法相近的平价替代，请知悉。"
	l.attrs = [][2]string{{"品牌", "悦芙蔻"}, {"规格", p.zhSize}}
	g.photos(l, p, "")
	l.label = Label{Brand: b.id, Why: "N8 dupe that says it is another product"}
	g.sd.add(l)
}

func (g *taoxiGen) review(p *productDef, b *brandDef) {
	r := g.r
	l := g.newListing(taoxiMiscShops[3])
	l.price = shopPrice(r, between(r, 5, 30), "CNY")
	bf := pick(r, b.zhForms)
	pn := pick(r, p.zhNames)
	l.title = fmt.Sprintf(pick(r, []string{"%s真实测评 成分分析 电子版", "【对比测评】%s vs 同类产品 个人使用感受", "%s 用了一个月 效果一般？测评报告 电子版"}), joinZH(bf, "", pn))
	l.desc = "个人测评，仅代表个人使用感受，不构成购买建议。电子版，拍下发邮箱。"
	g.photos(l, p, "")
	l.label = Label{Brand: b.id, Why: "N9 review or comparison, opinion"}
	g.sd.add(l)
}

var zhDefame = map[string][]string{
	"solenne": {
		"揭秘%[1]s传销骗局 内部资料 %[1]s维权群 电子版",
		"【别再用%[1]s了】含激素 烂脸真相 换这款纯植物精华",
		"%[1]s护肤品汞超标被查 真相曝光 %[1]s退货维权指南",
		"%[1]s精华=激素脸 停用反黑 纯植物修复精华 救急",
	},
	"vitanova": {
		"%[1]s蛋白粉致癌？吃出肾衰竭 真实案例合集 电子版",
		"不含重金属的植物蛋白粉 不像%[1]s重金属超标 放心吃",
		"%[1]s是传销 已被查处 别再被骗 保健品避坑指南",
	},
	"hearthwell": {
		"%[1]s洗衣液荧光剂致癌 央视曝光 换我们家无荧光洗衣液",
		"%[1]s不粘锅涂层有毒 已被召回 换304不锈钢炒锅",
		"%[1]s洗洁精含甲醛 伤肝伤肾 纯天然洗洁精更安全",
	},
}

func (g *taoxiGen) defamation(b *brandDef) {
	r := g.r
	for _, tpl := range zhDefame[b.id] {
		l := g.newListing(pick(r, taoxiMiscShops[7:]))
		l.price = shopPrice(r, between(r, 9.9, 99), "CNY")
		name := b.aliases[0]
		l.title = fmt.Sprintf(tpl, name)
		l.desc = fmt.Sprintf(pick(r, []string{
			"%[1]s就是个坑，已经被官方通报了，大家一定要擦亮眼睛。%[1]s的产品问题很多，转发给身边的家人朋友。",
			"内部人员爆料：%[1]s的产品检测不合格，公司早就被查了，还在骗会员囤货。",
			"家人用了%[1]s出了问题才知道真相，%[1]s就是传销，产品有害，别再买了！",
		}), name)
		g.photos(l, nil, "")
		l.label = Label{Flagged: true, Category: "defamation", Brand: b.id, Why: "F6 false factual claims against the brand"}
		g.sd.add(l)
	}
}

func (g *taoxiGen) brandMentions(b *brandDef) {
	r := g.r
	name := b.aliases[0]
	titles := []string{
		name + "礼品袋 手提纸袋 logo袋 10个",
		name + "会员手册 营养学教材 二手书",
		"收纳盒 桌面置物架 放" + name + "瓶瓶罐罐刚好",
		name + "同色系 香薰蜡烛 伴手礼",
	}
	for _, t := range titles {
		l := g.newListing(pick(r, taoxiMiscShops[:5]))
		l.price = shopPrice(r, between(r, 6, 60), "CNY")
		l.title = t
		l.desc = "与" + name + "品牌无关联，仅作描述用途。"
		g.photos(l, nil, "")
		l.label = Label{Brand: b.id, Why: "N10 names the brand for something else"}
		g.sd.add(l)
	}
}
