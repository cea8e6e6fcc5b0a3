package rules

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shadowscan/shadowscan"
)

// writeFiles writes name -> content files into a fresh temp dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadDefaults(t *testing.T) {
	set, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if got := set.SiteNames(); !slices.Equal(got, []string{"amazon", "demo-market", "example-jsonld", "example-mall", "jd"}) {
		t.Errorf("SiteNames %v", got)
	}
	demo, err := set.Site("demo-market")
	if err != nil {
		t.Fatal(err)
	}
	if demo.File != "embedded:demo-market.yaml" || demo.BaseURL != "http://127.0.0.1:8931" {
		t.Errorf("demo File %q BaseURL %q", demo.File, demo.BaseURL)
	}
	wantPol := Politeness{Parallelism: 8, Delay: 0, RespectRobotsTxt: true, Timeout: 10 * time.Second, Retries: 2,
		MaxBodyBytes: 5 << 20, MaxImageBytes: 5 << 20, MaxImagePixels: 40_000_000}
	if demo.Politeness != wantPol {
		t.Errorf("demo politeness %+v, want %+v", demo.Politeness, wantPol)
	}
	l := demo.Listing
	for _, c := range []struct {
		sel  *Selector
		want string
	}{
		{demo.Search.ListingLinks, "div.result a.title@href"},
		{demo.Search.NextPage, "a.next@href"},
		{l.ID, `link[rel=canonical]@href | re:/item/(\w+)`},
		{l.Title, "h1.title"},
		{l.Price, "span.price"},
		{l.SellerID, ".shop a@data-shop-id"},
		{l.SellerName, ".shop a"},
		{l.Images, ".gallery img@src"},
		{l.Description, ".desc"},
		{l.Removed, ".offline-notice"},
	} {
		if c.sel.String() != c.want {
			t.Errorf("selector %q, want %q", c.sel.String(), c.want)
		}
	}
	if l.CurrencyCode != "CNY" || l.Currency != nil {
		t.Errorf("currency %q %v", l.CurrencyCode, l.Currency)
	}
	if got := demo.SearchURL("", "蛋白粉", 1); got != "http://127.0.0.1:8931/search?q=%E8%9B%8B%E7%99%BD%E7%B2%89&page=1" {
		t.Errorf("demo SearchURL %q", got)
	}
	if demo.Search.MaxPages != 10 {
		t.Errorf("demo max_pages %d", demo.Search.MaxPages)
	}
	jl, err := set.Site("example-jsonld")
	if err != nil {
		t.Fatal(err)
	}
	if jl.Listing != (ListingRules{}) || !strings.HasSuffix(jl.BaseURL, ".invalid") {
		t.Errorf("example-jsonld should rely on the fallback on a .invalid host: %+v %q", jl.Listing, jl.BaseURL)
	}
	if set.Detection.Threshold != 60 {
		t.Errorf("detection threshold %d", set.Detection.Threshold)
	}

	// Two loads do not share state.
	demo.BaseURL = "changed"
	set.Detection.Rates["USD"] = 1
	again, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if again.Sites["demo-market"].BaseURL != "http://127.0.0.1:8931" || again.Detection.Rates["USD"] != 7.1 {
		t.Error("Load results share state")
	}
}

func TestLoadDirOverlay(t *testing.T) {
	demo := strings.Replace(minimalSite, "name: shop", "name: demo-market", 1)
	dir := writeFiles(t, map[string]string{
		"demo.yaml":        demo,
		"new-shop.yml":     minimalSite,
		"detection.yaml":   "threshold: 75\nrates: {SGD: 5.4}\n",
		"zz-words.yaml":    "kind: detection\nwords:\n  red_flag: [高仿]\n",
		"README.md":        "not a rule",
		".#editor.yaml":    "garbage: [",
		"sub/ignored.yaml": "garbage: [",
	})
	set, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := set.SiteNames(); !slices.Equal(got, []string{"amazon", "demo-market", "example-jsonld", "example-mall", "jd", "shop"}) {
		t.Errorf("SiteNames %v", got)
	}
	d := set.Sites["demo-market"]
	if d.File != filepath.Join(dir, "demo.yaml") || d.BaseURL != "https://shop.example.invalid" {
		t.Errorf("demo-market not replaced: File %q BaseURL %q", d.File, d.BaseURL)
	}
	if s := set.Sites["shop"]; s.File != filepath.Join(dir, "new-shop.yml") {
		t.Errorf("shop File %q", s.File)
	}
	if set.Sites["example-mall"].File != "embedded:example-mall.yaml" {
		t.Error("an untouched embedded site lost its file")
	}
	det := set.Detection
	if det.Threshold != 75 || det.Rates["SGD"] != 5.4 || det.Rates["USD"] != 7.1 {
		t.Errorf("detection.yaml not overlaid: %d %v", det.Threshold, det.Rates)
	}
	if !slices.Equal(det.Words.RedFlag, []string{"高仿"}) || len(det.Words.CodeTampered) == 0 {
		t.Errorf("kind: detection file not overlaid in order: %v", det.Words.RedFlag)
	}
	if det.File != filepath.Join(dir, "zz-words.yaml") {
		t.Errorf("detection File %q, want the last overlay", det.File)
	}
	if DefaultDetection().Threshold != 60 {
		t.Error("Load changed the embedded defaults")
	}
}

func TestLoadReportsEveryBadFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.yaml":         minimalSite + "  listing_link: x\n",
		"b.yaml":         "name: b\nbase_url: nope\nsearch: {url: \"{base}/?q={query}\", listing_links: a}\n",
		"detection.yaml": "threshold: 0\n",
		"good.yaml":      strings.Replace(minimalSite, "name: shop", "name: good", 1),
	})
	_, err := Load(dir)
	errs := fieldErrors(t, err)
	want := []struct {
		file  string
		line  int
		field string
	}{
		{"a.yaml", 6, "search.listing_link"},
		{"b.yaml", 2, "base_url"},
		{"detection.yaml", 1, "threshold"},
	}
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(errs), len(want), errs)
	}
	for i, w := range want {
		e := errs[i]
		if e.File != filepath.Join(dir, w.file) || e.Line != w.line || e.Field != w.field {
			t.Errorf("error %d: %s:%d %s, want %s:%d %s", i, e.File, e.Line, e.Field, w.file, w.line, w.field)
		}
	}
	if shadowscan.ErrorCode(err) != shadowscan.EINVALID {
		t.Errorf("ErrorCode %q", shadowscan.ErrorCode(err))
	}
}

func TestLoadDuplicateSiteInDir(t *testing.T) {
	dir := writeFiles(t, map[string]string{"one.yaml": minimalSite, "two.yaml": "# again\n" + minimalSite})
	errs := fieldErrors(t, mustFail(Load(dir)))
	e := findError(t, errs, "name")
	if e.File != filepath.Join(dir, "two.yaml") || e.Line != 2 || !strings.Contains(e.Msg, "one.yaml") {
		t.Errorf("got %v", e)
	}
}

func TestLoadMissingDir(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope"))
	var ae *shadowscan.Error
	if !errors.As(err, &ae) || ae.Code != shadowscan.EINVALID || !strings.Contains(ae.Message, "nope") {
		t.Errorf("got %v, want an EINVALID error naming the directory", err)
	}
}

func TestLoadRejectsHugeFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"big.yaml": strings.Repeat("#", MaxFileBytes+1)})
	e := fieldErrors(t, mustFail(Load(dir)))[0]
	if e.File != filepath.Join(dir, "big.yaml") || !strings.Contains(e.Msg, "too large") {
		t.Errorf("got %v", e)
	}
}

func TestSetSite(t *testing.T) {
	set, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		site string
		code string
	}{
		{"empty name", "", shadowscan.EINVALID},
		{"malformed name", "Demo Market", shadowscan.EINVALID},
		{"unknown name", "taobao", shadowscan.ENOTFOUND},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := set.Site(tt.site)
			var ae *shadowscan.Error
			if !errors.As(err, &ae) || ae.Code != tt.code {
				t.Fatalf("got %v, want code %s", err, tt.code)
			}
			if !strings.Contains(ae.Message, "demo-market, example-jsonld, example-mall") {
				t.Errorf("message %q does not list the known sites", ae.Message)
			}
		})
	}
}

func TestSiteJSON(t *testing.T) {
	set, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(set.Sites["demo-market"])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"name":"demo-market"`,
		`"listing_links":"div.result a.title@href"`,
		`"id":"link[rel=canonical]@href | re:/item/(\\w+)"`,
		`"currency_code":"CNY"`,
		`"delay":"0s"`,
		`"timeout":"10s"`,
		`"parallelism":8`,
		`"file":"embedded:demo-market.yaml"`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s:\n%s", want, b)
		}
	}
	if strings.Contains(string(b), `"Delay"`) || strings.Contains(string(b), `"title":null`) {
		t.Errorf("JSON has raw or null fields:\n%s", b)
	}
}

func TestLoadFSReportsBrokenDefaults(t *testing.T) {
	det, err := defaults.ReadFile("defaults/detection.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rev, err := defaults.ReadFile("defaults/review.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		fsys  fstest.MapFS
		file  string
		field string
	}{
		{"bad detection", fstest.MapFS{
			"d/detection.yaml": {Data: []byte("threshold: 500\n")},
			"d/review.yaml":    {Data: rev},
		}, "embedded:detection.yaml", "threshold"},
		{"bad review", fstest.MapFS{
			"d/detection.yaml": {Data: det},
			"d/review.yaml":    {Data: []byte("dismiss_reasons: []\n")},
		}, "embedded:review.yaml", "dismiss_reasons"},
		{"bad site", fstest.MapFS{
			"d/detection.yaml":  {Data: det},
			"d/review.yaml":     {Data: rev},
			"d/sites/shop.yaml": {Data: []byte(minimalSite + "  max_pages: -1\n")},
		}, "embedded:shop.yaml", "search.max_pages"},
		{"duplicate site", fstest.MapFS{
			"d/detection.yaml": {Data: det},
			"d/review.yaml":    {Data: rev},
			"d/sites/a.yaml":   {Data: []byte(minimalSite)},
			"d/sites/b.yaml":   {Data: []byte(minimalSite)},
		}, "embedded:b.yaml", "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadFS(tt.fsys, "d", "embedded:")
			e := findError(t, fieldErrors(t, err), tt.field)
			if e.File != tt.file {
				t.Errorf("File %q, want %q", e.File, tt.file)
			}
		})
	}
	if _, err := loadFS(fstest.MapFS{}, "d", "embedded:"); err == nil || !strings.Contains(err.Error(), "detection.yaml") {
		t.Errorf("missing detection.yaml: %v", err)
	}
}
