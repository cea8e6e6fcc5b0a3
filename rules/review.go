package rules

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
)

// maxDismissReasons caps the pick list: it is a menu, not a taxonomy.
const maxDismissReasons = 50

// Review is the rule data of the review workflow: what an analyst picks
// from. It is separate from Detection because it changes nothing the
// matcher scores.
type Review struct {
	// File is where the rules came from (embedded: or a --rules file).
	File string
	// DismissReasons is the pick list of a dismissal, in menu order.
	DismissReasons shadowscan.DismissReasons
}

// DefaultReview returns a fresh copy of the embedded review rules. It
// panics only if the embedded file is broken, which the package tests
// rule out.
func DefaultReview() *Review {
	set, err := embeddedSet()
	if err != nil {
		panic(fmt.Sprintf("rules: embedded defaults: %v", err))
	}
	return set.Review.Clone()
}

// Clone returns a deep copy of r.
func (r *Review) Clone() *Review {
	if r == nil {
		return nil
	}
	c := *r
	c.DismissReasons = slices.Clone(r.DismissReasons)
	return &c
}

// ParseReview parses a review rule file over base: a list the file sets
// replaces base's whole; the rest is kept from a copy of base. With a nil
// base the file must set dismiss_reasons. Each reason is printable text
// of 1 to shadowscan.MaxReasonLen bytes, listed once; the list has 1 to
// 50 entries. Errors are shadowscan.FieldErrors naming the file, line and
// field (e.g. dismiss_reasons[2].reason).
func ParseReview(file string, data []byte, base *Review) (*Review, error) {
	d := newDecoder(file)
	root := d.parseDocument(data)
	out := base.Clone()
	if out == nil {
		out = &Review{}
	}
	out.File = file
	if root != nil {
		for _, p := range d.mapping(root, "", []string{"kind", "dismiss_reasons"}) {
			switch p.key {
			case "kind":
				if v, ok := d.str(p.value, p.path, "review"); ok && v != "review" {
					d.fail(p.line, p.path, "review", "is %q in a review rule file", clip(v))
				}
			case "dismiss_reasons":
				out.DismissReasons = d.dismissReasons(p)
			}
		}
	}
	if len(d.errs) == 0 && len(out.DismissReasons) == 0 {
		d.fail(d.root, "dismiss_reasons", "a list of 1 to 50 {reason, note_required} entries", "is missing or empty: a dismissal must be able to say why")
	}
	if err := d.err(); err != nil {
		return nil, err
	}
	return out, nil
}

const dismissReasonAccepted = "a list of {reason: TEXT, note_required: true|false}"

// dismissReasons reads the dismiss_reasons list.
func (d *decoder) dismissReasons(p pair) shadowscan.DismissReasons {
	n := p.value
	if n.Kind != yaml.SequenceNode {
		d.fail(n.Line, p.path, dismissReasonAccepted, "is %s, not a list", kindName(n))
		return nil
	}
	if len(n.Content) > maxDismissReasons {
		d.fail(n.Line, p.path, dismissReasonAccepted, "has %d entries, more than %d", len(n.Content), maxDismissReasons)
		return nil
	}
	var out shadowscan.DismissReasons
	seen := map[string]int{}
	for i, item := range n.Content {
		item = d.resolve(item)
		if item == nil {
			return nil
		}
		path := fmt.Sprintf("%s[%d]", p.path, i)
		var r shadowscan.DismissReason
		for _, f := range d.mapping(item, path, []string{"reason", "note_required"}) {
			switch f.key {
			case "reason":
				v, ok := d.str(f.value, f.path, "printable text")
				if !ok {
					continue
				}
				if err := shadowscan.CheckReasonText(v); err != nil {
					d.failErr(f.value.Line, f.path, err)
					continue
				}
				if first, dup := seen[v]; dup {
					d.fail(f.value.Line, f.path, "each reason once", "%q is listed twice (first on line %d)", clip(v), first)
					continue
				}
				seen[v] = f.value.Line
				r.Reason = v
			case "note_required":
				r.NoteRequired, _ = d.boolean(f.value, f.path)
			}
		}
		if r.Reason == "" {
			if item.Kind == yaml.MappingNode && !slices.ContainsFunc(item.Content, func(k *yaml.Node) bool { return k.Value == "reason" }) {
				d.fail(item.Line, path+".reason", "printable text", "is missing")
			}
			continue
		}
		out = append(out, r)
	}
	return out
}
