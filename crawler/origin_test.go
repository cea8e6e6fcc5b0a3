package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// TestRedirectToAnotherPortIsRefused: a listing that answers 302 to
// another port of the same host is not followed, so what that port serves
// is never requested nor stored as the listing.
func TestRedirectToAnotherPortIsRefused(t *testing.T) {
	other := newMarket(t).start() // same host 127.0.0.1, another port
	m := newMarket(t)
	m.handlers["/item/moved"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.url()+"/item/moved", http.StatusFound)
	}
	m.search[1] = []string{"/item/moved", "/item/ok1"}
	m.start()
	c, err := New(demoSite(m.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.FetchListing(context.Background(), m.url()+"/item/moved")
	var fe *fetchError
	if !errors.As(err, &fe) || fe.Kind != "offsite" {
		t.Errorf("FetchListing of a redirect to another port: err %v, want an offsite fetch error", err)
	}
	var col collector
	st, err := c.Run(context.Background(), []string{"q"}, col.sink)
	if err != nil {
		t.Fatal(err)
	}
	if ids := col.ids(); len(ids) != 1 || ids[0] != "ok1" {
		t.Errorf("emitted %v, want only ok1", ids)
	}
	if st.Errors["offsite"] != 1 {
		t.Errorf("errors %v, want one offsite", st.Errors)
	}
	if n := len(other.allCounts()); n != 0 {
		t.Errorf("the other port got requests: %v", other.allCounts())
	}
}

// TestPhotoOnInternalEndpointIsNotRequested: a listing whose photo points
// at another port of the loopback host (an internal service) gets an
// image error, and the service sees no request at all.
func TestPhotoOnInternalEndpointIsNotRequested(t *testing.T) {
	internal := newMarket(t).start()
	m := newMarket(t)
	m.pages["/item/x1"] = listingHTML("/item/x1", internal.url()+"/internal/admin")
	m.start()
	c, err := New(demoSite(m.url()), fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.FetchListing(context.Background(), m.url()+"/item/x1")
	if err != nil {
		t.Fatal(err)
	}
	img := p.Listing.Images[0]
	if img.Hashed || !strings.Contains(img.Err, "refused") || !strings.Contains(img.Err, "photo_hosts") {
		t.Errorf("image %+v, want an error saying it was refused and naming photo_hosts", img)
	}
	if len(p.Captures) != 1 {
		t.Errorf("%d captures, want the page only", len(p.Captures))
	}
	if got := internal.allCounts(); len(got) != 0 {
		t.Errorf("the internal endpoint was requested: %v", got)
	}
}

// TestPhotoHosts: photos come from the site's origins and the rule's
// photo_hosts; a photo host that redirects elsewhere is refused there.
func TestPhotoHosts(t *testing.T) {
	cdn := newMarket(t)
	internal := newMarket(t).start()
	cdn.handlers["/img/hop.png"] = func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.url()+"/img/hop.png", http.StatusFound)
	}
	cdn.start()
	m := newMarket(t)
	m.pages["/item/c1"] = listingHTML("/item/c1", cdn.url()+"/img/c1.png")
	m.pages["/item/c2"] = listingHTML("/item/c2", cdn.url()+"/img/hop.png")
	m.start()
	site := demoSite(m.url())
	site.PhotoHosts = []string{strings.TrimPrefix(cdn.url(), "http://")}
	c, err := New(site, fastRetries)
	if err != nil {
		t.Fatal(err)
	}
	p, err := c.FetchListing(context.Background(), m.url()+"/item/c1")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Listing.Images[0].Hashed || cdn.count("/img/c1.png") != 1 {
		t.Errorf("photo on a photo host: %+v, %d requests", p.Listing.Images[0], cdn.count("/img/c1.png"))
	}
	p, err = c.FetchListing(context.Background(), m.url()+"/item/c2")
	if err != nil {
		t.Fatal(err)
	}
	if img := p.Listing.Images[0]; img.Hashed || !strings.Contains(img.Err, "offsite") {
		t.Errorf("photo host redirecting to an internal port: %+v, want offsite", img)
	}
	if got := internal.allCounts(); len(got) != 0 {
		t.Errorf("the internal endpoint was requested: %v", got)
	}
	// A page is never fetched from a photo host.
	if _, err := c.FetchListing(context.Background(), cdn.url()+"/item/c1"); err == nil {
		t.Error("a listing on a photo host was fetched")
	}
}

func TestPolicy(t *testing.T) {
	must := func(s string) *url.URL { return normalizeURL(nil, s) }
	p := newPolicy("shop", must("http://shop.example"), []string{"img.cdn.example", "*.alicdn.com", "cdn.example:8443", "[2001:db8::1]:9000"})
	pages := map[string]bool{
		"http://shop.example/item/1":       true,
		"http://shop.example:80/item/1":    true,
		"http://www.shop.example/item/1":   true,
		"https://shop.example/item/1":      true, // upgrade to https on 443
		"https://shop.example:8443/x":      false,
		"http://shop.example:8080/item/1":  false,
		"http://img.cdn.example/a.jpg":     false, // photo hosts serve photos only
		"http://evil.example/shop.example": false,
		"http://shop.example.evil/":        false,
	}
	for u, want := range pages {
		if got := p.checkPage(must(u)) == nil; got != want {
			t.Errorf("page %s allowed %v, want %v", u, got, want)
		}
	}
	photos := map[string]bool{
		"http://shop.example/img/1.jpg":     true,
		"https://img.cdn.example/1.jpg":     true,
		"http://img.cdn.example/1.jpg":      true,
		"http://img.cdn.example:8080/1.jpg": false, // no port given: 80 and 443 only
		"https://g1.alicdn.com/1.jpg":       true,
		"https://a.b.alicdn.com/1.jpg":      true,
		"https://alicdn.com/1.jpg":          false, // the wildcard is for subdomains
		"https://evilalicdn.com/1.jpg":      false,
		"https://cdn.example:8443/1.jpg":    true,
		"https://cdn.example/1.jpg":         false,
		"http://[2001:db8::1]:9000/1.jpg":   true,
		"http://127.0.0.1/1.jpg":            false,
	}
	for u, want := range photos {
		if got := p.checkPhoto(must(u)) == nil; got != want {
			t.Errorf("photo %s allowed %v, want %v", u, got, want)
		}
	}
	s := newPolicy("shop", must("https://shop.example"), nil)
	if s.checkPage(must("http://shop.example/")) == nil {
		t.Error("an https site's pages were allowed over http")
	}
}

// fakeNet answers names from a table and records the addresses dialed,
// dialing the real loopback for 127.0.0.1.
type fakeNet struct {
	mu     sync.Mutex
	names  map[string]string
	dialed []string
}

func (f *fakeNet) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	if a, ok := f.names[host]; ok {
		return []netip.Addr{netip.MustParseAddr(a)}, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

func (f *fakeNet) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	f.mu.Lock()
	f.dialed = append(f.dialed, addr)
	f.mu.Unlock()
	host, _, _ := net.SplitHostPort(addr)
	if host != "127.0.0.1" {
		return nil, errors.New("fakeNet: the test network has no route to " + addr)
	}
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

func (f *fakeNet) dials() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.dialed)
}

func (f *fakeNet) option(c *Crawler) { c.lookup, c.dial = f.lookup, f.dial }

// TestPrivateAddressesRefusedAtConnect: the address check is made on the
// IP the dialer connects to. A public-looking photo host whose name
// answers a loopback address (DNS rebinding) is refused although the site
// itself is on loopback; private and metadata literals named in
// photo_hosts are refused without a dial; the site's own name on loopback
// is fine.
func TestPrivateAddressesRefusedAtConnect(t *testing.T) {
	m := newMarket(t).start()
	port := m.srv.Listener.Addr().(*net.TCPAddr).Port
	hp := func(h string) string { return h + ":" + strconv.Itoa(port) }
	fn := &fakeNet{names: map[string]string{"shop.test": "127.0.0.1", "cdn.public-looking.com": "127.0.0.1"}}
	m.pages["/item/d1"] = listingHTML("/item/d1", "http://"+hp("cdn.public-looking.com")+"/img/rebind.png")
	m.pages["/item/d2"] = listingHTML("/item/d2", "http://"+hp("10.0.0.7")+"/img/private.png")
	m.pages["/item/d3"] = listingHTML("/item/d3", "http://169.254.169.254/latest/meta-data/iam/")
	m.pages["/item/d4"] = listingHTML("/item/d4", "http://[fd00:ec2::254]/latest/")
	m.pages["/item/d5"] = listingHTML("/item/d5", "/img/own.png")
	site := demoSite("http://" + hp("shop.test"))
	site.PhotoHosts = []string{hp("cdn.public-looking.com"), hp("10.0.0.7"), "169.254.169.254", "[fd00:ec2::254]"}
	for _, tr := range []struct {
		name string
		opt  Option
	}{
		{"own transport", func(*Crawler) {}},
		{"given *http.Transport", WithTransport(http.DefaultTransport.(*http.Transport).Clone())},
	} {
		t.Run(tr.name, func(t *testing.T) {
			m.resetCounts()
			fn.mu.Lock()
			fn.dialed = nil
			fn.mu.Unlock()
			c, err := New(site, fastRetries, tr.opt, fn.option)
			if err != nil {
				t.Fatal(err)
			}
			for id, want := range map[string]string{
				"d1": "loopback address", "d2": "private address",
				"d3": "cloud metadata", "d4": "cloud metadata",
			} {
				p, err := c.FetchListing(context.Background(), site.BaseURL+"/item/"+id)
				if err != nil {
					t.Fatalf("%s: %v", id, err)
				}
				if img := p.Listing.Images[0]; img.Hashed || !strings.Contains(img.Err, "private_address") || !strings.Contains(img.Err, want) {
					t.Errorf("%s: image %+v, want a private_address error naming the %s", id, img, want)
				}
			}
			p, err := c.FetchListing(context.Background(), site.BaseURL+"/item/d5")
			if err != nil || !p.Listing.Images[0].Hashed {
				t.Fatalf("the site's own photo: %v %+v", err, p)
			}
			if n := m.count("/img/rebind.png"); n != 0 {
				t.Errorf("the rebinding name reached the server %d times", n)
			}
			for _, a := range fn.dials() {
				if a != hp("127.0.0.1") {
					t.Errorf("dialed %s; only the site's own address may be dialed", a)
				}
			}
		})
	}
}

// TestFetchErrorsKeepTheirCause: a failure that leaves nothing to retry
// (the connection is refused before robots.txt is read) and a TLS failure
// both reach the user with the underlying cause.
func TestFetchErrorsKeepTheirCause(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	tlsSrv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, listingHTML(r.URL.Path, "/img/x.png"))
	}))
	tlsSrv.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshakes fail on purpose
	tlsSrv.StartTLS()
	t.Cleanup(tlsSrv.Close)
	for _, tc := range []struct {
		name, base string
		robots     bool
		want       string
	}{
		{"connection refused reading robots.txt", closed, true, "connection refused"},
		{"connection refused", closed, false, "connection refused"},
		{"untrusted certificate", tlsSrv.URL, true, "x509"},
		{"untrusted certificate, no robots.txt", tlsSrv.URL, false, "x509"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := demoSite(tc.base)
			site.Politeness.RespectRobotsTxt = tc.robots
			c, err := New(site, fastRetries)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.FetchListing(context.Background(), tc.base+"/item/z1")
			var fe *fetchError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "/item/z1") {
				t.Fatalf("err %v, want a fetch error naming the url and %q", err, tc.want)
			}
			if tc.want == "x509" && fe.Kind != "tls" {
				t.Errorf("kind %q, want tls (not retried)", fe.Kind)
			}
			if strings.Contains(fmt.Sprint(err), "no request to retry") {
				t.Errorf("err %v lost its cause", err)
			}
		})
	}
}

// TestAllowedURLHosts: the hosts whose limit rules a run installs before
// its first request are written as request URLs write them, so no rule is
// added (racing colly's lookups) while requests run.
func TestAllowedURLHosts(t *testing.T) {
	for _, tc := range []struct {
		base   string
		photos []string
		want   []string
	}{
		{"http://127.0.0.1:8931", []string{"cdn.example:9000", "img.example", "*.alicdn.com"},
			[]string{"127.0.0.1:8931", "cdn.example:9000", "img.example"}},
		{"https://shop.example", nil,
			[]string{"shop.example", "shop.example:443", "www.shop.example", "www.shop.example:443"}},
		{"http://[::1]:8080", nil, []string{"[::1]:8080"}},
	} {
		u, err := url.Parse(tc.base)
		if err != nil {
			t.Fatal(err)
		}
		got := newPolicy("s", u, tc.photos).allowedURLHosts()
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %v: %q, want %q", tc.base, tc.photos, got, tc.want)
		}
	}
}
