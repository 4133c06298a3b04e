package portable

import "math/rand/v2"

// Normal returns a standard normal number drawn from r: exactly the
// number that r.NormFloat64() would return on amd64, leaving r in the
// same state, and the same number on every machine.
//
// The method is the ziggurat of Marsaglia & Tsang, "The Ziggurat Method
// for Generating Random Variables", J. Stat. Softw. 5(8), 2000, as
// math/rand/v2 uses it: the area under e^(-x²/2) is covered by 128
// layers of equal area (tables.go, from gen.go). One 64-bit draw picks a
// layer i (bits 32-38) and a signed abscissa j (the low 32 bits), x =
// j·zigW[i]. Most draws fall inside the part of the layer that lies
// under the curve for sure (|j| < zigK[i]) and are returned at once; the
// rest test a point of the layer's wedge against the curve, or, in the
// base layer, draw from the tail beyond r = 3.44 by Marsaglia's method.
//
// The tail takes Log, which is math.Log's amd64 assembly bit for bit. The
// wedge test compares float32(Exp(-x²/2)), and Exp is math.Exp on amd64
// CPUs with FMA; on one without, math.Exp's last bit may differ, but the
// test's outcome changes only if that moves the float32 rounding exactly
// onto the uniform height it is compared with: then NormFloat64 there
// would accept a draw that Normal rejects (or the reverse), and the two
// streams would part from that draw on. Normal itself stays the same.
func Normal(r *rand.Rand) float64 {
	const rn = 3.442619855899 // the base layer's right end
	for {
		u := r.Uint64()
		j := int32(u)
		i := u >> 32 & 127
		x := float64(j) * float64(zigW[i])
		if abs32(j) < zigK[i] {
			return x
		}
		if i == 0 {
			// The tail x > rn: draw x, y from exponentials until y ≥ x²/2.
			var t float64
			for {
				t = float64(-Log(r.Float64()) * (1 / rn))
				y := -Log(r.Float64())
				if y+y >= t*t {
					break
				}
			}
			if j > 0 {
				return rn + t
			}
			return -rn - t
		}
		// The wedge: accept if a uniform height in the layer lies under
		// the curve, in float32 as the tables are.
		h := zigF[i] + float32(float32(r.Float64())*(zigF[i-1]-zigF[i]))
		if h < float32(Exp(float64(-0.5*x)*x)) {
			return x
		}
	}
}

// abs32 returns |j| as a uint32 (2^31 for the most negative int32).
func abs32(j int32) uint32 {
	if j < 0 {
		return uint32(-j)
	}
	return uint32(j)
}
