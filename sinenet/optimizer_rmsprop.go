package sinenet

import (
	"errors"
	"math"
)

var _ Stepper = (*RMSprop)(nil)

// RMSprop divides each step by a running root mean square of the gradient.
// It is from Hinton's Coursera lecture 6e, "Neural Networks for Machine
// Learning" (2012); the centered form is Graves, "Generating Sequences With
// Recurrent Neural Networks" (2013). It follows PyTorch's torch.optim.RMSprop,
// with Eps added after the square root:
//
//	g = dx + WeightDecay·x
//	v = Alpha·v + (1-Alpha)·g²
//	m = Alpha·m + (1-Alpha)·g          if Centered, and then v̄ = v - m²
//	d = g / (√v̄ + Eps)                 (v̄ = v if not Centered)
//	b = Momentum·b + d,  d = b         if Momentum > 0
//	x = x - LR·d
//
// The zero value of Alpha and Eps means PyTorch's default; set one to Zero
// for an explicit 0.
type RMSprop struct {
	// LearningRate is the step size. PyTorch's default: 1e-2.
	LearningRate float64
	// Alpha is the decay of the running averages, in [0, 1). 0 means
	// PyTorch's default, 0.99.
	Alpha float64
	// Eps keeps the division finite. 0 means PyTorch's default, 1e-8.
	Eps float64
	// WeightDecay adds WeightDecay·x to the gradient. PyTorch's default: 0.
	WeightDecay float64
	// Momentum is the decay of the velocity b, in [0, 1). PyTorch's
	// default: 0.
	Momentum float64
	// Centered divides by an estimate of the gradient's variance instead of
	// its second moment. PyTorch's default: false.
	Centered bool

	v []float64 // running mean of g²
	m []float64 // running mean of g (Centered only)
	b []float64 // velocity (Momentum > 0 only)
}

// NewRMSprop returns RMSprop with PyTorch's defaults and learning rate lr
// (PyTorch's default is 1e-2).
func NewRMSprop(lr float64) *RMSprop { return &RMSprop{LearningRate: lr, Alpha: 0.99, Eps: 1e-8} }

// Name returns "RMSprop".
func (o *RMSprop) Name() string { return nameOf("rmsprop") }

// epsilon returns the Eps in force.
func (o *RMSprop) epsilon() float64 { return orDefault(o.Eps, 1e-8) }

// Step updates x in place from its gradient dx.
func (o *RMSprop) Step(x, dx []float64) {
	checkLen(o, x, dx)
	o.v = state(o, o.v, len(x))
	if o.Centered {
		o.m = state(o, o.m, len(x))
	}
	if o.Momentum > 0 {
		o.b = state(o, o.b, len(x))
	}
	a, eps := orDefault(o.Alpha, 0.99), o.epsilon()
	for i := range x {
		g := dx[i]
		if o.WeightDecay != 0 {
			g += float64(o.WeightDecay * x[i])
		}
		o.v[i] = float64(a*o.v[i]) + float64((1-a)*(g*g))
		v := o.v[i]
		if o.Centered {
			o.m[i] = float64(a*o.m[i]) + float64((1-a)*g)
			v -= float64(o.m[i] * o.m[i])
		}
		d := g / (math.Sqrt(v) + eps)
		if o.Momentum > 0 {
			o.b[i] = float64(o.Momentum*o.b[i]) + d
			d = o.b[i]
		}
		x[i] -= float64(o.LearningRate * d)
	}
}

// LR returns the learning rate.
func (o *RMSprop) LR() float64 { return o.LearningRate }

// SetLR sets the learning rate.
func (o *RMSprop) SetLR(lr float64) { o.LearningRate = lr }

// Reset forgets the running averages and the velocity.
func (o *RMSprop) Reset() { o.v, o.m, o.b = nil, nil, nil }

// Validate reports settings that cannot train.
func (o *RMSprop) Validate() error {
	return errors.Join(
		checkLR(o.LearningRate),
		checkBeta(o.Name(), "Alpha", o.Alpha, 0.99),
		checkNonNegative(o.Name(), "Eps", o.Eps, 1e-8),
		checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0),
		checkBeta(o.Name(), "Momentum", o.Momentum, 0),
	)
}
