package catalog

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlLine finds "line N" in a yaml.v3 error message.
var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseYAML reads a YAML catalogue: exactly one document holding one brand.
func (p *parser) parseYAML(data []byte) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.fatal = true
			p.errorf(pos{line: 1}, "a brand: mapping and a products: list", "the file is empty")
			return
		}
		p.syntaxError(err)
		return
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		p.fatal = true
		p.errorf(pos{line: next.Line}, "one brand per YAML file; put other brands in their own files", "holds a second YAML document")
		return
	} else if !errors.Is(err, io.EOF) {
		p.syntaxError(err)
		return
	}
	p.walkRoot(&doc)
}

// syntaxError records a YAML error that stops the file from being read.
func (p *parser) syntaxError(err error) {
	p.fatal = true
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1]) // digits; only an absurd line number overflows, leaving 0 (no line)
		msg = strings.TrimSpace(strings.Replace(msg, m[0]+":", "", 1))
	}
	p.errorf(pos{line: line}, "YAML as in the catalogue example of the specification", "invalid YAML: %s", msg)
}
