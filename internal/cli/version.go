package cli

import "runtime/debug"

// version is set at release time:
//
//	go build -ldflags "-X github.com/corpuslint/corpuslint/internal/cli.version=v1.0.0" ./cmd/corpuslint
var version = ""

// Version is corpuslint's version: the release stamp, else the module
// version `go install` recorded, else "devel".
func Version() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}
