package figure

import (
	"errors"
	"fmt"
	"image/color"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// FitOptions are the settings of Fit. The zero value shows the whole
// range with a title made from the fit's numbers.
type FitOptions struct {
	// Title is the plot's title; "" means the name and the fit's numbers
	// over the whole range [-1, 9], e.g. "Adam · RMSE 0.012 · 3 extrema"
	// ("… · 3 extrema on all of [-1, 9]" when zoomed).
	Title string
	// Name labels the network's curve in the legend and picks its colour
	// (see OptimizerColor); "" means "network", in red.
	Name string
	// XMin and XMax zoom into [XMin, XMax]; both 0 means the whole range
	// [-1, 9]. The answer zoomed into the start of the range, [-1, 1].
	// The legend then counts the data and extrema in view only.
	XMin, XMax float64
	// YMin and YMax fix the y-axis; both 0 means the range of what is
	// drawn. Either way the top rises when the key needs room.
	YMin, YMax float64
	// DataLabel is the legend entry of the data; "" means "data (n)"
	// with n the points shown.
	DataLabel string
}

// Fit draws the data d as light grey dots (d may be empty), the
// network's curve, the true curve sin(x)/2.5 dashed, and a ring on each
// local extremum of the network's curve: the extra ones are the question's
// wiggles. The extrema are those Evaluate counts, on Grid(EvalPoints).
// The key sits where it covers no data, the top of the y-axis raised to
// make room for it if need be. It is a scatter of thousands of points:
// show it as PNG.
func Fit(m *sinenet.MLP, d sinenet.Data, o FitOptions) (*plot.Plot, error) {
	if m == nil {
		return nil, errors.New("sinenet: Fit of a nil network; pass the *MLP that sinenet.New returned")
	}
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if in, out := m.Layers[0].In, m.Layers[len(m.Layers)-1].Out; in != 1 || out != 1 {
		return nil, fmt.Errorf("sinenet: Fit needs a network from 1 input to 1 output, not %d to %d", in, out)
	}
	if err := d.Validate(); err != nil && !isEmpty(d, err) { // empty data draws none; NoisySine(-5, 1) is a mistake
		return nil, err
	}
	lo, hi := o.XMin, o.XMax
	if lo == 0 && hi == 0 {
		lo, hi = sinenet.XMin, sinenet.XMax
	}
	if !(lo < hi) || !isFinite(lo) || !isFinite(hi) {
		return nil, fmt.Errorf("sinenet: Fit zoom range [%g, %g] is empty or not finite; use finite XMin < XMax, or both 0 for the whole range", lo, hi)
	}
	if (o.YMin != 0 || o.YMax != 0) && !(o.YMin < o.YMax) {
		return nil, fmt.Errorf("sinenet: Fit y range [%g, %g] is empty; use YMin < YMax, or both 0 for the range of the data", o.YMin, o.YMax)
	}
	zoom := lo != sinenet.XMin || hi != sinenet.XMax
	inView := "" // what the legend's counts cover
	if zoom {
		inView = " in view"
	}
	name := o.Name
	col := OptimizerColor(name)
	if name == "" {
		name, col = "network", modelColor
	}

	// The fit as Evaluate sees it, for the title and the extrema.
	g := sinenet.Grid(sinenet.EvalPoints)
	yg := m.Predict(nil, g.X)
	ext := sinenet.Extrema(yg, sinenet.Prominence)
	title := o.Title
	if title == "" {
		title = fmt.Sprintf("%s · RMSE %.3g · %d extrema", name, sinenet.Evaluate(m).RMSE, len(ext))
		if zoom {
			title += fmt.Sprintf(" on all of [%g, %g]", float64(sinenet.XMin), float64(sinenet.XMax))
		}
	}
	p := newPlot(title, "x", "y")
	key := &legend{}

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
		key.plot(p, s)
		label := o.DataLabel
		if label == "" {
			label = fmt.Sprintf("data%s (%d)", inView, len(pts))
		}
		key.add(label, s)
	}

	// Both curves on a fine grid of the shown range.
	xs, ys := g.X, yg
	if zoom {
		xs = linspace(lo, hi, sinenet.EvalPoints)
		ys = m.Predict(nil, xs)
	}
	truth, curve := make(plotter.XYs, len(xs)), make(plotter.XYs, len(xs))
	for i, x := range xs {
		truth[i] = plotter.XY{X: x, Y: sinenet.TrueCurve(x)}
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
	key.plot(p, tl, ml)
	key.add("sin(x)/2.5", tl)
	key.add(name, ml)

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
		key.plot(p, s)
		key.add(fmt.Sprintf("extrema%s (%d)", inView, len(rings)), s)
	}
	p.X.Min, p.X.Max = lo, hi
	if o.YMin != 0 || o.YMax != 0 {
		p.Y.Min, p.Y.Max = o.YMin, o.YMax
	}
	key.attach(p, growUp)
	return p, nil
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
