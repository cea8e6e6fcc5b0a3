package rules

import (
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxPhotoHosts caps photo_hosts: a site's CDNs are a handful of hosts.
const maxPhotoHosts = 64

const photoHostsAccepted = `a list of hosts listing photos may come from besides the site itself, each "host" (ports 80 and 443), "host:port" or "*.domain" for any subdomain, without scheme or path, e.g. [img.cdn.example, "*.alicdn.com", "127.0.0.1:8932"]`

// parsePhotoHosts reads the photo_hosts list, each entry normalised by
// NormalizePhotoHost.
func (d *decoder) parsePhotoHosts(p pair) []string {
	n := p.value
	if isNull(n) || n.Kind == yaml.SequenceNode {
		d.set[p.path] = n.Line
	}
	if isNull(n) {
		return nil
	}
	var out []string
	seen := map[string]int{}
	d.stringList(p, photoHostsAccepted, maxPhotoHosts, "names %d hosts, more than %d", func(item *yaml.Node, path, v string) {
		h, err := NormalizePhotoHost(v)
		if err != nil {
			d.fail(item.Line, path, photoHostsAccepted, "%v", err)
			return
		}
		if first, dup := seen[h]; dup {
			d.fail(item.Line, path, photoHostsAccepted, "%q is listed twice (first on line %d)", clip(v), first)
			return
		}
		seen[h] = item.Line
		out = append(out, h)
	})
	return out
}

// NormalizePhotoHost checks one photo_hosts entry and returns it lower
// case, with an IPv6 literal in brackets and a port only when one was
// given. It accepts "host", "host:port", "*.domain[:port]", IPv4 and IPv6
// literals; it refuses schemes, paths, user info and bad ports.
func NormalizePhotoHost(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return "", fmt.Errorf("is empty")
	case strings.Contains(s, "://"):
		return "", fmt.Errorf("%q has a scheme; give the host only, e.g. img.cdn.example", clip(s))
	case strings.ContainsAny(s, "/?#@ \t"):
		return "", fmt.Errorf("%q is not a host or host:port (no path, query, user or spaces)", clip(s))
	}
	host, port := s, ""
	switch {
	case strings.HasPrefix(s, "["):
		h, p, err := net.SplitHostPort(s)
		if err != nil {
			end := strings.Index(s, "]")
			if end != len(s)-1 {
				return "", fmt.Errorf("%q is not a host or host:port", clip(s))
			}
			h = s[1:end]
		}
		host, port = h, p
		if a, err := netip.ParseAddr(host); err != nil || !a.Is6() || a.Zone() != "" {
			return "", fmt.Errorf("%q: %q in brackets is not an IPv6 address", clip(s), clip(host))
		}
	case strings.Count(s, ":") == 1:
		h, p, err := net.SplitHostPort(s)
		if err != nil {
			return "", fmt.Errorf("%q is not a host or host:port", clip(s))
		}
		host, port = h, p
	case strings.Count(s, ":") > 1:
		if a, err := netip.ParseAddr(s); err != nil || a.Zone() != "" {
			return "", fmt.Errorf("%q is not a host or host:port; write an IPv6 address with a port as [addr]:port", clip(s))
		}
	}
	if port != "" || strings.HasSuffix(s, ":") {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || strconv.Itoa(n) != port {
			return "", fmt.Errorf("%q has port %q; a port is a number from 1 to 65535", clip(s), clip(port))
		}
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Is6() {
			host = "[" + a.String() + "]"
		} else {
			host = a.String()
		}
	} else if err := checkHostName(host); err != nil {
		return "", fmt.Errorf("%q: %v", clip(s), err)
	}
	if port != "" {
		return host + ":" + port, nil
	}
	return host, nil
}

// checkHostName accepts a DNS name, optionally with a leading "*." that
// stands for any subdomain of at least two labels.
func checkHostName(h string) error {
	name, wild := strings.CutPrefix(h, "*.")
	if len(h) > 253 {
		return fmt.Errorf("the host name is longer than 253 characters")
	}
	labels := strings.Split(name, ".")
	if wild && len(labels) < 2 {
		return fmt.Errorf("a wildcard covers subdomains of a domain of two labels or more, e.g. *.cdn.example")
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return fmt.Errorf("%q is not a host name (empty or overlong label)", clip(h))
		}
		for i, r := range l {
			ok := r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' && i > 0 && i < len(l)-1 || r == '_'
			if !ok {
				if r == '*' {
					return fmt.Errorf("%q: a wildcard is only accepted as a leading \"*.\"", clip(h))
				}
				return fmt.Errorf("%q is not a host name (letters, digits, '-' and '.'; write an internationalised name in its xn-- form)", clip(h))
			}
		}
	}
	return nil
}
