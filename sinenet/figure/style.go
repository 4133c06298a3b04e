package figure

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Font sizes of every plot, in points. At the 96 dpi of Render a point is
// 4/3 of a pixel, so titles are 20 px high: readable in a JupyterLab cell
// without zooming.
const (
	titleSize  = 15
	labelSize  = 14 // axis titles
	tickSize   = 12
	legendSize = 13
)

// fallbackColors colour names that the optimizers registry does not know.
var fallbackColors = []color.RGBA{
	rgb(0x7f7f7f), rgb(0xbcbd22), rgb(0x393b79), rgb(0x637939),
	rgb(0x8c6d31), rgb(0x843c39), rgb(0x7b4173), rgb(0x3182bd),
}

// Colours of the parts of a plot that are not an optimizer.
var (
	dataColor  = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0x70} // light, translucent grey dots
	trueColor  = color.Black                                     // the true curve, dashed
	modelColor = rgb(0xd62728)                                   // a fit with no optimizer name
	gridColor  = rgb(0xe4e4e4)
)

// sans is the sans-serif font of the given size in points: plainer than
// gonum/plot's default serif on a screen.
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

// dashes holds the dash patterns that tell apart lines of the same colour.
var dashes = [][]vg.Length{nil, {vg.Points(6), vg.Points(3)}, {vg.Points(2), vg.Points(2)}, {vg.Points(8), vg.Points(3), vg.Points(2), vg.Points(3)}}

func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}

// light returns c faded towards white, with alpha a (0–255).
func light(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}

// newPlot returns a plot with the package's font sizes, a light grid and
// the given title and axis labels.
func newPlot(title, xlabel, ylabel string) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font = sans(titleSize)
	p.Title.Padding = vg.Points(6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = sans(labelSize)
		a.Tick.Label.Font = sans(tickSize)
		a.Tick.Marker = niceTicks{}
		a.Padding = vg.Points(2)
	}
	p.X.Label.Text, p.Y.Label.Text = xlabel, ylabel
	p.Legend.TextStyle.Font = sans(legendSize)
	p.Legend.Top = true
	p.Legend.ThumbnailWidth = vg.Points(24)
	p.Legend.Padding = vg.Points(2)
	p.Legend.XOffs, p.Legend.YOffs = -vg.Points(6), -vg.Points(4)
	g := plotter.NewGrid()
	g.Vertical.Color, g.Horizontal.Color = gridColor, gridColor
	p.Add(g)
	return p
}

// shade returns c darker (f < 0, towards black by -f) or lighter
// (f > 0, towards white by f): the same colour family.
func shade(c color.Color, f float64) color.RGBA {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 {
		x := float64(v >> 8)
		if f < 0 {
			return uint8(math.Round(x * (1 + f)))
		}
		return uint8(math.Round(x + f*(255-x)))
	}
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 0xff}
}

// barGlyph is a short vertical bar, for a rug of positions.
type barGlyph struct{}

func (barGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	ls := draw.LineStyle{Color: sty.Color, Width: vg.Points(1)}
	c.StrokeLine2(ls, pt.X, pt.Y-sty.Radius, pt.X, pt.Y+sty.Radius)
}

// crossGlyph is a bold ×, to mark a minimum.
type crossGlyph struct{}

func (crossGlyph) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	ls, r := draw.LineStyle{Color: sty.Color, Width: vg.Points(2.5)}, sty.Radius
	c.StrokeLine2(ls, pt.X-r, pt.Y-r, pt.X+r, pt.Y+r)
	c.StrokeLine2(ls, pt.X-r, pt.Y+r, pt.X+r, pt.Y-r)
}
