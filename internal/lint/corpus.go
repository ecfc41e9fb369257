package lint

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"sync"

	"github.com/corpuslint/corpuslint/internal/article"
	"github.com/corpuslint/corpuslint/internal/facts"
	"github.com/corpuslint/corpuslint/internal/textpos"
)

// CorpusPass is what a corpus rule sees: the facts of every file of the
// corpus, in path order. It reports against any of them.
type CorpusPass struct {
	Files []*facts.File
	Rule  *Rule
	// Options is the configured copy of Rule.Options (nil if none).
	Options  any
	severity Severity
	diags    []CorpusDiagnostic
}

// CorpusDiagnostic is a diagnostic of a corpus rule: it names its file and
// carries its positions already resolved, since the file's text is not at
// hand when the corpus rules run.
type CorpusDiagnostic struct {
	Path string
	Diagnostic
	Start, End textpos.Position
}

// Reportf reports a message about file f at span at (which may be the
// zero span when the file lacks the element: the diagnostic then points at
// the start of the file).
func (p *CorpusPass) Reportf(f *facts.File, at facts.Span, format string, args ...any) {
	if !at.Valid() {
		start := facts.Pos{Line: 1, Col: 1, Col16: 1, ByteCol: 1}
		at = facts.Span{Start: start, End: start}
	}
	p.diags = append(p.diags, CorpusDiagnostic{
		Path: f.Path,
		Diagnostic: Diagnostic{
			Rule: p.Rule.ID, Severity: p.severity, Message: fmt.Sprintf(format, args...),
			Span: article.Span{Start: int(at.Start.Offset), End: int(at.End.Offset)},
		},
		Start: at.Start.Position(), End: at.End.Position(),
	})
}

// RunCorpus runs the corpus rules among rules (the others are skipped)
// over the facts of a corpus. files must be sorted by path; diagnostics
// come back sorted by path, position and rule.
func RunCorpus(files []*facts.File, rules []Configured) ([]CorpusDiagnostic, []*RuleError) {
	// The rules only read the facts, so they run at once, one goroutine
	// each (bounded by the CPUs); results are gathered in rule order.
	var passes []*CorpusPass
	for _, c := range rules {
		if c.Rule.Corpus != nil {
			passes = append(passes, &CorpusPass{Files: files, Rule: c.Rule, Options: c.Options, severity: c.Severity})
		}
	}
	errs := make([]*RuleError, len(passes))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, pass := range passes {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = runCorpusOne(pass)
		}()
	}
	wg.Wait()
	var diags []CorpusDiagnostic
	for i, pass := range passes {
		if errs[i] == nil {
			diags = append(diags, pass.diags...)
		}
	}
	errs = slices.DeleteFunc(errs, func(e *RuleError) bool { return e == nil })
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := &diags[i], &diags[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
	return diags, errs
}

func runCorpusOne(pass *CorpusPass) (rerr *RuleError) {
	defer func() {
		if v := recover(); v != nil {
			rerr = &RuleError{Rule: pass.Rule.ID, Path: "(corpus)", Value: v, Stack: string(debug.Stack())}
		}
	}()
	pass.Rule.Corpus(pass)
	return nil
}
