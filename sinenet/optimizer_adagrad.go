package sinenet

import (
	"errors"
	"math"
)

var _ Stepper = (*Adagrad)(nil)

// Adagrad scales each parameter's step by the root of the sum of its
// squared gradients: Duchi, Hazan and Singer, "Adaptive Subgradient
// Methods" (JMLR 2011), as PyTorch's torch.optim.Adagrad. At step t = 1, 2, …
//
//	g   = dx + WeightDecay·x
//	s   = s + g²                       (s starts at InitialAccumulatorValue)
//	clr = LR / (1 + (t-1)·LRDecay)
//	x   = x - clr · g / (√s + Eps)
//
// A zero Eps means PyTorch's default; ExplicitZero asks for 0.
type Adagrad struct {
	LearningRate            float64 // the step size; PyTorch's default 1e-2
	LRDecay                 float64 // PyTorch's default 0
	WeightDecay             float64 // the L2 term; PyTorch's default 0
	InitialAccumulatorValue float64 // PyTorch's default 0
	Eps                     float64 // keeps the division finite; 0 means 1e-10

	s []float64 // sum of squared gradients
	t int       // steps taken
	inRun
}

// adagradEps is PyTorch's default Eps for Adagrad, which 0 means.
const adagradEps = 1e-10

// NewAdagrad returns &Adagrad{LearningRate: lr}: PyTorch's Adagrad(lr=lr).
func NewAdagrad(lr float64) *Adagrad { return &Adagrad{LearningRate: lr} }

func (o *Adagrad) Name() string { return nameOf("adagrad") }

// epsilon returns the Eps in force.
func (o *Adagrad) epsilon() float64 { return orDefault(o.Eps, adagradEps) }

// Step takes lr before LRDecay.
func (o *Adagrad) Step(x, dx []float64, lr float64) {
	checkLen(o, x, dx)
	if o.s == nil {
		o.s = make([]float64, len(x))
		for i := range o.s {
			o.s[i] = o.InitialAccumulatorValue
		}
	}
	o.s = state(o, o.s, len(x))
	o.t++
	clr, eps := lr/(1+float64(float64(o.t-1)*o.LRDecay)), o.epsilon()
	for i := range x {
		g := dx[i]
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * x[i])
		}
		o.s[i] += float64(g * g)
		x[i] -= float64(clr * (g / (math.Sqrt(o.s[i]) + eps)))
	}
}

func (o *Adagrad) LR() float64 { return o.LearningRate }

func (o *Adagrad) Reset() { o.s, o.t = nil, 0 }

func (o *Adagrad) Validate() error {
	return errors.Join(
		checkLR(o.LearningRate),
		checkNonNegative(o.Name(), "LRDecay", o.LRDecay, 0),
		checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0),
		checkNonNegative(o.Name(), "InitialAccumulatorValue", o.InitialAccumulatorValue, 0),
		checkNonNegative(o.Name(), "Eps", o.Eps, adagradEps),
	)
}
