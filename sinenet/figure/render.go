package figure

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"reflect"
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

// maxPixels bounds the pixels of an image that Render or a frame of
// PathsGIF draws, so that a typo such as 40000×40000 gives an error
// instead of exhausting memory (a PNG canvas takes 4 bytes a pixel, so
// this is 256 MB): 8192×8192.
const maxPixels = 8192 * 8192

// checkPixels reports an image of w×h pixels larger than maxPixels;
// zero says how to ask for the default size.
func checkPixels(w, h int, zero string) error {
	if w > maxPixels || h > maxPixels || w*h > maxPixels {
		return fmt.Errorf("sinenet: an image of %d×%d pixels is too large to draw (at most %d pixels); use a size such as 1600×900, or %s", w, h, maxPixels, zero)
	}
	return nil
}

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
// a JupyterLab cell. To save a figure, write the bytes to a file:
// os.WriteFile("fit.svg", b, 0o644).
func Render(d Drawer, format string, w, h int) ([]byte, error) {
	return render(d, format, w, h, png.DefaultCompression)
}

// render is Render with the PNG compression level: the live view draws
// its passing frames fast, and only the last one small.
func render(d Drawer, format string, w, h int, level png.CompressionLevel) ([]byte, error) {
	if v := reflect.ValueOf(d); d == nil || (v.Kind() == reflect.Pointer && v.IsNil()) {
		return nil, errors.New("sinenet: nothing to draw: the plot is nil; check the error returned with it")
	}
	if w <= 0 {
		w = defaultWidth
	}
	if h <= 0 {
		h = defaultHeight
	}
	if err := checkPixels(w, h, "0×0 for 720×450"); err != nil {
		return nil, err
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
