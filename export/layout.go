package export

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
)

// Layout is one platform's complaint file, read from a layout file
// (export/platforms/*.yaml, or platforms/*.yaml under --rules): which
// hits go into which packet, and the columns of each row.
type Layout struct {
	// Platform is the name given to --platform, e.g. ipp.
	Platform string
	// Title names the platform's complaint form; Source where its rules
	// and form are; Documented whether the column names are the
	// platform's published ones (false: they name the fields the form
	// asks for, to be mapped onto its template).
	Title, Source string
	Documented    bool
	// Sites are the site rule names whose listings the platform takes;
	// none: any site.
	Sites []string
	// BatchSize caps the rows of one file: a packet of more listings is
	// split into several files.
	BatchSize int
	// RefusesGenuineGoods says the platform's IP route refuses complaints
	// about genuine goods: grey-market categories may then not be in an
	// ip packet.
	RefusesGenuineGoods bool
	// Packets are the separate complaint files, by route.
	Packets []Packet
	// ShopURLs are templates, by site, of a shop's link ({seller_id}).
	ShopURLs map[string]string
	// Columns are the file's columns in order.
	Columns []Column
	// File is where the layout was read from.
	File string
}

// Packet is one complaint route of a layout: the categories it takes
// and the right type and reason written on each of its rows.
type Packet struct {
	Name, Route       string
	Categories        []shadowscan.Category
	RightType, Reason string
}

// Column is one column: its header and either a field of the hit or a
// fixed text.
type Column struct {
	Header, Field, Text string
}

// Routes a packet may take.
var routes = []string{"ip", "contract", "defamation"}

// Fields a column may name.
var fields = []string{"hit_id", "site", "listing_url", "listing_id", "title", "shop_url", "shop_name", "seller_id",
	"brand", "product", "sku", "price", "currency", "category", "route", "right_type", "complaint_reason", "detail",
	"evidence_digest", "captured_at", "reviewer", "reviewed_at", "bundle"}

// greyMarket are the categories of genuine goods sold outside the
// brand's channel: never an IP complaint where the platform refuses
// those about genuine goods.
var greyMarket = []shadowscan.Category{shadowscan.CategoryUnauthorizedSeller, shadowscan.CategoryCodeTampered}

// maxBatch bounds batch_size: past it a spreadsheet is no longer what a
// complaint desk uploads.
const maxBatch = 10000

//go:embed platforms/*.yaml
var embedded embed.FS

var platformName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// LoadLayouts returns the embedded layouts and those in dir/platforms
// (dir is the --rules directory; "" for none), by platform name; a file
// there replaces the embedded layout of the same name.
func LoadLayouts(dir string) (map[string]*Layout, error) {
	out := map[string]*Layout{}
	var errs shadowscan.FieldErrors
	add := func(file string, data []byte) {
		l, err := ParseLayout(file, data)
		if err != nil {
			if fe, ok := err.(shadowscan.FieldErrors); ok {
				errs = append(errs, fe...)
			} else {
				errs = append(errs, &shadowscan.FieldError{File: file, Msg: err.Error()})
			}
			return
		}
		out[l.Platform] = l
	}
	names, _ := fs.Glob(embedded, "platforms/*.yaml")
	for _, n := range names {
		data, err := embedded.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("embedded layout %s: %w", n, err)
		}
		add("export/"+n, data)
	}
	if dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "platforms", "*.yaml"))
		sort.Strings(files)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				errs = append(errs, &shadowscan.FieldError{File: f, Msg: err.Error()})
				continue
			}
			add(f, data)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// FindLayout returns the layout called name among layouts, or an
// EINVALID error naming the known ones.
func FindLayout(layouts map[string]*Layout, name string) (*Layout, error) {
	if l, ok := layouts[name]; ok {
		return l, nil
	}
	known := make([]string, 0, len(layouts))
	for n := range layouts {
		known = append(known, n)
	}
	sort.Strings(known)
	return nil, shadowscan.Errorf(shadowscan.EINVALID, "--platform %q: no such layout (known: %s; add one as platforms/NAME.yaml under --rules)", name, strings.Join(known, ", "))
}

// ParseLayout reads a layout file. Every problem is a FieldError naming
// file, line and field; all are reported together.
func ParseLayout(file string, data []byte) (*Layout, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, shadowscan.FieldErrors{{File: file, Msg: strings.TrimPrefix(err.Error(), "yaml: "), Accepted: "a YAML mapping"}}
	}
	p := &layoutParser{file: file}
	l := &Layout{File: file}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		p.fail(1, "", "the file is not a YAML mapping", "platform, title, source, format, batch_size, packets, columns ...")
		return nil, p.errs
	}
	root := doc.Content[0]
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		seen[k.Value] = k.Line
		switch k.Value {
		case "platform":
			l.Platform = p.str(v, "platform")
			if l.Platform != "" && !platformName.MatchString(l.Platform) {
				p.fail(v.Line, "platform", fmt.Sprintf("%q is not a platform name", l.Platform), "lower case letters, digits and -")
			}
		case "title":
			l.Title = p.str(v, "title")
		case "source":
			l.Source = p.str(v, "source")
		case "documented":
			l.Documented = p.boolean(v, "documented")
		case "refuses_genuine_goods":
			l.RefusesGenuineGoods = p.boolean(v, "refuses_genuine_goods")
		case "sites":
			l.Sites = p.strs(v, "sites")
		case "format":
			if f := p.str(v, "format"); f != "csv" {
				p.fail(v.Line, "format", fmt.Sprintf("%q is not a format this version writes", f), "csv")
			}
		case "batch_size":
			n, err := strconv.Atoi(v.Value)
			if v.Kind != yaml.ScalarNode || err != nil || n < 1 || n > maxBatch {
				p.fail(v.Line, "batch_size", fmt.Sprintf("%q is not a number of rows", v.Value), fmt.Sprintf("a whole number 1-%d", maxBatch))
			}
			l.BatchSize = n
		case "shop_urls":
			l.ShopURLs = p.shopURLs(v)
		case "packets":
			l.Packets = p.packets(v, l)
		case "columns":
			l.Columns = p.columns(v)
		default:
			p.fail(k.Line, k.Value, "is not a layout field", "platform, title, source, documented, sites, format, batch_size, refuses_genuine_goods, packets, shop_urls, columns")
		}
	}
	for _, req := range []string{"platform", "title", "source", "format", "batch_size", "packets", "columns"} {
		if _, ok := seen[req]; !ok {
			p.fail(root.Line, req, "is missing", "every layout names its platform, title, source, format, batch_size, packets and columns")
		}
	}
	if _, ok := seen["packets"]; ok {
		p.checkGreyMarket(l, seen["packets"])
	}
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	return l, nil
}

// layoutParser collects the problems of one layout file.
type layoutParser struct {
	file string
	errs shadowscan.FieldErrors
}

func (p *layoutParser) fail(line int, field, msg, accepted string) {
	p.errs = append(p.errs, &shadowscan.FieldError{File: p.file, Line: line, Field: field, Msg: msg, Accepted: accepted})
}

func (p *layoutParser) str(v *yaml.Node, field string) string {
	if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
		p.fail(v.Line, field, "is not a text", "a non-empty text")
		return ""
	}
	return strings.TrimSpace(v.Value)
}

func (p *layoutParser) boolean(v *yaml.Node, field string) bool {
	b, err := strconv.ParseBool(v.Value)
	if v.Kind != yaml.ScalarNode || err != nil {
		p.fail(v.Line, field, fmt.Sprintf("%q is not true or false", v.Value), "true, false")
	}
	return b
}

func (p *layoutParser) strs(v *yaml.Node, field string) []string {
	if v.Kind != yaml.SequenceNode {
		p.fail(v.Line, field, "is not a list", "a list of texts")
		return nil
	}
	var out []string
	for _, e := range v.Content {
		if s := p.str(e, field); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (p *layoutParser) shopURLs(v *yaml.Node) map[string]string {
	if v.Kind != yaml.MappingNode {
		p.fail(v.Line, "shop_urls", "is not a mapping", "site: URL template with {seller_id}")
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		site, tv := v.Content[i].Value, v.Content[i+1]
		field := "shop_urls." + site
		t := p.str(tv, field)
		if t != "" && (!strings.Contains(t, "{seller_id}") || !(strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "http://"))) {
			p.fail(tv.Line, field, fmt.Sprintf("%q is not a shop URL template", t), "an http(s) URL with {seller_id}")
			continue
		}
		out[site] = t
	}
	return out
}

func (p *layoutParser) packets(v *yaml.Node, l *Layout) []Packet {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		p.fail(v.Line, "packets", "is not a non-empty list", "a list of {name, route, categories, right_type, reason}")
		return nil
	}
	var out []Packet
	owner := map[shadowscan.Category]string{}
	for i, e := range v.Content {
		at := fmt.Sprintf("packets[%d]", i)
		if e.Kind != yaml.MappingNode {
			p.fail(e.Line, at, "is not a mapping", "{name, route, categories, right_type, reason}")
			continue
		}
		var pk Packet
		got := map[string]bool{}
		for j := 0; j+1 < len(e.Content); j += 2 {
			k, val := e.Content[j], e.Content[j+1]
			f := at + "." + k.Value
			got[k.Value] = true
			switch k.Value {
			case "name":
				pk.Name = p.str(val, f)
				if pk.Name != "" && !platformName.MatchString(pk.Name) {
					p.fail(val.Line, f, fmt.Sprintf("%q is not a packet name", pk.Name), "lower case letters, digits and -")
				}
			case "route":
				pk.Route = p.str(val, f)
				if pk.Route != "" && !slices.Contains(routes, pk.Route) {
					p.fail(val.Line, f, fmt.Sprintf("%q is not a route", pk.Route), strings.Join(routes, ", "))
				}
			case "right_type":
				pk.RightType = p.str(val, f)
			case "reason":
				pk.Reason = p.str(val, f)
			case "categories":
				for _, c := range p.strs(val, f) {
					cat, err := shadowscan.ParseCategory(c)
					if err != nil {
						p.fail(val.Line, f, fmt.Sprintf("%q is not a category", c), categoryNames())
						continue
					}
					if other, dup := owner[cat]; dup {
						p.fail(val.Line, f, fmt.Sprintf("%s is already in packet %q", cat, other), "each category in one packet")
						continue
					}
					owner[cat] = pk.Name
					pk.Categories = append(pk.Categories, cat)
				}
			default:
				p.fail(k.Line, f, "is not a packet field", "name, route, categories, right_type, reason")
			}
		}
		for _, req := range []string{"name", "route", "categories", "right_type", "reason"} {
			if !got[req] {
				p.fail(e.Line, at+"."+req, "is missing", "every packet has a name, route, categories, right_type and reason")
			}
		}
		for _, o := range out {
			if pk.Name != "" && o.Name == pk.Name {
				p.fail(e.Line, at+".name", fmt.Sprintf("%q names two packets", pk.Name), "one name a packet")
			}
		}
		out = append(out, pk)
	}
	return out
}

// checkGreyMarket refuses a layout that would file genuine goods as an
// IP infringement with a platform that refuses such complaints: a
// rejected complaint costs the brand its standing with the platform.
func (p *layoutParser) checkGreyMarket(l *Layout, line int) {
	if !l.RefusesGenuineGoods {
		return
	}
	for i, pk := range l.Packets {
		if pk.Route != "ip" {
			continue
		}
		for _, c := range pk.Categories {
			if slices.Contains(greyMarket, c) {
				p.fail(line, fmt.Sprintf("packets[%d].categories", i), fmt.Sprintf("%s is genuine goods: the platform refuses IP complaints about them", c), "grey-market categories in a contract packet")
			}
		}
	}
}

func (p *layoutParser) columns(v *yaml.Node) []Column {
	if v.Kind != yaml.SequenceNode || len(v.Content) == 0 {
		p.fail(v.Line, "columns", "is not a non-empty list", "a list of {header, field} or {header, text}")
		return nil
	}
	var out []Column
	headers := map[string]bool{}
	for i, e := range v.Content {
		at := fmt.Sprintf("columns[%d]", i)
		if e.Kind != yaml.MappingNode {
			p.fail(e.Line, at, "is not a mapping", "{header, field} or {header, text}")
			continue
		}
		var c Column
		for j := 0; j+1 < len(e.Content); j += 2 {
			k, val := e.Content[j], e.Content[j+1]
			f := at + "." + k.Value
			switch k.Value {
			case "header":
				c.Header = p.str(val, f)
			case "field":
				c.Field = p.str(val, f)
				if c.Field != "" && !slices.Contains(fields, c.Field) {
					p.fail(val.Line, f, fmt.Sprintf("%q is not a field", c.Field), strings.Join(fields, ", "))
				}
			case "text":
				c.Text = p.str(val, f)
			default:
				p.fail(k.Line, f, "is not a column field", "header, field, text")
			}
		}
		switch {
		case c.Header == "":
			p.fail(e.Line, at+".header", "is missing", "the column's header text")
		case headers[c.Header]:
			p.fail(e.Line, at+".header", fmt.Sprintf("%q is the header of two columns", c.Header), "one column a header")
		}
		headers[c.Header] = true
		if (c.Field == "") == (c.Text == "") {
			p.fail(e.Line, at, "needs either field or text", "one of field, text")
		}
		out = append(out, c)
	}
	return out
}

func categoryNames() string {
	names := make([]string, len(shadowscan.Categories))
	for i, c := range shadowscan.Categories {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}
