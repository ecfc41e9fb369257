package format

import (
	"bufio"
	"io"

	"github.com/corpuslint/corpuslint/internal/report"
)

// json-lines writes each diagnostic as one JSON object on its own line,
// the same object as in the json format's "diagnostics" array, so that a
// consumer can stream a large report. An empty report writes nothing.
func init() { register("json-lines", writeJSONLines) }

func writeJSONLines(w io.Writer, r *report.Report, opt Options) error {
	bw := bufio.NewWriter(w)
	enc := newJSONEncoder(bw) // Encode ends each object with "\n"
	for _, d := range r.Diagnostics() {
		if err := enc.Encode(toJSONDiagnostic(d)); err != nil {
			return err
		}
	}
	return bw.Flush()
}
