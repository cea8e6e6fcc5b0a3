package world6

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func pickN(r *rand.Rand, xs []string, n int) []string {
	idx := r.Perm(len(xs))
	var out []string
	for i := 0; i < n && i < len(idx); i++ {
		out = append(out, xs[idx[i]])
	}
	return out
}

func fill(tmpl string, kv map[string]string) string {
	for k, v := range kv {
		tmpl = strings.ReplaceAll(tmpl, "{"+k+"}", v)
	}
	return strings.Join(strings.Fields(tmpl), " ")
}

func compact(s string) string { return strings.ReplaceAll(s, " ", "") }

// zh fields for a product on a Chinese site.
func zhKV(r *rand.Rand, pr *product) map[string]string {
	k := pickN(r, pr.kwZH, 3)
	for len(k) < 3 {
		k = append(k, "")
	}
	return map[string]string{
		"b": pr.brand.ZH, "name": compact(pr.ZH), "short": pr.zhShort, "spec": pr.spec,
		"k1": k[0], "k2": k[1], "k3": k[2], "en": pr.EN, "look": pr.brand.lookZH,
		"gen": compact(pr.genZH), "hint": pr.hintZH,
	}
}

func enKV(r *rand.Rand, pr *product) map[string]string {
	k := pickN(r, pr.kwEN, 2)
	for len(k) < 2 {
		k = append(k, "")
	}
	return map[string]string{
		"b": pr.brand.EN, "name": pr.EN, "short": pr.enShort, "spec": pr.spec, "zh": pr.ZH,
		"k1": k[0], "k2": k[1], "look": pr.brand.lookEN, "gen": pr.genEN, "hint": pr.hintEN,
		"B": strings.ToUpper(pr.brand.EN),
	}
}

var (
	emojiA = []string{"🔥", "💥", "🎉", "🎁", "✨", "💪", "‼️", "❗️", "⚡️", "👍🏻", "💯", "🛒", "🌟", "🧧"}

	zhOfficialTitles = []string{
		"{b}官方旗舰店 {name} {k1} {k2} {k3}",
		"【官方正品】{name} {k1} {k2} {b}旗舰店",
		"{b} {short}{spec} 官方正品 {k1} {k2} 顺丰包邮",
	}
	zhAuthTitles = []string{
		"{name} 正品授权 {k1} {k2} 防伪可查",
		"【品牌授权】{b}{short} {spec} {k1} {k2}",
		"{b}{short}{spec} {k1} {k2} 授权专卖 假一赔十",
		"{name} {k1} {k2} {k3} 官方授权 扫码验真",
	}
	zhResellTitles = []string{
		"{b}{short}{spec} 正品现货 {k1} {k2} 包邮",
		"现货速发 {name} {k1} {k2}",
		"{name} {k1} {k2} 专柜正品 扫码领券",
		"{b} {short} {spec} {k1} 正品保证 假一赔十",
	}
	zhDaigouTitles = []string{
		"海外代购 {b}{short} {spec} {k1} 直邮",
		"香港代购 {name} {k1} 正品",
	}
	zhCfTitles = []string{
		"{b}{short}{spec} 原单尾货 {k1} 清仓",
		"高仿{b}{short} 1:1 {k1} {spec}",
		"{name} 工厂直供 批发价 {k1} {k2}",
		"{b}{short} A货 超A品质 {spec} {k1}",
		"精仿 {b}{short}{spec} 一比一 {k1}",
		"{b}{short} {spec} 复刻版 {k1} 效果一样",
		"{name} 尾单 {k1} {k2} 微商货源",
	}
	// counterfeit words in unusual order, spelling or wording
	zhCfOdd = []string{
		"{b}{short}{spec} yuan单 {k1} 便宜出",
		"{b}{short} gao仿 {spec} {k1} {k2}",
		"{name} 1：1还原 {k1} 细节对版",
		"{b}{short}{spec} 同厂同料 原厂代工 {k1}",
		"{name} 高版本 {k1} 专柜对比无差",
		"{b}{short} {spec} 顶级版本 {k1} 看细节",
		"原-单 {b}{short}{spec} {k1} 货-尾",
	}
	zhCfDesc = []string{
		"本店为工厂直供，与专柜同厂同料，价格只有专柜三分之一，介意渠道勿拍。",
		"原单尾货，外包装略有瑕疵，品质跟正品一样，不退不换。",
		"非专柜渠道，高品质复刻，效果一样，懂的来。",
		"A货做工，和正品对比几乎看不出区别，批量拿货联系客服。",
		"1比1精仿，包装防伪都做了，送人自用都可以。",
		"厂家代工同一条流水线出来的，没有品牌溢价，和正品没区别。",
	}
	zhCodeTitles = []string{
		"{b}{short}{spec} 刮码 正品 {k1} 特价",
		"【撕码】{name} {k1} 介意勿拍",
		"{name} 剪码清仓 正品保证 {k1}",
		"无码 {b}{short} {spec} 渠道货 正品 {k1}",
		"{b}{short}{spec} 划码 {k1} {k2} 正品低价",
	}
	zhCodeDesc = []string{
		"因渠道原因，外盒批号已刮，瓶身喷码已处理，保证正品，介意慎拍。",
		"内部渠道货，防伪码和批号都撕掉了，不影响使用，正品放心。",
		"此款为剪码处理，条码已剪掉，货是正品，介意的亲不要拍。",
		"激光码已打磨掉，查不到批号，正品渠道货。",
	}
	zhSecondTitles = []string{
		"闲置 {b}{short}{spec} 自用 开封用过几次",
		"个人闲置 {b}{short} 剩一半多 便宜出",
		"二手转让 {name} 拆封试用过 不合适",
		"自用闲置 {b}{short}{spec} 开过 介意勿拍",
	}
	zhSecondDesc = []string{
		"个人闲置，买多了用不完，开封用过一点，低价转，不退不换。",
		"自己用过几次，不太适合我，还剩大半，同城可自取。",
		"开封了，用了三分之一，保质期到明年，便宜出给需要的人。",
	}
	zhSecondNeg = []string{
		"用了两周对我没什么效果，可能因人而异，剩下的转了。",
		"个人觉得有点贵，效果一般般，还剩很多，便宜出。",
		"我是油皮用着太厚重了，干皮应该合适，转给需要的。",
	}
	zhOfficialDesc = []string{
		"{b}官方旗舰店直营，每件商品均可通过官网查询防伪码，支持七天无理由退换。",
		"品牌官方直供，批号清晰可查，正品保障，扫码领券更优惠。",
	}
	zhAuthDesc = []string{
		"本店为{b}品牌授权经销商，授权书可在店铺首页查看，防伪码可查。",
		"正规授权渠道进货，批号清晰，条码完整，假一赔十。",
		"授权专卖，全国联保，支持官网验真，扫码领券立减。",
	}
	zhResellDesc = []string{
		"正品现货，下午四点前下单当天发货，扫码领券更优惠。",
		"专柜正品，支持验货，假一赔十，有问题随时联系客服。",
		"海外直邮，正品保证，包装以实物为准。",
		"多仓发货，现货秒发，收藏店铺送小样。",
	}
	zhLiveDesc = []string{
		"直播间专属福利价，关注主播不迷路！下单备注直播间有惊喜🎁",
		"短视频同款，家人们冲！库存有限，先到先得🔥",
	}
)

func zhTitle(r *rand.Rand, tmpls []string, pr *product) string {
	return fill(pick(r, tmpls), zhKV(r, pr))
}

func emojiTitle(r *rand.Rand, core string) string {
	e := pickN(r, emojiA, 4)
	parts := strings.Fields(core)
	var b strings.Builder
	b.WriteString(e[0] + e[0])
	for i, p := range parts {
		b.WriteString(p)
		if i < len(e)-1 {
			b.WriteString(e[(i+1)%len(e)])
		}
	}
	return b.String()
}

var (
	enOfficialTitles = []string{
		"{name} | Official Store | {zh}",
		"[Official] {name} - Free Shipping",
		"{B} {short} {spec} Official Mall Store",
	}
	enAuthTitles = []string{
		"[Authorised Distributor] {name} - Ready Stock",
		"{name} 100% Original Authorised Seller ✅",
		"{name} | Ready Stock | Fast Delivery | {k1}",
		"{b} {short} {spec} Authorized Dealer {zh}",
	}
	enResellTitles = []string{
		"[READY STOCK] {name} 100% Original 🇲🇾",
		"{name} ORI HQ Murah {k1}",
		"{b} {short} {spec} Genuine Import 正品 {k1}",
		"{name} {k1} {k2} Ready Stock SG",
		"Taobao Direct {zh} {b} {short}",
	}
	enCfTitles = []string{
		"{name} AAA Replica Grade {k1}",
		"[Gred A] {b} {short} copy ori {spec}",
		"{name} 1:1 Mirror Quality",
		"{b} {short} {spec} OEM Factory Direct Wholesale",
		"Barang Tiruan {b} {short} murah {spec}",
		"{b} {short} KW super {k1}",
	}
	enCfOdd = []string{
		"{name} rep grade {k1}",
		"{b} {short} r3plica {spec} best version",
		"{name} same factory same formula, half price",
		"{b} {short} high copy {spec} 高仿",
		"{name} ori-grade 1to1 {k1}",
	}
	enCfDesc = []string{
		"OEM from the same factory as the original brand, quality same same. Wholesale price, bulk order PM.",
		"Mirror quality, packaging 1:1 with hologram sticker. Cannot tell difference from the mall one.",
		"Replica version, very high grade. Good for personal use or resell.",
		"Barang gred A, kualiti macam ori. Harga kilang. No return.",
		"Not from official channel. Factory overrun, same formula, 1/3 of the price.",
	}
	enCodeTitles = []string{
		"{name} (code scratched) 100% ori",
		"{name} No Batch Code - Parallel Import",
		"[Scratch Code] {b} {short} {spec} Original",
		"{b} {short} {spec} barcode cut, genuine stock",
	}
	enCodeDesc = []string{
		"Batch code removed due to distributor policy; barcode cut on box. Product is 100% original.",
		"Kod batch dipotong (parallel import). Barang original, expiry 2026.",
		"Serial/batch number scratched off by supplier. Genuine item, no fake.",
	}
	enSecondTitles = []string{
		"Preloved {name} 70% left",
		"[Pre-loved] {b} {short} used twice",
		"Selling my {name} — opened, half left",
	}
	enSecondDesc = []string{
		"Bought too many, opened and used a few times. Self collect at Tampines MRT or mail.",
		"Personal item, used 3-4 times, about 70% left. Exp 2026. No bargain pls.",
		"Decluttering my shelf. Opened but clean. Meet up only.",
	}
	enSecondNeg = []string{
		"Didn't work for me, maybe my skin type. Selling the rest cheap.",
		"Honestly not worth the hype for me, but it's genuine from the mall. 60% left.",
	}
	enOfficialDesc = []string{
		"Sold and shipped by the {b} Official Store. 100% authentic with verifiable anti-counterfeit code. 15-day free returns.",
		"Official {b} flagship on the Mall. Every unit carries a scannable authenticity QR code.",
	}
	enAuthDesc = []string{
		"We are an authorised {b} distributor (certificate in shop profile). Scan the QR code to verify.",
		"Authorised reseller. Batch number intact, local warranty. 100% original, not replica.",
		"Original stock from the {b} distributor. Ships within 24h.",
	}
	enResellDesc = []string{
		"100% original, ready stock. Ship within 24 hours. Scan code on box to verify.",
		"Imported from China/Taiwan. Original product, not replica. Fast delivery.",
		"Barang original, stok sedia ada. Pos laju 2-3 hari.",
		"Genuine item from overseas. Packaging may differ by batch.",
	}
)

func enTitle(r *rand.Rand, tmpls []string, pr *product) string {
	return fill(pick(r, tmpls), enKV(r, pr))
}

// formatting of prices

func thousands(v float64, dec int) string {
	s := fmt.Sprintf("%.*f", dec, v)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String() + frac
}

func trimZero(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%.2f", v)
}

// priceTextA renders a tianmao-plus price.
func priceTextA(v, high float64, style int) string {
	if high > 0 {
		switch style % 2 {
		case 0:
			return "￥" + trimZero(v) + "-" + trimZero(high)
		default:
			return "¥" + thousands(v, 2) + " - ¥" + thousands(high, 2)
		}
	}
	switch style % 4 {
	case 0:
		return "¥" + thousands(v, 2)
	case 1:
		return "￥" + trimZero(v)
	case 2:
		return trimZero(v) + "元"
	default:
		return "¥ " + fmt.Sprintf("%.2f", v)
	}
}

func priceTextB(v, high float64, cur string, style int) string {
	one := func(x float64) string {
		if cur == "MYR" {
			switch style % 3 {
			case 0:
				return "RM" + thousands(x, 2)
			case 1:
				return "RM " + thousands(x, 2)
			default:
				return "MYR " + thousands(x, 2)
			}
		}
		switch style % 3 {
		case 0:
			return "S$" + thousands(x, 2)
		case 1:
			return "$" + thousands(x, 2)
		default:
			return "SGD " + thousands(x, 2)
		}
	}
	if high > 0 {
		return one(v) + " - " + one(high)
	}
	return one(v)
}
