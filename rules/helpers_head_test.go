package rules

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// The quick rejections in the structural rules must not change an answer.

func TestSameLineQuickRejectionKeepsAnswers(t *testing.T) {
	slow := func(a, b []byte) bool {
		a, b = bytes.TrimSpace(a), bytes.TrimSpace(b)
		if len(a) == 0 || len(b) == 0 {
			return false
		}
		return bytes.EqualFold(collapseSpaces(a), collapseSpaces(b))
	}
	lines := []string{"Iraqi Resistance: Ain Al Assad", "IRAQI resistance:  Ain Al Assad", " iraqi\tResistance: Ain Al Assad ",
		"\u212aurds Meet", "Kurds meet", "kurds  meet", "ſyria Talks", "Syria talks", "Syria", "Syria,", "@home", "`home",
		"Iraqi\u00a0Resistance", "Iraqi Resistance", "", " ", "The army warned that analysts had criticised the sanctions."}
	for _, a := range lines {
		for _, b := range lines {
			if got, want := sameLine([]byte(a), []byte(b)), slow([]byte(a), []byte(b)); got != want {
				t.Errorf("sameLine(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func TestIsChromeLengthBound(t *testing.T) {
	opts := &LayoutSiteChromeOptions{Lines: []string{"Comment", "Print"}, Labels: []string{"News Link"}}
	for line, want := range map[string]bool{
		"Comment": true, " comment\t": true, "PRINT": true, "Print it": false, "News Link: x": true,
		"\u212a": false, "Comment" + strings.Repeat(" ", 40): true, "The army warned that analysts had criticised the sanctions.": false,
	} {
		if got := isChrome([]byte(line), opts); got != want {
			t.Errorf("isChrome(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestParseWeekday(t *testing.T) {
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		for _, s := range []string{wd.String(), wd.String()[:3], strings.ToUpper(wd.String()), strings.ToLower(wd.String()[:3])} {
			if got, ok := parseWeekday(s); !ok || got != wd {
				t.Errorf("parseWeekday(%q) = %v, %v", s, got, ok)
			}
		}
	}
	for s, want := range map[string]bool{"ſunday": true, "Tueſ": false, "Wed.": false, "": false, "Thurs": false, "Satur": false} {
		if _, ok := parseWeekday(s); ok != want {
			t.Errorf("parseWeekday(%q) ok = %v, want %v", s, ok, want)
		}
	}
}
