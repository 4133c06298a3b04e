package portable

import "math"

// Tanh returns tanh(x), with the bits of Go's math.Tanh on amd64 CPUs
// with FMA (its e^x is Exp's).
//
// The method is Cephes' tanh (Moshier, Cephes Math Library, tanh.c): for
// |x| < 0.625, x + x³·P(x²)/Q(x²) with Cephes' rational coefficients;
// above, 1 - 2/(e^2|x| + 1) with the sign of x; beyond ln(2^127)/2, ±1.
func Tanh(x float64) float64 {
	const big = 0.5 * 8.8029691931113054295988e+01 // ln(2^127)/2
	z := math.Abs(x)
	switch {
	case z > big:
		return math.Copysign(1, x)
	case z >= 0.625:
		y := 1 - 2/(Exp(2*z)+1)
		return math.Copysign(y, x)
	case x == 0:
		return x // ±0
	}
	// Cephes' coefficients: P(s) = p0·s² + p1·s + p2, Q(s) = s³ + q0·s² + q1·s + q2.
	const (
		p0, p1, p2 = -9.64399179425052238628e-1, -9.92877231001918586564e1, -1.61468768441708447952e3
		q0, q1, q2 = 1.12811678491632931402e2, 2.23548839060100448583e3, 4.84406305325125486048e3
	)
	s := float64(x * x) // rounded: s + q0 below must not fuse
	P := float64(float64(float64(p0*s)+p1)*s) + p2
	Q := float64(float64(float64((s+q0)*s)+q1)*s) + q2
	return x + float64(x*s)*P/Q
}
