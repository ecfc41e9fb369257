package format

import (
	"bufio"
	"fmt"
	"io"

	"github.com/corpuslint/corpuslint/internal/report"
)

// concise prints one line per diagnostic:
//
//	path:line:col: severity [rule/id] message
//
// Columns count code points. The path and message are escaped so that
// each diagnostic stays on its line and nothing reaches the terminal raw.
func init() { register("concise", writeConcise) }

func writeConcise(w io.Writer, r *report.Report, opt Options) error {
	bw := bufio.NewWriter(w)
	p := palette{on: opt.Color}
	for _, d := range r.Diagnostics() {
		fmt.Fprintf(bw, "%s: %s %s %s\n",
			p.paint(fmt.Sprintf("%s:%d:%d", oneLine(d.Path), d.Start.Line, d.Start.Column), boldAttrs...),
			p.paint(d.Severity.String(), severityAttrs(d.Severity)...),
			"["+d.Rule+"]", oneLine(d.Message))
	}
	return bw.Flush()
}
