package format

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/corpuslint/corpuslint/internal/report"
)

// junit writes JUnit XML in the shape Jenkins, GitLab and most CI test
// viewers accept (validated against the Jenkins xUnit plugin's schema):
// one <testsuite> per file in the report, one failing <testcase> per
// diagnostic (a file without problems gets one passing case), and a
// "corpuslint" suite with an <error> case for each file that could not be
// checked.
func init() { register("junit", writeJUnit) }

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	File     string      `xml:"file,attr,omitempty"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

type junitProblem struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func writeJUnit(w io.Writer, r *report.Report, opt Options) error {
	out := junitSuites{Name: toolName}
	for _, f := range r.Files {
		path := xmlSafe(f.Path)
		s := junitSuite{Name: path, File: path}
		for _, d := range f.Diagnostics {
			s.Cases = append(s.Cases, junitCase{
				Name:      fmt.Sprintf("%s at %d:%d", d.Rule, d.Start.Line, d.Start.Column),
				Classname: path,
				Failure: &junitProblem{
					Type: d.Severity.String(), Message: xmlSafe(d.Message),
					Text: xmlSafe(junitDetail(d)),
				},
			})
		}
		s.Failures = len(s.Cases)
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "no problems", Classname: path})
		}
		s.Tests = len(s.Cases)
		out.Suites = append(out.Suites, s)
	}
	if len(r.Errors) > 0 {
		s := junitSuite{Name: toolName}
		for i, e := range r.Errors {
			s.Cases = append(s.Cases, junitCase{
				Name: "check " + strconv.Itoa(i+1), Classname: toolName,
				Error: &junitProblem{Type: "error", Message: xmlSafe(e)},
			})
		}
		s.Tests, s.Errors = len(s.Cases), len(s.Cases)
		out.Suites = append(out.Suites, s)
	}
	for _, s := range out.Suites {
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
	}
	return writeXML(w, out)
}

// junitDetail is the failure's body: where, what, and the fix if any.
func junitDetail(d report.Diagnostic) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s [%s] %s", d.Path, d.Start.Line, d.Start.Column, d.Severity, d.Rule, d.Message)
	if d.Fix != nil {
		fmt.Fprintf(&b, "\nfix (%s): %s", d.Fix.Safety, d.Fix.Description)
	}
	fmt.Fprintf(&b, "\nsee %s", RuleURL(d.Rule))
	return b.String()
}
