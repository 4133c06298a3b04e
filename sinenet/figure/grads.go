package figure

import (
	"errors"
	"fmt"
	"slices"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// GradNorms draws the recorded gradient norms against the step, one
// line per layer, on a log scale.
func GradNorms(g *sinenet.GradNorms) (*plot.Plot, error) {
	if g == nil || len(g.Steps) == 0 {
		return nil, errors.New("sinenet: no gradient norms recorded; set Options.Hook to a GradNorms' Hook and train")
	}
	ragged := slices.ContainsFunc(g.Norms, func(row []float64) bool { return len(row) != len(g.Norms[0]) })
	if len(g.Norms) != len(g.Steps) || ragged {
		return nil, fmt.Errorf("sinenet: GradNorms has %d steps and %d rows of norms, not one row per step, each with a norm per layer; let its Hook fill it", len(g.Steps), len(g.Norms))
	}
	p := newPlot("Gradient norm per layer", "step", "norm of dW")
	logAxis(&p.Y)
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
	key.attach(p, growUp)
	return p, nil
}
