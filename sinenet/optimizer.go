package sinenet

import "context"

// Optimizer is what Train and RunPath run: a Stepper or a Minimizer. The
// package's Steppers match PyTorch's torch.optim number for number.
type Optimizer interface {
	Name() string    // a short label for legends, e.g. "Adam"
	Validate() error // settings that cannot train, and how to fix them
}

// Stepper is an Optimizer that steps from one gradient at a time.
type Stepper interface {
	Optimizer
	// Step updates x in place from the gradient dx of the loss at x with
	// rate lr: LR(), or a Schedule's rate from it, so Train never writes
	// into the optimizer. The first call fixes len(x) until Reset.
	Step(x, dx []float64, lr float64)
	LR() float64 // the LearningRate setting, which an interface cannot read
	Reset()      // clears the state, as if new; Train calls it first
}

// Minimizer is an Optimizer that runs whole-batch iterations of its own,
// each of which may evaluate the loss at several trial points.
type Minimizer interface {
	Optimizer
	// Minimize moves x in place towards a minimum of f (the loss at x,
	// its gradient written into dx) for at most maxIter iterations,
	// calling each, if set, at iteration 0 and after every one. It stops
	// with ctx's error, each's (ErrStop: none) or at a loss not finite.
	Minimize(ctx context.Context, f func(x, dx []float64) float64, x []float64, maxIter int,
		each func(iter int, x []float64, f float64) error) error
}
