package sinenet

import (
	"errors"
	"fmt"
)

var _ Stepper = (*AdamW)(nil)

// AdamW is Adam with decoupled weight decay: it shrinks the parameters
// directly instead of adding WeightDecay·x to the gradient, so the decay is
// not rescaled by Adam's per-parameter step. It is Loshchilov and Hutter,
// "Decoupled Weight Decay Regularization" (ICLR 2019), as PyTorch's
// torch.optim.AdamW writes it. Each step is
//
//	x = x - LR·WeightDecay·x
//	then an Adam step (see Adam) with no L2 term
type AdamW struct {
	// Adam holds LearningRate, Beta1, Beta2, Eps and AMSGrad, with the same
	// defaults, and the running averages. Its own WeightDecay, the L2 form,
	// must stay 0 here.
	Adam
	// WeightDecay is the decoupled decay rate. PyTorch's default: 1e-2.
	WeightDecay float64
}

// NewAdamW returns AdamW with PyTorch's defaults, learning rate lr and
// weight decay wd (PyTorch's defaults are 1e-3 and 1e-2).
func NewAdamW(lr, wd float64) *AdamW { return &AdamW{Adam: *NewAdam(lr), WeightDecay: wd} }

// Name returns "AdamW", or "AdamW+AMSGrad" if AMSGrad is set.
func (o *AdamW) Name() string {
	if o.AMSGrad {
		return "AdamW+AMSGrad"
	}
	return "AdamW"
}

// Step updates x in place from its gradient dx.
func (o *AdamW) Step(x, dx []float64) {
	checkLen(o.Name(), x, dx)
	for i := range x {
		x[i] *= 1 - o.LearningRate*o.WeightDecay
	}
	o.Adam.Step(x, dx)
}

// Validate reports settings that cannot train.
func (o *AdamW) Validate() error {
	err := errors.Join(o.validate(o.Name()), checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 1e-2))
	if o.Adam.WeightDecay != 0 {
		err = errors.Join(err, fmt.Errorf("sinenet: AdamW has Adam.WeightDecay = %g, Adam's L2 form; set AdamW's own WeightDecay instead and Adam.WeightDecay to 0", o.Adam.WeightDecay))
	}
	return err
}
