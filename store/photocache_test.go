package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/photo"
)

// TestKnownPhotoHashes: recording a listing keeps the hashes of its hashed
// photos by their SHA-256, for this shadowscan's photo.HashVersion only.
// Unhashed photos and sums that are not SHA-256 hex are not kept, and
// hashes of another version are not given out (a later recording of the
// same bytes replaces them).
func TestKnownPhotoHashes(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t)
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	a, b, c := sum("a"), sum("b"), sum("c")
	l := listing("p1", "photo test", 10000, "shop")
	l.Images = []shadowscan.ListingImage{
		{URL: "http://x/a.jpg", SHA256: a, PHash: 11, DHash: 12, PDQ: shadowscan.PDQ{1, 2, 3, 4}, PDQQuality: 90, Hashed: true},
		{URL: "http://x/b.jpg", SHA256: b, Err: "photo too large"},
		{URL: "http://x/c.jpg", SHA256: strings.ToUpper(c), PHash: 5, Hashed: true},
	}
	if _, err := db.Record(ctx, []Observation{{Listing: l}}); err != nil {
		t.Fatal(err)
	}
	h, ok, err := db.KnownPhotoHashes(ctx, a)
	if err != nil || !ok || h.SHA256 != a || h.PHash != 11 || h.DHash != 12 || h.PDQ != l.Images[0].PDQ || h.PDQQuality != 90 {
		t.Fatalf("known a: %+v %v %v", h, ok, err)
	}
	for _, s := range []string{b, c, strings.ToUpper(c), "not-a-sum", ""} {
		if h, ok, err := db.KnownPhotoHashes(ctx, s); ok || err != nil {
			t.Errorf("KnownPhotoHashes(%q) = %+v, %v, %v; want unknown", s, h, ok, err)
		}
	}

	// Hashes of an earlier way of hashing are not this version's.
	key, _ := hex.DecodeString(a)
	err = db.bolt.Update(func(tx *bbolt.Tx) error {
		v, err := encodeValue(photoHashesV, photoHashes{Version: photo.HashVersion - 1, PHash: 99})
		if err != nil {
			return err
		}
		return tx.Bucket(bucketPhotoHashes).Put(key, v)
	})
	if err != nil {
		t.Fatal(err)
	}
	if h, ok, err := db.KnownPhotoHashes(ctx, a); ok || err != nil {
		t.Fatalf("an older version's hashes given out: %+v %v %v", h, ok, err)
	}
	l.Title = "photo test, seen again"
	if _, err := db.Record(ctx, []Observation{{Listing: l}}); err != nil {
		t.Fatal(err)
	}
	if h, ok, err := db.KnownPhotoHashes(ctx, a); !ok || err != nil || h.PHash != 11 {
		t.Fatalf("after recording again: %+v %v %v; want this version's hashes", h, ok, err)
	}
}

// TestMigration8PhotoHashes opens a schema-7 store: the photo hashes
// bucket is created, empty, and lookups find nothing.
func TestMigration8PhotoHashes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := openAtSchema(t, path, 7)
	if hasBucket(t, db, bucketPhotoHashes) {
		t.Fatal("photo hashes bucket exists at schema 7")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db = MustOpenPath(t, path)
	if v := schemaVersionOf(t, db); v != SchemaVersion || !hasBucket(t, db, bucketPhotoHashes) {
		t.Fatalf("after migration: schema %d, bucket %v", v, hasBucket(t, db, bucketPhotoHashes))
	}
	if _, ok, err := db.KnownPhotoHashes(context.Background(), strings.Repeat("ab", 32)); ok || err != nil {
		t.Fatalf("lookup in the new bucket: %v %v", ok, err)
	}
}
