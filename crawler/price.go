package crawler

import (
	"strings"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan"
)

// maxPriceText caps the text ParsePrice looks at; a price is a few dozen
// bytes and a hostile page must not make the parser scan megabytes.
const maxPriceText = 1024

// ParsePrice reads a price from text as shops write it: "¥1,299.00",
// "￥88-128" (a range: the low end), "1.299,00 €", "1299元", "RMB 298",
// full-width digits, "US $12.50", "12,50 €". ok is false when the text holds
// no number ("面议", "价格面议", ""). currency is an ISO 4217 code, or "" when
// the text names none or an ambiguous one (kr, Fr.); ¥ and ￥ are CNY, JPY
// needs 円, yen or JPY.
//
// The number heuristics (which of '.' and ',' is the decimal separator, "€"
// as a separator in "12€50") follow scrapinghub/price-parser, whose test
// suite the package tests run against.
func ParsePrice(s string) (amount shadowscan.Amount, currency string, ok bool) {
	p := parsePrice(s, "", 0)
	return p.amount, p.iso, p.ok
}

// parsedPrice is the full result of parsePrice, kept for tests that compare
// against the reference parser's symbol and number text.
type parsedPrice struct {
	amount     shadowscan.Amount
	ok         bool
	amountText string // the number as found, "" when none
	symbol     string // the currency as written, "" when none
	iso        string // the ISO 4217 code of symbol, "" when unknown
}

// parsePrice is ParsePrice with a currency hint (text of a nearby element,
// e.g. a currency selector's match) and an optional explicit decimal
// separator ('.', ',' or '€'; 0 to guess).
func parsePrice(s, hint string, decSep rune) parsedPrice {
	s = normalizePriceText(s)
	hint = normalizePriceText(hint)
	var p parsedPrice
	p.symbol = strings.TrimSpace(extractCurrency(s, hint))
	p.iso = isoOf(p.symbol)
	if s == "" {
		return p
	}
	p.amountText = extractPriceText(s)
	if p.amountText == "" {
		return p
	}
	p.amount, p.ok = parseNumber(p.amountText, decSep)
	return p
}

// normalizePriceText clips s and folds full-width digits and separators
// (１２９９，００) to ASCII, leaving currency symbols as written.
func normalizePriceText(s string) string {
	if len(s) > maxPriceText {
		s = s[:maxPriceText]
		for len(s) > 0 && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '\u3000', r == '\u00a0', r == '\u202f', r == '\u2009', r == '\t', r == '\n', r == '\r':
			return ' '
		}
		return r
	}, s)
}

// extractCurrency finds the currency symbol in price, then in hint: a
// dollar code before "$", then safe symbols, then ISO codes and less
// reliable symbols.
func extractCurrency(price, hint string) string {
	type method struct {
		f func(string) string
		s string
	}
	methods := make([]method, 0, 6)
	if strings.Contains(price, "$") {
		methods = append(methods, method{searchDollarCode, price})
	}
	if strings.Contains(hint, "$") {
		methods = append(methods, method{searchDollarCode, hint})
	}
	methods = append(methods,
		method{searchSafe, price}, method{searchSafe, hint},
		method{searchOther, price}, method{searchOther, hint})
	for _, m := range methods {
		if m.s == "" {
			continue
		}
		if got := m.f(m.s); got != "" {
			return got
		}
	}
	return ""
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isNumSpace(b byte) bool { return b == ' ' }

// extractPriceText returns the first number in s as written ("1,299.00"),
// with the euro sign kept when it stands for the decimal separator
// ("12€50"), "0" for "free", or "".
func extractPriceText(s string) string {
	if strings.Count(s, "€") == 1 {
		if t := euroSeparated(s); t != "" {
			return t
		}
	}
	// ([.]?\d[\d\s.,']*) not followed by '%'.
	for i := 0; i < len(s); i++ {
		start := i
		if s[i] == '.' && i+1 < len(s) && isDigit(s[i+1]) {
			i++
		} else if !isDigit(s[i]) {
			continue
		}
		j := i + 1
		for j < len(s) && (isDigit(s[j]) || isNumSpace(s[j]) || s[j] == '.' || s[j] == ',' || s[j] == '\'') {
			j++
		}
		num := s[start:j]
		// The next non-space character must not be '%' ("50% off").
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k < len(s) && s[k] == '%' {
			// "50%" is no price. Like a backtracking regex, fall back to
			// the part before the last separator: "12,50%" gives "12".
			p := strings.LastIndexAny(num[1:], " .,'")
			if p < 0 {
				i = j
				continue
			}
			num = num[:p+1]
		}
		num = strings.TrimRight(num, ",.' ")
		num = strings.TrimRight(num, ",.")
		if strings.Count(num, ".") == 1 {
			return strings.TrimSpace(num)
		}
		return strings.TrimSpace(strings.TrimLeft(num, ",."))
	}
	if strings.Contains(strings.ToLower(s), "free") {
		return "0"
	}
	return ""
}

// euroSeparated matches "1,235€99", "35€ 99" and "12 €50": digits, a euro
// sign, then two digits (or more when glued) that are the cents.
func euroSeparated(s string) string {
	e := strings.Index(s, "€")
	// digits before: [\d\s.,]*?\d\s*?€
	k := e
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k == 0 || !isDigit(s[k-1]) {
		return ""
	}
	b := k
	for b > 0 && (isDigit(s[b-1]) || s[b-1] == ' ' || s[b-1] == '.' || s[b-1] == ',') {
		b--
	}
	for b < k && !isDigit(s[b]) {
		b++
	}
	a := e + len("€")
	spaced := false
	for a < len(s) && s[a] == ' ' {
		a++
		spaced = true
	}
	d := a
	for d < len(s) && isDigit(s[d]) {
		d++
	}
	n := d - a
	if n == 0 || (spaced && n != 2) {
		return ""
	}
	return strings.ReplaceAll(s[b:d], " ", "")
}

// decimalSeparator guesses the decimal separator of a number text: the last
// '.', ',' or '€' followed by 1, 2 or 4+ digits (3 digits are taken for a
// thousands group). It returns 0 when there is none.
func decimalSeparator(num string) rune {
	i := strings.LastIndexAny(num, ".,€")
	if i < 0 {
		return 0
	}
	sep, size := utf8.DecodeRuneInString(num[i:])
	tail := num[i+size:]
	for j := 0; j < len(tail); j++ {
		if !isDigit(tail[j]) {
			return 0
		}
	}
	if n := len(tail); n == 0 || n == 3 {
		return 0
	}
	return sep
}

// Replacers of parseNumber, built once: a strings.Replacer builds its
// tables on first use, and a scan parses a price on every listing page.
var (
	dropGroupSpaces = strings.NewReplacer(" ", "", "'", "")
	dropSeparators  = strings.NewReplacer(".", "", ",", "")
)

// parseNumber turns number text into an Amount, rounding to hundredths.
func parseNumber(num string, sep rune) (shadowscan.Amount, bool) {
	num = dropGroupSpaces.Replace(strings.TrimSpace(num))
	if sep == 0 {
		sep = decimalSeparator(num)
	}
	var intPart, frac string
	switch sep {
	case 0:
		intPart = dropSeparators.Replace(num)
	case '.':
		intPart, frac, _ = strings.Cut(strings.ReplaceAll(num, ",", ""), ".")
	case ',':
		intPart, frac, _ = strings.Cut(strings.ReplaceAll(num, ".", ""), ",")
	case '€':
		intPart, frac, _ = strings.Cut(dropSeparators.Replace(num), "€")
	default:
		return 0, false
	}
	if !allDigits(intPart) || !allDigits(frac) || intPart == "" && frac == "" {
		return 0, false
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 15 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		v = v*10 + int64(intPart[i]-'0')
	}
	v *= 100
	frac += "000"
	v += int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	if frac[2] >= '5' {
		v++
	}
	return shadowscan.Amount(v), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
