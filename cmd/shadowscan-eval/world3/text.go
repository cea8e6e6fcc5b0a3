package world3

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"unicode"
)

// ---- slugs

// slugify keeps ASCII letters and digits, joined by hyphens (site B, seller ids).
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range normalize(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	out := b.String()
	if len(out) > 60 {
		out = out[:60]
		if i := strings.LastIndexByte(out, '-'); i > 20 {
			out = out[:i]
		}
	}
	return out
}

// hanSlug keeps Chinese characters too (site A), at most 24 runes.
func hanSlug(s string) string {
	var rs []rune
	dash := false
	for _, r := range normalize(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && len(rs) > 0 {
				rs = append(rs, '-')
			}
			dash = false
			rs = append(rs, r)
		} else {
			dash = true
		}
		if len(rs) >= 24 {
			break
		}
	}
	return strings.TrimRight(string(rs), "-")
}

func escSlug(s string) string { return url.PathEscape(s) }

// ---- prices

func money(v float64) string {
	s := fmt.Sprintf("%.2f", v)
	intPart, frac, _ := strings.Cut(s, ".")
	if len(intPart) > 3 {
		intPart = intPart[:len(intPart)-3] + "," + intPart[len(intPart)-3:]
	}
	return intPart + "." + frac
}

func isInt(v float64) bool { return v == float64(int64(v)) }

// priceTextA renders a price the way Taobao-style shops do.
func priceTextA(r *rand.Rand, lo, hi float64) string {
	if hi > 0 {
		if isInt(lo) && isInt(hi) && r.IntN(2) == 0 {
			return fmt.Sprintf("￥%d-%d", int64(lo), int64(hi))
		}
		return fmt.Sprintf("¥%s - ¥%s", money(lo), money(hi))
	}
	switch r.IntN(7) {
	case 0, 1:
		return "¥" + money(lo)
	case 2:
		if isInt(lo) {
			return fmt.Sprintf("￥%d", int64(lo))
		}
		return fmt.Sprintf("￥%.2f", lo)
	case 3:
		if isInt(lo) {
			return fmt.Sprintf("%d元", int64(lo))
		}
		return fmt.Sprintf("%.2f元", lo)
	case 4:
		return "¥ " + money(lo)
	case 5:
		return "价格 ¥" + money(lo)
	default:
		return money(lo)
	}
}

// roundPrice gives a shop-like price near v.
func roundPrice(r *rand.Rand, v float64) float64 {
	if v < 20 {
		return float64(int64(v*10)) / 10
	}
	switch r.IntN(4) {
	case 0:
		return float64(int64(v))
	case 1:
		return float64(int64(v)) - 0.1
	case 2:
		return float64(int64(v/10))*10 + 9
	default:
		return float64(int64(v)) + 0.9
	}
}

// priceIn draws a price with lo <= price/ref < hi after rounding.
func priceIn(r *rand.Rand, ref, lo, hi float64) float64 {
	for range 200 {
		p := roundPrice(r, ref*(lo+(hi-lo)*r.Float64()))
		if p >= ref*lo && p < ref*hi && p > 0 {
			return p
		}
	}
	return float64(int64(ref*(lo+hi)/2*100)) / 100
}

// ---- vocab

var (
	zhStuff = []string{"官方正品", "正品保证", "包邮", "新日期", "现货速发", "顺丰包邮", "假一赔十", "专柜正品", "限时特惠", "热卖", "2024新款", "送礼", "旗舰", "正品", "当天发货"}
	enStuff = []string{"Authentic", "100% Genuine", "Free Shipping", "New", "Fast Ship", "Imported", "Best Seller", "Gift Idea", "Fresh Stock", "Exp 2026", "Original"}

	zhFacts = [3][]string{
		{"每日一至两次，温水冲调或随餐食用。", "保质期24个月，请置于阴凉干燥处。", "本品不能代替药物。", "适宜人群：成人及中老年人。"},
		{"洁面后取适量，轻拍至吸收。", "无激素，无酒精，敏感肌可用。", "开封后12个月内使用完毕。", "避免接触眼睛，如有不适请停用。"},
		{"无磷配方，无荧光剂，对手温和。", "请放置于儿童接触不到的地方。", "可用于果蔬餐具清洗。", "使用后请拧紧瓶盖。"},
	}
	enFacts = [3][]string{
		{"Take one serving daily with water or a meal.", "Shelf life 24 months; store in a cool, dry place.", "Not a substitute for medicine.", "Suitable for adults and seniors."},
		{"Apply after cleansing and pat until absorbed.", "No hormones, no alcohol; suitable for sensitive skin.", "Use within 12 months of opening.", "Avoid contact with eyes; stop use if irritation occurs."},
		{"Phosphate-free, no optical brighteners, gentle on hands.", "Keep out of reach of children.", "Safe for fruit, vegetables and dishes.", "Close the cap tightly after use."},
	}

	zhAuthDesc = []string{
		"本店为%s授权经销商，正品保证，支持官方防伪查询。",
		"%s授权门店，货源来自品牌公司，扫码可验真。",
		"正品保证，店铺已获%s品牌授权，可查授权书。",
		"老店经营，%s产品均为公司直发。",
	}
	enAuthDesc = []string{
		"Authorised %s reseller. Every item can be verified on the brand's website.",
		"We are an authorised %s distributor; stock ships from the brand's warehouse.",
		"Genuine %s products from an authorised partner store.",
	}
	zhGreyDesc = []string{"正品保证，支持验货，假一赔十。", "会员渠道货源，正品，价格实惠。", "海外代购，正品保证，不支持七天无理由。", "团购渠道，量大从优，正品。", "", "现货，下单48小时内发货。", "本店非品牌授权店，货源为会员渠道，正品。"}
	enGreyDesc = []string{"Genuine product, ships from our warehouse.", "Sourced from member distributors, authentic.", "Personal shopper service, 100% original.", "Bulk buy channel, great price, authentic.", "", "In stock, ships within 48 hours."}

	zhCFTitle   = []string{"高仿", "原单", "工厂直供", "尾单", "A货", "1:1", "复刻版", "超A", "精仿", "工厂货"}
	zhCFUnusual = []string{"一比一", "同厂同料", "原厂代工", "专柜品质非专柜", "代工厂直出", "同款代工"}
	zhCFSpaced  = []string{"高 仿", "Ａ货", "１：１", "原 单", "尾 单", "复 刻", "高-仿"}
	zhCFDesc    = []string{
		"本店产品与专柜同一代工厂生产，品质一样，价格只要零头。",
		"原单尾货，外包装可能与专柜有细微差异，介意勿拍。",
		"工厂直供，非官方渠道，无防伪查询，请知悉。",
		"高品质复刻版，做工1:1还原，送人自用都可以。",
		"A货，和正品几乎看不出区别，懂的来。",
		"此为仿品，不支持专柜验货，介意勿拍。",
	}
	enCFTitle   = []string{"Replica", "1:1 Copy", "AAA Quality Replica", "Mirror Copy", "Factory Direct OEM", "OEM Surplus", "Super Copy", "Factory Overrun"}
	enCFUnusual = []string{"one-to-one version", "same factory as the original", "counter quality, not from the counter", "made in the brand's OEM plant", "dupe-grade copy"}
	enCFSpaced  = []string{"R e p l i c a", "Ｒｅｐｌｉｃａ", "1 : 1 copy", "Re-plica", "ＡＡＡ copy"}
	enCFDesc    = []string{
		"Made in the same OEM factory as the branded product, without the brand markup.",
		"Factory overrun stock (尾单); packaging may differ slightly from retail.",
		"High-quality replica - looks identical to the original.",
		"AAA copy, please do not compare with counter items.",
		"This is a replica item, not sold through official channels.",
	}

	zhCTTitle   = []string{"刮码", "撕码", "剪码", "无码", "刮码特价", "正品刮码"}
	zhCTWording = []string{"去码", "码已刮", "划码", "无批号", "喷码已去除"}
	zhCTDesc    = []string{
		"因渠道原因，罐底批号已刮，介意慎拍，正品保证。",
		"外盒防伪码已剪，不影响使用，绝对正品。",
		"瓶底激光码已去除，内部渠道货，价格优惠。",
		"商品为撕码处理，无法扫码查询，其余与专柜一致。",
	}
	enCTTitle   = []string{"Batch Code Removed", "Code Scratched", "No Batch Code", "Codes Cut Off", "刮码"}
	enCTWording = []string{"Decoded", "lot number removed", "laser code erased", "unscannable, code sanded off"}
	enCTDesc    = []string{
		"Batch codes have been scratched off for channel reasons; product is 100% genuine.",
		"Anti-counterfeit label removed, cannot be scanned. Otherwise identical to retail.",
		"Laser code on the bottom erased (diverted stock).",
		"Please note: production code cut from the box.",
	}

	zhNegTitle = []string{"非刮码", "绝非高仿", "拒绝A货", "带码正品", "非撕码 可扫码验真"}
	zhNegDesc  = []string{"正品带码，非刮码非撕码，可扫码验真。", "绝非高仿A货，假一赔十。", "拒绝原单尾货，只卖公司货。"}
	enNegTitle = []string{"Not a Replica", "Batch Code Intact", "No Fakes", "Codes Not Removed"}
	enNegDesc  = []string{"Not a replica and not a copy - 100% authentic, batch codes intact.", "No scratched codes, no fakes; scan the label to verify.", "We never sell factory overruns or replicas."}
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickN(r *rand.Rand, xs []string, n int) []string {
	p := r.Perm(len(xs))
	if n > len(xs) {
		n = len(xs)
	}
	out := make([]string, n)
	for i := range n {
		out[i] = xs[p[i]]
	}
	return out
}

func lineFirstZH(p *product) bool {
	switch p.zhLine {
	case "男士", "女士", "水润", "紧致":
		return true
	}
	return false
}

// zhName names a product in Chinese: brand form + line + core.
func zhName(p *product, bf string, hide bool) string {
	switch {
	case hide || p.zhLine == "":
		return bf + p.zhCore
	case lineFirstZH(p):
		return bf + p.zhLine + p.zhCore
	default:
		return bf + p.zhCore + p.zhLine
	}
}

func enName(p *product, bf string, hide bool) string {
	if bf != "" {
		bf += " "
	}
	if hide {
		return bf + p.enCore
	}
	switch p.enLine {
	case "Men", "Women":
		return bf + p.enCore + " for " + p.enLine
	case "Hydra", "Firming":
		return bf + p.enLine + " " + p.enCore
	}
	return bf + p.enCore + " " + p.enLine
}

// twinSafeKW are the keywords that do not tell a near-twin apart.
func twinSafeKW(p *product, zh bool) []string {
	kw := p.zhKW
	if !zh {
		kw = p.enKW
	}
	t := productBy[p.twin]
	if t == nil {
		return kw
	}
	other := t.zhKW
	if !zh {
		other = t.enKW
	}
	var out []string
	for _, k := range kw {
		for _, o := range other {
			if k == o {
				out = append(out, k)
			}
		}
	}
	return out
}

type topt struct {
	bf     string   // brand form; "" means pick one
	noBr   bool     // no brand at all
	hide   bool     // do not say the line
	nick   bool     // use the nickname instead of brand+name
	insert []string // words to insert
	front  bool     // insert at the front
}

func zhTitle(r *rand.Rand, p *product, o topt) string {
	b := brandByID[p.Brand]
	bf := o.bf
	if bf == "" && !o.noBr {
		bf = pick(r, b.zhForms)
	}
	var head string
	if o.nick {
		head = p.zhNick
	} else {
		head = zhName(p, bf, o.hide)
	}
	var parts []string
	if !o.hide && p.zhLine != "" && r.IntN(3) == 0 {
		parts = append(parts, pick(r, p.zhSpec))
	}
	kw := p.zhKW
	if o.hide {
		kw = twinSafeKW(p, true)
	}
	parts = append(parts, pickN(r, kw, 1+r.IntN(3))...)
	parts = append(parts, pickN(r, zhStuff, 1+r.IntN(2))...)
	for _, w := range o.insert {
		if o.front {
			head = w + " " + head
			continue
		}
		i := r.IntN(len(parts) + 1)
		parts = append(parts[:i], append([]string{w}, parts[i:]...)...)
	}
	if r.IntN(2) == 0 && len(parts) > 1 {
		// Taobao sellers glue the first keyword to the name
		return head + parts[0] + " " + strings.Join(parts[1:], " ")
	}
	return head + " " + strings.Join(parts, " ")
}

func enTitle(r *rand.Rand, p *product, o topt) string {
	b := brandByID[p.Brand]
	bf := o.bf
	if bf == "" && !o.noBr {
		bf = pick(r, b.enForms)
	}
	head := enName(p, bf, o.hide)
	if o.nick {
		head = p.zhNick + " " + enName(p, "", o.hide)
	}
	kw := p.enKW
	if o.hide {
		kw = twinSafeKW(p, false)
	}
	parts := pickN(r, kw, r.IntN(3))
	parts = append(parts, pickN(r, enStuff, r.IntN(2))...)
	for _, w := range o.insert {
		if o.front {
			head = w + " " + head
			continue
		}
		i := r.IntN(len(parts) + 1)
		parts = append(parts[:i], append([]string{w}, parts[i:]...)...)
	}
	t := head
	if len(parts) > 0 {
		sep := pick(r, []string{", ", " - ", " | ", " "})
		t += sep + strings.Join(parts, pick(r, []string{", ", " "}))
	}
	if !o.nick && r.IntN(4) == 0 && !o.hide {
		t += " " + pick(r, p.Aliases[:1])
	}
	return t
}

func facts(r *rand.Rand, theme int, zh bool) string {
	if zh {
		return strings.Join(pickN(r, zhFacts[theme], 2), "")
	}
	return strings.Join(pickN(r, enFacts[theme], 2), " ")
}
