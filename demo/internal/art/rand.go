package art

// Rand is a small deterministic generator (splitmix64). The demo world is
// committed to the repository and rebuilt by tests, so its randomness must
// not depend on the Go version the way math/rand's sequences may.
type Rand struct{ s uint64 }

// NewRand returns a generator seeded with seed.
func NewRand(seed uint64) *Rand { return &Rand{s: seed} }

// Uint64 returns the next 64 random bits.
func (r *Rand) Uint64() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Intn returns a number in [0, n); n must be positive.
func (r *Rand) Intn(n int) int { return int(r.Uint64() % uint64(n)) }

// Range returns a number in [lo, hi].
func (r *Rand) Range(lo, hi int) int { return lo + r.Intn(hi-lo+1) }

// Float returns a number in [0, 1).
func (r *Rand) Float() float64 { return float64(r.Uint64()>>11) / (1 << 53) }

// Between returns a number in [lo, hi).
func (r *Rand) Between(lo, hi float64) float64 { return lo + (hi-lo)*r.Float() }

// Chance reports true with probability p.
func (r *Rand) Chance(p float64) bool { return r.Float() < p }

// Pick returns one of ss.
func Pick[T any](r *Rand, ss []T) T { return ss[r.Intn(len(ss))] }

// Mix derives a seed from a base seed and a string, so that each listing
// photo has its own stable seed.
func Mix(seed uint64, s string) uint64 {
	h := seed ^ 0xcbf29ce484222325
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 0x100000001b3
	}
	return NewRand(h).Uint64()
}
