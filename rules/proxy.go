package rules

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxProxies caps a site's proxy list.
const maxProxies = 256

// ProxyAccepted says what a proxy may look like.
const ProxyAccepted = "a list of proxy URLs, each http://host:port, https://host:port, socks5://host:port or socks5h://host:port, optionally with user:password@, e.g. [\"http://10.0.0.5:3128\", \"socks5://127.0.0.1:1080\"]"

// ParseProxy checks one proxy URL: an http, https, socks5 or socks5h
// scheme, a host and a port, and nothing after them.
func ParseProxy(s string) (*url.URL, error) {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("%q is not a URL", clip(redactProxy(s)))
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		return nil, fmt.Errorf("%q has scheme %q; a proxy is http, https, socks5 or socks5h", clip(RedactProxyURL(u)), u.Scheme)
	}
	if u.Hostname() == "" || u.Port() == "" {
		return nil, fmt.Errorf("%q needs a host and a port", clip(RedactProxyURL(u)))
	}
	if n, err := strconv.Atoi(u.Port()); err != nil || n < 1 || n > 65535 {
		return nil, fmt.Errorf("%q has an invalid port", clip(RedactProxyURL(u)))
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("%q has a path, query or fragment; a proxy is scheme://host:port", clip(RedactProxyURL(u)))
	}
	u.Path = ""
	return u, nil
}

// RedactProxyURL is u without its password, for messages and listings.
func RedactProxyURL(u *url.URL) string {
	if u.User == nil {
		return u.String()
	}
	c := *u
	c.User = url.User(u.User.Username())
	if _, has := u.User.Password(); has {
		c.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return c.String()
}

func redactProxy(s string) string {
	if at := strings.LastIndex(s, "@"); at >= 0 {
		if i := strings.Index(s, "://"); i >= 0 && i < at {
			return s[:i+3] + "xxxxx" + s[at:]
		}
		return "xxxxx" + s[at:]
	}
	return s
}

// parseProxies reads the proxies list.
func (d *decoder) parseProxies(p pair) []string {
	if isNull(p.value) {
		return nil
	}
	var out []string
	d.stringList(p, ProxyAccepted, maxProxies, "has %d proxies, more than %d", func(item *yaml.Node, path, v string) {
		u, err := ParseProxy(v)
		if err != nil {
			d.fail(item.Line, path, ProxyAccepted, "%v", err)
			return
		}
		out = append(out, u.String())
	})
	return out
}

// parseAccess reads the keys about getting at the site's pages: blocked
// (the signs of its block pages) and proxies.
func (d *decoder) parseAccess(p pair, s *Site) {
	switch p.key {
	case "blocked":
		s.Blocked = d.parseBlocked(p)
	case "proxies":
		s.Proxies = d.parseProxies(p)
	}
}
