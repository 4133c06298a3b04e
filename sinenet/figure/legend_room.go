package figure

import (
	"math"
	"runtime"
	"sync"
	"weak"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

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
// found again for the size the plot is drawn at by Render, Show
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

// keyOf returns the key of p, or nil if p has none.
func keyOf(p *plot.Plot) *legend {
	if l, ok := keys.Load(weak.Make(p)); ok {
		return l.(*legend)
	}
	return nil
}

// markTop returns where a vertical mark ends in the data area c, whose
// y transform is ty: at the top of c, or, when the key l raised the top
// of the y-axis to make room for itself, at the top before. A nil l is a
// plot without a key.
func (l *legend) markTop(c draw.Canvas, ty func(float64) vg.Length) vg.Length {
	if l == nil || l.grow != growUp {
		return c.Max.Y
	}
	return min(c.Max.Y, ty(l.base[1]))
}

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
	logScale := isLog(a)
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
