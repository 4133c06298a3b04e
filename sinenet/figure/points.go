package figure

import (
	"errors"
	"fmt"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one named set of points for Points: Y[i] at X[i].
type Series struct {
	Name string
	X, Y []float64
}

// PointsOptions are the settings of Points.
type PointsOptions struct {
	Title, XLabel, YLabel string
	// Join draws a line through each series' points too. Leave it off for
	// a quantity measured at some steps only: a line would show it moving
	// between them, where nothing was measured.
	Join bool
	// YMin and YMax fix the y range; both 0 means the data's.
	YMin, YMax float64
	// Marks are reference lines, e.g. Mark{Y: 1, Label: "limit"}.
	Marks []Mark
}

// pointShapes tell series apart with colour and shape both, so that a
// reader who cannot tell the colours apart still can.
var pointShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.BoxGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.RingGlyph{}, draw.SquareGlyph{}}

// Points draws each series as markers on linear axes, told apart by
// colour and shape, with the key where it covers no point.
func Points(o PointsOptions, ss ...Series) (*plot.Plot, error) {
	if len(ss) == 0 {
		return nil, errors.New("sinenet: Points of no series; pass at least one Series")
	}
	p := newPlot(o.Title, o.XLabel, o.YLabel)
	key := &legend{}
	for i, s := range ss {
		if len(s.X) == 0 || len(s.X) != len(s.Y) || firstNotFinite(s.X) >= 0 || firstNotFinite(s.Y) >= 0 {
			return nil, fmt.Errorf("sinenet: Points series %d (%q) has %d x and %d y values, or one that is NaN or infinite; pass one finite y per x", i, s.Name, len(s.X), len(s.Y))
		}
		xy := make(plotter.XYs, len(s.X))
		for k := range xy {
			xy[k].X, xy[k].Y = s.X[k], s.Y[k]
		}
		c := seriesColors[i%len(seriesColors)]
		pts, err := plotter.NewScatter(xy)
		if err != nil {
			return nil, err
		}
		pts.GlyphStyle = draw.GlyphStyle{Color: c, Radius: vg.Points(2.5), Shape: pointShapes[i%len(pointShapes)]}
		name := s.Name
		if name == "" {
			name = fmt.Sprintf("series %d", i+1)
		}
		if o.Join {
			l, err := plotter.NewLine(xy)
			if err != nil {
				return nil, err
			}
			l.Color, l.Width = c, vg.Points(1)
			key.plot(p, l, pts)
			key.add(name, l, pts)
			continue
		}
		key.plot(p, pts)
		key.add(name, pts)
	}
	if o.YMin != 0 || o.YMax != 0 {
		if !(o.YMin < o.YMax) {
			return nil, fmt.Errorf("sinenet: Points YMin %g is not below YMax %g; set both, or neither", o.YMin, o.YMax)
		}
		p.Y.Min, p.Y.Max = o.YMin, o.YMax
	}
	if err := addMarks(p, key, o.Marks); err != nil {
		return nil, err
	}
	key.attach(p, growUp)
	return p, nil
}
