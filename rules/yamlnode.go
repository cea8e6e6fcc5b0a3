package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
)

// MaxFileBytes caps a rule file. Rule files are a few kilobytes; the cap
// keeps a hostile or mistaken file (a log, an image) from being parsed.
const MaxFileBytes = 1 << 20

// maxNodes caps the YAML nodes walked in one file, aliases included, so an
// alias bomb cannot make the walk quadratic.
const maxNodes = 200_000

// maxErrors caps the errors reported for one file: past it, the rest are
// noise from the same mistake.
const maxErrors = 50

// decoder walks a parsed YAML document and collects every problem as a
// FieldError naming the file, line and dotted field path, so one pass
// reports all of a file's mistakes.
type decoder struct {
	file string
	errs shadowscan.FieldErrors
	// nodes counts the nodes walked against budget.
	nodes, budget int
	// set records the line of every field the file set, by dotted path.
	set map[string]int
	// root is the line of the document's top-level mapping.
	root int
	// fetch is the site's fetch mode, read before its blocks.
	fetch string
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, set: map[string]int{}, root: 1, budget: maxNodes}
}

// fail records an error at line for field.
func (d *decoder) fail(line int, field, accepted, format string, args ...any) {
	switch {
	case len(d.errs) > maxErrors:
		return
	case len(d.errs) == maxErrors:
		d.errs = append(d.errs, &shadowscan.FieldError{File: d.file, Line: line, Msg: fmt.Sprintf("more than %d errors; fix these first", maxErrors)})
		return
	}
	d.errs = append(d.errs, &shadowscan.FieldError{
		File:     d.file,
		Line:     line,
		Field:    field,
		Msg:      fmt.Sprintf(format, args...),
		Accepted: accepted,
	})
}

// failErr records err, filling in the place when it is a FieldError
// without one.
func (d *decoder) failErr(line int, field string, err error) {
	var fe *shadowscan.FieldError
	if errors.As(err, &fe) {
		c := *fe
		if c.File == "" {
			c.File = d.file
		}
		if c.Line == 0 {
			c.Line = line
		}
		if c.Field == "" {
			c.Field = field
		}
		if len(d.errs) < maxErrors {
			d.errs = append(d.errs, &c)
		} else {
			d.fail(line, field, "", "")
		}
		return
	}
	d.fail(line, field, "", "%v", err)
}

// err returns the collected errors, or nil.
func (d *decoder) err() error {
	if len(d.errs) == 0 {
		return nil
	}
	return d.errs
}

// parseDocument parses data as a single YAML document and returns its root
// node, or nil (with errors recorded) when it cannot. An empty document
// returns nil without an error.
func (d *decoder) parseDocument(data []byte) *yaml.Node {
	if len(data) > MaxFileBytes {
		d.fail(0, "", fmt.Sprintf("a file of at most %d bytes", MaxFileBytes), "file is %d bytes, too large for a rule file", len(data))
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil
		}
		d.fail(yamlErrorLine(err), "", "YAML (https://yaml.org)", "%s", yamlErrorText(err))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.fail(extra.Line, "", "one YAML document a file", "a second YAML document starts here")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.fail(yamlErrorLine(err), "", "one YAML document a file", "%s", yamlErrorText(err))
		return nil
	}
	n := &doc
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return nil
		}
		n = n.Content[0]
	}
	n = d.resolve(n)
	if n == nil || isNull(n) {
		return nil
	}
	d.root = n.Line
	return n
}

// resolve follows an alias to its anchored node and counts the node against
// the walk budget; it returns nil when the budget is spent.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind == yaml.AliasNode {
		return nil
	}
	d.nodes++
	if d.nodes == d.budget+1 {
		d.fail(n.Line, "", fmt.Sprintf("at most %d YAML nodes, aliases expanded", d.budget), "file is too complex")
	}
	if d.nodes > d.budget {
		return nil
	}
	return n
}

// pair is one key of a mapping with its value.
type pair struct {
	key   string
	line  int
	path  string
	value *yaml.Node
}

// mapping checks that n is a mapping whose keys are all in known, each at
// most once, and returns its pairs in file order. path is n's dotted path
// ("" at the top level).
func (d *decoder) mapping(n *yaml.Node, path string, known []string) []pair {
	if n.Kind != yaml.MappingNode {
		d.fail(n.Line, fieldName(path), "a mapping of "+strings.Join(known, ", "), "is %s, not a mapping", kindName(n))
		return nil
	}
	var out []pair
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := d.resolve(n.Content[i])
		v := d.resolve(n.Content[i+1])
		if k == nil || v == nil {
			return out
		}
		if k.Kind != yaml.ScalarNode {
			d.fail(k.Line, fieldName(path), strings.Join(known, ", "), "has a key that is %s, not a name", kindName(k))
			continue
		}
		full := joinPath(path, k.Value)
		if first, dup := seen[k.Value]; dup {
			d.fail(k.Line, full, "each key once", "is set twice (first on line %d)", first)
			continue
		}
		seen[k.Value] = k.Line
		if !slices.Contains(known, k.Value) {
			msg := fmt.Sprintf("unknown key %q", clip(k.Value))
			if s := suggest(k.Value, known); s != "" {
				msg += fmt.Sprintf("; did you mean %q?", s)
			}
			d.fail(k.Line, full, strings.Join(known, ", "), "%s", msg)
			continue
		}
		out = append(out, pair{key: k.Value, line: k.Line, path: full, value: v})
	}
	return out
}

// scalar returns n's value when n is a non-null scalar; otherwise it records
// an error and returns false.
func (d *decoder) scalar(n *yaml.Node, path, accepted string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n.Line, path, accepted, "is %s, not a single value", kindName(n))
		return "", false
	}
	if isNull(n) {
		d.fail(n.Line, path, accepted, "is empty")
		return "", false
	}
	d.set[path] = n.Line
	return n.Value, true
}

// str reads a string value.
func (d *decoder) str(n *yaml.Node, path, accepted string) (string, bool) {
	v, ok := d.scalar(n, path, accepted)
	if !ok {
		return "", false
	}
	v = strings.TrimSpace(v)
	if v == "" {
		d.fail(n.Line, path, accepted, "is empty")
		return "", false
	}
	return v, true
}

// stringList reads a list of at most maxN strings and hands each, with its
// node and path (list[i]), to each, which checks it. tooMany words the
// error for a longer list, with the count and maxN as its arguments. A
// value that is not a list is an error; the caller handles null.
func (d *decoder) stringList(p pair, accepted string, maxN int, tooMany string, each func(item *yaml.Node, path, v string)) {
	n := p.value
	if n.Kind != yaml.SequenceNode {
		d.fail(n.Line, p.path, accepted, "is %s, not a list", kindName(n))
		return
	}
	if len(n.Content) > maxN {
		d.fail(n.Line, p.path, accepted, tooMany, len(n.Content), maxN)
		return
	}
	for i, item := range n.Content {
		item = d.resolve(item)
		if item == nil {
			return
		}
		path := fmt.Sprintf("%s[%d]", p.path, i)
		if v, ok := d.str(item, path, accepted); ok {
			each(item, path, v)
		}
	}
}

// integer reads an integer in [lo, hi].
func (d *decoder) integer(n *yaml.Node, path string, lo, hi int64) (int64, bool) {
	return d.integerAccepting(n, path, lo, hi, fmt.Sprintf("a whole number from %d to %d", lo, hi))
}

// integerAccepting is integer with the accepted text given.
func (d *decoder) integerAccepting(n *yaml.Node, path string, lo, hi int64, accepted string) (int64, bool) {
	v, ok := d.scalar(n, path, accepted)
	if !ok {
		return 0, false
	}
	i, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(v), "_", ""), 10, 64)
	if err != nil {
		d.fail(n.Line, path, accepted, "%q is not a whole number", clip(v))
		return 0, false
	}
	if i < lo || i > hi {
		d.fail(n.Line, path, accepted, "%d is out of range", i)
		return 0, false
	}
	return i, true
}

// number reads a finite decimal number.
func (d *decoder) number(n *yaml.Node, path, accepted string) (float64, bool) {
	v, ok := d.scalar(n, path, accepted)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(v), "_", ""), 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		d.fail(n.Line, path, accepted, "%q is not a number", clip(v))
		return 0, false
	}
	return f, true
}

// boolean reads true or false.
func (d *decoder) boolean(n *yaml.Node, path string) (bool, bool) {
	const accepted = "true or false"
	v, ok := d.scalar(n, path, accepted)
	if !ok {
		return false, false
	}
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "on":
		return true, true
	case "false", "no", "off":
		return false, true
	}
	d.fail(n.Line, path, accepted, "%q is not true or false", clip(v))
	return false, false
}

// duration reads a Go duration in [0, hi].
func (d *decoder) duration(n *yaml.Node, path string, hi time.Duration) (time.Duration, bool) {
	accepted := fmt.Sprintf("a duration such as 250ms, 2s or 1m30s, at most %s", hi)
	v, ok := d.scalar(n, path, accepted)
	if !ok {
		return 0, false
	}
	v = strings.TrimSpace(v)
	if v == "0" {
		return 0, true
	}
	t, err := time.ParseDuration(v)
	if err != nil {
		d.fail(n.Line, path, accepted, "%q is not a duration with a unit", clip(v))
		return 0, false
	}
	if t < 0 || t > hi {
		d.fail(n.Line, path, accepted, "%s is out of range", t)
		return 0, false
	}
	return t, true
}

// byteSize reads a size in bytes: a whole number, or one with a KB, MB or
// GB suffix (binary multiples, so 5MB is 5<<20 bytes, as the defaults say).
func (d *decoder) byteSize(n *yaml.Node, path string, lo, hi int64) (int64, bool) {
	accepted := fmt.Sprintf("a number of bytes from %d to %d, or one with a KB, MB or GB suffix (1MB = 1048576), e.g. 5MB", lo, hi)
	v, ok := d.scalar(n, path, accepted)
	if !ok {
		return 0, false
	}
	s := strings.ToUpper(strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), "_", ""))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = rest, u.mult
			break
		}
	}
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		d.fail(n.Line, path, accepted, "%q is not a size", clip(v))
		return 0, false
	}
	if i < lo/mult || i > hi/mult || i*mult < lo || i*mult > hi {
		d.fail(n.Line, path, accepted, "%s is out of range", clip(strings.TrimSpace(v)))
		return 0, false
	}
	return i * mult, true
}

// isNull reports whether n is a YAML null (`~`, `null` or nothing).
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "empty"
		}
		return fmt.Sprintf("the value %q", clip(n.Value))
	}
	return "something else"
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldName is path, or "(top level)" for the document itself.
func fieldName(path string) string {
	if path == "" {
		return "(top level)"
	}
	return path
}

// yamlErrorLine digs the line number out of a yaml.v3 error ("yaml: line
// 3: ..."), or returns 0.
func yamlErrorLine(err error) int {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	_, rest, ok := strings.Cut(msg, "line ")
	if !ok {
		return 0
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if end <= 0 {
		return 0
	}
	line, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 0
	}
	return line
}

// yamlErrorText is a yaml.v3 error without its "yaml: line N: " prefix,
// which the FieldError already carries.
func yamlErrorText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if _, rest, ok := strings.Cut(msg, ": "); ok {
			msg = rest
		}
	}
	return "invalid YAML: " + msg
}

// suggest returns the known key closest to key when it is a plausible typo.
func suggest(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if dist := editDistance(strings.ToLower(key), k); dist < bestD {
			best, bestD = k, dist
		}
	}
	return best
}

// editDistance is the Levenshtein distance between short strings.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 64
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
