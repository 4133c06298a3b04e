package sinenet

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// GradNorms records the norm ‖dW‖ of each layer's weight gradient during
// training, to watch gradients vanish in saturated layers. Its Hook goes
// into Options.Hook (with Hooks to run it beside a LiveView); set
// Options.Every to 1 to record every step.
type GradNorms struct {
	Steps []int       // the steps recorded
	Norms [][]float64 // Norms[i][k] is ‖dW‖ of layer k at Steps[i]
}

// Hook records the gradient norms of p.Model, computed at step p.Step.
func (g *GradNorms) Hook(p Progress) error {
	row := make([]float64, len(p.Model.Layers))
	for k, l := range p.Model.Layers {
		s := 0.0
		for _, v := range l.DW {
			s += v * v
		}
		row[k] = math.Sqrt(s)
	}
	g.Steps, g.Norms = append(g.Steps, p.Step), append(g.Norms, row)
	return nil
}

// PlotGradNorms draws the recorded gradient norms against the step, one
// line per layer, on a log scale.
func PlotGradNorms(g *GradNorms) (*plot.Plot, error) {
	if g == nil || len(g.Steps) == 0 {
		return nil, errors.New("sinenet: no gradient norms recorded; set Options.Hook to a GradNorms' Hook and train")
	}
	p := newPlot("Gradient norm per layer", "step", "norm of dW")
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = logTicks{}
	key := &legend{}
	layers := len(g.Norms[0])
	cols := []uint32{0x1f77b4, 0x2ca02c, 0xff7f0e, 0xd62728, 0x9467bd, 0x8c564b}
	for k := range layers {
		col := make([]float64, len(g.Steps))
		for i, row := range g.Norms {
			col[i] = row[k]
		}
		col = positive(col)
		pts := make(plotter.XYs, len(g.Steps))
		for i, s := range g.Steps {
			pts[i] = plotter.XY{X: float64(s), Y: col[i]}
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = rgb(cols[k%len(cols)]), vg.Points(2)
		line.Dashes = dashes[k/len(cols)%len(dashes)]
		key.plot(p, line)
		key.add(fmt.Sprintf("layer %d", k+1), line)
	}
	key.attach(p, true)
	return p, nil
}

// Hooks returns one hook that calls each of hs in turn, for Options.Hook,
// and stops at the first error: Hooks(view.Hook, norms.Hook).
func Hooks(hs ...func(Progress) error) func(Progress) error {
	return func(p Progress) error {
		for _, h := range hs {
			if err := h(p); err != nil {
				return err
			}
		}
		return nil
	}
}
