package sinenet

import (
	"context"
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
)

// LBFGS's line search looks for a step α that meets the strong Wolfe
// conditions, with c₁ = 1e-4 and c₂ = 0.9:
//
//	f(x + αd) ≤ f(x) + c₁·α·dxᵀd      (enough decrease)
//	|dx(x + αd)ᵀd| ≤ c₂·|dxᵀd|         (enough flattening)
//
// How this LBFGS compares with PyTorch's torch.optim.LBFGS, in detail
// (the doc comment of LBFGS sums it up):
//
//   - PyTorch by default has no line search. It steps by lr (default 1)
//     along d, except the first step, min(1, 1/‖dx‖₁)·lr. With
//     line_search_fn="strong_wolfe" it searches by cubic interpolation for
//     the same conditions, with the same c₁ and c₂.
//   - Here every iteration runs Moré and Thuente's line search ("Line search
//     algorithms with guaranteed sufficient decrease", ACM TOMS 20, 1994),
//     trying step 1 first (1/‖dx‖₂ on the first iteration). Each trial
//     costs one evaluation of the loss and its gradient, so an iteration
//     costs one or more evaluations.
//   - PyTorch skips the update of H when yᵀs ≤ 1e-10; the Wolfe steps here
//     keep yᵀs > 0.
//   - PyTorch's step() runs at most max_iter = 20 iterations per call,
//     remembers history_size = 100 steps and stops when max|dx| ≤ 1e-7 or
//     the loss or step changes by less than 1e-9. Minimize runs maxIter
//     iterations in one call, remembers HistorySize = 10 steps and stops
//     when max|dx| < GradTol = 1e-7, when the loss has not fallen by more
//     than 1e-10 in 100 iterations (gonum's default), or when a line
//     search cannot move x any more in float64.

// LBFGS is the limited-memory BFGS method of Liu and Nocedal (Mathematical
// Programming 45, 1989), as gonum's optimize implements it: a Minimizer,
// run over the full batch. From the last HistorySize steps s = x_{k+1} - x_k
// and gradient changes y = dx_{k+1} - dx_k it models the inverse Hessian H
// (the two-loop recursion, from H₀ = sᵀy/yᵀy·I) and moves along d = -H·dx by
// a step that meets the strong Wolfe conditions (c₁ = 1e-4, c₂ = 0.9),
// found by Moré and Thuente's line search. PyTorch's torch.optim.LBFGS takes
// the same direction but by default steps by lr without a line search, so
// the two differ (lbfgs.go has the details).
type LBFGS struct {
	HistorySize int     // steps kept (history_size); 0 means 10, PyTorch's 100
	GradTol     float64 // stop once max|dx| < GradTol (tolerance_grad); 0 means 1e-7
}

// The defaults of LBFGS's settings.
const (
	lbfgsHistorySize = 10
	lbfgsGradTol     = 1e-7
)

var _ Minimizer = (*LBFGS)(nil)

func (l *LBFGS) Name() string { return nameOf("lbfgs") }

func (l *LBFGS) Validate() error {
	switch {
	case l.HistorySize < 0:
		return fmt.Errorf("sinenet: L-BFGS HistorySize is %d; use a number ≥ 1, or 0 for the default %d", l.HistorySize, lbfgsHistorySize)
	case !(l.GradTol >= 0) || math.IsInf(l.GradTol, 1):
		return fmt.Errorf("sinenet: L-BFGS GradTol is %g; use a number ≥ 0, or 0 for the default %g", l.GradTol, lbfgsGradTol)
	}
	return nil
}

// Minimize is as Minimizer says, and also stops, without an error, once
// max|dx| < GradTol, when the loss has not fallen by 1e-10 in 100
// iterations, when the line search cannot move x, and after 20·(maxIter+1)
// evaluations.
func (l *LBFGS) Minimize(ctx context.Context, f func(x, dx []float64) float64, x []float64, maxIter int, each func(iter int, x []float64, f float64) error) error {
	switch {
	case len(x) == 0:
		return errors.New("sinenet: L-BFGS needs at least one parameter")
	case maxIter < 0:
		return fmt.Errorf("sinenet: L-BFGS maxIter is %d; use a number ≥ 0", maxIter)
	}
	if err := l.Validate(); err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	store, gradTol := l.HistorySize, l.GradTol
	if store == 0 {
		store = lbfgsHistorySize
	}
	if gradTol == 0 {
		gradTol = lbfgsGradTol
	}

	ev := newEvalCache(f, len(x))
	rec := &iterRecorder{each: each, x: x}
	problem := optimize.Problem{
		Func: ev.f,
		Grad: ev.grad,
		Status: func() (optimize.Status, error) {
			if ev.err != nil {
				return optimize.Failure, ev.err
			}
			return optimize.NotTerminated, ctx.Err()
		},
	}
	settings := &optimize.Settings{
		GradientThreshold: gradTol,
		MajorIterations:   maxIter + 1, // gonum counts the start as one
		FuncEvaluations:   maxEvalsPerIter * (maxIter + 1),
		Recorder:          rec,
	}
	method := &optimize.LBFGS{
		Store:        store,
		Linesearcher: &optimize.MoreThuente{DecreaseFactor: 1e-4, CurvatureFactor: 0.9},
	}
	res, err := optimize.Minimize(problem, x, settings, method)
	if res != nil && res.MajorIterations > 0 { // else res.X is not a point of the run
		copy(x, res.X)
		if res.MajorIterations > rec.n {
			// gonum does not record the iteration that ends the run.
			err = errors.Join(err, rec.Record(&res.Location, optimize.MajorIteration, nil))
		}
	}
	if errors.Is(err, ErrStop) || errors.Is(err, optimize.ErrNoProgress) {
		err = nil // ErrNoProgress: x cannot improve in float64, a minimum
	}
	if err != nil {
		err = fmt.Errorf("sinenet: L-BFGS stopped after %d iterations: %w", max(rec.n-1, 0), err)
	}
	return err
}

// maxEvalsPerIter bounds the evaluations of the loss, on average per
// iteration, as a guard against a line search that cannot finish. A
// Moré–Thuente search usually needs one or two.
const maxEvalsPerIter = 20

// evalCache serves gonum's separate Func and Grad calls from one call of f
// per point, since f computes both at once. It also turns a loss that is
// NaN or infinite into an error, which stops the run: gonum's line search
// would otherwise never finish.
type evalCache struct {
	fn    func(x, dx []float64) float64
	x, dx []float64 // the last point and its gradient
	v     float64   // the loss there
	ok    bool      // x, dx and v hold an evaluation
	err   error     // set when the loss was not finite
}

func newEvalCache(f func(x, dx []float64) float64, n int) *evalCache {
	return &evalCache{fn: f, x: make([]float64, n), dx: make([]float64, n)}
}

func (c *evalCache) eval(x []float64) {
	if c.ok && floats.Equal(x, c.x) {
		return
	}
	copy(c.x, x)
	c.v = c.fn(c.x, c.dx)
	c.ok = true
	if !isFinite(c.v) && c.err == nil {
		c.err = fmt.Errorf("the loss became %g; look for NaN or huge values in the data or the starting weights", c.v)
	}
}

func (c *evalCache) f(x []float64) float64 {
	c.eval(x)
	return c.v
}

func (c *evalCache) grad(dx, x []float64) {
	c.eval(x)
	copy(dx, c.dx)
}

// iterRecorder is a gonum optimize.Recorder that passes every major
// iteration's point and loss to each.
type iterRecorder struct {
	each func(iter int, x []float64, f float64) error
	x    []float64 // the caller's x, set to each point reported
	n    int       // iterations recorded, the start included
}

func (r *iterRecorder) Init() error { return nil }

func (r *iterRecorder) Record(loc *optimize.Location, op optimize.Operation, _ *optimize.Stats) error {
	if op != optimize.MajorIteration {
		return nil
	}
	r.n++
	copy(r.x, loc.X)
	if r.each == nil {
		return nil
	}
	return r.each(r.n-1, r.x, loc.F)
}
