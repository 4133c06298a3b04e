package figure

import (
	"context"
	"errors"
	"github.com/sinenet/sinenet/internal/mistake"
	"math"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
)

// TestMistakes makes, through the public API, each mistake with a figure
// that issue 12 lists, and wants an error that names the problem and the
// fix (a stable part of its message), and no panic. sinenet's TestMistakes
// has the training's.
func TestMistakes(t *testing.T) {
	ctx := context.Background()
	d := sinenet.NoisySine(200, 1)
	small := func() *sinenet.MLP { return mustNew(t, sinenet.Config{Sizes: []int{1, 8, 1}, Seed: 1}) }
	train := func(m *sinenet.MLP, o sinenet.Options) error { _, err := sinenet.Train(ctx, m, d, o); return err }
	for _, tc := range []struct {
		name string
		run  func() error // returns the error the user sees
		want string       // a stable part of it; "" when run checks it itself
	}{
		{"Fit with act swish", func() error {
			m := small()
			m.Layers[0].Act = "swish"
			_, err := Fit(m, d, FitOptions{})
			return err
		}, `layer 0's Act is "swish", which is not an activation; use one of`},
		{"Render 40000×40000", func() error {
			p, err := Fit(small(), d, FitOptions{})
			if err != nil {
				return err
			}
			_, err = Render(p, "png", 40000, 40000)
			return err
		}, "too large to draw"},
		{"Render of a nil plot", func() error { _, err := Render(nil, "png", 0, 0); return err }, "the plot is nil; check the error returned with it"},
		{"Loss of NaN on a log axis", func() error {
			_, err := Loss(LossOptions{LogY: true}, &sinenet.History{Name: "GD", Loss: []float64{1, 0.5, math.NaN()}})
			return err
		}, "GD has a loss of NaN at step 3, which no axis can draw; plot only the steps before it"},
		{"Fit(nil)", func() error { _, err := Fit(nil, d, FitOptions{}); return err }, "pass the *MLP that sinenet.New returned"},
		{"UnitsOptions{Layer: 7}", func() error { _, err := Units(small(), UnitsOptions{Layer: 7}); return err }, "use 0 for the first hidden layer"},
		{"Fit of NoisySine(-5)", func() error { _, err := Fit(small(), sinenet.NoisySine(-5, 1), FitOptions{}); return err }, "NoisySine(-5, 1) makes no data"},
		{"Preacts of NoisySine(-5)", func() error { _, err := Preacts(small(), sinenet.NoisySine(-5, 1), UnitsOptions{}); return err }, "NoisySine(-5, 1) makes no data"},
		{"Fit of a zero MLP", func() error { _, err := Fit(&sinenet.MLP{}, d, FitOptions{}); return err }, "build a new network with New"},
		{"a flat curve on a log axis (Loss, Sweep, Sharpness)", func() error {
			for _, f := range []func() (*plot.Plot, error){
				func() (*plot.Plot, error) {
					return Loss(LossOptions{LogY: true}, &sinenet.History{Loss: []float64{0.3}})
				},
				func() (*plot.Plot, error) {
					return Loss(LossOptions{LogY: true}, &sinenet.History{Loss: []float64{1, 1}})
				},
				func() (*plot.Plot, error) {
					return Loss(LossOptions{LogY: true}, &sinenet.History{Loss: []float64{0, 0}})
				},
				func() (*plot.Plot, error) { return Sweep(SweepOptions{}, []float64{1e-3}, []float64{0.5}) },
				func() (*plot.Plot, error) {
					return Sharpness("", 0, &sinenet.SharpnessTrack{Steps: []int{0}, Max: []float64{0.5}})
				},
			} {
				p, err := f()
				if err != nil {
					return err
				}
				if _, err := Render(p, "png", 0, 0); err != nil {
					return err
				}
			}
			return errors.New("sinenet: drawn")
		}, "drawn"},
		{"PathsGIF 40000×40000", func() error {
			path, err := sinenet.RunPath(sinenet.Quadratic(), sinenet.NewAdam(0.1), 5)
			if err != nil {
				return err
			}
			_, err = PathsGIF(sinenet.Quadratic(), []sinenet.Path{path}, 2, 40000, 40000, 0)
			return err
		}, "too large to draw"},
		{"the Hook of a nil *LiveView", func() error {
			var view *LiveView
			return train(small(), sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: 2, Hook: view.Hook})
		}, "the Hook of a nil *LiveView; make one first"},
		{"Fit, Units and Preacts of NaN weights", func() error {
			m := small()
			m.Params[0] = math.NaN()
			_, err1 := Fit(m, d, FitOptions{})
			_, err2 := Units(m, UnitsOptions{})
			_, err3 := Preacts(m, d, UnitsOptions{}) // panicked in gonum's histogram
			return errors.Join(err1, err2, err3)
		}, "the network's parameter 0 is NaN, so it has no curve to draw; build it again with New"},
		{"Fit zoomed to -Inf", func() error { _, err := Fit(small(), d, FitOptions{XMin: math.Inf(-1), XMax: 1}); return err }, "use finite XMin < XMax"},
		{"Sweep at lr 0", func() error { _, err := Sweep(SweepOptions{}, []float64{0, 1e-3}, []float64{1, 0.5}); return err }, "x[0] is 0, which a log axis cannot draw"},
		{"Sharpness of a ragged track", func() error {
			_, err := Sharpness("", 0, &sinenet.SharpnessTrack{Steps: []int{0}, Max: []float64{1, 2}})
			return err
		}, "has 1 steps and 2 values"},
		{"Paths and PathsGIF of a ragged path", func() error {
			bad := sinenet.Path{Name: "mine", X: []float64{1, 2}, Y: []float64{1}}
			_, err1 := Paths(sinenet.Quadratic(), bad)
			_, err2 := PathsGIF(sinenet.Quadratic(), []sinenet.Path{bad}, 2, 60, 50, 0)
			return errors.Join(err1, err2)
		}, `path 0 ("mine") has 2 x and 1 y values`},
		{"GradNorms of ragged norms", func() error {
			_, err := GradNorms(&sinenet.GradNorms{Steps: []int{1, 2}, Norms: [][]float64{{1, 2}}})
			return err
		}, "GradNorms has 2 steps and 1 rows of norms"},
	} {
		mistake.Check(t, tc.name, tc.run, tc.want)
	}
}

// mustPlot returns a small plot to save.
func mustPlot(t *testing.T) Drawer {
	p, err := Loss(LossOptions{}, &sinenet.History{Loss: []float64{1, 0.5}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}
