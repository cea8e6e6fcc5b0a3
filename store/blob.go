package store

import (
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io"
	"sync"

	"go.etcd.io/bbolt"

	"github.com/shadowscan/shadowscan"
)

// MaxBlobSize is the largest blob the store accepts. Captures larger than
// this should have been cut by the crawler's body limit long before.
const MaxBlobSize = 32 << 20

// Blob encodings: the first byte of a stored blob.
const (
	blobRaw   byte = 0 // the bytes as given
	blobFlate byte = 1 // compress/flate
)

// flateWriters and flateReaders are reused: a new flate.Writer costs about
// 800 KB and a millisecond, more than compressing a typical page.
var (
	flateWriters = sync.Pool{New: func() any {
		w, err := flate.NewWriter(io.Discard, flate.BestSpeed)
		if err != nil {
			panic(err) // only for an invalid level
		}
		return w
	}}
	flateReaders = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}
)

// encodedBlob is a blob ready to store: its digest and stored form.
type encodedBlob struct {
	sha    string
	stored []byte
}

// encodeBlob digests data and compresses it, keeping the raw bytes when
// compression does not make them smaller (JPEG, PNG).
func encodeBlob(data []byte) (encodedBlob, error) {
	if len(data) > MaxBlobSize {
		return encodedBlob{}, shadowscan.Errorf(shadowscan.EINVALID, "blob of %d bytes is over the %d byte limit", len(data), MaxBlobSize)
	}
	sum := sha256.Sum256(data)
	if compressed(data) {
		stored := make([]byte, 0, 1+binary.MaxVarintLen64+len(data))
		stored = append(stored, blobRaw)
		stored = binary.AppendUvarint(stored, uint64(len(data)))
		stored = append(stored, data...)
		return encodedBlob{sha: hex.EncodeToString(sum[:]), stored: stored}, nil
	}
	head := binary.AppendUvarint([]byte{blobFlate}, uint64(len(data)))
	var buf bytes.Buffer
	buf.Write(head)
	zw := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(zw)
	zw.Reset(&buf)
	if _, err := zw.Write(data); err != nil {
		return encodedBlob{}, fmt.Errorf("compress blob: %w", err)
	}
	if err := zw.Close(); err != nil {
		return encodedBlob{}, fmt.Errorf("compress blob: %w", err)
	}
	stored := buf.Bytes()
	if buf.Len() >= len(head)+len(data) {
		stored = make([]byte, 0, len(head)+len(data))
		stored = append(stored, blobRaw)
		stored = binary.AppendUvarint(stored, uint64(len(data)))
		stored = append(stored, data...)
	}
	return encodedBlob{sha: hex.EncodeToString(sum[:]), stored: stored}, nil
}

// compressed reports whether data starts like a format that is already
// compressed (JPEG, PNG, GIF, WebP, gzip, zip): deflating it again costs
// time and saves nothing, and listing photos are most of a scan's bytes.
func compressed(data []byte) bool {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}),
		bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")),
		bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")),
		len(data) >= 12 && bytes.HasPrefix(data, []byte("RIFF")) && string(data[8:12]) == "WEBP",
		bytes.HasPrefix(data, []byte{0x1F, 0x8B}),
		bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return true
	}
	return false
}

// decodeBlob returns the bytes of a stored blob, bounded by the length in
// its header and checked against its name.
func decodeBlob(sha string, stored []byte) ([]byte, error) {
	corrupt := func(format string, args ...any) error {
		return shadowscan.Errorf(shadowscan.EINTERNAL, "blob %s is corrupt: %s", sha, fmt.Sprintf(format, args...))
	}
	if len(stored) < 2 {
		return nil, corrupt("%d bytes is too short", len(stored))
	}
	enc := stored[0]
	n, w := binary.Uvarint(stored[1:])
	if w <= 0 || n > MaxBlobSize {
		return nil, corrupt("bad length header")
	}
	body := stored[1+w:]
	var data []byte
	switch enc {
	case blobRaw:
		if uint64(len(body)) != n {
			return nil, corrupt("%d bytes stored, header says %d", len(body), n)
		}
		data = bytes.Clone(body)
	case blobFlate:
		zr := flateReaders.Get().(io.ReadCloser)
		defer flateReaders.Put(zr)
		if err := zr.(flate.Resetter).Reset(bytes.NewReader(body), nil); err != nil {
			return nil, corrupt("%v", err)
		}
		// The header is not trusted for the allocation: grow as bytes come.
		buf := bytes.NewBuffer(make([]byte, 0, min(n, 64<<10)))
		got, err := io.Copy(buf, io.LimitReader(zr, int64(n)+1))
		if err != nil {
			return nil, corrupt("%v", err)
		}
		if uint64(got) != n {
			return nil, corrupt("%d bytes after decompression, header says %d", got, n)
		}
		data = buf.Bytes()
	default:
		return nil, corrupt("unknown encoding %d", enc)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != sha {
		return nil, corrupt("its content hashes to %s", got)
	}
	return data, nil
}

// validSHA reports whether s is a lower-case hex SHA-256.
func validSHA(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

func checkSHA(sha string) error {
	if !validSHA(sha) {
		return shadowscan.Errorf(shadowscan.EINVALID, "blob name %q is not a SHA-256 (accepted: 64 lower-case hex digits)", sha)
	}
	return nil
}

// putBlob stores an encoded blob unless it is already there: blobs are
// written once.
func putBlob(tx *bbolt.Tx, b encodedBlob) error {
	bk, err := bucket(tx, bucketBlobs)
	if err != nil {
		return err
	}
	if bk.Get([]byte(b.sha)) != nil {
		return nil
	}
	if err := bk.Put([]byte(b.sha), b.stored); err != nil {
		return fmt.Errorf("store blob %s: %w", b.sha, err)
	}
	return nil
}

// PutBlob stores data under its SHA-256 and returns the digest in hex.
// Storing the same bytes again writes nothing. It returns EINVALID when
// data is over MaxBlobSize.
func (db *DB) PutBlob(ctx context.Context, data []byte) (string, error) {
	b, err := encodeBlob(data)
	if err != nil {
		return "", err
	}
	if err := db.update(ctx, func(tx *bbolt.Tx) error { return putBlob(tx, b) }); err != nil {
		return "", fmt.Errorf("put blob: %w", err)
	}
	return b.sha, nil
}

// Blob returns the bytes stored under sha. It returns ENOTFOUND when there
// are none, EINVALID when sha is not a SHA-256, and EINTERNAL naming the
// blob when the stored bytes no longer match their digest.
func (db *DB) Blob(ctx context.Context, sha string) ([]byte, error) {
	if err := checkSHA(sha); err != nil {
		return nil, err
	}
	var data []byte
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		bk, err := bucket(tx, bucketBlobs)
		if err != nil {
			return err
		}
		v := bk.Get([]byte(sha))
		if v == nil {
			return shadowscan.Errorf(shadowscan.ENOTFOUND, "blob %s is not in the store", sha)
		}
		data, err = decodeBlob(sha, v)
		return err
	})
	if err != nil {
		return nil, err
	}
	return data, nil
}

// HasBlob reports whether bytes are stored under sha. It returns EINVALID
// when sha is not a SHA-256.
func (db *DB) HasBlob(ctx context.Context, sha string) (bool, error) {
	if err := checkSHA(sha); err != nil {
		return false, err
	}
	var ok bool
	err := db.view(ctx, func(tx *bbolt.Tx) error {
		bk, err := bucket(tx, bucketBlobs)
		if err != nil {
			return err
		}
		ok = bk.Get([]byte(sha)) != nil
		return nil
	})
	return ok, err
}
