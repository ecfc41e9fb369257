// Package formattest holds what tests of corpuslint's output share: the
// SARIF schema validator, compiled from the unmodified schema copy kept in
// internal/format/testdata/schemas.
package formattest

import (
	"os"
	"path/filepath"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// SARIFSchema compiles the SARIF 2.1.0 schema found in dir. It is draft-04
// with formats asserted, and nothing is fetched over the network.
func SARIFSchema(dir string) (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join(dir, "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	const url = "file:///sarif-schema-2.1.0.json" // a name only
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
}
