package corpusgen

import (
	"bytes"
	"testing"
)

func TestDeterministic(t *testing.T) {
	g1 := New(Options{Seed: 7, Files: 500, DefectRate: 0.5})
	g2 := New(Options{Seed: 7, Files: 500, DefectRate: 0.5})
	for i := 0; i < 500; i += 37 {
		a, da := g1.Article(i)
		b, db := g2.Article(i)
		if !bytes.Equal(a, b) || da != db || g1.Path(i) != g2.Path(i) {
			t.Fatalf("article %d differs between two generators with one seed", i)
		}
	}
	other, _ := New(Options{Seed: 8, Files: 500}).Article(3)
	if a, _ := g1.Article(3); bytes.Equal(a, other) {
		t.Fatal("two seeds gave the same article")
	}
}

func TestLengthsAndDefects(t *testing.T) {
	const n = 2000
	g := New(Options{Seed: 1, Files: n, DefectRate: 0.1})
	total := 0
	kinds := map[string]int{}
	for i := 0; i < n; i++ {
		text, d := g.Article(i)
		total += len(text)
		if d.Kind != "" {
			kinds[d.Kind]++
		}
	}
	avg := total / n
	if avg < 2000 || avg > 3500 {
		t.Errorf("average article is %d bytes; want about 2.7 KB like the archive's", avg)
	}
	defects := 0
	for _, c := range kinds {
		defects += c
	}
	if defects < n/20 || defects > n/5 || len(kinds) != len(Kinds) {
		t.Errorf("%d defects of %d kinds at rate 0.1 over %d files", defects, len(kinds), n)
	}
}
