package rules

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

const jsonSite = `name: api-shop
base_url: https://api.example.invalid
format: json
search:
  url: "{base}/api/search?q={query}"
  listing_links: "data.items.#.href"
  next_page: "paging.cursor"
  next_url: "{base}/api/search?q={query}&cursor={cursor}"
listing:
  url: "item.web_url"
  id: "item.id"
  title: "item.title"
  price: "item.price.amount"
  currency: "item.price.currency"
  seller_id: "item.shop.id | re:^s-(\\d+)$"
  images: "item.photos.#.src"
  removed: "item.state | re:^(deleted|offline)$"
`

func TestParseSiteJSONFormat(t *testing.T) {
	s, err := ParseSite("api-shop.yaml", []byte(jsonSite))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Search.JSON() || !s.Listing.JSON() {
		t.Fatalf("format: search %q listing %q, want json for both", s.Search.Format, s.Listing.Format)
	}
	if s.Search.ListingLinks.Path != "data.items.#.href" || s.Search.ListingLinks.CSS != "" {
		t.Errorf("listing_links = %+v, want the gjson path and no CSS", s.Search.ListingLinks)
	}
	if s.Listing.SellerID.Path != "item.shop.id" || s.Listing.SellerID.Re == nil {
		t.Errorf("seller_id = %+v, want path item.shop.id and a regex", s.Listing.SellerID)
	}
	if s.Listing.Currency == nil || s.Listing.Currency.Path != "item.price.currency" {
		t.Errorf("currency = %+v, want a path", s.Listing.Currency)
	}
	if got := s.NextURLFor("", "hand cream", "a b/c", 2); got != "https://api.example.invalid/api/search?q=hand+cream&cursor=a+b%2Fc" {
		t.Errorf("NextURLFor = %s", got)
	}
	c := s.Clone()
	c.Listing.URL.Path = "changed"
	if s.Listing.URL.Path != "item.web_url" {
		t.Error("Clone shares listing.url")
	}
}

func TestParseSiteFormatPerBlock(t *testing.T) {
	// A JSON search API whose results link to HTML item pages.
	src := `name: mixed
base_url: https://mixed.example.invalid
search:
  format: json
  url: "{base}/api/s?q={query}&page={page}"
  listing_links: "results.#.url"
listing:
  title: "h1.title"
`
	s, err := ParseSite("mixed.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Search.JSON() || s.Listing.JSON() {
		t.Fatalf("search %q listing %q, want json and html", s.Search.Format, s.Listing.Format)
	}
	if s.Listing.Title.CSS != "h1.title" {
		t.Errorf("title = %+v, want CSS", s.Listing.Title)
	}
}

func TestParseSiteHTMLDigestFieldsUnchanged(t *testing.T) {
	// "html" is stored as the zero value, so rules written before
	// format existed keep their scan digests.
	s, err := ParseSite("shop.yaml", []byte(minimalSite+"format: html\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Search.Format != "" || s.Listing.Format != "" {
		t.Errorf("format html stored as %q / %q, want empty", s.Search.Format, s.Listing.Format)
	}
}

func TestParseSiteJSONErrors(t *testing.T) {
	cases := []struct {
		name, src, field, want string
	}{
		{"unknown format", strings.Replace(jsonSite, "format: json", "format: xml", 1), "format", "html (CSS selectors"},
		{"listings in html", minimalSite + "  listings: \"items\"\n", "search.listings", "read only with format: json"},
		{"url in html listing", minimalSite + "listing:\n  url: \"a@href\"\n", "listing.url", "read only with format: json"},
		{"unbalanced path", strings.Replace(jsonSite, `"item.title"`, `"item.#(title==\"x\""`, 1), "listing.title", "gjson path"},
		{"css in json rule", strings.Replace(jsonSite, `"item.title"`, `"h1 .title"`, 1), "listing.title", "escape it with a backslash"},
		{"bad regex", strings.Replace(jsonSite, `re:^(deleted|offline)$`, `re:(`, 1), "listing.removed", "RE2"},
		{"next_url without cursor", strings.Replace(jsonSite, "cursor={cursor}", "page={page}", 1), "search.next_url", "{cursor}"},
		{"next_url without next_page", strings.Replace(jsonSite, `  next_page: "paging.cursor"`+"\n", "", 1), "search.next_page", "selects the cursor"},
		{"inline listings with html listing rules", `name: x
base_url: https://x.example.invalid
search:
  format: json
  url: "{base}/s?q={query}"
  listings: "items"
listing:
  title: "h1"
`, "search.listings", "format: json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSite("x.yaml", []byte(tc.src))
			e := findError(t, fieldErrors(t, err), tc.field)
			if e.File != "x.yaml" || e.Line == 0 {
				t.Errorf("error %q lacks file or line", e)
			}
			if !strings.Contains(e.Error(), tc.want) {
				t.Errorf("error %q does not say %q", e, tc.want)
			}
		})
	}
}

func TestParseJSONSelector(t *testing.T) {
	cases := []struct {
		expr, path, re string
		ok             bool
	}{
		{"data.items.#.url", "data.items.#.url", "", true},
		{"items.#(sold==false)#.id", "items.#(sold==false)#.id", "", true},
		{"a|b", "a|b", "", true}, // gjson's own pipe
		{"item.url | re:/p/(\\d+)", "item.url", "/p/(\\d+)", true},
		{`items.#(name%"a|b*")#.id | re:(\d+)`, `items.#(name%"a|b*")#.id`, `(\d+)`, true},
		{"item\\ name", "item\\ name", "", true},
		{"", "", "", false},
		{"item.", "", "", false},
		{"a..b", "", "", false},
		{"items.#(x==1", "", "", false},
		{"a]", "", "", false},
		{"| re:x", "", "", false},
		{"a | re:", "", "", false},
	}
	for _, tc := range cases {
		sel, err := ParseJSONSelector(tc.expr)
		if (err == nil) != tc.ok {
			t.Errorf("ParseJSONSelector(%q) error = %v, want ok=%v", tc.expr, err, tc.ok)
			continue
		}
		if !tc.ok {
			continue
		}
		re := ""
		if sel.Re != nil {
			re = sel.Re.String()
		}
		if sel.Path != tc.path || re != tc.re {
			t.Errorf("ParseJSONSelector(%q) = path %q re %q, want %q %q", tc.expr, sel.Path, re, tc.path, tc.re)
		}
	}
}

func FuzzParseJSONSelector(f *testing.F) {
	for _, s := range []string{"data.items.#.url", "items.#(sold==false)#.id | re:(\\d+)", "a|b", "@reverse", `a.#(b%"*|*")`, "a\\", "[", "#(", `"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		sel, err := ParseJSONSelector(expr)
		if err != nil {
			return
		}
		if sel.Path == "" || sel.CSS != "" {
			t.Fatalf("%q parsed to path %q css %q", expr, sel.Path, sel.CSS)
		}
		// Whatever parses must be safe to run on any document.
		_ = gjson.Get(`{"a":[{"b":1},{"b":"x"}],"c":{"d":[1,2,3]}}`, sel.Path)
	})
}
