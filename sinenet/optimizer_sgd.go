package sinenet

import (
	"errors"
	"fmt"
)

var _ Stepper = (*SGD)(nil)

// SGD is gradient descent with optional momentum, Nesterov momentum and L2
// weight decay, as PyTorch's torch.optim.SGD. For each parameter x with
// gradient dx, one step is
//
//	d = dx + WeightDecay·x
//	b = d                              on the first step
//	b = Momentum·b + (1-Dampening)·d   on later steps
//	d = d + Momentum·b                 if Nesterov
//	d = b                              otherwise, if Momentum > 0
//	x = x - LR·d
//
// Without momentum and decay it is the question's x = x - LR·dx. Momentum
// is Polyak's heavy ball (1964); the Nesterov form is Sutskever, Martens,
// Dahl and Hinton's (ICML 2013), as PyTorch writes it.
type SGD struct {
	LearningRate float64 // the step size; PyTorch has no default
	Momentum     float64 // the decay of b, in [0, 1); PyTorch's default 0
	Dampening    float64 // in [0, 1]; PyTorch's default 0
	Nesterov     bool    // needs Momentum > 0 and Dampening 0; PyTorch's default false
	WeightDecay  float64 // the L2 term; PyTorch's default 0

	b []float64 // velocity; nil until the first step with momentum
	inRun
}

// NewGD returns plain gradient descent, x = x - lr·dx.
func NewGD(lr float64) *SGD { return &SGD{LearningRate: lr} }

// usualMomentum is the momentum OptimizerByName gives "momentum" and
// "nesterov" (PyTorch has no default; 0.9 is the usual choice).
const usualMomentum = 0.9

// NewMomentum returns gradient descent with heavy-ball momentum mu.
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

func (o *SGD) Step(x, dx []float64, lr float64) {
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
		x[i] -= float64(lr * d)
	}
}

func (o *SGD) LR() float64 { return o.LearningRate }

func (o *SGD) Reset() { o.b = nil }

func (o *SGD) Validate() error {
	err := errors.Join(
		checkLR(o.LearningRate),
		checkBeta(o.Name(), "Momentum", o.Momentum, 0),
		checkDampening(o.Name(), o.Dampening),
		checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0),
	)
	if o.Nesterov && (o.Momentum <= 0 || o.Dampening != 0) {
		err = errors.Join(err, errors.New(fmt.Sprintf("sinenet: Nesterov needs Momentum > 0 and Dampening = 0; try NewNesterov(lr, %g)", usualMomentum)))
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
