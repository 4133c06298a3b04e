package sinenet

import "context"

// Optimizer is what Train and RunPath run: a Stepper, which updates the
// parameters from one gradient at a time (GD, Momentum, Nesterov,
// Adagrad, RMSprop, Adam, AdamW), or a Minimizer, which runs whole-batch
// iterations of its own (LBFGS). One driver serves both, with the same
// promises: the history, the hook, cancellation and divergence.
//
// The semantics follow PyTorch's torch.optim: the same defaults, the same
// placement of eps, the same bias correction and the same Nesterov form, so
// that a run here can be checked number for number against PyTorch.
//
// An optimizer belongs to one run at a time: Train and RunPath return an
// error when it is already in use by another run.
type Optimizer interface {
	// Name is a short label for legends and tables, e.g. "Adam".
	Name() string
	// Validate reports settings that cannot train, such as a learning
	// rate that is not positive, with an error that says how to fix them.
	Validate() error
}

// Stepper is an Optimizer that updates the parameters from one gradient
// at a time. It keeps its state (momentum buffers, moment estimates)
// between calls to Step; Reset clears it. Train calls Reset before it
// starts.
type Stepper interface {
	Optimizer
	// Step updates x in place from the gradient dx of the loss at x.
	// len(x) == len(dx); the first call fixes the length until Reset.
	Step(x, dx []float64)
	// LR returns the current learning rate.
	LR() float64
	// SetLR sets the learning rate; schedules call it before each step.
	SetLR(lr float64)
	// Reset clears the optimizer's state, as if it were new.
	Reset()
}

// Minimizer is an Optimizer that runs whole-batch iterations of its own:
// each may evaluate the loss at several trial points, as a line search
// does.
type Minimizer interface {
	Optimizer
	// Minimize moves x, in place, towards a minimum of f, for at most
	// maxIter iterations. f returns the loss at x and writes its gradient
	// into dx; it must not change x. Minimize calls each, if not nil,
	// at the start (iter 0) and after every iteration, with the point
	// reached and the loss there; x holds that point too. It stops early,
	// keeping x at the last iteration, with an error when ctx is
	// cancelled, when each returns an error (except ErrStop, which stops
	// without one) and when the loss is NaN or infinite at a trial point.
	Minimize(ctx context.Context, f func(x, dx []float64) float64, x []float64, maxIter int,
		each func(iter int, x []float64, f float64) error) error
}
