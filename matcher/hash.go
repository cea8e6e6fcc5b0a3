package matcher

import (
	"math"
	"math/bits"
)

// hashIndex finds the stored perceptual hashes near a query by multi-index
// hashing (Norouzi et al.): each hash, of one 64-bit word (pHash) or four
// (PDQ), is cut into m chunks, each with its own table. Two hashes within
// distance r agree to within r/m bits on at least one chunk (pigeonhole),
// so probing every chunk value within r/m bits of the query's finds every
// candidate, and a lookup touches a few dozen to a few hundred buckets
// instead of every stored hash (m by chunkCount); the tables are flat
// arrays, built once. An index may hold a second hash per entry (dHash
// beside pHash) that must be near as well.
type hashIndex struct {
	words  int      // 64-bit words a hash
	keys   []uint64 // the hash of entry id is keys[id*words : (id+1)*words]
	second []uint64 // the second hash of each entry, or nil
	m      int      // chunks, each probed within chunkRadii
	chunks []chunkTable
	radii  [][]int // radii[r] is chunkRadii(r, m), for r up to the built distance
	zero   []int   // a radius of 0 for every chunk
}

// chunkTable is one chunk's buckets in compressed-row form: the entries
// with chunk value v are at positions off[v] to off[v+1] of ids. A chunk
// lies within one word of the hash. For one-word hashes the hash is kept
// in the bucket itself (inline) so that a probe reads memory in sequence
// instead of jumping to each candidate. (A 32-bit fingerprint instead
// measured slower: 2 % of random candidates pass it and cost a jump
// each.) Four-word hashes are read from keys: kept in every table they
// would take 32 bytes an entry sixteen times over.
type chunkTable struct {
	word         int
	shift, width uint
	masks        []uint32 // chunk values to probe, as XORs with the query's, fewest bits first
	upTo         []int    // upTo[k]: how many masks have at most k bits
	off          []uint32
	ids          []uint32
	inline       []uint64
}

// newHashIndex indexes hashes of words 64-bit words each (keys holds them
// one after another; an entry's id is its position), with an optional
// second one-word hash per entry, for lookups within maxDist bits.
func newHashIndex(keys []uint64, words int, second []uint64, maxDist int) *hashIndex {
	return newHashIndexChunks(keys, words, second, maxDist, chunkCount(len(keys)/words, words, maxDist))
}

// Chunk tables have at most 2^maxChunkBits buckets, so that m tables of
// offsets stay small beside the entries.
const maxChunkBits = 16

// chunkCount picks the number of chunks for n hashes of words words
// searched within maxDist bits by a cost model: each candidate in a probed
// bucket costs a popcount (5 ns when the hash is read in sequence, 40 ns
// when it must be fetched from elsewhere); each probed bucket costs about
// 10 ns while the offset tables of the probed chunks fit in a core's cache
// (256 KiB), and a cache miss (100 ns) beyond. Few hashes favour a handful
// of mid-width chunks; a million favours 16-bit chunks (small buckets).
// Measured with random 64-bit hashes at radius 10 (ns per lookup, half of
// them misses): 2k hashes m=6 1,100 (m=11 3,300); 20k m=5 3,500 (m=6
// 3,700, m=8 9,700); 200k m=5 24,000 (m=4 33,000).
func chunkCount(n, words, maxDist int) int {
	candCost := 5.0
	if words > 1 {
		candCost = 40
	}
	best, bestCost := 0, math.Inf(1)
	for perWord := 64 / maxChunkBits; perWord <= 16; perWord++ {
		m := perWord * words
		radii := chunkRadii(maxDist, m)
		offBytes := 0.0
		for c, r := range radii {
			if r >= 0 {
				offBytes += 4 * math.Exp2(float64(chunkWidth(c, perWord)))
			}
		}
		probeCost := 10.0
		if offBytes > 256<<10 {
			probeCost = 100
		}
		cost := 0.0
		for c, r := range radii {
			w := chunkWidth(c, perWord)
			probes := 0.0
			for k := 0; k <= r; k++ {
				probes += binomial(w, k)
			}
			cost += probes*probeCost + probes*float64(n)/math.Exp2(float64(w))*candCost
		}
		if cost < bestCost {
			best, bestCost = m, cost
		}
	}
	return best
}

// chunkBits returns where chunk c lies when each word is cut into perWord
// chunks: its word and its bits lo to hi of that word.
func chunkBits(c, perWord int) (word, lo, hi int) {
	k := c % perWord
	return c / perWord, 64 * k / perWord, 64 * (k + 1) / perWord
}

func chunkWidth(c, perWord int) int {
	_, lo, hi := chunkBits(c, perWord)
	return hi - lo
}

// chunkRadii returns the search radius of each of m chunks for a total
// distance r, by the refined pigeonhole of the multi-index hashing paper:
// with r = m*a + b (b < m), two hashes within r agree to within a bits on
// one of the first b+1 chunks or to within a-1 on one of the others
// (else the distance would be at least (b+1)(a+1) + (m-b-1)a = r+1). A
// radius of -1 means the chunk need not be probed.
func chunkRadii(r, m int) []int {
	a, b := r/m, r%m
	radii := make([]int, m)
	for c := range radii {
		radii[c] = a
		if c > b {
			radii[c] = a - 1
		}
	}
	return radii
}

func binomial(n, k int) float64 {
	r := 1.0
	for i := 0; i < k; i++ {
		r = r * float64(n-i) / float64(i+1)
	}
	return r
}

// newHashIndexChunks is newHashIndex with m chunks (a multiple of words,
// 4 to 64 a word).
func newHashIndexChunks(keys []uint64, words int, second []uint64, maxDist, m int) *hashIndex {
	x := &hashIndex{words: words, keys: keys, second: second, m: m, zero: make([]int, m)}
	for r := 0; r <= maxDist; r++ {
		x.radii = append(x.radii, chunkRadii(r, m))
	}
	radii := x.radii[maxDist]
	n := len(keys) / words
	perWord := m / words
	for c := 0; c < m; c++ {
		if radii[c] < 0 {
			continue // the other chunks already cover this one (always a suffix)
		}
		word, lo, hi := chunkBits(c, perWord)
		t := chunkTable{word: word, shift: uint(lo), width: uint(hi - lo)}
		t.masks, t.upTo = probeMasks(int(t.width), radii[c])
		size := 1 << t.width
		t.off = make([]uint32, size+1)
		for id := range n {
			t.off[t.value(x.key(id))+1]++
		}
		for v := 1; v < len(t.off); v++ {
			t.off[v] += t.off[v-1]
		}
		t.ids = make([]uint32, n)
		if words == 1 {
			t.inline = make([]uint64, n)
		}
		next := make([]uint32, size)
		copy(next, t.off[:size])
		for id := range n {
			v := t.value(x.key(id))
			t.ids[next[v]] = uint32(id)
			if t.inline != nil {
				t.inline[next[v]] = keys[id]
			}
			next[v]++
		}
		x.chunks = append(x.chunks, t)
	}
	return x
}

// key returns the hash of entry id.
func (x *hashIndex) key(id int) []uint64 { return x.keys[id*x.words : (id+1)*x.words] }

// value returns the chunk of hash h this table indexes.
func (t *chunkTable) value(h []uint64) uint32 {
	return uint32(h[t.word]>>t.shift) & (1<<t.width - 1)
}

// probeMasks returns every width-bit mask with at most r bits set, fewest
// bits first, and for each k <= r how many have at most k bits: the chunk
// values to probe within k bits are the query's chunk XOR masks[:upTo[k]].
func probeMasks(width, r int) (masks []uint32, upTo []int) {
	for k := 0; k <= r; k++ {
		for m := 0; m < 1<<width; m++ {
			if bits.OnesCount32(uint32(m)) == k {
				masks = append(masks, uint32(m))
			}
		}
		upTo = append(upTo, len(masks))
	}
	return masks, upTo
}

// hashMatch is one stored hash near a query: its distance and that of the
// second hash (0 when the index has none).
type hashMatch struct {
	id          int
	dist, dist2 int
}

// query is a lookup: the hash, the second hash, and the distances each
// may be off by.
type query struct {
	key       []uint64
	second    uint64
	max       int
	maxSecond int
}

// near calls fn for every stored entry within q's distances, each once.
// q.max must not exceed the distance the index was built for.
func (x *hashIndex) near(q query, fn func(hashMatch)) {
	var seen []uint32
	x.probe(q, x.radiiFor(q.max), false, &seen, fn)
}

// radiiFor returns chunkRadii(r, x.m), precomputed when r is within the
// distance the index was built for.
func (x *hashIndex) radiiFor(r int) []int {
	if r >= 0 && r < len(x.radii) {
		return x.radii[r]
	}
	return chunkRadii(r, x.m)
}

// distance is the Hamming distance from q to the hash of entry id.
func (x *hashIndex) distance(q []uint64, id uint32) int {
	k := x.keys[int(id)*x.words:]
	d := 0
	for i, w := range q {
		d += bits.OnesCount64(k[i] ^ w)
	}
	return d
}

// probe looks in each chunk's buckets within radii[c] of the query's
// chunk value and calls fn for every entry within q's distances not yet in
// seen. With skipExact it leaves out the buckets of the query's own chunk
// values, which a previous probe at the same or a larger distance has
// read.
func (x *hashIndex) probe(q query, radii []int, skipExact bool, seen *[]uint32, fn func(hashMatch)) {
	from := 0
	if skipExact {
		from = 1 // masks[0] is the empty mask
	}
	for c := range x.chunks {
		if radii[c] < 0 {
			continue
		}
		t := &x.chunks[c]
		v := t.value(q.key)
		for _, m := range t.masks[from:t.upTo[radii[c]]] {
			lo, hi := t.off[v^m], t.off[v^m+1]
			if t.inline != nil {
				// One word: read the hashes in sequence, the ids only of
				// those near enough.
				for k, h := range t.inline[lo:hi] {
					if d := bits.OnesCount64(h ^ q.key[0]); d <= q.max {
						x.report(q, t.ids[int(lo)+k], d, seen, fn)
					}
				}
				continue
			}
			for _, id := range t.ids[lo:hi] {
				if d := x.distance(q.key, id); d <= q.max {
					x.report(q, id, d, seen, fn)
				}
			}
		}
	}
}

// report calls fn for entry id, at distance d from q, unless its second
// hash is too far or it was reported already.
func (x *hashIndex) report(q query, id uint32, d int, seen *[]uint32, fn func(hashMatch)) {
	d2 := 0
	if x.second != nil {
		if d2 = bits.OnesCount64(x.second[id] ^ q.second); d2 > q.maxSecond {
			return
		}
	}
	if contains(*seen, id) {
		return
	}
	*seen = append(*seen, id)
	fn(hashMatch{id: int(id), dist: d, dist2: d2})
}

// closest returns the stored entries at the smallest distance from q
// (within q's distances), nil when there are none. A reused photo is
// usually a few bits from its original, so a first pass probes only exact
// chunk values; what it finds shrinks the radius the full search then
// needs (to 0-4 bits, a handful of probes instead of a hundred). Only
// queries with no close match pay for the whole radius.
func (x *hashIndex) closest(q query) []hashMatch {
	var seen []uint32
	var found []hashMatch
	best := q.max + 1
	collect := func(m hashMatch) {
		found = append(found, m)
		best = min(best, m.dist)
	}
	// Every chunk within 0 bits: the exact buckets, whatever the radius.
	x.probe(q, x.zero, false, &seen, collect)
	narrow := q
	narrow.max = min(best, q.max)
	x.probe(narrow, x.radiiFor(narrow.max), true, &seen, collect)
	out := found[:0]
	for _, m := range found {
		if m.dist == best {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// nearest returns the stored entry closest to q (by the hash, then the
// second hash) within q's distances, and false when there is none.
func (x *hashIndex) nearest(q query) (hashMatch, bool) {
	ms := x.closest(q)
	if len(ms) == 0 {
		return hashMatch{}, false
	}
	best := ms[0]
	for _, m := range ms[1:] {
		if m.dist2 < best.dist2 {
			best = m
		}
	}
	return best, true
}

func contains(s []uint32, v uint32) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
