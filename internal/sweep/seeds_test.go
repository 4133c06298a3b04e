package main

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// TestSeeds checks seeds04.csv, which notebook 04 reads: one line per seed
// of Seeds and optimizer of Chosen, in order; Chosen's rates the ones
// rates04.csv chooses on seed 1; and one line, Adam on seed 2, as a run
// prints it now, to the digit (about 1 s; go run ./internal/sweep -seeds
// rewrites the file in about 30 s of CPU).
func TestSeeds(t *testing.T) {
	b, err := os.ReadFile("seeds04.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != SeedsHeader {
		t.Fatalf("seeds04.csv starts %q, want %q", lines[0], SeedsHeader)
	}
	lines = lines[1:]
	opts := Chosen()
	if len(lines) != len(Seeds)*len(opts) {
		t.Fatalf("seeds04.csv has %d runs, want %d seeds × %d optimizers; rewrite it with go run ./internal/sweep -seeds", len(lines), len(Seeds), len(opts))
	}
	for i, seed := range Seeds {
		for j, opt := range opts {
			f := strings.Split(lines[i*len(opts)+j], ",")
			if f[0] != strconv.FormatUint(seed, 10) || f[1] != opt.Name() {
				t.Fatalf("line %d of seeds04.csv is seed %s, %s; want seed %d, %s", i*len(opts)+j+2, f[0], f[1], seed, opt.Name())
			}
		}
	}
	// Chosen's rates are rates04.csv's choices: the lowest late mean.
	r, err := os.ReadFile("rates04.csv")
	if err != nil {
		t.Fatal(err)
	}
	best := map[string]float64{}
	low := map[string]float64{}
	for _, l := range strings.Split(strings.TrimSpace(string(r)), "\n")[1:] {
		f := strings.Split(l, ",")
		lr, _ := strconv.ParseFloat(f[1], 64)
		late, _ := strconv.ParseFloat(f[5], 64)
		if v, ok := low[f[0]]; !ok || late < v || math.IsNaN(v) {
			best[f[0]], low[f[0]] = lr, late
		}
	}
	for _, opt := range opts {
		if st, ok := opt.(sinenet.Stepper); ok && st.LR() != best[opt.Name()] {
			t.Errorf("Chosen runs %s at %g; rates04.csv chooses %g", opt.Name(), st.LR(), best[opt.Name()])
		}
	}
	// One line, run again: Adam on seed 2.
	adam := 5
	got, err := RunSeed(Chosen()[adam], Seeds[0])
	if err != nil {
		t.Fatal(err)
	}
	if want := lines[adam]; got != want {
		t.Errorf("Adam on seed %d prints %q; seeds04.csv has %q (go run ./internal/sweep -seeds rewrites it)", Seeds[0], got, want)
	}
}
