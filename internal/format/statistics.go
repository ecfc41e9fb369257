package format

import (
	"bufio"
	"fmt"
	"io"
	"sort"

	"github.com/corpuslint/corpuslint/internal/lint"
	"github.com/corpuslint/corpuslint/internal/report"
)

// statistics prints a table of counts per rule instead of the diagnostics
// (--statistics), most frequent first:
//
//	count  fixable  severity  rule
//	    3        3  warning   layout/final-newline
//	    3        3            total
//
// A rule's severity is the most severe of its diagnostics (a configuration
// may have changed it from the default).
func init() { register("statistics", writeStatistics) }

type ruleCount struct {
	rule     string
	count    int
	fixable  int
	severity lint.Severity
}

func countByRule(r *report.Report) []ruleCount {
	byRule := map[string]*ruleCount{}
	var out []*ruleCount
	for _, d := range r.Diagnostics() {
		c := byRule[d.Rule]
		if c == nil {
			c = &ruleCount{rule: d.Rule, severity: d.Severity}
			byRule[d.Rule] = c
			out = append(out, c)
		}
		c.count++
		if d.Fix != nil {
			c.fixable++
		}
		c.severity = max(c.severity, d.Severity)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return out[i].rule < out[j].rule
	})
	rows := make([]ruleCount, len(out))
	for i, c := range out {
		rows[i] = *c
	}
	return rows
}

func writeStatistics(w io.Writer, r *report.Report, opt Options) error {
	rows := countByRule(r)
	total := ruleCount{rule: "total"}
	for _, c := range rows {
		total.count += c.count
		total.fixable += c.fixable
	}
	// Columns as wide as the widest count (at least the heading's width).
	cw := max(len("count"), len(fmt.Sprint(total.count)))
	fw := max(len("fixable"), len(fmt.Sprint(total.fixable)))
	sw := len("severity")

	bw := bufio.NewWriter(w)
	p := palette{on: opt.Color}
	fmt.Fprintf(bw, "%*s  %*s  %-*s  %s\n", cw, "count", fw, "fixable", sw, "severity", "rule")
	for _, c := range rows {
		sev := fmt.Sprintf("%-*s", sw, c.severity)
		fmt.Fprintf(bw, "%*d  %*d  %s  %s\n", cw, c.count, fw, c.fixable,
			p.paint(sev, severityAttrs(c.severity)...), oneLine(c.rule))
	}
	fmt.Fprintf(bw, "%*d  %*d  %-*s  %s\n", cw, total.count, fw, total.fixable, sw, "", p.paint("total", boldAttrs...))
	return bw.Flush()
}
