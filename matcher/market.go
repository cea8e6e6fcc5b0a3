package matcher

import (
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/shadowscan/shadowscan"
)

// MarketStats gives the prices scans have seen for a product, as a second
// price signal beside the list price.
type MarketStats interface {
	// PriceStats returns the median and the median absolute deviation of
	// the prices seen for sku in currency (major units), and how many
	// prices they are computed from (0 when none).
	PriceStats(sku, currency string) (median, mad float64, n int)
}

// Market sizes: a reservoir per product keeps memory bounded however many
// listings a scan sees; the key cap bounds memory against unexpected keys.
const (
	reservoirSize = 512
	maxMarketKeys = 1 << 20
)

// Market accumulates the prices scans see per product and currency and
// implements MarketStats: median and MAD over a uniform random sample
// (reservoir) of at most 512 prices per product and currency. It is safe
// for concurrent use.
type Market struct {
	mu     sync.Mutex
	series map[marketKey]*series
	rng    *rand.Rand
}

type marketKey struct{ sku, currency string }

type series struct {
	samples     []float64
	seen        int64
	dirty       bool
	median, mad float64
}

// NewMarket returns an empty Market.
func NewMarket() *Market {
	return &Market{series: map[marketKey]*series{}, rng: rand.New(rand.NewPCG(1, 2))}
}

// Observe records one price seen for sku in currency. Zero and negative
// prices are ignored.
func (m *Market) Observe(sku, currency string, price shadowscan.Amount) {
	if price <= 0 || sku == "" {
		return
	}
	k := marketKey{sku, currency}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.series[k]
	if s == nil {
		if len(m.series) >= maxMarketKeys {
			return
		}
		s = &series{}
		m.series[k] = s
	}
	s.seen++
	v := price.Float()
	switch {
	case len(s.samples) < reservoirSize:
		s.samples = append(s.samples, v)
	default:
		// Algorithm R: the i-th price replaces a random sample with
		// probability size/i, keeping the reservoir a uniform sample.
		j := m.rng.Int64N(s.seen)
		if j >= reservoirSize {
			return
		}
		s.samples[j] = v
	}
	s.dirty = true
}

// PriceStats implements MarketStats.
func (m *Market) PriceStats(sku, currency string) (median, mad float64, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.series[marketKey{sku, currency}]
	if s == nil || len(s.samples) == 0 {
		return 0, 0, 0
	}
	if s.dirty {
		s.median, s.mad = medianMAD(s.samples)
		s.dirty = false
	}
	return s.median, s.mad, len(s.samples)
}

// medianMAD returns the median of xs and the median of the absolute
// deviations from it, leaving xs as it was.
func medianMAD(xs []float64) (median, mad float64) {
	v := slices.Clone(xs)
	slices.Sort(v)
	median = mid(v)
	for i, x := range v {
		if x < median {
			v[i] = median - x
		} else {
			v[i] = x - median
		}
	}
	slices.Sort(v)
	return median, mid(v)
}

func mid(sorted []float64) float64 {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}
