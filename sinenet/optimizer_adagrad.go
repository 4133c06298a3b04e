package sinenet

import (
	"errors"
	"math"
)

var _ Stepper = (*Adagrad)(nil)

// Adagrad scales each parameter's step by the root of the sum of its squared
// gradients, so parameters with large past gradients move less. It is
// Duchi, Hazan and Singer, "Adaptive Subgradient Methods for Online Learning
// and Stochastic Optimization" (JMLR 2011), with PyTorch's torch.optim.Adagrad
// semantics. At step t = 1, 2, …
//
//	g   = dx + WeightDecay·x
//	s   = s + g²                       (s starts at InitialAccumulatorValue)
//	clr = LR / (1 + (t-1)·LRDecay)
//	x   = x - clr · g / (√s + Eps)
//
// The zero value of Eps means PyTorch's default; set it to Zero for an
// explicit 0.
type Adagrad struct {
	// LearningRate is the step size. PyTorch's default: 1e-2.
	LearningRate float64
	// LRDecay shrinks the learning rate as 1/(1 + (t-1)·LRDecay).
	// PyTorch's default: 0.
	LRDecay float64
	// WeightDecay adds WeightDecay·x to the gradient. PyTorch's default: 0.
	WeightDecay float64
	// InitialAccumulatorValue is where the sum of squares starts.
	// PyTorch's default: 0.
	InitialAccumulatorValue float64
	// Eps keeps the division finite. 0 means PyTorch's default, 1e-10.
	Eps float64

	s []float64 // sum of squared gradients
	t int       // steps taken
}

// NewAdagrad returns Adagrad with PyTorch's defaults and learning rate lr
// (PyTorch's default is 1e-2).
func NewAdagrad(lr float64) *Adagrad { return &Adagrad{LearningRate: lr, Eps: 1e-10} }

// Name returns "Adagrad".
func (o *Adagrad) Name() string { return nameOf("adagrad") }

// epsilon returns the Eps in force.
func (o *Adagrad) epsilon() float64 { return orDefault(o.Eps, 1e-10) }

// Step updates x in place from its gradient dx.
func (o *Adagrad) Step(x, dx []float64) {
	checkLen(o, x, dx)
	if o.s == nil {
		o.s = make([]float64, len(x))
		for i := range o.s {
			o.s[i] = o.InitialAccumulatorValue
		}
	}
	o.s = state(o, o.s, len(x))
	o.t++
	clr, eps := o.LearningRate/(1+float64(float64(o.t-1)*o.LRDecay)), o.epsilon()
	for i := range x {
		g := dx[i]
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * x[i])
		}
		o.s[i] += float64(g * g)
		x[i] -= float64(clr * (g / (math.Sqrt(o.s[i]) + eps)))
	}
}

// LR returns the learning rate before LRDecay.
func (o *Adagrad) LR() float64 { return o.LearningRate }

// SetLR sets the learning rate.
func (o *Adagrad) SetLR(lr float64) { o.LearningRate = lr }

// Reset forgets the sum of squares and the step count.
func (o *Adagrad) Reset() { o.s, o.t = nil, 0 }

// Validate reports settings that cannot train.
func (o *Adagrad) Validate() error {
	return errors.Join(
		checkLR(o.LearningRate),
		checkNonNegative(o.Name(), "LRDecay", o.LRDecay, 0),
		checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0),
		checkNonNegative(o.Name(), "InitialAccumulatorValue", o.InitialAccumulatorValue, 0),
		checkNonNegative(o.Name(), "Eps", o.Eps, 1e-10),
	)
}
