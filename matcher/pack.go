package matcher

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// pack is a multi-unit offer stated in a title ("2件装", "x2", "twin
// pack"): the listed price buys n units of the product.
type pack struct {
	n    int
	word string // as in the compact title, for reasons
	// carton is set for a wholesale carton ("整箱48瓶"), whose listed
	// price may be the carton's or one unit's: the price says which
	// (unitPrice).
	carton bool
}

// maxCarton bounds the units of a wholesale carton.
const maxCarton = 500

// cartonMarkers say the offer is a whole carton: "整箱48瓶", "一箱24盒",
// "每箱6桶"; cartonAfter after the count does too ("48瓶/箱", "24盒一箱"; the
// slash is gone once normalised).
var (
	cartonMarkers = []string{"整箱", "一箱", "每箱", "箱装", "整件"}
	cartonAfter   = []string{"整箱", "一箱", "每箱", "箱"}
)

// parseCarton returns the wholesale carton compact text t states, if any.
func parseCarton(t string) (pack, bool) {
	for i := 0; i < len(t); i += runeLen(t, i) {
		marker := prefixOf(t[i:], cartonMarkers)
		if marker != "" {
			if n, end, ok := countAndContainer(t, i+len(marker)); ok {
				return pack{n: n, word: t[i:end], carton: true}, true
			}
			continue
		}
		if !isDigit(t[i]) || (i > 0 && isDigit(t[i-1])) {
			continue
		}
		if n, end, ok := countAndContainer(t, i); ok {
			if a := prefixOf(t[end:], cartonAfter); a != "" {
				return pack{n: n, word: t[i : end+len(a)], carton: true}, true
			}
		}
	}
	return pack{}, false
}

// countAndContainer reads a count of two to maxCarton and a measure word
// of packs at t[i:].
func countAndContainer(t string, i int) (n, end int, ok bool) {
	n, j, ok := countAt(t, i)
	if !ok || n < 2 || n > maxCarton {
		return 0, 0, false
	}
	rest := strings.TrimPrefix(t[j:], " ")
	c := prefixOf(rest, packContainers)
	if c == "" {
		return 0, 0, false
	}
	return n, len(t) - len(rest) + len(c), true
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
	out := leadingCount(t)
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
			var ok bool
			if n, numEnd, ok = countAt(t, i); !ok {
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
				// "1瓶/3瓶装": a choice of packs, the shown price the
				// smallest one's.
				add(min(n, smallestChoice(t[:i], c)), i, end+len("装"))
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

// leadingCount returns the count of units opening compact text t, as a
// pack: "2 x <product>", "3x <product>"; "10 x 50ml" is a size.
func leadingCount(t string) []pack {
	n, k, isCount := countAt(t, 0)
	rest := strings.TrimPrefix(t[k:], " ")
	after, ok := strings.CutPrefix(rest, "x ")
	if !isCount || n < 2 || n > maxPack || !ok || after == "" || isDigit(after[0]) {
		return nil
	}
	return []pack{{n: n, word: t[:len(t)-len(rest)+1]}}
}

// countAt reads a count of up to three digits at t[i:]: its value and
// where it ends. ok is false when there is none, or a fourth digit
// follows (a model number, a year).
func countAt(t string, i int) (n, end int, ok bool) {
	end = i
	for end < len(t) && isDigit(t[end]) && end-i < 3 {
		n = n*10 + int(t[end]-'0')
		end++
	}
	return n, end, end > i && (end == len(t) || !isDigit(t[end]))
}

// smallestChoice returns the smallest count of the packs of container c
// that the compact text before a pack count offers as other choices of
// the same listing ("1瓶/2瓶/3瓶装", "单罐/3罐装"; the slashes are gone
// once normalised), or maxPack+1 when there are none. A shop that lists
// its pack sizes in the title shows the price of the smallest (the low
// end of a price range, or the first option).
func smallestChoice(before string, c string) int {
	least := maxPack + 1
	for strings.HasSuffix(before, c) {
		rest := strings.TrimRight(before[:len(before)-len(c)], " ")
		n, size := countBefore(rest)
		if size == 0 {
			break
		}
		least = min(least, n)
		before = strings.TrimRight(rest[:len(rest)-size], " ")
	}
	return least
}

// countBefore reads the count that compact text s ends with: up to three
// digits, a Chinese numeral, or 单 (one); size is its length in bytes, 0
// when s ends with none.
func countBefore(s string) (n, size int) {
	if r, w := utf8.DecodeLastRuneInString(s); r == '单' {
		return 1, w
	} else if v := cjkNumerals[r]; v > 0 {
		return v, w
	}
	k := len(s)
	for k > 0 && len(s)-k < 3 && isDigit(s[k-1]) {
		k--
	}
	if k == len(s) || (k > 0 && isDigit(s[k-1])) {
		return 0, 0
	}
	v, _ := strconv.Atoi(s[k:])
	return v, len(s) - k
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
	if c, ok := parseCarton(a.title.t); ok {
		return c
	}
	return pack{n: 1}
}
