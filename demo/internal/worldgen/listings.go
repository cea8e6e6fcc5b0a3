package worldgen

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/demo/internal/art"
)

// Truth is a listing's label, as a careful brand analyst would give it.
type Truth struct {
	Flagged  bool                `json:"flagged"`
	Category shadowscan.Category `json:"category,omitempty"`
	BrandID  string              `json:"brand_id,omitempty"`
	SKU      string              `json:"sku,omitempty"`
	Why      string              `json:"why"`
}

// Image says how one listing photo is made.
type Image struct {
	Official string `json:"official,omitempty"`
	Look     string `json:"look,omitempty"`
	Seed     uint64 `json:"seed"`
	Mark     string `json:"mark,omitempty"`
}

// Listing is one marketplace offer with its ground truth.
type Listing struct {
	ID          string            `json:"id"`
	Title       string            `json:"title"`
	Description string            `json:"description"`
	SellerID    string            `json:"seller_id"`
	SellerName  string            `json:"seller_name"`
	PriceText   string            `json:"price_text"`
	Price       shadowscan.Amount `json:"price"`
	Images      []Image           `json:"images"`
	Keywords    []string          `json:"keywords,omitempty"`
	Truth       Truth             `json:"truth"`
}

type gen struct {
	r   *art.Rand
	out []*Listing
	ids map[string]bool
	// nprice counts listings per price format, so that 面议 appears once.
	mianyi bool
}

func (g *gen) add(l *Listing) {
	for {
		id := fmt.Sprintf("dm%06d", g.r.Range(100000, 999999))
		if !g.ids[id] {
			g.ids[id] = true
			l.ID = id
			break
		}
	}
	l.SellerName = Sellers[l.SellerID]
	if l.SellerName == "" {
		panic("unknown seller " + l.SellerID)
	}
	for i := range l.Images {
		// Seeds stay under 2^53 so JSON readers without 64-bit integers keep them exact.
		l.Images[i].Seed = art.Mix(uint64(len(g.out))*131+uint64(i), l.ID) & (1<<53 - 1)
	}
	g.out = append(g.out, l)
}

// yuan returns v yuan, sometimes ending in .90 or .80 as shop prices do.
func (g *gen) yuan(v float64) shadowscan.Amount {
	a := int64(v)
	if a < 1 {
		a = 1
	}
	switch g.r.Intn(4) {
	case 0:
		return shadowscan.Amount(a*100 - 10)
	case 1:
		return shadowscan.Amount(a*100 - 20)
	}
	return shadowscan.Amount(a * 100)
}

func group(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// priceText writes a in one of the formats real shops use.
func (g *gen) priceText(a shadowscan.Amount) string {
	whole := a%100 == 0
	switch g.r.Intn(6) {
	case 0, 1:
		return fmt.Sprintf("¥%s.%02d", group(int64(a)/100), int64(a)%100)
	case 2:
		if whole {
			return fmt.Sprintf("￥%d", int64(a)/100)
		}
		return fmt.Sprintf("￥%s", a)
	case 3:
		if whole {
			return fmt.Sprintf("%d元", int64(a)/100)
		}
		return fmt.Sprintf("%s元", a)
	case 4:
		return fmt.Sprintf("￥%s", a)
	}
	return fmt.Sprintf("¥%s", a)
}

// rangeText writes a price range whose low end is a.
func rangeText(a shadowscan.Amount) string {
	hi := int64(a)/100*14/10 + 1
	if a%100 == 0 {
		return fmt.Sprintf("￥%d-%d", int64(a)/100, hi)
	}
	return fmt.Sprintf("￥%s-%d", a, hi)
}

func (g *gen) price(l *Listing, a shadowscan.Amount) {
	l.Price = a
	l.PriceText = g.priceText(a)
}

func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7f {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

var marketing = []string{"正品", "包邮", "现货", "正品保证", "当天发货", "官方同款", "热卖", "新品"}

// brandWord writes the brand in one of the ways sellers do.
func (g *gen) brandWord(b *Brand) string {
	switch g.r.Intn(7) {
	case 0:
		return b.Short
	case 1:
		return strings.ToUpper(b.Short)
	case 2:
		return fullWidth(strings.ToUpper(b.Short))
	case 3:
		return b.ZH + b.Short
	}
	return b.ZH
}

// twoWords returns two different marketing words.
func (g *gen) twoWords() string {
	i := g.r.Intn(len(marketing))
	j := (i + 1 + g.r.Intn(len(marketing)-1)) % len(marketing)
	return marketing[i] + " " + marketing[j]
}

// productTitle names p in one of the title styles of the marketplace.
func (g *gen) productTitle(p *Product) string {
	b := p.Brand
	switch g.r.Intn(8) {
	case 0:
		return fmt.Sprintf("%s %s %s", b.Short, p.EN, p.SizeEN)
	case 1:
		return fmt.Sprintf("%s%s%s", b.ZH, p.ZH, p.SizeZH)
	case 2:
		return fmt.Sprintf("【%s】%s %s %s", art.Pick(g.r, marketing), g.brandWord(b), p.ZH, p.SizeEN)
	case 3:
		return fmt.Sprintf("%s %s %s %s", g.brandWord(b), p.ZH, p.SizeZH, art.Pick(g.r, marketing))
	case 4:
		return fmt.Sprintf("%s/%s %s%s %s", b.ZH, strings.ToUpper(b.Short), p.ZH, p.SizeZH, p.EN)
	case 5:
		return fmt.Sprintf("%s%s%s %s", b.ZH, p.ZH, p.SizeEN, g.twoWords())
	case 6:
		return fmt.Sprintf("%s %s", p.Aliases[g.r.Intn(len(p.Aliases))], g.twoWords())
	}
	return fmt.Sprintf("%s %s %s (%s)", b.Name, p.EN, p.SizeEN, p.SizeZH)
}

func keywords(p *Product, extra ...string) []string {
	b := p.Brand
	return append([]string{b.ZH, strings.ToLower(b.Short), p.Kind, p.KindEN}, extra...)
}

func official(p *Product, mark string) Image { return Image{Official: p.Image(), Mark: mark} }
func own(p *Product) Image                   { return Image{Look: "sku:" + p.SKU} }

func pct(a shadowscan.Amount, list int) int { return int(int64(a) * 100 / int64(list*100)) }

func money(a shadowscan.Amount) string { return "¥" + a.String() }

// generate builds every listing of the demo marketplace.
func generate() []*Listing {
	g := &gen{r: art.NewRand(20260301), ids: map[string]bool{}}
	var all []*Product
	for _, b := range Brands() {
		all = append(all, b.Products...)
	}
	pick := func() *Product { return all[g.r.Intn(len(all))] }

	g.counterfeit(all, pick)
	g.codeTampered(pick)
	g.dumping(all)
	g.unauthorized(pick)
	g.defamation()
	g.officialShops(all)
	g.authorised(all)
	g.lookalikes()
	g.accessories()
	g.generic()
	g.otherBrands()

	sort.Slice(g.out, func(i, j int) bool { return g.out[i].ID < g.out[j].ID })
	return g.out
}

var redFlags = []string{"原单", "高仿", "工厂直供", "尾单", "1:1", "replica", "A货", "复刻版"}

func (g *gen) counterfeit(all []*Product, pick func() *Product) {
	sellers := []string{"hx-factory-store", "hx-factory-store", "yp-888", "yp-888", "mingpin-outlet", "lucky-deals-24", "quanqiu-haohuo", "kr-beauty-direct"}
	descs := []string{
		"%s品质 与专柜一致 假一赔十 量大从优",
		"%s 厂家直销，同一条生产线，放心购买",
		"%s 支持验货，不满意包退，拍下当天发货",
		"%s quality, same as the original, ships in 24h",
	}
	for i := 0; i < 40; i++ {
		p := pick()
		seller := sellers[i%len(sellers)]
		if p.Brand == verdance && i%3 == 0 {
			seller = "kr-beauty-direct"
		}
		pattern := i % 4
		l := &Listing{SellerID: seller, Keywords: keywords(p, "正品", "特价")}
		title := g.productTitle(p)
		var why []string
		word := redFlags[g.r.Intn(len(redFlags))]
		cheap := pattern != 3
		words := pattern != 2
		photo := pattern != 1
		if cheap {
			g.price(l, g.yuan(float64(p.Price)*g.r.Between(0.18, 0.45)))
			why = append(why, fmt.Sprintf("%s is %d%% of list ¥%d", money(l.Price), pct(l.Price, p.Price), p.Price))
		} else {
			g.price(l, g.yuan(float64(p.Price)*g.r.Between(0.56, 0.7)))
		}
		if words {
			if g.r.Chance(0.6) {
				title = word + " " + title
				l.Description = fmt.Sprintf(art.Pick(g.r, descs), word)
			} else {
				title = title + " " + word
				l.Description = fmt.Sprintf(art.Pick(g.r, descs), word)
			}
			why = append(why, "red-flag word "+word)
		} else {
			l.Description = "特价清仓，数量有限，先到先得"
		}
		if photo {
			l.Images = append(l.Images, official(p, strings.ToUpper(strings.SplitN(seller, "-", 2)[0])))
			why = append(why, "official photo reused")
		}
		l.Images = append(l.Images, own(p))
		l.Title = title
		l.Truth = Truth{Flagged: true, Category: shadowscan.CategoryCounterfeit, BrandID: p.Brand.ID, SKU: p.SKU,
			Why: "unknown seller " + seller + "; " + strings.Join(why, "; ")}
		g.add(l)
	}
}

var codeWords = []string{"刮码", "撕码", "剪码", "无码"}

func (g *gen) codeTampered(pick func() *Product) {
	unknown := []string{"xiaoma-daigou", "haitao-xiaopu", "mingpin-outlet", "haitao-xiaopu", "zhenxuan-life"}
	for i := 0; i < 25; i++ {
		p := pick()
		w := codeWords[i%len(codeWords)]
		l := &Listing{Keywords: keywords(p, "清仓")}
		var who string
		if i%5 < 2 {
			// An authorised member moving diverted stock: priced at the floor or above.
			l.SellerID = p.Brand.Authorized[g.r.Intn(len(p.Brand.Authorized))]
			g.price(l, shadowscan.Amount(int64(p.Min+g.r.Intn(p.Price-p.Min+1))*100))
			who = "authorised " + l.SellerID
		} else {
			l.SellerID = unknown[i%len(unknown)]
			g.price(l, g.yuan(float64(p.Price)*g.r.Between(0.72, 0.9)))
			who = "unknown seller " + l.SellerID
		}
		title := g.productTitle(p)
		if i%2 == 0 {
			l.Title = title + " " + w + "正品 介意勿拍"
			l.Description = "正品行货，渠道原因批号已处理，保质期新鲜，介意者慎拍。"
		} else {
			l.Title = title + " " + art.Pick(g.r, marketing)
			l.Description = fmt.Sprintf("正品，外箱%s发货，防伪码已去除，不影响使用，售出不退。", w)
		}
		l.Images = []Image{own(p)}
		if g.r.Chance(0.5) {
			l.Images = append(l.Images, own(p))
		}
		l.Truth = Truth{Flagged: true, Category: shadowscan.CategoryCodeTampered, BrandID: p.Brand.ID, SKU: p.SKU,
			Why: fmt.Sprintf("%s in listing text: codes removed; %s at %s (%d%% of list)", w, who, money(l.Price), pct(l.Price, p.Price))}
		g.add(l)
	}
}

func (g *gen) dumping(all []*Product) {
	descs := []string{
		"授权店会员特惠，正品可查防伪码，限时活动。",
		"本店为品牌授权会员店，支持官方防伪查询。冲量价，售完即止。",
		"Authorised member shop. Genuine, verifiable codes. Clearance price this week.",
	}
	for i := 0; i < 25; i++ {
		p := all[(i*7)%len(all)]
		b := p.Brand
		seller := b.Authorized[i%len(b.Authorized)]
		l := &Listing{SellerID: seller, Keywords: keywords(p)}
		lo, hi := float64(p.Price)*0.62, float64(p.Min)-1
		a := shadowscan.Amount(int64(g.r.Between(lo, hi)) * 100)
		l.Price = a
		l.PriceText = g.priceText(a)
		if i == 4 || i == 17 {
			l.PriceText = rangeText(a)
		}
		l.Title = g.productTitle(p) + art.Pick(g.r, []string{" 会员价", " 限时特惠", " 冲量", "", " 清仓"})
		l.Description = art.Pick(g.r, descs)
		if i%2 == 0 {
			l.Images = []Image{official(p, "")}
		} else {
			l.Images = []Image{own(p)}
		}
		l.Truth = Truth{Flagged: true, Category: shadowscan.CategoryPriceDumping, BrandID: b.ID, SKU: p.SKU,
			Why: fmt.Sprintf("authorised %s at %s, under the floor ¥%d", seller, money(a), p.Min)}
		g.add(l)
	}
}

func (g *gen) unauthorized(pick func() *Product) {
	sellers := []string{"zhenxuan-life", "mama-jia", "vitality-hub", "xiaoma-daigou", "haitao-xiaopu", "jiajia-baihuo"}
	descs := []string{
		"海外代购，正品带小票，支持专柜验货。",
		"自用囤货转让，全新未拆封，生产日期新鲜。",
		"Bought at the brand's member store, unopened, shipped from Shanghai.",
		"朋友是会员，拿货渠道正规，量大可议。",
	}
	for i := 0; i < 30; i++ {
		p := pick()
		seller := sellers[i%len(sellers)]
		if i%10 == 9 {
			// Authorised for the other brand, not for this one.
			if p.Brand == aurora {
				seller = "shop-4471"
			} else {
				seller = "shop-1187"
			}
		}
		l := &Listing{SellerID: seller, Keywords: keywords(p, "代购")}
		g.price(l, g.yuan(float64(p.Price)*g.r.Between(0.78, 1.08)))
		if i == 13 {
			l.PriceText = rangeText(l.Price)
		}
		l.Title = g.productTitle(p)
		if i%7 == 3 {
			l.Title = strings.Replace(l.Title, "Protein", "Protien", 1)
		}
		l.Description = art.Pick(g.r, descs)
		note := "own photos"
		if i%5 < 2 {
			l.Images = []Image{official(p, ""), own(p)}
			note = "official photo"
		} else {
			l.Images = []Image{own(p)}
		}
		l.Truth = Truth{Flagged: true, Category: shadowscan.CategoryUnauthorizedSeller, BrandID: p.Brand.ID, SKU: p.SKU,
			Why: fmt.Sprintf("seller %s is not authorised for %s; %s is %d%% of list, no counterfeit words, %s", seller, p.Brand.ID, money(l.Price), pct(l.Price, p.Price), note)}
		g.add(l)
	}
}

func (g *gen) defamation() {
	type def struct {
		b            *Brand
		title, desc  string
		term, seller string
	}
	defs := []def{
		{aurora, "揭秘奥罗拉传销骗局 内部资料 电子书PDF", "深度揭秘奥罗拉的拉人头模式，奥罗拉传销证据合集，拍下自动发货。", "奥罗拉传销", "dushu-ziliao"},
		{aurora, "奥罗拉骗局全记录 受害者自述合集", "奥罗拉骗局的受害者亲述，看完你就明白了。电子版。", "奥罗拉骗局", "dushu-ziliao"},
		{aurora, "Aurora Wellness is a pyramid scheme - the full story (ebook)", "How the aurora pyramid scheme recruits members. PDF, instant delivery.", "aurora pyramid scheme", "zhenxiang-lab"},
		{aurora, "奥罗拉蛋白粉就是智商税 成分实测报告", "实验室实测奥罗拉蛋白粉，交智商税之前先看看。", "智商税", "zhenxiang-lab"},
		{aurora, "The Aurora scam exposed: what members are not told", "An aurora scam survivor's guide. Digital download.", "aurora scam", "zhenxiang-lab"},
		{aurora, "奥罗拉传销洗脑话术揭秘 防骗手册", "奥罗拉传销的洗脑话术整理，帮家人远离骗局。", "奥罗拉传销", "dushu-ziliao"},
		{aurora, "ＡＵＲＯＲＡ奥罗拉保健品骗局曝光 维权群资料", "奥罗拉骗局维权资料包，含投诉模板。", "奥罗拉骗局", "lucky-deals-24"},
		{aurora, "奥罗拉鱼油传销骗局 老人被骗实录", "传销骗局实录：奥罗拉鱼油如何骗走老人积蓄。", "传销骗局", "dushu-ziliao"},
		{verdance, "薇丹丝烂脸真相 维权资料合集", "用了薇丹丝烂脸的真实案例整理，附维权流程。", "薇丹丝烂脸", "zhenxiang-lab"},
		{verdance, "薇丹丝含激素检测报告 电子版", "第三方检测：薇丹丝含激素？报告PDF，自动发货。", "薇丹丝含激素", "zhenxiang-lab"},
		{verdance, "Verdance steroid cream exposed - lab report PDF", "Verdance steroid test results compiled, digital file.", "verdance steroid", "zhenxiang-lab"},
		{verdance, "薇丹丝传销模式揭秘 宝妈必看", "薇丹丝传销拉人头的套路，看完再决定要不要做代理。", "薇丹丝传销", "dushu-ziliao"},
		{verdance, "薇丹丝面霜是骗局吗 智商税测评", "薇丹丝修护面霜就是智商税，成分党深度测评。", "智商税", "zhenxiang-lab"},
		{verdance, "薇丹丝烂脸受害者群 入群资料", "薇丹丝烂脸受害者交流群资料，含医院诊断汇总。", "薇丹丝烂脸", "lucky-deals-24"},
		{verdance, "VERDANCE薇丹丝洗衣液传销骗局 内幕", "薇丹丝家居产品的传销骗局内幕整理。", "传销骗局", "dushu-ziliao"},
	}
	for _, d := range defs {
		l := &Listing{SellerID: d.seller, Title: d.title, Description: d.desc,
			Keywords: []string{d.b.ZH, strings.ToLower(d.b.Short), "揭秘", "电子书"}}
		g.price(l, g.yuan(g.r.Between(6, 40)))
		l.Images = []Image{{Look: "book:TRUTH/" + strings.ToUpper(d.b.Short)}}
		l.Truth = Truth{Flagged: true, Category: shadowscan.CategoryDefamation, BrandID: d.b.ID,
			Why: fmt.Sprintf("text attacks %s: %s", d.b.ID, d.term)}
		g.add(l)
	}
}

func (g *gen) officialShops(all []*Product) {
	for i, p := range all {
		b := p.Brand
		seller := b.Official[i%len(b.Official)]
		l := &Listing{SellerID: seller, Keywords: keywords(p, "官方")}
		l.Title = fmt.Sprintf("%s官方旗舰店 %s %s %s", b.ZH, b.Short, p.EN, p.SizeEN)
		if i%2 == 1 {
			l.Title = g.productTitle(p) + " 官方正品"
		}
		g.price(l, shadowscan.Amount(p.Price*100))
		switch i {
		case 3:
			l.PriceText = fmt.Sprintf("¥%s.00", group(int64(p.Price)))
		case 6:
			l.PriceText = rangeText(l.Price)
		}
		l.Description = fmt.Sprintf("%s官方旗舰店，正品保障。%s，规格 %s。会员价以官网为准。", b.ZH, p.Name, p.SizeZH)
		l.Images = []Image{official(p, ""), own(p)}
		l.Truth = Truth{BrandID: b.ID, SKU: p.SKU, Why: "the brand's own official shop " + seller + " at list price"}
		g.add(l)
	}
	// Discounts (some under the floor: official shops are never flagged for
	// price), bundles, and listings without a price.
	for i := 0; i < 16; i++ {
		p := all[(i*3+1)%len(all)]
		b := p.Brand
		seller := b.Official[0]
		l := &Listing{SellerID: seller, Keywords: keywords(p, "官方", "活动")}
		l.Images = []Image{official(p, "")}
		switch {
		case i < 6:
			g.price(l, g.yuan(float64(p.Price)*g.r.Between(0.7, 0.92)))
			l.Title = fmt.Sprintf("%s 618大促 %s", g.productTitle(p), art.Pick(g.r, []string{"限时直降", "官方补贴", "会员日特惠"}))
			l.Description = "官方旗舰店限时活动价，活动结束恢复原价。"
			l.Truth = Truth{BrandID: b.ID, SKU: p.SKU, Why: fmt.Sprintf("official shop sale at %s; official shops are never flagged for price", money(l.Price))}
		case i < 12:
			n := 2 + i%2
			l.Price = shadowscan.Amount(int64(p.Price*n) * 90)
			l.PriceText = fmt.Sprintf("¥%s.%02d", group(int64(l.Price)/100), int64(l.Price)%100)
			l.Title = fmt.Sprintf("%s%s%s %d件套装 组合装", b.ZH, p.ZH, p.SizeZH, n)
			l.Description = fmt.Sprintf("官方组合装，%d件 %s，享九折。", n, p.Name)
			l.Truth = Truth{BrandID: b.ID, SKU: p.SKU, Why: fmt.Sprintf("official %d-pack bundle from the brand's own shop", n)}
		case i < 14:
			l.Title = fmt.Sprintf("%s %s 企业团购 批量采购", b.Name, p.EN)
			l.Description = "企业团购请联系客服报价。"
			if !g.mianyi {
				l.PriceText, g.mianyi = "面议", true
			}
			l.Truth = Truth{BrandID: b.ID, SKU: p.SKU, Why: "official shop group-buy listing without a price"}
		default:
			g.price(l, shadowscan.Amount(p.Price*100))
			l.Title = fmt.Sprintf("%s %s %s 新客专享", fullWidth(strings.ToUpper(b.Short)), p.ZH, p.SizeZH)
			l.Description = "新客首单专享，官方发货。"
			l.Truth = Truth{BrandID: b.ID, SKU: p.SKU, Why: "official shop at list price"}
		}
		g.add(l)
	}
}

func (g *gen) authorised(all []*Product) {
	descs := []string{
		"品牌授权会员店，授权书可查，正品保障。",
		"Authorised member shop, genuine stock with anti-counterfeit codes.",
		"授权经销商，支持官方防伪码查询，假一赔三。",
	}
	for i := 0; i < 35; i++ {
		p := all[(i*11+3)%len(all)]
		b := p.Brand
		seller := b.Authorized[(i+1)%len(b.Authorized)]
		l := &Listing{SellerID: seller, Keywords: keywords(p, "授权")}
		a := shadowscan.Amount(int64(p.Min+g.r.Intn(p.Price-p.Min+1)) * 100)
		if i%6 == 0 {
			a = shadowscan.Amount(p.Min * 100)
		}
		if i%9 == 4 {
			a = shadowscan.Amount(p.Price*100 + 1000)
		}
		g.price(l, a)
		l.Title = g.productTitle(p)
		l.Description = art.Pick(g.r, descs)
		if i%2 == 0 {
			l.Images = []Image{official(p, "")}
		} else {
			l.Images = []Image{own(p), own(p)}
		}
		l.Truth = Truth{BrandID: b.ID, SKU: p.SKU, Why: fmt.Sprintf("authorised %s at %s, at or above the floor ¥%d", seller, money(a), p.Min)}
		g.add(l)
	}
}

func (g *gen) lookalikes() {
	type la struct {
		seller, title, desc, look, why string
		price                          float64
		kw                             []string
	}
	las := []la{
		{"aurara-store", "Aurara 奥拉拉 植物蛋白粉 500g", "Aurara 奥拉拉自有品牌，新西兰进口原料。", "jar:AURARA/PROTEIN", "Aurara (奥拉拉) is a different brand", 159, []string{"奥罗拉", "aurora", "蛋白粉"}},
		{"aurara-store", "Aurara 奥拉拉 深海鱼油软胶囊 100粒", "奥拉拉鱼油，高纯度Omega-3。", "bottle:AURARA/OMEGA", "Aurara (奥拉拉) is a different brand", 99, []string{"奥罗拉", "鱼油"}},
		{"aurara-store", "AURARA 维生素C咀嚼片 60片 橙子味", "Aurara 品牌VC咀嚼片。", "bottle:AURARA/VIT C", "Aurara is a different brand", 49, []string{"aurora", "维生素C"}},
		{"aurara-store", "Aurara Plant Protein 1kg Vanilla", "Aurara own-brand plant protein, vanilla flavour.", "pouch:AURARA", "Aurara is a different brand", 219, []string{"aurora", "protein"}},
		{"aurara-store", "奥拉拉 益生菌粉 30袋 儿童成人", "奥拉拉益生菌，每袋100亿活菌。", "box:AURARA/PROBIO", "奥拉拉 (Aurara) is a different brand", 139, []string{"奥罗拉", "益生菌"}},
		{"aolaola-shop", "奥罗啦 植物蛋白饮料 250ml×12盒", "奥罗啦植物蛋白饮料，早餐好搭档。", "box:AOLUOLA", "奥罗啦 is a different brand of drinks", 45, []string{"奥罗拉", "蛋白"}},
		{"aolaola-shop", "奥罗啦 膳食纤维果蔬汁 20袋", "奥罗啦果蔬汁粉，冲饮方便。", "pouch:AOLUOLA/FIBER", "奥罗啦 is a different brand", 59, []string{"奥罗拉", "膳食纤维"}},
		{"aolaola-shop", "奥罗啦钙奶饼干 400g 家庭装", "奥罗啦饼干，高钙配方。", "box:AOLUOLA/BISCUIT", "奥罗啦 biscuits, a different brand and product", 19.9, []string{"奥罗拉", "钙"}},
		{"aolaola-shop", "奥罗啦 胶原蛋白果冻 10条", "奥罗啦果冻零食。", "vials:AOLUOLA", "奥罗啦 jelly, a different brand", 29.9, []string{"奥罗拉", "胶原蛋白"}},
		{"aurelia-beauty", "Aurelia 欧瑞莉亚 玻尿酸精华 30ml", "Aurelia 欧瑞莉亚精华液，补水保湿。", "pump:AURELIA/SERUM", "Aurelia is a different brand", 129, []string{"aurora", "精华液", "薇丹丝"}},
		{"aurelia-beauty", "Aurelia Night Cream 50g", "Aurelia night cream with ceramides.", "compact:AURELIA", "Aurelia is a different brand", 139, []string{"night cream", "verdance"}},
		{"aurelia-beauty", "欧瑞莉亚 Aurelia 胶原蛋白口服液 10瓶", "Aurelia 胶原蛋白饮。", "vials:AURELIA", "Aurelia is a different brand", 159, []string{"奥罗拉", "胶原蛋白"}},
		{"aurelia-beauty", "Aurelia Lutein Gummies 60 ct", "Lutein gummies by Aurelia.", "bottle:AURELIA/LUTEIN", "Aurelia is a different brand", 69, []string{"aurora", "lutein"}},
		{"verdant-home", "Verdant 维丹特 浓缩洗衣液 2kg", "Verdant 维丹特家居，植物配方洗衣液。", "pouch:VERDANT/LAUNDRY", "Verdant (维丹特) is a different brand", 39.9, []string{"verdance", "薇丹丝", "洗衣液"}},
		{"verdant-home", "Verdant 洗洁精 1L 柠檬香", "Verdant 维丹特洗洁精。", "pump:VERDANT/DISH", "Verdant is a different brand", 15.9, []string{"verdance", "洗洁精"}},
		{"verdant-home", "维丹特 草本牙膏 120g", "维丹特牙膏，清新口气。", "tube:VERDANT", "维丹特 (Verdant) is a different brand", 12.9, []string{"薇丹丝", "牙膏"}},
		{"verdant-home", "Verdant Toothpaste Herbal 120g x2", "Verdant herbal toothpaste twin pack.", "box:VERDANT/HERBAL", "Verdant is a different brand", 22, []string{"verdance", "toothpaste"}},
		{"weidanzi-shop", "薇丹姿 补水面膜 10片", "薇丹姿面膜，深层补水。", "box:WEIDANZI/MASK", "薇丹姿 is a different brand", 39, []string{"薇丹丝", "面膜"}},
		{"weidanzi-shop", "薇丹姿 氨基酸洗面奶 100g", "薇丹姿洁面乳，温和清洁。", "tube:WEIDANZI", "薇丹姿 is a different brand", 35, []string{"薇丹丝", "洗面奶"}},
		{"weidanzi-shop", "薇丹姿 防晒霜 SPF30 40ml", "薇丹姿防晒，清爽不油。", "tube:WEIDANZI/SPF30", "薇丹姿 is a different brand", 45, []string{"薇丹丝", "防晒"}},
		{"weidanzi-shop", "薇丹姿 紧致眼霜 20g", "薇丹姿眼霜。", "compact:WEIDANZI/EYE", "薇丹姿 is a different brand", 59, []string{"薇丹丝", "眼霜"}},
		{"aurara-store", "Auroral Borealis 蓝光过滤眼镜", "Auroral Borealis 防蓝光眼镜，与保健品无关。", "box:AURORAL", "Auroral Borealis glasses: a different brand and product", 88, []string{"aurora", "叶黄素"}},
	}
	for _, x := range las {
		l := &Listing{SellerID: x.seller, Title: x.title, Description: x.desc, Keywords: x.kw}
		g.price(l, g.yuan(x.price+1))
		l.Images = []Image{{Look: x.look}}
		l.Truth = Truth{Why: x.why}
		g.add(l)
	}
}

func (g *gen) accessories() {
	type acc struct {
		seller, title, desc, look string
		price                     float64
		b                         *Brand
	}
	accs := []acc{
		{"fitgear-cn", "Shaker bottle for Aurora protein powder 600ml", "BPA-free shaker. Fits one scoop of Aurora plant protein. Not an Aurora product.", "shaker:FITGEAR", 29, aurora},
		{"fitgear-cn", "适用奥罗拉蛋白粉 量勺 5g 10个装", "适用于奥罗拉植物蛋白粉，食品级PP量勺，非品牌官方配件。", "box:SCOOP", 9.9, aurora},
		{"fitgear-cn", "奥罗拉蛋白粉摇摇杯 刻度 带粉盒", "可装奥罗拉蛋白粉的摇摇杯，本店为运动装备店。", "shaker:SHAKE", 25, aurora},
		{"fitgear-cn", "Protein shaker 700ml compatible with AURORA / Aurara", "Universal shaker, works with Aurora and any powder.", "shaker:MIX", 32, aurora},
		{"fitgear-cn", "蛋白粉分装盒 三层 适用奥罗拉 1kg装", "便携分装盒，出门带蛋白粉。", "box:3-LAYER", 15.8, aurora},
		{"shouna-jia", "奥罗拉鱼油 分装药盒 一周七格", "一周药盒，放鱼油、维生素都合适。非奥罗拉官方。", "box:7 DAYS", 12.5, aurora},
		{"shouna-jia", "保健品收纳盒 适用奥罗拉 维生素瓶", "桌面收纳盒，适合奥罗拉维生素瓶、鱼油瓶。", "box:ORGANIZER", 26, aurora},
		{"shouna-jia", "Pill organizer for Aurora fish oil and vitamins", "Weekly pill case. Not affiliated with Aurora Wellness.", "box:PILLS", 18, aurora},
		{"shouna-jia", "奥罗拉益生菌 便携收纳袋", "益生菌条装收纳袋，防潮密封。", "pouch:BAG", 8.8, aurora},
		{"shouna-jia", "叶黄素药瓶 分装瓶 适用奥罗拉叶黄素", "分装小瓶，旅行方便。", "bottle:TRAVEL", 6.6, aurora},
		{"shouna-jia", "口服液冷藏盒 适用奥罗拉胶原蛋白口服液", "小型冷藏收纳盒。", "box:COOLER", 39, aurora},
		{"shouna-jia", "洗衣液分装瓶 适用薇丹丝洗衣液", "按压分装瓶，大桶倒小瓶更方便。", "pump:REFILL", 16, verdance},
		{"shouna-jia", "Soap dispenser for Verdance dish liquid", "Glass pump dispenser. Verdance not included.", "pump:GLASS", 35, verdance},
		{"meizhuang-gongju", "适用薇丹丝爽肤水 湿敷化妆棉 200片", "可搭配薇丹丝爽肤水湿敷，本店为化妆工具店。", "box:COTTON", 12.9, verdance},
		{"meizhuang-gongju", "面膜刷 硅胶 适用薇丹丝面膜", "硅胶面膜刷，涂抹泥膜、面霜。", "tube:BRUSH", 9.9, verdance},
		{"meizhuang-gongju", "薇丹丝面霜专用 挖勺 10支", "面霜挖勺，卫生取用。", "box:SPATULA", 5.9, verdance},
		{"meizhuang-gongju", "Travel bottles for Verdance serum and toner 4 pcs", "Empty travel bottles for your own skincare. No brand product inside.", "box:TRAVEL", 19.9, verdance},
		{"meizhuang-gongju", "洁面仪 适用薇丹丝洗面奶", "硅胶洁面仪，可配合任意洗面奶使用。", "compact:CLEANSE", 69, verdance},
		{"meizhuang-gongju", "眼霜按摩棒 适用薇丹丝眼霜", "金属按摩棒，帮助吸收。", "tube:ROLLER", 29, verdance},
		{"meizhuang-gongju", "防晒霜收纳袋 透明 适用薇丹丝防晒", "旅行透明化妆包。", "pouch:CLEAR", 14, verdance},
		{"wanjia-chaoshi", "牙刷 软毛 4支装 搭配薇丹丝牙膏更佳", "超市自有牙刷，软毛护龈。", "box:BRUSH", 9.9, verdance},
		{"wanjia-chaoshi", "洗碗海绵 10片 适用薇丹丝洗洁精", "百洁布海绵。", "box:SPONGE", 7.9, verdance},
		{"fitgear-cn", "ＡＵＲＯＲＡ蛋白粉 专用量杯", "量杯，适用ＡＵＲＯＲＡ等品牌蛋白粉。", "shaker:CUP", 11, aurora},
		{"shouna-jia", "奥罗拉钙片 切药器 分药器", "切药器，大药片一分为二。", "box:CUTTER", 8, aurora},
		{"meizhuang-gongju", "薇丹丝精华 替换泵头 通用", "通用按压泵头，适配多数30ml精华瓶。", "pump:PUMP", 4.5, verdance},
	}
	for _, x := range accs {
		l := &Listing{SellerID: x.seller, Title: x.title, Description: x.desc,
			Keywords: []string{x.b.ZH, strings.ToLower(x.b.Short), "配件"}}
		g.price(l, g.yuan(x.price+1))
		l.Images = []Image{{Look: x.look}}
		l.Truth = Truth{Why: "accessory that mentions " + x.b.ID + "; not a " + x.b.ID + " product"}
		g.add(l)
	}
}

func (g *gen) generic() {
	type gn struct {
		seller, title, look string
		price               float64
		kw                  []string
	}
	gns := []gn{
		{"nongjia-tuchan", "植物蛋白粉 500g 无品牌 散装", "jar:", 39, []string{"蛋白粉", "protein"}},
		{"nongjia-tuchan", "大豆蛋白粉 1kg 农家自制", "pouch:", 45, []string{"蛋白粉", "奥罗拉同款"}},
		{"daily-basics", "Plant protein powder 500g unflavoured, no brand", "jar:PROTEIN", 49, []string{"protein", "aurora"}},
		{"daily-basics", "Fish oil softgels 90 count generic", "bottle:OMEGA", 35, []string{"fish oil"}},
		{"daily-basics", "Vitamin C 60 tablets chewable orange", "bottle:VIT C", 15, []string{"vitamin c"}},
		{"tiantian-yaofang", "维生素C咀嚼片 60片 药房同款", "bottle:VC", 18, []string{"维生素C", "奥罗拉"}},
		{"tiantian-yaofang", "深海鱼油软胶囊 100粒 家庭装", "bottle:", 39, []string{"鱼油"}},
		{"tiantian-yaofang", "钙维生素D3片 60片 中老年", "jar:CA", 25, []string{"钙片"}},
		{"tiantian-yaofang", "叶黄素酯软胶囊 60粒 护眼", "bottle:", 45, []string{"叶黄素"}},
		{"tiantian-yaofang", "益生菌粉 30袋 成人肠道", "box:", 59, []string{"益生菌", "奥罗拉"}},
		{"tiantian-yaofang", "多种维生素矿物质片 90片", "box:MULTI", 35, []string{"复合维生素"}},
		{"wanjia-chaoshi", "洗洁精 1L 超市自有品牌", "pump:", 9.9, []string{"洗洁精", "薇丹丝"}},
		{"wanjia-chaoshi", "浓缩洗衣液 2kg 薰衣草香", "pouch:", 19.9, []string{"洗衣液"}},
		{"wanjia-chaoshi", "草本牙膏 120g 三支装", "tube:", 15, []string{"牙膏"}},
		{"wanjia-chaoshi", "补水面膜 5片 玻尿酸", "box:", 9.9, []string{"面膜", "薇丹丝"}},
		{"jiajia-baihuo", "氨基酸洗面奶 120g 温和", "tube:", 19, []string{"洗面奶"}},
		{"jiajia-baihuo", "清透防晒乳 SPF50 50ml 学生党", "tube:SPF50", 29, []string{"防晒霜", "薇丹丝"}},
		{"jiajia-baihuo", "平衡爽肤水 150ml 补水", "bottle:", 25, []string{"爽肤水"}},
		{"jiajia-baihuo", "修护面霜 50g 晚霜 无添加", "compact:", 39, []string{"面霜"}},
		{"jiajia-baihuo", "水润精华液30ml 平价", "pump:", 29, []string{"精华液"}},
		{"quanqiu-haohuo", "膳食纤维粉 20袋 果蔬味", "pouch:FIBER", 29, []string{"膳食纤维"}},
		{"quanqiu-haohuo", "胶原蛋白肽口服液 10瓶 特价", "vials:", 49, []string{"胶原蛋白", "奥罗拉"}},
		{"quanqiu-haohuo", "蛋白粉 增肌 乳清 2磅", "jar:WHEY", 119, []string{"蛋白粉"}},
		{"nongjia-tuchan", "黑芝麻粉 500g 农家", "jar:", 25, []string{"芝麻"}},
		{"daily-basics", "Laundry liquid 2kg fresh scent", "pouch:", 22, []string{"laundry"}},
		{"daily-basics", "Eye cream 15g generic", "compact:", 19, []string{"eye cream"}},
	}
	for i, x := range gns {
		l := &Listing{SellerID: x.seller, Title: x.title, Keywords: x.kw,
			Description: "无品牌通用款，性价比高，与任何品牌无关。"}
		if i%5 == 4 {
			// No price shown: "contact the seller".
			l.Description = "价格请咨询客服。"
		} else {
			g.price(l, g.yuan(x.price+1))
		}
		l.Images = []Image{{Look: x.look}}
		l.Truth = Truth{Why: "generic unbranded product of the same kind"}
		g.add(l)
	}
	l := &Listing{SellerID: "bad-seller-script", Title: `<script>alert("x")</script> 收纳盒 & 分装瓶 "特价"`,
		Description: `<img src=x onerror=alert(1)> 描述里也有 </div> 标签`, Keywords: []string{"收纳", "奥罗拉"}}
	g.price(l, shadowscan.Amount(990))
	l.Images = []Image{{Look: "box:<TAG>"}}
	l.Truth = Truth{Why: "storage box with markup in its text: generic, not a brand product"}
	g.add(l)
}

func (g *gen) otherBrands() {
	type ob struct {
		seller, title, look string
		price               float64
		kw                  []string
	}
	obs := []ob{
		{"nordvita-store", "Nordvita 北欧维他 维生素D3 60粒", "bottle:NORDVITA/D3", 89, []string{"维生素", "奥罗拉"}},
		{"nordvita-store", "Nordvita Omega-3 Fish Oil 120 softgels", "bottle:NORDVITA/OMEGA", 168, []string{"fish oil", "aurora"}},
		{"nordvita-store", "北欧维他 复合维生素 90片", "box:NORDVITA", 139, []string{"复合维生素"}},
		{"nordvita-store", "Nordvita Probiotics 30 sachets", "box:NORDVITA/PRO", 199, []string{"probiotics"}},
		{"nordvita-store", "Nordvita 钙+D3 咀嚼片 60片", "jar:NORDVITA/CA", 99, []string{"钙片"}},
		{"qinghe-official", "青禾 植物蛋白粉 500克 官方", "jar:QINGHE", 188, []string{"蛋白粉", "奥罗拉"}},
		{"qinghe-official", "青禾益生菌 30条 官方旗舰", "box:QINGHE", 168, []string{"益生菌"}},
		{"qinghe-official", "青禾膳食纤维 20袋", "pouch:QINGHE", 98, []string{"膳食纤维"}},
		{"qinghe-official", "青禾 胶原蛋白肽 口服液 10支", "vials:QINGHE", 258, []string{"胶原蛋白"}},
		{"qinghe-official", "青禾 叶黄素 60粒", "bottle:QINGHE", 158, []string{"叶黄素"}},
		{"solenne-store", "Solenne 索兰 修护面霜 50g", "compact:SOLENNE", 368, []string{"面霜", "薇丹丝"}},
		{"solenne-store", "Solenne Hydrating Serum 30ml", "pump:SOLENNE", 298, []string{"serum", "verdance"}},
		{"solenne-store", "索兰 Solenne 爽肤水 150ml", "bottle:SOLENNE", 198, []string{"爽肤水"}},
		{"solenne-store", "Solenne Sunscreen SPF50 50ml", "tube:SOLENNE", 168, []string{"sunscreen"}},
		{"solenne-store", "索兰眼霜 15g 紧致", "compact:SOLENNE/EYE", 268, []string{"眼霜"}},
		{"solenne-store", "Solenne 索兰 补水面膜 5片", "box:SOLENNE", 99, []string{"面膜", "薇丹丝"}},
		{"qinghe-official", "青禾 钙维生素D片 60片", "jar:QINGHE/CA", 78, []string{"钙片"}},
		{"nordvita-store", "Nordvita Lutein 60 softgels 北欧叶黄素", "bottle:NORDVITA/LUT", 128, []string{"lutein"}},
		{"solenne-store", "Solenne Amino Cleanser 120g", "tube:SOLENNE/CLEAN", 128, []string{"cleanser"}},
		{"qinghe-official", "青禾 草本牙膏 120克", "tube:QINGHE", 28, []string{"牙膏"}},
	}
	for _, x := range obs {
		l := &Listing{SellerID: x.seller, Title: x.title, Keywords: x.kw, Description: "品牌官方正品，假一赔十。"}
		g.price(l, g.yuan(x.price))
		l.Images = []Image{{Look: x.look}, {Look: x.look}}
		l.Truth = Truth{Why: "another brand's own product"}
		g.add(l)
	}
}
