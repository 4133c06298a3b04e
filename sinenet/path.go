package sinenet

import (
	"context"
	"errors"
	"fmt"
)

// Path is the trajectory of an optimizer on a surface: the start point
// and the point after each step.
type Path struct {
	Name string // the optimizer's name, for legends and colours
	X, Y []float64
}

// Len returns the number of points, one more than the steps taken.
func (p Path) Len() int { return len(p.X) }

// RunPath runs opt for steps steps on s from s.Start and returns the path.
// It resets opt first. A point or value that is not finite stops the run,
// returning the path so far with a *DivergedError. An *LBFGS runs steps
// iterations of its Minimize, and stops sooner when it has converged.
func RunPath(s Surface, opt Optimizer, steps int) (Path, error) {
	if opt == nil {
		return Path{}, errors.New("sinenet: RunPath without an optimizer")
	}
	if err := opt.Validate(); err != nil {
		return Path{}, err
	}
	if steps < 0 {
		return Path{}, fmt.Errorf("sinenet: RunPath for %d steps; use 0 or more", steps)
	}
	if l, ok := opt.(Minimizer); ok {
		return minimizerPath(s, l, steps)
	}
	stepper, ok := opt.(Stepper)
	if !ok {
		return Path{}, fmt.Errorf("sinenet: %s is neither a Stepper nor a Minimizer; give it a Step or a Minimize method", opt.Name())
	}
	stepper.Reset()
	p := Path{Name: opt.Name(), X: make([]float64, 1, steps+1), Y: make([]float64, 1, steps+1)}
	xy := []float64{s.Start[0], s.Start[1]}
	p.X[0], p.Y[0] = xy[0], xy[1]
	g := make([]float64, 2)
	for t := range steps {
		g[0], g[1] = s.Grad(xy[0], xy[1])
		stepper.Step(xy, g)
		if f := s.F(xy[0], xy[1]); !isFinite(f) || !isFinite(xy[0]) || !isFinite(xy[1]) {
			return p, &DivergedError{Step: t + 1, Loss: f, LR: stepper.LR()}
		}
		p.X, p.Y = append(p.X, xy[0]), append(p.Y, xy[1])
	}
	return p, nil
}

// minimizerPath runs a Minimizer on s.
func minimizerPath(s Surface, l Minimizer, steps int) (Path, error) {
	f := func(xy, dxy []float64) float64 {
		dxy[0], dxy[1] = s.Grad(xy[0], xy[1])
		return s.F(xy[0], xy[1])
	}
	p := Path{Name: l.Name()}
	each := func(_ int, xy []float64, _ float64) error {
		p.X, p.Y = append(p.X, xy[0]), append(p.Y, xy[1])
		return nil
	}
	err := l.Minimize(context.Background(), f, []float64{s.Start[0], s.Start[1]}, steps, each)
	return p, err
}
