package figure

import (
	"strings"
	"testing"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

func TestTicks(t *testing.T) {
	labels := func(ticks []plot.Tick) string {
		var s []string
		for _, t := range ticks {
			if t.Label != "" {
				s = append(s, t.Label)
			}
		}
		return strings.Join(s, " ")
	}
	for _, tc := range []struct {
		m      plot.Ticker
		lo, hi float64
		want   string
	}{
		{niceTicks{}, -1, 9, "0 2 4 6 8"},
		{niceTicks{}, -1, 1, "-1 -0.5 0 0.5 1"},
		{niceTicks{}, 0, 3000, "0 500 1000 1500 2000 2500 3000"},
		{niceTicks{}, -0.45, 0.62, "-0.4 -0.2 0 0.2 0.4 0.6"},
		{logTicks{}, 0.01, 1000, "0.01 0.1 1 10 100 1000"},
		{logTicks{}, 30, 300, "50 100 200"},
		{logTicks{}, 0.31, 0.48, "0.4"},
		{logTicks{}, 0.31, 0.58, "0.4 0.5"},
		{logTicks{}, 0.035, 1.5, "0.05 0.1 0.2 0.5 1"},                // the L1 loss: its floor 0.04 sits under 0.05
		{logTicks{}, 0.0023, 90, "0.003 0.01 0.03 0.1 0.3 1 3 10 30"}, // 4.6 decades: too many for 1-2-5
		{logTicks{}, 1e-9, 1e3, "1e-08 1e-06 0.0001 0.01 1 100"},      // 13 decades: every other one
		{logTicks{}, 1e-300, 1e3, "1e-300 1e-250 1e-200 1e-150 1e-100 1e-50 1"},
		{logTicks{Labels: 6}, 1e-4 / 1.2, 1.2, "0.0001 0.001 0.01 0.1 1"}, // notebook 4's sweep: 1-3 would label 9
		{logTicks{Labels: 6}, 0.0023, 90, "0.01 0.1 1 10"},
	} {
		if got := labels(tc.m.Ticks(tc.lo, tc.hi)); got != tc.want {
			t.Errorf("%T.Ticks(%g, %g) labels %q, want %q", tc.m, tc.lo, tc.hi, got, tc.want)
		}
	}
}

// TestLogAxisTitle checks that a long y-axis title on a log axis does not
// shrink the plot (gonum/plot places its box as on a linear axis).
func TestLogAxisTitle(t *testing.T) {
	c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(720), Y: pixels(450)}}}
	top := map[string]vg.Length{}
	for _, ylabel := range []string{"loss", "mean squared error of the network"} {
		p := newPlot("title", "step", ylabel)
		logAxis(&p.Y)
		p.Y.Min, p.Y.Max = 0.0145, 0.688
		top[ylabel] = p.DataCanvas(c).Max.Y
	}
	if top["loss"] != top["mean squared error of the network"] {
		t.Errorf("the data area's top is at %v with a short y title, %v with a long one", top["loss"], top["mean squared error of the network"])
	}
}
