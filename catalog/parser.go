package catalog

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// pos is where a value sits in the file: the field name an error reports
// and its line.
type pos struct {
	field string
	line  int
}

// brandDoc is a brand as read from the file, with where each field was.
type brandDoc struct {
	b      shadowscan.Brand
	at     pos            // the brand itself
	prefix string         // field prefix for keys that were not written
	keys   map[string]pos // "id", "name", "official_sellers[0]" ...
	// missing is set when the file has no brand at all; that one error is
	// reported instead of one per brand field.
	missing bool
	// bad is set when reading the brand recorded an error (a value of the
	// wrong type): the root type's own check would only repeat it.
	bad bool
}

// productDoc is a product as read from the file, with where each field was.
type productDoc struct {
	p        shadowscan.Product
	at       pos
	prefix   string
	keys     map[string]pos
	hasPrice bool // price was given and read
	priceBad bool // price was given but could not be read
	bad      bool // reading the product recorded an error (see brandDoc.bad)
	images   []imageDoc
}

// imageDoc is one image source and where it was written.
type imageDoc struct {
	src string
	at  pos
}

func (d *brandDoc) where(key string) pos   { return where(d.keys, d.at, d.prefix, key) }
func (d *productDoc) where(key string) pos { return where(d.keys, d.at, d.prefix, key) }

func where(keys map[string]pos, at pos, prefix, key string) pos {
	if p, ok := keys[key]; ok {
		return p
	}
	return pos{field: prefix + key, line: at.line}
}

// parser collects a file's brands, products and errors.
type parser struct {
	file     string
	brands   []*brandDoc
	products []*productDoc
	errs     shadowscan.FieldErrors
	// reported holds the places an error was recorded at, so that a value
	// refused for its type is not reported again as missing.
	reported map[pos]bool
	// fatal is set when the file cannot be read as a whole (a syntax error);
	// its structure is then unknown and validation is skipped.
	fatal bool
}

// errorf records an input error at at.
func (p *parser) errorf(at pos, accepted, format string, args ...any) {
	if p.reported == nil {
		p.reported = map[pos]bool{}
	}
	p.reported[at] = true
	p.errs = append(p.errs, &shadowscan.FieldError{
		File: p.file, Line: at.line, Field: at.field, Msg: fmt.Sprintf(format, args...), Accepted: accepted,
	})
}

// amountPattern is a plain decimal with at most two decimals: prices are
// kept in hundredths, so 298.005 would be silently rounded.
var amountPattern = regexp.MustCompile(`^-?[0-9]{1,13}(\.[0-9]{1,2})?$`)

// missing records that the value at at is missing, unless an error was
// already recorded there (a value of the wrong type reads as missing).
func (p *parser) missing(at pos, accepted string) {
	if !p.reported[at] {
		p.errorf(at, accepted, "is missing")
	}
}

// parseAmount reads a price written as 298, 298.5 or 298.00.
func parseAmount(s string) (shadowscan.Amount, error) {
	s = strings.TrimSpace(s)
	if !amountPattern.MatchString(s) {
		return 0, fmt.Errorf("%q is not a decimal number with at most two decimals", s)
	}
	return shadowscan.ParseAmount(s)
}

// catalog assembles the parsed documents.
func (p *parser) catalog() shadowscan.Catalog {
	var c shadowscan.Catalog
	for _, b := range p.brands {
		c.Brands = append(c.Brands, b.b)
	}
	for _, d := range p.products {
		c.Products = append(c.Products, d.p)
	}
	return c
}
