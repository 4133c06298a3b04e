package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// ulps returns the distance between a and b in float32 units in the last
// place (0 when equal).
func ulps(a, b float32) float64 {
	ia, ib := int64(math.Float32bits(a)), int64(math.Float32bits(b))
	if ia < 0x80000000 != (ib < 0x80000000) {
		return float64(abs(ia&0x7fffffff) + abs(ib&0x7fffffff))
	}
	return float64(abs(ia - ib))
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// tanhInputs covers the range that matters densely and the rest sparsely:
// every step-th float32 in [-10, 10] (so all magnitudes down to the
// subnormals), plus some large values and the specials.
func tanhInputs(step uint32) []float32 {
	var xs []float32
	for bits := uint32(0); bits <= math.Float32bits(10); bits += step {
		x := math.Float32frombits(bits)
		xs = append(xs, x, -x)
	}
	xs = append(xs, 20, -20, 1e10, -1e10, float32(math.Inf(1)), float32(math.Inf(-1)), math.MaxFloat32)
	return xs
}

// TestTanhError measures the approximation against math.Tanh rounded to
// float32, in absolute error and in units in the last place (ulp); float32
// rounding alone is ≤ 0.5 ulp. From |x| = 0.3 on it wants 1 ulp at most,
// so exactly ±1 where float32(tanh(x)) is ±1 (|x| > 9.01).
func TestTanhError(t *testing.T) {
	xs := tanhInputs(64)
	got := make([]float32, len(xs))
	Tanh(got, xs)
	for _, impl := range []struct {
		name string
		f    func(i int) float32
	}{
		{"Tanh", func(i int) float32 { return got[i] }},
		{"Tanh32", func(i int) float32 { return Tanh32(xs[i]) }},
	} {
		maxAbs, maxUlp := 0.0, 0.0
		var atAbs, atUlp float32
		for i, x := range xs {
			want := math.Tanh(float64(x))
			y := impl.f(i)
			if e := math.Abs(float64(y) - want); e > maxAbs {
				maxAbs, atAbs = e, x
			}
			if u := ulps(y, float32(want)); u > maxUlp {
				maxUlp, atUlp = u, x
			}
			if math.Abs(float64(y)) > 1 {
				t.Errorf("%s(%g) = %g, outside [-1, 1]", impl.name, x, y)
			}
			// Near saturation the derivative 1 - a² needs every digit.
			if ax := math.Abs(float64(x)); ax >= 0.3 && ulps(y, float32(want)) > 1 {
				t.Errorf("%s(%g) = %g, %g ulp from float32(tanh) %g; want ≤ 1 ulp for |x| ≥ 0.3", impl.name, x, y, ulps(y, float32(want)), float32(want))
			}
		}
		t.Logf("%s: max abs error %.3g (at x = %g), max %g ulp from float32(tanh) (at x = %g), over %d inputs",
			impl.name, maxAbs, atAbs, maxUlp, atUlp, len(xs))
		if maxAbs > 1.2e-7 || maxUlp > 2 {
			t.Errorf("%s: max abs error %.3g > 1.2e-7 or %g ulp > 2", impl.name, maxAbs, maxUlp)
		}
	}
	nan := []float32{float32(math.NaN())}
	Tanh(nan, nan)
	if nan[0] == nan[0] || Tanh32(nan[0]) == Tanh32(nan[0]) {
		t.Errorf("tanh(NaN) = %g, %g; want NaN", nan[0], Tanh32(float32(math.NaN())))
	}
}

func randSlice(rng *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(rng.NormFloat64())
	}
	return s
}

// TestGemm checks Gemm, in every shape it dispatches on, against a float64
// triple loop, and against the pure-Go kernel.
func TestGemm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sizes := []int{1, 2, 3, 4, 5, 6, 7, 8, 11, 16, 17, 32, 33, 64, 128}
	for _, m := range sizes {
		for _, n := range sizes {
			for _, k := range []int{1, 7, 8, 9, 32, 64} {
				for _, trans := range []bool{false, true} {
					for _, acc := range []bool{false, true} {
						name := fmt.Sprintf("%dx%dx%d/trans=%t/acc=%t", m, n, k, trans, acc)
						a := randSlice(rng, m*k)
						rsa, csa := k, 1
						if trans {
							rsa, csa = 1, m
						}
						b := randSlice(rng, k*n)
						c0 := randSlice(rng, m*n)
						want := make([]float64, m*n)
						scale := make([]float64, m*n) // Σ|a·b| bounds the rounding error
						for i := range m {
							for j := range n {
								if acc {
									want[i*n+j] = float64(c0[i*n+j])
									scale[i*n+j] = math.Abs(want[i*n+j])
								}
								for p := range k {
									v := float64(a[i*rsa+p*csa]) * float64(b[p*n+j])
									want[i*n+j] += v
									scale[i*n+j] += math.Abs(v)
								}
							}
						}
						c := append([]float32(nil), c0...)
						Gemm(m, n, k, a, rsa, csa, b, n, c, n, acc)
						g := append([]float32(nil), c0...)
						if !acc {
							clear(g)
						}
						gemmGeneric(m, n, k, a, rsa, csa, b, n, g, n)
						for i := range c {
							tol := 1e-6 * float64(k+1) * scale[i]
							if math.Abs(float64(c[i])-want[i]) > tol || math.Abs(float64(g[i])-want[i]) > tol {
								t.Fatalf("%s: C[%d] = %g (asm or Go), Go %g, want %g ± %.2g", name, i, c[i], g[i], want[i], tol)
							}
						}
					}
				}
			}
		}
	}
}

func TestMulDTanh(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 7, 8, 9, 100} {
		dz, a := randSlice(rng, n), randSlice(rng, n)
		got := append([]float32(nil), dz...)
		MulDTanh(got, a)
		for i := range dz {
			want := float64(dz[i]) * (1 - float64(a[i])*float64(a[i]))
			if math.Abs(float64(got[i])-want) > 1e-6*(1+math.Abs(want)) {
				t.Errorf("n=%d: dz[%d] = %g, want %g", n, i, got[i], want)
			}
		}
	}
}

func BenchmarkTanh(b *testing.B) {
	x := randSlice(rand.New(rand.NewPCG(1, 1)), 4096)
	y := make([]float32, len(x))
	b.SetBytes(4 * int64(len(x)))
	for b.Loop() {
		Tanh(y, x)
	}
}

func BenchmarkGemm32x128(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	const rows, k, n = 64, 32, 128
	a, w, c := randSlice(rng, rows*k), randSlice(rng, k*n), make([]float32, rows*n)
	b.ReportMetric(0, "ns/op")
	for b.Loop() {
		Gemm(rows, n, k, a, k, 1, w, n, c, n, false)
	}
	b.ReportMetric(float64(2*rows*k*n*b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
}

// TestShallow checks the fused 1-h-1 kernels against a float64 loop.
func TestShallow(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, h := range []int{1, 5, 16, 48, 128} {
		for _, rows := range []int{1, 3, 64} {
			x, w1, b1, w2 := randSlice(rng, rows), randSlice(rng, h), randSlice(rng, h), randSlice(rng, h)
			dz := randSlice(rng, rows)
			z, a := make([]float32, rows), make([]float32, rows*h)
			ShallowForward(z, a, x, w1, b1, w2)
			gw1, gb1, gw2 := randSlice(rng, h), randSlice(rng, h), randSlice(rng, h)
			g1, gb, g2 := append([]float32(nil), gw1...), append([]float32(nil), gb1...), append([]float32(nil), gw2...)
			ShallowBackward(gw1, gb1, gw2, x, dz, a, w2)
			for r := range rows {
				want := 0.0
				for j := range h {
					av := math.Tanh(float64(x[r])*float64(w1[j]) + float64(b1[j]))
					if math.Abs(float64(a[r*h+j])-av) > 1e-6 {
						t.Fatalf("h=%d rows=%d: a[%d,%d] = %g, want %g", h, rows, r, j, a[r*h+j], av)
					}
					want += av * float64(w2[j])
				}
				if math.Abs(float64(z[r])-want) > 1e-5*float64(h) {
					t.Fatalf("h=%d rows=%d: z[%d] = %g, want %g", h, rows, r, z[r], want)
				}
			}
			for j := range h {
				w1, wb, w2g := float64(g1[j]), float64(gb[j]), float64(g2[j])
				for r := range rows {
					av := float64(a[r*h+j])
					d := float64(dz[r])
					w2g += d * av
					tt := d * (1 - av*av) * float64(w2[j])
					w1 += float64(x[r]) * tt
					wb += tt
				}
				for _, c := range [][2]float64{{float64(gw1[j]), w1}, {float64(gb1[j]), wb}, {float64(gw2[j]), w2g}} {
					if math.Abs(c[0]-c[1]) > 1e-5*float64(rows+1)*(1+math.Abs(c[1])) {
						t.Fatalf("h=%d rows=%d: gradient %g, want %g", h, rows, c[0], c[1])
					}
				}
			}
		}
	}
}
