//go:build purego || !(amd64 || arm64)

package kernel

// useAsm is false: this build runs the pure-Go kernels only.
const useAsm = false

func gemm6x16(m, n, k int, a *float32, rsa, csa int, b *float32, ldb int, c *float32, ldc int, acc bool) {
	panic("kernel: no assembly in this build")
}
func gemm4x16(m, n, k int, a *float32, rsa, csa int, b *float32, ldb int, c *float32, ldc int, acc bool) {
	panic("kernel: no assembly in this build")
}
func gemm2x16(m, n, k int, a *float32, rsa, csa int, b *float32, ldb int, c *float32, ldc int, acc bool) {
	panic("kernel: no assembly in this build")
}
func gemm1x16(m, n, k int, a *float32, rsa, csa int, b *float32, ldb int, c *float32, ldc int, acc bool) {
	panic("kernel: no assembly in this build")
}
func tanh8(dst, src *float32, n int)                      { panic("kernel: no assembly in this build") }
func mulDTanh8(dz, a *float32, n int)                     { panic("kernel: no assembly in this build") }
func dotRows4(z, x *float32, ld, rows, k int, w *float32) { panic("kernel: no assembly in this build") }
func gemvT32(c, a, b *float32, ldb, k, n int)             { panic("kernel: no assembly in this build") }
func shallowFwd(z, a, x *float32, rows int, w1, b1, w2 *float32, h int) {
	panic("kernel: no assembly in this build")
}
func shallowBwd(gw1, gb1, gw2, x, dz *float32, rows int, a, w2 *float32, h int) {
	panic("kernel: no assembly in this build")
}
