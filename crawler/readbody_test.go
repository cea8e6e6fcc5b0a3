package crawler

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadBody(t *testing.T) {
	big := strings.Repeat("x", 3*unknownLengthBuf+17)
	boom := errors.New("connection reset")
	cases := []struct {
		name     string
		r        io.Reader
		cl       int64
		limit    int64
		want     string
		wantErr  error
		wantCap0 bool // the announced length was used: no growth
	}{
		{name: "announced length read without growing", r: strings.NewReader(big[:2000]), cl: 2000, limit: 1 << 20, want: big[:2000], wantCap0: true},
		{name: "unknown length grows past the first buffer", r: strings.NewReader(big), cl: -1, limit: 1 << 20, want: big},
		{name: "one-byte reads", r: iotest.OneByteReader(strings.NewReader("abcdef")), cl: -1, limit: 100, want: "abcdef"},
		{name: "cut at the limit", r: strings.NewReader(big), cl: -1, limit: 10, want: big[:10]},
		{name: "lying content length", r: strings.NewReader(big), cl: 3, limit: 1 << 20, want: big},
		{name: "empty", r: strings.NewReader(""), cl: 0, limit: 10, want: ""},
		{name: "read error kept with the bytes so far", r: io.MultiReader(strings.NewReader("part"), iotest.ErrReader(boom)), cl: 100, limit: 1000, want: "part", wantErr: boom},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := readBody(c.r, c.cl, c.limit)
			if !errors.Is(err, c.wantErr) || (c.wantErr == nil && err != nil) {
				t.Fatalf("err %v, want %v", err, c.wantErr)
			}
			if !bytes.Equal(got, []byte(c.want)) {
				t.Fatalf("read %d bytes, want %d", len(got), len(c.want))
			}
			if c.wantCap0 && cap(got) != int(c.cl)+1 {
				t.Fatalf("buffer cap %d, want %d (announced length plus one)", cap(got), c.cl+1)
			}
		})
	}
}
