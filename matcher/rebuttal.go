package matcher

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A defamation phrase is an attack only when the listing asserts it.
// Rebuttals quote the rumour to deny it: "辟谣：<brand>不含激素",
// "网传<brand>含激素不实", "<brand>是传销吗？…直销不等于传销", "Is <brand> a
// steroid cream? Lab results say no". What they share is a claim that is
// negated, said to be untrue right after it is stated, or asked as a
// question the listing answers no; or a listing that says it refutes a
// rumour (辟谣, 澄清, "myth"). An exposé asks too ("<brand>是不是传销？前经销商
// 自述 被骗十万") but never answers no, so a question alone excuses nothing.
// A comparison turns a denial around: "not a steroid cream like <brand>"
// and "unlike <brand>, not a steroid cream" deny it of the seller's goods
// and say it of the brand's.
//
// Words such as 真相 (the truth), 检测报告 (test report) and 合格 (passed)
// are left out: exposés are headed "<brand>骗局 真相" and "检测报告曝光", and
// rivals boast "我们的检测合格，不像<brand>重金属超标".

// claim is one defamation phrase found in a field, before the rebuttal
// pass decides whether the listing asserts it.
type claim struct {
	hit     wordHit
	negated bool // a negator stands before it ("不含激素", "not toxic")
}

// clause is a sentence or clause of a compact field, by byte offsets.
type clause struct {
	start, end int
	question   bool // it ends with a question mark
}

// zhUntrue after a claim, in its clause or at the start of the next, says
// it is untrue: "网传含激素不实", "重金属超标为谣言", "含激素是假的".
var zhUntrue = []string{"不实", "不属实", "谣言", "谣传", "误传", "造谣", "是假的", "不成立", "不可信", "毫无根据", "没有根据", "子虚乌有", "纯属虚构", "未检出", "没有检出", "无检出"}

// enUntrue likewise, in English.
var enUntrue = []string{"is false", "are false", "was false", "untrue", "not true", "is a myth", "a myth", "myth", "debunked", "unfounded", "baseless", "a hoax", "hoax", "fake news", "misinformation"}

// rebuttalMarkers, anywhere in the listing and not negated, say it
// refutes a rumour: every claim in it is quoted.
var rebuttalMarkers = []string{
	"辟谣", "澄清", "谣言", "谣传", "造谣", "不实传言",
	"debunk", "debunked", "debunking", "debunks", "myth", "myths", "rumour", "rumours", "rumor", "rumors",
	"hoax", "misinformation", "fact check", "fact checked", "fact checking",
}

// noAnswers open the clause right after a question to answer it no.
var noAnswers = []string{"no", "nope", "not at all", "absolutely not", "不是", "不会", "没有", "并不", "当然不", "否"}

// sayNo ends a later clause to answer a question no: "Lab results say
// no", "(spoiler: no)", "the answer is no".
var sayNo = []string{"say no", "says no", "said no", "answer is no", "answer no", "spoiler no", "verdict no", "short answer no"}

// assertedClaims returns the claims of the listing that it asserts, and
// those it quotes to rebut with why; raw holds each field's text as read
// ("title", "description").
func (a *analysis) assertedClaims(raw map[string]string) (asserted, rebutted []wordHit, why string) {
	if len(a.claims) == 0 {
		return nil, nil, ""
	}
	fields := map[string]*text{"title": &a.title, "description": &a.desc}
	clauses := map[string][]clause{}
	for _, c := range a.claims {
		if _, done := clauses[c.hit.field]; !done {
			clauses[c.hit.field] = clauseSpans(raw[c.hit.field], fields[c.hit.field].t)
		}
	}
	type state struct{ denied, untrue, asked, answered, compared, fakes bool }
	st := make([]state, len(a.claims))
	askedWord, deniedWord := map[string]bool{}, map[string]bool{}
	for i, c := range a.claims {
		x, cls := fields[c.hit.field], clauses[c.hit.field]
		k := clauseAt(cls, c.hit.start)
		s := &st[i]
		s.compared = a.comparedWithBrand(x, cls, k, c.hit)
		s.denied = c.negated && !s.compared
		s.untrue = untrueAfter(x.t, cls, k, c.hit)
		s.asked = asked(x.t, cls, k, c.hit)
		s.answered = s.asked && answeredNo(x.t, cls, k)
		s.fakes = a.fraudOfFakes(x, cls, k, c.hit)
		askedWord[c.hit.word] = askedWord[c.hit.word] || s.asked
		deniedWord[c.hit.word] = deniedWord[c.hit.word] || s.denied || s.untrue || s.answered
	}
	marker := a.rebuttalMarker()
	for i, c := range a.claims {
		s := st[i]
		switch {
		case s.denied:
			// A plain denial ("不含激素") quotes nothing.
		case s.compared:
			asserted = append(asserted, c.hit)
		case s.untrue:
			rebutted, why = append(rebutted, c.hit), "says it is untrue"
		case s.fakes:
			rebutted, why = append(rebutted, c.hit), "warns of fakes or impostors of the brand"
		case askedWord[c.hit.word] && deniedWord[c.hit.word]:
			rebutted, why = append(rebutted, c.hit), "asks it and answers no"
		case marker != "":
			rebutted, why = append(rebutted, c.hit), "says it refutes a rumour ("+quoteList([]string{marker})+")"
		default:
			asserted = append(asserted, c.hit)
		}
	}
	return asserted, rebutted, why
}

// clauseSpans returns the clauses of raw as spans of t, the compact form
// of raw the matcher reads: raw is cut after each clause-ending mark
// (sentence and clause punctuation, brackets, a full stop before a space)
// and each piece compacted on its own. It returns one clause for the
// whole of t when the pieces do not join back into t (a word spaced out
// letter by letter across a cut).
func clauseSpans(raw, t string) []clause {
	var (
		b   strings.Builder
		out []clause
	)
	for _, part := range splitClauses(raw) {
		c := compact(part)
		if c == "" {
			continue
		}
		if b.Len() > 0 && !isCJK(lastRune(b.String())) && !isCJK(firstRune(c)) {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(c)
		q := strings.TrimRightFunc(part, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(")）]】\"'”’", r) })
		out = append(out, clause{start: start, end: b.Len(), question: strings.HasSuffix(q, "?") || strings.HasSuffix(q, "？")})
	}
	if b.String() != t || len(out) == 0 {
		return []clause{{start: 0, end: len(t)}}
	}
	return out
}

// splitClauses cuts s after each clause-ending mark.
func splitClauses(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		cut := false
		switch r {
		case '。', '！', '？', '!', '?', '；', ';', '，', ',', '：', ':', '\n', '|', '…', '(', ')', '（', '）', '【', '】', '[', ']':
			cut = true
		case '.':
			next, _ := utf8.DecodeRuneInString(s[end:])
			cut = end == len(s) || unicode.IsSpace(next)
		}
		if cut {
			out = append(out, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// clauseAt returns the index of the clause holding offset at, or the last
// clause before it.
func clauseAt(cls []clause, at int) int {
	k := 0
	for i, c := range cls {
		if c.start <= at {
			k = i
		}
	}
	return k
}

// untrueAfter reports whether the claim h is said to be untrue after it,
// in its clause or at the start of the next ("网传含激素，纯属谣言"), by a
// word no negator turns around ("不是谣言" says it is true).
func untrueAfter(t string, cls []clause, k int, h wordHit) bool {
	if untrueAt(t, h.end, cls[k].end, -1) {
		return true
	}
	// The next clause, when it opens with the denial ("纯属谣言", "这是谣言",
	// "that is false").
	return k+1 < len(cls) && untrueAt(t, cls[k+1].start, cls[k+1].end, 3)
}

// untrueAt reports whether t[from:to] holds a word of zhUntrue or enUntrue
// not negated; within lead characters or words of from when lead >= 0.
func untrueAt(t string, from, to, lead int) bool {
	span := t[from:to]
	for _, ws := range [][]string{zhUntrue, enUntrue} {
		for _, w := range ws {
			for off := 0; off < len(span); {
				i := indexWord(span[off:], w)
				if i < 0 {
					break
				}
				at := from + off + i
				if lead >= 0 && !opens(t[from:at], lead) {
					break
				}
				if !negatedBefore(t[:at]) {
					return true
				}
				off += i + len(w)
			}
		}
	}
	return false
}

// opens reports whether before, the text of a clause ahead of a word, is
// short enough for the word to open the clause: at most lead CJK
// characters ("纯属", "这是") or lead Latin words ("that is").
func opens(before string, lead int) bool {
	before = strings.TrimSpace(before)
	switch {
	case before == "":
		return true
	case isLatinWord(before):
		return len(strings.Fields(before)) <= lead
	}
	return !strings.ContainsFunc(before, func(r rune) bool { return r == ' ' || !isCJK(r) }) && utf8.RuneCountInString(before) <= lead
}

// asked reports whether the claim h is asked: its clause ends with a
// question mark, or 吗 follows it within two characters ("有毒吗",
// "是传销吗").
func asked(t string, cls []clause, k int, h wordHit) bool {
	if cls[k].question {
		return true
	}
	rest := t[h.end:cls[k].end]
	for n := 0; n < 3 && rest != ""; n++ {
		r, size := utf8.DecodeRuneInString(rest)
		if r == '吗' || r == '么' {
			return true
		}
		rest = rest[size:]
	}
	return false
}

// answeredNo reports whether a clause after question clause k answers it
// no: the next clause opens with a no ("No - here is why", "不是"), or a
// later one ends with one ("Lab results say no", "(spoiler: no)").
func answeredNo(t string, cls []clause, k int) bool {
	for i := k + 1; i < len(cls); i++ {
		c := t[cls[i].start:cls[i].end]
		if i == k+1 {
			for _, w := range noAnswers {
				if c == w || strings.HasPrefix(c, w+" ") || !isWordRune(firstRune(w)) && strings.HasPrefix(c, w) {
					return true
				}
			}
		}
		if c == "no" || slices.ContainsFunc(sayNo, func(w string) bool { return endsWithWord(c, w) }) {
			return true
		}
	}
	return false
}

// comparedWithBrand reports whether the claim h of x compares the seller's
// goods with a brand: "like <brand>" right after it, or "unlike <brand>"
// before it in its clause or the one before.
func (a *analysis) comparedWithBrand(x *text, cls []clause, k int, h wordHit) bool {
	t := x.t
	after := strings.TrimLeft(t[h.end:], " ")
	for _, w := range []string{"like ", "as "} {
		if strings.HasPrefix(after, w) && a.brandStartsAt(x.field, len(t)-len(after)+len(w)) {
			return true
		}
	}
	from := cls[max(k-1, 0)].start
	for _, b := range a.brandHits {
		if b.field == x.field && b.start >= from && b.end <= h.start && endsWithWord(strings.TrimRight(t[from:b.start], " "), "unlike") {
			return true
		}
	}
	return false
}

// brandStartsAt reports whether a brand name found in field starts at
// offset at.
func (a *analysis) brandStartsAt(field string, at int) bool {
	return slices.ContainsFunc(a.brandHits, func(b wordHit) bool { return b.field == field && b.start == at })
}

// zhAffirm and enAffirm after a rebuttal marker turn it around: "传言属实",
// "谣言实锤", "the rumours are true".
var (
	zhAffirm = []string{"属实", "是真的", "坐实", "实锤", "证实"}
	enAffirm = []string{"true", "confirmed", "proven", "real"}
)

// rebuttalMarker returns a marker of a rebuttal the title or description
// holds, neither negated ("不是谣言") nor affirmed after it ("the rumours
// are true"), or "".
func (a *analysis) rebuttalMarker() string {
	for _, x := range []*text{&a.title, &a.desc} {
		for _, m := range rebuttalMarkers {
			for off := 0; ; {
				i := indexWord(x.t[off:], m)
				if i < 0 {
					break
				}
				at, end := off+i, off+i+len(m)
				after := x.t[end:min(len(x.t), end+24)]
				if !negatedBefore(x.t[:at]) && !containsAny(after, zhAffirm) && !containsWordAny(after, enAffirm) {
					return m
				}
				off = end
			}
		}
	}
	return ""
}

// containsAny reports whether t holds one of ws.
func containsAny(t string, ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return strings.Contains(t, w) })
}

// containsWordAny reports whether t holds one of ws as whole words.
func containsWordAny(t string, ws []string) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return indexWord(t, w) >= 0 })
}

// A scam warning protects the brand: "冒充<brand>官方的微信号都是骗局"
// (accounts impersonating the brand are scams), "警惕<brand>假货骗局"
// (beware the fake-goods scam), "SCAM ALERT: fake <brand> agents". The
// fraud is the fakers'; the brand is named as what they fake.

// fraudClaims are the defamation words that call something a fraud, which
// a warning pins on those who fake the brand.
var fraudClaims = []string{"骗局", "骗子", "骗人", "骗钱", "诈骗", "上当", "scam", "scams", "scammer", "scammers", "fraud", "frauds", "rip-off"}

// fakeBefore, right before a brand name, and fakeAfter, right after it,
// say the listing speaks of fakes or impostors of the brand.
var (
	fakeBefore = []string{"冒充", "假冒", "仿冒", "冒牌", "假", "fake", "counterfeit", "impersonating", "imitation", "bogus"}
	fakeAfter  = []string{"假货", "假冒", "仿品", "高仿", "山寨", "冒牌", "假的", "fakes", "counterfeits", "impostors", "impostor", "impersonators"}
)

// fraudOfFakes reports whether the claim h of x calls a fraud the work of
// those who fake a brand the same field names, in the claim's clause or
// the one next to it: the brand right after an impostor word (冒充, fake)
// or right before a word for fakes (假货, impostors).
func (a *analysis) fraudOfFakes(x *text, cls []clause, k int, h wordHit) bool {
	if !slices.Contains(fraudClaims, h.word) {
		return false
	}
	if a.fraudOfSellerClaims(x, cls[k], h) {
		return true
	}
	from, to := cls[max(k-1, 0)].start, cls[min(k+1, len(cls)-1)].end
	for _, b := range a.brandHits {
		if b.field != x.field || b.start < from || b.end > to {
			continue
		}
		before := strings.TrimRight(x.t[:b.start], " ")
		after := strings.TrimLeft(x.t[b.end:], " ")
		if slices.ContainsFunc(fakeBefore, func(w string) bool { return endsWithWord(before, w) }) ||
			prefixOf(after, fakeAfter) != "" {
			return true
		}
	}
	return false
}

// fraudOfSellerClaims reports whether the claim h of x calls a fraud the
// counterfeit sellers' own words, named before it in its clause with no
// brand name there: "什么原单、工厂直供都是骗人的" (tail goods, factory
// direct: all lies), as guides to spotting fakes warn. "<brand>卖的都是高仿，
// 骗人的" puts the brand in the clause before: the claim stands.
func (a *analysis) fraudOfSellerClaims(x *text, c clause, h wordHit) bool {
	for _, b := range a.brandHits {
		if b.field == x.field && b.start >= c.start && b.end <= c.end {
			return false
		}
	}
	return slices.ContainsFunc(a.redFlags, func(f wordHit) bool {
		return f.field == x.field && f.start >= c.start && f.end <= h.start
	})
}
