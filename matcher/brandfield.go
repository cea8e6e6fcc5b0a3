package matcher

import (
	"strings"
	"unicode/utf8"
)

// Marketplaces ask sellers for the brand in a field of its own: the 品牌
// row of the attribute table on 1688, Taobao and JD, "Brand:" in the
// details of cross-border sites. Generic goods say none there (品牌: 其他,
// 无品牌, "Brand: Generic") and other makers give their own name, even when
// their title borrows a catalogue brand's for search. A seller of the
// catalogue brand's goods, genuine or fake, writes the brand there.

// declared is what a listing's brand field says.
type declared int

const (
	declaredNothing declared = iota // no brand field
	declaredOurs                    // a catalogue brand's name
	declaredNone                    // no brand: generic goods
	declaredOther                   // another brand's name
)

// brandLabels name the brand field; fieldLabels the fields that may follow
// it on the same line ("品牌：维德丽品名：钙片").
var (
	brandLabels = []string{"品牌名称", "品牌名", "品牌", "brand name", "brand"}
	fieldLabels = []string{"品名", "产品名称", "商品名称", "规格", "产地", "货号", "型号", "保质期", "净含量", "product", "size", "model", "shelf life", "item"}
	// noBrand are the values of a brand field that name no brand.
	noBrand = []string{"其他", "其它", "无品牌", "无牌", "无", "通用", "none", "generic", "unbranded", "no brand", "n a", "na", "other", "others", "oem"}
	// fillerValues fill a brand field without naming anything.
	fillerValues = []string{"见详情", "详见", "如图", "见图", "看图", "见描述", "以实物为准", "see description", "as pictured", "as shown", "see details"}
	// noBrandWords in a description say the goods have no brand.
	noBrandWords = []string{"无品牌", "非任何品牌", "非任何直销品牌", "不属于任何品牌", "通用商品", "unbranded", "no brand"}
)

// declaredBrand reads the brand field of raw description s: a line that
// opens with a brand label followed by a colon and the value, or the
// label alone on its line (a table cell) and the value on the next. It
// returns what the value says and the value, compacted.
func (m *Matcher) declaredBrand(s string) (declared, string) {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		value, ok := brandFieldValue(line)
		if !ok {
			continue
		}
		if value == "" && i+1 < len(lines) {
			value = lines[i+1]
		}
		v := cutAtLabel(compact(value))
		if v == "" {
			continue
		}
		return m.judgeBrandValue(v), v
	}
	c := compact(s)
	for _, w := range noBrandWords {
		if containsPhrase(c, w) {
			return declaredNone, w
		}
	}
	return declaredNothing, ""
}

// brandFieldValue returns the text after a brand label that opens line,
// and true when the label stands as a field: followed by a colon, or
// alone on the line.
func brandFieldValue(line string) (string, bool) {
	t := strings.TrimSpace(line)
	lower := strings.ToLower(t)
	for _, l := range brandLabels {
		if !strings.HasPrefix(lower, l) {
			continue
		}
		rest := strings.TrimSpace(t[len(l):])
		if rest == "" {
			return "", true
		}
		r, size := utf8.DecodeRuneInString(rest)
		if r == ':' || r == '：' {
			return strings.TrimSpace(rest[size:]), true
		}
		return "", false
	}
	return "", false
}

// cutAtLabel cuts compact value v where the next field's label starts;
// a value that opens with one is empty (a brand cell left blank, the next
// label read in its place).
func cutAtLabel(v string) string {
	end := len(v)
	for _, l := range fieldLabels {
		if i := strings.Index(v, l); i >= 0 && i < end {
			end = i
		}
	}
	return strings.TrimSpace(v[:end])
}

// maxBrandValue is the most characters a brand field's value has when it
// is a name rather than a sentence.
const maxBrandValue = 24

// judgeBrandValue says what compact brand value v names: a catalogue
// brand when it holds one of their names anywhere, no brand, another
// brand; nothing when it is a filler, a marketing word or a sentence.
func (m *Matcher) judgeBrandValue(v string) declared {
	hits := m.dict.find(v, wordStarts(v))
	for _, h := range hits {
		if m.dict.phrases[h.phrase].kind == kindBrand {
			return declaredOurs
		}
	}
	if utf8.RuneCountInString(v) > maxBrandValue || prefixOf(v, fillerValues) != "" {
		return declaredNothing
	}
	for _, h := range hits {
		if m.dict.phrases[h.phrase].kind == kindMarketing && h.start == 0 {
			return declaredNothing // "正品", "官方"
		}
	}
	for _, w := range noBrand {
		switch {
		case v == w, strings.HasPrefix(v, w+" "):
			return declaredNone
		case w != "无" && !isLatinWord(w) && strings.HasPrefix(v, w):
			return declaredNone // "其他品牌"
		}
	}
	return declaredOther
}
