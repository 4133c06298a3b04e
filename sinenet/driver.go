package sinenet

import (
	"context"
	"errors"
	"fmt"
	"math"
)

// This file is the one driver that Train and RunPath run every optimizer
// through, after gonum's optimize.Minimize: a Stepper and a Minimizer
// differ only in what they implement, and the driver keeps the same
// promises for both: the loss before every step, a call after every step,
// cancellation, and a *DivergedError that leaves the parameters at the
// last point where the loss was finite.

// problem is what drive runs an optimizer on.
type problem struct {
	// x are the parameters, moved in place, and dx the gradient that f
	// writes.
	x, dx []float64
	// f returns the loss at x and writes its gradient into dx. For a
	// Stepper it may use a new mini-batch at every call.
	f     func() float64
	steps int
	sched Schedule // nil for none
	// record is called with the loss before step t, from 0.
	record func(t int, L float64)
	// after is called after every step, from 1, with x at the new point.
	// An error stops the run and is returned.
	after func(step int) error
	// sharpness, if set, returns the largest eigenvalue of the Hessian
	// of the loss at the point at, for the rate a DivergedError
	// suggests. It leaves x as it is: the data's only way back up from
	// the driver into Sharpness, on the error path alone.
	sharpness func(at []float64) (float64, error)
	x0        []float64 // where the run started
}

// drive runs opt on p and returns the number of steps done. It stops
// early with ctx's error, with after's error, and with a *DivergedError.
func drive(ctx context.Context, opt Optimizer, p problem) (int, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	if i := firstNotFinite(p.x); i >= 0 {
		return 0, &DivergedError{Loss: p.x[i], what: fmt.Sprintf("parameter %d", i), Cause: causeStart, Fix: fixStart}
	}
	switch o := opt.(type) {
	case Stepper:
		return driveSteps(ctx, o, p)
	case Minimizer:
		return driveMinimizer(ctx, o, p)
	}
	return 0, fmt.Errorf("sinenet: %s is neither a Stepper nor a Minimizer; give it a Step or a Minimize method", opt.Name())
}

// driveSteps runs a Stepper: one gradient, one update, per step.
func driveSteps(ctx context.Context, opt Stepper, p problem) (int, error) {
	opt.Reset()
	base := opt.LR()
	prev := make([]float64, len(p.x))
	p.x0 = append([]float64(nil), p.x...)
	for t := range p.steps {
		if err := ctx.Err(); err != nil {
			return t, stopped(t, p.steps, err)
		}
		lr := base
		if p.sched != nil {
			lr = p.sched.LR(base, t)
			if !(lr >= 0) || math.IsInf(lr, 1) {
				return t, fmt.Errorf("sinenet: at step %d the schedule set the learning rate to %g; a rate must be a finite number ≥ 0: check the schedule's settings", t+1, lr)
			}
		}
		L := p.f()
		what, v := "", L
		if i := firstNotFinite(p.dx); i >= 0 && isFinite(L) {
			what, v = fmt.Sprintf("the gradient of parameter %d", i), p.dx[i]
		}
		if !isFinite(v) { // at the point step t led to
			if t > 0 {
				copy(p.x, prev)
			}
			e := divergedStep(opt, p, t, v, base, lr)
			e.what = what
			return t, e
		}
		p.record(t, L)
		copy(prev, p.x)
		opt.Step(p.x, p.dx, lr)
		if i := firstNotFinite(p.x); i >= 0 { // step t+1 itself
			bad := p.x[i]
			copy(p.x, prev)
			e := divergedStep(opt, p, t+1, bad, base, lr)
			e.what = fmt.Sprintf("parameter %d", i)
			return t, e
		}
		if err := p.after(t + 1); err != nil {
			return t + 1, err
		}
	}
	return p.steps, nil
}

// driveMinimizer runs a Minimizer: its iterations are the steps.
func driveMinimizer(ctx context.Context, opt Minimizer, p problem) (int, error) {
	done, evals := 0, 0
	bad, badAt := 0.0, 0 // the first loss that was not finite, and at which evaluation
	f := func(x, dx []float64) float64 {
		copy(p.x, x)
		L := p.f()
		copy(dx, p.dx)
		evals++
		if !isFinite(L) && bad == 0 {
			bad, badAt = L, evals
		}
		return L
	}
	each := func(k int, _ []float64, L float64) error {
		if k > 0 {
			done = k
			if err := p.after(k); err != nil {
				return err
			}
		}
		if k < p.steps {
			p.record(k, L)
		}
		return nil
	}
	err := opt.Minimize(ctx, f, p.x, p.steps, each)
	switch {
	case bad != 0:
		e := &DivergedError{Step: done + 1, Loss: bad,
			Cause: fmt.Sprintf("the loss was %g at a point the line search tried", bad),
			Fix:   "look for huge values in the data or the weights, or train with a Stepper such as Adam"}
		if badAt == 1 {
			e.Step, e.Cause, e.Fix = 0, causeStart, fixStart
		}
		return done, e
	case err == nil:
		return done, nil
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return done, stopped(done, p.steps, ctx.Err())
	}
	return done, err
}

// stopped is the error of a run cancelled after t of n steps.
func stopped(t, n int, err error) error {
	return fmt.Errorf("sinenet: training stopped after %d of %d steps: %w", t, n, err)
}

// firstNotFinite returns the index of the first value of x that is NaN
// or infinite, or -1.
func firstNotFinite(x []float64) int {
	for i, v := range x {
		if !isFinite(v) {
			return i
		}
	}
	return -1
}
