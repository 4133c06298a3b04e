package sinenet

import (
	"errors"
	"fmt"
)

var _ Stepper = (*SGD)(nil)

// SGD is gradient descent with optional momentum, Nesterov momentum and L2
// weight decay. It follows PyTorch's torch.optim.SGD exactly. For each
// parameter x with gradient dx, one step is
//
//	d = dx + WeightDecay·x
//	b = d                              on the first step
//	b = Momentum·b + (1-Dampening)·d   on later steps
//	d = d + Momentum·b                 if Nesterov
//	d = b                              otherwise, if Momentum > 0
//	x = x - LR·d
//
// With Momentum = 0 and WeightDecay = 0 this is plain gradient descent,
// x = x - LR·dx, the optimizer of the original question.
//
// Momentum is Polyak's heavy ball, "Some methods of speeding up the
// convergence of iteration methods" (1964). The Nesterov form is the one of
// Sutskever, Martens, Dahl and Hinton, "On the importance of initialization
// and momentum in deep learning" (ICML 2013), as PyTorch writes it.
type SGD struct {
	// LearningRate is the step size. PyTorch has no default.
	LearningRate float64
	// Momentum is the decay of the velocity b, in [0, 1). PyTorch's
	// default: 0 (none).
	Momentum float64
	// Dampening scales the gradient's share of b, in [0, 1]. PyTorch's
	// default: 0.
	Dampening float64
	// Nesterov evaluates the momentum step one step ahead. It needs
	// Momentum > 0 and Dampening = 0. PyTorch's default: false.
	Nesterov bool
	// WeightDecay adds WeightDecay·x to the gradient (L2 regularization).
	// PyTorch's default: 0.
	WeightDecay float64

	b []float64 // velocity; nil until the first step with momentum
}

// NewGD returns plain gradient descent, x = x - lr·dx.
func NewGD(lr float64) *SGD { return &SGD{LearningRate: lr} }

// NewMomentum returns gradient descent with heavy-ball momentum mu
// (0.9 is the usual choice).
func NewMomentum(lr, mu float64) *SGD { return &SGD{LearningRate: lr, Momentum: mu} }

// NewNesterov returns gradient descent with Nesterov momentum mu.
func NewNesterov(lr, mu float64) *SGD { return &SGD{LearningRate: lr, Momentum: mu, Nesterov: true} }

// Name returns "Nesterov", "Momentum" or "GD", from the settings.
func (o *SGD) Name() string {
	switch {
	case o.Nesterov:
		return nameOf("nesterov")
	case o.Momentum != 0:
		return nameOf("momentum")
	}
	return nameOf("gd")
}

// Step updates x in place from its gradient dx.
func (o *SGD) Step(x, dx []float64) {
	checkLen(o, x, dx)
	mu := o.Momentum
	first := o.b == nil
	if mu != 0 {
		o.b = state(o, o.b, len(x))
	}
	for i := range x {
		d := dx[i]
		if o.WeightDecay != 0 {
			d += float64(o.WeightDecay * x[i])
		}
		if mu != 0 {
			if first {
				o.b[i] = d
			} else {
				o.b[i] = float64(mu*o.b[i]) + float64((1-o.Dampening)*d)
			}
			if o.Nesterov {
				d += float64(mu * o.b[i])
			} else {
				d = o.b[i]
			}
		}
		x[i] -= float64(o.LearningRate * d)
	}
}

// LR returns the learning rate.
func (o *SGD) LR() float64 { return o.LearningRate }

// SetLR sets the learning rate.
func (o *SGD) SetLR(lr float64) { o.LearningRate = lr }

// Reset forgets the velocity.
func (o *SGD) Reset() { o.b = nil }

// Validate reports settings that cannot train.
func (o *SGD) Validate() error {
	err := errors.Join(
		checkLR(o.LearningRate),
		checkBeta(o.Name(), "Momentum", o.Momentum, 0),
		checkDampening(o.Name(), o.Dampening),
		checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0),
	)
	if o.Nesterov && (o.Momentum <= 0 || o.Dampening != 0) {
		err = errors.Join(err, errors.New("sinenet: Nesterov needs Momentum > 0 and Dampening = 0; try NewNesterov(lr, 0.9)"))
	}
	return err
}

// checkDampening reports a Dampening outside [0, 1]: above 1 the gradient
// would push the velocity the wrong way.
func checkDampening(opt string, v float64) error {
	if !(v >= 0 && v <= 1) {
		return fmt.Errorf("sinenet: %s Dampening must be in [0, 1], got %g; PyTorch's default is 0", opt, v)
	}
	return nil
}
