package scan

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/shadowscan/shadowscan"
	"github.com/shadowscan/shadowscan/crawler"
	"github.com/shadowscan/shadowscan/rules"
	"github.com/shadowscan/shadowscan/store"
)

// LoginResult is what Login stored.
type LoginResult struct {
	// Cookies counts the cookies stored; Dropped those of other hosts
	// and Expired those already lapsed, left out.
	Cookies, Dropped, Expired int
	// Tightened is set when the store file was readable by others and
	// was made owner-only.
	Tightened bool
}

// maxCookieFileSize caps the cookie file Login reads.
const maxCookieFileSize = 4 << 20

// Login reads a cookie file (Netscape cookies.txt, or the JSON of a
// browser cookie-export extension) and stores the cookies that a crawl of
// site would send to its own hosts as its session, replacing any earlier
// one. A file that cannot be read or parsed, or that holds no live cookie
// for the site, stores nothing: the session stored before is kept.
func Login(ctx context.Context, db *store.DB, site *rules.Site, file string) (LoginResult, error) {
	var res LoginResult
	fi, err := os.Stat(file)
	if err != nil {
		return res, shadowscan.Errorf(shadowscan.EINVALID, "--cookies %s: %v", file, err)
	}
	if fi.Size() > maxCookieFileSize {
		return res, shadowscan.Errorf(shadowscan.EINVALID, "--cookies %s: %d bytes, more than a cookie file has (at most %d)", file, fi.Size(), maxCookieFileSize)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return res, shadowscan.Errorf(shadowscan.EINVALID, "--cookies %s: %v", file, err)
	}
	cookies, expired, err := crawler.ParseCookies(file, data, time.Now())
	if err != nil {
		return res, err
	}
	keep, dropped, err := crawler.ForSite(site, cookies)
	if err != nil {
		return res, err
	}
	res.Dropped, res.Expired = len(dropped), expired
	if len(keep) == 0 {
		return res, &shadowscan.FieldError{File: file,
			Msg:      fmt.Sprintf("holds no live cookie for %s's hosts (%d for other hosts, %d expired)", site.Name, len(dropped), expired),
			Accepted: "cookies exported from a browser logged in to " + site.BaseURL + ", for its host or a parent domain"}
	}
	s := &shadowscan.Session{Site: site.Name, Cookies: keep, Source: file}
	if res.Tightened, err = db.SaveSession(ctx, s); err != nil {
		return res, err
	}
	res.Cookies = len(keep)
	return res, nil
}
