package export

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestEmbeddedLayouts: the shipped layouts parse, name their source, and
// keep grey-market goods out of IP packets.
func TestEmbeddedLayouts(t *testing.T) {
	ls := mustLayouts(t)
	for _, name := range []string{"ipp", "douyin", "pdd"} {
		l, err := FindLayout(ls, name)
		if err != nil {
			t.Fatal(err)
		}
		if l.Source == "" || l.BatchSize == 0 || len(l.Columns) == 0 {
			t.Errorf("%s: incomplete %+v", name, l)
		}
		for _, c := range greyMarket {
			if pk := l.packetOf(c); pk == nil || pk.Route != "contract" {
				t.Errorf("%s: %s is not in a contract packet", name, c)
			}
		}
	}
	for _, site := range []string{"taobao", "tmall", "1688", "aliexpress"} {
		if !strings.Contains(strings.Join(ls["ipp"].Sites, " "), site) {
			t.Errorf("ipp does not take %s", site)
		}
	}
	if _, err := FindLayout(ls, "ebay"); shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), "douyin, ipp, pdd") {
		t.Errorf("unknown platform: %v", err)
	}
}

const goodLayout = `platform: shopx
title: Shop X complaint
source: https://shopx.example/ip
documented: true
format: csv
batch_size: 10
refuses_genuine_goods: true
packets:
  - {name: ip, route: ip, categories: [counterfeit], right_type: trademark, reason: counterfeit}
columns:
  - {header: URL, field: listing_url}
  - {header: Kind, text: trademark}
`

// TestParseLayoutErrors: each mistake is reported with file, line and
// field, all in one pass.
func TestParseLayoutErrors(t *testing.T) {
	cases := []struct {
		name, from, to, want string
	}{
		{"unknown field", "documented: true", "documentd: true", "shopx.yaml:4: documentd is not a layout field"},
		{"format", "format: csv", "format: xlsx", "shopx.yaml:5: format \"xlsx\" is not a format this version writes (accepted: csv)"},
		{"batch size", "batch_size: 10", "batch_size: 0", "shopx.yaml:6: batch_size"},
		{"category", "categories: [counterfeit]", "categories: [fake]", "shopx.yaml:9: packets[0].categories \"fake\" is not a category"},
		{"route", "route: ip", "route: police", "shopx.yaml:9: packets[0].route \"police\" is not a route"},
		{"grey market in ip", "categories: [counterfeit]", "categories: [counterfeit, code_tampered]", "packets[0].categories code_tampered is genuine goods"},
		{"column field", "field: listing_url", "field: listing_link", "shopx.yaml:11: columns[0].field \"listing_link\" is not a field"},
		{"column both", "text: trademark", "text: trademark, field: sku", "shopx.yaml:12: columns[1] needs either field or text"},
		{"missing", "source: https://shopx.example/ip\n", "", "shopx.yaml:1: source is missing"},
		{"platform name", "platform: shopx", "platform: Shop X", "shopx.yaml:1: platform \"Shop X\" is not a platform name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := strings.Replace(goodLayout, c.from, c.to, 1)
			_, err := ParseLayout("shopx.yaml", []byte(src))
			var fe shadowscan.FieldErrors
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err %v, want one containing %q", err, c.want)
			}
		})
	}
	if _, err := ParseLayout("shopx.yaml", []byte(goodLayout)); err != nil {
		t.Fatalf("good layout: %v", err)
	}
	grey := strings.Replace(goodLayout, "categories: [counterfeit]", "categories: [counterfeit, unauthorized_seller]", 1)
	if _, err := ParseLayout("shopx.yaml", []byte(strings.Replace(grey, "refuses_genuine_goods: true", "refuses_genuine_goods: false", 1))); err != nil {
		t.Errorf("a platform that takes IP complaints about genuine goods may file them so: %v", err)
	}
}

// TestLayoutsFromRulesDir: a team adds a platform, or replaces a shipped
// one, with a file under --rules/platforms; a bad file names itself.
func TestLayoutsFromRulesDir(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "platforms"), 0o755)
	os.WriteFile(filepath.Join(dir, "platforms", "shopx.yaml"), []byte(goodLayout), 0o644)
	os.WriteFile(filepath.Join(dir, "platforms", "pdd.yaml"), []byte(strings.Replace(goodLayout, "platform: shopx", "platform: pdd", 1)), 0o644)
	ls, err := LoadLayouts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if ls["shopx"] == nil || ls["pdd"].Title != "Shop X complaint" || ls["ipp"] == nil {
		t.Errorf("layouts %v", ls)
	}
	bad := filepath.Join(dir, "platforms", "bad.yaml")
	os.WriteFile(bad, []byte("platform: [x]\n"), 0o644)
	if _, err := LoadLayouts(dir); err == nil || !strings.Contains(err.Error(), bad+":1: platform") {
		t.Errorf("bad layout: %v", err)
	}
}
