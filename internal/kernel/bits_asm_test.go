//go:build !purego && (amd64 || arm64)

package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// pureGo runs f with the pure-Go kernels, as in the purego build.
func pureGo(t *testing.T, f func()) {
	t.Helper()
	if !useAsm {
		t.Fatal("this CPU cannot run the assembly (amd64 needs AVX2): it cannot be compared with the pure-Go kernels")
	}
	useAsm = false
	defer func() { useAsm = true }()
	f()
}

// sameBits reports the first index at which got and want differ in their
// bits, or -1.
func sameBits(got, want []float32) int {
	for i := range want {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
			return i
		}
	}
	return -1
}

// TestBitsTanh checks that the assembly tanh and Tanh32 agree bit for bit
// on every 1021st float32 in [-10, 10], and on both sides of the switch of
// formula and of the cap.
func TestBitsTanh(t *testing.T) {
	xs := tanhInputs(1021)
	for _, edge := range []float32{tanhSwitch, tanhCap} {
		for d := -64; d <= 64; d++ {
			x := math.Float32frombits(uint32(int32(math.Float32bits(edge)) + int32(d)))
			xs = append(xs, x, -x)
		}
	}
	xs = append(xs, float32(math.NaN()))
	got, want := make([]float32, len(xs)), make([]float32, len(xs))
	Tanh(got, xs)
	pureGo(t, func() { Tanh(want, xs) })
	for i := range xs {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) && !(got[i] != got[i] && want[i] != want[i]) {
			t.Fatalf("tanh(%g): assembly %g, Go %g", xs[i], got[i], want[i])
		}
	}
	dz, dzGo := randSlice(rand.New(rand.NewPCG(1, 9)), len(xs)), make([]float32, len(xs))
	copy(dzGo, dz)
	MulDTanh(dz, got)
	pureGo(t, func() { MulDTanh(dzGo, want) })
	if i := sameBits(dz, dzGo); i >= 0 && dz[i] == dz[i] {
		t.Fatalf("MulDTanh at %d: assembly %g, Go %g", i, dz[i], dzGo[i])
	}
}

// TestBitsGemm checks that Gemm's assembly and pure-Go kernels agree bit
// for bit in every shape Gemm dispatches on.
func TestBitsGemm(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	sizes := []int{1, 2, 3, 4, 5, 6, 7, 8, 11, 16, 17, 32, 33, 64, 128}
	for _, m := range sizes {
		for _, n := range sizes {
			for _, k := range []int{1, 7, 8, 9, 31, 32, 64} {
				for _, trans := range []bool{false, true} {
					for _, acc := range []bool{false, true} {
						a, b, c0 := randSlice(rng, m*k), randSlice(rng, k*n), randSlice(rng, m*n)
						rsa, csa := k, 1
						if trans {
							rsa, csa = 1, m
						}
						c, g := append([]float32(nil), c0...), append([]float32(nil), c0...)
						Gemm(m, n, k, a, rsa, csa, b, n, c, n, acc)
						pureGo(t, func() { Gemm(m, n, k, a, rsa, csa, b, n, g, n, acc) })
						if i := sameBits(c, g); i >= 0 {
							t.Fatalf("%dx%dx%d/trans=%t/acc=%t: C[%d] = %g (assembly), %g (Go)", m, n, k, trans, acc, i, c[i], g[i])
						}
					}
				}
			}
		}
	}
}

// TestBitsShallow checks that the fused 1-h-1 kernels' assembly and
// pure-Go versions agree bit for bit, with saturated units among them.
func TestBitsShallow(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, h := range []int{16, 48, 128} {
		for _, rows := range []int{1, 3, 64} {
			name := fmt.Sprintf("h=%d/rows=%d", h, rows)
			x, w1, b1, w2, dz := randSlice(rng, rows), randSlice(rng, h), randSlice(rng, h), randSlice(rng, h), randSlice(rng, rows)
			for j := range w1 {
				w1[j] *= 4 // some units saturate
			}
			z, a := make([]float32, rows), make([]float32, rows*h)
			zg, ag := make([]float32, rows), make([]float32, rows*h)
			ShallowForward(z, a, x, w1, b1, w2)
			pureGo(t, func() { ShallowForward(zg, ag, x, w1, b1, w2) })
			if i := sameBits(a, ag); i >= 0 {
				t.Fatalf("%s: a[%d] = %g (assembly), %g (Go)", name, i, a[i], ag[i])
			}
			if i := sameBits(z, zg); i >= 0 {
				t.Fatalf("%s: z[%d] = %g (assembly), %g (Go)", name, i, z[i], zg[i])
			}
			g := [3][]float32{randSlice(rng, h), randSlice(rng, h), randSlice(rng, h)}
			gg := [3][]float32{append([]float32(nil), g[0]...), append([]float32(nil), g[1]...), append([]float32(nil), g[2]...)}
			ShallowBackward(g[0], g[1], g[2], x, dz, a, w2)
			pureGo(t, func() { ShallowBackward(gg[0], gg[1], gg[2], x, dz, a, w2) })
			for v := range g {
				if i := sameBits(g[v], gg[v]); i >= 0 {
					t.Fatalf("%s: gradient %d [%d] = %g (assembly), %g (Go)", name, v, i, g[v][i], gg[v][i])
				}
			}
		}
	}
}
