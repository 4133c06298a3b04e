package figure

import (
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// TestPlotErrors checks that what a notebook cell can get wrong is an
// error, not a panic.
func TestPlotErrors(t *testing.T) {
	m := mustNew(t, sinenet.ModelA(1))
	s := sinenet.Quadratic()
	for _, tc := range []struct {
		name string
		err  func() error
	}{
		{"fit of nil", func() error { _, err := Fit(nil, sinenet.Data{}, FitOptions{}); return err }},
		{"fit zoom backwards", func() error { _, err := Fit(m, sinenet.Data{}, FitOptions{XMin: 2, XMax: 1}); return err }},
		{"fit of bad data", func() error { _, err := Fit(m, sinenet.Data{X: []float64{1}}, FitOptions{}); return err }},
		{"loss of empty history", func() error { _, err := Loss(LossOptions{}, &sinenet.History{}); return err }},
		{"units of nil", func() error { _, err := Units(nil, UnitsOptions{}); return err }},
		{"units of layer -1", func() error { _, err := Units(m, UnitsOptions{Layer: -1}); return err }},
		{"preacts x range backwards", func() error { _, err := Preacts(m, sinenet.Data{}, UnitsOptions{XMin: 1, XMax: 1}); return err }},
		{"path without optimizer", func() error { _, err := sinenet.RunPath(s, nil, 10); return err }},
		{"path of -1 steps", func() error { _, err := sinenet.RunPath(s, sinenet.NewGD(0.1), -1); return err }},
		{"path with lr 0", func() error { _, err := sinenet.RunPath(s, sinenet.NewGD(0), 10); return err }},
		{"paths of an empty path", func() error { _, err := Paths(s, sinenet.Path{Name: "GD"}); return err }},
		{"paths of a surface without F", func() error { _, err := Paths(sinenet.Surface{XMax: 1, YMax: 1}); return err }},
		{"render to jpeg", func() error { _, err := Render(NewTiles(1), "jpeg", 0, 0); return err }},
	} {
		if err := tc.err(); err == nil {
			t.Errorf("%s: no error", tc.name)
		} else if !strings.HasPrefix(err.Error(), "sinenet: ") {
			t.Errorf("%s: error %q lacks the package prefix", tc.name, err)
		}
	}
}
