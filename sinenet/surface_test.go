package sinenet

import (
	"bytes"
	"errors"
	"image/gif"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// TestSurfaceGrad checks each hand-written gradient against central
// differences on a grid over the surface's range.
func TestSurfaceGrad(t *testing.T) {
	for _, s := range Surfaces() {
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

// pathsFor runs GD and Adam on s with rates that suit it.
func pathsFor(t testing.TB, s Surface, steps int) []Path {
	t.Helper()
	lr := map[string][2]float64{"Rosenbrock": {1e-3, 0.05}, "Beale": {1e-2, 0.1}, "Saddle": {0.05, 0.05}, "Quadratic": {0.075, 0.3}}[s.Name]
	var paths []Path
	for _, opt := range []Optimizer{&testGD{lr: lr[0]}, &testAdam{lr: lr[1]}} {
		p, err := RunPath(s, opt, steps)
		if err != nil {
			t.Fatalf("%s on %s: %v", opt.Name(), s.Name, err)
		}
		if p.Len() != steps+1 || p.X[0] != s.Start[0] || p.Y[0] != s.Start[1] {
			t.Fatalf("%s on %s: %d points from (%g, %g), want %d from %v", opt.Name(), s.Name, p.Len(), p.X[0], p.Y[0], steps+1, s.Start)
		}
		paths = append(paths, p)
	}
	return paths
}

func TestPlotPaths(t *testing.T) {
	for _, s := range Surfaces() {
		t.Run(s.Name, func(t *testing.T) {
			paths := pathsFor(t, s, 300)
			p, err := PlotPaths(s, paths...)
			if err != nil {
				t.Fatal(err)
			}
			if p.X.Min != s.XMin || p.X.Max != s.XMax || p.Y.Min != s.YMin || p.Y.Max != s.YMax {
				t.Errorf("range [%g, %g]×[%g, %g], want the surface's", p.X.Min, p.X.Max, p.Y.Min, p.Y.Max)
			}
			checkTexts(t, p, s.Name, "GD: ", "Adam: ")
			b, err := Render(p, "png", 600, 500)
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, "paths_"+s.Name, b, 600, 500)
		})
	}
}

func TestRunPathDiverges(t *testing.T) {
	p, err := RunPath(Quadratic(), &testGD{lr: 1}, 2000) // lr·25 > 2: y blows up
	var d *DivergedError
	if !errors.As(err, &d) {
		t.Fatalf("err = %v, want a *DivergedError", err)
	}
	if p.Len() != d.Step {
		t.Errorf("path of %d points for a divergence at step %d", p.Len(), d.Step)
	}
}

func TestPathsGIF(t *testing.T) {
	s := Rosenbrock()
	b, err := PathsGIF(s, pathsFor(t, s, 200), 5, 300, 250, 0)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) != 5 || g.Config.Width != 300 || g.Config.Height != 250 {
		t.Errorf("%d frames of %dx%d, want 5 of 300x250", len(g.Image), g.Config.Width, g.Config.Height)
	}
	if *plotDir != "" {
		var buf bytes.Buffer
		if err := png.Encode(&buf, g.Image[2]); err != nil {
			t.Fatal(err)
		}
		checkPNG(t, "paths_gif_frame2", buf.Bytes(), 300, 250)
		if err := os.WriteFile(filepath.Join(*plotDir, "paths.gif"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
