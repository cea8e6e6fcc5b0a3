package crawler

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// httpProxy is a forward HTTP proxy on 127.0.0.1 that counts the
// requests passing through it.
type httpProxy struct {
	srv   *httptest.Server
	count atomic.Int64
	mu    sync.Mutex
	hosts map[string]int
}

func newHTTPProxy(t *testing.T) *httpProxy {
	p := &httpProxy{hosts: map[string]int{}}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !r.URL.IsAbs() {
			http.Error(w, "not a proxy request", http.StatusBadRequest)
			return
		}
		p.count.Add(1)
		p.mu.Lock()
		p.hosts[r.URL.Host]++
		p.mu.Unlock()
		out, _ := http.NewRequestWithContext(r.Context(), r.Method, r.URL.String(), nil)
		out.Header = r.Header.Clone()
		resp, err := http.DefaultTransport.RoundTrip(out)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		for k, vs := range resp.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(resp.StatusCode)
		io.Copy(w, resp.Body)
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// socksProxy is a SOCKS5 proxy (no authentication, CONNECT only) on
// 127.0.0.1 that counts the connections passing through it and the
// addresses it was asked for.
type socksProxy struct {
	ln      net.Listener
	count   atomic.Int64
	mu      sync.Mutex
	targets []string
}

func newSOCKSProxy(t *testing.T) *socksProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &socksProxy{ln: ln}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	return p
}

func (p *socksProxy) addr() string { return p.ln.Addr().String() }

func (p *socksProxy) serve(c net.Conn) {
	defer c.Close()
	buf := make([]byte, 262)
	// Greeting: version, methods.
	if _, err := io.ReadFull(c, buf[:2]); err != nil || buf[0] != 5 {
		return
	}
	if _, err := io.ReadFull(c, buf[:buf[1]]); err != nil {
		return
	}
	c.Write([]byte{5, 0}) // no authentication
	// Request: version, CONNECT, reserved, address type.
	if _, err := io.ReadFull(c, buf[:4]); err != nil || buf[1] != 1 {
		return
	}
	var host string
	switch buf[3] {
	case 1:
		io.ReadFull(c, buf[:4])
		host = netip.AddrFrom4([4]byte(buf[:4])).String()
	case 3:
		io.ReadFull(c, buf[:1])
		n := int(buf[0])
		io.ReadFull(c, buf[:n])
		host = string(buf[:n])
	case 4:
		io.ReadFull(c, buf[:16])
		host = netip.AddrFrom16([16]byte(buf[:16])).String()
	default:
		return
	}
	io.ReadFull(c, buf[:2])
	target := net.JoinHostPort(host, fmt.Sprint(binary.BigEndian.Uint16(buf[:2])))
	p.mu.Lock()
	p.targets = append(p.targets, target)
	p.mu.Unlock()
	up, err := net.Dial("tcp", target)
	if err != nil {
		c.Write([]byte{5, 5, 0, 1, 0, 0, 0, 0, 0, 0})
		return
	}
	defer up.Close()
	p.count.Add(1)
	c.Write([]byte{5, 0, 0, 1, 127, 0, 0, 1, 0, 0})
	done := make(chan struct{}, 2)
	go func() { io.Copy(up, c); done <- struct{}{} }()
	go func() { io.Copy(c, up); done <- struct{}{} }()
	<-done
}

// TestProxiesRotate crawls the test market through an HTTP proxy and a
// SOCKS5 proxy: every request goes through one of them, turn about, and
// the listings are all found.
func TestProxiesRotate(t *testing.T) {
	m := newMarket(t)
	for i := range 8 {
		m.search[1] = append(m.search[1], fmt.Sprintf("/item/x%d", i))
	}
	m.start()
	hp, sp := newHTTPProxy(t), newSOCKSProxy(t)
	site := demoSite(m.url())
	site.Proxies = []string{hp.srv.URL, "socks5://" + sp.addr()}
	// A fresh connection for each request, so the SOCKS5 proxy sees
	// each one of its turns.
	c, err := New(site, fastRetries, WithTransport(&http.Transport{DisableKeepAlives: true}))
	if err != nil {
		t.Fatal(err)
	}
	var col collector
	st, err := c.Run(context.Background(), []string{"q"}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	if len(col.pages) != 8 {
		t.Fatalf("%d listings through the proxies, want 8 (stats %+v)", len(col.pages), st)
	}
	total := 0
	for _, n := range m.allCounts() {
		total += n
	}
	h, s := int(hp.count.Load()), int(sp.count.Load())
	if h+s != total || h == 0 || s == 0 || h-s > 1 || s-h > 1 {
		t.Errorf("the market got %d requests; the HTTP proxy passed %d and the SOCKS5 proxy %d: want all, turn about", total, h, s)
	}
	sp.mu.Lock()
	for _, tg := range sp.targets {
		if !strings.HasPrefix(tg, "127.0.0.1:") {
			t.Errorf("the SOCKS5 proxy was asked for %q, not a checked address", tg)
		}
	}
	sp.mu.Unlock()
}

// TestProxiesKeepTheGuard checks that proxies do not open a way around
// the fetch guard: a link off the site is refused before any proxy sees
// it, and a photo host whose name resolves to a loopback address the
// site is not on is refused through either kind of proxy.
func TestProxiesKeepTheGuard(t *testing.T) {
	for _, kind := range []string{"http", "socks5"} {
		t.Run(kind, func(t *testing.T) {
			m := newMarket(t)
			m.search[1] = []string{"/item/g1", "http://elsewhere.invalid/item/g2"}
			m.pages["/item/g1"] = listingHTML("/item/g1", "http://photos.test:"+strings.Split(m.srv.Listener.Addr().String(), ":")[1]+"/img/g1.png")
			m.start()
			hp, sp := newHTTPProxy(t), newSOCKSProxy(t)
			site := demoSite(m.url())
			site.PhotoHosts = []string{"photos.test:" + strings.Split(m.srv.Listener.Addr().String(), ":")[1]}
			site.Proxies = []string{hp.srv.URL}
			if kind == "socks5" {
				site.Proxies = []string{"socks5h://" + sp.addr()}
			}
			c, err := New(site, fastRetries, func(c *Crawler) {
				c.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
					return []netip.Addr{netip.MustParseAddr("127.0.0.2")}, nil // a loopback address the site is not on
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			var col collector
			st, err := c.Run(context.Background(), []string{"q"}, col.sink)
			if err != nil {
				t.Fatal(err)
			}
			if st.Errors["offsite"] != 1 || st.Errors["private_address"] == 0 {
				t.Errorf("errors %v: want the offsite link and the photo refused", st.Errors)
			}
			hp.mu.Lock()
			defer hp.mu.Unlock()
			sp.mu.Lock()
			defer sp.mu.Unlock()
			for h := range hp.hosts {
				if !strings.HasPrefix(h, "127.0.0.1:") {
					t.Errorf("the HTTP proxy was asked for %s", h)
				}
			}
			for _, tg := range sp.targets {
				if !strings.HasPrefix(tg, "127.0.0.1:") {
					t.Errorf("the SOCKS5 proxy was asked for %s", tg)
				}
			}
			if hp.count.Load()+sp.count.Load() == 0 {
				t.Error("nothing went through the proxy")
			}
		})
	}
}
