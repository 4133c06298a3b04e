package main

import (
	"os"
	"strings"
	"testing"
)

// TestStandardize checks gd03.tsv, which notebook 3 reads: a raw and a
// standardized row for each seed from 1 to 6, in order, and seed 2's two
// rows retrained and written again to the same text (about 4 s of CPU).
// Training gives the same bits in every build, so the rows agree exactly.
func TestStandardize(t *testing.T) {
	b, err := os.ReadFile("gd03.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 1+2*(lastSeed-firstSeed+1) || lines[0] != header {
		t.Fatalf("gd03.tsv has %d lines, want the header and %d rows; run go run ./internal/standardize", len(lines), 2*(lastSeed-firstSeed+1))
	}
	const seed = 2
	for i, st := range []bool{false, true} {
		row, err := run(seed, st)
		if err != nil {
			t.Fatal(err)
		}
		if got := lines[1+2*(seed-firstSeed)+i]; got != row {
			t.Errorf("seed %d: gd03.tsv has\n%q\nretrained:\n%q", seed, got, row)
		}
	}
}
