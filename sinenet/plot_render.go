package sinenet

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// The default image size in pixels, about the width of a JupyterLab cell.
const (
	defaultWidth  = 720
	defaultHeight = 450
)

// dpi is the resolution of rendered images: at 96 dots per inch a pixel
// of a PNG is a pixel in the browser, and an SVG shows at the same size.
const dpi = 96

// Drawer is anything that draws itself on a canvas: a *plot.Plot or a
// *Tiles of plots.
type Drawer interface {
	Draw(c draw.Canvas)
}

// Render draws d into an image of w×h pixels and returns its bytes in
// format "png" or "svg". w or h ≤ 0 means 720 or 450, about the width of
// a JupyterLab cell.
func Render(d Drawer, format string, w, h int) ([]byte, error) {
	return render(d, format, w, h, png.DefaultCompression)
}

// render is Render with the PNG compression level: the live view draws
// its passing frames fast, and only the last one small.
func render(d Drawer, format string, w, h int, level png.CompressionLevel) ([]byte, error) {
	if w <= 0 {
		w = defaultWidth
	}
	if h <= 0 {
		h = defaultHeight
	}
	pw, ph := pixels(w), pixels(h)
	var buf bytes.Buffer
	switch strings.ToLower(format) {
	case "png":
		c := vgimg.NewWith(vgimg.UseWH(pw, ph), vgimg.UseDPI(dpi))
		drawFitted(d, draw.New(c))
		if err := (&png.Encoder{CompressionLevel: level}).Encode(&buf, c.Image()); err != nil {
			return nil, err
		}
	case "svg":
		c := vgsvg.New(pw, ph)
		drawFitted(d, draw.New(c))
		if _, err := c.WriteTo(&buf); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf(`sinenet: cannot render to %q; use "png" or "svg"`, format)
	}
	return buf.Bytes(), nil
}

// Save renders d to the file path, as PNG or SVG by the extension of path
// (".png" or ".svg"), w×h pixels; w or h ≤ 0 means the default size.
func Save(d Drawer, path string, w, h int) error {
	b, err := Render(d, strings.TrimPrefix(filepath.Ext(path), "."), w, h)
	if err != nil {
		return fmt.Errorf("%w (saving %s)", err, path)
	}
	return os.WriteFile(path, b, 0o644)
}

// drawFitted draws d into c, making room for the key of a plot first
// (Tiles does so for each of its plots).
func drawFitted(d Drawer, c draw.Canvas) {
	if p, ok := d.(*plot.Plot); ok {
		fitKey(p, c)
	}
	d.Draw(c)
}

// pixels is the length of n pixels at dpi.
func pixels(n int) vg.Length { return vg.Length(n) * vg.Inch / dpi }
