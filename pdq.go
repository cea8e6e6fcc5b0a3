package shadowscan

import (
	"encoding/hex"
	"fmt"
	"math/bits"
)

// PDQ is a 256-bit PDQ perceptual hash (Meta's photo hash): bit i*16+j
// says whether DCT coefficient (i, j) of the photo's 64x64 luminance
// downsample is above the median of the 256 kept coefficients. Bit k is
// bit k%64 of word k/64. The zero value means "not computed": a real PDQ
// hash has about half its bits set.
type PDQ [4]uint64

// Distance is the number of bits in which p and q differ: 0 for the same
// picture, about 128 for unrelated ones.
func (p PDQ) Distance(q PDQ) int {
	return bits.OnesCount64(p[0]^q[0]) + bits.OnesCount64(p[1]^q[1]) +
		bits.OnesCount64(p[2]^q[2]) + bits.OnesCount64(p[3]^q[3])
}

// IsZero reports whether p was never computed.
func (p PDQ) IsZero() bool { return p == PDQ{} }

// String is the 64-digit lower-case hex form used by Meta's reference
// implementation (bits 255 down to 0).
func (p PDQ) String() string {
	b, _ := p.MarshalText()
	return string(b)
}

// MarshalText writes the 64-digit hex form.
func (p PDQ) MarshalText() ([]byte, error) {
	var raw [32]byte
	for w := 0; w < 4; w++ {
		v := p[3-w]
		for i := 0; i < 8; i++ {
			raw[w*8+i] = byte(v >> (56 - 8*i))
		}
	}
	out := make([]byte, 64)
	hex.Encode(out, raw[:])
	return out, nil
}

// UnmarshalText reads the 64-digit hex form.
func (p *PDQ) UnmarshalText(b []byte) error {
	if len(b) != 64 {
		return &FieldError{Field: "pdq", Msg: fmt.Sprintf("%d characters", len(b)), Accepted: "64 hex digits"}
	}
	var raw [32]byte
	if _, err := hex.Decode(raw[:], b); err != nil {
		return &FieldError{Field: "pdq", Msg: fmt.Sprintf("%q is not hex", b), Accepted: "64 hex digits"}
	}
	for w := 0; w < 4; w++ {
		var v uint64
		for i := 0; i < 8; i++ {
			v = v<<8 | uint64(raw[w*8+i])
		}
		p[3-w] = v
	}
	return nil
}

// ImageVariant is one more form in which an official photo may turn up on
// a listing: turned, mirrored, cropped, or trimmed as a re-upload on a
// white or black canvas would be. Its hashes are computed from the
// official photo when it is imported.
type ImageVariant struct {
	// Kind says what the variant is, for reasons: "rotated 90°",
	// "mirrored left-right", "cropped to 90 % at top left", "trimmed as
	// on a white canvas".
	Kind  string `json:"kind"`
	PHash uint64 `json:"phash,omitempty"`
	DHash uint64 `json:"dhash,omitempty"`
	PDQ   PDQ    `json:"pdq"`
}
