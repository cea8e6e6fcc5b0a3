package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/temoto/robotstxt"
)

// maxRobotsBytes caps a robots.txt read for browser fetching.
const maxRobotsBytes = 512 << 10

// tabGuard holds one browser tab to the site's policy: every request the
// tab makes (the document, its redirects, scripts, XHR, images) is paused
// before it is sent and refused when it is off the site's origins and
// photo_hosts or would reach an address the dialer refuses; the main
// document's response is paused too, to keep exactly what arrived (status,
// headers, body, time) and to refuse one over the size limit.
type tabGuard struct {
	r         *run
	tctx      context.Context
	maxBody   int64
	mainFrame string
	proxy     *browserProxy // the tab's proxy, nil for none
	keepPhoto bool          // a listing page's tab: keep the images it receives

	mu      sync.Mutex
	doc     *tabDoc
	refused *fetchError // the main document's refusal, if any
	// images are the photos the tab received, by URL, kept so the
	// listing's photos are the bytes the browser got, not a second fetch;
	// imageBytes bounds them.
	images     map[string]*tabDoc
	imageBytes int64
}

// tabDoc is the main document as the browser received it.
type tabDoc struct {
	url               string
	status            int
	header, reqHeader http.Header
	body              []byte
	at                time.Time
}

func newTabGuard(r *run, tctx context.Context, maxBody int64) *tabGuard {
	return &tabGuard{r: r, tctx: tctx, maxBody: maxBody}
}

// enable starts intercepting: it must run before the tab navigates.
func (g *tabGuard) enable() error {
	if err := chromedp.Listen(g.tctx, func(ev any) {
		switch e := ev.(type) { // commands cannot be sent from the listener
		case *fetch.EventRequestPaused:
			go g.handle(e)
		case *fetch.EventAuthRequired:
			go g.answer(e)
		}
	}); err != nil {
		return err
	}
	g.mainFrame = string(chromedp.FromContext(g.tctx).Target.TargetID)
	auth := g.proxy != nil
	_, err := chromedp.Call(g.tctx, fetch.Enable, fetch.EnableParams{HandleAuthRequests: &auth, Patterns: []*fetch.RequestPattern{
		{URLPattern: "*", RequestStage: fetch.RequestStageRequest},
		{URLPattern: "*", ResourceType: network.ResourceTypeDocument, RequestStage: fetch.RequestStageResponse},
		{URLPattern: "*", ResourceType: network.ResourceTypeImage, RequestStage: fetch.RequestStageResponse},
	}})
	return err
}

// result is the main document, and the refusal that stopped it if any.
func (g *tabGuard) result() (*tabDoc, *fetchError) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.doc, g.refused
}

func (g *tabGuard) handle(ev *fetch.EventRequestPaused) {
	main := ev.ResourceType == network.ResourceTypeDocument && string(ev.FrameID) == g.mainFrame
	if ev.ResponseStatusCode == 0 && ev.ResponseErrorReason == "" {
		if err := g.check(ev); err != nil {
			g.refuse(ev, main, err)
			return
		}
		g.call(fetch.ContinueRequestParams{RequestID: ev.RequestID})
		return
	}
	if ev.ResponseErrorReason != "" {
		g.call(fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: ev.ResponseErrorReason})
		return
	}
	hdr := http.Header{}
	for _, h := range ev.ResponseHeaders {
		hdr.Add(h.Name, h.Value)
	}
	redirect := ev.ResponseStatusCode >= 300 && ev.ResponseStatusCode < 400 && hdr.Get("Location") != ""
	if ev.ResourceType == network.ResourceTypeImage && !redirect {
		if g.keepPhoto {
			g.keepImage(ev, hdr)
		}
		g.call(fetch.ContinueResponseParams{RequestID: ev.RequestID})
		return
	}
	if !main || redirect {
		g.call(fetch.ContinueResponseParams{RequestID: ev.RequestID})
		return
	}
	if n, err := strconv.ParseInt(hdr.Get("Content-Length"), 10, 64); err == nil && n > g.maxBody {
		g.tooLarge(ev)
		return
	}
	res, err := chromedp.Call(g.tctx, fetch.GetResponseBody, fetch.GetResponseBodyParams{RequestID: ev.RequestID})
	if err != nil {
		g.call(fetch.ContinueResponseParams{RequestID: ev.RequestID})
		return
	}
	if int64(len(res.Body)) > g.maxBody {
		g.tooLarge(ev)
		return
	}
	g.mu.Lock()
	g.doc = &tabDoc{url: ev.Request.URL, status: int(ev.ResponseStatusCode), header: hdr, reqHeader: requestHeader(ev), body: res.Body, at: g.r.c.now().UTC()}
	g.mu.Unlock()
	g.call(fetch.ContinueResponseParams{RequestID: ev.RequestID})
}

// maxTabImageBytes bounds the photos one tab keeps.
const maxTabImageBytes = 32 << 20

// keepImage keeps an image response the tab received, when it answered
// 2xx and fits the photo size limit and the tab's budget.
func (g *tabGuard) keepImage(ev *fetch.EventRequestPaused, hdr http.Header) {
	limit := g.r.maxPhotoBytes
	if ev.ResponseStatusCode/100 != 2 {
		return
	}
	if n, err := strconv.ParseInt(hdr.Get("Content-Length"), 10, 64); err == nil && n > limit {
		return
	}
	res, err := chromedp.Call(g.tctx, fetch.GetResponseBody, fetch.GetResponseBodyParams{RequestID: ev.RequestID})
	if err != nil || int64(len(res.Body)) > limit {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.imageBytes+int64(len(res.Body)) > maxTabImageBytes {
		return
	}
	if g.images == nil {
		g.images = map[string]*tabDoc{}
	}
	g.imageBytes += int64(len(res.Body))
	g.images[ev.Request.URL] = &tabDoc{url: ev.Request.URL, status: int(ev.ResponseStatusCode), header: hdr,
		reqHeader: requestHeader(ev), body: res.Body, at: g.r.c.now().UTC()}
}

// requestHeader is what the browser said it sent.
func requestHeader(ev *fetch.EventRequestPaused) http.Header {
	req := http.Header{}
	for k, v := range ev.Request.Headers {
		req.Set(k, fmt.Sprint(v))
	}
	return req
}

// received returns the photos the tab received.
func (g *tabGuard) received() map[string]*fetched {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make(map[string]*fetched, len(g.images))
	for u, d := range g.images {
		out[u] = &fetched{url: d.url, status: d.status, header: d.header, reqHeader: d.reqHeader, body: d.body, fetchedAt: d.at}
	}
	return out
}

// check applies the site's policy to a paused request: documents only
// from the site's origins, everything else also from its photo_hosts,
// and no address the dialer would refuse.
func (g *tabGuard) check(ev *fetch.EventRequestPaused) error {
	u, err := url.Parse(ev.Request.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &offsiteError{URL: ev.Request.URL, Site: g.r.c.site.Name, Allowed: "http(s) URLs on " + g.r.c.policy.origins()}
	}
	pol := g.r.c.policy
	if ev.ResourceType == network.ResourceTypeDocument {
		err = pol.checkPage(u)
	} else {
		err = pol.checkPhoto(u)
	}
	if err != nil {
		return err
	}
	return g.r.checkAddress(g.tctx, u)
}

// refuse fails a request the policy refused and counts it.
func (g *tabGuard) refuse(ev *fetch.EventRequestPaused, main bool, err error) {
	kind := "offsite"
	if ae := new(addressError); errors.As(err, &ae) {
		kind = "private_address"
	}
	g.r.stats.addError(kind)
	g.r.c.logger.Info("crawler: browser request refused", "url", ev.Request.URL, "type", ev.ResourceType, "kind", kind, "err", err)
	if main {
		g.mu.Lock()
		if g.refused == nil {
			g.refused = &fetchError{Kind: kind, URL: ev.Request.URL, Err: err}
		}
		g.mu.Unlock()
	}
	g.call(fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
}

// tooLarge fails a main document over the size limit.
func (g *tabGuard) tooLarge(ev *fetch.EventRequestPaused) {
	g.mu.Lock()
	g.refused = &fetchError{Kind: "too_large", URL: ev.Request.URL, Err: fmt.Errorf("body is over the %d-byte limit", g.maxBody)}
	g.mu.Unlock()
	g.call(fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonBlockedByClient})
}

// call sends a Fetch command for a paused request. It fails only when the
// tab is gone, and a gone tab's requests need no answer.
func (g *tabGuard) call(params any) {
	var err error
	switch p := params.(type) {
	case fetch.ContinueRequestParams:
		_, err = chromedp.Call(g.tctx, fetch.ContinueRequest, p)
	case fetch.ContinueResponseParams:
		_, err = chromedp.Call(g.tctx, fetch.ContinueResponse, p)
	case fetch.FailRequestParams:
		_, err = chromedp.Call(g.tctx, fetch.FailRequest, p)
	}
	if err != nil && g.tctx.Err() == nil {
		g.r.c.logger.Debug("crawler: browser request not resumed", "err", err)
	}
}

// robotsAllowed reports whether the site's robots.txt lets the crawler's
// user agent fetch u, when the rule respects robots.txt. Each host's file
// is read once per crawler, through the crawler's guarded transport.
func (r *run) robotsAllowed(ctx context.Context, u *url.URL) error {
	if !r.c.site.Politeness.RespectRobotsTxt {
		return nil
	}
	rd, err := r.c.browser.robots(ctx, r.c, u)
	if err != nil {
		return err
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	if !rd.TestAgent(p, r.c.userAgent()) {
		return errRobotsDisallow
	}
	return nil
}

// errRobotsDisallow is a page robots.txt does not let the crawler fetch.
var errRobotsDisallow = errors.New("robots.txt disallows it")

// robots returns u's host's robots.txt, fetching it the first time.
func (b *browser) robots(ctx context.Context, c *Crawler, u *url.URL) (*robotstxt.RobotsData, error) {
	key := u.Scheme + "://" + u.Host
	b.robotsMu.Lock()
	defer b.robotsMu.Unlock()
	if rd, ok := b.robotsTxt[key]; ok {
		return rd, nil
	}
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	if err := c.policy.checkPage(ru); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.userAgent())
	client := &http.Client{Transport: c.transport, Timeout: siteTimeout(c),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			return c.policy.checkPage(req.URL)
		}}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", ru, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBytes))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", ru, err)
	}
	rd, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		rd, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil) // unparsable: as colly, allow
	}
	if b.robotsTxt == nil {
		b.robotsTxt = map[string]*robotstxt.RobotsData{}
	}
	b.robotsTxt[key] = rd
	return rd, nil
}

// siteTimeout is the rule's request timeout or the default.
func siteTimeout(c *Crawler) time.Duration {
	if t := c.site.Politeness.Timeout; t > 0 {
		return t
	}
	return defaultTimeout
}
