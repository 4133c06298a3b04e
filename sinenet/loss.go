package sinenet

import "math"

// Loss measures how far predictions p are from targets y.
type Loss interface {
	Name() string                    // a short label, e.g. "MSE"
	Eval(dp, p, y []float64) float64 // the loss of p against y; dL/dp into dp unless nil
}

// SumSquared is the question's loss, Σ (p - y)²: its gradient is n times
// MeanSquared's, so lr 4e-7 on 4000 points is MeanSquared's lr 1.6e-3.
type SumSquared struct{}

// MeanSquared is (1/n) Σ (p - y)², PyTorch's MSELoss.
type MeanSquared struct{}

// L1 is (1/n) Σ |p - y|, PyTorch's L1Loss, the answer's loss; its
// gradient at p = y is 0, as in PyTorch.
type L1 struct{}

// Huber is (1/n) Σ h(p - y), PyTorch's HuberLoss, with
// h(e) = e²/2 for |e| ≤ Delta and Delta·(|e| - Delta/2) beyond. It is
// quadratic near 0 and linear in the tails. With Delta = 1 it equals
// SmoothL1Loss. Delta ≤ 0 means 1.
type Huber struct{ Delta float64 }

// huberDelta is PyTorch's default Delta, which Delta ≤ 0 means.
const huberDelta = 1

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
		d = huberDelta
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
