package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"go.yaml.in/yaml/v3"
)

// maxJSONDepth bounds nesting; a catalogue needs four levels.
const maxJSONDepth = 32

// parseJSON reads a JSON catalogue. It streams tokens and builds the same
// node tree as YAML, with each node's line computed from the decoder's byte
// offset, so unknown keys and bad values are reported with their lines by
// the shared walker. (A json.Decoder with DisallowUnknownFields would report
// only the first unknown key, and without a line.)
func (p *parser) parseJSON(data []byte) {
	b := &jsonBuilder{data: data, dec: json.NewDecoder(bytes.NewReader(data)), lines: lineStarts(data)}
	b.dec.UseNumber()
	root, err := b.value(0)
	if err == nil {
		if _, err2 := b.dec.Token(); !errors.Is(err2, io.EOF) {
			err = &jsonError{off: b.dec.InputOffset(), msg: "unexpected data after the top-level object"}
		}
	}
	if err != nil {
		p.fatal = true
		line, msg := 0, err.Error()
		var je *jsonError
		var se *json.SyntaxError
		switch {
		case errors.As(err, &je):
			line, msg = b.line(je.off), je.msg
		case errors.As(err, &se):
			line = b.line(se.Offset)
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			line, msg = b.line(int64(len(data))), "unexpected end of file"
		}
		p.errorf(pos{line: line}, "JSON with the keys of the catalogue example", "invalid JSON: %s", msg)
		return
	}
	p.walkRoot(root)
}

type jsonError struct {
	off int64
	msg string
}

func (e *jsonError) Error() string { return e.msg }

type jsonBuilder struct {
	data  []byte
	dec   *json.Decoder
	lines []int64 // byte offsets at which each line starts
}

// lineStarts indexes the offset of each line's first byte.
func lineStarts(data []byte) []int64 {
	starts := []int64{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, int64(i+1))
		}
	}
	return starts
}

// line is the 1-based line of byte offset off.
func (b *jsonBuilder) line(off int64) int {
	return sort.Search(len(b.lines), func(i int) bool { return b.lines[i] > off })
}

// next reads one token and the line it starts on. The decoder's offset
// before a token is the end of the previous one; skip the whitespace,
// commas and colons in between to find where the token starts.
func (b *jsonBuilder) next() (json.Token, int, error) {
	start := b.dec.InputOffset()
	tok, err := b.dec.Token()
	if err != nil {
		return nil, 0, err
	}
	for start < int64(len(b.data)) {
		switch b.data[start] {
		case ' ', '\t', '\r', '\n', ',', ':':
			start++
			continue
		}
		break
	}
	return tok, b.line(start), nil
}

// value reads one JSON value into a node.
func (b *jsonBuilder) value(depth int) (*yaml.Node, error) {
	if depth > maxJSONDepth {
		return nil, &jsonError{off: b.dec.InputOffset(), msg: fmt.Sprintf("nested deeper than %d levels", maxJSONDepth)}
	}
	tok, line, err := b.next()
	if err != nil {
		return nil, err
	}
	n := &yaml.Node{Line: line}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.Kind, n.Tag = yaml.MappingNode, "!!map"
			for b.dec.More() {
				ktok, kline, err := b.next()
				if err != nil {
					return nil, err
				}
				key, _ := ktok.(string)
				k := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key, Line: kline}
				v, err := b.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, k, v)
			}
		case '[':
			n.Kind, n.Tag = yaml.SequenceNode, "!!seq"
			for b.dec.More() {
				v, err := b.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, v)
			}
		default:
			return nil, &jsonError{off: b.dec.InputOffset(), msg: fmt.Sprintf("unexpected %q", t)}
		}
		if _, _, err := b.next(); err != nil { // the closing delimiter
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!str", t
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!float", t.String()
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", fmt.Sprint(t)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}
