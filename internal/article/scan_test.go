package article

import "testing"

func TestScan(t *testing.T) {
	src := "Title\tx\x00\n\u00a0Caf\u00c3\u00a9 \u200b\xe9\xff ok\r\nnai\u0308ve \u00c9\u201d\n"
	d := Parse("t", []byte(src), DefaultLayout())
	want := []struct {
		kind Kind
		r    rune
		text string
	}{
		{KindTab, '\t', "\t"}, {KindControl, 0, "\x00"}, {KindSpace, 0xa0, "\u00a0"},
		{KindMojibakeLead, 0xc3, "\u00c3"}, {KindInvisible, 0x200b, "\u200b"},
		{KindInvalid, 0xfffd, "\xe9\xff"}, {KindMojibakeLead, 0xc9, "\u00c9"},
	}
	if d.Scan.ASCII || len(d.Scan.Notable) != len(want) {
		t.Fatalf("scan: %+v", d.Scan)
	}
	for k, w := range want {
		n := d.Scan.Notable[k]
		if n.Kind != w.kind || n.Rune != w.r || d.String(n.Span()) != w.text {
			t.Errorf("notable %d: got %+v (%q), want %v %q", k, n, d.String(n.Span()), w.kind, w.text)
		}
	}
	if len(d.Scan.NotNFC) != 1 || d.String(d.Scan.NotNFC[0]) != "nai\u0308ve \u00c9\u201d" {
		t.Errorf("NotNFC: %+v", d.Scan.NotNFC)
	}
	ascii := Parse("a", []byte(" date 2024-08-07 0\nPlain text.\n"), DefaultLayout())
	if !ascii.Scan.ASCII || len(ascii.Scan.Notable) != 0 || len(ascii.Scan.NotNFC) != 0 {
		t.Errorf("ascii scan: %+v", ascii.Scan)
	}
}

func BenchmarkScanASCII(b *testing.B) {
	line := []byte("The entity carried out a genocidal war in Gaza, with US support, resulting in over 39,700 martyrs.\n\n")
	var src []byte
	for len(src) < 1<<20 {
		src = append(src, line...)
	}
	lines := splitLines(nil, src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		scan(src, lines)
	}
}

func TestPlainWord(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			var b [8]byte
			for k := range b {
				b[k] = 'a'
			}
			b[pos] = byte(c)
			x := uint64(0)
			for k := 7; k >= 0; k-- {
				x = x<<8 | uint64(b[k])
			}
			if got, want := plainWord(x), asciiPlain[c]; got != want {
				t.Fatalf("byte 0x%02x at %d: plainWord %v, want %v", c, pos, got, want)
			}
		}
	}
}
