package matcher

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Chinese shop and brand names end in a handful of characters: 轩, 堂, 坊,
// 阁, 斋, 庄, 记, 号, 铺, 居, 苑, 园, 屋, 馆, 舍, 行 (同仁堂, 稻香村, 张小泉记,
// 翠华轩). A tea house that calls itself "<brand>轩" and writes it apart from
// what it sells ("<brand>轩 菊花枸杞茶 20袋") names itself, not the
// catalogue's brand. Written straight on into other characters the
// character may be a word of the listing ("<brand>行货", genuine channel
// goods), so only the name standing on its own, in the title or the
// description, counts; once one does, every "<brand>轩" of the listing is
// that name ("<brand>轩茶庄出品"). 家 and 牌 are left out: "<brand>牌" is how
// Chinese writes "<brand> brand", and "<brand>家的" is "<brand>'s".

// nameSuffixes are the characters that end a Chinese shop or brand name.
const nameSuffixes = "轩堂坊阁斋庄记号铺居苑园屋馆舍行"

// suffixLookAlikes returns the names the title and description build from
// a CJK name of a catalogue brand and a name suffix, standing apart from
// the next word in the text as read (raw), with the brand each imitates:
// "翠叶轩" of "翠叶轩 菊花枸杞茶". Names the catalogue itself gives the brand
// or its products ("翠叶堂养生茶" as an alias) are not look-alikes.
func (m *Matcher) suffixLookAlikes(raw map[string]string, fields ...*text) map[string]int {
	var out map[string]int
	for _, x := range fields {
		var norm string // Normalize(raw), with the spaces compact drops
		for _, h := range x.hits {
			p := m.dict.phrases[h.phrase]
			if p.kind != kindBrand {
				continue
			}
			suffix, size := utf8.DecodeRuneInString(x.t[h.end:])
			if size == 0 || !strings.ContainsRune(nameSuffixes, suffix) || !isCJK(lastRune(x.t[h.start:h.end])) {
				continue
			}
			name := x.t[h.start : h.end+size]
			if _, seen := out[name]; seen || m.ownName(p.ref, name) {
				continue
			}
			if norm == "" {
				norm = Normalize(raw[x.field])
			}
			if standsApart(norm, name) {
				if out == nil {
					out = map[string]int{}
				}
				out[name] = p.ref
			}
		}
	}
	return out
}

// ownName reports whether name starts a name or alias of brand b or of
// one of its products.
func (m *Matcher) ownName(b int, name string) bool {
	for _, n := range m.brands[b].brand.Names() {
		if strings.HasPrefix(compact(n), name) {
			return true
		}
	}
	for _, p := range m.brands[b].products {
		for _, n := range m.products[p].names {
			if strings.HasPrefix(n, name) {
				return true
			}
		}
	}
	return false
}

// standsApart reports whether normalised text norm holds name followed by
// no CJK character: a space, punctuation, a Latin word or the end.
func standsApart(norm, name string) bool {
	for off := 0; ; {
		i := strings.Index(norm[off:], name)
		if i < 0 {
			return false
		}
		end := off + i + len(name)
		if next, _ := utf8.DecodeRuneInString(norm[end:]); end == len(norm) || !isCJK(next) {
			return true
		}
		off = end
	}
}

// lookAlikeAt reports whether the brand hit h of x is the start of one of
// the listing's look-alike names.
func (a *analysis) lookAlikeAt(x *text, h phraseHit) bool {
	if len(a.lookAlikes) == 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(x.t[h.end:])
	_, ok := a.lookAlikes[x.t[h.start:h.end+size]]
	return ok && size > 0
}

// namesSuffixLookAlike reports whether the listing names a look-alike
// built on brand b's name.
func (a *analysis) namesSuffixLookAlike(b int) bool {
	for _, ref := range a.lookAlikes {
		if ref == b {
			return true
		}
	}
	return false
}

// namesCJKLookAlike reports whether compact title t names a look-alike
// of a CJK name of brand b: a run of CJK characters opening with a word
// one character off a name ("唯叶" or "维野" for 维叶, "清波" for 清沃); or,
// anywhere in the title, a word as long as a name of three or more
// characters that is not the name but has all of it save one character,
// in order, reading characters of the same sound as equal (soundsLike).
// Look-alike brands on Taobao and Pinduoduo name themselves so: 维得力 for
// 维德丽 by sound, 清兰家 for 清岚家, 素芯维 for 素蕊维, 康维诺 for 康诺维
// with two characters swapped, 芮莎诗 for 俪芮莎 shifted by one.
func (m *Matcher) namesCJKLookAlike(t string, b int) bool {
	names := m.brands[b].cjk
	for _, r := range cjkRuns(t) {
		var own []bool // where r holds one of names, found once per run
		for _, name := range names {
			if len(r) >= len(name) && oneOff(r[:len(name)], name) {
				return true
			}
			if len(name) < minSoundAlike {
				continue
			}
			if own == nil {
				own = ownNamesIn(r, names)
			}
			if soundsLikeIn(r, name, own) {
				return true
			}
		}
	}
	return false
}

// oneOff reports whether w differs from name in exactly one character.
func oneOff(w, name []rune) bool {
	diff := 0
	for i := range name {
		if w[i] != name[i] {
			diff++
		}
	}
	return diff == 1
}

// minSoundAlike is the least length of a CJK brand name that look-alikes
// are sought for anywhere in a title: two characters sharing one with a
// two-character name are common words (清洁 beside 清岚).
const minSoundAlike = 3

// ownNamesIn marks the characters of run that are part of one of the
// brand's own names.
func ownNamesIn(run []rune, names [][]rune) []bool {
	own := make([]bool, len(run))
	for _, n := range names {
		for i := 0; i+len(n) <= len(run); i++ {
			if string(run[i:i+len(n)]) == string(n) {
				for k := i; k < i+len(n); k++ {
					own[k] = true
				}
			}
		}
	}
	return own
}

// soundsLikeIn reports whether run holds a word as long as name that
// soundsLike it, outside the places own marks as the brand's own names
// (ownNamesIn: a window across "维德丽" and the next character is no
// look-alike).
func soundsLikeIn(run, name []rune, own []bool) bool {
	for i := 0; i+len(name) <= len(run); i++ {
		w := run[i : i+len(name)]
		if string(w) == string(name) || slices.Contains(own[i:i+len(name)], true) {
			continue
		}
		if soundsLike(w, name) {
			return true
		}
	}
	return false
}

// soundsLike reports whether w keeps all of name but one character, in
// order, counting characters of the same sound as the same (sameSound):
// the longest common subsequence is at least len(name)-1. That is one
// character replaced, two neighbours swapped, or the name shifted by one
// with a character added at the other end.
func soundsLike(w, name []rune) bool {
	n := len(name)
	prev, cur := make([]int, n+1), make([]int, n+1)
	for i := range w {
		for j := range name {
			switch {
			case sameSound(w[i], name[j]):
				cur[j+1] = prev[j] + 1
			default:
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[n] >= n-1
}

// cjkRuns returns the runs of CJK characters of t, as runes.
func cjkRuns(t string) [][]rune {
	var out [][]rune
	var run []rune
	for _, r := range t {
		if isCJK(r) {
			run = append(run, r)
			continue
		}
		if len(run) > 0 {
			out, run = append(out, run), nil
		}
	}
	if len(run) > 0 {
		out = append(out, run)
	}
	return out
}
