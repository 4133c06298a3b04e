package figure

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// seriesColors tell apart runs that share an optimizer, e.g. seeds.
var seriesColors = []color.RGBA{
	rgb(0x1f77b4), rgb(0xd62728), rgb(0x2ca02c), rgb(0xff7f0e), rgb(0x9467bd), rgb(0x8c564b),
}

// Sharpness draws λmax against the step for each track, on a log
// axis, coloured and dashed as Loss draws a history of the same
// name, with the stability limit 2/lr of plain gradient descent at rate
// lr as a dotted level: GD is stable along the sharpest direction only
// while λmax < 2/lr. lr ≤ 0 draws no limit.
func Sharpness(title string, lr float64, ts ...*sinenet.SharpnessTrack) (*plot.Plot, error) {
	if len(ts) == 0 {
		return nil, errors.New("sinenet: Sharpness of no track; pass the SharpnessTrack whose Hook ran during Train")
	}
	if title == "" {
		title = "Sharpness λmax, the largest Hessian eigenvalue"
	}
	p := newPlot(title, "step", "λmax")
	logAxis(&p.Y)
	key := &legend{}
	steps := 0
	used := map[string]int{} // tracks drawn so far per colour key
	for i, s := range ts {
		if s == nil || len(s.Max) == 0 {
			return nil, fmt.Errorf("sinenet: Sharpness track %d is empty; set Options.Hook to its Hook before Train", i)
		}
		if len(s.Steps) != len(s.Max) || firstNotFinite(s.Max) >= 0 {
			return nil, fmt.Errorf("sinenet: Sharpness track %d has %d steps and %d values, or a value that is NaN or infinite; pass a track that its Hook filled", i, len(s.Steps), len(s.Max))
		}
		xy := make(plotter.XYs, 0, len(s.Max))
		for k, v := range s.Max {
			xy = append(xy, plotter.XY{X: float64(s.Steps[k]), Y: math.Max(v, 1e-300)})
			steps = max(steps, s.Steps[k])
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return nil, err
		}
		name := s.Name
		if name == "" {
			name = fmt.Sprintf("run %d", i+1)
		}
		// The colour and dash Loss gives a history of the same name,
		// so that the two plots of one run read together.
		l.Color, l.Dashes = runStyle(name, used)
		l.Width = vg.Points(2)
		key.plot(p, l)
		key.add(name, l)
	}
	p.X.Min, p.X.Max = 0, float64(steps)
	if lr > 0 {
		if err := addMarks(p, key, []Mark{{Y: 2 / lr, Label: fmt.Sprintf("2/lr = %.3g", 2/lr)}}); err != nil {
			return nil, err
		}
	}
	widenFlat(&p.Y)
	p.Y.Max *= math.Pow(p.Y.Max/p.Y.Min, 0.03) // off the top edge
	key.attach(p, growUp)
	return p, nil
}

// SweepOptions are the settings of Sweep.
type SweepOptions struct {
	Title, XLabel, YLabel string
	// Marks are reference lines, e.g. Mark{X: 1e-3} at the question's
	// rate, or Mark{Y: 0.0025} at the noise floor.
	Marks []Mark
	// Diverged labels the crosses of the y values that are NaN or
	// infinite; "" means "diverged (loss NaN or ∞)". A caller that marks
	// other runs that way (say, runs that ended farther than they started)
	// says so here.
	Diverged string
	// YMax, if positive, is the top of the y-axis, the same for every
	// panel of a set: a y above it is drawn as a cross along the top, as a
	// diverged run is, and the key goes right of the data, off the ticks.
	YMax float64
}

// Sweep draws y against x on log-log axes, e.g. the final loss of a
// training run against its learning rate. A y that is NaN or infinite (a
// run that diverged) is drawn as a cross along the top of the plot. Each
// mark is a vertical line in the legend.
func Sweep(o SweepOptions, x, y []float64) (*plot.Plot, error) {
	if len(x) == 0 || len(x) != len(y) {
		return nil, fmt.Errorf("sinenet: Sweep of %d x and %d y values; pass one y per x", len(x), len(y))
	}
	for i, v := range x {
		if !(v > 0) || math.IsInf(v, 1) {
			return nil, fmt.Errorf("sinenet: Sweep x[%d] is %g, which a log axis cannot draw; pass positive finite values, such as learning rates", i, v)
		}
	}
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	logAxis(&p.X)
	logAxis(&p.Y)
	// Rates such as 0.0003 are wide: at most 6 labels stay apart on the
	// x-axis of a quarter-width tile.
	p.X.Tick.Marker = logTicks{Labels: 6}
	var ok, bad plotter.XYs
	top := math.Inf(-1)
	clipped := func(v float64) bool { return !isFinite(v) || (o.YMax > 0 && v > o.YMax) }
	for i := range x {
		if !clipped(y[i]) && y[i] > 0 {
			ok = append(ok, plotter.XY{X: x[i], Y: y[i]})
			top = math.Max(top, y[i])
		}
	}
	if len(ok) == 0 {
		return nil, errors.New("sinenet: Sweep: every run diverged; try smaller values")
	}
	if o.YMax > 0 {
		top = o.YMax / 3
	}
	for i := range x {
		if clipped(y[i]) {
			bad = append(bad, plotter.XY{X: x[i], Y: top * 3})
		}
	}
	key := &legend{}
	l, pts, err := plotter.NewLinePoints(ok)
	if err != nil {
		return nil, err
	}
	l.Color, l.Width = seriesColors[0], vg.Points(2)
	pts.GlyphStyle = draw.GlyphStyle{Color: seriesColors[0], Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
	key.plot(p, l, pts)
	key.add("finished", l, pts)
	if len(bad) > 0 {
		s, err := plotter.NewScatter(bad)
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: seriesColors[1], Radius: vg.Points(5), Shape: crossGlyph{}}
		key.plot(p, s)
		label := o.Diverged
		if label == "" {
			label = "diverged (loss NaN or ∞)"
		}
		key.add(label, s)
	}
	if err := addMarks(p, key, o.Marks); err != nil {
		return nil, err
	}
	p.X.Min, p.X.Max = p.X.Min/1.2, p.X.Max*1.2 // no mark or point on the edge
	widenFlat(&p.Y)
	if o.YMax > 0 {
		pad := math.Pow(o.YMax/p.Y.Min, 0.05)
		p.Y.Min, p.Y.Max = p.Y.Min/pad, o.YMax*pad
		key.attach(p, growNone)
		return p, nil
	}
	p.Y.Max *= math.Pow(p.Y.Max/p.Y.Min, 0.05)
	key.attach(p, growUp)
	return p, nil
}
