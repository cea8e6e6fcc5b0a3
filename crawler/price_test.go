package crawler

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestParsePrice runs the committed table in testdata/prices.tsv, so the
// parser is covered without the reference corpus.
func TestParsePrice(t *testing.T) {
	f, err := os.Open("testdata/prices.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n, line := 0, 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 4 {
			t.Fatalf("testdata/prices.tsv:%d: %d columns, want 4", line, len(cols))
		}
		in := cols[0]
		want, err := shadowscan.ParseAmount(cols[1])
		if err != nil {
			t.Fatalf("testdata/prices.tsv:%d: %v", line, err)
		}
		wantCur, wantOK := cols[2], cols[3] == "true"
		n++
		t.Run(in, func(t *testing.T) {
			got, cur, ok := ParsePrice(in)
			if ok != wantOK || cur != wantCur || (ok && got != want) {
				t.Errorf("ParsePrice(%q) = %v, %q, %v; want %v, %q, %v", in, got, cur, ok, want, wantCur, wantOK)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("only %d cases in testdata/prices.tsv", n)
	}
}

func FuzzParsePrice(f *testing.F) {
	for _, s := range []string{"¥1,299.00", "￥88-128", "1.299,00 €", "1299元", "RMB 298", "１２９９", "US $12.50",
		"面议", "", "35€ 99", "$..75,333", "50%", "€1'049,95", "99999999999999999999.999"} {
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, s, hint string) {
		a, _, ok := ParsePrice(s)
		if ok && a < 0 {
			t.Fatalf("ParsePrice(%q) = %v, negative", s, a)
		}
		if !ok && a != 0 {
			t.Fatalf("ParsePrice(%q) = %v with ok=false", s, a)
		}
		for _, sep := range []rune{0, '.', ',', '€'} {
			p := parsePrice(s, hint, sep)
			if p.ok && p.amount < 0 {
				t.Fatalf("parsePrice(%q, %q, %q) = %v, negative", s, hint, sep, p.amount)
			}
		}
	})
}
