package crawler

import (
	"strings"
	"sync"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/rules"
)

// browserProxy is one proxy as Chromium takes it: the server without
// credentials (--proxy-server and CreateBrowserContext take none) and the
// credentials to answer its challenge with.
type browserProxy struct {
	server, user, password string
}

// browserProxies rotates a fetch: browser site's proxies (WithProxies,
// else the rule's) over its tabs: each page gets a browser context of its
// own through the next proxy, as plain fetching takes the next proxy for
// each request.
type browserProxies struct {
	mu   sync.Mutex
	list []browserProxy
	next int
}

// newBrowserProxies checks the proxies for Chromium, which cannot give a
// SOCKS5 proxy a user and password.
func newBrowserProxies(c *Crawler) (*browserProxies, error) {
	raw := c.proxies
	if raw == nil {
		raw = c.site.Proxies
	}
	bp := &browserProxies{}
	for _, s := range raw {
		u, err := rules.ParseProxy(s)
		if err != nil {
			return nil, &shadowscan.FieldError{File: c.site.File, Field: "proxies", Msg: err.Error(), Accepted: rules.ProxyAccepted}
		}
		p := browserProxy{server: u.Scheme + "://" + u.Host}
		if strings.HasPrefix(u.Scheme, "socks5") {
			p.server = "socks5://" + u.Host // Chromium resolves names at the proxy either way
			if u.User != nil {
				return nil, &shadowscan.FieldError{File: c.site.File, Field: "proxies",
					Msg:      rules.RedactProxyURL(u) + ": Chromium (fetch: browser) cannot log in to a SOCKS5 proxy",
					Accepted: "an http(s) proxy with user:password@, or a SOCKS5 proxy without"}
			}
		}
		if u.User != nil {
			p.user = u.User.Username()
			p.password, _ = u.User.Password()
		}
		bp.list = append(bp.list, p)
	}
	return bp, nil
}

// pick returns the next proxy, or nil when the site has none.
func (bp *browserProxies) pick() *browserProxy {
	if bp == nil || len(bp.list) == 0 {
		return nil
	}
	bp.mu.Lock()
	defer bp.mu.Unlock()
	p := &bp.list[bp.next%len(bp.list)]
	bp.next++
	return p
}

// tabOptions are the chromedp options of a tab through p.
func (p *browserProxy) tabOptions() []chromedp.ContextOption {
	if p == nil {
		return nil
	}
	return []chromedp.ContextOption{chromedp.WithNewBrowserContext(func(cp *target.CreateBrowserContextParams) {
		cp.ProxyServer = p.server
		cp.ProxyBypassList = "<-loopback>" // loopback goes through the proxy too, as plain fetching's does
	})}
}

// answer answers an authentication challenge: the proxy's with its
// credentials, any other (the site's own HTTP authentication) with a
// cancel, as plain fetching has no credentials for it either.
func (g *tabGuard) answer(ev *fetch.EventAuthRequired) {
	resp := &fetch.AuthChallengeResponse{Response: fetch.AuthChallengeResponseResponseCancelAuth}
	if p := g.proxy; p != nil && ev.AuthChallenge != nil && ev.AuthChallenge.Source == fetch.AuthChallengeSourceProxy && p.user != "" {
		resp = &fetch.AuthChallengeResponse{Response: fetch.AuthChallengeResponseResponseProvideCredentials, Username: p.user, Password: p.password}
	}
	_, err := chromedp.Call(g.tctx, fetch.ContinueWithAuth, fetch.ContinueWithAuthParams{RequestID: ev.RequestID, AuthChallengeResponse: resp})
	if err != nil && g.tctx.Err() == nil {
		g.r.c.logger.Debug("crawler: browser authentication not answered", "err", err)
	}
}
