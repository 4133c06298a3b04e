package sinenet

import (
	"errors"
	"math"
)

var _ Stepper = (*RMSprop)(nil)

// RMSprop divides each step by a running root mean square of the gradient:
// Hinton's lecture 6e of "Neural Networks for Machine Learning" (2012), the
// centered form Graves's (2013), as PyTorch's torch.optim.RMSprop, with
// Eps added after the square root:
//
//	g = dx + WeightDecay·x
//	v = Alpha·v + (1-Alpha)·g²
//	m = Alpha·m + (1-Alpha)·g          if Centered, and then v̄ = v - m²
//	d = g / (√v̄ + Eps)                 (v̄ = v if not Centered)
//	b = Momentum·b + d,  d = b         if Momentum > 0
//	x = x - LR·d
//
// A zero Alpha or Eps means PyTorch's default; ExplicitZero asks for 0.
type RMSprop struct {
	LearningRate float64 // the step size; PyTorch's default 1e-2
	Alpha        float64 // the decay of v and m, in [0, 1); 0 means 0.99
	Eps          float64 // keeps the division finite; 0 means 1e-8
	WeightDecay  float64 // the L2 term; PyTorch's default 0
	Momentum     float64 // the decay of b, in [0, 1); PyTorch's default 0
	Centered     bool    // divide by the variance's estimate; PyTorch's default false

	v []float64 // running mean of g²
	m []float64 // running mean of g (Centered only)
	b []float64 // velocity (Momentum > 0 only)
	inRun
}

// PyTorch's defaults for RMSprop, which a zero setting means.
const (
	rmspropAlpha = 0.99
	rmspropEps   = 1e-8
)

// NewRMSprop returns &RMSprop{LearningRate: lr}: PyTorch's RMSprop(lr=lr).
func NewRMSprop(lr float64) *RMSprop { return &RMSprop{LearningRate: lr} }

func (o *RMSprop) Name() string { return nameOf("rmsprop") }

// epsilon returns the Eps in force.
func (o *RMSprop) epsilon() float64 { return orDefault(o.Eps, rmspropEps) }

func (o *RMSprop) Step(x, dx []float64, lr float64) {
	checkLen(o, x, dx)
	o.v = state(o, o.v, len(x))
	if o.Centered {
		o.m = state(o, o.m, len(x))
	}
	if o.Momentum > 0 {
		o.b = state(o, o.b, len(x))
	}
	a, eps := orDefault(o.Alpha, rmspropAlpha), o.epsilon()
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
		x[i] -= float64(lr * d)
	}
}

func (o *RMSprop) LR() float64 { return o.LearningRate }

func (o *RMSprop) Reset() { o.v, o.m, o.b = nil, nil, nil }

func (o *RMSprop) Validate() error {
	return errors.Join(
		checkLR(o.LearningRate),
		checkBeta(o.Name(), "Alpha", o.Alpha, rmspropAlpha),
		checkNonNegative(o.Name(), "Eps", o.Eps, rmspropEps),
		checkNonNegative(o.Name(), "WeightDecay", o.WeightDecay, 0),
		checkBeta(o.Name(), "Momentum", o.Momentum, 0),
	)
}
