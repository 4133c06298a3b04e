package sinenet

import (
	"fmt"
	"image/color"
	"math"
	"runtime"
	"slices"
	"sync"
	"weak"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legend is the key of a plot. It is the plot's last plotter and draws
// itself, boxed, in the spot of the data area farthest from the data: of
// the arrangements that layouts lists (in one or two columns, at a
// corner, along the top or bottom, or at the middle of a side), the
// first one in that order whose clearance to every point, line and
// shaded area it was told to avoid is largest (counting any clearance
// over legendEnough as equal). The spot is chosen when the plot is
// drawn, for the size it is drawn at; just before, fit widens the plot
// (raises the top of the y-axis, say) if no spot is free at that size
// (see attach).
//
// gonum/plot's own p.Legend is left empty, for a caller's own entries.
type legend struct {
	entries []legendEntry
	avoid   []shape      // the data the key must not cover
	font    vg.Length    // the text size; 0 means legendSize
	box     vg.Rectangle // where the key was last drawn, in canvas coordinates
	area    draw.Canvas  // the data area it was drawn in

	off  bool       // replaced by another key (see AddMark): draws nothing
	grow growth     // which way the key may widen the plot
	base [2]float64 // the range of that axis before
	set  [2]float64 // and after the last fit
}

type legendEntry struct {
	label  string
	thumbs []plot.Thumbnailer // none for a line of text, such as a heading
}

// Spacing of the key, in points.
const (
	legendPad    = 4  // inside the box, around the entries
	legendInset  = 3  // between the box and the edge of the data area
	legendThumb  = 24 // the width of a thumbnail
	legendGap    = 10 // between two columns
	legendEnough = 10 // a clearance that counts as fully free
)

// clone returns a copy of l that shares nothing with it.
func (l *legend) clone() *legend {
	c := *l
	c.entries, c.avoid = slices.Clone(l.entries), slices.Clone(l.avoid)
	return &c
}

// add appends an entry labelled label, with the plotters that draw its
// sample; no plotter makes it a line of text.
func (l *legend) add(label string, thumbs ...plot.Thumbnailer) {
	l.entries = append(l.entries, legendEntry{label, thumbs})
}

// plot adds ps to p and tells the key to keep clear of them.
func (l *legend) plot(p *plot.Plot, ps ...plot.Plotter) {
	p.Add(ps...)
	for _, x := range ps {
		l.avoid = append(l.avoid, shapesOf(x)...)
	}
}

// textStyle is the style of the entries' text.
func (l *legend) textStyle() draw.TextStyle {
	size := l.font
	if size == 0 {
		size = legendSize
	}
	return draw.TextStyle{Color: color.Black, Font: sans(size), Handler: plot.DefaultTextHandler}
}

// layout is an arrangement of the key: its entries in cols columns,
// filled top to bottom, and its box.
type layout struct {
	cols int
	box  vg.Rectangle
}

// rows returns the number of rows of the key in cols columns.
func (l *legend) rows(cols int) int { return (len(l.entries) + cols - 1) / cols }

// colWidths returns the width of each of cols columns of the key, each
// a thumbnail and a label, without the box's padding.
func (l *legend) colWidths(cols int) []vg.Length {
	sty := l.textStyle()
	w := make([]vg.Length, cols)
	rows := l.rows(cols)
	for i, e := range l.entries {
		ew := sty.Width(e.label)
		if len(e.thumbs) > 0 {
			ew += vg.Points(legendThumb) + sty.Width(" ")
		}
		w[i/rows] = max(w[i/rows], ew)
	}
	return w
}

// size returns the width and height of the key's box in cols columns,
// and the height of a row.
func (l *legend) size(cols int) (w, h, row vg.Length) {
	row = l.textStyle().FontExtents().Height
	for _, cw := range l.colWidths(cols) {
		w += cw
	}
	pad := vg.Points(legendPad)
	w += vg.Length(cols-1)*vg.Points(legendGap) + 2*pad
	return w, vg.Length(l.rows(cols))*row + 2*pad, row
}

// layouts returns the arrangements the key may take in the data area c,
// in order of preference: in one column, then (when every entry has a
// sample and there are 3 or more) in two, each at the corners, the
// middles of the top and bottom, the quarters along them and the middles
// of the sides.
func (l *legend) layouts(c draw.Canvas) []layout {
	cols := []int{1}
	if len(l.entries) >= 3 && !slices.ContainsFunc(l.entries, func(e legendEntry) bool { return len(e.thumbs) == 0 }) {
		cols = append(cols, 2)
	}
	in := vg.Points(legendInset)
	var r []layout
	for _, n := range cols {
		w, h, _ := l.size(n)
		left, right := c.Min.X+in, c.Max.X-in-w
		bottom, top := c.Min.Y+in, c.Max.Y-in-h
		at := func(f float64) vg.Length { return left + vg.Length(f)*(right-left) }
		midY := (bottom + top) / 2
		for _, xy := range [][2]vg.Length{
			{right, top}, {left, top}, {right, bottom}, {left, bottom},
			{at(0.5), top}, {at(0.5), bottom},
			{at(0.25), top}, {at(0.75), top}, {at(0.25), bottom}, {at(0.75), bottom},
			{right, midY}, {left, midY},
		} {
			r = append(r, layout{n, vg.Rectangle{Min: vg.Point{X: xy[0], Y: xy[1]}, Max: vg.Point{X: xy[0] + w, Y: xy[1] + h}}})
		}
	}
	return r
}

// place returns the arrangement of the key in the data area c of p, and
// its clearance to the data in points (negative: it covers some).
func (l *legend) place(c draw.Canvas, p *plot.Plot) (layout, vg.Length) {
	tx, ty := p.Transforms(&c)
	var best layout
	bestGap := vg.Length(math.Inf(-1))
	for _, lay := range l.layouts(c) {
		gap := vg.Length(math.Inf(1))
		for _, s := range l.avoid {
			gap = min(gap, s.clearance(lay.box, c, tx, ty))
			if gap <= bestGap {
				break // no better than the best so far
			}
		}
		gap = min(gap, vg.Points(legendEnough))
		if gap > bestGap {
			best, bestGap = lay, gap
		}
	}
	return best, bestGap
}

// Plot draws the key in the data area c of p.
func (l *legend) Plot(c draw.Canvas, p *plot.Plot) {
	if l.off || len(l.entries) == 0 {
		return
	}
	lay, _ := l.place(c, p)
	box := lay.box
	l.box, l.area = box, c
	c.SetColor(color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xf0})
	c.Fill(box.Path())
	c.StrokeLines(draw.LineStyle{Color: rgb(0xb0b0b0), Width: vg.Points(0.75)},
		[]vg.Point{box.Min, {X: box.Max.X, Y: box.Min.Y}, box.Max, {X: box.Min.X, Y: box.Max.Y}, box.Min})
	sty := l.textStyle()
	_, _, row := l.size(lay.cols)
	rows := l.rows(lay.cols)
	pad := vg.Points(legendPad)
	desc := sty.FontExtents().Descent
	x := box.Min.X + pad
	for i, e := range l.entries {
		if i > 0 && i%rows == 0 { // the next column
			x += l.colWidths(lay.cols)[i/rows-1] + vg.Points(legendGap)
		}
		y := box.Max.Y - pad - vg.Length(i%rows+1)*row
		thumb := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x, Y: y + row*0.1}, Max: vg.Point{X: x + vg.Points(legendThumb), Y: y + row*0.9}}}
		for _, t := range e.thumbs {
			t.Thumbnail(&thumb)
		}
		tx := x
		if len(e.thumbs) > 0 {
			tx += vg.Points(legendThumb) + sty.Width(" ")
		}
		c.FillText(sty, vg.Point{X: tx, Y: y + desc}, e.label)
	}
}

// growth says which way a key may widen its plot to make room for
// itself.
type growth int

const (
	growNone  growth = iota
	growUp           // raise the top of the y-axis
	growRight        // move the right end of the x-axis, past the data
)

// axis returns the axis of p that g widens.
func (g growth) axis(p *plot.Plot) *plot.Axis {
	if g == growRight {
		return &p.X
	}
	return &p.Y
}

// attach adds the key l to p as its last plotter. The key may then widen
// p one way, g, to make room for itself: by as little as frees a spot,
// found again for the size the plot is drawn at by Render, Save, Show
// and Tiles (and here for the default size, for a caller who draws p
// with gonum/plot itself).
func (l *legend) attach(p *plot.Plot, g growth) {
	p.Add(l)
	w := weak.Make(p)
	keys.Store(w, l)
	runtime.AddCleanup(p, func(w weak.Pointer[plot.Plot]) { keys.CompareAndDelete(w, l) }, w)
	l.grow = g
	if g == growNone {
		return
	}
	a := g.axis(p)
	l.base = [2]float64{a.Min, a.Max}
	l.set = l.base
	l.fit(p, draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(defaultWidth), Y: pixels(defaultHeight)}}})
}

// keys maps each plot made by this package (by a weak pointer, so that
// the map keeps no plot alive) to its key. A key holds no pointer to its
// plot.
var keys sync.Map // weak.Pointer[plot.Plot] → *legend

// fitKey makes room for p's key, if it has one that may widen p, for p
// drawn in c.
func fitKey(p *plot.Plot, c draw.Canvas) {
	if l, ok := keys.Load(weak.Make(p)); ok && l.(*legend).grow != growNone {
		l.(*legend).fit(p, c)
	}
}

// fit sets the far end of the axis of p that the key may move, for p
// drawn in c, to the nearest of the base range widened by 0, 5, 10 …
// 150% of its span (of its decades on a log axis) that leaves the key a
// free spot; if none does, to the one that leaves it the most room. A
// range that the caller changed since the last fit becomes the new base.
func (l *legend) fit(p *plot.Plot, c draw.Canvas) {
	a := l.grow.axis(p)
	if a.Min != l.set[0] || a.Max != l.set[1] {
		l.base = [2]float64{a.Min, a.Max}
	}
	lo, hi := l.base[0], l.base[1]
	_, logScale := a.Scale.(plot.LogScale)
	best, bestGap := hi, vg.Length(math.Inf(-1))
	for i := range 31 {
		f := 0.05 * float64(i)
		a.Min, a.Max = lo, hi+f*(hi-lo)
		if logScale {
			a.Max = hi * math.Pow(hi/lo, f)
		}
		_, gap := l.place(p.DataCanvas(c), p)
		if gap > bestGap {
			best, bestGap = a.Max, gap
		}
		if gap >= vg.Points(1) {
			break
		}
	}
	a.Max = best
	l.set = [2]float64{a.Min, a.Max}
}

// shapeKind says how a shape's points are drawn.
type shapeKind int

const (
	dots       shapeKind = iota // a glyph of radius r at each point
	polyline                    // a line of width 2r through the points
	area                        // a filled polygon
	vertical                    // a line of width 2r at x = xy[0].X, the full height
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
// it is negative where the shape covers part of box.
func (s shape) clearance(box vg.Rectangle, c draw.Canvas, tx, ty func(float64) vg.Length) vg.Length {
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
		gap = max(box.Min.X-x, x-box.Max.X, -1)
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
