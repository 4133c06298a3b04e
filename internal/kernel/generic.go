package kernel

import "math"

// gemmGeneric adds A·B to C, with the layout of Gemm. It is the pure-Go
// kernel and also finishes the edges that the assembly leaves. Each C
// element sums its k products in order (see semantics.go); 2×4 blocks of
// C stay in registers meanwhile, which is how far Go's register
// allocator goes without spilling.
func gemmGeneric(m, n, k int, a []float32, rsa, csa int, b []float32, ldb int, c []float32, ldc int) {
	i := 0
	for ; i+2 <= m; i += 2 {
		c0, c1 := c[i*ldc:i*ldc+n], c[(i+1)*ldc:(i+1)*ldc+n]
		j := 0
		for ; j+4 <= n; j += 4 {
			x0, x1, x2, x3 := c0[j], c0[j+1], c0[j+2], c0[j+3]
			y0, y1, y2, y3 := c1[j], c1[j+1], c1[j+2], c1[j+3]
			ia := i * rsa
			for p := range k {
				bp := b[p*ldb+j : p*ldb+j+4 : p*ldb+j+4]
				a0, a1 := a[ia], a[ia+rsa]
				ia += csa
				b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
				x0 += float32(a0 * b0)
				x1 += float32(a0 * b1)
				x2 += float32(a0 * b2)
				x3 += float32(a0 * b3)
				y0 += float32(a1 * b0)
				y1 += float32(a1 * b1)
				y2 += float32(a1 * b2)
				y3 += float32(a1 * b3)
			}
			c0[j], c0[j+1], c0[j+2], c0[j+3] = x0, x1, x2, x3
			c1[j], c1[j+1], c1[j+2], c1[j+3] = y0, y1, y2, y3
		}
		if j < n {
			gemmRows(2, n-j, k, a[i*rsa:], rsa, csa, b[j:], ldb, c[i*ldc+j:], ldc)
		}
	}
	if i < m {
		gemmRows(m-i, n, k, a[i*rsa:], rsa, csa, b, ldb, c[i*ldc:], ldc)
	}
}

// gemmRows is gemmGeneric row by row, for its edges.
func gemmRows(m, n, k int, a []float32, rsa, csa int, b []float32, ldb int, c []float32, ldc int) {
	for i := range m {
		ci := c[i*ldc : i*ldc+n]
		for p := range k {
			aip := a[i*rsa+p*csa]
			bp := b[p*ldb : p*ldb+n]
			for j, bv := range bp {
				ci[j] += float32(aip * bv)
			}
		}
	}
}

// The constants of Tanh32.
const (
	tanhSwitch = 0.625    // from here on, 1 - 2/(em+2) keeps more digits than em/(em+2)
	tanhCap    = 9.5      // beyond, tanh(x) rounds to ±1 in float32
	expMagic   = 12582912 // 1.5·2²³: v + expMagic rounds v to an integer, which ends its bits
	expLog2e   = 1.44269504088896340736
	expLn2Hi   = 0.693359375 // ln 2 in 9 bits, so that n·expLn2Hi is exact
	expLn2Lo   = -2.12194440e-4
)

// Tanh32 returns tanh(x) in float32, within 2 ulp of float32(tanh(x)),
// within 1 ulp from |x| = 0.3 on, and exactly ±1 where float32(tanh(x))
// is (|x| > 9.01), so that the derivative 1 - a² keeps its digits near
// saturation. With em = e^(2|x|) - 1, tanh(|x|) = em/(em+2), computed as
// 1 - 2/(em+2) from |x| = tanhSwitch on. It is the scalar twin of the
// assembly kernel, with the same operations in the same order (see
// semantics.go). TestTanhError measures the error against math.Tanh over
// every 64th float32 in [-10, 10].
func Tanh32(x float32) float32 {
	ax := math.Float32frombits(math.Float32bits(x) &^ (1 << 31))
	// em = e^y - 1 for y = 2·min(|x|, tanhCap), as 2^n·(e^r - 1) + (2^n - 1)
	// with n = round(y·log2 e) and r = y - n·ln 2.
	m := min(ax, tanhCap)                   // NaN stays NaN
	k := float32(m*(2*expLog2e)) + expMagic // the product y·log2e: y = m+m exactly
	y := m + m
	n := k - expMagic
	r := float32(y-float32(n*expLn2Hi)) - float32(n*expLn2Lo)
	p := float32(1.0 / 5040)
	p = float32(p*r) + 1.0/720
	p = float32(p*r) + 1.0/120
	p = float32(p*r) + 1.0/24
	p = float32(p*r) + 1.0/6
	p = float32(p*r) + 1.0/2
	p = float32(float32(r*r)*p) + r // e^r - 1
	s := math.Float32frombits(math.Float32bits(k)<<23 + math.Float32bits(1))
	em := float32(s*p) + (s - 1)
	var t float32
	if ax >= tanhSwitch {
		t = 1 - 2/(em+2)
	} else {
		t = em / (em + 2)
	}
	return math.Float32frombits(math.Float32bits(t) | math.Float32bits(x)&(1<<31))
}

// dotRowsGeneric sets z[r] += Σ_p x[r*ld+p]·w[p] for r < rows, p < k8,
// k8%8 == 0, with the sum in 8 lanes, as dotRows4 does (see
// semantics.go).
func dotRowsGeneric(z, x []float32, ld, rows, k8 int, w []float32) {
	w = w[:k8]
	for r := range rows {
		xr := x[r*ld : r*ld+k8]
		var s [8]float32
		for p := 0; p < k8; p += 8 {
			xp, wp := xr[p:p+8:p+8], w[p:p+8:p+8]
			for l := range s {
				s[l] += float32(xp[l] * wp[l])
			}
		}
		z[r] += sum8(&s)
	}
}

func shallowFwdGeneric(z, a, x, w1, b1, w2 []float32) {
	h := len(w1)
	h16 := h &^ 15
	for r, xr := range x {
		ar := a[r*h : (r+1)*h]
		for j, w := range w1 {
			ar[j] = Tanh32(float32(xr*w) + b1[j])
		}
		var s [16]float32 // lane l sums the j ≡ l (mod 16) below h16
		for j0 := 0; j0 < h16; j0 += 16 {
			aj, wj := ar[j0:j0+16:j0+16], w2[j0:j0+16:j0+16]
			for l := range s {
				s[l] += float32(aj[l] * wj[l])
			}
		}
		var c [8]float32
		for l := range c {
			c[l] = s[l] + s[l+8]
		}
		zr := sum8(&c)
		for j := h16; j < h; j++ {
			zr += float32(ar[j] * w2[j])
		}
		z[r] = zr
	}
}

// shallowBwdGeneric sums over the rows for 8 hidden units at a time,
// which reads a row by row; each unit's sums run over the rows in order.
func shallowBwdGeneric(gw1, gb1, gw2, x, dz, a, w2 []float32) {
	h := len(w2)
	for j0 := 0; j0 < h; j0 += 8 {
		w := min(8, h-j0)
		var g2, sx, sb [8]float32
		for r, d := range dz[:len(x)] {
			xr := x[r]
			for l, av := range a[r*h+j0 : r*h+j0+w] {
				g2[l] += float32(d * av)
				t := d - float32(d*float32(av*av))
				sb[l] += t
				sx[l] += float32(xr * t)
			}
		}
		for l := range w {
			gw2[j0+l] += g2[l]
			gw1[j0+l] += float32(w2[j0+l] * sx[l])
			gb1[j0+l] += float32(w2[j0+l] * sb[l])
		}
	}
}
