package sinenet

import "math"

// Preconditioner returns in dst (allocated if too short) the diagonal P of
// Adam's last step, as PyTorch's Adam has it, P = (1-β₁ᵗ)(√v/√(1-β₂ᵗ) + ε),
// so that the step is x ← x - LR·P⁻¹·m; nil before the first step. Adam is
// stable near a minimum only while λmax(P⁻¹H) < (2+2β₁)/(LR(1-β₁)), 38/LR
// for β₁ = 0.9 (Cohen et al., "Adaptive Gradient Methods at the Edge of
// Stability", 2022).
func (o *Adam) Preconditioner(dst []float64) []float64 {
	c := &o.adamCore
	if c.t == 0 {
		return nil
	}
	beta1, beta2, eps := orDefault(o.Beta1, 0.9), orDefault(o.Beta2, 0.999), o.epsilon()
	v := c.v
	if o.AMSGrad {
		v = c.vMax
	}
	if cap(dst) < len(v) {
		dst = make([]float64, len(v))
	}
	dst = dst[:len(v)]
	bc1 := 1 - math.Pow(beta1, float64(c.t))
	sqrtBC2 := math.Sqrt(1 - math.Pow(beta2, float64(c.t)))
	for i, vi := range v {
		dst[i] = bc1 * (math.Sqrt(vi)/sqrtBC2 + eps)
	}
	return dst
}
