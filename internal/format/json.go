package format

import (
	"encoding/json"
	"io"

	"github.com/corpuslint/corpuslint/internal/report"
)

// json writes one object, the schema of the engine issue:
//
//	{"version": 1, "files_checked": 3, "diagnostics": [{"path": "a/x.txt",
//	  "rule": "dateline/weekday", "severity": "error", "message": "...",
//	  "line": 2, "column": 1, "end_line": 2, "end_column": 10,
//	  "offset": 19, "end_offset": 28, "fix": {"safety": "safe",
//	  "description": "...", "edits": [{"offset": 19, "end_offset": 28, "text": "Wednesday"}]}}]}
//
// Columns count code points, ends are exclusive, offsets are bytes, and
// fix is null when there is none. Text that is not valid UTF-8 is written
// with U+FFFD in its place, as JSON requires.
func init() { register("json", writeJSON) }

// jsonVersion changes only when a field changes meaning or goes away.
const jsonVersion = 1

type jsonReport struct {
	Version      int              `json:"version"`
	FilesChecked int              `json:"files_checked"`
	Diagnostics  []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Path      string   `json:"path"`
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	Message   string   `json:"message"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Offset    int      `json:"offset"`
	EndOffset int      `json:"end_offset"`
	Fix       *jsonFix `json:"fix"`
}

type jsonFix struct {
	Safety      string     `json:"safety"`
	Description string     `json:"description"`
	Edits       []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Text      string `json:"text"`
}

func toJSONDiagnostic(d report.Diagnostic) jsonDiagnostic {
	out := jsonDiagnostic{
		Path: d.Path, Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message,
		Line: d.Start.Line, Column: d.Start.Column, EndLine: d.End.Line, EndColumn: d.End.Column,
		Offset: d.Start.Offset, EndOffset: d.End.Offset,
	}
	if d.Fix != nil {
		out.Fix = &jsonFix{Safety: d.Fix.Safety.String(), Description: d.Fix.Description, Edits: []jsonEdit{}}
		for _, e := range d.Fix.Edits {
			out.Fix.Edits = append(out.Fix.Edits, jsonEdit{Offset: e.Start.Offset, EndOffset: e.End.Offset, Text: e.Text})
		}
	}
	return out
}

// newJSONEncoder writes compact JSON without HTML escaping (article text
// is full of & and quotes; \u0026 helps nobody).
func newJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

func writeJSON(w io.Writer, r *report.Report, opt Options) error {
	out := jsonReport{Version: jsonVersion, FilesChecked: r.FilesChecked, Diagnostics: []jsonDiagnostic{}}
	for _, d := range r.Diagnostics() {
		out.Diagnostics = append(out.Diagnostics, toJSONDiagnostic(d))
	}
	enc := newJSONEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
