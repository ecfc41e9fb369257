package format

import (
	"bufio"
	"bytes"
	"io"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// rdjsonl writes reviewdog's Diagnostic Format, one diagnostic per line
// (reviewdog -f=rdjsonl). What reviewdog v0.21 insists on:
//   - columns are 1-based UTF-8 byte columns, the end exclusive;
//   - severity is ERROR, WARNING or INFO (lower case is dropped silently);
//   - code is an object {value, url};
//   - a line of 64 KiB or more ends the stream silently, so each line is
//     kept under rdjsonMaxLine: suggestions that do not fit are left out
//     (half a suggestion would be a wrong fix) and then the message is cut.
func init() { register("rdjsonl", writeRDJSONL) }

// rdjsonMaxLine bounds one line, its newline included, well below 64 KiB.
const rdjsonMaxLine = 60 << 10

type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Source      rdSource       `json:"source"`
	Code        rdCode         `json:"code"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "ERROR"
	case lint.Warning:
		return "WARNING"
	}
	return "INFO"
}

func rdRangeOf(start, end report.Position) rdRange {
	return rdRange{
		Start: rdPosition{Line: start.Line, Column: start.ByteColumn},
		End:   rdPosition{Line: end.Line, Column: end.ByteColumn},
	}
}

func writeRDJSONL(w io.Writer, r *report.Report, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics() {
		rd := rdDiagnostic{
			Message:  d.Message,
			Location: rdLocation{Path: d.Path, Range: rdRangeOf(d.Start, d.End)},
			Severity: rdSeverity(d.Severity),
			Source:   rdSource{Name: toolName, URL: informationURI},
			Code:     rdCode{Value: d.Rule, URL: RuleURL(d.Rule)},
		}
		if d.Fix != nil {
			for _, e := range d.Fix.Edits {
				rd.Suggestions = append(rd.Suggestions, rdSuggestion{Range: rdRangeOf(e.Start, e.End), Text: e.Text})
			}
		}
		line, err := fitRDLine(rd)
		if err != nil {
			return err
		}
		bw.Write(line)
	}
	return bw.Flush()
}

// fitRDLine encodes rd on one line of at most rdjsonMaxLine bytes.
func fitRDLine(rd rdDiagnostic) ([]byte, error) {
	var buf bytes.Buffer
	enc := newJSONEncoder(&buf) // Encode ends the line with "\n"
	encode := func() ([]byte, error) {
		buf.Reset()
		err := enc.Encode(rd)
		return bytes.Clone(buf.Bytes()), err
	}
	line, err := encode()
	if err != nil || len(line) <= rdjsonMaxLine {
		return line, err
	}
	if len(rd.Suggestions) > 0 {
		rd.Suggestions = nil
		rd.Message += " (the suggested fix is too long to include)"
		if line, err = encode(); err != nil || len(line) <= rdjsonMaxLine {
			return line, err
		}
	}
	// Each byte cut from the message shortens the line by at least one
	// byte, so one cut normally suffices; the loop covers the rest.
	for len(line) > rdjsonMaxLine && rd.Message != "" {
		keep := max(len(rd.Message)-(len(line)-rdjsonMaxLine)-len("…"), 0)
		rd.Message = truncateUTF8(rd.Message, keep)
		if keep > 0 {
			rd.Message += "…"
		}
		if line, err = encode(); err != nil {
			return nil, err
		}
	}
	return line, nil
}
