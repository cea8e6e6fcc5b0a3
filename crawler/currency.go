package crawler

import (
	"sort"
	"strings"

	"golang.org/x/text/currency"
)

// currencySymbol is one way a currency is written on a shop page.
type currencySymbol struct {
	text string // as written
	iso  string // ISO 4217 code, "" when the symbol is ambiguous (kr, Fr.)
}

// safeSymbols are symbols that name a currency wherever they appear, in the
// order they are tried at one position: compound dollar forms before "$".
// The ordering and the safe/unsafe split follow the heuristics of
// scrapinghub/price-parser, whose test cases we measure against.
var safeSymbols = []currencySymbol{
	{"Bds$", "BBD"}, {"CUC$", "CUC"}, {"MOP$", "MOP"}, {"AR$", "ARS"}, {"AU$", "AUD"},
	{"BN$", "BND"}, {"BZ$", "BZD"}, {"CA$", "CAD"}, {"CL$", "CLP"}, {"CO$", "COP"},
	{"CV$", "CVE"}, {"HK$", "HKD"}, {"MX$", "MXN"}, {"NT$", "TWD"}, {"NZ$", "NZD"},
	{"TT$", "TTD"}, {"RD$", "DOP"}, {"WS$", "WST"}, {"US$", "USD"}, {"$U", "UYU"},
	{"C$", "CAD"}, {"J$", "JMD"}, {"N$", "NAD"}, {"R$", "BRL"}, {"S$", "SGD"},
	{"T$", "TOP"}, {"Z$", "ZWL"}, {"A$", "AUD"}, {"SY£", "SYP"}, {"LB£", "LBP"},
	{"CN¥", "CNY"}, {"GH₵", "GHS"},
	{"$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"zł", "PLN"}, {"Zł", "PLN"}, {"Kč", "CZK"},
	{"₽", "RUB"}, {"¥", "CNY"}, {"￥", "CNY"}, {"฿", "THB"}, {"դր.", "AMD"}, {"դր", "AMD"},
	{"₦", "NGN"}, {"₴", "UAH"}, {"₱", "PHP"}, {"৳", "BDT"}, {"₭", "LAK"}, {"₪", "ILS"},
	{"﷼", "IRR"}, {"៛", "KHR"}, {"₩", "KRW"}, {"₫", "VND"}, {"₡", "CRC"}, {"টকা", "BDT"},
	{"ƒ", "ANG"}, {"₲", "PYG"}, {"؋", "AFN"}, {"₮", "MNT"}, {"नेरू", "NPR"}, {"₨", ""},
	{"₶", ""}, {"₾", "GEL"}, {"֏", "AMD"}, {"ރ", "MVR"}, {"৲", "BDT"}, {"૱", "INR"},
	{"௹", "INR"}, {"₠", ""}, {"₢", "BRL"}, {"₣", ""}, {"₤", ""}, {"₧", ""}, {"₯", ""},
	{"₰", ""}, {"₳", ""}, {"₷", ""}, {"₸", "KZT"}, {"₹", "INR"}, {"₺", "TRY"}, {"₼", "AZN"},
	{"₿", ""}, {"ℳ", ""},
	{"ر.ق.\u200f", "QAR"}, {"د.ك.\u200f", "KWD"}, {"د.ع.\u200f", "IQD"}, {"ر.ع.\u200f", "OMR"},
	{"ر.ي.\u200f", "YER"}, {"ر.س.\u200f", "SAR"}, {"د.ج.\u200f", "DZD"}, {"د.م.\u200f", "MAD"},
	{"د.إ.\u200f", "AED"}, {"د.ت.\u200f", "TND"}, {"د.ل.\u200f", "LYD"}, {"ل.س.\u200f", "SYP"},
	{"د.ب.\u200f", "BHD"}, {"د.أ.\u200f", "JOD"}, {"ج.م.\u200f", "EGP"}, {"ل.ل.\u200f", "LBP"},
	{" تومان", "IRR"}, {"تومان", "IRR"},
	{"EUR", "EUR"}, {"euro", "EUR"}, {"eur", "EUR"}, {"CHF", "CHF"}, {"DKK", "DKK"},
	{"Rp", "IDR"}, {"lei", "RON"}, {"руб.", "RUB"}, {"руб", "RUB"}, {"грн.", "UAH"},
	{"грн", "UAH"}, {"дин.", "RSD"}, {"Dinara", "RSD"}, {"динар", "RSD"}, {"лв.", "BGN"},
	{"лв", "BGN"}, {"р.", "RUB"}, {"тңг", "KZT"}, {"тңг.", "KZT"}, {"ман.", "AZN"},
	// Chinese and Japanese forms, which the marketplaces we scan use most.
	{"人民币", "CNY"}, {"元", "CNY"}, {"圆", "CNY"}, {"圓", ""}, {"円", "JPY"},
	{"원", "KRW"},
}

// otherSymbols are less reliable symbols and abbreviations: they count only
// when no safe symbol is found. ISO codes are matched separately.
var otherSymbols = []currencySymbol{
	{"р", "RUB"}, {"Р", "RUB"}, {"Kr", ""}, {"kr", ""}, {"kr.", ""}, {"Ft", "HUF"},
	{"TL", "TRY"}, {"RM", "MYR"}, {"Rs", ""}, {"Rs.", ""}, {"Re", ""}, {"Br", ""}, {"KD", "KWD"},
	{"LEI", "RON"}, {"Lei", "RON"}, {"Lek", "ALL"}, {"kn", "HRK"}, {"ZK", "ZMW"}, {"VT", "VUV"},
	{"Vt", "VUV"}, {"USh", "UGX"}, {"UM", "MRU"}, {"TSh", "TZS"}, {"S/.", "PEN"}, {"S/", "PEN"},
	{"Rf", "MVR"}, {"Nu.", "BTN"}, {"Nu", "BTN"}, {"Nfk", "ERN"}, {"MK", "MWK"}, {"LD", "LYD"},
	{"KM", "BAM"}, {"Fr.", ""}, {"Fdj", "DJF"}, {"FG", "GNF"}, {"FCFA", "XAF"}, {"FBu", "BIF"},
	{"Db", "STN"}, {"DT", "TND"}, {"CFA", ""}, {"Bs", "VES"}, {"BD", "BHD"}, {"B/.", "PAB"},
	{"Ar", "MGA"}, {"MT", "MZN"}, {"Ks", "MMK"}, {"KSh", "KES"},
	{"KShs", "KES"}, {"Esc", "CVE"}, {"Dh", "MAD"}, {"Dhs", "AED"}, {"GEL", "GEL"}, {"lari", "GEL"},
	{"ლარი", "GEL"}, {"ლ", "GEL"}, {"тг", "KZT"}, {"с", "KGS"}, {"км", "BAM"}, {"дин", "RSD"},
	{"ден", "MKD"}, {"Дин", "RSD"}, {"ДЕН", "MKD"}, {"đ", "VND"}, {"VNĐ", "VND"}, {"¢", ""},
	{"ريال", ""}, {"ریال", "IRR"}, {"درهم", ""}, {"جنيه", ""}, {"دينار", ""}, {"ر.س", "SAR"},
	{"ر.ق", "QAR"}, {"ر.ع", "OMR"}, {"ر.ي", "YER"}, {"د.إ", "AED"}, {"د.ك", "KWD"},
	{"د.ع", "IQD"}, {"د.ج", "DZD"}, {"د.م", "MAD"}, {"د.ت", "TND"}, {"د.ل", "LYD"},
	{"د.ب", "BHD"}, {"د.أ", "JOD"}, {"د.ا", "JOD"}, {"ل.س", "SYP"}, {"ل.ل", "LBP"}, {"ج.م", "EGP"},
	{"دج", "DZD"}, {"บาท", "THB"}, {"රු", "LKR"}, {"ரூ", "LKR"}, {"र", "NPR"}, {"ብር", "ETB"},
	{"ናቕፋ", "ERN"}, {"so'm", "UZS"}, {"som", ""}, {"yuan", "CNY"}, {"yen", "JPY"},
	{"RMB", "CNY"}, {"rmb", "CNY"}, {"円", "JPY"}, {"HK$", "HKD"},
}

// isoByText maps every symbol to its ISO code ("" when ambiguous).
var isoByText = func() map[string]string {
	m := make(map[string]string)
	for _, s := range otherSymbols {
		m[s.text] = s.iso
	}
	for _, s := range safeSymbols {
		m[s.text] = s.iso
	}
	return m
}()

// otherByLength is otherSymbols longest first, so "KShs" wins over "KSh".
var otherByLength = func() []currencySymbol {
	out := append([]currencySymbol(nil), otherSymbols...)
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
}()

// isISOCode reports whether s is an ISO 4217 code known to x/text.
func isISOCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	if s == "XXX" {
		return false
	}
	if _, err := currency.ParseISO(s); err == nil {
		return true
	}
	// Historic codes still seen on old pages.
	switch s {
	case "DEM", "PTE", "FRF", "ITL", "ESP", "NLG", "BEF", "ATS", "FIM", "IEP", "GRD", "CND":
		return true
	}
	return false
}

// isoOf returns the ISO 4217 code that a found currency text stands for, or
// "" when it is ambiguous. ¥ is read as CNY: JPY needs 円, yen or JPY.
func isoOf(text string) string {
	t := strings.TrimSpace(text)
	if isISOCode(strings.ToUpper(t)) && len(t) == 3 {
		return strings.ToUpper(t)
	}
	return isoByText[t]
}

// byFirstByte indexes symbols by their first byte, keeping list order, so
// a search tries only the symbols that can start at each position.
func byFirstByte(list []currencySymbol) [256][]currencySymbol {
	var idx [256][]currencySymbol
	for _, s := range list {
		idx[s.text[0]] = append(idx[s.text[0]], s)
	}
	return idx
}

var (
	safeIndex  = byFirstByte(safeSymbols)
	otherIndex = byFirstByte(otherByLength)
)

// searchSafe returns the leftmost safe symbol in s; at one position the
// earlier entry of safeSymbols wins.
func searchSafe(s string) string {
	for i := 0; i < len(s); i++ {
		for _, sym := range safeIndex[s[i]] {
			if strings.HasPrefix(s[i:], sym.text) {
				return sym.text
			}
		}
	}
	return ""
}

// searchOther returns the leftmost ISO code or less reliable symbol in s.
func searchOther(s string) string {
	for i := 0; i < len(s); i++ {
		rest := s[i:]
		if len(rest) >= 3 && isLetterByte(rest[0]) {
			if isISOCode(rest[:3]) {
				return rest[:3]
			}
			if lc := strings.ToUpper(rest[:3]); lc != rest[:3] && isLowerASCII(rest[:3]) && isISOCode(lc) && wordAt(s, i, 3) {
				return rest[:3]
			}
		}
		for _, sym := range otherIndex[s[i]] {
			if strings.HasPrefix(rest, sym.text) {
				if isASCIIWord(sym.text) && !wordAt(s, i, len(sym.text)) {
					continue
				}
				return sym.text
			}
		}
	}
	return ""
}

// searchDollarCode finds a code such as SGD or NZD written before a "$"
// ("SGD$12", "NZD $12"), which names the currency better than the "$".
func searchDollarCode(s string) string {
	for i := 0; i+3 <= len(s); i++ {
		c := s[i : i+3]
		if c[2] != 'D' || !isISOCode(c) {
			continue
		}
		if i > 0 && isWordByte(s[i-1]) {
			continue
		}
		j := i + 3
		if j < len(s) && s[j] == '$' {
			j++
		}
		if j == len(s) || !isLetterByte(s[j]) {
			return c
		}
	}
	return ""
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetterByte(s[i]) {
			return false
		}
	}
	return true
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }
func isWordByte(b byte) bool   { return isLetterByte(b) || b >= '0' && b <= '9' || b == '_' }

// wordAt reports whether s[i:i+n] is not glued to ASCII letters on either
// side, so "RM" is found in "RM 12" but not in "FORMAT".
func wordAt(s string, i, n int) bool {
	if i > 0 && isLetterByte(s[i-1]) {
		return false
	}
	if i+n < len(s) && isLetterByte(s[i+n]) {
		return false
	}
	return true
}
