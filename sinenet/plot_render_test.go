package sinenet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSave(t *testing.T) {
	p, err := PlotLoss(LossOptions{}, &History{Name: "GD", Loss: []float64{3, 2, 1}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		file string
		w, h int
		ok   bool
	}{
		{"loss.png", 0, 0, true},
		{"loss.PNG", 500, 300, true},
		{"loss.svg", 400, 250, true},
		{"loss.pdf", 0, 0, false},
		{"loss", 0, 0, false},
	} {
		path := filepath.Join(dir, tc.file)
		err := Save(p, path, tc.w, tc.h)
		if (err == nil) != tc.ok {
			t.Errorf("Save(%s): error %v, want ok=%t", tc.file, err, tc.ok)
			continue
		}
		if !tc.ok {
			continue
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		w, h := tc.w, tc.h
		if w == 0 {
			w, h = defaultWidth, defaultHeight
		}
		if filepath.Ext(tc.file) == ".svg" {
			checkSVG(t, b, w, h)
		} else {
			checkPNG(t, "save", b, w, h)
		}
	}
}

// TestPlotErrors checks that what a notebook cell can get wrong is an
// error, not a panic.
func TestPlotErrors(t *testing.T) {
	m := mustNew(t, ModelA(1))
	wide := build(Config{Sizes: []int{2, 3, 1}}) // New refuses it; the plots must too
	s := Quadratic()
	for _, tc := range []struct {
		name string
		err  func() error
	}{
		{"fit of nil", func() error { _, err := PlotFit(nil, Data{}, FitOptions{}); return err }},
		{"fit of 2 inputs", func() error { _, err := PlotFit(wide, Data{}, FitOptions{}); return err }},
		{"fit zoom backwards", func() error { _, err := PlotFit(m, Data{}, FitOptions{XMin: 2, XMax: 1}); return err }},
		{"fit of bad data", func() error { _, err := PlotFit(m, Data{X: []float64{1}}, FitOptions{}); return err }},
		{"loss of empty history", func() error { _, err := PlotLoss(LossOptions{}, &History{}); return err }},
		{"units of nil", func() error { _, err := PlotUnits(nil, UnitsOptions{}); return err }},
		{"units of 2 inputs", func() error { _, err := PlotUnits(wide, UnitsOptions{}); return err }},
		{"units of layer -1", func() error { _, err := PlotUnits(m, UnitsOptions{Layer: -1}); return err }},
		{"preacts x range backwards", func() error { _, err := PlotPreacts(m, Data{}, UnitsOptions{XMin: 1, XMax: 1}); return err }},
		{"path without optimizer", func() error { _, err := RunPath(s, nil, 10); return err }},
		{"path of -1 steps", func() error { _, err := RunPath(s, NewGD(0.1), -1); return err }},
		{"path with lr 0", func() error { _, err := RunPath(s, NewGD(0), 10); return err }},
		{"paths of an empty path", func() error { _, err := PlotPaths(s, Path{Name: "GD"}); return err }},
		{"paths of a surface without F", func() error { _, err := PlotPaths(Surface{XMax: 1, YMax: 1}); return err }},
		{"GIF of 0 frames", func() error { _, err := PathsGIF(s, nil, 0, 0, 0, 0); return err }},
		{"render to jpeg", func() error { _, err := Render(NewTiles(1), "jpeg", 0, 0); return err }},
	} {
		if err := tc.err(); err == nil {
			t.Errorf("%s: no error", tc.name)
		} else if !strings.HasPrefix(err.Error(), "sinenet: ") {
			t.Errorf("%s: error %q lacks the package prefix", tc.name, err)
		}
	}
}
