//go:build purego || !amd64

package kernel

// gemmWide reports false: only amd64 has the wide-tile assembly.
func gemmWide(m, n, k int, a []float32, rsa, csa int, b []float32, ldb int, c []float32, ldc int, acc bool) bool {
	return false
}
