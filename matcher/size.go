package matcher

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// dimension is what a size measures.
type dimension uint8

const (
	dimMass   dimension = iota // grams
	dimVolume                  // millilitres
	dimCount                   // tablets, capsules, sachets ...
	numDims
)

// size is one quantity stated in a compact text, in the dimension's base
// unit, with its span.
type size struct {
	dim        dimension
	value      float64
	start, end int
	// soft is a small count of containers ("2瓶装", "3支"): the bottles
	// of a multi-pack, or the count of a product sold in bottles. It
	// agrees with a product that has it, and contradicts none.
	soft bool
}

// containerUnits are the count units that also count packs of a product
// ("2瓶装" is two bottles of 60 tablets).
var containerUnits = []string{"瓶", "支", "袋", "条"}

// String formats s in its base unit, e.g. "500 g", "1000 ml", "60 pcs".
func (s size) String() string {
	unit := [...]string{"g", "ml", "pcs"}[s.dim]
	return strconv.FormatFloat(s.value, 'f', -1, 64) + " " + unit
}

// units maps each unit word to its dimension and factor to the base unit.
// Pack words (盒, 罐, box) are left out on purpose: "2盒" counts boxes of
// the product, not what one product holds, and would wrongly contradict
// "60粒".
var units = map[string]struct {
	dim    dimension
	factor float64
}{
	"mg": {dimMass, 0.001}, "毫克": {dimMass, 0.001},
	"g": {dimMass, 1}, "gr": {dimMass, 1}, "gram": {dimMass, 1}, "grams": {dimMass, 1}, "克": {dimMass, 1},
	"kg": {dimMass, 1000}, "公斤": {dimMass, 1000}, "千克": {dimMass, 1000}, "斤": {dimMass, 500},
	"ml": {dimVolume, 1}, "毫升": {dimVolume, 1},
	"l": {dimVolume, 1000}, "升": {dimVolume, 1000}, "liter": {dimVolume, 1000}, "liters": {dimVolume, 1000},
	"litre": {dimVolume, 1000}, "litres": {dimVolume, 1000},
	"粒": {dimCount, 1}, "片": {dimCount, 1}, "袋": {dimCount, 1}, "支": {dimCount, 1}, "颗": {dimCount, 1},
	"tablet": {dimCount, 1}, "tablets": {dimCount, 1}, "tab": {dimCount, 1}, "tabs": {dimCount, 1},
	"capsule": {dimCount, 1}, "capsules": {dimCount, 1}, "caps": {dimCount, 1},
	"softgel": {dimCount, 1}, "softgels": {dimCount, 1}, "sachet": {dimCount, 1}, "sachets": {dimCount, 1},
	"pcs": {dimCount, 1}, "pieces": {dimCount, 1}, "count": {dimCount, 1}, "ct": {dimCount, 1},
	"瓶": {dimCount, 1}, "条": {dimCount, 1}, "vial": {dimCount, 1}, "vials": {dimCount, 1},
	"sheet": {dimCount, 1}, "sheets": {dimCount, 1}, "stick": {dimCount, 1}, "sticks": {dimCount, 1},
}

// unitWords lists the unit words longest first, so "kg" wins over "g" and
// "capsules" over "caps".
var unitWords = func() []string {
	var ws []string
	for w := range units {
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(a, b string) int { return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a, b)) })
	return ws
}()

// maxSizes bounds the sizes read from one text.
const maxSizes = 8

// parseSizes returns the quantities stated in compact text t: "500g",
// "500 g", "500克" and "0.5kg" are all 500 g; "60粒", "60 tablets" and
// "60 caps" are all 60 pieces. The number must start a word ("v2g" is a
// model name) and a Latin unit must end one ("5 gold" has no size).
func parseSizes(t string) []size {
	var out []size
	for i := 0; i < len(t) && len(out) < maxSizes; i++ {
		if !isDigit(t[i]) {
			continue
		}
		if i > 0 {
			if r, _ := utf8.DecodeLastRuneInString(t[:i]); isWordRune(r) {
				// Inside a word: skip to its end.
				for i+1 < len(t) && t[i+1] != ' ' && t[i+1] < utf8.RuneSelf {
					i++
				}
				continue
			}
		}
		j := i
		for j < len(t) && isDigit(t[j]) {
			j++
		}
		if j < len(t)-1 && t[j] == '.' && isDigit(t[j+1]) {
			j++
			for j < len(t) && isDigit(t[j]) {
				j++
			}
		}
		num := t[i:j]
		k := j
		if k < len(t) && t[k] == ' ' {
			k++
		}
		unit := ""
		for _, u := range unitWords {
			if !strings.HasPrefix(t[k:], u) {
				continue
			}
			end := k + len(u)
			last, _ := utf8.DecodeLastRuneInString(u)
			if next, _ := utf8.DecodeRuneInString(t[end:]); end < len(t) && isWordRune(last) && isWordRune(next) {
				continue
			}
			unit = u
			break
		}
		if unit == "" || len(num) > 12 {
			i = j - 1
			continue
		}
		v, err := strconv.ParseFloat(num, 64)
		if err != nil || v <= 0 || math.IsInf(v, 0) {
			i = j - 1
			continue
		}
		u := units[unit]
		end := k + len(unit)
		if strings.HasPrefix(t[end:], "装") { // "60粒装": a pack of 60
			end += len("装")
		}
		soft := slices.Contains(containerUnits, unit) && v <= maxPack
		out = append(out, size{dim: u.dim, value: round6(v * u.factor), start: i, end: end, soft: soft})
		i = end - 1
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// sameQuantity reports whether a and b agree within half a percent.
func sameQuantity(a, b float64) bool {
	return math.Abs(a-b) <= 0.005*math.Max(a, b)
}

// sizeMatch compares the sizes a listing states with a product's. It
// reports ok false when, for some dimension both state, none of the
// listing's values is one of the product's (a 1 kg listing is not the
// 500 g SKU), and otherwise how many dimensions agree. A soft size counts
// only when it agrees.
func sizeMatch(listing, product []size) (ok bool, agree int) {
	for d := dimension(0); d < numDims; d++ {
		var lHas, pHas, same bool
		for _, p := range product {
			if p.dim != d {
				continue
			}
			pHas = true
			for _, l := range listing {
				if l.dim != d {
					continue
				}
				if sameQuantity(l.value, p.value) {
					lHas, same = true, true
				} else if !l.soft {
					lHas = true
				}
			}
		}
		if !pHas || !lHas {
			continue
		}
		if !same {
			return false, 0
		}
		agree++
	}
	return true, agree
}
