package sinenet

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Styles of the reference lines of Mark: darker than the grid, lighter
// and thinner than the curves.
var (
	stepStyle  = draw.LineStyle{Color: rgb(0x555555), Width: vg.Points(1.25), Dashes: []vg.Length{vg.Points(5), vg.Points(2), vg.Points(1), vg.Points(2)}}
	levelStyle = draw.LineStyle{Color: color.Black, Width: vg.Points(1.25), Dashes: []vg.Length{vg.Points(1.5), vg.Points(2)}}
)

// addMarks draws the marks ms on p, a loss plot of steps steps, and
// names them in its key.
func addMarks(p *plot.Plot, key *legend, ms []Mark, steps int) error {
	for i, m := range ms {
		label := m.Label
		if label == "" {
			label = fmt.Sprintf("mark %d", i+1)
		}
		switch {
		case (m.Step > 0) == (m.Loss > 0):
			return fmt.Errorf("sinenet: mark %q sets Step %d and Loss %g; set exactly one of them, both > 0", label, m.Step, m.Loss)
		case m.Step > 0:
			s := vline{x: float64(m.Step), style: stepStyle}
			key.plot(p, s)
			key.add(label, s)
		default:
			l, err := plotter.NewLine(plotter.XYs{{X: 0, Y: m.Loss}, {X: float64(steps), Y: m.Loss}})
			if err != nil {
				return err
			}
			l.LineStyle = levelStyle
			key.plot(p, l)
			key.add(label, l)
		}
	}
	return nil
}

// vline is a vertical line at x, the full height of the plot: a step
// of Marks, or PlotPreacts' saturation threshold.
type vline struct {
	x     float64
	style draw.LineStyle
}

func (m vline) Plot(c draw.Canvas, p *plot.Plot) {
	tx, _ := p.Transforms(&c)
	x := tx(m.x)
	if c.Min.X <= x && x <= c.Max.X {
		c.StrokeLine2(m.style, x, c.Min.Y, x, c.Max.Y)
	}
}

// Thumbnail draws the key's sample: a short vertical line.
func (m vline) Thumbnail(c *draw.Canvas) {
	x := c.Center().X
	c.StrokeLine2(m.style, x, c.Min.Y, x, c.Max.Y)
}
