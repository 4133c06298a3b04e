package kernel

import (
	"encoding/binary"
	"fmt"
	"hash"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"testing"
)

// bitsWant are the hashes of TestBitsHash, from the amd64 assembly (the
// purego build and arm64 give the same). When a kernel's arithmetic
// changes on purpose (semantics.go), run
// `go test -run TestBitsHash -v ./internal/kernel` on amd64 and copy the
// hashes it logs.
var bitsWant = map[string]string{
	"Gemm":     "bb5337f37e4a2cb8",
	"Tanh":     "f526baf6e8204a6f",
	"MulDTanh": "10ccdc849a6f517c",
	"Shallow":  "82361696918f90dc",
}

// TestBitsHash checks that the kernels give the same bits on every
// platform and in every build: it hashes their results on fixed inputs,
// through every path Gemm dispatches on, and compares the hashes with
// the amd64 assembly's. (TestBitsGemm and the like compare the assembly
// with the pure-Go kernels on one machine; this compares machines.) CI
// runs it on amd64, in the purego build, and on arm64 under
// qemu-aarch64 (make arm64).
func TestBitsHash(t *testing.T) {
	for _, k := range []struct {
		name string
		run  func(h *bitHash)
	}{
		{"Gemm", gemmBits},
		{"Tanh", tanhBits},
		{"MulDTanh", mulDTanhBits},
		{"Shallow", shallowBits},
	} {
		h := &bitHash{fnv.New64a()}
		k.run(h)
		got := fmt.Sprintf("%016x", h.Sum64())
		t.Logf("%q: %q,", k.name, got)
		if got != bitsWant[k.name] {
			t.Errorf("%s: results hash to %s, want %s (the amd64 assembly's)", k.name, got, bitsWant[k.name])
		}
	}
}

// exactInputs returns n numbers in [-scale, scale) made from integers
// alone (multiples of scale/2²³), so that every platform has the same
// inputs: rand's NormFloat64 goes through math.Exp and math.Log, whose
// last bit may differ between platforms.
func exactInputs(rng *rand.Rand, n int, scale float32) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(int32(rng.Uint32()>>8)-1<<23) * (scale / (1 << 23))
	}
	return s
}

// bitHash hashes the bits of float32 results.
type bitHash struct{ hash.Hash64 }

func (b *bitHash) add(s []float32) {
	buf := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(buf[4*i:], math.Float32bits(v))
	}
	b.Write(buf)
}

// gemmBits covers the tiles (6, 4, 2, 1 rows; n%16 == 0 or not), the
// matrix-vector paths (dotRows4 for n == 1, gemvT32 for m == 1 and for a
// transposed A times a vector) and their Go edges.
func gemmBits(h *bitHash) {
	rng := rand.New(rand.NewPCG(7, 8))
	sizes := []int{1, 2, 3, 4, 5, 6, 7, 12, 13, 16, 17, 32, 33, 64, 100}
	for _, m := range sizes {
		for _, n := range sizes {
			for _, k := range []int{1, 7, 8, 9, 16, 33} {
				for _, trans := range []bool{false, true} {
					for _, acc := range []bool{false, true} {
						a, b, c := exactInputs(rng, m*k, 2), exactInputs(rng, k*n, 2), exactInputs(rng, m*n, 2)
						rsa, csa := k, 1
						if trans {
							rsa, csa = 1, m
						}
						Gemm(m, n, k, a, rsa, csa, b, n, c, n, acc)
						h.add(c)
					}
				}
			}
		}
	}
}

// tanhBits covers every 1024th float32 in [-10, 10] (all magnitudes
// down to the subnormals, the clamp and beyond), and large values.
func tanhBits(h *bitHash) {
	var xs []float32
	for bits := uint32(0); bits <= math.Float32bits(10); bits += 1024 {
		x := math.Float32frombits(bits)
		xs = append(xs, x, -x)
	}
	xs = append(xs, 20, -20, 1e10, float32(math.Inf(1)), float32(math.Inf(-1)), math.MaxFloat32)
	for len(xs)%8 != 5 { // and a tail for the Go loop
		xs = append(xs, 0.5)
	}
	t := make([]float32, len(xs))
	Tanh(t, xs)
	h.add(t)
}

func mulDTanhBits(h *bitHash) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{1, 7, 8, 9, 100, 1003} {
		dz, a := exactInputs(rng, n, 4), exactInputs(rng, n, 1)
		MulDTanh(dz, a)
		h.add(dz)
	}
}

func shallowBits(h *bitHash) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, hid := range []int{1, 5, 16, 48, 128} {
		for _, rows := range []int{1, 3, 64, 257} {
			x, w1, b1, w2 := exactInputs(rng, rows, 4), exactInputs(rng, hid, 4), exactInputs(rng, hid, 2), exactInputs(rng, hid, 1)
			z, a := make([]float32, rows), make([]float32, rows*hid)
			ShallowForward(z, a, x, w1, b1, w2)
			dz := exactInputs(rng, rows, 1)
			gw1, gb1, gw2 := exactInputs(rng, hid, 1), exactInputs(rng, hid, 1), exactInputs(rng, hid, 1)
			ShallowBackward(gw1, gb1, gw2, x, dz, a, w2)
			for _, s := range [][]float32{z, a, gw1, gb1, gw2} {
				h.add(s)
			}
		}
	}
}
