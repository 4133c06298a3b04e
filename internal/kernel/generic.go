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
// x·P(x²)/Q(x²) on [-9, 9].
const (
	alpha1  = 4.89352455891786e-03
	alpha3  = 6.37261928875436e-04
	alpha5  = 1.48572235717979e-05
	alpha7  = 5.12229709037114e-08
	alpha9  = -8.60467152213735e-11
	alpha11 = 2.00018790482477e-13
	alpha13 = -2.76076847742355e-16
	beta0   = 4.89352518554385e-03
	beta2   = 2.26843463243900e-03
	beta4   = 1.18534705686654e-04
	beta6   = 1.19825839466702e-06
)

// Tanh32 returns tanh(x) in float32 by a rational approximation:
// x·P(x²)/Q(x²), with P of degree 6 and Q of degree 3, for |x| ≤ 9
// (beyond, tanh(±9) is ±1 in float32), clamped to [-1, 1], and x itself
// for |x| < 4e-4. It
// is the scalar twin of the assembly kernel; TestTanhError measures its
// error against math.Tanh.
func Tanh32(x float32) float32 {
	if x < 4e-4 && x > -4e-4 {
		return x
	}
	xc := min(max(x, -9), 9)
	if x != x {
		return x
	}
	x2 := xc * xc
	p := float32(alpha13)
	p = x2*p + alpha11
	p = x2*p + alpha9
	p = x2*p + alpha7
	p = x2*p + alpha5
	p = x2*p + alpha3
	p = x2*p + alpha1
	p *= xc
	q := float32(beta6)
	q = x2*q + beta4
	q = x2*q + beta2
	q = x2*q + beta0
	return min(max(p/q, -1), 1)
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
