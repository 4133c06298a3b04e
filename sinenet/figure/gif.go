package figure

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"math"
	"slices"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// PathsGIF animates Paths: frames images (≤ 0 means 60, a smooth
// animation) of w×h pixels (≤ 0 means 600 × 500; at most 8192×8192, as
// for Render) in which the paths grow step by step, the same number of
// steps each frame, shown delay apart in hundredths of a second (≤ 0
// means 5), the last frame held for 2 s.
// The legend stays in one place, clear of the whole paths. Each frame
// after the first holds only what changed. Show it with ShowGIF, or
// write it to a .gif file.
func PathsGIF(s sinenet.Surface, paths []sinenet.Path, frames, w, h, delay int) ([]byte, error) {
	if frames <= 0 {
		frames = 60
	}
	if w <= 0 || h <= 0 {
		w, h = 600, 500
	}
	if delay <= 0 {
		delay = 5
	}
	if err := checkPixels(w, h, "0×0 for 600×500"); err != nil {
		return nil, err
	}
	if err := checkPaths(paths); err != nil {
		return nil, err
	}
	c, err := newContour(s)
	if err != nil {
		return nil, err
	}
	steps := 0
	for _, p := range paths {
		steps = max(steps, p.Len()-1)
	}
	pal := gifPalette(c, paths)
	runs := shared(s, paths)
	bg, err := contourImage(s, c, paths, w, h)
	if err != nil {
		return nil, err
	}
	anim := &gif.GIF{}
	var prev *image.Paletted
	cache := map[color.RGBA]uint8{}
	for f := range frames {
		k := steps
		if frames > 1 {
			k = f * steps / (frames - 1)
		}
		p, err := pathsFrame(s, bg, paths, runs, k)
		if err != nil {
			return nil, err
		}
		p.Title.Text = fmt.Sprintf("%s, step %d", s.Name, k)
		img := vgimg.NewWith(vgimg.UseWH(pixels(w), pixels(h)), vgimg.UseDPI(dpi))
		drawFitted(p, draw.New(img))
		frame := paletted(img.Image(), pal, cache)
		anim.Image = append(anim.Image, changed(prev, frame))
		anim.Disposal = append(anim.Disposal, gif.DisposalNone)
		prev = frame
		anim.Delay = append(anim.Delay, delay)
	}
	anim.Delay[len(anim.Delay)-1] = 200
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// contourImage returns the contours c of s drawn once, as an image the
// size of the data area of a w×h frame of PathsGIF of paths: the frames
// show it instead of drawing the contours again, 3 times faster.
func contourImage(s sinenet.Surface, c *plotter.Contour, paths []sinenet.Path, w, h int) (*plotter.Image, error) {
	p, err := pathsFrame(s, c, paths, nil, 0)
	if err != nil {
		return nil, err
	}
	p.Title.Text = fmt.Sprintf("%s, step %d", s.Name, 0) // the frames' title, for the same layout
	da := p.DataCanvas(draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pixels(w), Y: pixels(h)}}})
	size := da.Size()
	img := vgimg.NewWith(vgimg.UseWH(size.X, size.Y), vgimg.UseDPI(dpi))
	q := plot.New() // only for its axes' ranges, which fill the image
	q.X.Min, q.X.Max, q.Y.Min, q.Y.Max = s.XMin, s.XMax, s.YMin, s.YMax
	c.Plot(draw.New(img), q)
	return plotter.NewImage(img.Image(), s.XMin, s.YMin, s.XMax, s.YMax), nil
}

// paletted returns img in the colours of pal, each pixel the nearest
// colour, looked up once per distinct colour in cache.
func paletted(img image.Image, pal color.Palette, cache map[color.RGBA]uint8) *image.Paletted {
	b := img.Bounds()
	out := image.NewPaletted(b, pal)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			c := color.RGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: uint8(a >> 8)}
			i, ok := cache[c]
			if !ok {
				i = uint8(pal.Index(c))
				cache[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	return out
}

// changed returns the part of frame that differs from prev (all of it when
// prev is nil), with the pixels that did not change in it transparent:
// drawn over the previous frame it makes the same image, and a GIF of such
// frames is several times smaller. The last colour of the palette is the
// transparent one.
func changed(prev, frame *image.Paletted) *image.Paletted {
	if prev == nil {
		return frame
	}
	r := image.Rectangle{}
	b := frame.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if frame.ColorIndexAt(x, y) != prev.ColorIndexAt(x, y) {
				r = r.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	if r.Empty() {
		r = image.Rect(b.Min.X, b.Min.Y, b.Min.X+1, b.Min.Y+1) // a GIF frame cannot be empty
	}
	clear := uint8(len(frame.Palette) - 1)
	d := image.NewPaletted(r, frame.Palette)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			i := frame.ColorIndexAt(x, y)
			if i == prev.ColorIndexAt(x, y) {
				i = clear
			}
			d.SetColorIndex(x, y, i)
		}
	}
	return d
}

// gifPalette returns the colours of a frame of PathsGIF: those of the
// paths, the contours, black and greys, each also faded towards white in
// steps, for the anti-aliased edges, and last a transparent colour (see
// changed). A fixed palette such as Plan 9's would shift the optimizers'
// colours.
func gifPalette(c *plotter.Contour, paths []sinenet.Path) color.Palette {
	base := []color.Color{color.Black, gridColor}
	base = append(base, c.Palette.Colors()...)
	for _, p := range paths {
		base = append(base, OptimizerColor(p.Name))
	}
	pal := color.Palette{color.White}
	const tints = 6
	for _, b := range base {
		r, g, bl, _ := b.RGBA()
		for k := range tints {
			t := float64(k) / tints // 0 is the colour itself
			mix := func(v uint32) uint8 { return uint8(math.Round(float64(v>>8) + t*(255-float64(v>>8)))) }
			c := color.RGBA{R: mix(r), G: mix(g), B: mix(bl), A: 0xff}
			if !slices.Contains(pal, color.Color(c)) && len(pal) < 255 {
				pal = append(pal, c)
			}
		}
	}
	return append(pal, color.RGBA{}) // transparent
}
