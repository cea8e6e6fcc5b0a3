package store

import (
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// migratePhotoHashes is schema 5: the official photos of every stored
// product are hashed again from the bytes the store keeps, with
// photo.HashOfficial, so that photos imported before shadowscan computed
// PDQ get their PDQ hash, its quality and their variants (turns, mirror
// images, crops, canvas trims), and every hash is computed the way new
// imports and scans compute it. A photo whose bytes are not in the store,
// or no longer decode, keeps the hashes it had: the matcher still uses
// its pHash. It costs some tens of milliseconds a photo, once.
func migratePhotoHashes(tx *bbolt.Tx, _ *migrationEnv) error {
	products, blobs := tx.Bucket(bucketProducts), tx.Bucket(bucketBlobs)
	if products == nil || blobs == nil {
		return nil // nothing imported yet
	}
	type update struct {
		key, value []byte
	}
	var updates []update
	err := products.ForEach(func(k, v []byte) error {
		p, err := decodeValue[shadowscan.Product](v, productV, "product "+string(k))
		if err != nil {
			return err
		}
		if !rehashPhotos(&p, blobs) {
			return nil
		}
		nv, err := encodeValue(productV, p)
		if err != nil {
			return err
		}
		updates = append(updates, update{slices.Clone(k), nv})
		return nil
	})
	if err != nil {
		return err
	}
	// bbolt does not allow writes to a bucket while ForEach walks it.
	for _, u := range updates {
		if err := products.Put(u.key, u.value); err != nil {
			return fmt.Errorf("save product %s: %w", u.key, err)
		}
	}
	return nil
}

// rehashPhotos hashes p's photos again from their stored bytes and
// reports whether any changed.
func rehashPhotos(p *shadowscan.Product, blobs *bbolt.Bucket) bool {
	changed := false
	for i := range p.Images {
		im := &p.Images[i]
		if !validSHA(im.SHA256) {
			continue
		}
		stored := blobs.Get([]byte(im.SHA256))
		if stored == nil {
			continue
		}
		data, err := decodeBlob(im.SHA256, stored)
		if err != nil {
			continue
		}
		h, err := photo.HashOfficial(data, photo.DefaultLimits)
		if err != nil {
			continue
		}
		*im = photo.OfficialRef(im.Source, h)
		changed = true
	}
	return changed
}
