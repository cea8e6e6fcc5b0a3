package matcher

import (
	"slices"
	"strings"
)

// Code removal is written in many more ways than a word list can hold:
// "外盒防伪码已剪" (the box's anti-counterfeit code has been cut), "罐底批号
// 已刮", "刮掉了生产日期", "batch codes have been scratched off", "production
// code cut from the box", "laser code erased". What they share is a code
// noun and a removal verb close together, in either order, with nothing
// between them but particles ("已", "被", "都", "掉了") in Chinese or a few
// words in English, and no negation ("码未刮", "code not removed"). The
// nouns and verbs are the language's, not any brand's.

// zhCodeNouns are what a product's codes are called on Chinese listings,
// longest first so that "防伪码" is read before "码".
var zhCodeNouns = []string{
	"防伪标签", "防伪码", "防伪标", "防伪贴", "激光码", "喷码", "批次号", "批号", "生产日期",
	"条形码", "条码", "溯源码", "追溯码", "序列号", "码",
}

// zhCodeNounNot are words ending in 码 that are no product code (a size,
// a phone number, a password, "at least", "one size up").
var zhCodeNounNot = []string{"尺码", "号码", "密码", "起码", "价码", "编码", "页码", "码数", "一码", "大码", "小码", "加码"}

// zhRemovalVerbs are the verbs of removing a printed code.
var zhRemovalVerbs = []string{"处理", "打磨", "刮", "剪", "撕", "揭", "去", "抹", "磨", "划", "割", "涂", "擦", "挖", "铲"}

// zhRemovalNot are words that start with a removal verb and mean
// something else: "去年" last year, "划算" a bargain, "磨砂" frosted, the
// cleaning claims of household goods ("去油", "去渍"), and "刮开" scratch
// open (the coating over a code, to check it).
var zhRemovalNot = []string{
	"去年", "划算", "磨砂", "抹布", "擦拭", "刮开", "撕开", "涂层",
	"去油", "去渍", "去污", "去屑", "去角质", "去味", "去异味", "去黑头", "揭开", "揭晓", "揭秘",
}

// zhAbsent before a code noun says the code is missing ("无喷码", "没有批号");
// "无码" itself is a rule word.
var zhAbsent = []string{"没有", "无", "没"}

// zhCannot after a verb says it cannot be done: "激光码擦不掉" (the laser
// code does not rub off) claims the codes are intact.
var zhCannot = []string{"不掉", "不了", "不去", "不下", "不动", "没掉"}

// zhCodeFillers may stand between a code noun and the verb after it
// ("批号已刮", "码都剪掉"), the tool it was done with among them ("喷码已
// 用工具去除"); zhVerbFillers between a verb and the noun after it ("刮掉
// 了批号").
var (
	zhCodeFillers = []string{"已经", "已", "被", "都", "全部", "全", "均", "给", "也", "用工具", "用刀片", "用刀", "用砂纸", "用酒精"}
	zhVerbFillers = []string{"掉了", "掉", "了", "除", "过", "去"}
)

// enCodeNouns are the English words for a product's codes; enCodeQualified
// are the words that name one only after a qualifier ("anti-counterfeit
// label", "security seal").
var (
	enCodeNouns      = []string{"code", "codes", "barcode", "barcodes", "batch", "serial", "hologram", "holograms", "kod"}
	enCodeQualified  = []string{"label", "labels", "sticker", "stickers", "seal", "seals", "tag", "tags", "number", "numbers", "date"}
	enCodeQualifiers = []string{"counterfeit", "fake", "security", "qr", "authenticity", "verification", "lot", "batch", "serial", "production", "manufacture", "manufacturing", "date"}
	// enNumberAbbrev after a qualifier is "number" ("lot no.", "batch no.").
	enNumberAbbrev = []string{"no", "nos"}
	// enCodePlace may stand between a code noun and its removal verb
	// without counting towards enCodeWindow: where the code was and the
	// auxiliaries of the verb ("barcode on the outer box has been cut").
	enCodePlace = []string{
		"on", "in", "of", "at", "from", "the", "a", "an", "its", "their", "this", "these", "each", "every", "all",
		"outer", "inner", "box", "boxes", "bottle", "bottles", "tin", "tins", "jar", "jars", "can", "cans", "pack", "packs",
		"package", "packaging", "carton", "cartons", "lid", "cap", "bottom", "base", "back", "side", "tube", "pouch", "sachet",
		"has", "have", "had", "been", "is", "are", "was", "were", "already", "also", "partly", "partially", "fully", "carefully",
	}
	// enCodeCheck in the window make it an instruction to check a code
	// ("scratch to reveal the code and verify it").
	enCodeCheck = []string{"reveal", "verify", "check", "scan", "authenticate", "query", "lookup"}
	// enCodeKept in the window deny the removal ("nothing removed").
	enCodeKept = []string{"nothing", "none", "intact", "untouched"}
	// enCodeNotBefore make "code" a discount or address code.
	enCodeNotBefore = []string{"coupon", "promo", "promotion", "discount", "voucher", "referral", "zip", "postal", "post", "use", "enter", "apply", "gift", "dress", "source", "country"}
	enRemovalVerbs  = []string{
		"removed", "remove", "removing", "scratched", "scratch", "scratching", "scraped", "scrape", "cut", "cutting",
		"erased", "erase", "torn", "tore", "peeled", "peel", "filed", "defaced", "blacked", "rubbed", "stripped",
		"wiped", "sanded", "lasered", "obliterated",
		// Malay, as sellers on Shopee and Lazada write it ("kod batch dipotong").
		"dipotong", "dibuang", "dikoyak", "dikikis", "digores", "ditanggalkan", "dicabut", "dipadam",
	}
)

// enCodeWindow is how many words may separate an English code noun from
// its removal verb; enCodePlaceWindow how many when all of them are
// enCodePlace words.
const (
	enCodeWindow      = 4
	enCodePlaceWindow = 10
)

// codeRemovals returns the code-removal statements of compact text x
// that no negator denies, in both scripts.
func codeRemovals(x *text) []wordHit {
	out := zhCodeRemovals(x)
	return append(out, enCodeRemovals(x)...)
}

// zhCodeRemovals finds a Chinese code noun with a removal verb next to it,
// noun first ("批号已刮") or verb first ("刮掉批号").
func zhCodeRemovals(x *text) []wordHit {
	t := x.t
	var out []wordHit
	for i := 0; i < len(t); {
		noun := prefixOf(t[i:], zhCodeNouns)
		if noun == "" || isNotCodeNoun(t, i, noun) {
			i += runeLen(t, i)
			continue
		}
		end := i + len(noun)
		if e, ok := verbAfter(t, end); ok {
			out = append(out, x.hit(i, e))
		} else if s, ok := verbBefore(t, i); ok && !precededBy(t[:s], negators) {
			out = append(out, x.hit(s, end))
		} else if a := suffixOf(t[:i], zhAbsent); a != "" && noun != "码" {
			out = append(out, x.hit(i-len(a), end)) // "无喷码", "没有批号"
		}
		i = end
	}
	return out
}

// isNotCodeNoun reports whether the noun at t[i:] is part of a word that
// names no code ("尺码", "码数").
func isNotCodeNoun(t string, i int, noun string) bool {
	for _, w := range zhCodeNounNot {
		k := strings.Index(w, noun)
		if k >= 0 && i >= k && strings.HasPrefix(t[i-k:], w) {
			return true
		}
	}
	return false
}

// verbAfter returns the end of a removal verb that follows t[:at] after at
// most two fillers.
func verbAfter(t string, at int) (int, bool) {
	for n := 0; n <= 2; n++ {
		rest := t[at:]
		if v := prefixOf(rest, zhRemovalVerbs); v != "" {
			after := rest[len(v):]
			if prefixOf(rest, zhRemovalNot) != "" || prefixOf(after, zhCannot) != "" {
				return 0, false
			}
			return at + len(v), true
		}
		f := prefixOf(rest, zhCodeFillers)
		if f == "" {
			return 0, false
		}
		at += len(f)
	}
	return 0, false
}

// verbBefore returns the start of a removal verb that ends at most two
// fillers before t[at:].
func verbBefore(t string, at int) (int, bool) {
	for n := 0; n <= 2; n++ {
		before := t[:at]
		if v := suffixOf(before, zhRemovalVerbs); v != "" {
			if prefixOf(t[at-len(v):], zhRemovalNot) != "" {
				return 0, false
			}
			return at - len(v), true
		}
		f := suffixOf(before, zhVerbFillers)
		if f == "" {
			return 0, false
		}
		at -= len(f)
	}
	return 0, false
}

// enCodeRemovals finds an English code noun and a removal verb within
// enCodeWindow words of each other, in either order, with no negator
// between them: "batch codes have been scratched off", "cut the code".
func enCodeRemovals(x *text) []wordHit {
	t := x.t
	words := latinWords(t)
	var out []wordHit
	for i := range words {
		if !isCodeNoun(t, words, i) {
			continue
		}
		if a, ok := codeAbsent(t, words, i); ok {
			e := i
			for e+1 < len(words) && isCodeNoun(t, words, e+1) {
				e++ // "without batch code"
			}
			if k := len(out); k == 0 || out[k-1].end < words[a].start {
				out = append(out, x.hit(words[a].start, words[e].end))
			}
			continue
		}
		lo, hi := max(0, i-enCodePlaceWindow), min(len(words)-1, i+enCodePlaceWindow)
		for j := lo; j <= hi; j++ {
			if j == i || !slices.Contains(enRemovalVerbs, t[words[j].start:words[j].end]) {
				continue
			}
			a, b := min(i, j), max(i, j)
			if b-a > enCodeWindow && !allWords(t, words[a+1:b], enCodePlace) {
				continue
			}
			// The noun itself may be a negator's spelling ("lot no.").
			between := slices.Delete(slices.Clone(words[a:b+1]), i-a, i-a+1)
			if anyWord(t, between, negators) || anyWord(t, words[a:b+1], enCodeCheck) || anyWord(t, words[a:b+1], enCodeKept) ||
				(a > 0 && slices.Contains(negators, t[words[a-1].start:words[a-1].end]) && !isCodeNoun(t, words, a-1)) {
				continue
			}
			if k := len(out); k == 0 || out[k-1].end < words[a].start {
				out = append(out, x.hit(words[a].start, words[b].end))
			}
			break
		}
	}
	return out
}

// enAbsent before a code noun says the code is missing ("no lot number",
// "without batch code"); enNotNeeded after it makes it something asked
// of the buyer ("no code needed").
var (
	enAbsent    = []string{"no", "without", "missing"}
	enNotNeeded = []string{"needed", "required", "necessary", "need", "problem", "problems", "issue", "issues"}
)

// codeAbsent reports whether code noun i of t is said to be missing: one
// of enAbsent at most two words before it (a qualifier between, "no lot
// number"), and returns where the statement starts.
func codeAbsent(t string, words []token, i int) (int, bool) {
	if i+1 < len(words) && slices.Contains(enNotNeeded, t[words[i+1].start:words[i+1].end]) {
		return 0, false
	}
	for a := i - 1; a >= 0 && a >= i-2; a-- {
		w := t[words[a].start:words[a].end]
		if slices.Contains(enAbsent, w) {
			return a, true
		}
		if a < i-1 || !slices.Contains(enCodeQualifiers, w) && !slices.Contains(enCodeNouns, w) {
			return 0, false
		}
	}
	return 0, false
}

// isCodeNoun reports whether word i of t names a product code.
func isCodeNoun(t string, words []token, i int) bool {
	w := t[words[i].start:words[i].end]
	prev := ""
	if i > 0 {
		prev = t[words[i-1].start:words[i-1].end]
	}
	switch {
	case slices.Contains(enCodeNouns, w):
		if strings.HasPrefix(w, "code") && slices.Contains(enCodeNotBefore, prev) {
			return false
		}
		return true
	case slices.Contains(enCodeQualified, w):
		return slices.Contains(enCodeQualifiers, prev)
	case slices.Contains(enNumberAbbrev, w):
		return prev == "lot" || prev == "batch" || prev == "serial"
	}
	return false
}

// allWords reports whether every one of words of t is one of ws.
func allWords(t string, words []token, ws []string) bool {
	for _, w := range words {
		if !slices.Contains(ws, t[w.start:w.end]) {
			return false
		}
	}
	return true
}

// anyWord reports whether one of ws is among words of t.
func anyWord(t string, words []token, ws []string) bool {
	for _, w := range words {
		if slices.Contains(ws, t[w.start:w.end]) {
			return true
		}
	}
	return false
}

// latinWords returns the spans of the Latin/digit words of compact text t.
func latinWords(t string) []token {
	var out []token
	for _, tk := range wordStarts(t) {
		if isWordRune(firstRune(t[tk.start:])) {
			out = append(out, tk)
		}
	}
	return out
}

// hit returns the signal word t[s:e] of x.
func (x *text) hit(s, e int) wordHit {
	return wordHit{field: x.field, word: x.t[s:e], start: s, end: e, ref: -1}
}

// prefixOf returns the first of ws that s starts with, or "".
func prefixOf(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// suffixOf returns the first of ws that s ends with, or "".
func suffixOf(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

// runeLen returns the length of the rune at t[i:], at least 1.
func runeLen(t string, i int) int {
	for n := 1; i+n <= len(t); n++ {
		if i+n == len(t) || t[i+n]&0xC0 != 0x80 {
			return n
		}
	}
	return 1
}
