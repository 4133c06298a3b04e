package portable

import "math"

// Exp returns e^x, with the bits of Go's math.Exp on amd64 CPUs with FMA
// (every x86-64 since 2013; older ones take math.Exp's other path, whose
// last bit may differ).
//
// The method is Shibata's, "Efficient evaluation methods of elementary
// functions suitable for SIMD computation", ISC 2010, as math.Exp uses it
// on amd64: x = k·ln2 + r with k = round(x/ln2) (ln2 in two parts), then
// e^(r/16) - 1 by its Taylor series to degree 8, squared up four times
// with (e^t - 1)·(e^t + 1) = e^2t - 1, and scaled by 2^k. Where amd64
// fuses a multiply and an add, Exp calls math.FMA, which computes the
// fused result exactly on every machine.
func Exp(x float64) float64 {
	const (
		log2e    = 1.4426950408889634073599246810018920
		ln2Hi    = 0.69314718055966295651160180568695068359375
		ln2Lo    = 0.28235290563031577122588448175013436025525412068e-12
		overflow = 7.09782712893384e+02
	)
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x > overflow:
		return math.Inf(1)
	case x < -800: // e^x < 2^-1075: rounds to 0
		return 0
	}
	k := math.RoundToEven(x * log2e)
	r := math.FMA(-k, ln2Lo, math.FMA(-k, ln2Hi, x)) * 0.0625
	// 1/n! for n = 8 … 1; the series is r·(1 + r/2 + r²/3! + …).
	c := [...]float64{
		2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3,
		8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1,
		0.5, 1.0,
	}
	p := c[0]
	for _, cn := range c[1:] {
		p = math.FMA(p, r, cn)
	}
	y := float64(r * p) // e^(r/16) - 1
	for range 3 {
		y = float64(y * (y + 2))
	}
	y = math.FMA(y, y+2, 1) // e^r
	return scale(y, int(k))
}

// scale returns y·2^k for 1/2 ≤ y < 2 (math.Exp's amd64 ldexp, which
// rounds a subnormal result once).
func scale(y float64, k int) float64 {
	switch b := k + 1023; {
	case b >= 0x7ff:
		return math.Inf(1)
	case b > 0:
		return y * math.Float64frombits(uint64(b)<<52)
	case b < -52:
		return 0
	default: // y·2^(k+1022), exact, then ·2^-1022, rounded
		return y * math.Float64frombits(uint64(b+1022)<<52) * math.Float64frombits(1<<52)
	}
}
