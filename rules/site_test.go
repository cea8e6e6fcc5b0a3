package rules

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
)

// fieldErrors returns err's FieldErrors, failing the test if err is
// anything else.
func fieldErrors(t *testing.T, err error) shadowscan.FieldErrors {
	t.Helper()
	if err == nil {
		t.Fatal("got no error, want FieldErrors")
	}
	var many shadowscan.FieldErrors
	if errors.As(err, &many) {
		return many
	}
	var one *shadowscan.FieldError
	if errors.As(err, &one) {
		return shadowscan.FieldErrors{one}
	}
	t.Fatalf("error %T %q is not a FieldError", err, err)
	return nil
}

// findError returns the error for field, or fails.
func findError(t *testing.T, errs shadowscan.FieldErrors, field string) *shadowscan.FieldError {
	t.Helper()
	for _, e := range errs {
		if e.Field == field {
			return e
		}
	}
	t.Fatalf("no error for field %q in:\n%v", field, errs)
	return nil
}

const minimalSite = `name: shop
base_url: https://shop.example.invalid/
search:
  url: "{base}/s?q={query}&p={page}"
  listing_links: "a.item@href"
`

func TestParseSiteMinimalGetsDefaults(t *testing.T) {
	s, err := ParseSite("shop.yaml", []byte(minimalSite))
	if err != nil {
		t.Fatal(err)
	}
	want := Politeness{
		Parallelism: 4, Delay: 250 * time.Millisecond, RespectRobotsTxt: true,
		Timeout: 15 * time.Second, Retries: 3, MaxBodyBytes: 5 << 20,
		MaxImageBytes: 5 << 20, MaxImagePixels: 40_000_000,
	}
	if s.Politeness != want {
		t.Errorf("politeness %+v, want %+v", s.Politeness, want)
	}
	if s.Search.MaxPages != 10 {
		t.Errorf("max_pages %d, want 10", s.Search.MaxPages)
	}
	if s.BaseURL != "https://shop.example.invalid" {
		t.Errorf("base_url %q, want the trailing slash dropped", s.BaseURL)
	}
	if s.File != "shop.yaml" || s.Name != "shop" {
		t.Errorf("File %q Name %q", s.File, s.Name)
	}
	if s.Search.NextPage != nil || s.Listing.Title != nil || s.Listing.CurrencyCode != "" {
		t.Errorf("unset fields are set: %+v %+v", s.Search, s.Listing)
	}
}

func TestParseSiteFull(t *testing.T) {
	src := `kind: site
name: full-shop
base_url: http://127.0.0.1:8931
search:
  url: "https://search.example.invalid/find?k={query}"
  max_pages: 1000
  listing_links: "div.result a.title@href"
  next_page: "a.next@href"
listing:
  id: "link[rel=canonical]@href | re:/item/(\\w+)"
  title: h1.title
  currency: span.cur
  price: ~
politeness:
  parallelism: 64
  delay: 0
  random_delay: 1m30s
  respect_robots_txt: false
  timeout: 10m
  retries: 0
  max_body_bytes: 8MB
  max_image_bytes: 1048576
  max_image_pixels: 1_000_000
  user_agent: "shadowscan/1 (+https://example.invalid)"
`
	s, err := ParseSite("full.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := s.Politeness
	if p.Parallelism != 64 || p.Delay != 0 || p.RandomDelay != 90*time.Second || p.RespectRobotsTxt ||
		p.Timeout != 10*time.Minute || p.Retries != 0 || p.MaxBodyBytes != 8<<20 || p.MaxImageBytes != 1<<20 ||
		p.MaxImagePixels != 1_000_000 || p.UserAgent != "shadowscan/1 (+https://example.invalid)" {
		t.Errorf("politeness %+v", p)
	}
	if s.Search.MaxPages != 1000 || s.Search.NextPage.Attr != "href" {
		t.Errorf("search %+v", s.Search)
	}
	l := s.Listing
	if l.ID.Re == nil || l.ID.Re.String() != `/item/(\w+)` || l.Title.CSS != "h1.title" {
		t.Errorf("listing %+v", l)
	}
	if l.CurrencyCode != "" || l.Currency == nil || l.Currency.CSS != "span.cur" {
		t.Errorf("currency: code %q selector %v, want the selector", l.CurrencyCode, l.Currency)
	}
	if l.Price != nil {
		t.Errorf("price: ~ should leave the fallback, got %v", l.Price)
	}
}

func TestParseSiteErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		line  int
		field string
		msg   string
	}{
		{"typo in search key suggests the right one", minimalSite + "  listing_link: a@href\n", 6, "search.listing_link", `did you mean "listing_links"`},
		{"unknown top-level key", minimalSite + "politness: {}\n", 6, "politness", `did you mean "politeness"`},
		{"bad name", strings.Replace(minimalSite, "name: shop", "name: My Shop", 1), 1, "name", "not a valid name"},
		{"name with trailing dash", strings.Replace(minimalSite, "name: shop", "name: shop-", 1), 1, "name", "not a valid name"},
		{"missing name", strings.Replace(minimalSite, "name: shop\n", "", 1), 1, "name", "is required"},
		{"relative base_url", strings.Replace(minimalSite, "https://shop.example.invalid/", "shop.example.invalid", 1), 2, "base_url", "not an http or https URL"},
		{"ftp base_url", strings.Replace(minimalSite, "https://shop.example.invalid/", "ftp://shop.example.invalid", 1), 2, "base_url", "not an http or https URL"},
		{"base_url with query", strings.Replace(minimalSite, "https://shop.example.invalid/", "https://shop.example.invalid/?a=1", 1), 2, "base_url", "query or fragment"},
		{"base_url with credentials", strings.Replace(minimalSite, "https://shop.example.invalid/", "https://u:p@shop.example.invalid", 1), 2, "base_url", "credentials"},
		{"missing base_url", strings.Replace(minimalSite, "base_url: https://shop.example.invalid/\n", "", 1), 1, "base_url", "is required"},
		{"search url without query", strings.Replace(minimalSite, "q={query}", "q=x", 1), 4, "search.url", "no {query}"},
		{"search url unknown placeholder", strings.Replace(minimalSite, "q={query}", "q={query}&s={sort}", 1), 4, "search.url", "unknown placeholder {sort}"},
		{"search url relative", strings.Replace(minimalSite, "{base}/s", "/s", 1), 4, "search.url", "neither {base} nor an http(s) URL"},
		{"search url base glued", strings.Replace(minimalSite, "{base}/s", "{base}s", 1), 4, "search.url", "continue {base}"},
		{"missing search", "name: shop\nbase_url: https://a.invalid\n", 1, "search", "is required"},
		{"search not a mapping", "name: shop\nbase_url: https://a.invalid\nsearch: x\n", 3, "search", "not a mapping"},
		{"missing listing_links", strings.Replace(minimalSite, "  listing_links: \"a.item@href\"\n", "", 1), 4, "search.listing_links", "is required"},
		{"bad listing_links selector", strings.Replace(minimalSite, "a.item@href", "a.item[", 1), 5, "search.listing_links", "does not parse"},
		{"max_pages zero", minimalSite + "  max_pages: 0\n", 6, "search.max_pages", "out of range"},
		{"max_pages too many", minimalSite + "  max_pages: 1001\n", 6, "search.max_pages", "out of range"},
		{"max_pages not a number", minimalSite + "  max_pages: ten\n", 6, "search.max_pages", "not a whole number"},
		{"key set twice", minimalSite + "  url: \"{base}/x?q={query}\"\n", 6, "search.url", "set twice (first on line 4)"},
		{"unknown currency literal", minimalSite + "listing:\n  currency: XYZ\n", 7, "listing.currency", "not a known currency code"},
		{"bad listing selector", minimalSite + "listing:\n  title: \"h1 | re:(\"\n", 7, "listing.title", "does not compile"},
		{"unknown listing key", minimalSite + "listing:\n  sku: .sku\n", 7, "listing.sku", "unknown key"},
		{"listing as a list", minimalSite + "listing: [a]\n", 6, "listing", "not a mapping"},
		{"duration without unit", minimalSite + "politeness:\n  delay: 250\n", 7, "politeness.delay", "not a duration"},
		{"negative duration", minimalSite + "politeness:\n  random_delay: -1s\n", 7, "politeness.random_delay", "out of range"},
		{"zero timeout", minimalSite + "politeness:\n  timeout: 0s\n", 7, "politeness.timeout", "above zero"},
		{"parallelism zero", minimalSite + "politeness:\n  parallelism: 0\n", 7, "politeness.parallelism", "out of range"},
		{"parallelism too high", minimalSite + "politeness: {parallelism: 65}\n", 6, "politeness.parallelism", "out of range"},
		{"retries too many", minimalSite + "politeness:\n  retries: 11\n", 7, "politeness.retries", "out of range"},
		{"robots not a bool", minimalSite + "politeness:\n  respect_robots_txt: maybe\n", 7, "politeness.respect_robots_txt", "not true or false"},
		{"body size unit unknown", minimalSite + "politeness:\n  max_body_bytes: 5 parsecs\n", 7, "politeness.max_body_bytes", "not a size"},
		{"body size too big", minimalSite + "politeness:\n  max_body_bytes: 2GB\n", 7, "politeness.max_body_bytes", "out of range"},
		{"image pixels zero", minimalSite + "politeness:\n  max_image_pixels: 0\n", 7, "politeness.max_image_pixels", "out of range"},
		{"user agent with newline", minimalSite + "politeness:\n  user_agent: \"a\\nX-Evil: 1\"\n", 7, "politeness.user_agent", "control characters"},
		{"empty value", minimalSite + "listing:\n  title: \"\"\n", 7, "listing.title", "is empty"},
		{"kind detection in a site file", "kind: detection\n" + minimalSite, 1, "kind", "read as a site rule"},
		{"top level a list", "- a\n- b\n", 1, "(top level)", "not a mapping"},
		{"invalid yaml", "name: [shop\n", 1, "", "invalid YAML"},
		{"second document", minimalSite + "---\nname: other\n", 6, "", "second YAML document"},
		{"empty file", "# nothing\n", 0, "", "file is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSite("sites/shop.yaml", []byte(tt.src))
			if s != nil {
				t.Fatalf("got a site %+v, want an error", s)
			}
			e := findError(t, fieldErrors(t, err), tt.field)
			if e.File != "sites/shop.yaml" {
				t.Errorf("File %q", e.File)
			}
			if e.Line != tt.line {
				t.Errorf("Line %d, want %d (%v)", e.Line, tt.line, e)
			}
			if !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("Msg %q does not contain %q", e.Msg, tt.msg)
			}
		})
	}
}

func TestParseSiteReportsEveryError(t *testing.T) {
	src := `name: Bad Name
base_url: nope
search:
  url: "/x"
  listing_links: "a["
politeness:
  retries: 99
  delay: soon
`
	errs := fieldErrors(t, mustFail(ParseSite("bad.yaml", []byte(src))))
	want := map[string]int{"name": 1, "base_url": 2, "search.url": 4, "search.listing_links": 5, "politeness.retries": 7, "politeness.delay": 8}
	if len(errs) != len(want) {
		t.Errorf("got %d errors, want %d:\n%v", len(errs), len(want), errs)
	}
	for field, line := range want {
		if e := findError(t, errs, field); e.Line != line {
			t.Errorf("%s: line %d, want %d", field, e.Line, line)
		}
	}
	for _, e := range errs {
		if e.Accepted == "" {
			t.Errorf("%v does not say what is accepted", e)
		}
	}
	if !strings.Contains(errs.Error(), "bad.yaml:7: politeness.retries 99 is out of range (accepted: a whole number from 0 to 10)") {
		t.Errorf("message format:\n%v", errs)
	}
}

func mustFail[T any](_ T, err error) error { return err }

func TestParseSiteAcceptsAliases(t *testing.T) {
	src := `name: shop
base_url: &b https://shop.example.invalid
search:
  url: "{base}/s?q={query}"
  listing_links: &sel "a.item@href"
listing:
  id: *sel
`
	s, err := ParseSite("a.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if s.Listing.ID == nil || s.Listing.ID.Attr != "href" {
		t.Errorf("alias not followed: %+v", s.Listing.ID)
	}
}

func TestParseSiteRejectsHugeFile(t *testing.T) {
	data := []byte(minimalSite + "#" + strings.Repeat("x", MaxFileBytes))
	e := fieldErrors(t, mustFail(ParseSite("big.yaml", data)))[0]
	if !strings.Contains(e.Msg, "too large") || e.File != "big.yaml" {
		t.Errorf("got %v", e)
	}
}

func TestSearchURL(t *testing.T) {
	s, err := ParseSite("shop.yaml", []byte(minimalSite))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		base  string
		query string
		page  int
		want  string
	}{
		{"site base", "", "protein", 1, "https://shop.example.invalid/s?q=protein&p=1"},
		{"chinese query escaped", "", "奥罗拉 蛋白粉", 2, "https://shop.example.invalid/s?q=%E5%A5%A5%E7%BD%97%E6%8B%89+%E8%9B%8B%E7%99%BD%E7%B2%89&p=2"},
		{"reserved characters escaped", "", "a&b=c/{page}#x", 3, "https://shop.example.invalid/s?q=a%26b%3Dc%2F%7Bpage%7D%23x&p=3"},
		{"override base trailing slash", "http://127.0.0.1:9999/", "x", 1, "http://127.0.0.1:9999/s?q=x&p=1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := s.SearchURL(tt.base, tt.query, tt.page); got != tt.want {
				t.Errorf("SearchURL = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWithBaseURL(t *testing.T) {
	s, err := ParseSite("shop.yaml", []byte(minimalSite))
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.WithBaseURL("http://127.0.0.1:8931/")
	if err != nil {
		t.Fatal(err)
	}
	if c.BaseURL != "http://127.0.0.1:8931" || s.BaseURL != "https://shop.example.invalid" {
		t.Errorf("copy %q original %q", c.BaseURL, s.BaseURL)
	}
	if got := c.SearchURL("", "q", 1); got != "http://127.0.0.1:8931/s?q=q&p=1" {
		t.Errorf("SearchURL on the copy = %q", got)
	}
	c.Search.ListingLinks.CSS = "changed"
	if s.Search.ListingLinks.CSS != "a.item" {
		t.Error("the copy shares selectors with the original")
	}
	for _, bad := range []string{"", "127.0.0.1:8931", "file:///etc/passwd", "http://"} {
		_, err := s.WithBaseURL(bad)
		var fe *shadowscan.FieldError
		if !errors.As(err, &fe) || fe.Field != "base_url" || fe.Accepted == "" {
			t.Errorf("WithBaseURL(%q) error %v, want a base_url FieldError", bad, err)
		}
	}
}

func FuzzParseSite(f *testing.F) {
	f.Add([]byte(minimalSite))
	for _, name := range []string{"demo-market.yaml", "example-jsonld.yaml", "example-mall.yaml"} {
		data, err := defaults.ReadFile("defaults/sites/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("name: &n x\nsearch: *n\n"))
	f.Add([]byte("{name: [}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSite("f.yaml", data)
		if err != nil {
			for _, e := range fieldErrors(t, err) {
				if e.File != "f.yaml" || e.Msg == "" {
					t.Fatalf("error without a place or message: %#v", e)
				}
			}
			return
		}
		if s.Name == "" || s.BaseURL == "" || s.Search.URL == "" || s.Search.ListingLinks == nil {
			t.Fatalf("accepted an incomplete site: %+v", s)
		}
		if !strings.Contains(s.SearchURL("", "x y", 1), "x+y") {
			t.Fatalf("search url %q lost the query", s.SearchURL("", "x y", 1))
		}
	})
}
