package catalog

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/shadowscan/shadowscan"
)

// loadOne loads a catalogue whose one product has the image src and
// returns its one image error message ("" when it loaded).
func loadOne(t *testing.T, src string, opts ...Option) string {
	t.Helper()
	yaml := head + "  - sku: A\n    name: A\n    price: 1\n    currency: CNY\n    images:\n      - " + src + "\n"
	_, err := Load(context.Background(), fstest.MapFS{"c.yaml": {Data: []byte(yaml)}}, "c.yaml", opts...)
	if err == nil {
		return ""
	}
	fes := MustFieldErrors(t, err)
	if len(fes) != 1 || fes[0].Field != "products[0].images[0]" || !strings.Contains(fes[0].Msg, src) {
		t.Fatalf("err %v, want one error on products[0].images[0] naming %s", err, src)
	}
	return fes[0].Msg
}

// dialLog records the addresses dialed and dials only loopback.
type dialLog struct {
	mu     sync.Mutex
	dialed []string
}

func (d *dialLog) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	d.mu.Lock()
	d.dialed = append(d.dialed, addr)
	d.mu.Unlock()
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		return nil, errors.New("dialLog: no route to " + addr)
	}
	var nd net.Dialer
	return nd.DialContext(ctx, network, addr)
}

func (d *dialLog) all() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.dialed...)
}

// fakeNames answers names from a table.
func fakeNames(names map[string]string) Option {
	return func(cfg *config) {
		cfg.lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
			if a, ok := names[host]; ok {
				return []netip.Addr{netip.MustParseAddr(a)}, nil
			}
			return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
	}
}

func withDial(d *dialLog) Option { return func(cfg *config) { cfg.dial = d.dial } }

// TestImageURLsRefusePrivateAddresses: catalogue image URLs reach only
// public addresses unless the host is allowed; the check is made on the
// address dialed, so a public-looking name that resolves to loopback is
// refused too, and so is a redirect from an allowed host to another.
func TestImageURLsRefusePrivateAddresses(t *testing.T) {
	srv, hits := imageServer(t)
	other, otherHits := imageServer(t)
	srv.Config.Handler.(*http.ServeMux).HandleFunc("/hop.jpg", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/p.jpg", http.StatusFound)
	})
	addr := srv.Listener.Addr().String()
	_, port, _ := net.SplitHostPort(addr)
	names := fakeNames(map[string]string{"images.public-looking.com": "127.0.0.1"})
	tests := []struct {
		name, src string
		opts      []Option
		want      string // "" means it loads
	}{
		{"loopback by default", srv.URL + "/p.jpg", nil, "a loopback address; pass --allow-image-host " + addr},
		{"allowed host:port", srv.URL + "/p.jpg", []Option{WithAllowedImageHosts(addr)}, ""},
		{"allowed host, any port", srv.URL + "/p.jpg", []Option{WithAllowedImageHosts("127.0.0.1")}, ""},
		{"allowed on another port", srv.URL + "/p.jpg", []Option{WithAllowedImageHosts("127.0.0.1:1")}, "loopback address"},
		{"redirect to a host not allowed", srv.URL + "/hop.jpg", []Option{WithAllowedImageHosts(addr)}, "loopback address"},
		{"rebinding name", "http://images.public-looking.com:" + port + "/p.jpg", []Option{names, WithAllowedImageHosts(addr)}, "refused to connect to images.public-looking.com (127.0.0.1): a loopback address"},
		{"private literal", "http://10.0.0.8/p.jpg", nil, "a private address"},
		{"metadata", "http://169.254.169.254/latest/meta-data/", nil, "a cloud metadata address is never fetched"},
		{"metadata over IPv6", "http://[fd00:ec2::254]/latest/", nil, "cloud metadata"},
		{"metadata even when its host is allowed by name", "http://metadata.internal/x", []Option{fakeNames(map[string]string{"metadata.internal": "169.254.169.254"}), WithAllowedImageHosts("metadata.internal")}, "cloud metadata"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits.Store(0)
			otherHits.Store(0)
			var dl dialLog
			opts := append([]Option{WithHTTPClient(srv.Client()), withDial(&dl)}, tc.opts...)
			msg := loadOne(t, tc.src, opts...)
			switch {
			case tc.want == "" && msg != "":
				t.Fatalf("refused: %s", msg)
			case tc.want != "" && !strings.Contains(msg, tc.want):
				t.Fatalf("error %q, want %q", msg, tc.want)
			}
			if tc.want != "" {
				if hits.Load() != 0 || otherHits.Load() != 0 {
					t.Errorf("a refused image was requested (%d, %d)", hits.Load(), otherHits.Load())
				}
				for _, a := range dl.all() {
					if a != addr {
						t.Errorf("dialed %s", a)
					}
				}
			}
		})
	}
}

// TestImageErrorsNeverEchoTheAnswer: what a failing endpoint sent (a
// non-HTTP banner, a reason phrase, a body) is not in the import error,
// while the cause is.
func TestImageErrorsNeverEchoTheAnswer(t *testing.T) {
	const secret = "SECRET-7f3a internal admin token"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	var mode atomic.Value
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				bufio.NewReader(c).ReadString('\n')
				switch mode.Load() {
				case "banner":
					c.Write([]byte(secret + "\r\n\r\n"))
				case "reason":
					c.Write([]byte("HTTP/1.1 500 " + secret + "\r\nContent-Length: 32\r\n\r\n" + secret[:32]))
				case "body":
					c.Write([]byte("HTTP/1.1 403 Forbidden\r\nContent-Length: 32\r\n\r\n" + secret[:32]))
				}
			}()
		}
	}()
	addr := ln.Addr().String()
	for _, tc := range []struct{ mode, want string }{
		{"banner", "malformed HTTP"},
		{"reason", "GET answered 500 Internal Server Error"},
		{"body", "GET answered 403 Forbidden"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			mode.Store(tc.mode)
			msg := loadOne(t, "http://"+addr+"/p.jpg", WithAllowedImageHosts(addr))
			if !strings.Contains(msg, tc.want) || strings.Contains(msg, "SECRET") {
				t.Errorf("error %q, want %q and nothing the server sent", msg, tc.want)
			}
		})
	}
	t.Run("connection refused keeps its cause", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		closed := l.Addr().String()
		l.Close()
		if msg := loadOne(t, "http://"+closed+"/p.jpg", WithAllowedImageHosts(closed)); !strings.Contains(msg, "connection refused") {
			t.Errorf("error %q, want connection refused", msg)
		}
	})
}

// recordingRT is a RoundTripper that is not an *http.Transport.
type recordingRT struct{ n atomic.Int32 }

func (r *recordingRT) RoundTrip(req *http.Request) (*http.Response, error) {
	r.n.Add(1)
	return http.DefaultTransport.RoundTrip(req)
}

// TestImageURLsCustomTransport: a client whose transport cannot be given
// the dialer still refuses private literals and names before the request.
func TestImageURLsCustomTransport(t *testing.T) {
	rt := &recordingRT{}
	client := &http.Client{Transport: rt}
	names := fakeNames(map[string]string{"cdn.public-looking.com": "10.1.1.1"})
	for _, src := range []string{"http://10.0.0.9/p.jpg", "http://127.0.0.1:1/p.jpg", "http://cdn.public-looking.com/p.jpg"} {
		if msg := loadOne(t, src, WithHTTPClient(client), names); !strings.Contains(msg, "refused to connect") {
			t.Errorf("%s: error %q, want refused", src, msg)
		}
	}
	if rt.n.Load() != 0 {
		t.Errorf("the transport saw %d requests", rt.n.Load())
	}
}

func TestAllowedImageHostsAreChecked(t *testing.T) {
	for _, h := range []string{"127.0.0.1:0", "127.0.0.1:99999", "http://127.0.0.1", "a/b", "", "169.254.169.254"} {
		_, err := Load(context.Background(), fstest.MapFS{"c.yaml": {Data: []byte(head + okProduct)}}, "c.yaml", WithAllowedImageHosts(h))
		if shadowscan.ErrorCode(err) != shadowscan.EINVALID || !strings.Contains(err.Error(), "allowed image host") {
			t.Errorf("%q: err %v, want an invalid allowed image host", h, err)
		}
	}
}
