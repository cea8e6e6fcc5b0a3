package catalog

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/shadowscan/shadowscan/photo"
)

// imageServer serves the testdata images and some misbehaving routes on
// 127.0.0.1.
func imageServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	jpg := MustRead(t, "images/aur-prot-500.jpg")
	webp := MustRead(t, "images/aur-tea-20.webp")
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/p.jpg", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write(jpg)
	})
	mux.HandleFunc("/t.webp", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html") // the type is sniffed, not trusted
		w.Write(webp)
	})
	mux.HandleFunc("/big.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(len(jpg)*10))
		for range 10 {
			w.Write(jpg)
		}
	})
	mux.HandleFunc("/stream.jpg", func(w http.ResponseWriter, r *http.Request) {
		// No Content-Length: the limit must hold while reading.
		fl := w.(http.Flusher)
		for range 10 {
			w.Write(jpg)
			fl.Flush()
		}
	})
	mux.HandleFunc("/slow.jpg", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/page.jpg", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html><body>captcha</body></html>"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("test server on %s, want 127.0.0.1", srv.URL)
	}
	return srv, &hits
}

// allowServer lets image URLs reach srv on loopback.
func allowServer(srv *httptest.Server) Option {
	return WithAllowedImageHosts(srv.Listener.Addr().String())
}

func TestURLImages(t *testing.T) {
	srv, hits := imageServer(t)
	u := srv.URL
	yaml := head +
		"  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [" + u + "/p.jpg, " + u + "/t.webp]\n" +
		"  - sku: B\n    name: B\n    price: 1\n    currency: CNY\n    images: [" + u + "/p.jpg]\n"
	fsys := fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}
	f, err := Load(context.Background(), fsys, "c.yaml", WithHTTPClient(srv.Client()), allowServer(srv))
	if err != nil {
		t.Fatal(err)
	}
	a, b := f.Catalog.Product("A"), f.Catalog.Product("B")
	if len(a.Images) != 2 || len(b.Images) != 1 {
		t.Fatalf("images: A %v, B %v", a.Images, b.Images)
	}
	if a.Images[0].Source != u+"/p.jpg" || a.Images[0].Width != 48 || a.Images[1].Width != 16 {
		t.Errorf("A images = %+v", a.Images)
	}
	if !reflect.DeepEqual(b.Images[0], a.Images[0]) {
		t.Errorf("the same URL hashed differently: %+v vs %+v", b.Images[0], a.Images[0])
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("p.jpg fetched %d times, want once", n)
	}
	if len(f.Photos) != 2 {
		t.Errorf("%d photos, want 2", len(f.Photos))
	}

	limit := photo.Limits{MaxBytes: 4000}
	cases := []struct {
		name, path, msg string
	}{
		{"404", "/missing.jpg", "GET answered 404 Not Found"},
		{"oversize by Content-Length", "/big.jpg", "Content-Length 10530 bytes is over the limit of 4000 bytes"},
		{"oversize while reading", "/stream.jpg", "more than the limit of 4000 bytes"},
		{"html instead of an image", "/page.jpg", "detected html"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			yaml := head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images:\n      - " + u + tc.path + "\n"
			fsys := fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}
			_, err := Load(context.Background(), fsys, "c.yaml", WithHTTPClient(srv.Client()), allowServer(srv), WithImageLimits(limit))
			fes := MustFieldErrors(t, err)
			if len(fes) != 1 {
				t.Fatalf("got %v, want one error", err)
			}
			fe := fes[0]
			if fe.Field != "products[0].images[0]" || fe.Line != 10 || !strings.Contains(fe.Msg, tc.msg) || !strings.Contains(fe.Msg, u+tc.path) {
				t.Errorf("error = %q (field %q line %d), want products[0].images[0] line 10 naming the URL and %q", fe, fe.Field, fe.Line, tc.msg)
			}
		})
	}
}

func TestURLImageContextCancel(t *testing.T) {
	srv, _ := imageServer(t)
	yaml := head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [" + srv.URL + "/slow.jpg]\n"
	fsys := fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := Load(ctx, fsys, "c.yaml", WithHTTPClient(srv.Client()), allowServer(srv))
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	t.Logf("returned %v after the deadline", time.Since(start)-100*time.Millisecond)
}

func TestRelativeImagesStayInside(t *testing.T) {
	jpg := MustRead(t, "images/aur-prot-500.jpg")
	// Climbing out of the file's directory but staying inside fsys is fine.
	fsys := fstest.MapFS{
		"cat/c.yaml":   {Data: []byte(head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: [../shared/p.jpg, ./x/../../shared/p.jpg]\n")},
		"shared/p.jpg": {Data: jpg},
	}
	f, err := Load(context.Background(), fsys, "cat/c.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if imgs := f.Catalog.Products[0].Images; len(imgs) != 2 || imgs[0].Source != "../shared/p.jpg" {
		t.Errorf("images = %+v", imgs)
	}
}

func TestLoadPathRefusesEscapes(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.jpg")
	if err := os.WriteFile(secret, MustRead(t, "images/aur-prot-500.jpg"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "cat")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(dir, "link.jpg")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	rel, err := filepath.Rel(dir, secret)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, src, msg string
	}{
		{"dot-dot", filepath.ToSlash(rel), "path leaves the catalogue's directory"},
		{"symbolic link", "link.jpg", "path escapes from parent"},
		{"absolute", secret, "absolute paths are not accepted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			name := filepath.Join(dir, "c.yaml")
			yaml := head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images: ['" + tc.src + "']\n"
			if err := os.WriteFile(name, []byte(yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := LoadPath(context.Background(), name)
			fes := MustFieldErrors(t, err)
			if len(fes) != 1 || fes[0].Line != 9 || fes[0].File != name || !strings.Contains(fes[0].Msg, tc.msg) {
				t.Fatalf("err = %v, want one error on line 9 of %s containing %q", err, name, tc.msg)
			}
		})
	}
}
