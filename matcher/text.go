package matcher

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Normalize returns s in the form every comparison in the matcher uses:
// NFKC, full-width folded to half-width, lower case, every character that
// is not a letter, digit or mark turned into a space (a '.' between two
// digits is kept, so "0.5kg" keeps its number), runs of spaces collapsed and
// the ends trimmed. Traditional Chinese characters are folded to simplified
// ones ("維他力魚油" reads "维他力鱼油"), so shops in Hong Kong and Taiwan
// match the catalogue's names and the rule words. Invalid UTF-8 becomes a
// space. Normalize is idempotent.
func Normalize(s string) string {
	out := normalizeOnce(s)
	// Lower-casing can, for a handful of characters, produce text that is
	// not NFKC; further passes settle it (the fuzz target checks).
	for i := 0; i < 3 && !plainText(out) && !norm.NFKC.IsNormalString(out); i++ {
		out = normalizeOnce(out)
	}
	return out
}

// plainText reports whether s holds only ASCII and CJK Unified Ideographs
// (U+4E00-U+9FFF), which have no decompositions: such text is NFKC as it
// stands, and the check skips the normalisation tables.
func plainText(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (r < 0x4E00 || r > 0x9FFF) {
			return false
		}
	}
	return true
}

func normalizeOnce(s string) string {
	if s == "" {
		return ""
	}
	s = foldWidth(s)
	var b strings.Builder
	b.Grow(len(s))
	space := true // suppress leading spaces
	prev := rune(-1)
	for i, r := range s {
		// A mark belongs to the letter before it; one after an emoji
		// or a space (the variation selector of "⚡️", the keycap of
		// "1️⃣") is no part of a word, and variation selectors change
		// no meaning anywhere.
		mark := unicode.IsMark(r) && !space && !isVariationSelector(r)
		keep := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || mark)
		if r == '.' && prev >= 0 && unicode.IsDigit(prev) {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			keep = next != utf8.RuneError && unicode.IsDigit(next)
		}
		prev = r
		if !keep {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if r >= 0x3400 && hasT2S(r) {
			if s, ok := t2s[r]; ok {
				r = s
			}
		}
		b.WriteRune(unicode.ToLower(r))
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}

// isVariationSelector reports whether r selects a glyph variant (the
// emoji and text presentation selectors, the ideographic variation
// selectors).
func isVariationSelector(r rune) bool {
	return r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF
}

// t2s maps traditional Chinese characters to simplified ones, from the
// generated table t2sPairs (OpenCC TSCharacters.txt; see gen_t2s.go).
// Folding is by character: OpenCC's phrase tables matter for display, not
// for finding the same words on both sides of a comparison.
var t2s = func() map[rune]rune {
	m := make(map[rune]rune, 4200)
	var prev rune = -1
	for _, r := range t2sPairs {
		if prev < 0 {
			prev = r
			continue
		}
		m[prev] = r
		prev = -1
	}
	return m
}()

// t2sBMP has a bit set for every key of t2s below U+10000: most Han text
// is simplified already, and a bit test costs far less than a map lookup.
var t2sBMP = func() *[1 << 16 / 64]uint64 {
	var b [1 << 16 / 64]uint64
	for r := range t2s {
		if r < 1<<16 {
			b[r/64] |= 1 << (r % 64)
		}
	}
	return &b
}()

// hasT2S reports whether r may be a key of t2s: exactly for the Basic
// Multilingual Plane, always beyond it.
func hasT2S(r rune) bool {
	if r >= 1<<16 {
		return true
	}
	return t2sBMP[r/64]&(1<<(r%64)) != 0
}

//go:generate go run gen_t2s.go $GOMODCACHE/github.com/longbridgeapp/opencc@v0.3.13/dictionary/TSCharacters.txt

// foldWidth applies NFKC and width folding, skipping the (allocating)
// transforms for the common text that needs neither.
func foldWidth(s string) string {
	// ASCII and the CJK Unified Ideographs are NFKC as they stand and
	// have no width variants: titles made of them skip the transforms.
	stable, wide := true, false
	for _, r := range s {
		if r >= utf8.RuneSelf && (r < 0x4E00 || r > 0x9FFF) {
			stable = false
			if r == 0x3000 || (r >= 0xFF00 && r <= 0xFFEF) {
				wide = true
				break
			}
		}
	}
	if stable {
		return s
	}
	if !norm.NFKC.IsNormalString(s) {
		s = norm.NFKC.String(s)
	}
	if wide {
		// NFKC already narrows the Halfwidth and Fullwidth Forms; Fold
		// is kept for what it maps beyond them.
		s = width.Fold.String(s)
	}
	return s
}

// isCJK reports whether r belongs to a script written without spaces
// between words (Han, kana, Hangul): such text is cut into character
// bigrams.
func isCJK(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return true // CJK Unified Ideographs: all Han
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) || r == 'ー'
}

// isWordRune reports whether r is part of a Latin/digit word in normalised
// text (every kept '.' sits between digits).
func isWordRune(r rune) bool {
	return r != ' ' && !isCJK(r)
}

// compact normalises s and removes the spaces next to CJK characters, so
// "奥罗拉 蛋白粉", "奥罗拉蛋白粉" and "奥 罗 拉蛋白粉" read the same and a
// Latin word next to CJK ("a货", "a 货") does too. Spaces between Latin
// words stay.
func compact(s string) string {
	n := Normalize(s)
	if !strings.Contains(n, " ") {
		return n
	}
	var b strings.Builder
	b.Grow(len(n))
	var prev rune = -1
	for i, r := range n {
		if r == ' ' {
			next, _ := utf8.DecodeRuneInString(n[i+1:])
			if (prev >= 0 && isCJK(prev)) || isCJK(next) {
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// token is one word or CJK unit of a compact text, by byte offsets.
type token struct {
	start, end int
}

// wordStarts returns the phrase anchors of compact text t: the span of every
// Latin/digit word and of every single CJK character.
func wordStarts(t string) []token {
	toks := make([]token, 0, len(t)/3+1)
	start := -1
	for i, r := range t {
		switch {
		case r == ' ':
			if start >= 0 {
				toks = append(toks, token{start, i})
				start = -1
			}
		case isCJK(r):
			if start >= 0 {
				toks = append(toks, token{start, i})
				start = -1
			}
			toks = append(toks, token{i, i + utf8.RuneLen(r)})
		default:
			if start < 0 {
				start = i
			}
		}
	}
	if start >= 0 {
		toks = append(toks, token{start, len(t)})
	}
	return toks
}

// indexTokens returns the index terms of compact text t with their spans:
// each Latin/digit word, and the character bigrams of each CJK run (the
// character itself for a run of one).
func indexTokens(t string) []token {
	toks := make([]token, 0, len(t)/3+1)
	var run []token // CJK characters of the current run
	flush := func() {
		switch len(run) {
		case 0:
		case 1:
			toks = append(toks, run[0])
		default:
			for k := 0; k+1 < len(run); k++ {
				toks = append(toks, token{run[k].start, run[k+1].end})
			}
		}
		run = run[:0]
	}
	start := -1
	for i, r := range t {
		switch {
		case r == ' ':
			flush()
			if start >= 0 {
				toks = append(toks, token{start, i})
				start = -1
			}
		case isCJK(r):
			if start >= 0 {
				toks = append(toks, token{start, i})
				start = -1
			}
			run = append(run, token{i, i + utf8.RuneLen(r)})
		default:
			flush()
			if start < 0 {
				start = i
			}
		}
	}
	flush()
	if start >= 0 {
		toks = append(toks, token{start, len(t)})
	}
	return toks
}

// Tokens returns the index terms of s after normalisation: Latin/digit
// words as they stand ("500g" is one word), and for text in CJK scripts
// the overlapping character bigrams of each run ("蛋白粉" gives "蛋白",
// "白粉"), or the character itself for a run of one. Spaces between CJK
// characters are ignored.
func Tokens(s string) []string {
	t := compact(s)
	toks := indexTokens(t)
	out := make([]string, len(toks))
	for i, tk := range toks {
		out[i] = t[tk.start:tk.end]
	}
	return out
}

// mask returns t with the bytes of each span replaced by spaces, keeping
// every offset valid.
func mask(t string, spans []token) string {
	if len(spans) == 0 {
		return t
	}
	b := []byte(t)
	for _, s := range spans {
		for i := s.start; i < s.end && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// truncate cuts s to at most n bytes on a rune boundary: listing text is
// hostile and may be arbitrarily long.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// isLatinWord reports whether w has no CJK character.
func isLatinWord(w string) bool {
	for _, r := range w {
		if isCJK(r) {
			return false
		}
	}
	return true
}

// minSpacedRun is the least number of single letters, one space apart,
// read as one spaced-out word.
const minSpacedRun = 4

// joinSpacedLetters joins runs of single Latin letters one space apart
// in compact text t into words: sellers space a word out ("R e p l i c a",
// "r.e.p.l.i.c.a") so that a platform's word filter misses it. Runs of
// fewer than minSpacedRun letters ("vitamin a c e") stay.
func joinSpacedLetters(t string) string {
	if len(t) < 2*minSpacedRun-1 || !strings.Contains(t, " ") {
		return t
	}
	// edge reports whether t[i] ends a word: a space, or a byte of a
	// CJK character, next to which compact drops the space.
	edge := func(i int) bool { return i < 0 || i >= len(t) || t[i] == ' ' || t[i] >= utf8.RuneSelf }
	single := func(i int) bool { // t[i] is a letter standing alone
		return t[i] >= 'a' && t[i] <= 'z' && edge(i-1) && edge(i+1)
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(t); {
		if !single(i) {
			b.WriteByte(t[i])
			i++
			continue
		}
		j := i
		for j+2 < len(t) && t[j+1] == ' ' && single(j+2) {
			j += 2
		}
		if (j-i)/2+1 < minSpacedRun {
			b.WriteString(t[i : j+1])
		} else {
			for k := i; k <= j; k += 2 {
				b.WriteByte(t[k])
			}
			changed = true
		}
		i = j + 1
	}
	if !changed {
		return t
	}
	return b.String()
}
