package figure

import (
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
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
	area    vg.Rectangle // the data area it was drawn in

	marks int        // the marks drawn so far (see addMarks)
	grow  growth     // which way the key may widen the plot
	base  [2]float64 // the range of that axis before
	set   [2]float64 // and after the last fit
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
	top := l.markTop(c, ty)
	var best layout
	bestGap := vg.Length(math.Inf(-1))
	for _, lay := range l.layouts(c) {
		gap := vg.Length(math.Inf(1))
		for _, s := range l.avoid {
			gap = min(gap, s.clearance(lay.box, c, tx, ty, top))
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
	if len(l.entries) == 0 {
		return
	}
	lay, _ := l.place(c, p)
	box := lay.box
	l.box, l.area = box, c.Rectangle
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
