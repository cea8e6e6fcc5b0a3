package matcher

import (
	"strings"
	"unicode/utf8"
)

// pack is a multi-unit offer stated in a title ("2件装", "x2", "twin
// pack"): the listed price buys n units of the product.
type pack struct {
	n    int
	word string // as in the compact title, for reasons
}

// maxPack bounds the units a pack word may state: "x500" is a model number
// or a size, not a pack.
const maxPack = 24

// cjkNumerals are the Chinese numerals a pack count is written with.
var cjkNumerals = map[rune]int{
	'一': 1, '二': 2, '两': 2, '俩': 2, '双': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9, '十': 10,
}

// packContainers are the measure words of a Chinese pack ("2件装",
// "两瓶装", "3盒装", "双支装").
var packContainers = []string{"件", "瓶", "盒", "支", "罐", "桶", "套", "个", "只", "包", "袋", "听", "组"}

// promoMarkers are the words that, before a count, make it a promotion on
// extra units ("买2盒送1盒", "第2件半价", "拍2件") rather than the pack the
// price buys.
var promoMarkers = []string{"买", "拍", "第", "送", "赠", "满", "加", "任选", "buy", "get"}

// latinContainers follow a count in English packs ("2 pack", "3 bottles"),
// longest first.
var latinContainers = []string{
	"bottles", "bottle", "pouches", "boxes", "tubes", "packs", "jars", "tins", "cans", "bags", "units",
	"pack", "box", "jar", "tube", "tin", "pk",
}

// latinPacks are English pack phrases with a fixed count.
var latinPacks = map[string]int{
	"twin pack": 2, "twinpack": 2, "duo pack": 2, "double pack": 2, "two pack": 2,
	"triple pack": 3, "three pack": 3, "value pack of 2": 2,
}

// parsePacks returns the pack counts stated in compact text t, each above
// one.
func parsePacks(t string) []pack {
	var out []pack
	add := func(n int, start, end int) {
		if n > 1 && n <= maxPack && !precededBy(t[:start], promoMarkers) {
			out = append(out, pack{n: n, word: t[start:end]})
		}
	}
	for i := 0; i < len(t); {
		r, w := utf8.DecodeRuneInString(t[i:])
		n, numEnd := 0, i
		switch {
		case isDigit(t[i]):
			if i > 0 && isWordRune(lastRune(t[:i])) && xBefore(t, i) < 0 {
				i = skipWord(t, i) // a model number or "v2"
				continue
			}
			for numEnd < len(t) && isDigit(t[numEnd]) && numEnd-i < 3 {
				n = n*10 + int(t[numEnd]-'0')
				numEnd++
			}
			if numEnd < len(t) && isDigit(t[numEnd]) {
				i = skipWord(t, i)
				continue
			}
		case cjkNumerals[r] > 0:
			n, numEnd = cjkNumerals[r], i+w
		default:
			i += w
			continue
		}
		rest := strings.TrimPrefix(t[numEnd:], " ")
		restAt := len(t) - len(rest)
		matched := false
		for _, c := range packContainers {
			if !strings.HasPrefix(rest, c) {
				continue
			}
			end := restAt + len(c)
			switch {
			case strings.HasPrefix(t[end:], "装"):
				add(n, i, end+len("装"))
				matched = true
			case c == "盒" && isDigit(t[i]):
				// "3盒": three boxes, when nothing else follows the count.
				add(n, i, end)
				matched = true
			}
			break
		}
		wordEnds := numEnd == len(t) || !isWordRune(firstRune(t[numEnd:]))
		if !matched && isDigit(t[i]) {
			if x := xBefore(t, i); x >= 0 && wordEnds {
				add(n, x, numEnd) // "x2", "x 2"
			} else {
				for _, word := range latinContainers {
					end := restAt + len(word)
					if strings.HasPrefix(rest, word) && (end == len(t) || !isWordRune(firstRune(t[end:]))) {
						add(n, i, end) // "2 pack", "2-pack", "2pk", "2 bottles"
						break
					}
				}
			}
		}
		for _, of := range []string{"pack of ", "set of ", "bundle of ", "lot of ", "case of "} {
			if isDigit(t[i]) && strings.HasSuffix(t[:i], of) && wordEnds {
				add(n, i-len(of), numEnd)
			}
		}
		i = max(numEnd, i+1)
	}
	for phrase, n := range latinPacks {
		if containsPhrase(t, phrase) {
			at := strings.Index(t, phrase)
			add(n, at, at+len(phrase))
		}
	}
	return out
}

// skipWord returns the end of the Latin/digit word at i.
func skipWord(t string, i int) int {
	for i < len(t) && t[i] != ' ' && t[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// xBefore returns where a multiplication "x" that starts a word stands just
// before the number at i ("x2", "x 2"), or -1.
func xBefore(t string, i int) int {
	x := i - 1
	if x >= 0 && t[x] == ' ' {
		x--
	}
	if x < 0 || t[x] != 'x' || (x > 0 && isWordRune(lastRune(t[:x]))) {
		return -1
	}
	return x
}

// packOf returns the pack the listing's price buys for its linked product:
// the first pack count of the title that the product's own names and
// sizes do not state ("10瓶" is one box of a 10-bottle product), or a pack
// of one.
func (m *Matcher) packOf(a *analysis) pack {
	if a.product < 0 {
		return pack{n: 1}
	}
	info := &m.products[a.product]
	for _, p := range parsePacks(a.title.t) {
		own := false
		for _, s := range info.sizes {
			if s.dim == dimCount && sameQuantity(s.value, float64(p.n)) {
				own = true
			}
		}
		for _, n := range info.names {
			if strings.Contains(n, p.word) {
				own = true
			}
		}
		if !own {
			return p
		}
	}
	return pack{n: 1}
}
