package kernel

// gemmGeneric adds A·B to C, with the layout of Gemm. It is the pure-Go
// kernel and also finishes the edges that the assembly leaves.
func gemmGeneric(m, n, k int, a []float32, rsa, csa int, b []float32, ldb int, c []float32, ldc int) {
	for i := range m {
		ci := c[i*ldc : i*ldc+n]
		for p := range k {
			aip := a[i*rsa+p*csa]
			bp := b[p*ldb : p*ldb+n]
			for j, bv := range bp {
				ci[j] += aip * bv
			}
		}
	}
}

// The coefficients of Tanh32, from Eigen's ptanh_float: tanh(x) is
// x·P(x²)/Q(x²) for x clamped to ±clamp, where the quotient reaches 1.
// P's constant term is Q's (Eigen's differs by 1.3e-7 relative), and all
// are divided by it, so that P(0) = Q(0) = 1 and tiny or subnormal x come
// out exactly.
const (
	clamp   = 7.90531110763549805
	beta0   = 4.89352518554385e-03
	alpha3  = 6.37261928875436e-04 / beta0
	alpha5  = 1.48572235717979e-05 / beta0
	alpha7  = 5.12229709037114e-08 / beta0
	alpha9  = -8.60467152213735e-11 / beta0
	alpha11 = 2.00018790482477e-13 / beta0
	alpha13 = -2.76076847742355e-16 / beta0
	beta2   = 2.26843463243900e-03 / beta0
	beta4   = 1.18534705686654e-04 / beta0
	beta6   = 1.19825839466702e-06 / beta0
)

// Tanh32 returns tanh(x) in float32 by a rational approximation,
// x·P(x²)/Q(x²) with P of degree 6 and Q of degree 3, for x clamped to
// ±7.905 (beyond, the quotient is 1, and tanh(x) is within 2.7e-7 of 1).
// It is the scalar twin of the assembly kernel. TestTanhError measures
// the error against math.Tanh over every 64th float32 in [-10, 10]: see
// there for the figures.
func Tanh32(x float32) float32 {
	if x != x {
		return x
	}
	xc := min(max(x, -clamp), clamp)
	x2 := xc * xc
	p := float32(alpha13)
	p = x2*p + alpha11
	p = x2*p + alpha9
	p = x2*p + alpha7
	p = x2*p + alpha5
	p = x2*p + alpha3
	p = x2*p + 1
	p *= xc
	q := float32(beta6)
	q = x2*q + beta4
	q = x2*q + beta2
	q = x2*q + 1
	return p / q
}

func shallowFwdGeneric(z, a, x, w1, b1, w2 []float32) {
	h := len(w1)
	for r, xr := range x {
		ar := a[r*h : (r+1)*h]
		s := float32(0)
		for j, w := range w1 {
			ar[j] = Tanh32(xr*w + b1[j])
			s += ar[j] * w2[j]
		}
		z[r] = s
	}
}

func shallowBwdGeneric(gw1, gb1, gw2, x, dz, a, w2 []float32) {
	h := len(w2)
	for j := range h {
		var g2, sx, sb float32
		for r, d := range dz[:len(x)] {
			av := a[r*h+j]
			g2 += d * av
			t := d - d*av*av
			sb += t
			sx += x[r] * t
		}
		gw2[j] += g2
		gw1[j] += w2[j] * sx
		gb1[j] += w2[j] * sb
	}
}
