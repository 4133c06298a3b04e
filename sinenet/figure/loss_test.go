package figure

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot/plotter"
)

// spiky is a falling loss of n steps with a spike of height 50 at step
// n/3.
func spiky(name string, n int, scale float64) *sinenet.History {
	h := &sinenet.History{Name: name}
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
	_, real, _ := trained(t, sinenet.ModelA(1), sinenet.NewGD(sinenet.QuestionLR*10), sinenet.SumSquared{}, 60)
	valid := spiky("Adam", 300, 0.5)
	valid.ValLoss = spiky("", 300, 0.6).Loss
	for _, tc := range []struct {
		name   string
		o      LossOptions
		hs     []*sinenet.History
		legend []string
	}{
		{"loss_one", LossOptions{}, []*sinenet.History{real}, []string{"Training loss", "step", "loss", "GD"}},
		{"loss_many_log", LossOptions{LogY: true, Title: "Optimizers"}, []*sinenet.History{spiky("GD", 5000, 1), spiky("Momentum", 5000, 0.3), spiky("Adam", 5000, 0.1), spiky("adam lr=0.1", 5000, 0.05), spiky("", 5000, 0.02)},
			[]string{"Optimizers", "GD", "Momentum", "Adam", "adam lr=0.1", "run 5"}},
		{"loss_valid", LossOptions{YLabel: "MSE"}, []*sinenet.History{valid}, []string{"MSE", "Adam", "Adam (valid)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Loss(tc.o, tc.hs...)
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
	if _, err := Loss(LossOptions{}); err == nil {
		t.Error("Loss of no history: no error")
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
	for _, name := range sinenet.OptimizerNames() {
		opt, err := sinenet.OptimizerByName(name, 0.01)
		if err != nil {
			t.Fatal(err)
		}
		c := OptimizerColor(opt.Name())
		if _, ok := optimizerColors[colorKey(opt.Name())]; !ok || colorKey(opt.Name()) != name {
			t.Errorf("%s (%q) has no colour of its own in optimizerColors", name, opt.Name())
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

// TestPlotLossEncodings checks that every encoding of a loss plot is
// named in its key, and that no two curves share a colour.
func TestPlotLossEncodings(t *testing.T) {
	flat, cos := spiky("Adam, constant lr", 2000, 0.01), spiky("Adam, cosine decay", 2000, 0.012)
	p, err := Loss(LossOptions{Marks: []Mark{{X: 1000, Label: "measured from step 1000"}, {Y: 0.0025, Label: "noise floor"}}}, flat, cos)
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, p, "Adam, constant lr", "Adam, cosine decay", "shade: min–max of 4 steps", "measured from step 1000", "noise floor")
	if !isLog(&p.Y) {
		t.Error("losses spanning 3 decades on a linear axis; want a log one by default")
	}
	var cols []color.Color
	for _, x := range plotters(p) {
		if l, ok := x.(*plotter.Line); ok {
			cols = append(cols, l.Color)
		}
	}
	if len(cols) != 2 || cols[0] != OptimizerColor("Adam") || cols[1] == cols[0] {
		t.Errorf("two Adam runs coloured %v; want Adam's red, then another shade", cols)
	}
	short := &sinenet.History{Name: "GD", Loss: []float64{1, 0.5, 0.3}}
	if p, err := Loss(LossOptions{}, short); err != nil {
		t.Fatal(err)
	} else if isLog(&p.Y) {
		t.Error("losses within a factor of 10 on a log axis; want a linear one by default")
	}
	for _, tc := range []struct {
		name string
		o    LossOptions
	}{
		{"LogY and LinearY", LossOptions{LogY: true, LinearY: true}},
		{"a mark with X and Y", LossOptions{Marks: []Mark{{X: 3, Y: 1}}}},
		{"a mark with neither", LossOptions{Marks: []Mark{{Label: "floor"}}}},
	} {
		if _, err := Loss(tc.o, short); err == nil || !strings.HasPrefix(err.Error(), "sinenet: ") {
			t.Errorf("%s: error %v, want one from sinenet", tc.name, err)
		}
	}
}
