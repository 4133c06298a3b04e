package figure

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	imgdraw "image/draw"
	"image/gif"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// TestSurfaceGrad checks each hand-written gradient against central
// differences on a grid over the surface's range.
func TestSurfaceGrad(t *testing.T) {
	for _, s := range sinenet.Surfaces() {
		worst := 0.0
		for _, x := range linspace(s.XMin, s.XMax, 9) {
			for _, y := range linspace(s.YMin, s.YMax, 9) {
				const h = 1e-6
				dx, dy := s.Grad(x, y)
				nx := (s.F(x+h, y) - s.F(x-h, y)) / (2 * h)
				ny := (s.F(x, y+h) - s.F(x, y-h)) / (2 * h)
				for _, d := range [][2]float64{{dx, nx}, {dy, ny}} {
					worst = math.Max(worst, math.Abs(d[0]-d[1])/math.Max(1, math.Abs(d[1])))
				}
			}
		}
		t.Logf("%s: max|diff| %.2g", s.Name, worst)
		if worst > 1e-5 {
			t.Errorf("%s: gradient off by %.2g", s.Name, worst)
		}
		if dx, dy := s.Grad(s.Min[0], s.Min[1]); !scalar.EqualWithinAbs(dx, 0, 1e-12) || !scalar.EqualWithinAbs(dy, 0, 1e-12) {
			t.Errorf("%s: gradient (%g, %g) at the minimum %v", s.Name, dx, dy, s.Min)
		}
		if !(s.XMin <= s.Start[0] && s.Start[0] <= s.XMax && s.YMin <= s.Start[1] && s.Start[1] <= s.YMax) {
			t.Errorf("%s: start %v outside the range", s.Name, s.Start)
		}
	}
}

// raceLR holds, for each surface, learning rates with which every
// optimizer makes visible progress in raceSteps steps without diverging.
var raceLR = map[string]map[string]float64{
	"Rosenbrock": {"gd": 1e-3, "momentum": 2e-4, "nesterov": 2e-4, "adagrad": 0.5, "rmsprop": 1e-2, "adam": 0.05, "adamw": 0.05, "amsgrad": 0.05},
	"Beale":      {"gd": 1e-2, "momentum": 1e-3, "nesterov": 1e-3, "adagrad": 0.5, "rmsprop": 1e-2, "adam": 0.05, "adamw": 0.05, "amsgrad": 0.05},
	"Saddle":     {"gd": 0.05, "momentum": 0.01, "nesterov": 0.01, "adagrad": 0.5, "rmsprop": 1e-2, "adam": 0.05, "adamw": 0.05, "amsgrad": 0.05},
	"Quadratic":  {"gd": 0.075, "momentum": 0.02, "nesterov": 0.02, "adagrad": 1, "rmsprop": 0.05, "adam": 0.3, "adamw": 0.3, "amsgrad": 0.3},
}

const raceSteps = 300

// race runs every optimizer on s.
func race(t testing.TB, s sinenet.Surface, steps int) []sinenet.Path {
	t.Helper()
	var paths []sinenet.Path
	for _, name := range sinenet.OptimizerNames() {
		opt, err := sinenet.OptimizerByName(name, raceLR[s.Name][name])
		if err != nil {
			t.Fatal(err)
		}
		p, err := sinenet.RunPath(s, opt, steps)
		if err != nil {
			t.Fatalf("%s on %s: %v", opt.Name(), s.Name, err)
		}
		if _, lbfgs := opt.(*sinenet.LBFGS); !lbfgs && p.Len() != steps+1 || p.X[0] != s.Start[0] || p.Y[0] != s.Start[1] {
			t.Fatalf("%s on %s: %d points from (%g, %g), want %d from %v", opt.Name(), s.Name, p.Len(), p.X[0], p.Y[0], steps+1, s.Start)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestPlotPaths(t *testing.T) {
	for _, s := range sinenet.Surfaces() {
		t.Run(s.Name, func(t *testing.T) {
			paths := race(t, s, raceSteps)
			p, err := Paths(s, paths...)
			if err != nil {
				t.Fatal(err)
			}
			// The surface's range, with a margin on the right if the key
			// finds no room on the surface.
			if p.X.Min != s.XMin || p.X.Max < s.XMax || p.X.Max > s.XMax+1.5*(s.XMax-s.XMin) || p.Y.Min != s.YMin || p.Y.Max != s.YMax {
				t.Errorf("range [%g, %g]×[%g, %g], want the surface's", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
			}
			checkTexts(t, p, s.Name, "distance to min:", "GD ", "Momentum ", "Nesterov ", "Adagrad ", "RMSprop ", "Adam ", "AdamW ", "AMSGrad ", "L-BFGS ")
			b, err := Render(p, "png", 600, 500)
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, "paths_"+s.Name, b, 600, 500)
		})
	}
}

func TestRunPathDiverges(t *testing.T) {
	p, err := sinenet.RunPath(sinenet.Quadratic(), sinenet.NewGD(1), 2000) // lr·25 > 2: y blows up
	var d *sinenet.DivergedError
	if !errors.As(err, &d) {
		t.Fatalf("err = %v, want a *DivergedError", err)
	}
	if p.Len() != d.Step {
		t.Errorf("path of %d points for a divergence at step %d", p.Len(), d.Step)
	}
}

// TestRunPathMinimizerPoints checks that RunPath's path of L-BFGS is the
// points its Minimize reports, one per iteration, taken from the point
// the driver is handed rather than found again by comparing losses.
func TestRunPathMinimizerPoints(t *testing.T) {
	s := sinenet.Rosenbrock()
	var want [][2]float64
	x := []float64{s.Start[0], s.Start[1]}
	f := func(x, dx []float64) float64 {
		dx[0], dx[1] = s.Grad(x[0], x[1])
		return s.F(x[0], x[1])
	}
	err := (&sinenet.LBFGS{}).Minimize(context.Background(), f, x, 30, func(_ int, x []float64, _ float64) error {
		want = append(want, [2]float64{x[0], x[1]})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	p, err := sinenet.RunPath(s, &sinenet.LBFGS{}, 30)
	if err != nil {
		t.Fatal(err)
	}
	if p.Len() != len(want) || len(want) < 10 {
		t.Fatalf("path of %d points; Minimize reported %d", p.Len(), len(want))
	}
	for i, w := range want {
		if p.X[i] != w[0] || p.Y[i] != w[1] {
			t.Errorf("point %d is (%g, %g); Minimize reported %v", i, p.X[i], p.Y[i], w)
		}
	}
}

func TestPathsGIF(t *testing.T) {
	s := sinenet.Rosenbrock()
	b, err := PathsGIF(s, race(t, s, 200), 5, 400, 330, 0)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 5 || g.Config.Width != 400 || g.Config.Height != 330 {
		t.Errorf("%d frames of %dx%d, want 5 of 400x330", len(g.Image), g.Config.Width, g.Config.Height)
	}
	if *plotDir != "" { // frame 2 as it shows, drawn over frames 0 and 1
		canvas := image.NewPaletted(g.Image[0].Rect, g.Image[0].Palette)
		for _, frame := range g.Image[:3] {
			imgdraw.Draw(canvas, frame.Rect, frame, frame.Rect.Min, imgdraw.Over)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, canvas); err != nil {
			t.Fatal(err)
		}
		checkPNG(t, "paths_gif_frame2", buf.Bytes(), 400, 330)
		if err := os.WriteFile(filepath.Join(*plotDir, "paths.gif"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPathsGIFFrames checks that the frames, each drawn over the one
// before, make the same images as the whole frames drawn afresh.
func TestPathsGIFFrames(t *testing.T) {
	s := sinenet.Quadratic()
	paths := race(t, s, 40)[:2]
	b, err := PathsGIF(s, paths, 3, 200, 160, 0)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	c, err := newContour(s)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := contourImage(s, c, paths, 200, 160)
	if err != nil {
		t.Fatal(err)
	}
	canvas := image.NewPaletted(image.Rect(0, 0, 200, 160), g.Image[0].Palette)
	for f, frame := range g.Image {
		imgdraw.Draw(canvas, frame.Rect, frame, frame.Rect.Min, imgdraw.Over)
		p, err := pathsFrame(s, bg, paths, nil, f*40/2)
		if err != nil {
			t.Fatal(err)
		}
		p.Title.Text = fmt.Sprintf("%s, step %d", s.Name, f*40/2)
		img := vgimg.NewWith(vgimg.UseWH(pixels(200), pixels(160)), vgimg.UseDPI(dpi))
		drawFitted(p, draw.New(img))
		want := paletted(img.Image(), canvas.Palette, map[color.RGBA]uint8{})
		if !bytes.Equal(canvas.Pix, want.Pix) {
			t.Errorf("frame %d (%v) does not add up to the whole image", f, frame.Rect)
		}
	}
}
