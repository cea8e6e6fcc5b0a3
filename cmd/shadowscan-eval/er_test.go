package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

var erFull = flag.Bool("er.full", false, "TestERFigures: run the whole product-linking evaluation on the benchmarks")

// erHeader is the Abt-Buy column layout.
const erHeader = "pair_id\tlabel\tleft_text\tright_text\tleft_name\tleft_description\tleft_price\tright_name\tright_description\tright_price"

// tinyPair is one hand-made pair: left and right name, description, price.
type tinyPair struct {
	label       int
	left, right [3]string
}

// tinyPairs have known answers: three matches worded differently, one
// match that shares no word (the Linker cannot find it), and four
// non-matches.
var tinyPairs = []tinyPair{
	{1, [3]string{"acme rocket skates rs100", "fast skates", "99.00"}, [3]string{"rocket skates by acme rs-100", "", "95.00"}},
	{1, [3]string{"acme anvil deluxe ad200", "", "45.00"}, [3]string{"acme deluxe anvil ad200 black", "heavy", ""}},
	{1, [3]string{"globex laser pointer lp5", "", ""}, [3]string{"globex lp5 laser pointer", "", ""}},
	{1, [3]string{"umbrella vaccine kit", "", ""}, [3]string{"biohazard field set", "", ""}},
	{0, [3]string{"acme rocket skates rs100", "fast skates", "99.00"}, [3]string{"acme deluxe anvil ad200 black", "heavy", ""}},
	{0, [3]string{"acme anvil deluxe ad200", "", "45.00"}, [3]string{"globex lp5 laser pointer", "", ""}},
	{0, [3]string{"globex laser pointer lp5", "", ""}, [3]string{"initech red stapler st9", "", ""}},
	{0, [3]string{"initech stapler red st9", "", ""}, [3]string{"rocket skates by acme rs-100", "", "95.00"}},
}

func serialize(r [3]string) string {
	return fmt.Sprintf("COL name VAL %s COL description VAL %s COL price VAL %s", r[0], r[1], r[2])
}

// mustWriteTSV writes pairs in the benchmark format to path.
func mustWriteTSV(tb testing.TB, path string, pairs []tinyPair) {
	tb.Helper()
	var b strings.Builder
	b.WriteString(erHeader + "\n")
	for i, p := range pairs {
		fmt.Fprintf(&b, "%d\t%d\t%s\t%s\t%s\t%s\n", i, p.label, serialize(p.left), serialize(p.right),
			strings.Join(p.left[:], "\t"), strings.Join(p.right[:], "\t"))
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
}

var tinyDataset = erDataset{name: "Tiny", dir: "Tiny", nameAttr: []string{"name"}, textAttr: []string{"description"}, price: "price"}

func TestEvaluateERKnownAnswers(t *testing.T) {
	root := t.TempDir()
	mustWriteTSV(t, filepath.Join(root, "Tiny", "valid.tsv"), tinyPairs)
	mustWriteTSV(t, filepath.Join(root, "Tiny", "test.tsv"), tinyPairs)
	r, err := evaluateER(context.Background(), root, tinyDataset)
	if err != nil {
		t.Fatal(err)
	}
	if r.skipped != "" {
		t.Fatalf("skipped: %s", r.skipped)
	}
	if r.test.tp != 3 || r.test.fp != 0 || r.test.fn != 1 || r.pairs != 8 || r.pos != 4 {
		t.Fatalf("test tp=%d fp=%d fn=%d pairs=%d pos=%d, want 3 0 1 8 4 (knobs %s)", r.test.tp, r.test.fp, r.test.fn, r.pairs, r.pos, r.knobs)
	}
	if p, rc, f := r.test.precision(), r.test.recall(), r.test.f1(); p != 1 || rc != 0.75 || math.Abs(f-6.0/7) > 1e-12 {
		t.Errorf("precision %.3f recall %.3f F1 %.4f, want 1, 0.75, 0.8571", p, rc, f)
	}
	if r.valid != r.test {
		t.Errorf("valid counts %+v differ from test %+v on the same pairs", r.valid, r.test)
	}
}

func TestEvaluateERSkipsMissingSplit(t *testing.T) {
	root := t.TempDir()
	mustWriteTSV(t, filepath.Join(root, "Tiny", "test.tsv"), tinyPairs)
	r, err := evaluateER(context.Background(), root, tinyDataset)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.skipped, "valid.tsv is missing") {
		t.Errorf("skipped %q, want it to name the missing valid.tsv", r.skipped)
	}
}

func TestRunERPrintsBesidePublished(t *testing.T) {
	root := t.TempDir()
	mustWriteTSV(t, filepath.Join(root, "Abt-Buy", "valid.tsv"), tinyPairs)
	mustWriteTSV(t, filepath.Join(root, "Abt-Buy", "test.tsv"), tinyPairs)
	var b strings.Builder
	if err := runER(context.Background(), &b, root); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	var row []string
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) > 0 && f[0] == "Abt-Buy" {
			row = f
			break
		}
	}
	// dataset pairs pos TP FP FN precision recall F1 validF1 Magellan (M) DeepMatcher Ditto
	want := []string{"Abt-Buy", "8", "4", "3", "0", "1", "1.000", "0.750", "85.7", "85.7", "43.6", "(M)", "62.8", "89.3"}
	if strings.Join(row, " ") != strings.Join(want, " ") {
		t.Errorf("row %q, want %q\n%s", row, want, out)
	}
	for _, s := range []string{"Amazon-Google: skipped", "Walmart-Amazon-dirty: skipped", "(M) = recalled from the paper, not verified"} {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
}

func TestRunERWithoutData(t *testing.T) {
	t.Chdir(t.TempDir())
	t.Setenv("SHADOWSCAN_REF", "")
	if _, ok := findERData(); ok {
		t.Skip("benchmarks found above the temporary directory")
	}
	var b strings.Builder
	if err := runER(context.Background(), &b, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "product linking: skipped") {
		t.Errorf("output %q, want a skip message", b.String())
	}
}

func TestFindERDataFromEnv(t *testing.T) {
	ref := t.TempDir()
	if err := os.Mkdir(filepath.Join(ref, "er_benchmarks"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("SHADOWSCAN_REF", ref)
	dir, ok := findERData()
	if !ok || dir != filepath.Join(ref, "er_benchmarks") {
		t.Errorf("found %q %v, want %s", dir, ok, filepath.Join(ref, "er_benchmarks"))
	}
}

func TestParseERPairs(t *testing.T) {
	good := erHeader + "\n0\t1\tL\tR\tsony tv\t\t10.0\tsony television\tbig\t\n"
	tests := []struct {
		name      string
		in        string
		wantPairs int
		line      int    // of the error; 0 for none
		field     string // of the error
	}{
		{name: "good file", in: good, wantPairs: 1},
		{name: "empty file", in: "", line: 1, field: "header"},
		{name: "header without label", in: "pair_id\tleft_text\tright_text\n", line: 1, field: "header"},
		{name: "bad label", in: erHeader + "\n0\tyes\tL\tR\ta\t\t\tb\t\t\n", line: 2, field: "label"},
		{name: "short line", in: erHeader + "\n0\t1\tL\tR\ta\n", line: 2},
		{name: "blank lines skipped", in: good + "\n\n", wantPairs: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pairs, err := parseERPairs(strings.NewReader(tc.in), "x.tsv")
			if tc.line == 0 {
				if err != nil || len(pairs) != tc.wantPairs {
					t.Fatalf("got %d pairs, %v; want %d pairs", len(pairs), err, tc.wantPairs)
				}
				return
			}
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) || fe.File != "x.tsv" || fe.Line != tc.line || fe.Field != tc.field {
				t.Fatalf("error %v, want x.tsv line %d field %q", err, tc.line, tc.field)
			}
		})
	}
	pairs, _ := parseERPairs(strings.NewReader(good), "x.tsv")
	p := pairs[0]
	if !p.label || p.left.key != "L" || p.left.attrs["name"] != "sony tv" || p.left.attrs["price"] != "10.0" || p.right.attrs["description"] != "big" {
		t.Errorf("parsed %+v", p)
	}
}

func TestERKnobsCountAndSweep(t *testing.T) {
	pairs := []erPair{{label: true}, {label: true}, {label: false}, {label: false}, {label: true}}
	feats := []erFeatures{
		{covLR: 0.9, covRL: 0.8, linkedLR: true, linkedRL: true, bestLR: true, bestRL: true},
		{covLR: 0.7, covRL: 0.9, linkedLR: true, linkedRL: true, bestLR: true},
		{covLR: 0.8, covRL: 0.6, linkedLR: true, linkedRL: true, bestLR: false, bestRL: false},
		{covLR: 0.95, covRL: 0.9, linkedLR: true, linkedRL: true, bestLR: true, bestRL: true, clash: true},
		{covLR: 0.3, covRL: 0.2, linkedLR: true, code: true},
	}
	tests := []struct {
		name string
		k    erKnobs
		want counts
	}{
		{name: "min at 0.65", k: erKnobs{combine: combineMin, threshold: 0.65}, want: counts{tp: 2, fp: 1, fn: 1}},
		{name: "max at 0.85 with veto", k: erKnobs{combine: combineMax, codes: codesVeto, threshold: 0.85}, want: counts{tp: 2, fn: 1}},
		{name: "best link both ways", k: erKnobs{combine: combineMean, best: bestBoth, threshold: 0.5}, want: counts{tp: 1, fp: 1, fn: 2}},
		{name: "shared code threshold", k: erKnobs{combine: combineLR, codes: codesDecide, codeThreshold: 0.25, threshold: 0.75}, want: counts{tp: 2, fp: 1, fn: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.k.count(pairs, feats); got != tc.want {
				t.Errorf("counts %+v, want %+v", got, tc.want)
			}
		})
	}
	// Sweeping max with the veto over 0.9 (match), 0.9 (match), 0.8, 0.3
	// (match): F1 is 0.8 at 0.9, 0.67 at 0.8 and 0.86 at 0.3, so the cut
	// goes halfway under 0.3.
	k := erKnobs{combine: combineMax, codes: codesVeto}
	th, c := sweepThreshold(pairs, feats, k)
	if c != (counts{tp: 3, fp: 1}) || th != 0.15 {
		t.Errorf("sweep gave %.3f %+v, want 0.15 and tp 3 fp 1", th, c)
	}
	k.threshold = th
	if got := k.count(pairs, feats); got != c {
		t.Errorf("the swept threshold counts %+v, the sweep said %+v", got, c)
	}
	// Under the rule "both ways" only pairs 0 and 3 (vetoed) may match.
	k = erKnobs{combine: combineMax, codes: codesVeto, best: bestBoth}
	if th, c := sweepThreshold(pairs, feats, k); c != (counts{tp: 1, fn: 2}) || th != 0.45 {
		t.Errorf("sweep gave %.3f %+v, want 0.45 and tp 1 fn 2", th, c)
	}
}

func TestDirtyRecord(t *testing.T) {
	r := erRecord{key: "k1", attrs: map[string]string{"title": "sony tv", "brand": "sony", "modelno": "kdl40", "price": "", "category": "tvs"}}
	a, b := dirtyRecord(r, "title"), dirtyRecord(r, "title")
	if fmt.Sprint(a.attrs) != fmt.Sprint(b.attrs) {
		t.Fatalf("dirtying is not deterministic: %v and %v", a.attrs, b.attrs)
	}
	moved := 0
	for _, k := range []string{"brand", "modelno", "category"} {
		switch a.attrs[k] {
		case r.attrs[k]:
		case "":
			moved++
			if !strings.Contains(a.attrs["title"], r.attrs[k]) {
				t.Errorf("%s emptied but %q not in title %q", k, r.attrs[k], a.attrs["title"])
			}
		default:
			t.Errorf("%s changed to %q", k, a.attrs[k])
		}
	}
	if !strings.HasPrefix(a.attrs["title"], "sony tv") || (moved == 0) != (a.attrs["title"] == "sony tv") {
		t.Errorf("title %q after moving %d values", a.attrs["title"], moved)
	}
	if r.attrs["brand"] != "sony" {
		t.Error("dirtyRecord changed its argument")
	}
}

// TestERBenchmarkSlice runs the evaluation on the first pairs of the real
// Walmart-Amazon splits: linking must work on real data, not only on
// hand-made pairs.
func TestERBenchmarkSlice(t *testing.T) {
	dir, ok := findERData()
	if !ok {
		t.Skip("no " + erRefDir + " beside or above the working directory")
	}
	root := t.TempDir()
	for _, split := range []string{"valid.tsv", "test.tsv"} {
		in, err := os.ReadFile(filepath.Join(dir, "Walmart-Amazon", split))
		if errors.Is(err, os.ErrNotExist) {
			t.Skip("Walmart-Amazon is missing")
		}
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitAfter(string(in), "\n")
		out := filepath.Join(root, "Walmart-Amazon", split)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(out, []byte(strings.Join(lines[:min(len(lines), 601)], "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := evaluateER(context.Background(), root, erDatasets[2])
	if err != nil {
		t.Fatal(err)
	}
	if r.pairs != 600 || r.pos == 0 {
		t.Fatalf("read %d pairs with %d positives, want 600 with some", r.pairs, r.pos)
	}
	// A title matcher with a threshold gets about 0.42 here (README).
	if f := r.test.f1(); f < 0.55 {
		t.Errorf("F1 %.3f on the slice (tp %d fp %d fn %d, knobs %s), want at least 0.55", f, r.test.tp, r.test.fp, r.test.fn, r.knobs)
	}
	t.Logf("slice: F1 %.3f, valid F1 %.3f, knobs %s", r.test.f1(), r.valid.f1(), r.knobs)
}

// TestERFigures runs the whole evaluation and prints the figures:
//
//	go test -run TestERFigures -v ./cmd/shadowscan-eval -args -er.full
func TestERFigures(t *testing.T) {
	if !*erFull {
		t.Skip("pass -er.full to run the whole evaluation")
	}
	dir, ok := findERData()
	if !ok {
		t.Skip("no " + erRefDir + " beside or above the working directory")
	}
	var b strings.Builder
	if err := runER(context.Background(), &b, dir); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
}
