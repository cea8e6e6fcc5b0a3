package fleet

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// maxSnapshot bounds a catalogue snapshot a worker reads: a catalogue of
// tens of thousands of products with their photo hashes is a few MB.
const maxSnapshot = 64 << 20

// PutSnapshot keeps data, a snapshot of what a scan matches against, in
// the catalogs object store and returns its name: the sha256 of data, so
// a snapshot is put once however many scans use it (again only once it
// has been kept half of snapshotTTL), and a name always
// means the same bytes (the version is the content). The coordinator
// puts its snapshot when a scan starts or resumes, and its tasks name
// it (Task.Catalog).
func (c *Conn) PutSnapshot(ctx context.Context, data []byte) (string, error) {
	if len(data) > maxSnapshot {
		return "", fmt.Errorf("catalogue snapshot of %d bytes: at most %d", len(data), maxSnapshot)
	}
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:])
	// Every scan of an unchanged catalogue names the same snapshot: it is
	// put again only when half its time in the store has gone.
	if info, err := c.catalogs.GetInfo(ctx, name); err == nil && time.Since(info.ModTime) < snapshotTTL/2 {
		return name, nil
	}
	err := again(ctx, func(ctx context.Context) error {
		_, err := c.catalogs.PutBytes(ctx, name, data)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("put catalogue snapshot: %w", err)
	}
	return name, nil
}

// Snapshot returns the snapshot named name, checked against its name.
func (c *Conn) Snapshot(ctx context.Context, name string) ([]byte, error) {
	info, err := c.catalogs.GetInfo(ctx, name)
	switch {
	case errors.Is(err, jetstream.ErrObjectNotFound):
		return nil, fmt.Errorf("catalogue snapshot %s: not in nats (expired, or put by another cluster)", name)
	case err != nil:
		return nil, fmt.Errorf("catalogue snapshot %s: %w", name, err)
	case info.Size > maxSnapshot:
		return nil, fmt.Errorf("catalogue snapshot %s: %d bytes, at most %d", name, info.Size, maxSnapshot)
	}
	data, err := c.catalogs.GetBytes(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("catalogue snapshot %s: %w", name, err)
	}
	if sum := sha256.Sum256(data); hex.EncodeToString(sum[:]) != name {
		return nil, fmt.Errorf("catalogue snapshot %s: its bytes do not match its name", name)
	}
	return data, nil
}
