package sinenet

import (
	"fmt"
	"math"
	"strings"
)

// Loss measures how far predictions p are from targets y.
type Loss interface {
	// Name is a short label, e.g. "MSE".
	Name() string
	// Eval returns the loss of p against y and, unless dp is nil, writes
	// the gradient dL/dp into dp. len(p) == len(y) == len(dp).
	Eval(dp, p, y []float64) float64
}

// SumSquared is the question's loss, Σ (p - y)². Summing instead of
// averaging scales the gradient by the number of points, so with 4000
// points lr 4e-7 here is lr 1.6e-3 under MeanSquared.
type SumSquared struct{}

// MeanSquared is (1/n) Σ (p - y)², PyTorch's MSELoss.
type MeanSquared struct{}

// L1 is (1/n) Σ |p - y|, PyTorch's L1Loss, the loss of the answer.
// Its gradient at p = y is 0, as in PyTorch.
type L1 struct{}

// Huber is (1/n) Σ h(p - y), PyTorch's HuberLoss, with
// h(e) = e²/2 for |e| ≤ Delta and Delta·(|e| - Delta/2) beyond. It is
// quadratic near 0 and linear in the tails. With Delta = 1 it equals
// SmoothL1Loss. Delta ≤ 0 means 1.
type Huber struct{ Delta float64 }

func (SumSquared) Name() string  { return "SSE" }
func (MeanSquared) Name() string { return "MSE" }
func (L1) Name() string          { return "L1" }
func (Huber) Name() string       { return "Huber" }

func (SumSquared) Eval(dp, p, y []float64) float64 {
	s := 0.0
	for i := range p {
		e := p[i] - y[i]
		s += float64(e * e)
		if dp != nil {
			dp[i] = 2 * e
		}
	}
	return s
}

func (MeanSquared) Eval(dp, p, y []float64) float64 {
	n := float64(len(p))
	s := 0.0
	for i := range p {
		e := p[i] - y[i]
		s += float64(e * e)
		if dp != nil {
			dp[i] = 2 * e / n
		}
	}
	return s / n
}

func (L1) Eval(dp, p, y []float64) float64 {
	n := float64(len(p))
	s := 0.0
	for i := range p {
		e := p[i] - y[i]
		s += math.Abs(e)
		if dp != nil {
			dp[i] = sign(e) / n
		}
	}
	return s / n
}

func (h Huber) Eval(dp, p, y []float64) float64 {
	d := h.Delta
	if d <= 0 {
		d = 1
	}
	n := float64(len(p))
	s := 0.0
	for i := range p {
		e := p[i] - y[i]
		g := e
		if math.Abs(e) <= d {
			s += float64(e * e / 2)
		} else {
			s += float64(d * (math.Abs(e) - float64(d/2)))
			g = d * sign(e)
		}
		if dp != nil {
			dp[i] = g / n
		}
	}
	return s / n
}

func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// Losses lists one of each loss.
var Losses = []Loss{SumSquared{}, MeanSquared{}, L1{}, Huber{Delta: 1}}

// ParseLoss returns the loss with the given name, ignoring case: "sse"
// (or "sum"), "mse", "l1" (or "mae") and "huber" (or "smoothl1").
func ParseLoss(name string) (Loss, error) {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "")) {
	case "sse", "sum", "sumsquared":
		return SumSquared{}, nil
	case "mse", "meansquared":
		return MeanSquared{}, nil
	case "l1", "mae":
		return L1{}, nil
	case "huber", "smoothl1":
		return Huber{Delta: 1}, nil
	}
	return nil, &InputError{Kind: "loss", Name: name, msg: fmt.Sprintf("sinenet: unknown loss %q; use one of sse, mse, l1, huber", name)}
}
