package crawler

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// setTabCookies gives a tab the site's session cookies (WithSession), as
// the session jar holds them: the jar kept only cookies for the site's
// own hosts, so the browser sends them nowhere else.
func (r *run) setTabCookies(tctx context.Context) error {
	cookies, _ := r.c.Session()
	if len(cookies) == 0 {
		return nil
	}
	params := make([]*network.CookieParam, 0, len(cookies))
	for _, c := range cookies {
		scheme := "http"
		if c.Secure {
			scheme = "https"
		}
		p := &network.CookieParam{Name: c.Name, Value: c.Value, Path: c.Path, Secure: c.Secure, HTTPOnly: c.HTTPOnly}
		if c.HostOnly {
			p.URL = scheme + "://" + c.Domain + c.Path
		} else {
			p.Domain = c.Domain
		}
		if !c.Expires.IsZero() {
			p.Expires = cdp.TimeSinceEpoch(float64(c.Expires.UnixMilli()) / 1000)
		}
		params = append(params, p)
	}
	_, err := chromedp.Call(tctx, network.SetCookies, network.SetCookiesParams{Cookies: params})
	return err
}

// keepTabCookies hands the cookies the site set in the tab (Set-Cookie,
// or its scripts) back to the session jar, so a refreshed session
// outlives the tab as it does for plain fetching.
func (r *run) keepTabCookies(tctx context.Context, pageURL string) {
	if r.c.jar == nil {
		return
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return
	}
	res, err := chromedp.Call(tctx, network.GetCookies, network.GetCookiesParams{URLs: []string{pageURL}})
	if err != nil {
		return
	}
	have := map[string]string{}
	for _, c := range r.c.jar.Cookies(u) {
		have[c.Name] = c.Value
	}
	var changed []*http.Cookie
	for _, c := range res.Cookies {
		if v, ok := have[c.Name]; ok && v == c.Value {
			continue
		}
		hc := &http.Cookie{Name: c.Name, Value: c.Value, Path: c.Path, Secure: c.Secure, HttpOnly: c.HTTPOnly}
		if strings.HasPrefix(c.Domain, ".") {
			hc.Domain = c.Domain
		}
		if !c.Session && c.Expires > 0 {
			hc.Expires = time.UnixMilli(int64(c.Expires * 1000))
		}
		changed = append(changed, hc)
	}
	if len(changed) > 0 {
		r.c.jar.SetCookies(u, changed)
	}
}
