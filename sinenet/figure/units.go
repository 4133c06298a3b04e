package figure

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// UnitsOptions are the settings of Units and Preacts.
type UnitsOptions struct {
	// Layer picks the layer, from 0 for the first hidden layer.
	Layer int
	// XMin and XMax are the range of x; both 0 means [-1, 9].
	// Preacts uses it only when it is given no data.
	XMin, XMax float64
	// Saturation is the |z| beyond which Preacts counts a unit as
	// saturated; 0 means 2, where tanh'(z) = 1 - tanh²(z) < 0.071.
	Saturation float64
}

// Units draws the output a = act(z) of every unit of one layer
// against the network's input x: a thin line per unit, coloured by its
// output at the right end of the range, from blue (lowest) to red
// (highest), as the title says. For the first
// layer each unit is act(w·x + b), a step centred at x = -b/w; these
// centres are marked under the curves. Without biases every centre is
// x = 0, which is where the question's extra wiggles sit, and far from 0
// the units are flat at ±1.
func Units(m *sinenet.MLP, o UnitsOptions) (*plot.Plot, error) {
	lo, hi, err := unitsCheck(m, o)
	if err != nil {
		return nil, err
	}
	l := m.Layers[o.Layer]
	xs := linspace(lo, hi, 401)
	_, a := layerOutputs(m, xs, o.Layer)

	title := fmt.Sprintf("Layer %d: %d %s units", o.Layer+1, l.Out, l.Act)
	if o.Layer == 0 && l.B == nil {
		title += ", no biases"
	}
	title += fmt.Sprintf("\ncolour: a unit's output at x = %g, blue lowest … red highest", hi)
	p := newPlot(title, "x", "unit output")
	p.X.Min, p.X.Max = lo, hi
	// Colour each unit by where it ends at the right: blue low, red high.
	last := a[(len(xs)-1)*l.Out:]
	cols := moreland.SmoothBlueRed()
	cols.SetMin(floats.Min(last))
	cols.SetMax(math.Max(floats.Max(last), floats.Min(last)+1e-9))
	for j := range l.Out {
		pts := make(plotter.XYs, len(xs))
		for i, x := range xs {
			pts[i] = plotter.XY{X: x, Y: a[i*l.Out+j]}
		}
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		c, _ := cols.At(last[j])
		line.Color, line.Width = light(c, 0x90), vg.Points(1)
		p.Add(line)
	}
	if o.Layer == 0 {
		if err := addCentres(p, l, lo, hi); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// addCentres marks the centre x = -b/w of each first-layer unit that lies
// in [lo, hi] with a tick under the curves, and says so in the x-axis
// title.
func addCentres(p *plot.Plot, l sinenet.Layer, lo, hi float64) error {
	ymin := p.Y.Min - 0.08*(p.Y.Max-p.Y.Min)
	var pts plotter.XYs
	for j := range l.Out {
		w, b := l.W[j], 0.0
		if l.B != nil {
			b = l.B[j]
		}
		if c := -b / w; lo <= c && c <= hi {
			pts = append(pts, plotter.XY{X: c, Y: ymin})
		}
	}
	if len(pts) == 0 {
		return nil
	}
	s, err := plotter.NewScatter(pts)
	if err != nil {
		return err
	}
	s.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(5), Shape: barGlyph{}}
	p.Add(s)
	p.X.Label.Text = fmt.Sprintf("x      (| marks a unit's centre -b/w: %d of %d units)", len(pts), l.Out)
	return nil
}

// Preacts draws the histogram of the pre-activations z = a·W + b of
// one layer over the inputs d.X (over x in the range of o when d is
// empty), with the saturation thresholds ±o.Saturation dashed. The title
// gives the fraction of saturated z: there tanh is flat and its gradient
// vanishes. The question's N(0, 1) weights times x up to 9 saturate most
// units.
func Preacts(m *sinenet.MLP, d sinenet.Data, o UnitsOptions) (*plot.Plot, error) {
	lo, hi, err := unitsCheck(m, o)
	if err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil && !isEmpty(d, err) { // e.g. NoisySine(-5, 1), not data left empty
		return nil, err
	}
	xs := d.X
	if len(xs) == 0 {
		xs = linspace(lo, hi, 401)
	}
	sat := o.Saturation
	if sat <= 0 {
		sat = 2
	}
	z, _ := layerOutputs(m, xs, o.Layer)
	n := 0
	for _, v := range z {
		if math.Abs(v) > sat {
			n++
		}
	}
	l := m.Layers[o.Layer]
	title := fmt.Sprintf("Layer %d pre-activations: %.0f%% have |z| > %g", o.Layer+1, 100*float64(n)/float64(len(z)), sat)
	p := newPlot(title, "z", "count")
	h, err := plotter.NewHist(plotter.Values(z), 60)
	if err != nil {
		return nil, err
	}
	h.FillColor, h.LineStyle.Color = light(rgb(0x1f77b4), 0xb0), rgb(0x1f77b4)
	key := &legend{}
	key.plot(p, h)
	key.add(fmt.Sprintf("z of %d units × %d inputs", l.Out, len(xs)), h)
	for _, x := range []float64{-sat, sat} {
		m := vline{x: x, style: draw.LineStyle{Color: color.Black, Width: vg.Points(1.5), Dashes: dashes[1]}}
		key.plot(p, m)
		if x > 0 {
			key.add(fmt.Sprintf("|z| = %g", sat), m)
		}
	}
	p.X.Min, p.X.Max = min(p.X.Min, -1.1*sat), max(p.X.Max, 1.1*sat)
	key.attach(p, growUp)
	return p, nil
}

// unitsCheck validates m and o for Units and Preacts and returns
// the x range.
func unitsCheck(m *sinenet.MLP, o UnitsOptions) (lo, hi float64, err error) {
	if m == nil {
		return 0, 0, errors.New("sinenet: plotting the units of a nil network; pass the *MLP that sinenet.New returned")
	}
	if err := m.Validate(); err != nil {
		return 0, 0, err
	}
	if in := m.Layers[0].In; in != 1 {
		return 0, 0, fmt.Errorf("sinenet: plotting units against x needs a network with 1 input, not %d", in)
	}
	if o.Layer < 0 || o.Layer >= len(m.Layers) {
		return 0, 0, fmt.Errorf("sinenet: UnitsOptions.Layer is %d, but the network has layers 0 to %d; use 0 for the first hidden layer", o.Layer, len(m.Layers)-1)
	}
	lo, hi = o.XMin, o.XMax
	if lo == 0 && hi == 0 {
		lo, hi = sinenet.XMin, sinenet.XMax
	}
	if !(lo < hi) || !isFinite(lo) || !isFinite(hi) {
		return 0, 0, fmt.Errorf("sinenet: x range [%g, %g] is empty or not finite; use finite XMin < XMax, or both 0 for [-1, 9]", lo, hi)
	}
	return lo, hi, nil
}

// layerOutputs returns the pre-activations z and the outputs a of layer k
// for the inputs x, row by row (len(x) rows of Layers[k].Out). It runs the
// network's own forward pass on its first k+1 layers, and again with layer
// k's activation the identity for z, so both are the training's numbers.
func layerOutputs(m *sinenet.MLP, x []float64, k int) (z, a []float64) {
	layers := slices.Clone(m.Layers[:k+1])
	a = (&sinenet.MLP{Layers: layers}).Predict(nil, x)
	layers[k].Act = sinenet.Identity
	z = (&sinenet.MLP{Layers: layers}).Predict(nil, x)
	return z, a
}
