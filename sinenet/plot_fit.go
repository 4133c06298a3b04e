package sinenet

import (
	"errors"
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FitOptions are the settings of PlotFit. The zero value shows the whole
// range with a title made from the fit's numbers.
type FitOptions struct {
	// Title is the plot's title; "" means the name and the fit's numbers,
	// e.g. "Adam · RMSE 0.012 · 3 extrema".
	Title string
	// Name labels the network's curve in the legend and picks its colour
	// (see OptimizerColor); "" means "network", in red.
	Name string
	// XMin and XMax zoom into [XMin, XMax]; both 0 means the whole range
	// [-1, 9]. The answer zoomed into the start of the range, [-1, 1].
	XMin, XMax float64
	// DataLabel is the legend entry of the data; "" means "data (n)"
	// with n the points shown.
	DataLabel string
}

// PlotFit draws the data d as light grey dots (d may be empty), the
// network's curve, the true curve sin(x)/2.5 dashed, and a ring on each
// local extremum of the network's curve: the extra ones are the question's
// wiggles. The extrema are those Evaluate counts, on Grid(EvalPoints).
// It is a scatter of thousands of points: show it as PNG.
func PlotFit(m *MLP, d Data, o FitOptions) (*plot.Plot, error) {
	if m == nil {
		return nil, errors.New("sinenet: PlotFit of a nil network; pass the *MLP that sinenet.New returned")
	}
	if m.In() != 1 || m.Out() != 1 {
		return nil, fmt.Errorf("sinenet: PlotFit needs a network from 1 input to 1 output, not %d to %d", m.In(), m.Out())
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	if d.Len() > 0 {
		if err := d.Validate(); err != nil {
			return nil, err
		}
	}
	lo, hi := o.XMin, o.XMax
	if lo == 0 && hi == 0 {
		lo, hi = XMin, XMax
	}
	if !(lo < hi) {
		return nil, fmt.Errorf("sinenet: PlotFit zoom range [%g, %g] is empty; use XMin < XMax, or both 0 for the whole range", lo, hi)
	}
	name := o.Name
	col := OptimizerColor(name)
	if name == "" {
		name, col = "network", modelColor
	}

	// The fit as Evaluate sees it, for the title and the extrema.
	g := Grid(EvalPoints)
	yg := m.Predict(nil, g.X)
	ext := Extrema(yg, Prominence)
	title := o.Title
	if title == "" {
		title = fmt.Sprintf("%s · RMSE %.3g · %d extrema", name, rmse(yg, g.Y), len(ext))
	}
	p := newPlot(title, "x", "y")
	p.X.Min, p.X.Max = lo, hi

	if d.Len() > 0 {
		var pts plotter.XYs
		for i, x := range d.X {
			if lo <= x && x <= hi {
				pts = append(pts, plotter.XY{X: x, Y: d.Y[i]})
			}
		}
		s, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: dataColor, Radius: vg.Points(1.2), Shape: draw.CircleGlyph{}}
		p.Add(s)
		label := o.DataLabel
		if label == "" {
			label = fmt.Sprintf("data (%d)", len(pts))
		}
		p.Legend.Add(label, s)
	}

	// Both curves on a fine grid of the shown range.
	xs, ys := g.X, yg
	if lo != XMin || hi != XMax {
		xs = linspace(lo, hi, EvalPoints)
		ys = m.Predict(nil, xs)
	}
	truth, curve := make(plotter.XYs, len(xs)), make(plotter.XYs, len(xs))
	for i, x := range xs {
		truth[i] = plotter.XY{X: x, Y: TrueCurve(x)}
		curve[i] = plotter.XY{X: x, Y: ys[i]}
	}
	tl, err := plotter.NewLine(truth)
	if err != nil {
		return nil, err
	}
	tl.Color, tl.Width, tl.Dashes = trueColor, vg.Points(1.5), dashes[1]
	ml, err := plotter.NewLine(curve)
	if err != nil {
		return nil, err
	}
	ml.Color, ml.Width = col, vg.Points(2.5)
	p.Add(tl, ml)
	p.Legend.Add("sin(x)/2.5", tl)
	p.Legend.Add(name, ml)

	var rings plotter.XYs
	for _, i := range ext {
		if lo <= g.X[i] && g.X[i] <= hi {
			rings = append(rings, plotter.XY{X: g.X[i], Y: yg[i]})
		}
	}
	if len(rings) > 0 {
		s, err := plotter.NewScatter(rings)
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(6), Shape: draw.RingGlyph{}}
		p.Add(s)
		p.Legend.Add(fmt.Sprintf("extrema (%d)", len(rings)), s)
	}
	headroom(p, 0.35)
	p.Add(legendBox{p})
	return p, nil
}

// headroom raises the top of p's y-axis by frac of its range, so that the
// legend in the top corner does not hide the data.
func headroom(p *plot.Plot, frac float64) {
	p.Y.Max += frac * (p.Y.Max - p.Y.Min)
}

// linspace returns n evenly spaced numbers from lo to hi, both included.
func linspace(lo, hi float64, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = lo + (hi-lo)*float64(i)/float64(n-1)
	}
	x[n-1] = hi
	return x
}
