package sinenet

import (
	"errors"
	"math"
)

var _ Stepper = (*Adam)(nil)

// Adam steps by the ratio of running averages of the gradient and its
// square, corrected for their start at zero: Kingma and Ba, "Adam: A Method
// for Stochastic Optimization" (ICLR 2015), with AMSGrad Reddi, Kale and
// Kumar's (ICLR 2018), as PyTorch 1.13's torch.optim.Adam, Eps included.
// At step t = 1, 2, …
//
//	g = dx + WeightDecay·x
//	m = Beta1·m + (1-Beta1)·g
//	v = Beta2·v + (1-Beta2)·g²
//	v̂ = max(v̂, v)                     if AMSGrad; v̂ then stands for v below
//	x = x - LR/(1-Beta1ᵗ) · m / (√v/√(1-Beta2ᵗ) + Eps)
//
// WeightDecay is L2, added to the gradient (AdamW decouples it). A zero
// Beta1, Beta2 or Eps means PyTorch's default; ExplicitZero asks for 0.
type Adam struct {
	LearningRate float64 // the step size; PyTorch's default 1e-3
	Beta1        float64 // the decay of m, in [0, 1); 0 means 0.9
	Beta2        float64 // the decay of v, in [0, 1); 0 means 0.999
	Eps          float64 // keeps the division finite; 0 means 1e-8
	WeightDecay  float64 // the L2 term; PyTorch's default 0
	AMSGrad      bool    // divide by the largest v so far; PyTorch's default false

	adamCore
	inRun
}

// PyTorch's defaults for Adam and AdamW, which a zero setting means.
const (
	adamBeta1 = 0.9
	adamBeta2 = 0.999
	adamEps   = 1e-8
)

// NewAdam returns &Adam{LearningRate: lr}: PyTorch's Adam(lr=lr).
func NewAdam(lr float64) *Adam { return &Adam{LearningRate: lr} }

// Name returns "Adam", or "AMSGrad" if AMSGrad is set.
func (o *Adam) Name() string {
	if o.AMSGrad {
		return nameOf("amsgrad")
	}
	return nameOf("adam")
}

func (o *Adam) Step(x, dx []float64, lr float64) {
	o.step(o, x, dx, lr, o.WeightDecay, o.Beta1, o.Beta2, o.Eps, o.AMSGrad)
}

func (o *Adam) LR() float64 { return o.LearningRate }

func (o *Adam) Reset() { o.adamCore = adamCore{} }

func (o *Adam) Validate() error {
	return errors.Join(validateAdam(o.Name(), o.LearningRate, o.Beta1, o.Beta2, o.Eps), checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0))
}

// epsilon returns the Eps in force.
func (o *Adam) epsilon() float64 { return orDefault(o.Eps, adamEps) }

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
	beta1, beta2, eps = orDefault(beta1, adamBeta1), orDefault(beta2, adamBeta2), orDefault(eps, adamEps)
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
		checkBeta(opt, "Beta1", beta1, adamBeta1),
		checkBeta(opt, "Beta2", beta2, adamBeta2),
		checkNonNegative(opt, "Eps", eps, adamEps),
	)
}
