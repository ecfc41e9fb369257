package format

import (
	"io"
	"path"
	"path/filepath"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// gitlab writes a GitLab Code Quality report: a JSON array of issues with
// description, check_name (the rule ID), fingerprint (unique per issue and
// stable when lines move, so merge requests show only new problems),
// severity and location. An empty report is "[]".
func init() { register("gitlab", writeGitLab) }

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// gitlabSeverity maps onto GitLab's scale info < minor < major < critical
// < blocker. An article problem never blocks anything by itself, so
// corpuslint's errors are major.
func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}

func writeGitLab(w io.Writer, r *report.Report, opt Options) error {
	issues := []gitlabIssue{}
	prints := fingerprints(r)
	for i, d := range r.Diagnostics() {
		file, _ := opt.RootRelative(d.Path) // GitLab wants paths from the repository root
		issues = append(issues, gitlabIssue{
			Description: d.Message, CheckName: d.Rule, Fingerprint: prints[i],
			Severity: gitlabSeverity(d.Severity),
			Location: gitlabLocation{
				Path:  path.Clean(filepath.ToSlash(file)),
				Lines: gitlabLines{Begin: d.Start.Line, End: d.End.Line},
			},
		})
	}
	enc := newJSONEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
