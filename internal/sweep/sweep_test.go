package main

import (
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestRates checks rates04.csv, which notebook 04 reads: one line per
// optimizer and rate of the grid, in order, and, for each optimizer, the
// line of its lowest mean loss over the last Late steps (the rate the
// notebook chooses) and the lines of the two rates of the grid beside it
// as runs print them now, to the digit, the chosen one still the lowest of
// the three. The runs use the
// fast engine, whose results are the same bits on every build; re-running
// the whole sweep takes about 70 s of CPU (go run ./internal/sweep), these
// 21 runs about 18 s.
func TestRates(t *testing.T) {
	b, err := os.ReadFile("rates04.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != Header {
		t.Fatalf("rates04.csv starts %q, want %q", lines[0], Header)
	}
	lines = lines[1:]
	opts, rates := Optimizers(1), Rates()
	if len(lines) != len(opts)*len(rates) {
		t.Fatalf("rates04.csv has %d runs, want %d optimizers × %d rates; rewrite it with go run ./internal/sweep", len(lines), len(opts), len(rates))
	}
	for i := range opts {
		bj, low := 0, math.Inf(1)
		for j, lr := range rates {
			f := strings.Split(lines[i*len(rates)+j], ",")
			if want := Optimizers(lr)[i].Name(); f[0] != want || f[1] != strconv.FormatFloat(lr, 'g', -1, 64) {
				t.Fatalf("line %d of rates04.csv is %s at %s, want %s at %g", i*len(rates)+j+2, f[0], f[1], want, lr)
			}
			if l, _ := strconv.ParseFloat(f[5], 64); l < low {
				bj, low = j, l
			}
		}
		// The chosen rate and its neighbours on the grid, run again.
		var chosen float64
		for _, j := range []int{bj, bj - 1, bj + 1} {
			if j < 0 || j >= len(rates) {
				continue
			}
			want := lines[i*len(rates)+j]
			got, err := Run(Optimizers(rates[j])[i], rates[j])
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("the run at rate %g prints %q; rates04.csv has %q (go run ./internal/sweep rewrites it)", rates[j], got, want)
			}
			l, _ := strconv.ParseFloat(strings.Split(got, ",")[5], 64)
			if j == bj {
				chosen = l
			} else if !(chosen < l) && !math.IsNaN(l) {
				t.Errorf("%s: the rate beside the chosen one, %g, now has a late mean of %g, not above the chosen %g's %g", strings.Split(got, ",")[0], rates[j], l, rates[bj], chosen)
			}
		}
	}
}
