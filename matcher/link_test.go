package matcher

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func linkRecords() []Record {
	usd := func(f float64) shadowscan.Amount { return shadowscan.AmountFromFloat(f) }
	return []Record{
		{ID: "prot-500", Name: "Aurora Plant Protein Powder 500g", Aliases: []string{"奥罗拉植物蛋白粉"}, Price: usd(298)},
		{ID: "prot-1k", Name: "Aurora Plant Protein Powder 1kg", Price: usd(528)},
		{ID: "vitc", Name: "Aurora Vitamin C Tablets 60 tablets", Price: usd(128)},
		{ID: "sony-w120", Name: "sony cyber-shot digital camera dscw120p pink", Price: usd(149)},
		{ID: "sony-w130", Name: "sony cyber-shot digital camera dsc-w130 black", Price: usd(169)},
		{ID: "hp-8563", Name: "hp c8563a drum unit", Price: usd(80)},
		{ID: "lenovo-pack", Name: "lenovo performance backpack 41u5254"},
		{ID: "canon-sx130", Name: "canon powershot sx130is digital camera"},
	}
}

func mustLinker(tb testing.TB, recs []Record) *Linker {
	tb.Helper()
	l, err := NewLinker(recs)
	if err != nil {
		tb.Fatal(err)
	}
	return l
}

func TestLinkerLink(t *testing.T) {
	l := mustLinker(t, linkRecords())
	tests := []struct {
		name      string
		text      string
		price     float64
		wantFirst string  // "" when nothing should link
		minCov    float64 // of the first candidate
		maxCov    float64 // of the first candidate; 0 for no bound
		absent    []string
		check     func(t *testing.T, c Candidate)
	}{
		{name: "exact name links with full coverage", text: "Aurora Plant Protein Powder 500g", wantFirst: "prot-500", minCov: 1},
		{name: "extra listing words keep coverage but lower overlap", text: "hot sale aurora plant protein powder 500 g sealed box", wantFirst: "prot-500", minCov: 1,
			check: func(t *testing.T, c Candidate) {
				if c.Overlap >= 0.9 || c.Overlap <= 0 {
					t.Errorf("overlap %.2f, want between 0 and 0.9 for a text with extra words", c.Overlap)
				}
				if c.SizesAgree != 1 {
					t.Errorf("sizes agree in %d dimensions, want 1", c.SizesAgree)
				}
			}},
		{name: "size picks the SKU and rules out the other", text: "aurora plant protein powder 1000 g", wantFirst: "prot-1k", minCov: 1, absent: []string{"prot-500"}},
		{name: "no brand needed", text: "plant protein powder 500g", wantFirst: "prot-500", minCov: 0.5, maxCov: 0.99},
		{name: "typo in a long word", text: "aurora plant protien powder 500g", wantFirst: "prot-500", minCov: 0.9, maxCov: 0.99},
		{name: "chinese alias without spaces", text: "奥罗拉 植物蛋白粉 正品", wantFirst: "prot-500", minCov: 1},
		{name: "count size", text: "aurora vitamin c tablets 60 tabs", wantFirst: "vitc", minCov: 1},
		{name: "model code written apart links the joined code", text: "Sony DSC-W120P 7.2MP camera", wantFirst: "sony-w120",
			check: func(t *testing.T, c Candidate) {
				if c.Codes == 0 {
					t.Errorf("codes %d, want the code dscw120p counted", c.Codes)
				}
			}},
		{name: "joined code links the record written apart", text: "sony dscw130 camera black", wantFirst: "sony-w130",
			check: func(t *testing.T, c Candidate) {
				if c.Codes == 0 || c.CodeClash {
					t.Errorf("codes %d clash %v, want the code counted and no clash", c.Codes, c.CodeClash)
				}
			}},
		{name: "compound written apart", text: "lenovo performance back pack", wantFirst: "lenovo-pack", minCov: 0.5},
		{name: "code of the same family clashes", text: "hp c8560a drum unit", wantFirst: "hp-8563",
			check: func(t *testing.T, c Candidate) {
				if !c.CodeClash || c.Codes != 0 {
					t.Errorf("clash %v codes %d, want a clash between c8560a and c8563a", c.CodeClash, c.Codes)
				}
			}},
		{name: "code extended by a suffix does not clash", text: "canon powershot sx130 12mp", wantFirst: "canon-sx130",
			check: func(t *testing.T, c Candidate) {
				if c.CodeClash {
					t.Error("sx130 and sx130is clash, want no clash")
				}
			}},
		{name: "price ratio", text: "aurora plant protein powder 500g", price: 149, wantFirst: "prot-500",
			check: func(t *testing.T, c Candidate) {
				if math.Abs(c.PriceRatio-2) > 1e-9 {
					t.Errorf("price ratio %.3f, want 2", c.PriceRatio)
				}
			}},
		{name: "unrelated text links nothing", text: "garden hose reel"},
		{name: "empty text links nothing", text: "  -- "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := l.Link(tc.text, shadowscan.AmountFromFloat(tc.price), 0)
			if tc.wantFirst == "" {
				if len(got) > 0 {
					t.Fatalf("linked %+v, want nothing", got)
				}
				return
			}
			if len(got) == 0 || got[0].ID != tc.wantFirst {
				t.Fatalf("got %+v, want %s first", got, tc.wantFirst)
			}
			c := got[0]
			if c.Coverage < tc.minCov-1e-9 || (tc.maxCov > 0 && c.Coverage > tc.maxCov) {
				t.Errorf("coverage %.3f, want in [%.2f, %.2f]", c.Coverage, tc.minCov, tc.maxCov)
			}
			for _, id := range tc.absent {
				if slices.ContainsFunc(got, func(c Candidate) bool { return c.ID == id }) {
					t.Errorf("%s linked, want it ruled out", id)
				}
			}
			for i := 1; i < len(got); i++ {
				if got[i].Coverage > got[i-1].Coverage {
					t.Errorf("candidates not sorted by coverage: %+v", got)
				}
			}
			if tc.check != nil {
				tc.check(t, c)
			}
		})
	}
}

func TestLinkerLimitAndTies(t *testing.T) {
	l := mustLinker(t, []Record{
		{ID: "a", Name: "red widget"},
		{ID: "b", Name: "red widget"},
		{ID: "c", Name: "red gadget"},
	})
	all := l.Link("red widget", 0, 0)
	if len(all) != 3 {
		t.Fatalf("got %d candidates, want 3: %+v", len(all), all)
	}
	if all[0].ID != "a" || all[1].ID != "b" || all[2].ID != "c" {
		t.Errorf("order %s %s %s, want a b (tied, record order) then c", all[0].ID, all[1].ID, all[2].ID)
	}
	if got := l.Link("red widget", 0, 1); len(got) != 1 || got[0].ID != "a" {
		t.Errorf("limit 1 gave %+v, want only a", got)
	}
	if l.Len() != 3 {
		t.Errorf("Len %d, want 3", l.Len())
	}
	// The top-k path must give the head of the full ranking.
	big := mustLinker(t, linkRecords())
	for _, text := range []string{"aurora plant protein powder", "sony digital camera black", "camera", "hp drum"} {
		all := big.Link(text, 0, 0)
		for k := 1; k <= len(all); k++ {
			if got := big.Link(text, 0, k); !slices.Equal(got, all[:k]) {
				t.Errorf("%q limit %d: %+v, want %+v", text, k, got, all[:k])
			}
		}
	}
}

func TestNewLinkerErrors(t *testing.T) {
	tests := []struct {
		name  string
		recs  []Record
		field string
	}{
		{name: "empty id", recs: []Record{{ID: "", Name: "x"}}, field: "records[0].id"},
		{name: "repeated id", recs: []Record{{ID: "a", Name: "x"}, {ID: "a", Name: "y"}}, field: "records[1].id"},
		{name: "name without letters or digits", recs: []Record{{ID: "a", Name: "x"}, {ID: "b", Name: " -- "}}, field: "records[1].name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewLinker(tc.recs)
			var fe *shadowscan.FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field {
				t.Fatalf("error %v, want a field error on %s", err, tc.field)
			}
			if shadowscan.ErrorCode(err) != shadowscan.EINVALID {
				t.Errorf("code %q, want %q", shadowscan.ErrorCode(err), shadowscan.EINVALID)
			}
		})
	}
}

func TestLinkTermsJoinsCodes(t *testing.T) {
	tests := []struct {
		text       string
		wantJoined []string // nil: no code joined
		inWindows  []string
	}{
		{text: "sony dsc w120p pink", wantJoined: []string{"sony", "dscw120p", "pink"}, inWindows: []string{"dscw120p", "sonydsc"}},
		{text: "p sdhc4g4 ef navy", wantJoined: []string{"psdhc4g4ef", "navy"}, inWindows: []string{"psdhc4g4", "sdhc4g4ef"}},
		{text: "lenovo back pack", inWindows: []string{"backpack"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ct := compact(tc.text)
			_, joined, windows := linkTerms(ct, parseSizes(ct))
			if !slices.Equal(joined, tc.wantJoined) {
				t.Errorf("joined %q, want %q", joined, tc.wantJoined)
			}
			for _, w := range tc.inWindows {
				if !slices.Contains(windows, w) {
					t.Errorf("windows %q lack %q", windows, w)
				}
			}
		})
	}
}

func FuzzLink(f *testing.F) {
	l := mustLinker(f, linkRecords())
	for _, s := range []string{"Aurora Plant Protein Powder 500g", "sony dsc-w120p", "奥罗拉植物蛋白粉 1kg", "hp c8560a", "", "0.5.5kg 60粒装"} {
		f.Add(s, int64(1000))
	}
	f.Fuzz(func(t *testing.T, text string, price int64) {
		got := l.Link(text, shadowscan.Amount(price), 0)
		for i, c := range got {
			if c.Coverage < 0 || c.Coverage > 1 || c.Overlap < 0 || c.Overlap > 1 || math.IsNaN(c.Coverage) || math.IsNaN(c.Overlap) {
				t.Fatalf("candidate %+v out of range", c)
			}
			if i > 0 && c.Coverage > got[i-1].Coverage {
				t.Fatalf("not sorted: %+v", got)
			}
		}
	})
}

func BenchmarkLink(b *testing.B) {
	var recs []Record
	for i := range 2000 {
		recs = append(recs, Record{ID: itoa(i), Name: "brand" + itoa(i%50) + " widget model x" + itoa(i) + " black " + itoa(i%7) + "gb"})
	}
	l := mustLinker(b, recs)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		l.Link("brand3 widget model x153 black edition", 0, 10)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "links/s")
}
