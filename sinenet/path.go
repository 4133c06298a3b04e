package sinenet

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// Path is an optimizer's trajectory: the start and the point after each step.
type Path struct {
	Name string // the optimizer's name, for legends and colours
	X, Y []float64
}

func (p Path) Len() int { return len(p.X) }

// RunPath runs opt on s from s.Start through Train's driver for steps
// steps and returns the path, up to a point not finite (*DivergedError).
func RunPath(s Surface, opt Optimizer, steps int) (Path, error) {
	if opt == nil {
		return Path{}, errors.New("sinenet: RunPath got no optimizer; pass one, e.g. sinenet.NewAdam(0.1)")
	}
	if err := checkOptimizer(opt, "RunPath's optimizer", "sinenet.NewAdam(0.1)"); err != nil {
		return Path{}, err
	}
	if steps < 0 {
		return Path{}, fmt.Errorf("sinenet: RunPath for %d steps; use 0 or more", steps)
	}
	if s.F == nil || s.Grad == nil {
		return Path{}, fmt.Errorf("sinenet: the surface %q has no F or no Grad; use one of Rosenbrock(), Beale(), Saddle(), Quadratic(), or set both", s.Name)
	}
	release, err := claimOptimizer(opt)
	if err != nil {
		return Path{}, err
	}
	defer release()

	path := Path{Name: opt.Name(), X: make([]float64, 1, prealloc(steps)+1), Y: make([]float64, 1, prealloc(steps)+1)}
	xy, g := []float64{s.Start[0], s.Start[1]}, make([]float64, 2)
	path.X[0], path.Y[0] = xy[0], xy[1]
	p := problem{
		x: xy, dx: g,
		f: func() float64 {
			g[0], g[1] = s.Grad(xy[0], xy[1])
			return s.F(xy[0], xy[1])
		},
		steps:  steps,
		record: func(int, float64) {},
		after: func(int) error {
			path.X, path.Y = append(path.X, xy[0]), append(path.Y, xy[1])
			return nil
		},
		sharpness: func(at []float64) (float64, error) { return surfaceSharpness(s, at[0], at[1]), nil },
	}
	_, err = drive(context.Background(), opt, p)
	if e, ok := err.(*DivergedError); ok && path.Len() > max(e.Step, 1) {
		// Keep the points up to the one the run was restored to.
		path.X, path.Y = path.X[:max(e.Step, 1)], path.Y[:max(e.Step, 1)]
	}
	return path, err
}

// surfaceSharpness returns the largest eigenvalue of the Hessian of s at
// (x, y), from central differences of its gradient.
func surfaceSharpness(s Surface, x, y float64) float64 {
	h := 1e-5 * max(1, math.Abs(x), math.Abs(y))
	xp, yp := s.Grad(x+h, y)
	xm, ym := s.Grad(x-h, y)
	a, b1 := (xp-xm)/(2*h), (yp-ym)/(2*h)
	xp, yp = s.Grad(x, y+h)
	xm, ym = s.Grad(x, y-h)
	b2, c := (xp-xm)/(2*h), (yp-ym)/(2*h)
	b := (b1 + b2) / 2
	// The larger root of λ² - (a+c)λ + ac - b² = 0.
	mid, r := (a+c)/2, (a-c)/2
	return mid + math.Hypot(r, b)
}
