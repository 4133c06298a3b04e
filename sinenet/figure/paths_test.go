package figure

import (
	"bytes"
	"image/gif"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// TestSaddleRace checks the two things notebook 4's saddle race needs to
// read: GD's path, which Momentum's runs along at y = 0 and would hide, is
// drawn again dashed on top (shared finds it), and the animation is smooth
// by default (at least 40 frames).
func TestSaddleRace(t *testing.T) {
	s := sinenet.Saddle()
	var paths []sinenet.Path
	for _, opt := range []sinenet.Optimizer{sinenet.NewGD(1e-2), sinenet.NewMomentum(1e-2, 0.9), sinenet.NewRMSprop(1e-2), sinenet.NewAdam(0.1)} { // notebook 4's race
		p, err := sinenet.RunPath(s, opt, 200)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	covered := 0
	for _, r := range shared(s, paths)[0] {
		covered += r[1] - r[0] + 1
	}
	if n := paths[0].Len(); covered < 9*n/10 {
		t.Errorf("%d of GD's %d points are drawn dashed over Momentum's path; GD runs under it along y = 0, so nearly all should be", covered, n)
	}

	b, err := PathsGIF(s, paths, 0, 160, 120, 0)
	if err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Image) < 40 {
		t.Errorf("PathsGIF's default animation has %d frames, want at least 40", len(g.Image))
	}
}
