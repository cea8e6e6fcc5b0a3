package matcher

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Counterfeit sellers disguise their signal words to slip past the
// platforms' keyword filters, in ways the rule lists cannot spell out
// one by one: a character written in pinyin or by its initial ("yuan单",
// "gao仿", "G仿" for 原单 and 高仿), digits for letters in English
// ("r3plica", "f4ke", "c0py"), and 仿 (imitation) closing a word of their
// own making ("高品质仿", "顶级仿"). Spaces and punctuation between the
// characters ("高 仿", "原-单") are gone once the text is compacted.

// pinyinForms returns the forms of the two-character CJK signal word w
// with one character written in pinyin, in full or, for the first, by
// its initial, by the customary reading: 原单 gives "yuan单", "y单" and
// "原dan". Longer words and words of other scripts have none.
func pinyinForms(w string) []string {
	rs := []rune(w)
	if len(rs) != 2 || !isCJK(rs[0]) || !isCJK(rs[1]) {
		return nil
	}
	var out []string
	add := func(f string) {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	// Sellers write the customary reading: a rare one (仿 read pang)
	// would only add forms such as "p品" that ordinary text holds.
	if s := readingsOf(rs[0]); len(s) > 0 {
		add(s[0] + string(rs[1]))
		add(s[0][:1] + string(rs[1]))
	}
	if s := readingsOf(rs[1]); len(s) > 0 {
		add(string(rs[0]) + s[0])
	}
	return out
}

// leetDigits are the digits written for letters; 1 stands for i or l.
var leetDigits = map[rune][]rune{'0': {'o'}, '1': {'i', 'l'}, '3': {'e'}, '4': {'a'}, '5': {'s'}, '7': {'t'}}

// leetForms returns the words Latin word w may stand for with its digits
// read as letters ("r3plica" gives "replica"); none when w has no letter
// or no such digit, or a digit that stands for none (a size, a model).
func leetForms(w string) []string {
	hasLetter, hasDigit := false, false
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			hasLetter = true
		case leetDigits[r] != nil:
			hasDigit = true
		default:
			return nil
		}
	}
	if !hasLetter || !hasDigit {
		return nil
	}
	forms := []string{""}
	for _, r := range w {
		subs := leetDigits[r]
		if subs == nil {
			subs = []rune{r}
		}
		var next []string
		for _, f := range forms {
			for _, s := range subs {
				next = append(next, f+string(s))
			}
		}
		forms = next
	}
	return forms
}

// leetRedFlags returns the red-flag hits of x written with digits for
// letters: a word of x whose leetForms is one of the single Latin words
// of the counterfeit list (m.leet), not negated.
func (m *Matcher) leetRedFlags(x *text) []wordHit {
	if len(m.leet) == 0 {
		return nil
	}
	var out []wordHit
	for _, tk := range wordStarts(x.t) {
		w := x.t[tk.start:tk.end]
		for _, f := range leetForms(w) {
			if m.leet[f] && !negatedBefore(x.t[:tk.start]) {
				out = append(out, wordHit{field: x.field, word: w, shown: w, start: tk.start, end: tk.end, ref: -1})
				break
			}
		}
	}
	return out
}

// imitationNot are the characters before 仿 that make a word other than
// a claim of imitation: 模仿 and 效仿 (to imitate), 相仿 (alike), 防仿
// (anti-copy), and the negations 非仿, 无仿, 不仿, 没仿, 拒仿 ("正品绝非仿",
// not a copy).
const imitationNot = "模效相防非无不没拒"

// imitationDenials before such a word say it cannot be copied
// ("无法仿", "不可仿").
var imitationDenials = []string{"无法", "不可", "不能", "难以", "难"}

// imitationRedFlags returns the words of raw text s (a field as read)
// that 仿 closes ("高品质仿", "顶级仿"), as red-flag hits of x, the field
// compacted: sellers coin such words for the grade of their copies. 仿
// opening a word (仿真, simulated; 仿古, antique-style; 仿品, which the
// rules list) is another matter.
func imitationRedFlags(x *text, s string) []wordHit {
	norm := Normalize(s)
	var out []wordHit
	from := 0 // where in x.t to look for the next hit
	for i, r := range norm {
		if r != '仿' || i == 0 {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(norm[:i])
		next, size := utf8.DecodeRuneInString(norm[i+len("仿"):])
		if size > 0 && unicode.IsLetter(next) || !unicode.IsLetter(prev) || strings.ContainsRune(imitationNot, prev) {
			continue
		}
		word := string(prev) + "仿"
		k := strings.Index(x.t[from:], word)
		if k < 0 {
			continue
		}
		start := from + k
		from = start + len(word)
		before := x.t[:start]
		if negatedBefore(before) || suffixOf(before, imitationDenials) != "" {
			continue
		}
		out = append(out, wordHit{field: x.field, word: word, shown: word, start: start, end: start + len(word), ref: -1})
	}
	return out
}

// Goods said to be no different from the genuine ones are not genuine:
// "和正品没区别" (no different from the genuine), "专柜对比无差" (next to
// the counter's, no difference), "与原装无异". A seller of the brand's own
// goods has nothing to compare them with.

// genuineNouns name the genuine article; noDifference say "no
// different"; likenessFillers may stand between them.
var (
	genuineNouns    = []string{"正品", "专柜", "原装", "原版", "正版", "真品", "原厂"}
	noDifference    = []string{"没区别", "没有区别", "无区别", "无差别", "没差别", "无差", "没差", "一模一样", "无异", "无二"}
	likenessFillers = []string{"对比", "相比", "比较", "比", "的", "货", "产品", "几乎", "完全", "基本"}
)

// likenessClaims returns the statements of x that the goods do not
// differ from the genuine ones, not negated.
func likenessClaims(x *text) []wordHit {
	t := x.t
	var out []wordHit
	for i := 0; i < len(t); {
		noun := prefixOf(t[i:], genuineNouns)
		if noun == "" {
			i += runeLen(t, i)
			continue
		}
		at := i + len(noun)
		for n := 0; n < 2; n++ {
			if f := prefixOf(t[at:], likenessFillers); f != "" {
				at += len(f)
			}
		}
		if d := prefixOf(t[at:], noDifference); d != "" && !negatedBefore(t[:i]) {
			out = append(out, wordHit{field: x.field, word: t[i : at+len(d)], shown: t[i : at+len(d)], start: i, end: at + len(d), ref: -1})
			at += len(d)
		}
		i = at
	}
	return out
}

// addDisguised adds to a.redFlags the disguised counterfeit words of x
// (raw is the field as read) that no signal word already covers and that
// do not lie inside the seller's name.
func (m *Matcher) addDisguised(a *analysis, x *text, raw string) {
	hits := append(m.leetRedFlags(x), imitationRedFlags(x, raw)...)
	hits = append(hits, likenessClaims(x)...)
	for _, h := range hits {
		// A rule word there, negated or not, has been judged already.
		if slices.ContainsFunc(x.hits, func(o phraseHit) bool {
			return m.dict.phrases[o.phrase].kind == kindRedFlag && o.start < h.end && h.start < o.end
		}) {
			continue
		}
		if a.inSellerName(x, phraseHit{start: h.start, end: h.end}) {
			a.shopWords = append(a.shopWords, h)
			continue
		}
		a.redFlags = append(a.redFlags, h)
	}
}

// "OEM" in a factory's listing offers a service: making goods under the
// buyer's label ("支持OEM贴牌代加工", "OEM/ODM", "accept OEM orders").
// Then it claims nothing about where the goods came from, anywhere in the
// listing; "OEM version" and "原厂OEM货" still do.

// oemServiceBefore and oemServiceAfter stand around "oem" in an offer of
// the service.
var (
	oemServiceBefore = []string{"支持", "接受", "承接", "提供", "可做", "可", "欢迎", "accept", "accepts", "we do", "offer", "offers", "provide", "custom"}
	oemServiceAfter  = []string{"贴牌", "代加工", "加工", "定制", "代工", "odm", "service", "services", "orders", "order", "customi", "private label", "custom"}
)

// oemService reports whether compact text t offers OEM manufacturing.
func oemService(t string) bool {
	for off := 0; ; {
		i := indexWord(t[off:], "oem")
		if i < 0 {
			return false
		}
		at := off + i
		before := strings.TrimRight(t[:at], " ")
		after := strings.TrimLeft(t[at+len("oem"):], " ")
		if slices.ContainsFunc(oemServiceBefore, func(w string) bool { return endsWithWord(before, w) }) ||
			prefixOf(after, oemServiceAfter) != "" {
			return true
		}
		off = at + len("oem")
	}
}

// dropOEMService drops the red flag "oem" from a listing that offers OEM
// manufacturing.
func (a *analysis) dropOEMService() {
	if !oemService(a.title.t) && !oemService(a.desc.t) {
		return
	}
	a.redFlags = slices.DeleteFunc(a.redFlags, func(h wordHit) bool { return h.word == "oem" })
}

// dropNotOfferInClaims drops the not-offer words that are part of a
// counterfeit claim: the 对比 of "专柜对比无差" compares the goods with the
// counter's to sell them, it heads no review.
func (a *analysis) dropNotOfferInClaims() {
	a.notOffer = slices.DeleteFunc(a.notOffer, func(n wordHit) bool {
		return slices.ContainsFunc(a.redFlags, func(h wordHit) bool { return h.field == n.field && h.start <= n.start && n.end <= h.end })
	})
}
