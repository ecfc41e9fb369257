package format

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/corpuslint/corpuslint/internal/report"
)

// checkstyle writes Checkstyle's XML report, which Jenkins' Warnings NG,
// reviewdog (-f=checkstyle) and many CI dashboards read: one <file> per
// file with problems, one <error> per diagnostic, the rule ID as source.
// Severities are Checkstyle's own: error, warning, info.
func init() { register("checkstyle", writeCheckstyle) }

// checkstyleVersion is the Checkstyle report version that readers expect.
const checkstyleVersion = "4.3"

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     string `xml:"line,attr"`
	Column   string `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func writeCheckstyle(w io.Writer, r *report.Report, opt Options) error {
	out := checkstyleReport{Version: checkstyleVersion}
	for _, f := range r.Files {
		if len(f.Diagnostics) == 0 {
			continue
		}
		cf := checkstyleFile{Name: xmlSafe(f.Path)}
		for _, d := range f.Diagnostics {
			cf.Errors = append(cf.Errors, checkstyleError{
				Line: strconv.Itoa(d.Start.Line), Column: strconv.Itoa(d.Start.Column),
				Severity: d.Severity.String(), Message: xmlSafe(d.Message), Source: d.Rule,
			})
		}
		out.Files = append(out.Files, cf)
	}
	return writeXML(w, out)
}
