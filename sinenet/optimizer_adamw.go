package sinenet

import "errors"

var _ Stepper = (*AdamW)(nil)

// AdamW is Adam with decoupled weight decay, which Adam's per-parameter
// step does not rescale: Loshchilov and Hutter, "Decoupled Weight Decay
// Regularization" (ICLR 2019), as PyTorch's torch.optim.AdamW. Each step is
//
//	x = x - LR·WeightDecay·x
//	then an Adam step (see Adam) with no L2 term
//
// Beta1, Beta2, Eps and AMSGrad are Adam's, with the same defaults for 0.
type AdamW struct {
	LearningRate      float64 // the step size; PyTorch's default 1e-3
	Beta1, Beta2, Eps float64
	WeightDecay       float64 // the decoupled decay; 0 means none (PyTorch's default 1e-2)
	AMSGrad           bool

	adamCore
	inRun
}

// adamWDecay is PyTorch's default WeightDecay for AdamW.
const adamWDecay = 1e-2

// NewAdamW returns &AdamW{LearningRate: lr, WeightDecay: wd}.
func NewAdamW(lr, wd float64) *AdamW { return &AdamW{LearningRate: lr, WeightDecay: wd} }

// Name returns "AdamW", or "AdamW+AMSGrad" if AMSGrad is set.
func (o *AdamW) Name() string {
	if o.AMSGrad {
		return nameOf("adamw") + "+" + nameOf("amsgrad")
	}
	return nameOf("adamw")
}

func (o *AdamW) Step(x, dx []float64, lr float64) {
	checkLen(o, x, dx)
	for i := range x {
		x[i] *= 1 - float64(lr*o.WeightDecay)
	}
	o.step(o, x, dx, lr, 0, o.Beta1, o.Beta2, o.Eps, o.AMSGrad)
}

func (o *AdamW) LR() float64 { return o.LearningRate }

func (o *AdamW) Reset() { o.adamCore = adamCore{} }

func (o *AdamW) Validate() error {
	return errors.Join(validateAdam(o.Name(), o.LearningRate, o.Beta1, o.Beta2, o.Eps), checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, adamWDecay))
}

// epsilon returns the Eps in force.
func (o *AdamW) epsilon() float64 { return orDefault(o.Eps, adamEps) }
