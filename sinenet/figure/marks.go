package figure

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Mark is a reference line, named in the key by Label: at X a vertical
// one, such as the step where a measurement starts or the question's
// learning rate; at Y a horizontal one, such as the noise floor
// σ² = 0.0025 of the mean squared error on data with noise σ = NoiseStd
// = 0.05, or a stability limit. Set exactly one of X and Y. The axes
// widen to show it. LossOptions.Marks and SweepOptions.Marks draw them.
type Mark struct {
	X, Y  float64
	Label string
}

// markColors and markDashes tell apart the marks of one plot, in the
// order they are added: dark grey first, then colours that no optimizer
// has, each with its own dashes; all thinner than the curves.
var (
	markColors = []color.RGBA{rgb(0x555555), rgb(0x7b4173), rgb(0x8c6d31), rgb(0x393b79), rgb(0x637939)}
	markDashes = [][]vg.Length{
		{vg.Points(5), vg.Points(2), vg.Points(1), vg.Points(2)},
		{vg.Points(1.5), vg.Points(2)},
		{vg.Points(7), vg.Points(3)},
		{vg.Points(3), vg.Points(2)},
		{vg.Points(7), vg.Points(2), vg.Points(1.5), vg.Points(2), vg.Points(1.5), vg.Points(2)},
	}
)

// markStyle is the style of the k-th mark of a plot, from 0.
func markStyle(k int) draw.LineStyle {
	return draw.LineStyle{Color: markColors[k%len(markColors)], Width: vg.Points(1.5), Dashes: markDashes[k%len(markDashes)]}
}

// addMarks draws the marks ms on p, names them in its key, and widens
// p's axes to show them.
func addMarks(p *plot.Plot, key *legend, ms []Mark) error {
	for i, m := range ms {
		label := m.Label
		if label == "" {
			label = fmt.Sprintf("mark %d", i+1)
		}
		if (m.X != 0) == (m.Y != 0) || math.IsNaN(m.X+m.Y) || math.IsInf(m.X+m.Y, 0) {
			return fmt.Errorf("sinenet: mark %q at X %g, Y %g; set exactly one of X and Y, to a finite number", label, m.X, m.Y)
		}
		var x plot.Plotter
		a, v, sty := &p.Y, m.Y, markStyle(key.marks)
		if m.X != 0 {
			a, v = &p.X, m.X
			x = vline{x: m.X, style: sty}
		} else {
			x = hline{y: m.Y, style: sty}
		}
		if isLog(a) && v <= 0 {
			return fmt.Errorf("sinenet: mark %q at %g on a log axis; use a positive value", label, v)
		}
		a.Min, a.Max = math.Min(a.Min, v), math.Max(a.Max, v)
		key.plot(p, x)
		key.add(label, x.(plot.Thumbnailer))
		key.marks++
	}
	return nil
}

// vline is a vertical line at x: a Mark, or Preacts' saturation
// threshold. It runs from the bottom of the plot to the top of the data:
// the top of the y-axis, or, where the key raised it to make room for
// itself, the top before (see legend.markTop), so that the key can sit
// above the line in the room it made.
type vline struct {
	x     float64
	style draw.LineStyle
}

func (m vline) Plot(c draw.Canvas, p *plot.Plot) {
	if a, b, ok := m.ends(c, p); ok {
		c.StrokeLine2(m.style, a.X, a.Y, b.X, b.Y)
	}
}

// ends returns the bottom and the top end of m drawn in the data area c
// of p, and false when m's x is outside it.
func (m vline) ends(c draw.Canvas, p *plot.Plot) (bottom, top vg.Point, ok bool) {
	tx, ty := p.Transforms(&c)
	x := tx(m.x)
	return vg.Point{X: x, Y: c.Min.Y}, vg.Point{X: x, Y: keyOf(p).markTop(c, ty)}, c.Min.X <= x && x <= c.Max.X
}

// Thumbnail draws the key's sample: a short vertical line.
func (m vline) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(m.style, x, c.Min.Y, x, c.Max.Y)
}

// hline is a horizontal line at y, the full width of the plot.
type hline struct {
	y     float64
	style draw.LineStyle
}

func (m hline) Plot(c draw.Canvas, p *plot.Plot) {
	_, ty := p.Transforms(&c)
	if y := ty(m.y); c.Min.Y <= y && y <= c.Max.Y {
		c.StrokeLine2(m.style, c.Min.X, y, c.Max.X, y)
	}
}

// Thumbnail draws the key's sample: a short horizontal line.
func (m hline) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(m.style, c.Min.X, y, c.Max.X, y)
}
