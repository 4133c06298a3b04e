package main

import (
	"os"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// TestSurvey checks seeds.tsv, which notebook 1 reads: one row per seed
// from 1 to 80, and the rows of four seeds retrained and written again to
// the same text. Three are from the first batch, one of each way a run
// ends there (seed 1 with the fake pair, seed 3 stuck, seed 7 with
// neither); between them they cover both values of the step-0 column (seed
// 7 starts with the pair) and both sides of notebook 1's cut of output
// saturation at 95% (seed 1 48%, seed 3 97%). The fourth, seed 42, is from
// the held-out batch: it starts with the pair and ends with it. Training
// gives the same bits in every build, so the rows agree exactly.
func TestSurvey(t *testing.T) {
	b, err := os.ReadFile("seeds.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 1+lastSeed-firstSeed+1 || lines[0] != header {
		t.Fatalf("seeds.tsv has %d lines, want the header and %d rows; run go run ./internal/survey", len(lines), lastSeed-firstSeed+1)
	}
	rows := lines[1:]
	data := sinenet.NoisySine(sinenet.QuestionN, 1)
	for _, s := range []uint64{1, 3, 7, 42} {
		r, err := run(data, s)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := rows[s-firstSeed], r.String(); got != want {
			t.Errorf("seed %d: seeds.tsv has\n%q\nretrained:\n%q", s, got, want)
		}
	}
}
