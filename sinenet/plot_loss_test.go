package sinenet

import (
	"image/color"
	"math"
	"strings"
	"testing"
)

// spiky is a falling loss of n steps with a spike of height 50 at step
// n/3.
func spiky(name string, n int, scale float64) *History {
	h := &History{Name: name}
	for i := range n {
		v := scale * (1 + 10*math.Exp(-float64(i)/float64(n/8+1)) + 0.2*math.Sin(float64(i)))
		if i == n/3 {
			v = 50 * scale
		}
		h.Loss = append(h.Loss, v)
	}
	return h
}

func TestPlotLoss(t *testing.T) {
	_, real, _ := trained(t, ModelA(1), NewGD(QuestionLR*10), SumSquared{}, 60)
	valid := spiky("Adam", 300, 0.5)
	valid.ValLoss = spiky("", 300, 0.6).Loss
	for _, tc := range []struct {
		name   string
		o      LossOptions
		hs     []*History
		legend []string
	}{
		{"loss_one", LossOptions{}, []*History{real}, []string{"Training loss", "step", "loss", "GD"}},
		{"loss_many_log", LossOptions{LogY: true, Title: "Optimizers"}, []*History{spiky("GD", 5000, 1), spiky("Momentum", 5000, 0.3), spiky("Adam", 5000, 0.1), spiky("adam lr=0.1", 5000, 0.05), spiky("", 5000, 0.02)},
			[]string{"Optimizers", "GD", "Momentum", "Adam", "adam lr=0.1", "run 5"}},
		{"loss_valid", LossOptions{YLabel: "MSE"}, []*History{valid}, []string{"MSE", "Adam", "Adam (valid)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := PlotLoss(tc.o, tc.hs...)
			if err != nil {
				t.Fatal(err)
			}
			n := len(tc.hs[0].Loss)
			if p.X.Min > 1 || p.X.Max < float64(n)-1 {
				t.Errorf("x range [%g, %g] does not hold steps 1…%d", p.X.Min, p.X.Max, n)
			}
			top := 0.0
			for _, h := range tc.hs {
				for _, v := range append(h.Loss, h.ValLoss...) {
					top = math.Max(top, v)
				}
			}
			if p.Y.Max < top {
				t.Errorf("y max %g cuts off the highest loss %g", p.Y.Max, top)
			}
			checkTexts(t, p, tc.legend...)
			b, err := Render(p, "png", 600, 400)
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, tc.name, b, 600, 400)
			b, err = Render(p, "svg", 600, 400)
			if err != nil {
				t.Fatal(err)
			}
			checkSVG(t, b, 600, 400)
		})
	}
	if _, err := PlotLoss(LossOptions{}); err == nil {
		t.Error("PlotLoss of no history: no error")
	}
}

// TestThin checks that thinning keeps every spike in the band.
func TestThin(t *testing.T) {
	for _, tc := range []struct{ n, max, points int }{{10, 1000, 10}, {1000, 1000, 1000}, {5000, 1000, 500}, {5001, 100, 50}} {
		y := spiky("", tc.n, 1).Loss
		mean, band := thin(y, tc.max)
		if len(mean) != tc.points {
			t.Errorf("n=%d max=%d: %d points, want %d", tc.n, tc.max, len(mean), tc.points)
		}
		if tc.n <= tc.max {
			if band != nil {
				t.Errorf("n=%d max=%d: a band for a short curve", tc.n, tc.max)
			}
			continue
		}
		hi := 0.0
		for _, p := range band {
			hi = math.Max(hi, p.Y)
		}
		if hi != 50 {
			t.Errorf("n=%d max=%d: band top %g, want the spike 50", tc.n, tc.max, hi)
		}
		if len(band) != 2*len(mean) {
			t.Errorf("n=%d: band of %d points for %d buckets", tc.n, len(band), len(mean))
		}
	}
}

// TestOptimizerColor checks that every optimizer has its own colour, the
// same for every spelling of its name.
func TestOptimizerColor(t *testing.T) {
	seen := map[color.Color]string{}
	for _, name := range OptimizerNames() {
		opt, err := OptimizerByName(name, 0.01)
		if err != nil {
			t.Fatal(err)
		}
		c := OptimizerColor(opt.Name())
		if colorKey(opt.Name()) != name {
			t.Errorf("%s (%q) has no colour of its own", name, opt.Name())
		}
		if other, ok := seen[c]; ok && other != opt.Name() {
			t.Errorf("%s and %s share a colour", other, opt.Name())
		}
		seen[c] = opt.Name()
		for _, alias := range []string{strings.ToUpper(name), opt.Name() + " lr=0.1", opt.Name() + " (tuned)"} {
			if OptimizerColor(alias) != c {
				t.Errorf("%q is coloured apart from %q", alias, opt.Name())
			}
		}
	}
	if OptimizerColor("Adam") == OptimizerColor("Lion") || OptimizerColor("Lion") != OptimizerColor("LION lr=1e-4") {
		t.Error("an unknown name is not given a stable colour of its own")
	}
}
