package crawler

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sync/atomic"
	"time"

	"golang.org/x/net/proxy"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// WithProxies sends the crawler's requests through proxies (http, https,
// socks5 or socks5h URLs, rules.ParseProxy), one after the other per
// request, instead of the site rule's proxies. nil keeps the rule's.
func WithProxies(urls []string) Option { return func(c *Crawler) { c.proxies = urls } }

// useProxies replaces the crawler's transport with one that rotates over
// the proxies (WithProxies, else the rule's), when there are any. The
// fetch guard holds through them: every request is still checked against
// the site's origins and photo_hosts, and the address it reaches is
// checked too. Through a SOCKS5 proxy the crawler resolves the name
// itself and asks the proxy for the checked address (socks5h included:
// a name the proxy resolved could not be checked); through an HTTP proxy
// it resolves the name first and refuses a request whose host resolves
// to an address the site may not reach. The proxy's own address is the
// operator's choice (it may be on loopback or a private network), except
// a cloud metadata address.
func (c *Crawler) useProxies() error {
	list := c.proxies
	if list == nil {
		list = c.site.Proxies
	}
	if len(list) == 0 {
		return nil
	}
	base, ok := c.transport.(*http.Transport)
	if !ok {
		return shadowscan.Errorf(shadowscan.EINVALID, "crawler: proxies need an *http.Transport, not %T", c.transport)
	}
	rot := &rotator{}
	for _, raw := range list {
		u, err := rules.ParseProxy(raw)
		if err != nil {
			return &shadowscan.FieldError{File: c.site.File, Field: "proxies", Msg: err.Error(), Accepted: rules.ProxyAccepted}
		}
		rt, err := c.proxyTransport(base, u)
		if err != nil {
			return err
		}
		rot.ts = append(rot.ts, rt)
	}
	c.transport = rot
	return nil
}

// proxyTransport is base through the proxy u.
func (c *Crawler) proxyTransport(base *http.Transport, u *url.URL) (http.RoundTripper, error) {
	guard := &dialer{policy: c.policy, lookup: c.lookup}
	toProxy := (&proxyDialer{lookup: c.lookup, dial: (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext}).DialContext
	t := base.Clone()
	t.DialTLSContext = nil
	switch u.Scheme {
	case "socks5", "socks5h":
		var auth *proxy.Auth
		if u.User != nil {
			pw, _ := u.User.Password()
			auth = &proxy.Auth{User: u.User.Username(), Password: pw}
		}
		sd, err := proxy.SOCKS5("tcp", u.Host, auth, contextDialer(toProxy))
		if err != nil {
			return nil, shadowscan.Errorf(shadowscan.EINVALID, "crawler: socks5 proxy %s: %v", rules.RedactProxyURL(u), err)
		}
		guard.dial = sd.(proxy.ContextDialer).DialContext
		t.Proxy = nil
		t.DialContext = guard.DialContext // resolves, checks, asks the proxy for the checked IP
		return t, nil
	}
	t.Proxy = http.ProxyURL(u)
	t.DialContext = toProxy
	return &checkTarget{rt: t, guard: guard}, nil
}

// rotator hands each request to the next of its transports.
type rotator struct {
	ts []http.RoundTripper
	n  atomic.Uint64
}

func (r *rotator) RoundTrip(req *http.Request) (*http.Response, error) {
	i := (r.n.Add(1) - 1) % uint64(len(r.ts))
	return r.ts[i].RoundTrip(req)
}

// CloseIdleConnections closes the idle connections of every transport.
func (r *rotator) CloseIdleConnections() {
	for _, t := range r.ts {
		if c, ok := t.(interface{ CloseIdleConnections() }); ok {
			c.CloseIdleConnections()
		}
	}
}

// checkTarget refuses a request, before it goes to an HTTP proxy, whose
// host resolves to an address the site may not reach.
type checkTarget struct {
	rt    http.RoundTripper
	guard *dialer
}

func (t *checkTarget) RoundTrip(req *http.Request) (*http.Response, error) {
	if err := t.guard.checkHost(req.Context(), req.URL.Hostname()); err != nil {
		return nil, err
	}
	return t.rt.RoundTrip(req)
}

func (t *checkTarget) CloseIdleConnections() {
	if c, ok := t.rt.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}

// proxyDialer connects to a proxy: any address but a cloud metadata one.
type proxyDialer struct {
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	dial   func(ctx context.Context, network, addr string) (net.Conn, error)
}

func (d *proxyDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	addrs := []netip.Addr{}
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = append(addrs, a)
	} else if addrs, err = d.lookup(ctx, host); err != nil {
		return nil, err
	}
	var last error = fmt.Errorf("proxy %s: no address", host)
	for _, a := range addrs {
		if shadowscan.AddrClass(a) == "cloud metadata" {
			last = &addressError{Host: host, Addr: a.Unmap(), Class: "cloud metadata"}
			continue
		}
		conn, err := d.dial(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		last = err
	}
	return nil, last
}

// contextDialer adapts a dial function to proxy.Dialer and ContextDialer.
type contextDialer func(ctx context.Context, network, addr string) (net.Conn, error)

func (f contextDialer) Dial(network, addr string) (net.Conn, error) {
	return f(context.Background(), network, addr)
}

func (f contextDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	return f(ctx, network, addr)
}
