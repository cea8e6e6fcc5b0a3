package matcher

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// phraseKind says what a dictionary phrase signals.
type phraseKind uint8

const (
	kindBrand           phraseKind = iota // a brand name or alias; ref is the brand
	kindRedFlag                           // a counterfeit word
	kindCode                              // a code-removal word
	kindDefamation                        // an attack on a brand; ref is the brand, or -1 for any
	kindAccessory                         // an accessory word, anywhere in the title
	kindAccessoryBefore                   // an accessory connecting word, before the name only
	kindMarketing                         // a marketing word, ignored when linking
	kindSecondHand                        // a private resale of a used unit (闲置, pre-owned)
	kindNotOffer                          // text about a product, not an offer (测评, review)
	kindAlternative                       // another brand's product compared by name (平替)
	kindDupe                              // a copy of a named product: an alternative or a counterfeit word
)

// phrase is one compact, normalised dictionary entry.
type phrase struct {
	text string
	kind phraseKind
	ref  int
	// wordEnd is true when the phrase ends in a Latin/digit character, so
	// the text must not continue with one ("oem" is not in "oems").
	wordEnd bool
	// shown is the phrase as the rules wrote it ("1:1", "A货"), for
	// reasons: its normalised text ("1 1", "a货") reads wrongly to an
	// analyst.
	shown string
}

// phraseDict finds every dictionary phrase in a compact text in one pass
// over the text's words, whatever the size of the dictionary: phrases are
// keyed by their first word (Latin) or first character (CJK).
type phraseDict struct {
	byKey   map[string][]int32
	phrases []phrase
	seen    map[phrase]bool
	// bySetWord keys the signal phrases that also match as a set of words
	// (any order, one filler word allowed: "code scratched", "scratched
	// off code") by each of their words; setWords holds each one's words.
	bySetWord map[string][]int32
	setWords  map[int32][]string
}

func newPhraseDict() *phraseDict {
	return &phraseDict{byKey: map[string][]int32{}, seen: map[phrase]bool{}, bySetWord: map[string][]int32{}, setWords: map[int32][]string{}}
}

// setWordStop are the words that make a phrase's word order matter: "no
// batch code" is not "batch code no. 12", "inspired by" needs its "by".
var setWordStop = map[string]bool{"a": true, "an": true, "the": true, "as": true, "by": true, "of": true, "for": true, "to": true, "with": true, "and": true, "or": true}

// setPhrase returns the words of t when a phrase of kind may match as a
// set: counterfeit and code-removal phrases of two or three Latin words,
// none of them a negator or a function word.
func setPhrase(t string, kind phraseKind) []string {
	if kind != kindRedFlag && kind != kindCode {
		return nil
	}
	words := strings.Split(t, " ")
	if len(words) < 2 || len(words) > 3 {
		return nil
	}
	for _, w := range words {
		if w == "" || setWordStop[w] || slices.Contains(negators, w) {
			return nil
		}
		for _, r := range w {
			if isCJK(r) {
				return nil
			}
		}
	}
	return words
}

// add puts raw into the dictionary; it reports false when raw normalises to
// nothing.
func (d *phraseDict) add(raw string, kind phraseKind, ref int) bool {
	t := compact(raw)
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	p := phrase{text: t, kind: kind, ref: ref, wordEnd: isWordRune(last)}
	if d.seen[p] {
		return true
	}
	d.seen[p] = true
	p.shown = strings.TrimSpace(raw)
	a := wordStarts(t)[0]
	key := t[a.start:a.end]
	id := int32(len(d.phrases))
	d.byKey[key] = append(d.byKey[key], id)
	d.phrases = append(d.phrases, p)
	if words := setPhrase(t, kind); words != nil {
		d.setWords[id] = words
		for _, w := range words {
			if !slices.Contains(d.bySetWord[w], id) {
				d.bySetWord[w] = append(d.bySetWord[w], id)
			}
		}
	}
	return true
}

// phraseHit is one occurrence of a phrase in a text.
type phraseHit struct {
	phrase     int32
	start, end int
}

// find returns the occurrences of dictionary phrases in compact text t,
// whose anchors are wordStarts(t), in text order.
func (d *phraseDict) find(t string, anchors []token) []phraseHit {
	var hits []phraseHit
	for _, a := range anchors {
		for _, id := range d.byKey[t[a.start:a.end]] {
			p := &d.phrases[id]
			if !strings.HasPrefix(t[a.start:], p.text) {
				continue
			}
			end := a.start + len(p.text)
			if p.wordEnd && end < len(t) {
				if r, _ := utf8.DecodeRuneInString(t[end:]); isWordRune(r) {
					continue
				}
			}
			hits = append(hits, phraseHit{phrase: id, start: a.start, end: end})
		}
	}
	if len(d.setWords) > 0 {
		hits = d.findSets(t, anchors, hits)
	}
	return hits
}

// findSets adds to hits the set phrases whose words all occur among
// len(words)+1 consecutive anchors of t, in any order, where the phrase
// was not found as written. It keeps hits in text order.
func (d *phraseDict) findSets(t string, anchors []token, hits []phraseHit) []phraseHit {
	n0 := len(hits)
	for i, a := range anchors {
		for _, id := range d.bySetWord[t[a.start:a.end]] {
			words := d.setWords[id]
			// The window starts at this anchor, which must be one of the
			// words: each occurrence is found from its leftmost word.
			win := anchors[i:min(len(anchors), i+len(words)+1)]
			used := make([]bool, len(win))
			end, ok := a.end, true
			for _, w := range words {
				found := false
				for j, b := range win {
					if !used[j] && t[b.start:b.end] == w {
						used[j], found = true, true
						end = max(end, b.end)
						break
					}
				}
				if !found {
					ok = false
					break
				}
			}
			if !ok || !used[0] {
				continue
			}
			for j, b := range win {
				if !used[j] && b.end <= end && slices.Contains(negators, t[b.start:b.end]) {
					ok = false // "code not scratched"
				}
			}
			if !ok {
				continue
			}
			dup := false
			for _, h := range hits {
				if h.phrase == id && h.start < end && a.start < h.end {
					dup = true // found as written, or already as a set
					break
				}
			}
			if !dup {
				hits = append(hits, phraseHit{phrase: id, start: a.start, end: end})
			}
		}
	}
	if len(hits) > n0 {
		slices.SortStableFunc(hits, func(x, y phraseHit) int { return cmp.Compare(x.start, y.start) })
	}
	return hits
}

// negators are the words that, just before a signal word, turn it around:
// "非传销" (not a pyramid scheme), "不是高仿", "拒绝刮码", "not a replica".
// They are part of the language rather than of any brand's rules.
var negators = []string{
	"不", "不是", "非", "无", "没", "没有", "未", "并非", "绝非", "拒绝", "杜绝", "远离",
	"谨防", "防范", "严禁", "打击", "反",
	"not", "no", "non", "never", "anti", "without", "against", "beware of", "isn t", "aren t", "don t", "doesn t",
	"bukan", "tidak", "tiada", // Malay and Indonesian: "bukan tiruan" (not a copy)
}

// coordinators join signal words into one list under one negator:
// "绝非高仿A货" and "not a replica or fake" deny both words, "高仿、A货"
// (the 、 is a space once normalised) lists them.
var coordinators = []string{"or", "and", "nor", "或", "或者", "和", "与", "及", "也非", "也不是", "亦非"}

// negation follows the negated signal words of one field, so that a
// signal word coordinated with a negated one is negated too.
type negation struct {
	start, end int // span of the last run of negated signal words
	any        bool
}

// negated reports whether the signal phrase h of compact text t is
// negated: a negator just before it; inside a negated phrase ("骗局" of
// "非传销骗局"); or just after a negated one, with at most a coordinator
// and an article between ("绝非高仿A货", "not a replica or a fake").
func (n *negation) negated(t string, h phraseHit) bool {
	neg := negatedBefore(t[:h.start])
	if !neg && n.any {
		switch {
		case h.start >= n.start && h.end <= n.end:
			neg = true
		case h.start >= n.end:
			gap := strings.Fields(t[n.end:h.start])
			if k := len(gap); k > 0 && slices.Contains(articles, gap[k-1]) {
				gap = gap[:k-1]
			}
			neg = len(gap) == 0 || (len(gap) == 1 && slices.Contains(coordinators, gap[0]))
		}
	}
	if neg {
		if !n.any || h.start > n.end {
			n.start = h.start
		}
		n.end, n.any = max(n.end, h.end), true
	}
	return neg
}

// negationVerbs may stand between a negator and what it denies: "we
// never sell replicas", "绝不卖高仿", "does not carry fakes".
var negationVerbs = []string{
	"sell", "sells", "sold", "selling", "offer", "offers", "carry", "carries", "stock", "stocks",
	"supply", "supplies", "ship", "ships", "deal in", "have", "has", "use", "uses", "make", "makes",
	"卖", "售", "出售", "销售", "做", "发", "用",
	"等于", "属于", "算", "搞", "涉及", "存在", "构成", // "直销不等于传销", "不构成传销"
}

// negatedBefore reports whether the compact text before a signal word
// ends in a negator, or in a negator and a verb of selling, with an
// article and one Latin word allowed after the verb ("we never sell
// factory overruns").
func negatedBefore(before string) bool {
	if precededBy(before, negators) {
		return true
	}
	b := strings.TrimRight(before, " ")
	for range 2 {
		for _, a := range articles {
			if endsWithWord(b, a) {
				b = strings.TrimRight(b[:len(b)-len(a)], " ")
				break
			}
		}
		for _, v := range negationVerbs {
			if endsWithWord(b, v) {
				return precededBy(b[:len(b)-len(v)], negators)
			}
		}
		i := strings.LastIndexByte(b, ' ')
		if i < 0 || !isLatinWord(b[i+1:]) {
			return false
		}
		b = strings.TrimRight(b[:i], " ")
	}
	return false
}

// notOfferExceptions are the words that, just before a not-offer word,
// make it a seller's notice rather than a guide: "拍前必看" (read before
// you order) heads an offer; "可回收" (recyclable) is no buy-back;
// "支持正品鉴定" (the buyer may have it authenticated) is no
// authentication service.
var notOfferExceptions = []string{"拍前", "拍下前", "下单前", "拍之前", "购买须知", "可", "支持", "接受", "包", "most"}

// priceReferences, right after an alternative word, make it a price
// comparison, not another product: "Cheaper than Retail", "cheaper than
// RRP".
var priceReferences = []string{"retail", "rrp", "msrp", "list price", "the shops", "in store", "in stores", "stores", "shops", "high street"}

// startsWithAny reports whether s starts with one of the words ws.
func startsWithAny(s string, ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return startsWithWord(s, w) })
}

// giftMarkers are the words that, just before an accessory word, make it a
// free gift with the product ("送摇摇杯", "with scoop") rather than the
// thing sold.
var giftMarkers = []string{
	"送", "赠", "赠送", "附赠", "加赠", "配送", "含", "附", "带",
	"free", "with", "gift", "bonus", "plus", "incl", "including",
}

// articles may stand between a negator and its word ("not a replica").
var articles = []string{"a", "an", "the"}

// precededBy reports whether the compact text before, with trailing
// spaces and at most one article dropped, ends in one of words (whole
// words for Latin ones).
func precededBy(before string, words []string) bool {
	before = strings.TrimRight(before, " ")
	if endsWithAny(before, words) {
		return true
	}
	for _, a := range articles {
		if endsWithWord(before, a) {
			return endsWithAny(strings.TrimRight(before[:len(before)-len(a)], " "), words)
		}
	}
	return false
}

func endsWithAny(s string, words []string) bool {
	for _, w := range words {
		if endsWithWord(s, w) && !aNotA(s, w) {
			return true
		}
	}
	return false
}

// aNotA reports whether the word w that s ends with is the negative half of
// a Chinese A-not-A question ("是不是", "会不会", "有没有"): "是不是传销"
// asks whether something is a pyramid scheme; it does not deny it. The
// verb before 不/没 repeats the one after it.
func aNotA(s, w string) bool {
	neg := strings.IndexAny(w, "不没")
	if neg < 0 {
		return false
	}
	start := len(s) - len(w) + neg // offset of 不/没 in s
	after := s[start+len("不"):]
	if after == "" {
		return false
	}
	before := s[:start]
	prev, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)
	return prev != utf8.RuneError && prev == next
}

// endsWithWord reports whether s ends with w; a w that starts with a
// Latin/digit character must start a word in s.
func endsWithWord(s, w string) bool {
	if !strings.HasSuffix(s, w) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w)
	if !isWordRune(first) {
		return true
	}
	rest := s[:len(s)-len(w)]
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return !isWordRune(r)
}
