package figure

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// shapeKind says how a shape's points are drawn.
type shapeKind int

const (
	dots       shapeKind = iota // a glyph of radius r at each point
	polyline                    // a line of width 2r through the points
	area                        // a filled polygon
	vertical                    // a line of width 2r at x = xy[0].X, from the bottom up to a top
	horizontal                  // a line of width 2r at y = xy[0].Y, the full width
)

// shape is data a key must not cover, in data coordinates.
type shape struct {
	kind shapeKind
	xy   plotter.XYs
	r    vg.Length
}

// shapesOf returns the shapes that the plotter x draws. It panics on a
// plotter it does not know: a plot of the package must say what its
// key is to avoid.
func shapesOf(x plot.Plotter) []shape {
	switch x := x.(type) {
	case *plotter.Line:
		return []shape{{polyline, x.XYs, x.Width / 2}}
	case *plotter.Scatter:
		return []shape{{dots, x.XYs, x.GlyphStyle.Radius}}
	case *plotter.Polygon:
		var s []shape
		for _, ring := range x.XYs {
			s = append(s, shape{kind: area, xy: ring})
		}
		return s
	case *plotter.Histogram:
		var s []shape
		for _, b := range x.Bins {
			if b.Weight > 0 {
				s = append(s, shape{kind: area, xy: plotter.XYs{{X: b.Min, Y: 0}, {X: b.Max, Y: 0}, {X: b.Max, Y: b.Weight}, {X: b.Min, Y: b.Weight}}})
			}
		}
		return s
	case vline:
		return []shape{{vertical, plotter.XYs{{X: x.x}}, x.style.Width / 2}}
	case hline:
		return []shape{{horizontal, plotter.XYs{{Y: x.y}}, x.style.Width / 2}}
	case *plotter.Contour, *plotter.Grid, *plotter.Image:
		return nil // the background
	}
	panic(fmt.Sprintf("sinenet: the legend does not know the plotter %T", x))
}

// clearance returns the distance in points from box to the shape drawn
// in the data area c with the transforms tx and ty, less its radius;
// it is negative where the shape covers part of box. A vertical line
// ends at top (see legend.markTop).
func (s shape) clearance(box vg.Rectangle, c draw.Canvas, tx, ty func(float64) vg.Length, top vg.Length) vg.Length {
	gap := vg.Length(math.Inf(1))
	pt := func(i int) vg.Point { return vg.Point{X: tx(s.xy[i].X), Y: ty(s.xy[i].Y)} }
	switch s.kind {
	case dots:
		for i := range s.xy {
			q := pt(i)
			if !c.Contains(q) {
				continue // not drawn
			}
			gap = min(gap, pointGap(q, box))
		}
	case polyline, area:
		n := len(s.xy)
		for i := 1; i < n; i++ {
			gap = min(gap, segmentGap(pt(i-1), pt(i), box))
		}
		if s.kind == area && n > 2 {
			gap = min(gap, segmentGap(pt(n-1), pt(0), box))
			ring := make([]vg.Point, n)
			for i := range ring {
				ring[i] = pt(i)
			}
			if inside(box.Min, ring) {
				gap = -1
			}
		}
	case vertical:
		x := tx(s.xy[0].X)
		gap = max(box.Min.X-x, x-box.Max.X, box.Min.Y-top, -1)
	case horizontal:
		y := ty(s.xy[0].Y)
		gap = max(box.Min.Y-y, y-box.Max.Y, -1)
	}
	return gap - s.r
}

// pointGap is the distance from q to the rectangle r, 0 inside it.
func pointGap(q vg.Point, r vg.Rectangle) vg.Length {
	dx := max(r.Min.X-q.X, 0, q.X-r.Max.X)
	dy := max(r.Min.Y-q.Y, 0, q.Y-r.Max.Y)
	return vg.Length(math.Hypot(float64(dx), float64(dy)))
}

// segmentGap is the distance from the segment a–b to the rectangle r,
// 0 where they meet.
func segmentGap(a, b vg.Point, r vg.Rectangle) vg.Length {
	if crosses(a, b, r) {
		return 0
	}
	gap := min(pointGap(a, r), pointGap(b, r))
	for _, q := range []vg.Point{r.Min, r.Max, {X: r.Min.X, Y: r.Max.Y}, {X: r.Max.X, Y: r.Min.Y}} {
		gap = min(gap, pointSegment(q, a, b))
	}
	return gap
}

// crosses reports whether the segment a–b meets the rectangle r
// (Liang–Barsky clipping: the part of the segment inside r is not empty).
func crosses(a, b vg.Point, r vg.Rectangle) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	for _, e := range [4][2]float64{
		{-dx, float64(a.X - r.Min.X)}, {dx, float64(r.Max.X - a.X)},
		{-dy, float64(a.Y - r.Min.Y)}, {dy, float64(r.Max.Y - a.Y)},
	} {
		p, q := e[0], e[1]
		switch {
		case p == 0 && q < 0:
			return false
		case p < 0:
			t0 = max(t0, q/p)
		case p > 0:
			t1 = min(t1, q/p)
		}
	}
	return t0 <= t1
}

// pointSegment is the distance from q to the segment a–b.
func pointSegment(q, a, b vg.Point) vg.Length {
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	t := 0.0
	if d := dx*dx + dy*dy; d > 0 {
		t = math.Max(0, math.Min(1, (float64(q.X-a.X)*dx+float64(q.Y-a.Y)*dy)/d))
	}
	return vg.Length(math.Hypot(float64(a.X)+t*dx-float64(q.X), float64(a.Y)+t*dy-float64(q.Y)))
}

// inside reports whether q lies inside the polygon ring (even–odd rule).
func inside(q vg.Point, ring []vg.Point) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a, b := ring[i], ring[j]
		if (a.Y > q.Y) != (b.Y > q.Y) && q.X < a.X+(q.Y-a.Y)*(b.X-a.X)/(b.Y-a.Y) {
			in = !in
		}
	}
	return in
}
