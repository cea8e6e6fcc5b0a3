package store

import (
	"context"
	"encoding/hex"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// bucketPhotoHashes holds the hashes of the listing photos the store has
// recorded, by the SHA-256 of their bytes [schema 8]: a later scan that
// fetches the same bytes (the listing seen again the next day, or another
// listing showing the photo) takes the hashes from here instead of
// decoding the photo again (crawler.WithKnownHashes).
var bucketPhotoHashes = []byte("photo_hashes")

// photoHashesV is the layout version of a stored photoHashes.
const photoHashesV = 1

// photoHashes is what the store keeps of one photo's hashes.
type photoHashes struct {
	// Version is photo.HashVersion of the code that computed them: hashes
	// of another version are not taken for this one's.
	Version    int            `json:"hash_version"`
	PHash      uint64         `json:"phash"`
	DHash      uint64         `json:"dhash"`
	PDQ        shadowscan.PDQ `json:"pdq,omitzero"`
	PDQQuality int            `json:"pdq_quality,omitempty"`
}

// photoKey is the bucket key of a photo: its SHA-256 as 32 bytes, or nil
// when sum is not a SHA-256 in lower-case hex.
func photoKey(sum string) []byte {
	if len(sum) != 2*32 {
		return nil
	}
	k, err := hex.DecodeString(sum)
	if err != nil || hex.EncodeToString(k) != sum {
		return nil
	}
	return k
}

// keepPhotoHashes records the hashes of the hashed photos of l, computed
// by this shadowscan (photo.HashVersion), unless they are there already.
func keepPhotoHashes(b *bbolt.Bucket, l *shadowscan.Listing) error {
	for _, im := range l.Images {
		k := photoKey(im.SHA256)
		if !im.Hashed || k == nil {
			continue
		}
		if v := b.Get(k); v != nil {
			if old, err := decodeValue[photoHashes](v, photoHashesV, "photo hashes"); err == nil && old.Version == photo.HashVersion {
				continue
			}
		}
		v, err := encodeValue(photoHashesV, photoHashes{Version: photo.HashVersion, PHash: im.PHash, DHash: im.DHash, PDQ: im.PDQ, PDQQuality: im.PDQQuality})
		if err != nil {
			return err
		}
		if err := b.Put(k, v); err != nil {
			return err
		}
	}
	return nil
}

// KnownPhotoHashes returns the hashes of the photo whose bytes have the
// SHA-256 sum (lower-case hex) if a scan recorded them before with this
// shadowscan's way of hashing (photo.HashVersion); ok is false otherwise.
// Only the hashes the matcher compares are kept (SHA256, PHash, DHash,
// PDQ, PDQQuality).
func (db *DB) KnownPhotoHashes(ctx context.Context, sum string) (h photo.Hashes, ok bool, err error) {
	k := photoKey(sum)
	if k == nil {
		return photo.Hashes{}, false, nil
	}
	err = db.view(ctx, func(tx *bbolt.Tx) error {
		b, err := bucket(tx, bucketPhotoHashes)
		if err != nil {
			return err
		}
		v := b.Get(k)
		if v == nil {
			return nil
		}
		rec, err := decodeValue[photoHashes](v, photoHashesV, "photo hashes "+sum)
		if err != nil {
			return err
		}
		if rec.Version == photo.HashVersion {
			h = photo.Hashes{SHA256: sum, PHash: rec.PHash, DHash: rec.DHash, PDQ: rec.PDQ, PDQQuality: rec.PDQQuality}
			ok = true
		}
		return nil
	})
	if err != nil {
		return photo.Hashes{}, false, err
	}
	return h, ok, nil
}
