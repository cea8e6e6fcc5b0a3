package fleet

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// TestSnapshot: a snapshot is named by its content, put once however
// often it is put, and read back whole by any connection; an unknown
// name is an error that says so.
func TestSnapshot(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv := MustServer(t)
	coord, work := MustConnect(t, srv, "coordinator"), MustConnect(t, srv, "worker")
	data := []byte(`{"catalog":{"brands":[{"id":"acme"}]}}`)
	name, err := coord.PutSnapshot(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	first, err := coord.catalogs.GetInfo(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	again, err := coord.PutSnapshot(ctx, data)
	if err != nil || again != name || len(name) != 64 {
		t.Fatalf("put twice: %q and %q (%v); want the same sha256 name", name, again, err)
	}
	if info, err := coord.catalogs.GetInfo(ctx, name); err != nil || info.NUID != first.NUID {
		t.Errorf("the second put of the same snapshot wrote it again (%v)", err)
	}
	other, err := coord.PutSnapshot(ctx, append(data, ' '))
	if err != nil || other == name {
		t.Fatalf("other bytes named %q (%v), as the first", other, err)
	}
	got, err := work.Snapshot(ctx, name)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read back %q, %v; want %q", got, err, data)
	}
	if _, err := work.Snapshot(ctx, strings.Repeat("0", 64)); err == nil || !strings.Contains(err.Error(), "not in nats") {
		t.Errorf("an unknown snapshot: %v; want an error saying it is not in nats", err)
	}
}
