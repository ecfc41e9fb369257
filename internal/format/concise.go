package format

import (
	"bufio"
	"fmt"
	"io"

	"github.com/corpuslint/corpuslint/internal/report"
)

// concise writes one line per diagnostic, in the form editors and grep
// understand: path:line:col: severity [rule/id] message.
func init() { register("concise", writeConcise) }

func writeConcise(w io.Writer, r *report.Report, _ Options) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Files {
		for _, d := range f.Diagnostics {
			fmt.Fprintf(bw, "%s:%d:%d: %s [%s] %s\n", d.Path, d.Start.Line, d.Start.Column, d.Severity, d.Rule, d.Message)
		}
	}
	return bw.Flush()
}
