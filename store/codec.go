package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"

	"github.com/shadowscan/shadowscan"
)

// Layout versions of the JSON values. Bump one when its layout changes in a
// way old code cannot read, and teach decodeValue's callers the old one.
const (
	brandV         = 1
	productV       = 1
	scanV          = 1
	listingRecordV = 1
	listingChangeV = 1
	captureV       = 1
	hitV           = 1
)

// versioned wraps every JSON value with the version of its layout, so a
// later shadowscan can read old values and an older one can refuse new ones.
type versioned[T any] struct {
	V    int `json:"v"`
	Data T   `json:"data"`
}

func encodeValue[T any](v int, x T) ([]byte, error) {
	b, err := json.Marshal(versioned[T]{V: v, Data: x})
	if err != nil {
		return nil, fmt.Errorf("encode value: %w", err)
	}
	return b, nil
}

// decodeValue decodes a versioned value of at most layout version latest.
func decodeValue[T any](b []byte, latest int, what string) (T, error) {
	var out versioned[T]
	if err := checkSize(b, what); err != nil {
		return out.Data, err
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return out.Data, fmt.Errorf("decode %s: %w", what, err)
	}
	if out.V < 1 || out.V > latest {
		return out.Data, fmt.Errorf("decode %s: layout version %d is not one this shadowscan knows (1 to %d)", what, out.V, latest)
	}
	return out.Data, nil
}

// u64 returns n as an 8-byte big-endian key, which sorts numerically.
func u64(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return b[:]
}

// scoreDesc turns a score into two bytes that sort highest first.
func scoreDesc(score int) uint16 {
	switch {
	case score < 0:
		score = 0
	case score > 0xFFFF:
		score = 0xFFFF
	}
	return 0xFFFF - uint16(score)
}

// scoreIndexKey is score-desc u16 then id-desc u64: a cursor walks the
// highest score first, newest first among equal scores.
func scoreIndexKey(score int, id uint64) []byte {
	k := make([]byte, 10)
	binary.BigEndian.PutUint16(k, scoreDesc(score))
	binary.BigEndian.PutUint64(k[2:], ^id)
	return k
}

// statusIndexKey is status 0x00 then scoreIndexKey.
func statusIndexKey(st shadowscan.Status, score int, id uint64) []byte {
	k := make([]byte, 0, len(st)+11)
	k = append(k, st...)
	k = append(k, 0)
	return append(k, scoreIndexKey(score, id)...)
}

func statusPrefix(st shadowscan.Status) []byte { return append([]byte(st), 0) }

// parseScoreIndexKey reads the score and id back from the last ten bytes.
func parseScoreIndexKey(k []byte) (score int, id uint64, ok bool) {
	if len(k) < 10 {
		return 0, 0, false
	}
	k = k[len(k)-10:]
	return int(0xFFFF - binary.BigEndian.Uint16(k)), ^binary.BigEndian.Uint64(k[2:]), true
}

// hitSummary is what the index entries carry so that filters on brand,
// site, category and seller do not decode the hit.
type hitSummary struct {
	BrandID, Site, Category, SellerID string
}

func encodeSummary(h *shadowscan.Hit) []byte {
	fields := []string{h.BrandID, h.Listing.Site, string(h.Category), h.Listing.SellerID}
	n := 0
	for _, f := range fields {
		n += len(f) + binary.MaxVarintLen64
	}
	b := make([]byte, 0, n)
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	return b
}

func decodeSummary(b []byte) (hitSummary, error) {
	var out [4]string
	for i := range out {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return hitSummary{}, fmt.Errorf("hit index entry is damaged")
		}
		out[i] = string(b[w : w+int(n)])
		b = b[w+int(n):]
	}
	if len(b) != 0 {
		return hitSummary{}, fmt.Errorf("hit index entry has %d trailing bytes", len(b))
	}
	return hitSummary{BrandID: out[0], Site: out[1], Category: out[2], SellerID: out[3]}, nil
}

// matchSummary applies the parts of f the index can answer.
func matchSummary(f *shadowscan.HitFilter, s hitSummary, score int) bool {
	return (f.BrandID == "" || s.BrandID == f.BrandID) &&
		(f.Site == "" || s.Site == f.Site) &&
		(f.Category == "" || s.Category == string(f.Category)) &&
		(f.SellerID == "" || s.SellerID == f.SellerID) &&
		score >= f.MinScore
}
