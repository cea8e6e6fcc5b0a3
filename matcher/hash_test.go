package matcher

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/shadowscan/shadowscan"
)

// TestHashIndexMatchesBruteForce checks the multi-index lookup against a
// scan over every hash, for queries near stored hashes and random ones.
func TestHashIndexMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	const n = 5000
	ph, dh := make([]uint64, n), make([]uint64, n)
	for i := range ph {
		ph[i], dh[i] = rng.Uint64(), rng.Uint64()
	}
	// Clusters: near-duplicates at every distance up to 12 bits.
	for i := 0; i < 200; i++ {
		j := rng.IntN(n)
		ph[i] = ph[j] ^ randomBits(rng, rng.IntN(13))
		dh[i] = dh[j] ^ randomBits(rng, rng.IntN(13))
	}
	for _, tc := range []struct{ maxP, m int }{{0, 0}, {3, 0}, {8, 0}, {10, 0}, {10, 4}, {10, 5}, {10, 6}, {10, 7}, {12, 5}, {13, 0}, {24, 0}} {
		maxP := tc.maxP
		x := newHashIndex(ph, 1, dh, maxP)
		if tc.m > 0 {
			x = newHashIndexChunks(ph, 1, dh, maxP, tc.m)
		}
		for q := 0; q < 300; q++ {
			var p, d uint64
			if q%3 == 0 {
				p, d = rng.Uint64(), rng.Uint64()
			} else {
				j := rng.IntN(n)
				p, d = ph[j]^randomBits(rng, rng.IntN(maxP+3)), dh[j]^randomBits(rng, rng.IntN(6))
			}
			want := map[int]bool{}
			for id := range ph {
				if bits.OnesCount64(ph[id]^p) <= maxP && bits.OnesCount64(dh[id]^d) <= 12 {
					want[id] = true
				}
			}
			got := map[int]bool{}
			x.near(query{key: []uint64{p}, second: d, max: maxP, maxSecond: 12}, func(m hashMatch) {
				if got[m.id] {
					t.Fatalf("id %d reported twice", m.id)
				}
				if m.dist != bits.OnesCount64(ph[m.id]^p) || m.dist2 != bits.OnesCount64(dh[m.id]^d) {
					t.Fatalf("wrong distances %d, %d for id %d", m.dist, m.dist2, m.id)
				}
				got[m.id] = true
			})
			if len(got) != len(want) {
				t.Fatalf("maxP %d: index found %d hashes, brute force %d", maxP, len(got), len(want))
			}
			for id := range want {
				if !got[id] {
					t.Fatalf("maxP %d: index missed id %d", maxP, id)
				}
			}
			// closest must return exactly the pairs at the smallest distance.
			best := maxP + 1
			for id := range want {
				best = min(best, bits.OnesCount64(ph[id]^p))
			}
			wantClosest := 0
			for id := range want {
				if bits.OnesCount64(ph[id]^p) == best {
					wantClosest++
				}
			}
			cl := x.closest(query{key: []uint64{p}, second: d, max: maxP, maxSecond: 12})
			if len(cl) != wantClosest {
				t.Fatalf("maxP %d: closest gave %d pairs, want %d at distance %d", maxP, len(cl), wantClosest, best)
			}
			for _, m := range cl {
				if m.dist != best || !want[m.id] {
					t.Fatalf("maxP %d: closest gave %+v, want distance %d", maxP, m, best)
				}
			}
		}
	}
}

func TestHashIndexNearest(t *testing.T) {
	ph := []uint64{0, 0xFF, 0xFFFF_0000_0000_0000}
	dh := []uint64{0, 0, 0}
	x := newHashIndex(ph, 1, dh, 10)
	tests := []struct {
		name  string
		p     uint64
		id    int
		dist  int
		found bool
	}{
		{"exact", 0xFF, 1, 0, true},
		{"nearest of two", 0x0F, 0, 4, true},
		{"across chunks", 0xFFFF_0000_0000_0003, 2, 2, true},
		{"too far", 0x5555_5555_5555_5555, 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := x.nearest(query{key: []uint64{tt.p}, max: 10, maxSecond: 12})
			if ok != tt.found || (ok && (m.id != tt.id || m.dist != tt.dist)) {
				t.Errorf("nearest = %+v, %v; want id %d at %d, %v", m, ok, tt.id, tt.dist, tt.found)
			}
		})
	}
}

// TestWideHashIndexMatchesBruteForce checks the index over 256-bit hashes
// (PDQ) against a scan, with no second hash, for radii that probe some
// chunks (under m) and all of them, and chunk counts from 8 to 32.
func TestWideHashIndexMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	const n, words = 3000, 4
	keys := make([]uint64, n*words)
	for i := range keys {
		keys[i] = rng.Uint64()
	}
	for i := 0; i < 300; i++ { // near-duplicates at every distance up to 40
		j := rng.IntN(n)
		flip := wideBits(rng, rng.IntN(41))
		for w := range words {
			keys[i*words+w] = keys[j*words+w] ^ flip[w]
		}
	}
	dist := func(id int, q []uint64) int {
		d := 0
		for w := range words {
			d += bits.OnesCount64(keys[id*words+w] ^ q[w])
		}
		return d
	}
	for _, tc := range []struct{ maxD, m int }{{0, 0}, {5, 0}, {15, 16}, {31, 0}, {31, 32}, {40, 20}, {48, 0}} {
		x := newHashIndex(keys, words, nil, tc.maxD)
		if tc.m > 0 {
			x = newHashIndexChunks(keys, words, nil, tc.maxD, tc.m)
		}
		for qi := 0; qi < 100; qi++ {
			q := make([]uint64, words)
			j := rng.IntN(n)
			flip := wideBits(rng, rng.IntN(tc.maxD+5))
			for w := range words {
				q[w] = keys[j*words+w] ^ flip[w]
				if qi%4 == 0 {
					q[w] = rng.Uint64()
				}
			}
			want := map[int]bool{}
			best := tc.maxD + 1
			for id := range n {
				if d := dist(id, q); d <= tc.maxD {
					want[id] = true
					best = min(best, d)
				}
			}
			got := 0
			x.near(query{key: q, max: tc.maxD}, func(m hashMatch) {
				if !want[m.id] || m.dist != dist(m.id, q) {
					t.Fatalf("maxD %d m %d: %+v is not within the distance", tc.maxD, x.m, m)
				}
				got++
			})
			if got != len(want) {
				t.Fatalf("maxD %d m %d: index found %d hashes, brute force %d", tc.maxD, x.m, got, len(want))
			}
			for _, m := range x.closest(query{key: q, max: tc.maxD}) {
				if m.dist != best {
					t.Fatalf("maxD %d: closest gave distance %d, want %d", tc.maxD, m.dist, best)
				}
			}
		}
	}
}

// wideBits returns four words with n distinct random bits set among them.
func wideBits(rng *rand.Rand, n int) [4]uint64 {
	var m [4]uint64
	for set := 0; set < n; {
		b := rng.IntN(256)
		if m[b/64]&(1<<(b%64)) == 0 {
			m[b/64] |= 1 << (b % 64)
			set++
		}
	}
	return m
}

// randomBits returns a mask with n distinct random bits set.
func randomBits(rng *rand.Rand, n int) uint64 {
	var m uint64
	for bits.OnesCount64(m) < n {
		m |= 1 << rng.UintN(64)
	}
	return m
}

func TestMarketStats(t *testing.T) {
	tests := []struct {
		name        string
		prices      []float64
		median, mad float64
	}{
		{"odd count", []float64{100, 300, 200}, 200, 100},
		{"even count", []float64{100, 200, 300, 400}, 250, 100},
		{"robust to an outlier", []float64{298, 298, 290, 300, 9}, 298, 2},
		{"one price", []float64{50}, 50, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mk := NewMarket()
			for _, p := range tt.prices {
				mk.Observe("SKU", "CNY", shadowscan.AmountFromFloat(p))
			}
			median, mad, n := mk.PriceStats("SKU", "CNY")
			if median != tt.median || mad != tt.mad || n != len(tt.prices) {
				t.Errorf("PriceStats = %v, %v, %d; want %v, %v, %d", median, mad, n, tt.median, tt.mad, len(tt.prices))
			}
			if _, _, n := mk.PriceStats("SKU", "USD"); n != 0 {
				t.Errorf("another currency has %d prices, want 0", n)
			}
		})
	}
}

func TestMarketReservoirIsBounded(t *testing.T) {
	mk := NewMarket()
	for i := 0; i < 20000; i++ {
		mk.Observe("SKU", "CNY", shadowscan.Amount(10000+i%1000)) // 100.00 .. 109.99
	}
	mk.Observe("SKU", "CNY", 0)   // ignored
	mk.Observe("SKU", "CNY", -10) // ignored
	median, mad, n := mk.PriceStats("SKU", "CNY")
	if n != reservoirSize {
		t.Errorf("n = %d, want the reservoir size %d", n, reservoirSize)
	}
	// A uniform sample of 100.00..109.99 has its median near 105 and MAD near 2.5.
	if math.Abs(median-105) > 1 || math.Abs(mad-2.5) > 0.7 {
		t.Errorf("median %v, mad %v: not a uniform sample", median, mad)
	}
}

func TestChunkCount(t *testing.T) {
	tests := []struct{ n, maxP, want int }{
		{2_000, 10, 6},
		{20_000, 10, 5},
		{200_000, 10, 5},
		{1_000_000, 10, 4},
		{100, 0, 4},
	}
	for _, tt := range []struct{ n, maxD, want int }{
		{1_000_000, 31, 16}, // 16-bit chunks: 16 probes and a few candidates each
		{10_000, 31, 20},    // 12- and 13-bit chunks: fewer, smaller tables
	} {
		if got := chunkCount(tt.n, 4, tt.maxD); got != tt.want {
			t.Errorf("chunkCount(%d, 4 words, %d) = %d, want %d", tt.n, tt.maxD, got, tt.want)
		}
	}
	for _, tt := range tests {
		if got := chunkCount(tt.n, 1, tt.maxP); got != tt.want {
			t.Errorf("chunkCount(%d, %d) = %d, want %d", tt.n, tt.maxP, got, tt.want)
		}
	}
}
