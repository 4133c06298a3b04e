package sinenet

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PlotPaths draws the contours of s and each optimizer's path over them:
// a line in the optimizer's colour (see OptimizerColor) ending in a dot,
// from the start (a black ring) towards the minimum (a black cross).
// The legend gives each path's final distance to the minimum.
// Paths that leave the range are clipped to it. Show it as PNG: its
// contours make an SVG of a few hundred kilobytes.
func PlotPaths(s Surface, paths ...Path) (*plot.Plot, error) {
	c, err := newContour(s)
	if err != nil {
		return nil, err
	}
	return pathsFrame(s, c, paths, -1)
}

// pathsFrame draws the first k+1 points of each path over the contour c;
// k < 0 draws them whole.
func pathsFrame(s Surface, c *plotter.Contour, paths []Path, k int) (*plot.Plot, error) {
	p := newPlot(s.Name, "x", "y")
	p.Add(c)
	p.X.Padding, p.Y.Padding = 0, 0
	p.Legend.Left = true
	p.Legend.XOffs = vg.Points(6)
	p.Legend.TextStyle.Font.Size = legendSize - 2
	p.Legend.ThumbnailWidth = vg.Points(16)
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
	p.Add(start, target)
	if len(paths) > 0 {
		p.Legend.Add("distance to min:")
	}
	for _, path := range paths {
		n := path.Len()
		if n == 0 {
			return nil, fmt.Errorf("sinenet: the path of %q is empty; make it with RunPath", path.Name)
		}
		if k >= 0 {
			n = min(n, k+1)
		}
		pts := make(plotter.XYs, n)
		for i := range n {
			pts[i] = plotter.XY{X: path.X[i], Y: path.Y[i]}
		}
		col := OptimizerColor(path.Name)
		line, err := plotter.NewLine(pts)
		if err != nil {
			return nil, err
		}
		line.Color, line.Width = col, vg.Points(2)
		end, err := plotter.NewScatter(pts[n-1:])
		if err != nil {
			return nil, err
		}
		end.GlyphStyle = draw.GlyphStyle{Color: col, Radius: vg.Points(4), Shape: draw.CircleGlyph{}}
		p.Add(line, end)
		last := pts[n-1]
		p.Legend.Add(fmt.Sprintf("%s %.2g", path.Name, dist(last.X, last.Y, s.Min)), line, end)
	}
	// The surface's range, whatever the paths' (they are clipped to it).
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = s.XMin, s.XMax, s.YMin, s.YMax
	p.Add(legendBox{p})
	return p, nil
}

// newContour returns the contour lines of s over its range, at levels
// that crowd towards the minimum, where the paths end up.
func newContour(s Surface) (*plotter.Contour, error) {
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

func newSurfaceGrid(s Surface, n int) *surfaceGrid {
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
