package rules

import (
	"fmt"

	"github.com/corpuslint/corpuslint/internal/article"
)

func lintSpan(start, end int) article.Span { return article.Span{Start: start, End: end} }

// plural writes "1 blank line" or "3 blank lines".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
