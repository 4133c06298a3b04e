//go:build !purego

package kernel

// gemmWide runs the wide-tile assembly (see asm/gen.go's gemmWide) on C
// when n%32 == 0 and reports whether it did: 1×64 tiles when n%64 == 0,
// else 3×32 tiles and 1×32 for the last rows.
func gemmWide(m, n, k int, a []float32, rsa, csa int, b []float32, ldb int, c []float32, ldc int, acc bool) bool {
	switch {
	case n%64 == 0:
		gemm1x64(m, n, k, &a[0], rsa, csa, &b[0], ldb, &c[0], ldc, acc)
	case n%32 == 0:
		i := m - m%3
		if i > 0 {
			gemm3x32(i, n, k, &a[0], rsa, csa, &b[0], ldb, &c[0], ldc, acc)
		}
		if i < m {
			gemm1x32(m-i, n, k, &a[i*rsa], rsa, csa, &b[0], ldb, &c[i*ldc], ldc, acc)
		}
	default:
		return false
	}
	return true
}
