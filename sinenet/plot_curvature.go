package sinenet

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// levelColor and levelDashes draw reference levels (a stability limit, a
// noise floor) and marks: grey dash-dots, unlike any run's line.
var (
	levelColor  = rgb(0x7f7f7f)
	levelDashes = []vg.Length{vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)}
)

// seriesColors tell apart runs that share an optimizer, e.g. seeds.
var seriesColors = []color.RGBA{
	rgb(0x1f77b4), rgb(0xd62728), rgb(0x2ca02c), rgb(0xff7f0e), rgb(0x9467bd), rgb(0x8c564b),
}

// PlotSharpness draws λmax against the step for each track, on a log
// axis, coloured and dashed as PlotLoss draws a history of the same name, with the stability limit 2/lr of plain gradient descent at rate lr
// as a dashed line: GD is stable along the sharpest direction only while
// λmax < 2/lr. lr ≤ 0 draws no limit.
func PlotSharpness(title string, lr float64, ts ...*SharpnessTrack) (*plot.Plot, error) {
	if len(ts) == 0 {
		return nil, errors.New("sinenet: PlotSharpness of no track; pass the SharpnessTrack whose Hook ran during Train")
	}
	if title == "" {
		title = "Sharpness λmax, the largest Hessian eigenvalue"
	}
	p := newPlot(title, "step", "λmax")
	p.Y.Scale = plot.LogScale{}
	p.Y.Tick.Marker = logTicks{}
	steps := 0
	used := map[string]int{} // tracks drawn so far per colour key
	for i, s := range ts {
		if s == nil || len(s.Max) == 0 {
			return nil, fmt.Errorf("sinenet: PlotSharpness track %d is empty; set Options.Hook to its Hook before Train", i)
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
		// The colour and dash PlotLoss gives a history of the same name,
		// so that the two plots of one run read together.
		l.Color, l.Width = OptimizerColor(name), vg.Points(2)
		l.Dashes = dashes[used[colorKey(name)]%len(dashes)]
		used[colorKey(name)]++
		p.Add(l)
		p.Legend.Add(name, l)
	}
	p.X.Min, p.X.Max = 0, float64(steps)
	if lr > 0 {
		if err := addLevel(p, 2/lr, fmt.Sprintf("2/lr = %.3g", 2/lr)); err != nil {
			return nil, err
		}
	}
	p.Y.Max *= math.Pow(p.Y.Max/p.Y.Min, 0.35) // room for the legend above the limit
	p.Add(legendBox{p})
	return p, nil
}

// AddLevel draws a dashed horizontal line at y across p, labelled in the
// legend: a noise floor on a loss plot, or a stability limit. It widens
// the y-axis to include y.
func AddLevel(p *plot.Plot, y float64, label string) error {
	if err := addLevel(p, y, label); err != nil {
		return err
	}
	p.Add(legendBox{p}) // keep the legend readable over the new line
	return nil
}

func addLevel(p *plot.Plot, y float64, label string) error {
	lo, hi := p.X.Min, p.X.Max
	if !(lo < hi) {
		lo, hi = 0, 1
	}
	l, err := plotter.NewLine(plotter.XYs{{X: lo, Y: y}, {X: hi, Y: y}})
	if err != nil {
		return err
	}
	l.Color, l.Width, l.Dashes = levelColor, vg.Points(2), levelDashes
	p.Add(l)
	p.Legend.Add(label, l)
	p.Y.Min, p.Y.Max = math.Min(p.Y.Min, y), math.Max(p.Y.Max, y)
	return nil
}

// SweepOptions are the settings of PlotSweep.
type SweepOptions struct {
	Title, XLabel, YLabel string
	// Marks are vertical lines at chosen x, e.g. the question's rate.
	Marks []Mark
}

// Mark is a labelled vertical line at X.
type Mark struct {
	X     float64
	Label string
}

// PlotSweep draws y against x on log-log axes, e.g. the final loss of a
// training run against its learning rate. A y that is NaN or infinite (a
// run that diverged) is drawn as a cross along the top of the plot. Each
// mark is a vertical line in the legend.
func PlotSweep(o SweepOptions, x, y []float64) (*plot.Plot, error) {
	if len(x) == 0 || len(x) != len(y) {
		return nil, fmt.Errorf("sinenet: PlotSweep of %d x and %d y values; pass one y per x", len(x), len(y))
	}
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	p.X.Scale, p.Y.Scale = plot.LogScale{}, plot.LogScale{}
	p.X.Tick.Marker, p.Y.Tick.Marker = logTicks{}, logTicks{}
	var ok, bad plotter.XYs
	top := math.Inf(-1)
	for i := range x {
		if isFinite(y[i]) && y[i] > 0 {
			ok = append(ok, plotter.XY{X: x[i], Y: y[i]})
			top = math.Max(top, y[i])
		}
	}
	if len(ok) == 0 {
		return nil, errors.New("sinenet: PlotSweep: every run diverged; try smaller values")
	}
	for i := range x {
		if !isFinite(y[i]) {
			bad = append(bad, plotter.XY{X: x[i], Y: top * 3})
		}
	}
	l, pts, err := plotter.NewLinePoints(ok)
	if err != nil {
		return nil, err
	}
	l.Color, l.Width = seriesColors[0], vg.Points(2)
	pts.GlyphStyle = draw.GlyphStyle{Color: seriesColors[0], Radius: vg.Points(3), Shape: draw.CircleGlyph{}}
	p.Add(l, pts)
	p.Legend.Add("finished", l, pts)
	if len(bad) > 0 {
		s, err := plotter.NewScatter(bad)
		if err != nil {
			return nil, err
		}
		s.GlyphStyle = draw.GlyphStyle{Color: seriesColors[1], Radius: vg.Points(5), Shape: crossGlyph{}}
		p.Add(s)
		p.Legend.Add("diverged (loss NaN or ∞)", s)
	}
	for i, m := range o.Marks {
		if err := addMark(p, m, seriesColors[(i+2)%len(seriesColors)]); err != nil {
			return nil, err
		}
		p.X.Min, p.X.Max = math.Min(p.X.Min, m.X/1.5), math.Max(p.X.Max, m.X*1.5)
	}
	p.Y.Max = top * math.Pow(top/p.Y.Min, 0.6) // room for the legend above the data
	p.Add(legendBox{p})
	return p, nil
}

// AddMark draws a dashed vertical line at m.X across p's current y-range,
// labelled in the legend, e.g. the step where a measurement starts. Add
// it after the data, so that the y-range is known.
func AddMark(p *plot.Plot, m Mark) error {
	if err := addMark(p, m, levelColor); err != nil {
		return err
	}
	p.Add(legendBox{p}) // keep the legend readable over the new line
	return nil
}

func addMark(p *plot.Plot, m Mark, c color.Color) error {
	l, err := plotter.NewLine(plotter.XYs{{X: m.X, Y: p.Y.Min}, {X: m.X, Y: p.Y.Max}})
	if err != nil {
		return err
	}
	l.Color, l.Width = c, vg.Points(1.5)
	l.Dashes = []vg.Length{vg.Points(2), vg.Points(3)}
	p.Add(l)
	p.Legend.Add(m.Label, l)
	return nil
}
