// Command layercheck fails when a package of the module imports across the
// layers (STYLE.md section 1, README "Architecture"). `make lint` runs it
// from the module root:
//
//	go run ./tools/layercheck
//
// The rules, declared in roles and owners below:
//
//   - the root package (the domain) imports only the standard library;
//   - a shared leaf (rules, photo, schedule) imports the root and outside
//     modules, never another package of the module;
//   - a sibling (catalog, crawler, matcher, store, evidence, web, demo,
//     network, fleet)
//     imports the root, the shared leaves, its own subpackages and outside
//     modules, never another sibling and never an application package;
//   - an application package (scan, export, importer, sitecheck, account:
//     the use cases) imports the root, the shared leaves and the siblings it wires
//     together, its own subpackages and outside modules, never another
//     application package or a program; only programs import it (web
//     reaches the use cases through the functions it declares, which
//     cmd/ fills in);
//   - programs (cmd/..., tools/...) import anything;
//   - an outside module that one package adapts (bbolt, colly, cron, cobra)
//     is imported by that package only;
//   - a package no role names fails until it is given one here.
//
// Test files obey the same rules; testOnly lists the test imports allowed
// beyond them, with the reason.
//
// It asks `go list ./...` for the packages and their files, then reads the
// import lines of every file itself, including the files other platforms
// and `//go:build ignore` generators build, so no build tag hides an
// import. Each violation names the file and line, the importing package,
// the imported one and the rule it breaks. It needs no network.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// role is what a package may import.
type role int

const (
	roleRoot    role = iota // the domain: standard library only
	roleLeaf                // shared leaf: root and outside modules
	roleSibling             // adapter: root, leaves, own subpackages, outside modules
	roleApp                 // use case: root, leaves, siblings, own subpackages, outside modules
	roleProgram             // cmd/, tools/: anything
)

// roles gives each top-level package of the module its role, keyed by its
// path relative to the module root ("" is the root). A subpackage has its
// top-level package's role.
var roles = map[string]role{
	"": roleRoot,

	"rules":    roleLeaf,
	"photo":    roleLeaf,
	"schedule": roleLeaf,

	"catalog":  roleSibling,
	"crawler":  roleSibling,
	"matcher":  roleSibling,
	"store":    roleSibling,
	"evidence": roleSibling,
	"web":      roleSibling,
	"demo":     roleSibling,
	"network":  roleSibling,
	// fleet adapts NATS JetStream as store adapts bbolt: tasks, results,
	// claims and acks; scan wires it to the crawler, matcher and store.
	"fleet": roleSibling,

	"scan":      roleApp,
	"export":    roleApp,
	"importer":  roleApp,
	"sitecheck": roleApp,
	"account":   roleApp,

	"cmd":   roleProgram,
	"tools": roleProgram,
}

// owners names, for an outside module that one package adapts, the
// top-level packages that may import it: the store is the only door to
// the bbolt file, the crawler the only one to colly.
var owners = map[string][]string{
	"go.etcd.io/bbolt":            {"store"},
	"github.com/gocolly/colly/v2": {"crawler"},
	"github.com/robfig/cron/v3":   {"schedule"},
	"github.com/spf13/cobra":      {"cmd"},
	"github.com/spf13/pflag":      {"cmd"},
	"github.com/tidwall/gjson":    {"crawler", "rules"},
	// The queue of distributed scans: only fleet speaks NATS.
	"github.com/nats-io/nats.go":        {"fleet"},
	"github.com/nats-io/nats-server/v2": {"fleet"},
}

// testOnly allows test files of a top-level package (the key) to import
// other packages of the module (relative paths) or outside modules (their
// module path, any package under it) beyond their role, each with the
// reason.
var testOnly = map[string]map[string]string{
	"scan": {
		"github.com/gocolly/colly/v2":       "BenchmarkPipeline measures the scan against a bare colly crawler fetching and parsing the same pages: the baseline must be colly itself, not our crawler with its features off",
		"github.com/nats-io/nats.go":        "TestDistributedTasksLostInNATS purges a running scan's tasks behind the coordinator's back, as an operator or a server that lost its store would: a fault fleet's API must not offer",
		"github.com/nats-io/nats-server/v2": "TestDistributedClusterLeaderLost starts a 3-node JetStream cluster in process and shuts down the server leading the task stream mid-scan: only the servers themselves can say which one leads, and a cluster is no part of fleet's API",
	},
}

func main() {
	os.Exit(run(os.Stdout, os.Stderr))
}

func run(stdout, stderr io.Writer) int {
	mod, files, err := moduleFiles(".")
	if err != nil {
		fmt.Fprintln(stderr, "layercheck:", err)
		return 2
	}
	bad := unplaced(files)
	for _, f := range files {
		if _, known := roles[top(f.pkg)]; !known {
			continue // reported once by unplaced
		}
		imps, err := fileImports(f.path)
		if err != nil {
			fmt.Fprintln(stderr, "layercheck:", err)
			return 2
		}
		for _, imp := range imps {
			if v, ok := check(mod, f.pkg, f.test, imp.path); !ok {
				v.pos = fmt.Sprintf("%s:%d", f.rel, imp.line)
				bad = append(bad, v)
			}
		}
	}
	for _, v := range bad {
		fmt.Fprintln(stdout, v)
	}
	if len(bad) > 0 {
		fmt.Fprintf(stdout, "layercheck: %d problem(s) with the layering (rules: tools/layercheck/main.go)\n", len(bad))
		return 1
	}
	return 0
}

// violation is one import that breaks a rule.
type violation struct {
	pos      string // file:line
	from, to string // packages, relative to the module ("" is the root)
	rule     string
}

func (v violation) String() string {
	if v.to == "" && v.rule == noRole(v.from) {
		return fmt.Sprintf("%s: %s", v.pos, v.rule)
	}
	return fmt.Sprintf("%s: %s imports %s: %s", v.pos, display(v.from), display(v.to), v.rule)
}

// display names a package of the module by its relative path, and the
// root by the module's name.
func display(rel string) string {
	if rel == "" {
		return "shadowscan (the root)"
	}
	return rel
}

// top is the first element of a relative package path.
func top(rel string) string {
	t, _, _ := strings.Cut(rel, "/")
	return t
}

// standard reports whether path is in the standard library: its first
// element has no dot (the go command reserves those).
func standard(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// check reports whether package from (relative to module mod) may import
// path, and if not, the rule it breaks.
func check(mod, from string, test bool, path string) (violation, bool) {
	v := violation{from: from, to: path}
	r, known := roles[top(from)]
	if !known {
		v.rule = noRole(from)
		return v, false
	}
	if standard(path) {
		return v, true
	}
	rel, inModule := relative(mod, path)
	if test && testAllowed(from, rel, path, inModule) {
		return v, true
	}
	if !inModule {
		return checkOutside(v, r, from, path)
	}
	v.to = rel
	own := rel == from || (from != "" && top(rel) == top(from))
	switch {
	case r == roleProgram, own:
		return v, true
	case r == roleRoot:
		v.rule = "the root package imports only the standard library"
	case r == roleLeaf && rel == "":
		return v, true
	case r == roleLeaf:
		v.rule = fmt.Sprintf("a shared leaf imports only the root and outside modules (%s is a leaf)", top(from))
	case rel == "", roles[top(rel)] == roleLeaf:
		return v, true
	case roles[top(rel)] == roleProgram:
		v.rule = "only programs (cmd/, tools/) import cmd/ and tools/ packages"
	case roles[top(rel)] == roleApp:
		v.rule = fmt.Sprintf("only programs (cmd/) import the application packages (%s): a sibling reaches a use case through a function or interface it declares, which cmd/ fills in", strings.Join(named(roleApp), ", "))
	case r == roleApp:
		return v, true // an application wires the siblings
	default:
		v.rule = fmt.Sprintf("siblings never import each other: %s may import the root, the shared leaves (%s), its own subpackages and outside modules; wire siblings together in cmd/", top(from), strings.Join(leaves(), ", "))
	}
	return v, false
}

// testAllowed reports whether testOnly lets a test file of from import
// the package rel of the module, or path outside it.
func testAllowed(from, rel, path string, inModule bool) bool {
	for allowed, why := range testOnly[top(from)] {
		if why == "" {
			continue
		}
		if inModule && rel == allowed || !inModule && (path == allowed || strings.HasPrefix(path, allowed+"/")) {
			return true
		}
	}
	return false
}

// noRole is the rule a package without a role breaks.
func noRole(pkg string) string {
	return fmt.Sprintf("package %s has no layer: give %q a role in tools/layercheck", display(pkg), top(pkg))
}

// unplaced reports, once each at its first file, the packages whose
// top-level directory has no role.
func unplaced(files []goFile) []violation {
	var out []violation
	seen := map[string]bool{}
	for _, f := range files {
		if _, known := roles[top(f.pkg)]; known || seen[f.pkg] {
			continue
		}
		seen[f.pkg] = true
		out = append(out, violation{pos: f.rel + ":1", from: f.pkg, rule: noRole(f.pkg)})
	}
	return out
}

// checkOutside applies the root's rule and owners to an outside module.
func checkOutside(v violation, r role, from, path string) (violation, bool) {
	if r == roleRoot {
		v.rule = "the root package imports only the standard library"
		return v, false
	}
	for mod, who := range owners {
		if path != mod && !strings.HasPrefix(path, mod+"/") {
			continue
		}
		if slices.Contains(who, top(from)) {
			return v, true
		}
		v.rule = fmt.Sprintf("only %s imports %s (it is the package that adapts it)", strings.Join(who, ", "), mod)
		return v, false
	}
	return v, true
}

// relative returns path relative to module mod, if it is in it.
func relative(mod, path string) (string, bool) {
	if path == mod {
		return "", true
	}
	rest, ok := strings.CutPrefix(path, mod+"/")
	return rest, ok
}

// leaves lists the shared leaves, sorted.
func leaves() []string { return named(roleLeaf) }

// named lists the top-level packages of role r, sorted.
func named(r role) []string {
	var out []string
	for name, rr := range roles {
		if rr == r {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// goFile is one Go file of a package of the module.
type goFile struct {
	path string // as the go command gave it
	rel  string // relative to the module root, slash separated
	pkg  string // its package's path relative to the module
	test bool
}

// moduleFiles lists the module's path and the Go files of its packages.
func moduleFiles(dir string) (string, []goFile, error) {
	cmd := exec.Command("go", "list", "-e", "-json=ImportPath,Dir,Module,GoFiles,CgoFiles,IgnoredGoFiles,TestGoFiles,XTestGoFiles", "./...")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", nil, fmt.Errorf("go list: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	var mod, root string
	var files []goFile
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath string
			Dir        string
			Module     *struct{ Path, Dir string }
			GoFiles, CgoFiles, IgnoredGoFiles,
			TestGoFiles, XTestGoFiles []string
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return "", nil, fmt.Errorf("go list output: %w", err)
		}
		if p.Module == nil {
			return "", nil, fmt.Errorf("package %s is in no module", p.ImportPath)
		}
		mod, root = p.Module.Path, p.Module.Dir
		pkg, ok := relative(mod, p.ImportPath)
		if !ok {
			return "", nil, fmt.Errorf("package %s is outside module %s", p.ImportPath, mod)
		}
		for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.IgnoredGoFiles, p.TestGoFiles, p.XTestGoFiles} {
			for _, name := range list {
				if !strings.HasSuffix(name, ".go") {
					continue
				}
				path := filepath.Join(p.Dir, name)
				rel, err := filepath.Rel(root, path)
				if err != nil {
					return "", nil, err
				}
				files = append(files, goFile{path: path, rel: filepath.ToSlash(rel), pkg: pkg, test: strings.HasSuffix(name, "_test.go")})
			}
		}
	}
	if mod == "" {
		return "", nil, errors.New("go list found no packages")
	}
	return mod, files, nil
}

// importLine is one import of a file.
type importLine struct {
	path string
	line int
}

// fileImports reads the import block of one file.
func fileImports(path string) ([]importLine, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	out := make([]importLine, 0, len(f.Imports))
	for _, s := range f.Imports {
		p, err := strconv.Unquote(s.Path.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: import %s: %w", fset.Position(s.Pos()), s.Path.Value, err)
		}
		out = append(out, importLine{path: p, line: fset.Position(s.Pos()).Line})
	}
	return out, nil
}
