package portable

import "math"

// Log returns the natural logarithm of x, with the bits of Go's math.Log
// on amd64 for every normal x (amd64's assembly treats subnormal x as
// normal; Log computes them right).
//
// The method is fdlibm's e_log.c (Sun Microsystems, 1993): write x =
// 2^k·(1+f) with √2/2 ≤ 1+f < √2, s = f/(2+f), then
// log(1+f) = f - s·(f - R(s²)) with a minimax R, so that
// log(x) = k·ln2hi - ((f²/2 - (s·(f²/2 + R) + k·ln2lo)) - f).
func Log(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01 // ln 2 in two parts
		ln2Lo = 1.90821492927058770002e-10
		l1    = 6.666666666666735130e-01 // fdlibm's Lg1…Lg7
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	m, e := math.Frexp(x) // x = m·2^e, 1/2 ≤ m < 1
	if m < math.Sqrt2/2 {
		m = float64(2 * m)
		e--
	}
	f := m - 1
	k := float64(e)
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	// R = t1 + t2, the odd and even terms of the polynomial in s².
	t1 := float64(s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7)))))))
	t2 := float64(s4 * (l2 + float64(s4*(l4+float64(s4*l6)))))
	R := t1 + t2
	hfsq := float64(0.5 * f * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+R)) + float64(k*ln2Lo))) - f)
}
