package rules

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/shadowscan/shadowscan"
)

func TestParseSelector(t *testing.T) {
	tests := []struct {
		name string
		expr string
		css  string
		attr string
		re   string
	}{
		{"element text", "h1.title", "h1.title", "", ""},
		{"attribute", ".shop a@data-shop-id", ".shop a", "data-shop-id", ""},
		{"attribute with regex group", `link[rel=canonical]@href | re:/item/(\w+)`, "link[rel=canonical]", "href", `/item/(\w+)`},
		{"text with regex", `span.price | re:[0-9.]+`, "span.price", "", `[0-9.]+`},
		{"spaces trimmed", "  div.result a.title @ href  ", "div.result a.title", "href", ""},
		{"at sign inside quoted attribute value", `a[href*="@"]@href`, `a[href*="@"]`, "href", ""},
		{"at sign inside single quotes and regex", `a[href^='mailto:a@b']@href | re:mailto:(.*)`, `a[href^='mailto:a@b']`, "href", "mailto:(.*)"},
		{"pipe inside attribute selector", `[lang|=zh] span`, `[lang|=zh] span`, "", ""},
		{"pipe inside regex", `h1 | re:(foo|bar)`, "h1", "", "(foo|bar)"},
		{"at sign inside regex", `.seller | re:([^@]+)@`, ".seller", "", "([^@]+)@"},
		{"contains with at sign", `p:contains("@") @ data-x`, `p:contains("@")`, "data-x", ""},
		{"attribute name lower-cased", "img@SRC", "img", "src", ""},
		{"selector group", ".item-offline, .sold-out-tip", ".item-offline, .sold-out-tip", "", ""},
		{"escaped at in css", `a.x\@y@href`, `a.x\@y`, "href", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSelector(tt.expr)
			if err != nil {
				t.Fatalf("ParseSelector(%q): %v", tt.expr, err)
			}
			if s.CSS != tt.css || s.Attr != tt.attr {
				t.Errorf("got CSS %q Attr %q, want %q %q", s.CSS, s.Attr, tt.css, tt.attr)
			}
			gotRe := ""
			if s.Re != nil {
				gotRe = s.Re.String()
			}
			if gotRe != tt.re {
				t.Errorf("got Re %q, want %q", gotRe, tt.re)
			}
			if s.Raw != strings.TrimSpace(tt.expr) || s.String() != s.Raw {
				t.Errorf("Raw %q String %q, want the trimmed expression", s.Raw, s.String())
			}
		})
	}
}

func TestParseSelectorErrors(t *testing.T) {
	tests := []struct {
		name string
		expr string
		msg  string
	}{
		{"empty", "   ", "empty"},
		{"empty attribute", "a@", "attribute name after '@' is empty"},
		{"bad attribute", "a@hr ef", "not an attribute name"},
		{"empty css before attribute", "@href", "CSS part is empty"},
		{"empty css before regex", "| re:x", "CSS part is empty"},
		{"bad css", "div[", "does not parse"},
		{"unquoted at sign in attribute value", `a[title*=x@y]`, `"a[title*=x@y]" does not parse`},
		{"bad css double combinator", "a > > b", "does not parse"},
		{"unknown filter", "h1 | trim", "not a filter"},
		{"empty regex", "h1 | re:  ", "regular expression after re: is empty"},
		{"bad regex", "h1 | re:(abc", "does not compile"},
		{"unsupported regex lookahead", "h1 | re:(?=x)", "does not compile"},
		{"too long", "a" + strings.Repeat(" a", MaxSelectorLen), "bytes long"},
		{"invalid utf-8", "a\xff", "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseSelector(tt.expr)
			if err == nil {
				t.Fatalf("ParseSelector(%q) succeeded, want an error", tt.expr)
			}
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v is not a FieldError", err, err)
			}
			if !strings.Contains(fe.Msg, tt.msg) {
				t.Errorf("Msg %q does not contain %q", fe.Msg, tt.msg)
			}
			if fe.Accepted == "" {
				t.Errorf("error %q does not say what is accepted", err)
			}
		})
	}
}

func TestSelectorFilter(t *testing.T) {
	tests := []struct {
		name string
		expr string
		in   string
		want string
		ok   bool
	}{
		{"no regex trims", "h1", "  Aurora 500g \n", "Aurora 500g", true},
		{"first group", `link@href | re:/item/(\w+)`, "http://x/item/A123?ref=1", "A123", true},
		{"only the first group", `a | re:(\d+)-(\d+)`, "88-128", "88", true},
		{"whole match without group", `span | re:\d+\.\d{2}`, "¥1299.00 起", "1299.00", true},
		{"no match", `a@href | re:/item/(\w+)`, "http://x/shop/1", "", false},
		{"optional group unmatched", `a | re:x(\d)?`, "x", "", false},
		{"chinese text", `.shop | re:店铺[:：](.+)`, "店铺：奥罗拉小店", "奥罗拉小店", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := MustParseSelector(tt.expr).Filter(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("Filter(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestSelectorTextRoundTrip(t *testing.T) {
	s := MustParseSelector(`link[rel=canonical]@href | re:/item/(\w+)`)
	b, err := s.MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	var back Selector
	if err := back.UnmarshalText(b); err != nil {
		t.Fatal(err)
	}
	if !back.Equal(s) {
		t.Errorf("round trip gave %+v, want %+v", back, *s)
	}
	if err := back.UnmarshalText([]byte("div[")); err == nil {
		t.Error("UnmarshalText accepted a broken selector")
	}
	if (*Selector)(nil).Equal(s) || !(*Selector)(nil).Equal(nil) {
		t.Error("Equal mishandles nil")
	}
}

func FuzzParseSelector(f *testing.F) {
	for _, seed := range []string{
		"h1.title", ".shop a@data-shop-id", `link[rel=canonical]@href | re:/item/(\w+)`,
		`a[href*="@"]@href`, `[lang|=zh]`, `a | re:(x|y)`, `a\@b@c`, `p:contains(")")@x`,
		"@", "|", "[", `"`, "a@b@c", "a | re:", "a[x='@']@y | re:@(.)",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		s, err := ParseSelector(expr)
		if err != nil {
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T is not a FieldError", err)
			}
			return
		}
		if s.CSS == "" {
			t.Fatalf("parsed %q with an empty CSS part", expr)
		}
		if out, ok := s.Filter(expr); !ok && out != "" {
			t.Fatalf("Filter returned %q with ok false", out)
		}
		again, err := ParseSelector(s.Raw)
		if err != nil {
			t.Fatalf("Raw %q of a parsed selector does not parse: %v", s.Raw, err)
		}
		if !again.Equal(s) || again.Raw != s.Raw {
			t.Fatalf("Raw %q parsed to %+v, first parse %+v", s.Raw, again, s)
		}
	})
}

// TestSelectorMatcherIsCompiledOnce: a parsed CSS selector carries its
// compiled form, which matches what its CSS names; a JSON path has none.
func TestSelectorMatcherIsCompiledOnce(t *testing.T) {
	sel, err := ParseSelector(`.shop a@data-shop-id | re:(\d+)`)
	if err != nil {
		t.Fatal(err)
	}
	m := sel.Matcher()
	if m == nil {
		t.Fatal("a parsed CSS selector has no compiled matcher")
	}
	doc, err := html.Parse(strings.NewReader(`<div class="shop"><a data-shop-id="s1">one</a></div><a data-shop-id="s2">two</a>`))
	if err != nil {
		t.Fatal(err)
	}
	got := m.MatchAll(doc)
	if len(got) != 1 || got[0].FirstChild == nil || got[0].FirstChild.Data != "one" {
		t.Errorf("the compiled %q matched %d nodes, want the one link inside .shop", sel.CSS, len(got))
	}
	js, err := ParseJSONSelector("props.item.id")
	if err != nil {
		t.Fatal(err)
	}
	var none *Selector
	if js.Matcher() != nil || none.Matcher() != nil {
		t.Error("a JSON path, or no selector, has a CSS matcher")
	}
}
