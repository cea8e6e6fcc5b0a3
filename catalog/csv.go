package catalog

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shadowscan/shadowscan"
)

// CSV columns. Brand columns repeat on every row of a brand.
var (
	csvColumns = []string{
		"brand_id", "brand_name", "brand_aliases", "official_sellers", "authorized_sellers", "defamation_terms",
		"sku", "name", "aliases", "price", "min_price", "min_price_by_tier", "min_price_by_region", "currency", "images",
	}
	csvRequired = []string{"brand_id", "sku", "name", "price", "currency"}
)

// brandColumns maps brand keys to their CSV column.
var brandColumns = map[string]string{
	"id": "brand_id", "name": "brand_name", "aliases": "brand_aliases",
	"official_sellers": "official_sellers", "authorized_sellers": "authorized_sellers",
	"defamation_terms": "defamation_terms",
}

// csvSynonyms are header names people write for a column, read as it:
// the YAML nests the brand's id as brand.id, and a spreadsheet column
// holding it is as often headed "brand" as "brand_id".
var csvSynonyms = map[string]string{"brand": "brand_id"}

// csvAccepted is what a CSV header may be: derived from csvColumns, so a
// new column is named in the errors without a second edit.
var csvAccepted = "a header row with the columns " + strings.Join(csvColumns, ", ")

// parseCSV reads a CSV catalogue: a header row, then one product a row.
func (p *parser) parseCSV(data []byte) {
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // spreadsheet programs add a BOM
	r := csv.NewReader(bytes.NewReader(data))
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			p.fatal = true
			p.errorf(pos{line: 1}, csvAccepted, "the file is empty")
			return
		}
		p.csvError(err)
		return
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		at := pos{field: h, line: 1}
		if c, ok := csvSynonyms[h]; ok {
			h = c
		}
		switch {
		case h == "":
			p.errorf(pos{field: fmt.Sprintf("column %d", i+1), line: 1}, csvAccepted, "has an empty header")
		case !contains(csvColumns, h):
			p.errorf(at, "one of "+strings.Join(csvColumns, ", "), "%s", strings.Replace(unknownKeyMsg(h, csvColumns), "key", "column", 1))
		case col[h] != 0:
			p.errorf(at, "each column once", "is repeated (columns %d and %d)", col[h], i+1)
		default:
			col[h] = i + 1 // 1-based so that 0 means absent
		}
	}
	for _, c := range csvRequired {
		if col[c] == 0 {
			p.errorf(pos{field: c, line: 1}, csvAccepted, "column is missing")
		}
	}
	if len(p.errs) > 0 {
		p.fatal = true
		return
	}
	// A file with brand_id and no other brand column lists products of
	// brands that another file of the import defines (Merge checks).
	definesBrands := false
	for _, c := range brandColumns {
		if c != "brand_id" && col[c] != 0 {
			definesBrands = true
		}
	}
	brands := map[string]*brandDoc{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			p.csvError(err)
			return
		}
		line, _ := r.FieldPos(0)
		get := func(c string) string {
			if i := col[c]; i > 0 {
				return strings.TrimSpace(rec[i-1])
			}
			return ""
		}
		if definesBrands {
			p.csvBrand(get, line, brands)
		}
		p.csvProduct(get, line)
	}
	if len(p.products) == 0 {
		p.errorf(pos{line: 1}, "one product a row after the header", "has no product rows")
	}
}

// csvError records a CSV syntax error, which stops the file.
func (p *parser) csvError(err error) {
	p.fatal = true
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		p.errorf(pos{field: fmt.Sprintf("column %d", pe.Column), line: pe.Line}, "RFC 4180 CSV with the same number of columns on every row", "invalid CSV: %v", pe.Err)
		return
	}
	p.errorf(pos{}, "RFC 4180 CSV", "invalid CSV: %v", err)
}

// csvBrand merges the brand columns of a row into the brand with its
// brand_id, reporting values that conflict with earlier rows.
func (p *parser) csvBrand(get func(string) string, line int, brands map[string]*brandDoc) {
	id := get("brand_id")
	if id == "" {
		return // reported with the product
	}
	b, ok := brands[id]
	if !ok {
		b = &brandDoc{at: pos{field: "brand_id", line: line}, keys: map[string]pos{}}
		for k, c := range brandColumns {
			b.keys[k] = pos{field: c, line: line}
		}
		b.b.ID = id
		brands[id] = b
		p.brands = append(p.brands, b)
	}
	set := func(key string, cur *string, val string) {
		c := brandColumns[key]
		switch {
		case val == "" || val == *cur:
		case *cur == "":
			*cur = val
			b.keys[key] = pos{field: c, line: line}
		default:
			p.errorf(pos{field: c, line: line}, "the same "+c+" on every row of brand "+id+", or a blank cell",
				"%q conflicts with %q on line %d for brand %s", val, *cur, b.keys[key].line, id)
		}
	}
	set("name", &b.b.Name, get("brand_name"))
	lists := []struct {
		key string
		dst *[]string
	}{{"aliases", &b.b.Aliases}, {"defamation_terms", &b.b.DefamationTerms}}
	for _, l := range lists {
		cur := strings.Join(*l.dst, "|")
		val := normList(get(brandColumns[l.key]))
		set(l.key, &cur, val)
		if cur != strings.Join(*l.dst, "|") {
			*l.dst = p.csvList(cur, pos{field: brandColumns[l.key], line: line})
		}
	}
	sellers := []struct {
		key string
		dst *[]shadowscan.SellerRef
	}{{"official_sellers", &b.b.OfficialSellers}, {"authorized_sellers", &b.b.AuthorizedSellers}}
	for _, s := range sellers {
		cur := sellerString(*s.dst)
		val := normSellers(get(s.key))
		set(s.key, &cur, val)
		if cur != sellerString(*s.dst) {
			*s.dst = p.csvSellers(cur, pos{field: s.key, line: line}, b)
		}
	}
}

// csvProduct reads the product columns of a row.
func (p *parser) csvProduct(get func(string) string, line int) {
	d := &productDoc{at: pos{field: "row", line: line}, keys: map[string]pos{}}
	for _, k := range productKeys {
		d.keys[k] = pos{field: k, line: line}
	}
	p.products = append(p.products, d)
	d.p.BrandID = get("brand_id")
	if d.p.BrandID == "" {
		p.errorf(pos{field: "brand_id", line: line}, "the key of the product's brand, such as aurora", "is missing")
	}
	d.p.SKU = get("sku")
	d.p.Name = get("name")
	d.p.Currency = get("currency")
	d.p.Aliases = p.csvList(get("aliases"), pos{field: "aliases", line: line})
	for _, k := range []string{"price", "min_price"} {
		s := get(k)
		if s == "" {
			continue
		}
		a, err := parseAmount(s)
		if err != nil {
			d.priceBad = d.priceBad || k == "price"
			p.errorf(pos{field: k, line: line}, "a decimal number such as 298 or 298.00", "%v", err)
			continue
		}
		if k == "price" {
			d.p.Price, d.hasPrice = a, true
		} else {
			d.p.MinPrice = a
		}
	}
	d.p.TierFloors = p.csvFloors(get("min_price_by_tier"), pos{field: "min_price_by_tier", line: line})
	d.p.RegionFloors = p.csvFloors(get("min_price_by_region"), pos{field: "min_price_by_region", line: line})
	for i, src := range splitList(get("images")) {
		at := pos{field: fmt.Sprintf("images[%d]", i), line: line}
		if src == "" {
			p.errorf(at, "image paths or URLs separated by |", "is empty")
			continue
		}
		d.images = append(d.images, imageDoc{src: src, at: at})
	}
}

// csvList splits a |-separated cell, reporting empty items.
func (p *parser) csvList(cell string, at pos) []string {
	var out []string
	for i, s := range splitList(cell) {
		if s == "" {
			p.errorf(pos{field: fmt.Sprintf("%s[%d]", at.field, i), line: at.line}, "items separated by |, none empty", "is empty")
			continue
		}
		out = append(out, s)
	}
	return out
}

// csvSellers reads "site:seller_id|site:seller_id".
func (p *parser) csvSellers(cell string, at pos, b *brandDoc) []shadowscan.SellerRef {
	var out []shadowscan.SellerRef
	for i, s := range splitList(cell) {
		iat := pos{field: fmt.Sprintf("%s[%d]", at.field, i), line: at.line}
		b.keys[strings.TrimPrefix(iat.field, "brand.")] = iat
		ref, err := parseSellerRef(s)
		if err != nil {
			p.errorf(iat, "site:seller_id items separated by |, such as demo-market:shop-1187;tier=gold;region=上海", "%v", err)
			continue
		}
		out = append(out, ref)
	}
	return out
}

// splitList splits a |-separated cell and trims each item; "" is no items.
func splitList(cell string) []string {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return nil
	}
	parts := strings.Split(cell, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// normList normalises spacing around | so "a | b" and "a|b" agree.
func normList(cell string) string { return strings.Join(splitList(cell), "|") }

// normSellers writes a sellers cell in the form sellerString gives, so
// spacing differences between rows do not count as conflicts.
func normSellers(cell string) string {
	parts := splitList(cell)
	for i, s := range parts {
		if ref, err := parseSellerRef(s); err == nil {
			parts[i] = sellerRefString(ref)
		}
	}
	return strings.Join(parts, "|")
}

func sellerString(refs []shadowscan.SellerRef) string {
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = sellerRefString(r)
	}
	return strings.Join(parts, "|")
}
