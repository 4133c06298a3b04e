package main

import (
	"os"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// TestSplits checks splits.tsv, which notebook 1 reads: one row per split,
// and split 2's row retrained and written again to the same text (split 1
// is the notebook's own run, which the notebook's checks cover). Training
// gives the same bits in every build, so the rows agree exactly.
func TestSplits(t *testing.T) {
	b, err := os.ReadFile("splits.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 1+len(splits) || lines[0] != header {
		t.Fatalf("splits.tsv has %d lines, want the header and %d rows; run go run ./internal/splits", len(lines), len(splits))
	}
	r, err := run(sinenet.NoisySine(sinenet.QuestionN, seed), 2)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := lines[2], r.String(); got != want {
		t.Errorf("split 2: splits.tsv has\n%q\nretrained:\n%q", got, want)
	}
}
