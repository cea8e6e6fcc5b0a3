package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

// buildInfo returns the version line and the module build settings that say
// which source the binary came from.
func buildInfo() (ver, commit, built string, dirty bool) {
	ver, commit, built = version, "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if ver == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			ver = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				built = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	return ver, commit, built, dirty
}

func newVersionCommand(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version and build information",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ver, commit, built, dirty := buildInfo()
			if dirty {
				commit += " (modified)"
			}
			fmt.Fprintf(g.Stdout, "shadowscan %s\ncommit %s\nbuilt %s\n%s %s/%s\n", ver, commit, built, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return nil
		},
	}
}
