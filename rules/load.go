package rules

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/shadowscan/shadowscan"
)

// defaults holds the embedded rules: defaults/detection.yaml,
// defaults/review.yaml and one file a site under defaults/sites/.
//
//go:embed defaults/detection.yaml defaults/review.yaml defaults/sites/*.yaml
var defaults embed.FS

// Set is every rule shadowscan runs with: the sites by name and the
// detection rules.
type Set struct {
	// Sites maps a site name to its rule. Site.File says which file it came
	// from, so a user can see when their file replaced an embedded one.
	Sites map[string]*Site
	// Detection is the embedded detection rules with any overlays applied.
	Detection *Detection
	// Review is the embedded review rules (the dismiss reasons) with any
	// overlays applied.
	Review *Review
}

// embeddedSet parses the embedded defaults once.
var embeddedSet = sync.OnceValues(func() (*Set, error) {
	return loadFS(defaults, "defaults", "embedded:")
})

// DefaultDetection returns a fresh copy of the embedded detection rules,
// which the caller may change. It panics only if the embedded file is
// broken, which the package tests rule out.
func DefaultDetection() *Detection {
	set, err := embeddedSet()
	if err != nil {
		panic(fmt.Sprintf("rules: embedded defaults: %v", err))
	}
	return set.Detection.Clone()
}

// Load returns the embedded defaults overlaid with the rule files in dir
// (the --rules flag); dir "" means the defaults alone.
//
// Every *.yaml and *.yml file in dir (not its subdirectories; hidden files
// are skipped) is read in name order. A file named detection.yaml or
// detection.yml, or whose top level says `kind: detection`, overlays the
// detection rules (ParseDetection over what came before); one named
// review.yaml or review.yml, or saying `kind: review`, overlays the review
// rules (ParseReview) the same way. Every other file
// is a site rule: a new name is added, and a name the embedded defaults
// already have is replaced, with Site.File naming the file that won. Two
// files in dir with the same site name are an error, since neither is
// clearly meant to win.
//
// Problems in several files are all reported, as shadowscan.FieldErrors
// naming file, line and field. A directory that cannot be read is a
// *shadowscan.Error with code EINVALID.
func Load(dir string) (*Set, error) {
	base, err := embeddedSet()
	if err != nil {
		return nil, fmt.Errorf("embedded rules: %w", err)
	}
	set := base.clone()
	if dir == "" {
		return set, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "rules directory %s: %v (accepted: a directory of .yaml site, detection and review rule files)", dir, unwrapPathError(err))
	}
	var errs shadowscan.FieldErrors
	userSites := map[string]string{} // site name -> file
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !isYAMLName(name) {
			continue
		}
		file := filepath.Join(dir, name)
		data, err := readRuleFile(file)
		if err != nil {
			errs = appendErr(errs, err, file)
			continue
		}
		if data == nil {
			continue // a directory or special file with a .yaml name
		}
		if isDetectionFile(name, data) {
			dt, err := ParseDetection(file, data, set.Detection)
			if err != nil {
				errs = appendErr(errs, err, file)
				continue
			}
			set.Detection = dt
			continue
		}
		if isReviewFile(name, data) {
			rv, err := ParseReview(file, data, set.Review)
			if err != nil {
				errs = appendErr(errs, err, file)
				continue
			}
			set.Review = rv
			continue
		}
		site, err := ParseSite(file, data)
		if err != nil {
			errs = appendErr(errs, err, file)
			continue
		}
		if other, dup := userSites[site.Name]; dup {
			errs = append(errs, &shadowscan.FieldError{
				File:     file,
				Line:     nameLine(data),
				Field:    "name",
				Msg:      fmt.Sprintf("site %q is also defined in %s", site.Name, other),
				Accepted: "one file a site name in the rules directory",
			})
			continue
		}
		userSites[site.Name] = file
		set.Sites[site.Name] = site
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return set, nil
}

// Site returns the site rule called name. An empty or malformed name is a
// *shadowscan.Error with code EINVALID, an unknown one ENOTFOUND; both list
// the known sites. The rule is shared: use Clone or WithBaseURL to change
// it.
func (s *Set) Site(name string) (*Site, error) {
	known := strings.Join(s.SiteNames(), ", ")
	switch {
	case name == "":
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "no site named; known sites: %s", known)
	case !siteName.MatchString(name):
		return nil, shadowscan.Errorf(shadowscan.EINVALID, "%q is not a site name (%s); known sites: %s", clip(name), siteNameAccepted, known)
	}
	site, ok := s.Sites[name]
	if !ok {
		return nil, shadowscan.Errorf(shadowscan.ENOTFOUND, "unknown site %q; known sites: %s", name, known)
	}
	return site, nil
}

// SiteNames returns the known site names, sorted.
func (s *Set) SiteNames() []string {
	return slices.Sorted(maps.Keys(s.Sites))
}

// clone copies s so a Load result never shares state with the embedded
// defaults or another Load.
func (s *Set) clone() *Set {
	c := &Set{Sites: make(map[string]*Site, len(s.Sites)), Detection: s.Detection.Clone(), Review: s.Review.Clone()}
	for name, site := range s.Sites {
		c.Sites[name] = site.Clone()
	}
	return c
}

// loadFS reads the detection rules and site rules under root in fsys;
// prefix goes before each path in Site.File and errors.
func loadFS(fsys fs.FS, root, prefix string) (*Set, error) {
	set := &Set{Sites: map[string]*Site{}}
	var errs shadowscan.FieldErrors
	detFile := path.Join(root, "detection.yaml")
	data, err := fs.ReadFile(fsys, detFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", detFile, err)
	}
	set.Detection, err = ParseDetection(prefix+"detection.yaml", data, nil)
	if err != nil {
		errs = appendErr(errs, err, prefix+"detection.yaml")
	}
	revFile := path.Join(root, "review.yaml")
	if data, err = fs.ReadFile(fsys, revFile); err != nil {
		return nil, fmt.Errorf("read %s: %w", revFile, err)
	}
	if set.Review, err = ParseReview(prefix+"review.yaml", data, nil); err != nil {
		errs = appendErr(errs, err, prefix+"review.yaml")
	}
	siteFiles, err := fs.Glob(fsys, path.Join(root, "sites", "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("list embedded sites: %w", err)
	}
	for _, f := range siteFiles {
		name := prefix + path.Base(f)
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f, err)
		}
		site, err := ParseSite(name, data)
		if err != nil {
			errs = appendErr(errs, err, name)
			continue
		}
		if other, dup := set.Sites[site.Name]; dup {
			errs = append(errs, &shadowscan.FieldError{File: name, Field: "name", Msg: fmt.Sprintf("site %q is also defined in %s", site.Name, other.File)})
			continue
		}
		set.Sites[site.Name] = site
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return set, nil
}

// readRuleFile reads a rule file of at most MaxFileBytes. It returns nil
// data without an error for anything that is not a regular file.
func readRuleFile(file string) ([]byte, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, &shadowscan.FieldError{File: file, Msg: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, &shadowscan.FieldError{File: file, Msg: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
	}
	if !st.Mode().IsRegular() {
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, &shadowscan.FieldError{File: file, Msg: fmt.Sprintf("cannot read: %v", unwrapPathError(err))}
	}
	if len(data) > MaxFileBytes {
		return nil, &shadowscan.FieldError{File: file, Msg: "file is too large for a rule file", Accepted: fmt.Sprintf("a file of at most %d bytes", MaxFileBytes)}
	}
	return data, nil
}

// isYAMLName reports whether a file name ends in .yaml or .yml.
func isYAMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}

// isDetectionFile reports whether a rule file holds detection rules: by its
// name, or by `kind: detection` at its top level.
func isDetectionFile(name string, data []byte) bool {
	switch strings.ToLower(name) {
	case "detection.yaml", "detection.yml":
		return true
	}
	return topLevelScalar(data, "kind") == "detection"
}

// isReviewFile reports whether a rule file holds review rules: by its
// name, or by `kind: review` at its top level.
func isReviewFile(name string, data []byte) bool {
	switch strings.ToLower(name) {
	case "review.yaml", "review.yml":
		return true
	}
	return topLevelScalar(data, "kind") == "review"
}

// topLevelScalar returns the value of a top-level scalar key, or "" when the
// document has none or does not parse (the real parser reports that).
func topLevelScalar(data []byte, key string) string {
	n := topLevelNode(data, key)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// nameLine is the line of the top-level name key, or 0.
func nameLine(data []byte) int {
	if n := topLevelNode(data, "name"); n != nil {
		return n.Line
	}
	return 0
}

// topLevelNode returns the value node of a top-level key.
func topLevelNode(data []byte, key string) *yaml.Node {
	if len(data) > MaxFileBytes {
		return nil
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// appendErr adds err's FieldErrors to errs, or wraps any other error as a
// FieldError for file.
func appendErr(errs shadowscan.FieldErrors, err error, file string) shadowscan.FieldErrors {
	var many shadowscan.FieldErrors
	if errors.As(err, &many) {
		return append(errs, many...)
	}
	var one *shadowscan.FieldError
	if errors.As(err, &one) {
		return append(errs, one)
	}
	return append(errs, &shadowscan.FieldError{File: file, Msg: err.Error()})
}

// unwrapPathError drops the *fs.PathError wrapper, whose path the caller
// already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
