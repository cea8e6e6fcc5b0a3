package store

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/shadowscan/shadowscan"
)

func TestDecodeValue(t *testing.T) {
	tests := []struct {
		name, in, wantErr string
	}{
		{"current layout", `{"v":1,"data":{"id":"aurora","name":"A"}}`, ""},
		{"newer layout is refused", `{"v":2,"data":{}}`, "layout version 2 is not one this shadowscan knows"},
		{"missing version is refused", `{"data":{}}`, "layout version 0"},
		{"not JSON", `{"v":1,`, "decode brand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := decodeValue[shadowscan.Brand]([]byte(tt.in), brandV, "brand")
			if tt.wantErr == "" {
				if err != nil || b.ID != "aurora" {
					t.Fatalf("decode = %+v, %v", b, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestIndexKeysSort(t *testing.T) {
	// Higher score first; among equal scores, higher id first.
	order := []struct {
		score int
		id    uint64
	}{{100, 1}, {90, 7}, {90, 3}, {5, 9}, {0, 2}, {-3, 1}}
	for i := 1; i < len(order); i++ {
		a, b := order[i-1], order[i]
		ka, kb := statusIndexKey(shadowscan.StatusNew, a.score, a.id), statusIndexKey(shadowscan.StatusNew, b.score, b.id)
		if bytes.Compare(ka, kb) >= 0 {
			t.Fatalf("key of %+v does not sort before %+v", a, b)
		}
		score, id, ok := parseScoreIndexKey(kb)
		wantScore := max(b.score, 0)
		if !ok || score != wantScore || id != b.id {
			t.Fatalf("parse = %d %d %v, want %d %d", score, id, ok, wantScore, b.id)
		}
	}
	// A status is never a prefix of another status's entries.
	if bytes.HasPrefix(statusIndexKey(shadowscan.StatusRemoved, 1, 1), statusPrefix("remove")) {
		t.Fatal("status prefix is ambiguous")
	}
}

func TestCancelledContext(t *testing.T) {
	db := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := map[string]func() error{
		"Record": func() error {
			_, err := db.Record(ctx, []Observation{{Listing: listing("x", "t", 1, "s")}})
			return err
		},
		"Hits":      func() error { _, err := db.Hits(ctx, shadowscan.HitFilter{}); return err },
		"PutBlob":   func() error { _, err := db.PutBlob(ctx, []byte("x")); return err },
		"StartScan": func() error { return db.StartScan(ctx, &shadowscan.Scan{}) },
		"Visited":   func() error { _, err := db.Visited(ctx, 1, "u"); return err },
		"Mark":      func() error { return db.MarkVisited(ctx, 1, "u") },
		"Catalog":   func() error { _, err := db.Catalog(ctx); return err },
	}
	for name, call := range calls {
		t.Run(name, func(t *testing.T) {
			if err := call(); !errors.Is(err, context.Canceled) {
				t.Fatalf("error = %v, want context.Canceled", err)
			}
		})
	}
}
