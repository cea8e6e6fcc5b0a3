package rules

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shadowscan/shadowscan"
)

// jsonSelectorAccepted is what every JSON selector error says would be
// accepted.
const jsonSelectorAccepted = "a gjson path (github.com/tidwall/gjson SYNTAX.md), e.g. `data.items.#.url`, `item.price` or `items.#(sold==false)#.id`, optionally followed by `| re:REGEX` (first capture group)"

// ParseJSONSelector parses a selector of a rule whose format is json: a
// gjson path, optionally followed by `| re:REGEX`. gjson's own '|' (its
// pipe between paths) stays part of the path; only a '|' outside brackets,
// parentheses and quotes that is followed by "re:" starts the filter.
//
// gjson accepts any string as a path and simply finds nothing for a wrong
// one, so the checks here are the ones that catch typing mistakes early:
// not empty, no unescaped space outside a query, brackets and
// parentheses balanced, quotes closed.
//
// Errors are *shadowscan.FieldError values with Msg and Accepted set, as
// ParseSelector's are.
func ParseJSONSelector(expr string) (*Selector, error) {
	raw := strings.TrimSpace(expr)
	fail := func(format string, args ...any) (*Selector, error) {
		return nil, &shadowscan.FieldError{Msg: fmt.Sprintf(format, args...), Accepted: jsonSelectorAccepted}
	}
	switch {
	case raw == "":
		return fail("path is empty")
	case len(raw) > MaxSelectorLen:
		return fail("path is %d bytes long, more than the %d allowed", len(raw), MaxSelectorLen)
	case !utf8.ValidString(raw):
		return fail("path is not valid UTF-8")
	}
	sel := &Selector{Raw: raw}
	path := raw
	if pipe := filterPipe(raw); pipe >= 0 {
		path = strings.TrimSpace(raw[:pipe])
		pattern := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(raw[pipe+1:]), "re:"))
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
	if path == "" {
		return fail("the path before | re: is empty")
	}
	if err := checkJSONPath(path); err != "" {
		return fail("%q %s", clip(path), err)
	}
	sel.Path = path
	return sel, nil
}

// filterPipe returns the index of the first top-level '|' that is followed
// by "re:", or -1.
func filterPipe(s string) int {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\\':
			i++
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '"':
			quote = ch
		case ch == '[' || ch == '(' || ch == '{':
			depth++
		case ch == ']' || ch == ')' || ch == '}':
			if depth > 0 {
				depth--
			}
		case ch == '|' && depth == 0:
			if strings.HasPrefix(strings.TrimLeft(s[i+1:], " \t"), "re:") {
				return i
			}
		}
	}
	return -1
}

// checkJSONPath returns what is wrong with a gjson path, or "".
func checkJSONPath(p string) string {
	var stack []byte
	var quote byte
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch {
		case ch == '\\':
			if i+1 == len(p) {
				return "ends in a lone backslash"
			}
			i++
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '"':
			quote = ch
		case ch == '[' || ch == '(' || ch == '{':
			stack = append(stack, ch)
		case ch == ']' || ch == ')' || ch == '}':
			open := map[byte]byte{']': '[', ')': '(', '}': '{'}[ch]
			if len(stack) == 0 || stack[len(stack)-1] != open {
				return fmt.Sprintf("has an unmatched %q", ch)
			}
			stack = stack[:len(stack)-1]
		case ch < ' ':
			return "holds a control character"
		case ch == ' ' && len(stack) == 0:
			return "holds a space outside a query; escape it with a backslash (`item\\ name`)"
		}
	}
	switch {
	case quote != 0:
		return "has an unclosed quote"
	case len(stack) > 0:
		return fmt.Sprintf("has an unclosed %q", stack[len(stack)-1])
	case strings.HasPrefix(p, ".") || strings.HasSuffix(p, ".") || strings.Contains(p, ".."):
		return "has an empty path component (a dot at an end, or two dots)"
	}
	return ""
}
