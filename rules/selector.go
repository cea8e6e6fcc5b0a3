package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"

	"github.com/shadowscan/shadowscan"
)

// MaxSelectorLen caps a selector expression, in bytes. Real selectors are a
// few dozen bytes; the cap keeps a hostile rule file from handing cascadia or
// regexp megabytes to compile.
const MaxSelectorLen = 2048

// selectorAccepted is what every selector error says would be accepted.
const selectorAccepted = "`CSS` (element text), `CSS@attr` (an attribute), optionally followed by `| re:REGEX` (first capture group), e.g. `.shop a@data-shop-id | re:(\\d+)`"

// attrName matches an HTML attribute name as a rule may name it.
var attrName = regexp.MustCompile(`^[A-Za-z_:][-A-Za-z0-9_:.]*$`)

// ParseSelector parses a selector expression: `CSS` (the element's text),
// `CSS@attr` (an attribute) and, optionally, `| re:REGEX` (the first capture
// group of REGEX, or the whole match when it has none). The CSS part is
// checked with cascadia, the library goquery matches with, and the regular
// expression with regexp (RE2 syntax).
//
// '@' and '|' inside attribute selectors, quoted strings or parentheses
// belong to the CSS: `a[href*="@"]@href` reads the href of links whose href
// holds an '@', and `[lang|=zh]` is a CSS attribute test, not a regex.
//
// Errors are *shadowscan.FieldError values with Msg and Accepted set and no
// File, Line or Field; callers that know where the expression came from
// fill those in.
func ParseSelector(expr string) (*Selector, error) {
	raw := strings.TrimSpace(expr)
	fail := func(format string, args ...any) (*Selector, error) {
		return nil, &shadowscan.FieldError{Msg: fmt.Sprintf(format, args...), Accepted: selectorAccepted}
	}
	switch {
	case raw == "":
		return fail("selector is empty")
	case len(raw) > MaxSelectorLen:
		return fail("selector is %d bytes long, more than the %d allowed", len(raw), MaxSelectorLen)
	case !utf8.ValidString(raw):
		return fail("selector is not valid UTF-8")
	}

	sel := &Selector{Raw: raw}
	css := raw
	if pipe := indexTopLevel(raw, '|', false); pipe >= 0 {
		css = strings.TrimSpace(raw[:pipe])
		filter := strings.TrimSpace(raw[pipe+1:])
		pattern, ok := strings.CutPrefix(filter, "re:")
		if !ok {
			return fail("%q after '|' is not a filter; the only filter is re:REGEX", clip(filter))
		}
		pattern = strings.TrimSpace(pattern)
		if pattern == "" {
			return fail("the regular expression after re: is empty")
		}
		re, err := regexp.Compile(pattern)
		if err != nil {
			return nil, &shadowscan.FieldError{
				Msg:      fmt.Sprintf("regular expression %q does not compile: %v", clip(pattern), err),
				Accepted: "an RE2 regular expression (https://golang.org/s/re2syntax), e.g. re:/item/(\\w+)",
			}
		}
		sel.Re = re
	}

	if at := indexTopLevel(css, '@', true); at >= 0 {
		attr := strings.TrimSpace(css[at+1:])
		css = strings.TrimSpace(css[:at])
		if attr == "" {
			return fail("the attribute name after '@' is empty")
		}
		if !attrName.MatchString(attr) {
			return fail("%q is not an attribute name", clip(attr))
		}
		sel.Attr = strings.ToLower(attr)
	}
	if css == "" {
		return fail("the CSS part is empty")
	}
	m, err := cascadia.Compile(css)
	if err != nil {
		return nil, &shadowscan.FieldError{
			Msg:      fmt.Sprintf("CSS selector %q does not parse: %v", clip(css), err),
			Accepted: "a CSS selector goquery understands, e.g. div.result a.title, link[rel=canonical] or .gallery img",
		}
	}
	sel.CSS, sel.match = css, m
	return sel, nil
}

// Matcher returns the CSS part compiled, once, when the expression was
// parsed: what goquery's FindMatcher takes, so that a crawl does not
// compile the selector again on every page it reads (goquery's Find
// does). It is nil for a JSON path.
func (s *Selector) Matcher() cascadia.Selector {
	if s == nil {
		return nil
	}
	return s.match
}

// Filter applies the selector's regular expression to v, a value already
// read with CSS and Attr: it returns the first capture group of the first
// match, or the whole match when the expression has no group, trimmed of
// surrounding space. Without a regular expression it returns v trimmed.
// ok is false when the expression does not match (or its first group took
// no part in the match), so the caller can fall back to structured data.
func (s *Selector) Filter(v string) (out string, ok bool) {
	if s == nil || s.Re == nil {
		return strings.TrimSpace(v), true
	}
	m := s.Re.FindStringSubmatchIndex(v)
	if m == nil {
		return "", false
	}
	if len(m) >= 4 {
		if m[2] < 0 {
			return "", false
		}
		return strings.TrimSpace(v[m[2]:m[3]]), true
	}
	return strings.TrimSpace(v[m[0]:m[1]]), true
}

// MustParseSelector is ParseSelector for expressions fixed in code; it
// panics on an error.
func MustParseSelector(expr string) *Selector {
	s, err := ParseSelector(expr)
	if err != nil {
		panic(fmt.Sprintf("rules: selector %q: %v", expr, err))
	}
	return s
}

// MarshalText writes the expression as written, so a Selector encodes as a
// string in JSON and YAML.
func (s *Selector) MarshalText() ([]byte, error) {
	if s == nil {
		return nil, nil
	}
	return []byte(s.Raw), nil
}

// UnmarshalText parses an expression with ParseSelector.
func (s *Selector) UnmarshalText(b []byte) error {
	p, err := ParseSelector(string(b))
	if err != nil {
		return err
	}
	*s = *p
	return nil
}

// Equal reports whether s and o are the same expression: same CSS, attribute
// and regular expression.
func (s *Selector) Equal(o *Selector) bool {
	if s == nil || o == nil {
		return s == o
	}
	if s.CSS != o.CSS || s.Path != o.Path || s.Attr != o.Attr || (s.Re == nil) != (o.Re == nil) {
		return false
	}
	return s.Re == nil || s.Re.String() == o.Re.String()
}

// indexTopLevel returns the index of c in s outside brackets, parentheses
// and quoted strings, honouring CSS backslash escapes. With last it returns
// the last such index, else the first; -1 when there is none.
func indexTopLevel(s string, c byte, last bool) int {
	found := -1
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\\':
			i++ // the escaped byte is literal, whatever it is
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '"' || ch == '\'':
			quote = ch
		case ch == '[' || ch == '(':
			depth++
		case ch == ']' || ch == ')':
			if depth > 0 {
				depth--
			}
		case ch == c && depth == 0:
			if !last {
				return i
			}
			found = i
		}
	}
	return found
}

// clip shortens s for an error message.
func clip(s string) string {
	const max = 80
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
