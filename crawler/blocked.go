package crawler

import (
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"

	"github.com/shadowscan/shadowscan/rules"
)

// A marketplace that will not show a listing to a crawler rarely says so
// with a status code: it redirects to a login page, or answers 200 with a
// captcha, a slider to drag or a login form. Such a page tells nothing
// about the listing, so it must never read as the listing gone (or as the
// listing live with its fields missing). These are the signs, kept small
// on purpose: a sign that also fits a real listing page would lose that
// listing from the scan.

// loginURLWords are found in the URLs of login, single sign-on, captcha and
// anti-bot pages (Taobao's "punish", Cloudflare's "challenge").
var loginURLWords = []string{"login", "signin", "sign-in", "sign_in", "logon", "passport", "captcha", "punish", "challenge", "/sso", "/auth/", "/verify"}

// blockedRedirect returns why a fetch of requested that ended at final is a
// login or anti-bot page, or "" when it is not. Only a redirect counts: a
// listing's own URL may contain any word.
func blockedRedirect(requested, final string) string {
	if final == "" || final == requested {
		return ""
	}
	fu, err := url.Parse(final)
	if err != nil {
		return ""
	}
	ru, err := url.Parse(requested)
	if err == nil && ru.Host == fu.Host && ru.Path == fu.Path {
		return "" // the same page (a query or scheme change)
	}
	where := strings.ToLower(fu.Host + fu.Path)
	for _, w := range loginURLWords {
		if strings.Contains(where, w) {
			return "redirected to a login or verification page " + clipURL(final)
		}
	}
	return ""
}

// blockedSelectors match login forms and the captcha and slider widgets of
// the common providers (reCAPTCHA, hCaptcha, Turnstile, GeeTest, Alibaba's
// slider, Tencent's captcha).
const blockedSelectors = `input[type=password], .g-recaptcha, .h-captcha, .cf-turnstile, #challenge-form, #cf-challenge-running, ` +
	`[class*=captcha], [id*=captcha], [class*=Captcha], [id*=Captcha], [class*=geetest], [id^=nc_], [class*=nc-container], [class*=nc_wrapper], ` +
	`iframe[src*=captcha], script[src*=captcha]`

// blockedMatcher is blockedSelectors compiled once: blockedPage runs on
// every listing page without a price, on search pages without links and
// on HTML answers to JSON requests, and goquery's Find would compile the
// twenty alternatives again for each.
var blockedMatcher = cascadia.MustCompile(blockedSelectors)

// blockedTitleWords are in the <title> of verification and login pages.
var blockedTitleWords = []string{"captcha", "security check", "verify you are human", "are you a robot", "just a moment", "access denied",
	"安全验证", "验证码", "滑动验证", "人机验证", "访问受限", "访问被拒绝", "请登录", "登录"}

// blockedPage returns the kind of block page (BlockLoginForm,
// BlockCaptcha) doc is, and why, or "" when nothing says so. The caller
// asks only of a page that showed no price and no removed marker: a page
// that shows the listing (with a price) is never called blocked by these
// built-in signs, whatever login box its header carries.
func blockedPage(doc *goquery.Document) (kind, why string) {
	if doc == nil {
		return "", ""
	}
	if sel := doc.FindMatcher(blockedMatcher).First(); sel.Length() > 0 {
		if _, ok := sel.Attr("type"); ok && strings.EqualFold(sel.AttrOr("type", ""), "password") {
			return BlockLoginForm, "the page is a login form"
		}
		return BlockCaptcha, "the page shows a captcha or slider"
	}
	title := strings.ToLower(strings.TrimSpace(doc.FindMatcher(titleSel).First().Text()))
	for _, w := range blockedTitleWords {
		if strings.Contains(title, w) {
			return BlockCaptcha, "the page title says " + clip(title, 60)
		}
	}
	return "", ""
}

// ruleBlocked returns why a page shows one of the site rule's blocked
// signs, or "" when it shows none. A sign is a selector (an element it
// finds, whose value its filter accepts) or a pattern over the page's
// final URL and its HTML. Rule signs are checked on every page, with a
// price or not: the rule's author knows the site's block pages.
func ruleBlocked(signs []rules.BlockSign, doc *goquery.Document, finalURL string, body []byte) string {
	for _, s := range signs {
		switch {
		case s.Pattern != nil:
			if s.Pattern.MatchString(finalURL) || s.Pattern.Match(body) {
				return "the page matches the rule's blocked sign " + clip(s.Raw, 80)
			}
		case s.Selector != nil && doc != nil:
			found := false
			if s.Selector.Attr == "" && s.Selector.Re == nil {
				found = findRule(doc.Selection, s.Selector).Length() > 0 // an empty widget counts
			} else {
				_, found = selectOne(doc, s.Selector)
			}
			if found {
				return "the page shows the rule's blocked sign " + clip(s.Raw, 80)
			}
		}
	}
	return ""
}

// goneID is the id of the listing at u when its page is gone and shows
// nothing to read an id from. A rule whose id selector takes a regular
// expression over a link (`link[rel=canonical]@href | re:/item/(\w+)`)
// says how the site's URLs carry the id: that expression over u's path and
// query comes first. Else idFromURL.
func (c *Crawler) goneID(u string) string {
	sel := c.site.Listing.ID
	if sel != nil && sel.Re != nil && (sel.Attr == "href" || sel.Attr == "content") {
		if pu, err := url.Parse(u); err == nil {
			if m := sel.Re.FindStringSubmatch(pu.RequestURI()); len(m) > 1 && m[1] != "" {
				return clipID(m[1])
			}
		}
	}
	return idFromURL(u)
}

// sameListingPage reports whether a and b name one page: the same path (a
// trailing slash aside) and the same id query parameter. Hosts may differ
// (www., m., a test copy on another port).
func sameListingPage(a, b string) bool {
	ua, err := url.Parse(a)
	if err != nil {
		return false
	}
	ub, err := url.Parse(b)
	if err != nil {
		return false
	}
	return strings.TrimRight(ua.Path, "/") == strings.TrimRight(ub.Path, "/") && idParam(a) == idParam(b)
}

func clipURL(u string) string { return clip(u, 200) }

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// utf8Start reports whether b begins a UTF-8 sequence.
func utf8Start(b byte) bool { return b&0xC0 != 0x80 }
