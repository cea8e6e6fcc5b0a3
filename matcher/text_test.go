package matcher

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"full-width Latin", "ＡＵＲＯＲＡ　蛋白粉", "aurora 蛋白粉"},
		{"full-width digits and decimal point", "０．５ｋｇ", "0.5kg"},
		{"half-width katakana", "ｱｳﾛﾗ", "アウロラ"},
		{"punctuation to spaces", "【正品】Aurora—Plant/Protein!!", "正品 aurora plant protein"},
		{"decimal point only between digits", "v1.2. end.5 3.", "v1.2 end 5 3"},
		{"collapsed and trimmed spaces", "  a \t\n b  ", "a b"},
		{"currency symbols dropped", "￥1,299.00", "1 299.00"},
		{"invalid UTF-8 becomes a space", "a\xffb", "a b"},
		{"ratio", "1:1 原单", "1 1 原单"},
		{"compatibility forms", "㍿ ①", "株式会社 1"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"Chinese without spaces gives bigrams", "奥罗拉蛋白粉", []string{"奥罗", "罗拉", "拉蛋", "蛋白", "白粉"}},
		{"spaces inside Chinese are ignored", "蛋 白 粉", []string{"蛋白", "白粉"}},
		{"one-character run is a unigram", "a货 b", []string{"a", "货", "b"}},
		{"Latin words", "Plant  Protein-Powder 500g", []string{"plant", "protein", "powder", "500g"}},
		{"mixed scripts", "Aurora蛋白粉500克", []string{"aurora", "蛋白", "白粉", "500", "克"}},
		{"kana bigrams", "プロテイン", []string{"プロ", "ロテ", "テイ", "イン"}},
		{"nothing", " !? ", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPhraseDict(t *testing.T) {
	d := newPhraseDict()
	d.add("Aurora", kindBrand, 0)
	d.add("奥罗拉", kindBrand, 0)
	d.add("1:1", kindRedFlag, -1)
	d.add("A货", kindRedFlag, -1)
	d.add("factory direct", kindRedFlag, -1)
	d.add("oem", kindRedFlag, -1)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"exact words", "Aurora protein", []string{"aurora"}},
		{"case and width", "ＡＵＲＯＲＡ", []string{"aurora"}},
		{"CJK substring", "正品奥罗拉蛋白粉", []string{"奥罗拉"}},
		{"CJK with spaces inside", "奥 罗 拉", []string{"奥罗拉"}},
		{"no prefix of a longer word", "auroras oems", nil},
		{"no suffix of a longer word", "bigaurora", nil},
		{"not fuzzy", "aurara 奥罗啦", nil},
		{"multi-word phrase", "Factory  Direct price", []string{"factory direct"}},
		{"Latin then CJK", "a货 A 货", []string{"a货", "a货"}},
		{"punctuated ratio", "1：1 复刻", []string{"1 1"}},
		{"ratio glued to digits is no hit", "11 1", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compact(tt.in)
			var got []string
			for _, h := range d.find(c, wordStarts(c)) {
				got = append(got, c[h.start:h.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("find(%q) = %q, want %q", c, got, tt.want)
			}
		})
	}
}

func TestPrecededBy(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"奥罗拉 非", true},
		{"正规直销 不是", true},
		{"this is not a ", true},
		{"this is not the", true},
		{"know ", false}, // "no" must be a whole word
		{"it isn t", true},
		{"奥罗拉", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.before, func(t *testing.T) {
			if got := precededBy(tt.before, negators); got != tt.want {
				t.Errorf("precededBy(%q) = %v, want %v", tt.before, got, tt.want)
			}
		})
	}
}

func TestParseSizes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"500g", []string{"500 g"}},
		{"500 G", []string{"500 g"}},
		{"500克", []string{"500 g"}},
		{"0.5kg", []string{"500 g"}},
		{"1公斤", []string{"1000 g"}},
		{"1 斤", []string{"500 g"}},
		{"250ml", []string{"250 ml"}},
		{"250毫升", []string{"250 ml"}},
		{"1.5L", []string{"1500 ml"}},
		{"60粒", []string{"60 pcs"}},
		{"60 tablets", []string{"60 pcs"}},
		{"60 capsules", []string{"60 pcs"}},
		{"60片", []string{"60 pcs"}},
		{"60 caps", []string{"60 pcs"}},
		{"500g 60粒", []string{"500 g", "60 pcs"}},
		{"5 gold", nil},
		{"v2g", nil},
		{"500 grams", []string{"500 g"}},
		{"10瓶 10 vials 5片装 5 sheets", []string{"10 pcs", "10 pcs", "5 pcs", "5 pcs"}},
		{"2盒", nil},
		{"60粒装", []string{"60 pcs"}},
		{"SPF50 50ml", []string{"50 ml"}},
		{"no size", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, s := range parseSizes(compact(tt.in)) {
				got = append(got, s.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("parseSizes(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSizeMatch(t *testing.T) {
	p := parseSizes(compact("500g 60粒"))
	tests := []struct {
		listing string
		ok      bool
		agree   int
	}{
		{"0.5kg", true, 1},
		{"1kg", false, 0},
		{"500克 60 capsules", true, 2},
		{"500g 120粒", false, 0},
		{"250ml", true, 0}, // the product states no volume
		{"", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.listing, func(t *testing.T) {
			ok, agree := sizeMatch(parseSizes(compact(tt.listing)), p)
			if ok != tt.ok || agree != tt.agree {
				t.Errorf("sizeMatch(%q) = %v, %d; want %v, %d", tt.listing, ok, agree, tt.ok, tt.agree)
			}
		})
	}
}

func TestWithinOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"protein", "protein", true},
		{"protien", "protein", true}, // swap
		{"protein", "protin", true},  // deletion
		{"protein", "proteins", true},
		{"protein", "prutein", true},
		{"protein", "prutien", false},
		{"protein", "proteinss", false},
		{"powder", "podwer", true},
		{"powder", "pewdor", false}, // swap of letters that are not adjacent
		{"奶粉", "奶份", true},
	}
	for _, tt := range tests {
		t.Run(tt.a+"/"+tt.b, func(t *testing.T) {
			if got := withinOneEdit(tt.a, tt.b); got != tt.want {
				t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestCorrect(t *testing.T) {
	b := newBrandIndex()
	b.addName(0, []string{"plant", "protein", "powder"})
	b.addName(1, []string{"hydrating", "cream", "creams1"})
	b.addName(2, []string{"protean"})
	b.finish()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"powdr", "powder", true},
		{"hidrateng", "", false}, // two edits
		{"hydratng", "hydrating", true},
		{"plont", "", false}, // "plant" is too short to correct
		{"proteen", "", false},
		{"proteim", "protein", true},
		{"protexn", "", false}, // protein and protean: do not guess
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := b.correct(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("correct(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"ＡＵＲＯＲＡ　蛋白粉", "１．５ｋｇ", "a\xffb", "İstanbul ǅ ⑴", "1..2.3", "ｱｳﾛﾗ", "e\u0301!\u0301", "ß ﬁ ㎏"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("Normalize not idempotent: %q -> %q -> %q", s, n, n2)
		}
		if !utf8.ValidString(n) || strings.Contains(n, "  ") || strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") {
			t.Fatalf("Normalize(%q) = %q: invalid, or spaces not collapsed", s, n)
		}
		c := compact(s)
		if c2 := compact(c); c2 != c {
			t.Fatalf("compact not idempotent: %q -> %q -> %q", s, c, c2)
		}
	})
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"奥罗拉蛋白粉 500g", "a货", "蛋 白", "プロテイン x", "\x00\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokens(s) {
			if tok == "" || strings.Contains(tok, " ") || !utf8.ValidString(tok) {
				t.Fatalf("Tokens(%q) has bad token %q", s, tok)
			}
			if n := utf8.RuneCountInString(tok); isCJK(firstRune(tok)) && n > 2 {
				t.Fatalf("Tokens(%q): CJK token %q longer than a bigram", s, tok)
			}
		}
		c := compact(s)
		for _, sz := range parseSizes(c) {
			if sz.start < 0 || sz.end > len(c) || sz.value <= 0 {
				t.Fatalf("parseSizes(%q) gave %+v", c, sz)
			}
		}
	})
}

// TestFastPathsAgree checks the shortcuts of isCJK and plainText against
// the Unicode tables they stand in for.
func TestFastPathsAgree(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.Is(unicode.Han, r) {
			t.Fatalf("U+%04X is not Han, but isCJK takes the block as Han", r)
		}
		if s := string(r) + "a1"; !norm.NFKC.IsNormalString(s) {
			t.Fatalf("%q is not NFKC, but plainText says it is", s)
		}
	}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if s := "x" + string(r); !norm.NFKC.IsNormalString(s) {
			t.Fatalf("%q is not NFKC, but plainText says it is", s)
		}
	}
	for r := range t2s {
		if !hasT2S(r) {
			t.Fatalf("hasT2S(U+%04X) = false for a key of t2s", r)
		}
	}
	if hasT2S('蛋') {
		t.Error("hasT2S is set for a simplified character with no mapping")
	}
	if plainText("ｆｕｌｌ") {
		t.Error("plainText accepts full-width letters")
	}
}

// TestSignalPhrasesAsWordSets checks that counterfeit and code-removal
// phrases of a few Latin words match in any order with one word between,
// and that phrases whose order carries meaning do not.
func TestSignalPhrasesAsWordSets(t *testing.T) {
	m := MustMatcher(t)
	tests := []struct {
		title string
		codes bool
		flags bool
	}{
		{"Aurora Vitamin C 60 tablets scratched code", true, false},
		{"Aurora Vitamin C 60 tablets code scratched", true, false},
		{"Aurora Vitamin C 60 tablets code is scratched", true, false},
		{"Aurora Vitamin C 60 tablets removed code", true, false},
		{"Aurora Vitamin C 60 tablets code was fully removed", true, false}, // a code noun and a removal verb (codes.go)
		{"Aurora Vitamin C 60 tablets code 2026 sealed, nothing removed", false, false},
		{"Aurora Vitamin C 60 tablets code not scratched", false, false}, // "not" between is a third word... and a negator
		{"Aurora Vitamin C 60 tablets direct from factory", false, true},
		{"Aurora Vitamin C 60 tablets, not scratched code", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			v := m.Match(listing(tt.title, 120, "shop-9"))
			var codes, flags bool
			for _, r := range v.Reasons {
				codes = codes || strings.Contains(r.Detail, "(codes removed)")
				flags = flags || strings.Contains(r.Detail, "counterfeit word")
			}
			if codes != tt.codes || flags != tt.flags {
				t.Errorf("code words %v (want %v), counterfeit words %v (want %v): %+v", codes, tt.codes, flags, tt.flags, v.Reasons)
			}
		})
	}
}
