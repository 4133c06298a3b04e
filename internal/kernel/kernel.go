package kernel

import "fmt"

// Gemm sets C = A·B, or C += A·B when acc is true, for an m×n matrix C
// with row stride ldc, a k×n matrix B with row stride ldb, and an m×k
// matrix A whose element (i, p) is a[i*rsa+p*csa]. With rsa = k, csa = 1
// A is a row-major m×k matrix; with rsa = 1, csa = m it is the transpose
// of a row-major k×m matrix, which is what a weight gradient Xᵀ·dZ needs.
func Gemm(m, n, k int, a []float32, rsa, csa int, b []float32, ldb int, c []float32, ldc int, acc bool) {
	if m < 0 || n < 0 || k < 0 {
		panic(fmt.Sprintf("kernel: Gemm with sizes %d×%d×%d", m, n, k))
	}
	if m == 0 || n == 0 {
		return
	}
	need(len(c), (m-1)*ldc+n, "C")
	if k > 0 {
		need(len(a), (m-1)*rsa+(k-1)*csa+1, "A")
		need(len(b), (k-1)*ldb+n, "B")
	}
	if useAsm && k > 0 && n%16 == 0 && m > 1 {
		// The assembly tiles C exactly and can overwrite it.
		gemmTiles(m, n, k, a, rsa, csa, b, ldb, c, ldc, acc)
		return
	}
	if !acc {
		for i := range m {
			clear(c[i*ldc : i*ldc+n])
		}
	}
	if k == 0 {
		return
	}
	if n == 1 && csa == 1 && ldb == 1 && ldc == 1 && k >= 8 {
		// A matrix times a vector: one dot product per row, in 8 lanes
		// (see semantics.go), in either build.
		m4, k8 := 0, k&^7
		if useAsm {
			m4 = m &^ 3
			if m4 > 0 {
				dotRows4(&c[0], &a[0], rsa, m4, k8, &b[0])
			}
		}
		dotRowsGeneric(c[m4:], a[m4*rsa:], rsa, m-m4, k8, b)
		gemmGeneric(m, 1, k-k8, a[k8:], rsa, 1, b[k8:], 1, c, 1)
		return
	}
	if !useAsm {
		gemmGeneric(m, n, k, a, rsa, csa, b, ldb, c, ldc)
		return
	}
	switch {
	case m == 1 && csa == 1:
		// A row vector times B.
		gemvT(c, a, b, ldb, k, n)
	case n == 1 && rsa == 1 && ldb == 1 && ldc == 1:
		// (transposed A) times a column vector: C = Xᵀ·b for X = A's storage.
		gemvT(c, b, a, csa, k, m)
	default:
		n16 := n &^ 15
		if n16 > 0 {
			gemmTiles(m, n16, k, a, rsa, csa, b, ldb, c, ldc, true)
		}
		if n16 < n {
			gemmGeneric(m, n-n16, k, a, rsa, csa, b[n16:], ldb, c[n16:], ldc)
		}
	}
}

// gemmTiles runs the assembly on C, n%16 == 0: the wide tiles of
// gemmWide where it has them (amd64, n%32 == 0), else panels of 6 rows,
// then of 4, 2 and 1 for what is left.
func gemmTiles(m, n, k int, a []float32, rsa, csa int, b []float32, ldb int, c []float32, ldc int, acc bool) {
	if gemmWide(m, n, k, a, rsa, csa, b, ldb, c, ldc, acc) {
		return
	}
	i := m - m%6
	if i > 0 {
		gemm6x16(i, n, k, &a[0], rsa, csa, &b[0], ldb, &c[0], ldc, acc)
	}
	if m-i >= 4 {
		gemm4x16(4, n, k, &a[i*rsa], rsa, csa, &b[0], ldb, &c[i*ldc], ldc, acc)
		i += 4
	}
	if m-i >= 2 {
		gemm2x16(2, n, k, &a[i*rsa], rsa, csa, &b[0], ldb, &c[i*ldc], ldc, acc)
		i += 2
	}
	if m-i == 1 {
		gemm1x16(1, n, k, &a[i*rsa], rsa, csa, &b[0], ldb, &c[i*ldc], ldc, acc)
	}
}

// gemvT sets c[j] += Σ_p a[p]·b[p*ldb+j] for j < n, p < k.
func gemvT(c, a, b []float32, ldb, k, n int) {
	n32 := n &^ 31
	if n32 > 0 {
		gemvT32(&c[0], &a[0], &b[0], ldb, k, n32)
	}
	if n32 < n {
		gemmGeneric(1, n-n32, k, a, 0, 1, b[n32:], ldb, c[n32:], 0)
	}
}

// Tanh sets dst[i] = tanh(src[i]), with the rational approximation of
// Tanh32. dst and src may be the same slice.
func Tanh(dst, src []float32) {
	need(len(dst), len(src), "dst")
	n8 := 0
	if useAsm {
		n8 = len(src) &^ 7
		if n8 > 0 {
			tanh8(&dst[0], &src[0], n8)
		}
	}
	for i := n8; i < len(src); i++ {
		dst[i] = Tanh32(src[i])
	}
}

// MulDTanh sets dz[i] *= 1 - a[i]², the chain rule through a = tanh(z).
func MulDTanh(dz, a []float32) {
	need(len(a), len(dz), "a")
	n8 := 0
	if useAsm {
		n8 = len(dz) &^ 7
		if n8 > 0 {
			mulDTanh8(&dz[0], &a[0], n8)
		}
	}
	for i := n8; i < len(dz); i++ {
		dz[i] *= 1 - float32(a[i]*a[i])
	}
}

func need(have, want int, what string) {
	if have < want {
		panic(fmt.Sprintf("kernel: %s has %d elements, needs %d", what, have, want))
	}
}

// ShallowForward is the forward pass of a 1-h-1 network with tanh hidden
// units over the rows of x, with h = len(w1):
//
//	a[r*h+j] = tanh(x[r]·w1[j] + b1[j]),  z[r] = Σ_j a[r*h+j]·w2[j],
//
// the sum over j in 16 lanes (see semantics.go).
// It never writes the h pre-activations of a row to memory.
func ShallowForward(z, a, x, w1, b1, w2 []float32) {
	h, rows := len(w1), len(x)
	need(len(b1), h, "b1")
	need(len(w2), h, "w2")
	need(len(a), rows*h, "a")
	need(len(z), rows, "z")
	if useAsm && h%16 == 0 && h > 0 && rows > 0 {
		shallowFwd(&z[0], &a[0], &x[0], rows, &w1[0], &b1[0], &w2[0], h)
		return
	}
	shallowFwdGeneric(z, a, x, w1, b1, w2)
}

// ShallowBackward adds the gradients of ShallowForward's weights, given
// dz[r] = dL/dz[r] and the activations a:
//
//	t = dz[r]·(1 - a[r*h+j]²)
//	gw2[j] += Σ_r dz[r]·a[r*h+j],  gw1[j] += w2[j]·Σ_r x[r]·t,  gb1[j] += w2[j]·Σ_r t.
func ShallowBackward(gw1, gb1, gw2, x, dz, a, w2 []float32) {
	h, rows := len(w2), len(x)
	need(len(gw1), h, "gw1")
	need(len(gb1), h, "gb1")
	need(len(gw2), h, "gw2")
	need(len(dz), rows, "dz")
	need(len(a), rows*h, "a")
	if useAsm && h%16 == 0 && h > 0 && rows > 0 {
		shallowBwd(&gw1[0], &gb1[0], &gw2[0], &x[0], &dz[0], rows, &a[0], &w2[0], h)
		return
	}
	shallowBwdGeneric(gw1, gb1, gw2, x, dz, a, w2)
}
