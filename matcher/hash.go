package matcher

import (
	"math"
	"math/bits"
)

// hashIndex finds the stored perceptual hashes near a query by multi-index
// hashing (Norouzi et al.): each 64-bit pHash is cut into m chunks, each
// with its own table. Two hashes within distance r agree to within r/m bits
// on at least one chunk (pigeonhole), so probing every chunk value within
// r/m bits of the query's finds every candidate, and a lookup touches a few
// dozen to a few hundred buckets instead of every stored hash (m by
// chunkCount); the tables are flat arrays, built once.
type hashIndex struct {
	m            int // chunks, each probed within chunkRadii
	phash, dhash []uint64
	chunks       []chunkTable
	radii        [][]int // radii[r] is chunkRadii(r, m), for r up to the built distance
	zero         []int   // a radius of 0 for every chunk
}

// chunkTable is one chunk's buckets in compressed-row form: the pairs with
// chunk value v are at positions off[v] to off[v+1] of hashes and ids. The
// pHash is kept in the bucket itself so that a probe reads memory in
// sequence instead of jumping to each candidate. (A 32-bit fingerprint
// instead measured slower: 2 % of random candidates pass it and cost a
// jump each.)
type chunkTable struct {
	shift, width uint
	masks        []uint32 // chunk values to probe, as XORs with the query's, fewest bits first
	upTo         []int    // upTo[k]: how many masks have at most k bits
	off          []uint32
	hashes       []uint64
	ids          []uint32
}

// newHashIndex indexes the pHash/dHash pairs for lookups within maxP bits;
// the id of a pair is its position.
func newHashIndex(phash, dhash []uint64, maxP int) *hashIndex {
	return newHashIndexChunks(phash, dhash, maxP, chunkCount(len(phash), maxP))
}

// chunkCount picks the number of chunks for n hashes searched within maxP
// bits by a cost model: each candidate in a probed bucket costs a read and
// popcount (5 ns); each probed bucket costs about 10 ns while the offset
// tables of the probed chunks fit in a core's cache (256 KiB), and a cache
// miss (100 ns) beyond. Few hashes favour a handful of mid-width chunks;
// a million favours four 16-bit chunks (small buckets). Measured with
// random hashes at radius 10 (ns per lookup, half of them misses): 2k
// hashes m=6 1,100 (m=11 3,300); 20k m=5 3,500 (m=6 3,700, m=8 9,700);
// 200k m=5 24,000 (m=4 33,000).
func chunkCount(n, maxP int) int {
	best, bestCost := 4, math.Inf(1)
	for m := 4; m <= 16; m++ {
		radii := chunkRadii(maxP, m)
		offBytes := 0.0
		for c, r := range radii {
			if r >= 0 {
				offBytes += 4 * math.Exp2(float64(64*(c+1)/m-64*c/m))
			}
		}
		probeCost := 10.0
		if offBytes > 256<<10 {
			probeCost = 100
		}
		cost := 0.0
		for c, r := range radii {
			w := 64*(c+1)/m - 64*c/m
			probes := 0.0
			for k := 0; k <= r; k++ {
				probes += binomial(w, k)
			}
			cost += probes*probeCost + probes*float64(n)/math.Exp2(float64(w))*5
		}
		if cost < bestCost {
			best, bestCost = m, cost
		}
	}
	return best
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

// newHashIndexChunks is newHashIndex with m chunks (4 to 64).
func newHashIndexChunks(phash, dhash []uint64, maxP, m int) *hashIndex {
	x := &hashIndex{m: m, phash: phash, dhash: dhash, zero: make([]int, m)}
	for r := 0; r <= maxP; r++ {
		x.radii = append(x.radii, chunkRadii(r, m))
	}
	radii := x.radii[maxP]
	for c := 0; c < m; c++ {
		lo, hi := 64*c/m, 64*(c+1)/m
		if radii[c] < 0 {
			continue // the other chunks already cover this one
		}
		t := chunkTable{shift: uint(lo), width: uint(hi - lo)}
		t.masks, t.upTo = probeMasks(int(t.width), radii[c])
		size := 1 << t.width
		t.off = make([]uint32, size+1)
		for _, h := range phash {
			t.off[t.value(h)+1]++
		}
		for v := 1; v < len(t.off); v++ {
			t.off[v] += t.off[v-1]
		}
		t.ids = make([]uint32, len(phash))
		t.hashes = make([]uint64, len(phash))
		next := make([]uint32, size)
		copy(next, t.off[:size])
		for id, h := range phash {
			v := t.value(h)
			t.ids[next[v]] = uint32(id)
			t.hashes[next[v]] = h
			next[v]++
		}
		x.chunks = append(x.chunks, t)
	}
	return x
}

// value returns the chunk of h this table indexes.
func (t *chunkTable) value(h uint64) uint32 {
	return uint32(h>>t.shift) & (1<<t.width - 1)
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

// hashMatch is one stored hash near a query.
type hashMatch struct {
	id           int
	pDist, dDist int
}

// near calls fn for every stored pair within maxP bits of pHash p and maxD
// bits of dHash d, each once. maxP must not exceed the distance the index
// was built for.
func (x *hashIndex) near(p, d uint64, maxP, maxD int, fn func(hashMatch)) {
	var seen []uint32
	x.probe(p, d, x.radiiFor(maxP), false, maxP, maxD, &seen, fn)
}

// radiiFor returns chunkRadii(r, x.m), precomputed when r is within the
// distance the index was built for.
func (x *hashIndex) radiiFor(r int) []int {
	if r >= 0 && r < len(x.radii) {
		return x.radii[r]
	}
	return chunkRadii(r, x.m)
}

// probe looks in each chunk's buckets within radii[c] of the query's chunk
// value and calls fn for every pair within maxP and maxD not yet in seen.
// With skipExact it leaves out the buckets of the query's own chunk values,
// which a previous probe at the same or a larger maxP has read.
func (x *hashIndex) probe(p, d uint64, radii []int, skipExact bool, maxP, maxD int, seen *[]uint32, fn func(hashMatch)) {
	from := 0
	if skipExact {
		from = 1 // masks[0] is the empty mask
	}
	for c := range x.chunks {
		if radii[c] < 0 {
			continue
		}
		t := &x.chunks[c]
		q := t.value(p)
		for _, m := range t.masks[from:t.upTo[radii[c]]] {
			v := q ^ m
			lo, hi := t.off[v], t.off[v+1]
			for k, h := range t.hashes[lo:hi] {
				pd := bits.OnesCount64(h ^ p)
				if pd > maxP {
					continue
				}
				id := t.ids[lo+uint32(k)]
				dd := bits.OnesCount64(x.dhash[id] ^ d)
				if dd > maxD || contains(*seen, id) {
					continue
				}
				*seen = append(*seen, id)
				fn(hashMatch{id: int(id), pDist: pd, dDist: dd})
			}
		}
	}
}

// closest returns the stored pairs at the smallest pHash distance from p
// (within maxP, with dHash within maxD), nil when there are none. A
// reused photo is usually a few bits from its original, so a first pass
// probes only exact chunk values; what it finds shrinks the radius the
// full search then needs (to 0-4 bits, a handful of probes instead of
// a hundred). Only queries with no close match pay for the whole radius.
func (x *hashIndex) closest(p, d uint64, maxP, maxD int) []hashMatch {
	var seen []uint32
	var found []hashMatch
	best := maxP + 1
	collect := func(m hashMatch) {
		found = append(found, m)
		best = min(best, m.pDist)
	}
	// Every chunk within 0 bits: the exact buckets, whatever maxP.
	x.probe(p, d, x.zero, false, maxP, maxD, &seen, collect)
	r := min(best, maxP)
	x.probe(p, d, x.radiiFor(r), true, r, maxD, &seen, collect)
	out := found[:0]
	for _, m := range found {
		if m.pDist == best {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// nearest returns the stored pair closest to p (by pHash, then dHash)
// within the limits, and false when there is none.
func (x *hashIndex) nearest(p, d uint64, maxP, maxD int) (hashMatch, bool) {
	ms := x.closest(p, d, maxP, maxD)
	if len(ms) == 0 {
		return hashMatch{}, false
	}
	best := ms[0]
	for _, m := range ms[1:] {
		if m.dDist < best.dDist {
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
