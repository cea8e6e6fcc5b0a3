package store

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

// TestBucketTreeIsTrue keeps the bucket tree in doc.go true: it names the
// schema this store writes and exactly the buckets a new store has.
func TestBucketTreeIsTrue(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	if want := fmt.Sprintf("// The store at schema %d (SchemaVersion).", SchemaVersion); !strings.Contains(doc, want) {
		t.Errorf("doc.go's bucket tree does not say %q: draw the new schema's buckets", want)
	}
	var drawn []string
	for _, m := range regexp.MustCompile(`(?m)^//\t([a-z_]+)/`).FindAllStringSubmatch(doc, -1) {
		drawn = append(drawn, m[1])
	}
	db := MustOpen(t)
	var have []string
	err = db.view(context.Background(), func(tx *bbolt.Tx) error {
		return tx.ForEach(func(name []byte, _ *bbolt.Bucket) error {
			have = append(have, string(name))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(drawn)
	slices.Sort(have)
	if !slices.Equal(drawn, have) {
		t.Errorf("doc.go draws buckets %v; a new store has %v", drawn, have)
	}
}
