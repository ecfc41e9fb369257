package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// github writes GitHub Actions workflow commands, which the runner turns
// into annotations on the pull request:
//
//	::error file=a/x.txt,line=2,col=1,endLine=2,endColumn=8,title=dateline/weekday::message
//
// The runner reads one command per line and unescapes %25, %0D and %0A in
// the message and additionally %3A and %2C in properties. Escaping all of
// those, after making control characters visible, means article text can
// neither end the line nor close a property, so it can never start a
// command of its own.
func init() { register("github", writeGitHub) }

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func writeGitHub(w io.Writer, r *report.Report, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, d := range r.Diagnostics() {
		file, _ := opt.RootRelative(d.Path) // the runner resolves paths from the repository root
		props := []string{
			"file=" + githubProperty.Replace(oneLine(file)),
			fmt.Sprintf("line=%d", d.Start.Line), fmt.Sprintf("col=%d", d.Start.Column),
			fmt.Sprintf("endLine=%d", d.End.Line), fmt.Sprintf("endColumn=%d", d.End.Column),
			"title=" + githubProperty.Replace(d.Rule),
		}
		// The message's own lines are escaped by oneLine; the only line
		// break in an annotation is the one before the help.
		msg := githubData.Replace(oneLine(d.Message))
		if d.Fix != nil && d.Fix.Description != "" {
			msg += "%0A" + githubData.Replace("help: "+oneLine(d.Fix.Description))
		}
		fmt.Fprintf(bw, "::%s %s::%s\n", githubLevel(d.Severity), strings.Join(props, ","), msg)
	}
	return bw.Flush()
}
