package sinenet

import (
	"errors"
	"math"
)

var _ Stepper = (*Adam)(nil)

// Adam keeps running averages of the gradient and of its square, corrects
// both for their start at zero, and steps by their ratio. It is Kingma and
// Ba, "Adam: A Method for Stochastic Optimization" (ICLR 2015); with AMSGrad
// set, it is Reddi, Kale and Kumar, "On the Convergence of Adam and Beyond"
// (ICLR 2018). It follows PyTorch 1.13's torch.optim.Adam, including where
// Eps goes. At step t = 1, 2, …
//
//	g = dx + WeightDecay·x
//	m = Beta1·m + (1-Beta1)·g
//	v = Beta2·v + (1-Beta2)·g²
//	v̂ = max(v̂, v)                     if AMSGrad; v̂ then stands for v below
//	x = x - LR/(1-Beta1ᵗ) · m / (√v/√(1-Beta2ᵗ) + Eps)
//
// WeightDecay here is the L2 form, added to the gradient. For the decoupled
// form use AdamW.
type Adam struct {
	// LearningRate is the step size. PyTorch's default: 1e-3.
	LearningRate float64
	// Beta1 is the decay of the gradient's running average m.
	// PyTorch's default: 0.9.
	Beta1 float64
	// Beta2 is the decay of the squared gradient's running average v.
	// PyTorch's default: 0.999.
	Beta2 float64
	// Eps keeps the division finite. PyTorch's default: 1e-8.
	Eps float64
	// WeightDecay adds WeightDecay·x to the gradient (L2 regularization).
	// PyTorch's default: 0.
	WeightDecay float64
	// AMSGrad divides by the largest v seen so far rather than the current
	// one. PyTorch's default: false.
	AMSGrad bool

	m, v []float64 // running averages of g and g²
	vMax []float64 // largest v so far (AMSGrad only)
	t    int       // steps taken
}

// NewAdam returns Adam with PyTorch's defaults and learning rate lr
// (PyTorch's default is 1e-3).
func NewAdam(lr float64) *Adam {
	return &Adam{LearningRate: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
}

// Name returns "Adam", or "AMSGrad" if AMSGrad is set.
func (o *Adam) Name() string {
	if o.AMSGrad {
		return "AMSGrad"
	}
	return "Adam"
}

// Step updates x in place from its gradient dx.
func (o *Adam) Step(x, dx []float64) {
	checkLen(o.Name(), x, dx)
	o.m = state(o.Name(), o.m, len(x))
	o.v = state(o.Name(), o.v, len(x))
	if o.AMSGrad {
		o.vMax = state(o.Name(), o.vMax, len(x))
	}
	o.t++
	stepSize := o.LearningRate / (1 - math.Pow(o.Beta1, float64(o.t)))
	sqrtBC2 := math.Sqrt(1 - math.Pow(o.Beta2, float64(o.t)))
	for i := range x {
		g := dx[i]
		if o.WeightDecay != 0 {
			g += o.WeightDecay * x[i]
		}
		o.m[i] = o.Beta1*o.m[i] + (1-o.Beta1)*g
		o.v[i] = o.Beta2*o.v[i] + (1-o.Beta2)*(g*g)
		v := o.v[i]
		if o.AMSGrad {
			o.vMax[i] = math.Max(o.vMax[i], v)
			v = o.vMax[i]
		}
		x[i] -= stepSize * (o.m[i] / (math.Sqrt(v)/sqrtBC2 + o.Eps))
	}
}

// LR returns the learning rate.
func (o *Adam) LR() float64 { return o.LearningRate }

// SetLR sets the learning rate.
func (o *Adam) SetLR(lr float64) { o.LearningRate = lr }

// Reset forgets the running averages and the step count.
func (o *Adam) Reset() { o.m, o.v, o.vMax, o.t = nil, nil, nil, 0 }

// Validate reports settings that cannot train.
func (o *Adam) Validate() error {
	return errors.Join(o.validate(o.Name()), checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0))
}

// validate checks the settings Adam and AdamW share, naming the optimizer opt.
func (o *Adam) validate(opt string) error {
	return errors.Join(
		checkLR(o.LearningRate),
		checkBeta(opt, "Beta1", o.Beta1, 0.9),
		checkBeta(opt, "Beta2", o.Beta2, 0.999),
		checkNonNegative(opt, "Eps", o.Eps, 1e-8),
	)
}
