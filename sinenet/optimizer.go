package sinenet

// Optimizer updates a flat parameter vector from its gradient.
//
// The semantics follow PyTorch's torch.optim: the same defaults, the same
// placement of eps, the same bias correction and the same Nesterov form, so
// that a run here can be checked number for number against PyTorch.
//
// An optimizer keeps its state (momentum buffers, moment estimates) between
// calls to Step; Reset clears it. Train calls Reset before it starts.
type Optimizer interface {
	// Name is a short label for legends and tables, e.g. "Adam".
	Name() string
	// Step updates x in place from the gradient dx of the loss at x.
	// len(x) == len(dx); the first call fixes the length until Reset.
	Step(x, dx []float64)
	// LR returns the current learning rate.
	LR() float64
	// SetLR sets the learning rate; schedules call it before each step.
	SetLR(lr float64)
	// Reset clears the optimizer's state, as if it were new.
	Reset()
	// Validate reports settings that cannot train, such as a learning
	// rate that is not positive, with an error that says how to fix them.
	Validate() error
}
