//go:build !purego

package kernel

import "math"

// useAsm is true: every arm64 core has the NEON instructions of
// kernel_arm64.s. (A variable, so that tests can compare with the
// pure-Go kernels.)
var useAsm = true

// neonConst holds the constants of kernel_arm64.s, each in the 4 lanes of
// a 16-byte slot, in the order of asm/neon's slots: the same float32
// values as Tanh32's (see semantics.go).
var neonConst = splat4([...]uint32{
	math.Float32bits(1), math.Float32bits(2), 1<<31 - 1, 1 << 31,
	math.Float32bits(tanhSwitch), math.Float32bits(tanhCap), math.Float32bits(expMagic),
	math.Float32bits(expLog2e), math.Float32bits(expLn2Hi), math.Float32bits(expLn2Lo),
	math.Float32bits(1.0 / 2), math.Float32bits(1.0 / 6), math.Float32bits(1.0 / 24),
	math.Float32bits(1.0 / 120), math.Float32bits(1.0 / 720), math.Float32bits(1.0 / 5040),
})

func splat4(c [16]uint32) (s [4 * 16]uint32) {
	for i, v := range c {
		s[4*i], s[4*i+1], s[4*i+2], s[4*i+3] = v, v, v, v
	}
	return s
}
