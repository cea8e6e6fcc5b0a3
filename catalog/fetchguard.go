package catalog

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shadowscan/shadowscan"
)

// WithAllowedImageHosts lets image URLs on the named hosts reach loopback,
// private and link-local addresses, which are refused otherwise (a cloud
// metadata address is refused always). Each entry is "host" (any port) or
// "host:port", e.g. "127.0.0.1:8931" or "images.intranet"; it matches the
// host as the URL names it. `catalog import --allow-image-host` sets it.
func WithAllowedImageHosts(hosts ...string) Option {
	return func(cfg *config) { cfg.allowHosts = append(cfg.allowHosts, hosts...) }
}

// allowRule is one parsed WithAllowedImageHosts entry.
type allowRule struct {
	host string // lower case, brackets off
	port string // "" for any port
}

// parseAllowHosts checks the WithAllowedImageHosts entries.
func parseAllowHosts(hosts []string) ([]allowRule, error) {
	var out []allowRule
	for _, h := range hosts {
		s := strings.ToLower(strings.TrimSpace(h))
		r := allowRule{host: s}
		if hh, p, err := net.SplitHostPort(s); err == nil {
			n, err := strconv.Atoi(p)
			if err != nil || n < 1 || n > 65535 {
				return nil, shadowscan.Errorf(shadowscan.EINVALID, "allowed image host %q: port %q is not a number from 1 to 65535", h, p)
			}
			r = allowRule{host: hh, port: p}
		} else {
			r.host = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
		}
		if r.host == "" || strings.ContainsAny(r.host, "/?#@ []") {
			return nil, shadowscan.Errorf(shadowscan.EINVALID, "allowed image host %q is not a host or host:port (accepted: e.g. 127.0.0.1:8931 or images.intranet)", h)
		}
		if a, err := netip.ParseAddr(r.host); err == nil {
			if shadowscan.AddrClass(a) == "cloud metadata" {
				return nil, shadowscan.Errorf(shadowscan.EINVALID, "allowed image host %q is a cloud metadata address, which is never fetched", h)
			}
			r.host = a.Unmap().String()
		}
		out = append(out, r)
	}
	return out, nil
}

// imageDialer connects image fetches only to public addresses, or to the
// allowed hosts. It resolves the name itself and dials the address it
// checked, so DNS rebinding cannot swap in a private address.
type imageDialer struct {
	allow  []allowRule
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
}

// addressError is an image fetch refused for the address it would reach.
type addressError struct {
	host, port string
	addr       netip.Addr
	class      string
}

func (e *addressError) Error() string {
	where := e.host
	if e.addr.String() != e.host {
		where += " (" + e.addr.String() + ")"
	}
	if e.class == "cloud metadata" {
		return fmt.Sprintf("refused to connect to %s: a cloud metadata address is never fetched", where)
	}
	return fmt.Sprintf("refused to connect to %s: a %s address; pass --allow-image-host %s if the image is meant to come from there", where, e.class, net.JoinHostPort(e.host, e.port))
}

func (d *imageDialer) allowed(host, port string, a netip.Addr) error {
	class := shadowscan.AddrClass(a)
	if class == "" {
		return nil
	}
	if class != "cloud metadata" {
		if ha, err := netip.ParseAddr(host); err == nil {
			host = ha.Unmap().String()
		}
		for _, r := range d.allow {
			if r.host == host && (r.port == "" || r.port == port) {
				return nil
			}
		}
	}
	return &addressError{host: host, port: port, addr: a.Unmap(), class: class}
}

func (d *imageDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	host = strings.ToLower(host)
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else if addrs, err = d.lookup(ctx, host); err != nil {
		return nil, err
	}
	var first error
	for _, a := range addrs {
		if err := d.allowed(host, port, a); err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		conn, err := d.dial(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		first = err
	}
	if first == nil {
		first = &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	return nil, first
}

// guardClient returns a copy of c whose transport dials through the
// address checks, without a proxy (a proxy would resolve names where they
// cannot be checked). A transport that is not an *http.Transport cannot
// be given a dialer; its URLs are checked by host before each request
// (and each redirect) instead.
func guardClient(c *http.Client, d *imageDialer) *http.Client {
	g := *c
	rt := c.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	if t, ok := rt.(*http.Transport); ok {
		t = t.Clone()
		t.Proxy = nil
		if d.dial == nil {
			if t.DialContext != nil {
				d.dial = t.DialContext
			} else {
				nd := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
				d.dial = nd.DialContext
			}
		}
		t.DialContext = d.DialContext // takes priority over a deprecated Dial
		// A custom TLS dial would connect around the checks.
		t.DialTLSContext = nil
		//lint:ignore SA1019 as DialTLSContext
		t.DialTLS = nil
		g.Transport = t
		return &g
	}
	next := c.CheckRedirect
	g.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := d.checkURL(req.Context(), req.URL); err != nil {
			return err
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	g.Transport = checkedTransport{rt: rt, d: d}
	return &g
}

// checkURL refuses a URL whose host is a non-public IP literal, or a name
// that resolves to one, for transports the dialer cannot guard (the
// transport resolves again, so this is weaker than the dialer's check).
func (d *imageDialer) checkURL(ctx context.Context, u *url.URL) error {
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[strings.ToLower(u.Scheme)]
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return d.allowed(host, port, a)
	}
	addrs, err := d.lookup(ctx, host)
	if err != nil {
		return err
	}
	for _, a := range addrs {
		if err := d.allowed(host, port, a); err != nil {
			return err
		}
	}
	return nil
}

// checkedTransport checks each request's host before handing it on.
type checkedTransport struct {
	rt http.RoundTripper
	d  *imageDialer
}

func (t checkedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.d.checkURL(req.Context(), req.URL); err != nil {
		return nil, err
	}
	return t.rt.RoundTrip(req)
}

// quoted matches a Go-quoted string in an error message: net/http quotes
// the bytes a server sent when they are not HTTP ("malformed HTTP
// response \"...\"").
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// fetchErrText describes a failed request without a byte of what the
// server answered: our own refusals and network errors keep their cause
// (connection refused, no such host, x509: ...); quoted text, which is
// where net/http echoes a non-HTTP answer, is dropped.
func fetchErrText(err error) string {
	var ae *addressError
	if errors.As(err, &ae) {
		return ae.Error()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return "timed out"
		}
		err = ue.Err
	}
	msg := quoted.ReplaceAllString(err.Error(), `"…"`)
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	return msg
}
