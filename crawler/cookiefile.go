package crawler

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan"
)

// Cookie files `sites login` reads.
const (
	// maxCookieFile caps a cookie file: a browser's whole jar is a few
	// hundred kilobytes.
	maxCookieFile = 4 << 20
	// maxCookies caps the cookies of one file.
	maxCookies = 5000
	// maxCookieBytes caps one cookie's name plus value (browsers allow 4096).
	maxCookieBytes = 8192
)

const (
	netscapeAccepted = "a Netscape cookies.txt line: domain, TRUE|FALSE (subdomains), path, TRUE|FALSE (secure), expiry (unix seconds, 0 for a session cookie), name, value, separated by tabs; `#` starts a comment, `#HttpOnly_` marks an HttpOnly cookie"
	jsonAccepted     = `a JSON array of cookies as EditThisCookie or Cookie-Editor export them, each {"name", "value", "domain", "path", "secure", "httpOnly", "hostOnly", "expirationDate"}, or an object with such an array under "cookies"`
	fileAccepted     = "a Netscape cookies.txt file (curl, wget, the cookies.txt browser extensions) or the JSON of a browser cookie-export extension (EditThisCookie, Cookie-Editor)"
)

// ParseCookies reads a cookie file: Netscape cookies.txt, or the JSON
// that browser cookie-export extensions (EditThisCookie, Cookie-Editor)
// write. file names it in errors. Expired cookies are left out and
// counted in expired. Every error is a *shadowscan.FieldError naming the
// file, the line and what would be accepted; none quotes a cookie value.
func ParseCookies(file string, data []byte, now time.Time) (cookies []shadowscan.Cookie, expired int, err error) {
	fail := func(line int, field, accepted, format string, args ...any) error {
		return &shadowscan.FieldError{File: file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...), Accepted: accepted}
	}
	switch {
	case len(data) > maxCookieFile:
		return nil, 0, fail(0, "", fileAccepted, "is %d bytes, more than the %d a cookie file may have", len(data), maxCookieFile)
	case !utf8.Valid(data):
		return nil, 0, fail(0, "", fileAccepted, "is not UTF-8 text")
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	trimmed = bytes.TrimPrefix(trimmed, []byte("\ufeff"))
	var all []shadowscan.Cookie
	if len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		all, err = parseCookieJSON(file, data, fail)
	} else {
		all, err = parseNetscape(data, fail)
	}
	if err != nil {
		return nil, 0, err
	}
	if len(all) == 0 {
		return nil, 0, fail(0, "", fileAccepted, "holds no cookie")
	}
	for _, c := range all {
		if !c.Expires.IsZero() && !c.Expires.After(now) {
			expired++
			continue
		}
		cookies = append(cookies, c)
	}
	return cookies, expired, nil
}

type failFunc func(line int, field, accepted, format string, args ...any) error

// parseNetscape reads cookies.txt.
func parseNetscape(data []byte, fail failFunc) ([]shadowscan.Cookie, error) {
	var out []shadowscan.Cookie
	lines := strings.Split(strings.TrimPrefix(string(data), "\ufeff"), "\n")
	for i, line := range lines {
		n := i + 1
		line = strings.TrimRight(line, "\r")
		httpOnly := false
		if rest, ok := strings.CutPrefix(line, "#HttpOnly_"); ok {
			line, httpOnly = rest, true
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) == 6 {
			f = append(f, "") // an empty value, its tab dropped
		}
		if len(f) != 7 {
			return nil, fail(n, "", netscapeAccepted, "has %d tab-separated fields, want 7", len(f))
		}
		c := shadowscan.Cookie{Name: f[5], Value: f[6], Path: f[2], HTTPOnly: httpOnly}
		sub, ok := netscapeBool(f[1])
		if !ok {
			return nil, fail(n, "include_subdomains", netscapeAccepted, "%q is not TRUE or FALSE", clip(f[1], 20))
		}
		if c.Secure, ok = netscapeBool(f[3]); !ok {
			return nil, fail(n, "secure", netscapeAccepted, "%q is not TRUE or FALSE", clip(f[3], 20))
		}
		exp, err := strconv.ParseInt(strings.TrimSpace(f[4]), 10, 64)
		if err != nil || exp < 0 {
			return nil, fail(n, "expiry", netscapeAccepted, "%q is not a unix time in seconds", clip(f[4], 30))
		}
		if exp > 0 {
			c.Expires = time.Unix(min(exp, 1<<40), 0).UTC()
		}
		c.Domain, c.HostOnly = f[0], !sub
		if err := checkCookie(&c); err != nil {
			return nil, fail(n, err.field, netscapeAccepted, "%s", err.msg)
		}
		if len(out) == maxCookies {
			return nil, fail(n, "", netscapeAccepted, "the file has more than %d cookies", maxCookies)
		}
		out = append(out, c)
	}
	return out, nil
}

func netscapeBool(s string) (bool, bool) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "TRUE":
		return true, true
	case "FALSE":
		return false, true
	}
	return false, false
}

// jsonCookie is one cookie as the export extensions write it.
type jsonCookie struct {
	Name           *string  `json:"name"`
	Value          *string  `json:"value"`
	Domain         string   `json:"domain"`
	Path           string   `json:"path"`
	Secure         bool     `json:"secure"`
	HTTPOnly       bool     `json:"httpOnly"`
	HostOnly       *bool    `json:"hostOnly"`
	Session        bool     `json:"session"`
	ExpirationDate *float64 `json:"expirationDate"`
	Expires        *float64 `json:"expires"` // Playwright and Puppeteer: -1 for a session cookie
}

// cookie is jc as a Cookie: without hostOnly, a leading dot says the
// cookie goes to subdomains too, as in a Set-Cookie header.
func (jc *jsonCookie) cookie() shadowscan.Cookie {
	c := shadowscan.Cookie{Name: *jc.Name, Value: *jc.Value, Domain: jc.Domain, Path: jc.Path, Secure: jc.Secure, HTTPOnly: jc.HTTPOnly}
	c.HostOnly = !strings.HasPrefix(jc.Domain, ".")
	if jc.HostOnly != nil {
		c.HostOnly = *jc.HostOnly
	}
	exp := jc.ExpirationDate
	if exp == nil {
		exp = jc.Expires
	}
	// JSON has no NaN or infinity: encoding/json never hands one over.
	if exp != nil && !jc.Session && *exp > 0 {
		c.Expires = time.Unix(int64(min(*exp, 1<<40)), 0).UTC()
	}
	return c
}

// seekCookies reads an object's keys up to its "cookies" array and
// returns the array's opening token.
func seekCookies(dec *json.Decoder, fail failFunc) (json.Token, error) {
	for {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		if key == json.Delim('}') {
			return nil, fail(0, "cookies", jsonAccepted, "the object has no \"cookies\" array")
		}
		if key == "cookies" {
			return dec.Token()
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
}

// parseCookieJSON reads a JSON export: an array, or {"cookies": [...]}.
func parseCookieJSON(file string, data []byte, fail failFunc) ([]shadowscan.Cookie, error) {
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n")) }
	syntax := func(err error) error {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return fail(lineAt(se.Offset), "", jsonAccepted, "is not valid JSON: %v", se)
		case errors.As(err, &te):
			return fail(lineAt(te.Offset), te.Field, jsonAccepted, "is a JSON %s, want %s", te.Value, te.Type)
		}
		return fail(0, "", jsonAccepted, "is not valid JSON: %v", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, syntax(err)
	}
	if tok == json.Delim('{') {
		if tok, err = seekCookies(dec, fail); err != nil {
			var fe *shadowscan.FieldError
			if errors.As(err, &fe) {
				return nil, err
			}
			return nil, syntax(err)
		}
	}
	if tok != json.Delim('[') {
		return nil, fail(lineAt(dec.InputOffset()), "", jsonAccepted, "is not a list of cookies")
	}
	var out []shadowscan.Cookie
	for i := 0; dec.More(); i++ {
		// The element starts after the separator and blanks the decoder
		// stopped before.
		start := int(dec.InputOffset())
		for start < len(data) && strings.IndexByte(", \t\r\n", data[start]) >= 0 {
			start++
		}
		line := lineAt(int64(start))
		var jc jsonCookie
		if err := dec.Decode(&jc); err != nil {
			return nil, syntax(err)
		}
		field := fmt.Sprintf("[%d]", i)
		if jc.Name == nil || jc.Value == nil {
			return nil, fail(line, field, jsonAccepted, "a cookie needs \"name\" and \"value\"")
		}
		c := jc.cookie()
		if err := checkCookie(&c); err != nil {
			return nil, fail(line, field+"."+err.field, jsonAccepted, "%s", err.msg)
		}
		if len(out) == maxCookies {
			return nil, fail(line, "", jsonAccepted, "the file has more than %d cookies", maxCookies)
		}
		out = append(out, c)
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntax(err)
	}
	return out, nil
}

type cookieErr struct{ field, msg string }

// checkCookie normalises c's domain and path and checks what a cookie
// header could not carry. Its messages never quote a value.
func checkCookie(c *shadowscan.Cookie) *cookieErr {
	c.Domain = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(c.Domain), "."))
	if c.Path == "" {
		c.Path = "/"
	}
	switch {
	case c.Name == "":
		return &cookieErr{"name", "the cookie has no name"}
	case len(c.Name)+len(c.Value) > maxCookieBytes:
		return &cookieErr{"value", fmt.Sprintf("cookie %q is over %d bytes", clip(c.Name, 40), maxCookieBytes)}
	case strings.IndexFunc(c.Name, func(r rune) bool { return r <= ' ' || r >= 0x7f || strings.ContainsRune(`()<>@,;:\"/[]?={}`, r) }) >= 0:
		return &cookieErr{"name", fmt.Sprintf("%q is not a cookie name (letters, digits and !#$%%&'*+-.^_`|~)", clip(c.Name, 40))}
	case strings.IndexFunc(c.Value, func(r rune) bool { return r < 0x20 || r == 0x7f || r == ';' }) >= 0:
		return &cookieErr{"value", fmt.Sprintf("cookie %q has a control character or ';' in its value", clip(c.Name, 40))}
	case c.Domain == "":
		return &cookieErr{"domain", fmt.Sprintf("cookie %q has no domain", clip(c.Name, 40))}
	case !validCookieDomain(c.Domain):
		return &cookieErr{"domain", fmt.Sprintf("%q is not a host name or IP address", clip(c.Domain, 60))}
	case !strings.HasPrefix(c.Path, "/"):
		return &cookieErr{"path", fmt.Sprintf("%q does not start with /", clip(c.Path, 60))}
	}
	return nil
}

func validCookieDomain(d string) bool {
	if net.ParseIP(strings.Trim(d, "[]")) != nil {
		return true
	}
	if len(d) > 253 {
		return false
	}
	for _, label := range strings.Split(d, ".") {
		if label == "" || len(label) > 63 {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}
