package sinenet

import "math"

// Preconditioner returns in dst (allocated if too short) the diagonal of
// the preconditioner P of Adam's last step, bias corrections included, as
// PyTorch's Adam takes them:
//
//	P = (1-Beta1ᵗ) · (√v / √(1-Beta2ᵗ) + Eps)
//
// so that the step is x ← x - LR·P⁻¹·m. Adam is stable near a minimum only
// while λmax(P⁻¹H) < (2+2·Beta1)/(LR·(1-Beta1)), 38/LR for Beta1 = 0.9
// (Cohen et al., "Adaptive Gradient Methods at the Edge of Stability",
// 2022); measure it with SharpnessOptions.Precond or
// SharpnessTrack.Precond. Since Beta2 is close to 1, P changes little from
// one step to the next. Before the first step there is no preconditioner,
// and Preconditioner returns nil.
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
