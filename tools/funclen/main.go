// Command funclen fails when a function outside tests, generated code and
// fixtures runs over 80 lines (STYLE.md: split long functions along the
// steps they already have). `make lint` runs it from the module root:
//
//	go run ./tools/funclen
//
// It reads the non-test Go files of every package `go list ./...` names,
// including files other platforms build (flock_other.go) and `//go:build
// ignore` generators, so a long function hides behind no build tag. A
// function's length counts its lines from `func` to the closing brace.
// Offenders are listed as file:line, name and length; functions in the
// allow-list below are reported only when the entry has gone stale.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// maxLines is the longest a function may be.
const maxLines = 80

// fixtureDirs are package directories (relative to the module root, slash
// separated) that hold test fixtures, not program code: their files are
// not read at all. testdata directories are skipped by `go list` already.
var fixtureDirs = []string{
	// The labelled worlds `make eval` scores against: generated
	// marketplaces, not code the scanner runs. The held-out ones are
	// read by nobody working on the matcher, this program included.
	"cmd/shadowscan-eval/world3",
	"cmd/shadowscan-eval/world4",
	"cmd/shadowscan-eval/world5",
	"cmd/shadowscan-eval/world6",
	"cmd/shadowscan-eval/world7",
	"cmd/shadowscan-eval/world8",
	"cmd/shadowscan-eval/world9",
	"cmd/shadowscan-eval/world10",
	"cmd/shadowscan-eval/world11",
}

// upstreamDirs are package directories holding a copy of someone else's
// code, changed as little as the change needs so that it can still be
// read against its upstream: splitting its functions would lose that.
var upstreamDirs = []string{
	// image/jpeg of Go 1.26, decoding luma only (see its package comment).
	"photo/internal/jpeg",
}

// allowed are the functions known to run over maxLines, keyed
// "file:Func" (methods as "file:Type.Method"). Each names the issue and
// the work that will split it; delete the entry in the change that does.
// An entry whose function is gone or short again fails the check, so the
// list stays true.
var allowed = map[string]string{
	// Issue 13 and the detection issue: wt/tune is changing the matcher's
	// text, linking and judging and splits these along their steps.
	"matcher/link.go:Linker.Link": "detection issue, wt/tune",
}

func main() {
	os.Exit(run(os.Stdout, os.Stderr))
}

func run(stdout, stderr io.Writer) int {
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(stderr, "funclen:", err)
		return 2
	}
	files, err := goFiles(root)
	if err != nil {
		fmt.Fprintln(stderr, "funclen:", err)
		return 2
	}
	var funcs []funcLen
	for _, f := range files {
		fs, err := longFuncs(root, f, maxLines)
		if err != nil {
			fmt.Fprintln(stderr, "funclen:", err)
			return 2
		}
		funcs = append(funcs, fs...)
	}
	bad, stale := judge(funcs, allowed)
	for _, f := range bad {
		fmt.Fprintf(stdout, "%s:%d: %s is %d lines; split it along its steps (limit %d, tools/funclen)\n", f.file, f.line, f.name, f.lines, maxLines)
	}
	for _, key := range stale {
		fmt.Fprintf(stdout, "tools/funclen: allow-list entry %q: no such function over %d lines any more; delete the entry\n", key, maxLines)
	}
	if len(bad)+len(stale) > 0 {
		return 1
	}
	return 0
}

// funcLen is one function over the limit.
type funcLen struct {
	file  string // slash separated, relative to the module root
	line  int
	name  string // Func or Type.Method
	lines int
}

func (f funcLen) key() string { return f.file + ":" + f.name }

// judge splits the long functions into those the allow-list does not
// excuse, and returns the allow-list keys that matched none.
func judge(funcs []funcLen, allow map[string]string) (bad []funcLen, stale []string) {
	seen := map[string]bool{}
	for _, f := range funcs {
		if _, ok := allow[f.key()]; ok {
			seen[f.key()] = true
			continue
		}
		bad = append(bad, f)
	}
	for k := range allow {
		if !seen[k] {
			stale = append(stale, k)
		}
	}
	slices.Sort(stale)
	return bad, stale
}

// goFiles lists the non-test Go files of the module's packages, absolute,
// skipping fixture directories.
func goFiles(root string) ([]string, error) {
	cmd := exec.Command("go", "list", "-e", "-json=ImportPath,Dir,GoFiles,CgoFiles,IgnoredGoFiles", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	var files []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			Dir                               string
			GoFiles, CgoFiles, IgnoredGoFiles []string
		}
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("go list output: %w", err)
		}
		rel, err := filepath.Rel(root, p.Dir)
		if err != nil {
			return nil, err
		}
		if slices.Contains(fixtureDirs, filepath.ToSlash(rel)) || slices.Contains(upstreamDirs, filepath.ToSlash(rel)) {
			continue
		}
		for _, list := range [][]string{p.GoFiles, p.CgoFiles, p.IgnoredGoFiles} {
			for _, name := range list {
				if strings.HasSuffix(name, "_test.go") || !strings.HasSuffix(name, ".go") {
					continue
				}
				files = append(files, filepath.Join(p.Dir, name))
			}
		}
	}
	slices.Sort(files)
	return files, nil
}

// longFuncs parses one file and returns its functions over limit lines;
// a generated file has none.
func longFuncs(root, path string, limit int) ([]funcLen, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if ast.IsGenerated(f) {
		return nil, nil
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return nil, err
	}
	var out []funcLen
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		start, end := fset.Position(fn.Pos()).Line, fset.Position(fn.End()).Line
		if n := end - start + 1; n > limit {
			out = append(out, funcLen{file: filepath.ToSlash(rel), line: start, name: funcName(fn), lines: n})
		}
	}
	return out, nil
}

// funcName is Func, or Type.Method for a method.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	t := fn.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr: // generic receiver T[P]
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.Ident:
			return x.Name + "." + fn.Name.Name
		}
		return fn.Name.Name
	}
}
