package sinenet

import (
	"os"
	"path/filepath"
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
			w, h = DefaultWidth, DefaultHeight
		}
		if filepath.Ext(tc.file) == ".svg" {
			checkSVG(t, b, w, h)
		} else {
			checkPNG(t, "save", b, w, h)
		}
	}
}
