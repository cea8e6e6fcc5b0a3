package rules

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Block-handling defaults and bounds (politeness.block_backoff and
// politeness.block_limit).
const (
	// DefaultBlockBackoff is the first pause after a blocked page; it
	// doubles with each blocked page in a row, up to MaxBlockBackoff.
	DefaultBlockBackoff = 30 * time.Second
	// MaxBlockBackoff caps the pause after a blocked page.
	MaxBlockBackoff = 10 * time.Minute
	// DefaultBlockLimit is how many blocked pages in a row stop a site's
	// crawl.
	DefaultBlockLimit = 5

	maxBlockLimit = 1000
	maxBlockSigns = 64
	// maxPatternLen caps a re: pattern, as MaxSelectorLen caps a selector.
	maxPatternLen = 2048
)

// BlockSign is one entry of a site rule's blocked list: a page that shows
// it is a block page (a captcha, a login wall, a "too many requests"
// notice), never a listing.
type BlockSign struct {
	// Raw is the entry as written.
	Raw string `json:"raw"`
	// Selector, when set, matches when it finds an element (whose value
	// its re: filter, if any, matches).
	Selector *Selector `json:"-"`
	// Pattern, when set, matches the page's final URL or its HTML.
	Pattern *regexp.Regexp `json:"-"`
}

const blockedAccepted = "a list of signs of a block page, each a selector (`CSS`, `CSS@attr`, optionally `| re:REGEX`: present means blocked) " +
	"or `re:REGEX` (matched against the page's URL and HTML), e.g. [\"div.verify-wrap\", \"re:访问过于频繁|unusual traffic\"]"

// ParseBlockSign parses one blocked entry: `re:REGEX` or a selector.
func ParseBlockSign(expr string) (BlockSign, error) {
	raw := strings.TrimSpace(expr)
	if pat, ok := strings.CutPrefix(raw, "re:"); ok {
		pat = strings.TrimSpace(pat)
		switch {
		case pat == "":
			return BlockSign{}, fmt.Errorf("re: has no pattern")
		case len(pat) > maxPatternLen:
			return BlockSign{}, fmt.Errorf("pattern is %d bytes long, more than the %d allowed", len(pat), maxPatternLen)
		}
		re, err := regexp.Compile(pat)
		if err != nil {
			return BlockSign{}, fmt.Errorf("%q is not a regular expression (RE2 syntax): %v", clip(pat), err)
		}
		return BlockSign{Raw: raw, Pattern: re}, nil
	}
	sel, err := ParseSelector(raw)
	if err != nil {
		return BlockSign{}, err
	}
	return BlockSign{Raw: raw, Selector: sel}, nil
}

// parseBlocked reads the blocked list.
func (d *decoder) parseBlocked(p pair) []BlockSign {
	if isNull(p.value) {
		return nil
	}
	var out []BlockSign
	d.stringList(p, blockedAccepted, maxBlockSigns, "has %d entries, more than %d", func(item *yaml.Node, path, v string) {
		s, err := ParseBlockSign(v)
		if err != nil {
			d.fail(item.Line, path, blockedAccepted, "%v", err)
			return
		}
		out = append(out, s)
	})
	return out
}

// parseBlockPoliteness reads politeness.block_backoff and block_limit; ok
// is false for any other key.
func (d *decoder) parseBlockPoliteness(q pair, pol *Politeness) bool {
	switch q.key {
	case "block_backoff":
		if v, ok := d.duration(q.value, q.path, MaxBlockBackoff); ok {
			pol.BlockBackoff = v
		}
	case "block_limit":
		if v, ok := d.integer(q.value, q.path, 1, maxBlockLimit); ok {
			pol.BlockLimit = int(v)
		}
	default:
		return false
	}
	return true
}
