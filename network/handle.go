package network

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Handle is one contact handle found in listing or shop text, normalised so
// that two spellings of it compare equal.
type Handle struct {
	// Kind is wechat, qq, phone, telegram, email or link.
	Kind string `json:"kind"`
	// Value is the normalised handle: a WeChat id in lower case, digits of
	// a QQ number, a phone number as +86 and its digits (Chinese mobile) or
	// its digits, a Telegram name in lower case without @, an e-mail in
	// lower case, a link as host and path.
	Value string `json:"value"`
}

// String returns "kind:value".
func (h Handle) String() string { return h.Kind + ":" + h.Value }

// The handle kinds.
const (
	KindWeChat   = "wechat"
	KindQQ       = "qq"
	KindPhone    = "phone"
	KindTelegram = "telegram"
	KindEmail    = "email"
	KindLink     = "link"
)

// maxHandleText bounds the text Extract reads: a listing's title and
// description, not a book.
const maxHandleText = 64 << 10

// Fold normalises text the way Extract reads it: full-width forms to
// half-width (width.Fold), compatibility forms to their plain ones
// (NFKC: ① to 1, ＠ to @), lower case, and runs of Chinese numerals
// (一三八 or 幺三八) that spell a number to digits.
func Fold(s string) string {
	if len(s) > maxHandleText {
		s = s[:maxHandleText]
		for !utf8.ValidString(s) && len(s) > 0 {
			s = s[:len(s)-1]
		}
	}
	s = norm.NFKC.String(width.Fold.String(s))
	s = strings.ToLower(s)
	return foldNumerals(s)
}

// numerals are the Chinese digits counterfeit sellers spell phone numbers
// and ids with to slip past keyword filters.
var numerals = map[rune]byte{
	'零': '0', '〇': '0', '一': '1', '幺': '1', '二': '2', '两': '2', '三': '3', '四': '4',
	'五': '5', '六': '6', '七': '7', '八': '8', '九': '9',
}

// minNumeralRun is how many Chinese numerals in a row spell a number; a
// shorter run is words (一二三 is "one two three", 三八 a festival).
const minNumeralRun = 5

// foldNumerals turns runs of at least minNumeralRun Chinese numerals
// (separators between them allowed) into ASCII digits.
func foldNumerals(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); {
		if _, ok := numerals[rs[i]]; !ok {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j, n := i, 0
		for j < len(rs) {
			if _, ok := numerals[rs[j]]; ok {
				n++
				j++
			} else if isDigitSep(rs[j]) && j+1 < len(rs) && isNumeral(rs[j+1]) {
				j++
			} else {
				break
			}
		}
		for _, r := range rs[i:j] {
			if d, ok := numerals[r]; ok && n >= minNumeralRun {
				b.WriteByte(d)
			} else {
				b.WriteRune(r)
			}
		}
		i = j
	}
	return b.String()
}

func isNumeral(r rune) bool { _, ok := numerals[r]; return ok }

// isDigitSep is a character sellers put between the digits of a number to
// keep it from being matched: spaces, dashes, dots.
func isDigitSep(r rune) bool {
	switch r {
	case ' ', '-', '.', '·', '_', '/', '\t':
		return true
	}
	return false
}

var (
	// sep is what may stand between a label and its value.
	sep = `[\s:=/：]*(?:号码|号|id)?[\s:=/：]*`
	// reWeChatCJK: a WeChat label in Chinese, its characters perhaps
	// spaced out (加 微 信); any id may follow at once, spelt out a
	// character at a time too ("微信 k a n g y u a n 8 8 6 6").
	reWeChatCJK = regexp.MustCompile(spaced("微信", "威信", "薇信", "徽信", "v信", "wei信", "卫星", "加v", "加微", "+v") + sep + `([a-z][a-z0-9_-]{5,19}|\d[\d \-.]{4,22}\d|(?:[a-z0-9] ){5,19}[a-z0-9])`)
	// reWeChatASCII: a WeChat label in Latin letters; a separator must
	// follow, or "vxabc123" would be read out of any word, and a colon
	// must follow a bare "v", or "vitamin v complex" would give "complex".
	reWeChatASCII = regexp.MustCompile(`(?:^|[^a-z0-9])(?:(?:vx|wx|wechat|weixin)(?:\s*id)?[\s:=/：]+|v\s*[:：]\s*)([a-z][a-z0-9_-]{5,19}|\d[\d \-.]{4,22}\d)`)
	// reWeChatAfter: an id with a digit and the label after it, alone in
	// brackets ("kangyuan8866（微信同号）", "gz_aur88 (vx)"); "(微信支付)"
	// is a payment method, and a word without a digit no id.
	reWeChatAfter = regexp.MustCompile(`(?:^|[^a-z0-9_-])([a-z][a-z_-]*[0-9][a-z0-9_-]*)\s*[（(]\s*(?:微信同号|同微信|微信号?|v信|vx|wx|wechat)\s*[）)]`)
	// reQQ: a QQ label and its number; a bare "q" needs a colon after it
	// ("有事找Q：二八七六…"), as a bare "v" does for WeChat.
	reQQ = regexp.MustCompile(`(?:(?:^|[^a-z0-9])(?:qq|q\s*[:：])|` + spaced("扣扣", "企鹅", "q号") + `)` + sep + `(\d[\d \-.]{3,16}\d)`)
	// reTelegram: a Telegram label, or a t.me link.
	reTelegram     = regexp.MustCompile(`(?:(?:^|[^a-z0-9])(?:telegram|tg)|电报|纸飞机|飞机)` + sep + `@?([a-z][a-z0-9_]{4,31})`)
	reTelegramLink = regexp.MustCompile(`(?:^|[^a-z0-9.])(?:t|telegram)\.me/([a-z][a-z0-9_]{4,31})`)
	// reEmail: an e-mail address.
	reEmail = regexp.MustCompile(`[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}`)
	// reURL: a web link, with or without its scheme for the shop hosts
	// counterfeit sellers send buyers to.
	reURL     = regexp.MustCompile(`https?://[a-z0-9.-]+(?::\d+)?(?:/[^\s<>"'，。、）)\]]*)?`)
	reShopURL = regexp.MustCompile(`(?:^|[^a-z0-9./@-])((?:[a-z0-9-]+\.)*(?:weidian\.com|yupoo\.com|taobao\.com|tmall\.com|1688\.com|jd\.com|pinduoduo\.com|yangkeduo\.com|szwego\.com)(?:/[^\s<>"'，。、）)\]]*)?)`)
	// rePhoneLabel: a phone label before a number that is not a mobile.
	rePhoneLabel = regexp.MustCompile(`(?:电话|手机|热线|致电|联系|tel|phone|call|whatsapp)` + sep + `(\+?\d[\d \-.]{6,20}\d)`)
	// reDigitRun: digits with single separators between them.
	reDigitRun = regexp.MustCompile(`\+?\d(?:[ \-.·_]?\d)*`)
)

// spaced returns a regexp group matching any of labels, with spaces
// allowed between their characters.
func spaced(labels ...string) string {
	alts := make([]string, 0, len(labels))
	for _, l := range labels {
		var parts []string
		for _, r := range l {
			parts = append(parts, regexp.QuoteMeta(string(r)))
		}
		alts = append(alts, strings.Join(parts, `\s*`))
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// notIDs are words that follow a WeChat label without being an id
// ("wechat: official account", "vx same number").
var notIDs = []string{"official", "account", "contact", "service", "customer", "number", "please", "same", "pay", "group", "store", "shop", "online", "friend", "friends", "message", "scan"}

// Extract returns the contact handles in text, each once, in the order
// they first appear. ownHost, when not empty, is the marketplace's host:
// links to it are the marketplace's own, not a seller's external shop.
func Extract(text, ownHost string) []Handle {
	s := Fold(text)
	var out []Handle
	add := func(kind, value string) {
		if value == "" {
			return
		}
		h := Handle{kind, value}
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	// E-mail first, and blanked, so that its parts are not read as a
	// Telegram name or a link.
	for _, m := range reEmail.FindAllString(s, -1) {
		add(KindEmail, m)
	}
	s = reEmail.ReplaceAllString(s, " ")
	for _, m := range reURL.FindAllString(s, -1) {
		add(KindLink, normLink(m, ownHost))
	}
	for _, m := range reShopURL.FindAllStringSubmatch(s, -1) {
		add(KindLink, normLink("https://"+m[1], ownHost))
	}
	noURL := reURL.ReplaceAllString(s, " ")
	for _, m := range reTelegramLink.FindAllStringSubmatch(s, -1) {
		add(KindTelegram, m[1])
	}
	for _, re := range []*regexp.Regexp{reWeChatCJK, reWeChatASCII, reWeChatAfter} {
		for _, m := range re.FindAllStringSubmatch(noURL, -1) {
			add(wechat(m[1]))
		}
	}
	for _, m := range reQQ.FindAllStringSubmatch(noURL, -1) {
		if d := digits(m[1]); len(d) >= 5 && len(d) <= 11 && d[0] != '0' {
			add(KindQQ, d)
		}
	}
	for _, m := range reTelegram.FindAllStringSubmatch(noURL, -1) {
		if !slices.Contains(notIDs, m[1]) {
			add(KindTelegram, m[1])
		}
	}
	for _, m := range rePhoneLabel.FindAllStringSubmatch(noURL, -1) {
		add(KindPhone, phone(m[1], true))
	}
	for _, m := range reDigitRun.FindAllString(noURL, -1) {
		for _, p := range mobiles(m) {
			add(KindPhone, p)
		}
	}
	return out
}

// wechat normalises a WeChat id: letters as they are (already lower
// case), a number written with separators as its digits.
func wechat(id string) (string, string) {
	if id[0] >= '0' && id[0] <= '9' {
		d := digits(id)
		if len(d) < 6 || len(d) > 20 {
			return KindWeChat, ""
		}
		if p := mobile(d); p != "" {
			// A WeChat id that is a mobile number is that number: the
			// same person, whichever label the other listing used.
			return KindPhone, p
		}
		return KindWeChat, d
	}
	id = strings.TrimRight(id, "_-")
	if len(id) < 6 || slices.Contains(notIDs, id) {
		return KindWeChat, ""
	}
	// Spaces and dashes are how one id is written several ways ("k a n g
	// y u a n 8 8 6 6", "KangYuan-8866"): compared without them. An
	// underscore is kept: ids are written with one far more often than a
	// seller adds one as a disguise.
	return KindWeChat, strings.NewReplacer(" ", "", "-", "").Replace(id)
}

// digits keeps the ASCII digits of s.
func digits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// mobile returns d as "+86" and a Chinese mobile number when d is one
// (11 digits 1[3-9]..., with or without the 86 or 0086 country code).
func mobile(d string) string {
	d = strings.TrimPrefix(d, "0086")
	if len(d) == 13 && strings.HasPrefix(d, "86") {
		d = d[2:]
	}
	if len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9' {
		return "+86" + d
	}
	return ""
}

// phone normalises a labelled phone number: a Chinese mobile as mobile
// does, another number as its digits with a leading + kept.
func phone(s string, labelled bool) string {
	d := digits(s)
	if p := mobile(d); p != "" {
		return p
	}
	if !labelled || len(d) < 7 || len(d) > 15 || serviceLine(d) {
		return ""
	}
	if strings.HasPrefix(s, "+") {
		return "+" + d
	}
	return d
}

// serviceLine reports whether d is a Chinese 400 or 800 number: a
// company's service line, which shops print when they quote the brand or
// the platform, so it says nothing about who runs a shop.
func serviceLine(d string) bool {
	return len(d) == 10 && (strings.HasPrefix(d, "400") || strings.HasPrefix(d, "800"))
}

// mobiles finds the Chinese mobile numbers in a run of digit groups: a
// number starts and ends on a group boundary, so "¥88 138 1234 5678" and
// "1 3 8 1 2 3 4 5 6 7 8" both give +8613812345678 and a price or a code
// run into it does not hide it.
func mobiles(run string) []string {
	var groups []string
	cur := strings.Builder{}
	for i := 0; i < len(run); i++ {
		if c := run[i]; c >= '0' && c <= '9' {
			cur.WriteByte(c)
		} else if cur.Len() > 0 {
			groups = append(groups, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		groups = append(groups, cur.String())
	}
	var out []string
	for i := 0; i < len(groups); i++ {
		d := ""
		for j := i; j < len(groups) && len(d) < 15; j++ {
			d += groups[j]
			if p := mobile(d); p != "" && (len(d) == 11 || len(d) == 13 || len(d) == 15) {
				out = append(out, p)
				i = j
				break
			}
		}
	}
	return out
}

// trackingParams are query parameters that say how a link was shared, not
// where it goes.
var trackingParams = []string{"spm", "from", "share", "share_from", "scm", "ut_sk", "sourcetype", "suid", "un", "share_crt_v", "sp_tk", "tk", "wxfrom", "isappinstalled"}

// normLink returns a link as host (without www.) and path, with the query
// parameters that name a shop or an item kept and sorted, or "" for a
// link to ownHost or to a bare home page.
func normLink(raw, ownHost string) string {
	u, err := url.Parse(strings.TrimRight(raw, ".,;:!?"))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(u.Hostname(), "www.")
	if ownHost != "" && host == strings.TrimPrefix(strings.ToLower(ownHost), "www.") {
		return ""
	}
	path := strings.TrimRight(u.EscapedPath(), "/")
	q := u.Query()
	for k := range q {
		if slices.Contains(trackingParams, k) || strings.HasPrefix(k, "utm_") {
			q.Del(k)
		}
	}
	if path == "" && len(q) == 0 && strings.Count(host, ".") < 2 {
		return "" // a marketplace's home page names no shop
	}
	out := host + path
	if enc := q.Encode(); enc != "" {
		out += "?" + enc
	}
	return out
}
