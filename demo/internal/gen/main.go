// Command gen writes the demo world (catalogue YAML, official photos and
// marketplace listings) under a directory, by default the current one. It
// is run by `go generate ./demo`; its output is committed.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/shadowscan/shadowscan/demo/internal/worldgen"
)

func main() {
	out := flag.String("out", ".", "the demo package directory to write world/ under")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	files, err := worldgen.Generate()
	if err != nil {
		return err
	}
	// Remove stale photos so a renamed product leaves nothing behind.
	old, err := filepath.Glob(filepath.Join(out, "world", "catalog", "images", "*.jpg"))
	if err != nil {
		return fmt.Errorf("list old photos: %w", err)
	}
	for _, f := range old {
		rel, err := filepath.Rel(out, f)
		if err != nil {
			return fmt.Errorf("photo %s: %w", f, err)
		}
		if _, keep := files[filepath.ToSlash(rel)]; !keep {
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("remove stale photo: %w", err)
			}
		}
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
	}
	fmt.Printf("wrote %d files under %s\n", len(names), filepath.Join(out, "world"))
	return nil
}
