package matcher

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// synthWord returns a pronounceable Latin word of 5-9 letters.
func synthWord(rng *rand.Rand) string {
	const cons, vows = "bcdfghjklmnprstvz", "aeiou"
	n := 5 + rng.IntN(5)
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			b.WriteByte(cons[rng.IntN(len(cons))])
		} else {
			b.WriteByte(vows[rng.IntN(len(vows))])
		}
	}
	return b.String()
}

// synthHan returns n random common Han characters.
func synthHan(rng *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(rune(0x4E00 + rng.IntN(0x5000)))
	}
	return b.String()
}

// synthCatalog builds n products in brands of 100, with English names of
// three words from a shared vocabulary, a Chinese alias, a size and two
// photos each.
func synthCatalog(n int, rng *rand.Rand) *shadowscan.Catalog {
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = synthWord(rng)
	}
	hanVocab := make([]string, 1500)
	for i := range hanVocab {
		hanVocab[i] = synthHan(rng, 2)
	}
	c := &shadowscan.Catalog{}
	nb := max(n/100, 1)
	for b := 0; b < nb; b++ {
		c.Brands = append(c.Brands, shadowscan.Brand{
			ID: fmt.Sprintf("brand-%d", b), Name: fmt.Sprintf("%s%d wellness", synthWord(rng), b),
			Aliases:         []string{synthHan(rng, 3)},
			OfficialSellers: []shadowscan.SellerRef{{Site: "demo-market", SellerID: fmt.Sprintf("official-%d", b)}},
		})
	}
	sizes := []string{"250g", "500g", "1kg", "60粒", "120粒", "100ml", "250ml"}
	for i := 0; i < n; i++ {
		b := &c.Brands[i%nb]
		words := vocab[rng.IntN(len(vocab))] + " " + vocab[rng.IntN(len(vocab))] + " " + vocab[rng.IntN(len(vocab))]
		sz := sizes[rng.IntN(len(sizes))]
		c.Products = append(c.Products, shadowscan.Product{
			SKU: fmt.Sprintf("SKU-%07d", i), BrandID: b.ID,
			Name:    b.Name + " " + words + " " + sz,
			Aliases: []string{b.Aliases[0] + hanVocab[rng.IntN(len(hanVocab))] + hanVocab[rng.IntN(len(hanVocab))] + " " + sz},
			Price:   shadowscan.Amount(10000 + rng.IntN(50000)), MinPrice: 9000, Currency: "CNY",
			Images: []shadowscan.ImageRef{
				{PHash: rng.Uint64(), DHash: rng.Uint64()},
				{PHash: rng.Uint64(), DHash: rng.Uint64()},
			},
		})
	}
	return c
}

// synthListings derives listings from catalogue products (with noise,
// marketing and red-flag words, near-duplicate or foreign photos) and
// unrelated listings.
func synthListings(c *shadowscan.Catalog, n int, rng *rand.Rand) []*shadowscan.Listing {
	extras := []string{"正品", "包邮", "高仿", "特价", "new", "2024", "hot sale", "原单", "限时"}
	var out []*shadowscan.Listing
	for i := 0; i < n; i++ {
		l := &shadowscan.Listing{Site: "demo-market", ID: fmt.Sprint(i), Currency: "CNY", HasPrice: true,
			Price: shadowscan.Amount(1000 + rng.IntN(40000)), SellerID: fmt.Sprintf("shop-%d", rng.IntN(500))}
		p := &c.Products[rng.IntN(len(c.Products))]
		switch i % 10 {
		case 0, 1, 2: // unrelated goods
			l.Title = synthWord(rng) + " " + synthWord(rng) + " " + synthHan(rng, 6) + " 500g"
		case 3, 4, 5, 6: // the English name with noise
			l.Title = extras[rng.IntN(len(extras))] + " " + p.Name + " " + extras[rng.IntN(len(extras))]
		default: // the Chinese alias
			l.Title = "【" + extras[rng.IntN(len(extras))] + "】" + p.Aliases[0] + extras[rng.IntN(len(extras))]
		}
		l.Description = "quality product, fast delivery " + synthHan(rng, 20)
		for k := 0; k < 1+rng.IntN(3); k++ {
			if rng.IntN(2) == 0 {
				im := p.Images[rng.IntN(len(p.Images))]
				l.Images = append(l.Images, photo(im.PHash^randomBits(rng, rng.IntN(8)), im.DHash^randomBits(rng, rng.IntN(8))))
			} else {
				l.Images = append(l.Images, photo(rng.Uint64(), rng.Uint64()))
			}
		}
		out = append(out, l)
	}
	return out
}

// BenchmarkMatch reports listings/s per core at catalogues of 1k, 10k and
// 100k products, and how long New took to index each.
func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("products=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(uint64(n), 1))
			cat := synthCatalog(n, rng)
			start := time.Now()
			m, err := New(cat, rules.DefaultDetection())
			if err != nil {
				b.Fatal(err)
			}
			build := time.Since(start)
			ls := synthListings(cat, 2000, rng)
			linked := 0
			for _, l := range ls {
				if m.Match(l).SKU != "" {
					linked++
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			start, cpu := time.Now(), cpuTime()
			for i := 0; b.Loop(); i++ {
				m.Match(ls[i%len(ls)])
			}
			el, cel := time.Since(start), cpuTime()-cpu
			b.ReportMetric(float64(b.N)/el.Seconds(), "listings/s")
			if cel > 0 {
				b.ReportMetric(float64(b.N)/cel.Seconds(), "listings/cpu-s")
			}
			b.ReportMetric(float64(build.Milliseconds()), "build-ms")
			b.ReportMetric(float64(linked)/float64(len(ls)), "linked-share")
		})
	}
}

// BenchmarkImageLookup reports the time to find the nearest of 1M stored
// pHash/dHash pairs within distance 10.
func BenchmarkImageLookup(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 3))
	const n = 1_000_000
	ph, dh := make([]uint64, n), make([]uint64, n)
	for i := range ph {
		ph[i], dh[i] = rng.Uint64(), rng.Uint64()
	}
	x := newHashIndex(ph, 1, dh, 10)
	queries := make([]query, 1024)
	for i := range queries {
		queries[i] = query{key: []uint64{rng.Uint64()}, second: rng.Uint64(), max: 10, maxSecond: 12} // a miss
		if i%2 == 0 {
			j := rng.IntN(n)
			queries[i].key[0], queries[i].second = ph[j]^randomBits(rng, rng.IntN(11)), dh[j]^randomBits(rng, rng.IntN(8))
		}
	}
	found := 0
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for i := 0; b.Loop(); i++ {
		if _, ok := x.nearest(queries[i%len(queries)]); ok {
			found++
		}
	}
	b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N), "ns/lookup")
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/float64(b.N), "cpu-ns/lookup")
	_ = found
}

// BenchmarkPDQLookup reports the time to find the nearest of 1M stored
// 256-bit PDQ hashes within 31 bits (the matcher's default), half the
// queries near a stored hash and half misses, and the time of a linear
// scan over the same hashes in the same run, with their ratio.
func BenchmarkPDQLookup(b *testing.B) {
	rng := rand.New(rand.NewPCG(4, 4))
	const n, words, maxD = 1_000_000, 4, 31
	keys := make([]uint64, n*words)
	for i := range keys {
		keys[i] = rng.Uint64()
	}
	build := time.Now()
	x := newHashIndex(keys, words, nil, maxD)
	built := time.Since(build)
	queries := make([]query, 1024)
	for i := range queries {
		q := make([]uint64, words)
		j := rng.IntN(n)
		flip := wideBits(rng, rng.IntN(maxD+1))
		for w := range words {
			q[w] = keys[j*words+w] ^ flip[w]
			if i%2 == 1 {
				q[w] = rng.Uint64() // a miss
			}
		}
		queries[i] = query{key: q, max: maxD}
	}
	// The linear scan, on a few queries: it reads all 32 MB each time.
	scanStart := time.Now()
	const scans = 20
	for i := range scans {
		q := queries[i].key
		best := maxD + 1
		for id := range n {
			k := keys[id*words : id*words+words]
			d := bits.OnesCount64(k[0]^q[0]) + bits.OnesCount64(k[1]^q[1]) + bits.OnesCount64(k[2]^q[2]) + bits.OnesCount64(k[3]^q[3])
			best = min(best, d)
		}
		_ = best
	}
	scanNs := float64(time.Since(scanStart).Nanoseconds()) / scans
	found := 0
	b.ResetTimer()
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		if _, ok := x.nearest(queries[i%len(queries)]); ok {
			found++
		}
	}
	indexNs := float64(time.Since(start).Nanoseconds()) / float64(b.N)
	b.ReportMetric(indexNs, "ns/lookup")
	b.ReportMetric(scanNs, "scan-ns/lookup")
	b.ReportMetric(scanNs/indexNs, "x-scan")
	b.ReportMetric(float64(built.Milliseconds()), "build-ms")
	b.ReportMetric(float64(found)/float64(b.N), "found-share")
}
