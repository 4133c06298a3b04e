package sinenet

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	imgdraw "image/draw"
	"image/gif"
	"math"
	"slices"

	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// PathsGIF animates PlotPaths: frames images of w×h pixels (≤ 0 means
// 600 × 500) in which the paths grow step by step, shown delay apart in
// hundredths of a second (≤ 0 means 8), the last frame held for 2 s.
// Each frame after the first holds only what changed. Show it with
// ShowGIF, or write it to a .gif file.
func PathsGIF(s Surface, paths []Path, frames, w, h, delay int) ([]byte, error) {
	if frames < 1 {
		return nil, errors.New("sinenet: PathsGIF needs at least 1 frame")
	}
	if w <= 0 || h <= 0 {
		w, h = 600, 500
	}
	if delay <= 0 {
		delay = 8
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
	anim := &gif.GIF{}
	var prev *image.Paletted
	for f := range frames {
		k := steps
		if frames > 1 {
			k = f * steps / (frames - 1)
		}
		p, err := pathsFrame(s, c, paths, k)
		if err != nil {
			return nil, err
		}
		p.Title.Text = fmt.Sprintf("%s, step %d", s.Name, k)
		img := vgimg.NewWith(vgimg.UseWH(pixels(w), pixels(h)), vgimg.UseDPI(dpi))
		p.Draw(draw.New(img))
		frame := image.NewPaletted(img.Image().Bounds(), pal)
		imgdraw.Draw(frame, frame.Rect, img.Image(), image.Point{}, imgdraw.Src)
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
func gifPalette(c *plotter.Contour, paths []Path) color.Palette {
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
