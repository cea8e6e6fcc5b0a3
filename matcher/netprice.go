package matcher

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan"
)

// A listing's shown price is not always what the buyer pays. Taobao, JD
// and Pinduoduo sellers advertise the price after a coupon or discount in
// the description ("领券立减40元，券后到手价¥229", "拼团价199"), and Amazon
// sellers a price after a code ("final price $61.90 with code SAVE10").
// Distributor contracts count an advertised net price as the price, so an
// authorised seller who shows the floor and advertises a net price under
// it is dumping.

// netPriceMarkers introduce the net price, longest first within a script.
var netPriceMarkers = []string{
	"券后到手价", "券后价", "到手价", "折后价", "实付价", "活动价", "拼团价", "团购价", "秒杀价",
	"券后", "到手", "折后", "实付", "领券后",
	"final price", "net price", "price after coupon", "price after discount", "after coupon", "after discount",
	"after code", "with coupon", "with code", "you pay", "you only pay", "checkout price",
}

// netPriceFillers may stand between a marker and its amount: currency
// words and signs, colons, and "only".
var netPriceFillers = []string{
	"仅需", "只需", "只要", "低至", "仅", "只", "为", "是", "¥", "$", "€", "£", ":", "：", "-", "=",
	"cn", "rmb", "cny", "us", "usd", "hk", "hkd", "only", "just", "of", "is", "from",
}

// netPriceEnds may follow the amount: a unit of money or "from".
var netPriceEnds = []string{"元", "块", "起"}

// netPrice is a price a listing's text advertises after a coupon or a
// discount.
type netPrice struct {
	amount shadowscan.Amount
	marker string // the words that introduced it, for reasons
}

// netPrices returns the net prices advertised in s (a description), in
// the listing's currency. s is read width-folded and in lower case, with
// its punctuation, so that "到手100%正品" is no price.
func netPrices(s string) []netPrice {
	t := strings.ToLower(foldWidth(s))
	var out []netPrice
	for i := 0; i < len(t); {
		marker := prefixOf(t[i:], netPriceMarkers)
		if marker == "" || (i > 0 && isWordRune(firstRune(marker)) && isLetterOrDigit(lastRune(t[:i]))) {
			i += runeLen(t, i)
			continue
		}
		if a, ok := amountAfter(t[i+len(marker):]); ok {
			out = append(out, netPrice{amount: a, marker: marker})
		}
		i += len(marker)
	}
	return out
}

// amountAfter reads the amount at the start of t, after spaces and
// fillers; the amount must end the text or be followed by a space,
// punctuation or a unit of money ("到手2瓶", "100%", "save10" are none).
func amountAfter(t string) (shadowscan.Amount, bool) {
	for n := 0; n < 4; n++ {
		t = strings.TrimLeft(t, " ")
		f := prefixOf(t, netPriceFillers)
		if f == "" || (isLetterOrDigit(lastRune(f)) && len(t) > len(f) && isLetterOrDigit(firstRune(t[len(f):])) && !isDigit(t[len(f)])) {
			break
		}
		t = t[len(f):]
	}
	t = strings.TrimLeft(t, " ")
	num, j := readNumber(t)
	if num == "" || len(num) > 12 {
		return 0, false
	}
	if rest := t[j:]; rest != "" && prefixOf(rest, netPriceEnds) == "" {
		r, _ := utf8.DecodeRuneInString(rest)
		if isLetterOrDigit(r) || r == '%' || (r == '.' && len(rest) > 1 && rest[1] != ' ') {
			return 0, false // "save10", "100%", "1.2.3"
		}
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f <= 0 {
		return 0, false
	}
	return shadowscan.AmountFromFloat(f), true
}

// readNumber reads the decimal number at the start of t, thousands
// separators ("1,299.00") dropped, and returns it and where it ends.
func readNumber(t string) (num string, end int) {
	var b strings.Builder
	dot := false
	for end < len(t) {
		c := t[end]
		switch {
		case isDigit(c):
			b.WriteByte(c)
		case c == '.' && !dot && end > 0 && end+1 < len(t) && isDigit(t[end+1]):
			b.WriteByte(c)
			dot = true
		case c == ',' && !dot && end > 0 && end+3 < len(t) && isDigit(t[end+1]) && isDigit(t[end+2]) && isDigit(t[end+3]) &&
			(end+4 == len(t) || !isDigit(t[end+4])):
		default:
			return b.String(), end
		}
		end++
	}
	return b.String(), end
}

// isLetterOrDigit reports whether r is a letter or digit of any script.
func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lowestNetPrice returns the lowest net price the description advertises
// under the shown price, if any.
func lowestNetPrice(l *shadowscan.Listing) (netPrice, bool) {
	var best netPrice
	found := false
	for _, np := range netPrices(truncate(l.Description, maxDescBytes)) {
		if np.amount < l.Price && (!found || np.amount < best.amount) {
			best, found = np, true
		}
	}
	return best, found
}
