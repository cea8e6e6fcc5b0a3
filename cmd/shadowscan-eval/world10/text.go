package world10

import (
	"fmt"
	"strings"
	"unicode"
)

// Half-width katakana (U+FF66..U+FF9D) and their full-width forms, index for index.
const (
	halfKana = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ"
	fullKana = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
	voiced   = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ"
	semi     = "パピプペポ"
)

var (
	half2full = map[rune]rune{}
	full2half = map[rune]rune{}
)

func init() {
	h, f := []rune(halfKana), []rune(fullKana)
	for i := range h {
		half2full[h[i]] = f[i]
		full2half[f[i]] = h[i]
	}
}

// toHalfKana writes full-width katakana in half-width forms, as some shops do.
func toHalfKana(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == 'ヴ':
			b.WriteString("ｳﾞ")
		case strings.ContainsRune(voiced, r):
			b.WriteRune(full2half[r-1])
			b.WriteRune('ﾞ')
		case strings.ContainsRune(semi, r):
			b.WriteRune(full2half[r-2])
			b.WriteRune('ﾟ')
		default:
			if h, ok := full2half[r]; ok {
				b.WriteRune(h)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// toFullWidth writes ASCII letters and digits in full-width forms (ＨＡＮＡＭＯＲＩ １５０ｍＬ).
func toFullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
			b.WriteRune(r + 0xFEE0)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

var accentFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ä': "a", 'ã': "a", 'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'ö': "o", 'õ': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ß': "ss", 'œ': "oe", 'æ': "ae",
}

// fold is the site search's normaliser: width folding, half-width katakana
// composed to full-width, lower case, accents dropped, spaces removed.
func fold(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000:
			continue
		}
		if f, ok := half2full[r]; ok {
			r = f
			if i+1 < len(rs) && rs[i+1] == 'ﾞ' {
				if r == 'ウ' {
					r = 'ヴ'
				} else {
					r++
				}
				i++
			} else if i+1 < len(rs) && rs[i+1] == 'ﾟ' {
				r += 2
				i++
			}
		}
		if unicode.IsSpace(r) {
			continue
		}
		r = unicode.ToLower(r)
		if a, ok := accentFold[r]; ok {
			b.WriteString(a)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// queryTokens splits a search query on ASCII and ideographic spaces and folds each word.
func queryTokens(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == 0x3000 }) {
		if f := fold(w); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// slugify makes a Vinted-style URL slug.
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if a, ok := accentFold[r]; ok {
			b.WriteString(a)
			dash = false
			continue
		}
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > 60 {
		out = strings.TrimRight(out[:60], "-")
	}
	if out == "" {
		out = "article"
	}
	return out
}

// yen formats 3980 as "3,980".
func yen(v int) string {
	s := fmt.Sprint(v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// euro formats 12.5 as "12,50" (comma decimals, dot thousands).
func euro(v float64) string {
	cents := int(v*100 + 0.5)
	whole, frac := cents/100, cents%100
	s := fmt.Sprint(whole)
	if whole >= 1000 {
		s = fmt.Sprintf("%d.%03d", whole/1000, whole%1000)
	}
	return fmt.Sprintf("%s,%02d", s, frac)
}
