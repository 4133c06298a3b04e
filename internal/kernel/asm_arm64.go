//go:build !purego

package kernel

// useAsm is true: every arm64 core has the NEON instructions of
// kernel_arm64.s.
const useAsm = true

// neonConst holds the constants of kernel_arm64.s, each in the 4 lanes of
// a 16-byte slot, in the order of asm/neon's slots: 1, ±clamp, then
// Tanh32's coefficients (α₀ = β₀ = 1).
var neonConst = splat4([...]float32{1, clamp, -clamp,
	1, alpha3, alpha5, alpha7, alpha9, alpha11, alpha13,
	1, beta2, beta4, beta6})

func splat4(c [14]float32) (s [4 * 14]float32) {
	for i, v := range c {
		s[4*i], s[4*i+1], s[4*i+2], s[4*i+3] = v, v, v, v
	}
	return s
}
