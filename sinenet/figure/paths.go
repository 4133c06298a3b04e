package figure

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Paths draws the contours of s and each optimizer's path over them:
// a line in the optimizer's colour (see OptimizerColor) ending in a dot,
// from the start (a black ring) towards the minimum (a black cross).
// Paths are drawn in the order given; where a later path runs along an
// earlier one, the earlier one is drawn again dashed on top, so that the
// stretch shows both colours. The legend gives each path's final
// distance to the minimum, and sits where it covers no path: on the
// surface, or else in a margin added to its right. Paths are clipped to
// the plot. Show it as PNG: its contours make an SVG of a few hundred
// kilobytes.
func Paths(s sinenet.Surface, paths ...sinenet.Path) (*plot.Plot, error) {
	if err := checkPaths(paths); err != nil {
		return nil, err
	}
	c, err := newContour(s)
	if err != nil {
		return nil, err
	}
	return pathsFrame(s, c, paths, nil, -1)
}

// checkPaths reports a path that cannot be drawn: one with no points,
// with x and y of different lengths, or with a point that is not finite.
func checkPaths(paths []sinenet.Path) error {
	for i, p := range paths {
		if len(p.X) == 0 || len(p.X) != len(p.Y) || firstNotFinite(p.X) >= 0 || firstNotFinite(p.Y) >= 0 {
			return fmt.Errorf("sinenet: path %d (%q) has %d x and %d y values, or one that is NaN or infinite; pass the Path that RunPath returned", i, p.Name, len(p.X), len(p.Y))
		}
	}
	return nil
}

// pathWidth is the width of every path, in points.
const pathWidth = 2.5

// shared returns, for each path, the runs of its steps that a later path
// passes along, within 2% of the surface's range: drawn over it, the
// later path would hide them. Each run is a range [from, to] of point
// indices. Paths draws these runs again dashed on top, so that two
// paths that take the same way show as a line of both colours.
func shared(s sinenet.Surface, paths []sinenet.Path) [][][2]int {
	sx, sy := 1/(s.XMax-s.XMin), 1/(s.YMax-s.YMin)
	at := func(p sinenet.Path, k int) vg.Point {
		return vg.Point{X: vg.Length(p.X[k] * sx), Y: vg.Length(p.Y[k] * sy)}
	}
	near := func(q vg.Point, b sinenet.Path) bool {
		for k := range b.Len() {
			if k > 0 && pointSegment(q, at(b, k-1), at(b, k)) < 0.02 || b.Len() == 1 && pointSegment(q, at(b, 0), at(b, 0)) < 0.02 {
				return true
			}
		}
		return false
	}
	runs := make([][][2]int, len(paths))
	for i, a := range paths {
		from := -1 // the start of the current run
		for k := range a.Len() {
			hidden := false
			for _, b := range paths[i+1:] {
				hidden = hidden || near(at(a, k), b)
			}
			switch {
			case hidden && from < 0:
				from = k
			case !hidden && from >= 0:
				if k-1 > from {
					runs[i] = append(runs[i], [2]int{from, k - 1})
				}
				from = -1
			}
		}
		if from >= 0 && a.Len()-1 > from {
			runs[i] = append(runs[i], [2]int{from, a.Len() - 1})
		}
	}
	return runs
}

// pathsFrame draws the first k+1 points of each path over the contours
// bg (a *plotter.Contour, or an image of one); k < 0 draws them whole.
// runs are the paths' shared runs (nil: work them out). The key keeps clear of the whole paths, so that
// it stays in one place in every frame of an animation.
func pathsFrame(s sinenet.Surface, bg plot.Plotter, paths []sinenet.Path, runs [][][2]int, k int) (*plot.Plot, error) {
	p := newPlot(s.Name, "x", "y")
	p.Add(bg)
	p.X.Padding, p.Y.Padding = 0, 0
	key := &legend{font: legendSize - 2}
	start, err := plotter.NewScatter(plotter.XYs{{X: s.Start[0], Y: s.Start[1]}})
	if err != nil {
		return nil, err
	}
	start.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(5), Shape: draw.RingGlyph{}}
	target, err := plotter.NewScatter(plotter.XYs{{X: s.Min[0], Y: s.Min[1]}})
	if err != nil {
		return nil, err
	}
	target.GlyphStyle = draw.GlyphStyle{Color: color.Black, Radius: vg.Points(6), Shape: crossGlyph{}}
	key.plot(p, start, target)
	if len(paths) > 0 {
		key.add("distance to min:")
	}
	var over []plot.Plotter // drawn over every path: shared runs, then the ends
	var ends []plot.Plotter
	if runs == nil {
		runs = shared(s, paths)
	}
	for i, path := range paths {
		n := path.Len()
		if n == 0 {
			return nil, fmt.Errorf("sinenet: the path of %q is empty; make it with RunPath", path.Name)
		}
		pts := make(plotter.XYs, n)
		for i := range n {
			pts[i] = plotter.XY{X: path.X[i], Y: path.Y[i]}
		}
		col := OptimizerColor(path.Name)
		whole, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		whole.Width = vg.Points(pathWidth)
		key.avoid = append(key.avoid, shapesOf(whole)...)
		if k >= 0 {
			n = min(n, k+1)
		}
		line, err := plotter.NewLine(pts[:n])
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = col, whole.Width
		end, err := plotter.NewScatter(pts[n-1 : n])
		if err != nil {
			return nil, err
		}
		end.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		key.plot(p, line)
		for _, r := range runs[i] {
			if r[0] >= n-1 {
				continue // not yet reached in this frame
			}
			dashed, err := plotter.NewLine(pts[r[0] : min(r[1], n-1)+1])
			if err != nil {
				return nil, err
			}
			dashed.Color, dashed.Width, dashed.Dashes = col, line.Width, []vg.Length{vg.Points(5), vg.Points(5)}
			over = append(over, dashed)
		}
		ends = append(ends, end)
		last := pts[n-1]
		key.add(fmt.Sprintf("%s %.2g", path.Name, math.Hypot(last.X-s.Min[0], last.Y-s.Min[1])), line, end)
	}
	key.plot(p, over...)
	key.plot(p, ends...)
	// The surface's range, whatever the paths' (they are clipped to it).
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = s.XMin, s.XMax, s.YMin, s.YMax
	key.attach(p, growRight)
	return p, nil
}

// newContour returns the contour lines of s over its range, at levels
// that crowd towards the minimum, where the paths end up.
func newContour(s sinenet.Surface) (*plotter.Contour, error) {
	if s.F == nil || !(s.XMin < s.XMax && s.YMin < s.YMax) {
		return nil, fmt.Errorf("sinenet: surface %q needs F and a range with XMin < XMax and YMin < YMax", s.Name)
	}
	g := newSurfaceGrid(s, 160)
	z := slices.Clone(g.z)
	slices.Sort(z)
	var levels []float64
	const n = 16
	for k := 1; k <= n; k++ {
		q := float64(k) / (n + 1)
		v := z[int(q*q*float64(len(z)-1))] // quantiles squared: more levels near the bottom
		if len(levels) == 0 || v > levels[len(levels)-1] {
			levels = append(levels, v)
		}
	}
	pal := contourPalette(len(levels))
	c := plotter.NewContour(g, levels, pal)
	c.LineStyles = []draw.LineStyle{{Width: vg.Points(1)}}
	return c, nil
}

// contourPalette runs from a light blue for the lowest contour to a light
// grey for the highest, pale enough that paths stand out over it.
func contourPalette(n int) palette.Palette {
	lo, hi := [3]float64{0x6b, 0xae, 0xd6}, [3]float64{0xd0, 0xd0, 0xd0}
	p := make(colors, max(n, 2))
	for i := range p {
		t := float64(i) / float64(len(p)-1)
		mix := func(j int) uint8 { return uint8(math.Round(lo[j] + t*(hi[j]-lo[j]))) }
		p[i] = color.NRGBA{R: mix(0), G: mix(1), B: mix(2), A: 0xff}
	}
	return p
}

// colors is a palette.Palette made of a slice.
type colors []color.Color

func (c colors) Colors() []color.Color { return c }

// surfaceGrid holds the values of a surface on an n×n grid; it is a
// plotter.GridXYZ.
type surfaceGrid struct {
	x, y, z []float64 // z[r*len(x)+c] is the value at (x[c], y[r])
}

func newSurfaceGrid(s sinenet.Surface, n int) *surfaceGrid {
	g := &surfaceGrid{x: linspace(s.XMin, s.XMax, n), y: linspace(s.YMin, s.YMax, n)}
	g.z = make([]float64, 0, n*n)
	for _, y := range g.y {
		for _, x := range g.x {
			g.z = append(g.z, s.F(x, y))
		}
	}
	return g
}

func (g *surfaceGrid) Dims() (c, r int)   { return len(g.x), len(g.y) }
func (g *surfaceGrid) Z(c, r int) float64 { return g.z[r*len(g.x)+c] }
func (g *surfaceGrid) X(c int) float64    { return g.x[c] }
func (g *surfaceGrid) Y(r int) float64    { return g.y[r] }
