package scan

import (
	"context"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
)

// sessionOption loads the session `sites login` stored for site, if any,
// as a crawler option.
func (p *pipeline) sessionOption(ctx context.Context, site string) (*shadowscan.Session, []crawler.Option, error) {
	s, err := p.s.db.Session(ctx, site)
	switch {
	case shadowscan.ErrorCode(err) == shadowscan.ENOTFOUND:
		return nil, nil, nil
	case err != nil:
		return nil, nil, err
	}
	p.log.Info("sending the stored session", "site", site, "cookies", len(s.Cookies), "saved", s.SavedAt)
	return s, []crawler.Option{crawler.WithSession(s.Cookies)}, nil
}

// saveSession stores what the site set with Set-Cookie during the crawl,
// so that the next scan sends the refreshed session. A site that deleted
// every cookie ended the session: it is removed, and the next scan meets
// the login wall and says so.
func (p *pipeline) saveSession(ctx context.Context, c *crawler.Crawler, s *shadowscan.Session) {
	if s == nil {
		return
	}
	cookies, changed := c.Session()
	if !changed {
		return
	}
	wctx := context.WithoutCancel(ctx)
	if len(cookies) == 0 {
		if err := p.s.db.DeleteSession(wctx, s.Site); err != nil {
			p.log.Warn("the ended session could not be removed", "site", s.Site, "err", err)
		}
		p.notify(EventWarning, s.Site+": the site deleted every session cookie: log in again with `shadowscan sites login "+s.Site+" --cookies FILE`")
		return
	}
	s.Cookies, s.RefreshedAt = cookies, time.Now().UTC()
	if _, err := p.s.db.SaveSession(wctx, s); err != nil {
		p.log.Warn("the refreshed session could not be stored", "site", s.Site, "err", err)
	}
}
