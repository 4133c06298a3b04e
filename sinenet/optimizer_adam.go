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
//
// The zero value of Beta1, Beta2 and Eps means PyTorch's default, so
// &Adam{LearningRate: 1e-2} is PyTorch's Adam(lr=1e-2); set one to Zero
// for an explicit 0.
type Adam struct {
	// LearningRate is the step size. PyTorch's default: 1e-3.
	LearningRate float64
	// Beta1 is the decay of the gradient's running average m, in [0, 1).
	// 0 means PyTorch's default, 0.9.
	Beta1 float64
	// Beta2 is the decay of the squared gradient's running average v, in
	// [0, 1). 0 means PyTorch's default, 0.999.
	Beta2 float64
	// Eps keeps the division finite. 0 means PyTorch's default, 1e-8.
	Eps float64
	// WeightDecay adds WeightDecay·x to the gradient (L2 regularization).
	// PyTorch's default: 0.
	WeightDecay float64
	// AMSGrad divides by the largest v seen so far rather than the current
	// one. PyTorch's default: false.
	AMSGrad bool

	adamCore
}

// NewAdam returns Adam with PyTorch's defaults and learning rate lr
// (PyTorch's default is 1e-3).
func NewAdam(lr float64) *Adam {
	return &Adam{LearningRate: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
}

// Name returns "Adam", or "AMSGrad" if AMSGrad is set.
func (o *Adam) Name() string {
	if o.AMSGrad {
		return nameOf("amsgrad")
	}
	return nameOf("adam")
}

// Step updates x in place from its gradient dx.
func (o *Adam) Step(x, dx []float64) {
	o.step(o, x, dx, o.LearningRate, o.WeightDecay, o.Beta1, o.Beta2, o.Eps, o.AMSGrad)
}

// LR returns the learning rate.
func (o *Adam) LR() float64 { return o.LearningRate }

// SetLR sets the learning rate.
func (o *Adam) SetLR(lr float64) { o.LearningRate = lr }

// Reset forgets the running averages and the step count.
func (o *Adam) Reset() { o.adamCore = adamCore{} }

// Validate reports settings that cannot train.
func (o *Adam) Validate() error {
	return errors.Join(validateAdam(o.Name(), o.LearningRate, o.Beta1, o.Beta2, o.Eps), checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0))
}

// epsilon returns the Eps in force.
func (o *Adam) epsilon() float64 { return orDefault(o.Eps, 1e-8) }

// adamCore is the state and the update that Adam and AdamW share.
type adamCore struct {
	m, v []float64 // running averages of g and g²
	vMax []float64 // largest v so far (AMSGrad only)
	t    int       // steps taken
}

// step is Adam's update of x with gradient dx, the L2 decay l2 added to
// the gradient, and the settings' zero values taken as PyTorch's
// defaults.
func (c *adamCore) step(opt Optimizer, x, dx []float64, lr, l2, beta1, beta2, eps float64, amsgrad bool) {
	checkLen(opt, x, dx)
	beta1, beta2, eps = orDefault(beta1, 0.9), orDefault(beta2, 0.999), orDefault(eps, 1e-8)
	c.m = state(opt, c.m, len(x))
	c.v = state(opt, c.v, len(x))
	if amsgrad {
		c.vMax = state(opt, c.vMax, len(x))
	}
	c.t++
	stepSize := lr / (1 - math.Pow(beta1, float64(c.t)))
	sqrtBC2 := math.Sqrt(1 - math.Pow(beta2, float64(c.t)))
	for i := range x {
		g := dx[i]
		if l2 != 0 {
			g += float64(l2 * x[i])
		}
		c.m[i] = float64(beta1*c.m[i]) + float64((1-beta1)*g)
		c.v[i] = float64(beta2*c.v[i]) + float64((1-beta2)*(g*g))
		v := c.v[i]
		if amsgrad {
			c.vMax[i] = math.Max(c.vMax[i], v)
			v = c.vMax[i]
		}
		x[i] -= float64(stepSize * (c.m[i] / (math.Sqrt(v)/sqrtBC2 + eps)))
	}
}

// validateAdam checks the settings Adam and AdamW share, naming the
// optimizer opt.
func validateAdam(opt string, lr, beta1, beta2, eps float64) error {
	return errors.Join(
		checkLR(lr),
		checkBeta(opt, "Beta1", beta1, 0.9),
		checkBeta(opt, "Beta2", beta2, 0.999),
		checkNonNegative(opt, "Eps", eps, 1e-8),
	)
}
