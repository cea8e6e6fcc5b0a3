package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const mod = "github.com/shadowscan/shadowscan"

func TestCheck(t *testing.T) {
	cases := []struct {
		name     string
		from     string
		test     bool
		imp      string
		ok       bool
		ruleHint string // part of the rule a violation names
	}{
		{"root imports the standard library", "", false, "net/netip", true, ""},
		{"root imports an outside module", "", false, "go.yaml.in/yaml/v3", false, "only the standard library"},
		{"root imports a sibling", "", false, mod + "/store", false, "only the standard library"},
		{"root's external test imports the root", "", true, mod, true, ""},
		{"root's test imports a sibling", "", true, mod + "/matcher", false, "only the standard library"},

		{"leaf imports the root", "rules", false, mod, true, ""},
		{"leaf imports an outside module", "photo", false, "github.com/corona10/goimagehash", true, ""},
		{"leaf imports another leaf", "schedule", false, mod + "/rules", false, "shared leaf"},
		{"leaf imports a sibling", "rules", false, mod + "/store", false, "shared leaf"},

		{"sibling imports the root", "crawler", false, mod, true, ""},
		{"sibling imports a leaf", "crawler", false, mod + "/rules", true, ""},
		{"sibling imports a sibling", "crawler", false, mod + "/store", false, "siblings never import each other"},
		{"sibling's test imports a sibling", "web", true, mod + "/store", false, "siblings never import each other"},
		{"sibling's subpackage imports its own tree", "demo/internal/gen", false, mod + "/demo/internal/worldgen", true, ""},
		{"sibling imports its own subpackage", "demo", false, mod + "/demo/internal/art", true, ""},
		{"subpackage imports a sibling", "demo/internal/art", false, mod + "/web", false, "siblings never import each other"},
		{"sibling imports a program", "web", false, mod + "/cmd/shadowscan-eval/world3", false, "only programs"},

		{"application imports the root", "scan", false, mod, true, ""},
		{"application imports a leaf", "scan", false, mod + "/rules", true, ""},
		{"application imports the siblings it wires", "scan", false, mod + "/crawler", true, ""},
		{"application imports the store", "export", false, mod + "/store", true, ""},
		{"application imports another application", "export", false, mod + "/scan", false, "only programs (cmd/) import the application packages"},
		{"application imports a program", "scan", false, mod + "/cmd/shadowscan", false, "only programs"},
		{"sibling imports an application", "web", false, mod + "/scan", false, "only programs (cmd/) import the application packages"},
		{"leaf imports an application", "photo", false, mod + "/export", false, "shared leaf"},
		{"root imports an application", "", false, mod + "/scan", false, "only the standard library"},
		{"application imports colly itself", "scan", false, "github.com/gocolly/colly/v2", false, "only crawler imports github.com/gocolly/colly/v2"},
		{"application's test imports colly for the bare baseline", "scan", true, "github.com/gocolly/colly/v2", true, ""},
		{"application's test imports colly's own subpackage", "scan", true, "github.com/gocolly/colly/v2/queue", true, ""},
		{"application's test imports bbolt", "scan", true, "go.etcd.io/bbolt", false, "only store"},
		{"program imports an application", "cmd/shadowscan", false, mod + "/scan", true, ""},

		{"program imports everything", "cmd/shadowscan", false, mod + "/store", true, ""},
		{"tool imports the root", "tools/x", false, mod, true, ""},

		{"the owner imports its module", "store", false, "go.etcd.io/bbolt/errors", true, ""},
		{"a sibling imports another's module", "web", false, "go.etcd.io/bbolt", false, "only store imports go.etcd.io/bbolt"},
		{"a program imports the store's module", "cmd/shadowscan", false, "go.etcd.io/bbolt", false, "only store"},
		{"web imports cron itself", "web", false, "github.com/robfig/cron/v3", false, "only schedule"},
		{"a module path that only starts alike", "web", false, "go.etcd.io/bboltish", true, ""},

		{"an undeclared package", "scanner", false, "fmt", false, `give "scanner" a role`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, ok := check(mod, c.from, c.test, c.imp)
			if ok != c.ok {
				t.Fatalf("check(%q imports %q) ok = %v, want %v (%s)", c.from, c.imp, ok, c.ok, v.rule)
			}
			if !ok && !strings.Contains(v.rule, c.ruleHint) {
				t.Errorf("rule %q does not say %q", v.rule, c.ruleHint)
			}
		})
	}
}

func TestTestOnly(t *testing.T) {
	testOnly["web"] = map[string]string{"store": "drives the real store"}
	t.Cleanup(func() { delete(testOnly, "web") })
	if _, ok := check(mod, "web", true, mod+"/store"); !ok {
		t.Error("a test import in testOnly refused")
	}
	if _, ok := check(mod, "web", false, mod+"/store"); ok {
		t.Error("testOnly let a non-test file import store")
	}
	if _, ok := check(mod, "web", true, mod+"/crawler"); ok {
		t.Error("testOnly let a test import what it does not list")
	}
	if _, ok := check(mod, "export", true, "github.com/gocolly/colly/v2"); ok {
		t.Error("scan's test exception for colly let another package's test import it")
	}
}

func TestViolationNamesEverything(t *testing.T) {
	v, ok := check(mod, "crawler", false, mod+"/store")
	if ok {
		t.Fatal("crawler may import store")
	}
	v.pos = "crawler/fetch.go:12"
	got := v.String()
	for _, want := range []string{"crawler/fetch.go:12", "crawler imports store", "siblings never import each other"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q does not say %q", got, want)
		}
	}
}

func TestFileImports(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.go")
	src := "//go:build ignore\n\npackage a\n\nimport (\n\t\"fmt\"\n\tst \"github.com/shadowscan/shadowscan/store\"\n)\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := fileImports(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].path != mod+"/store" || got[1].line != 7 {
		t.Errorf("imports = %+v, want fmt and store on line 7", got)
	}
}

// TestModuleFiles lists this module as `make lint` does: every package has
// a role, and files of other platforms, generators and tests are read.
func TestModuleFiles(t *testing.T) {
	m, files, err := moduleFiles("../..")
	if err != nil {
		t.Fatal(err)
	}
	if m != mod {
		t.Errorf("module = %q", m)
	}
	seen := map[string]goFile{}
	for _, f := range files {
		seen[f.rel] = f
		if _, ok := roles[top(f.pkg)]; !ok {
			t.Errorf("%s: package %q has no role", f.rel, f.pkg)
		}
	}
	for rel, test := range map[string]bool{"store/flock_other.go": false, "matcher/gen_t2s.go": false, "store/store_test.go": true, "doc.go": false} {
		f, ok := seen[rel]
		if !ok || f.test != test {
			t.Errorf("%s: listed %v, test %v; want listed, test %v", rel, ok, f.test, test)
		}
	}
	if f := seen["store/db.go"]; f.pkg != "store" {
		t.Errorf("store/db.go is in package %q", f.pkg)
	}
}

// TestUnplaced: a package with no role is reported once, whatever it
// imports (nothing, here), at its first file.
func TestUnplaced(t *testing.T) {
	files := []goFile{
		{rel: "store/db.go", pkg: "store"},
		{rel: "scanner/a.go", pkg: "scanner"},
		{rel: "scanner/b.go", pkg: "scanner"},
		{rel: "scanner/x/c.go", pkg: "scanner/x"},
	}
	got := unplaced(files)
	if len(got) != 2 || got[0].String() != `scanner/a.go:1: package scanner has no layer: give "scanner" a role in tools/layercheck` || got[1].from != "scanner/x" {
		t.Errorf("unplaced = %v", got)
	}
}
