package sinenet

import "errors"

var _ Stepper = (*AdamW)(nil)

// AdamW is Adam with decoupled weight decay: it shrinks the parameters
// directly instead of adding WeightDecay·x to the gradient, so the decay is
// not rescaled by Adam's per-parameter step. It is Loshchilov and Hutter,
// "Decoupled Weight Decay Regularization" (ICLR 2019), as PyTorch's
// torch.optim.AdamW writes it. Each step is
//
//	x = x - LR·WeightDecay·x
//	then an Adam step (see Adam) with no L2 term
//
// The zero value of Beta1, Beta2 and Eps means PyTorch's default, as in
// Adam; set one to Zero for an explicit 0.
type AdamW struct {
	// LearningRate is the step size. PyTorch's default: 1e-3.
	LearningRate float64
	// Beta1, Beta2 and Eps are Adam's, with the same defaults for 0:
	// 0.9, 0.999 and 1e-8.
	Beta1, Beta2, Eps float64
	// WeightDecay is the decoupled decay rate; 0 means none. PyTorch's
	// default: 1e-2, which NewAdamW takes as an argument.
	WeightDecay float64
	// AMSGrad is Adam's AMSGrad. PyTorch's default: false.
	AMSGrad bool

	adamCore
}

// NewAdamW returns AdamW with PyTorch's defaults, learning rate lr and
// weight decay wd (PyTorch's defaults are 1e-3 and 1e-2).
func NewAdamW(lr, wd float64) *AdamW {
	return &AdamW{LearningRate: lr, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: wd}
}

// Name returns "AdamW", or "AdamW+AMSGrad" if AMSGrad is set.
func (o *AdamW) Name() string {
	if o.AMSGrad {
		return nameOf("adamw") + "+" + nameOf("amsgrad")
	}
	return nameOf("adamw")
}

// Step updates x in place from its gradient dx.
func (o *AdamW) Step(x, dx []float64) {
	checkLen(o, x, dx)
	for i := range x {
		x[i] *= 1 - float64(o.LearningRate*o.WeightDecay)
	}
	o.step(o, x, dx, o.LearningRate, 0, o.Beta1, o.Beta2, o.Eps, o.AMSGrad)
}

// LR returns the learning rate.
func (o *AdamW) LR() float64 { return o.LearningRate }

// SetLR sets the learning rate.
func (o *AdamW) SetLR(lr float64) { o.LearningRate = lr }

// Reset forgets the running averages and the step count.
func (o *AdamW) Reset() { o.adamCore = adamCore{} }

// Validate reports settings that cannot train.
func (o *AdamW) Validate() error {
	return errors.Join(validateAdam(o.Name(), o.LearningRate, o.Beta1, o.Beta2, o.Eps), checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 1e-2))
}

// epsilon returns the Eps in force.
func (o *AdamW) epsilon() float64 { return orDefault(o.Eps, 1e-8) }
