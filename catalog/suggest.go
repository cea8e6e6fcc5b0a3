package catalog

import "strings"

// suggest returns the known key closest to key when it is close enough to
// be a typo (case-insensitive equal, or within an edit distance of about a
// third of its length), else "".
func suggest(key string, known []string) string {
	best, bestDist := "", 1<<30
	for _, k := range known {
		if strings.EqualFold(k, key) || strings.EqualFold(strings.ReplaceAll(k, "_", ""), strings.NewReplacer("-", "", "_", "", " ", "").Replace(key)) {
			return k
		}
		if d := editDistance(strings.ToLower(key), k); d < bestDist {
			best, bestDist = k, d
		}
	}
	limit := 1
	if n := len([]rune(key)); n > 3 {
		limit = max(2, n/3)
	}
	if bestDist <= limit {
		return best
	}
	return ""
}

// editDistance is the optimal-string-alignment distance between a and b, in
// runes: insertions, deletions, substitutions and swaps of neighbours
// (nmae for name) each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 30 // keys are short; do not spend time on hostile ones
	}
	// d[i][j] is the distance between ra[:i] and rb[:j].
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// unknownKeyMsg formats the message for an unknown key, with a hint.
func unknownKeyMsg(key string, known []string) string {
	msg := "is not a known key"
	if s := suggest(key, known); s != "" {
		msg += "; did you mean " + s + "?"
	}
	return msg
}
