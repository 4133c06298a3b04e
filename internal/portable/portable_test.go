package portable

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// Every function is checked two ways. On amd64 it must give the standard
// library's bits for every input (which is what sinenet's notebooks and
// golden hashes were made with). On every machine the SHA-256 of its
// first 1<<20 results must be the golden one below, which amd64 made: that
// is the check that arm64 (under QEMU in make arm64) gives the same bits.

const (
	nCompare = 10_000_000 // inputs compared with the standard library on amd64
	nHash    = 1 << 20    // inputs whose results are hashed, on every machine
)

// inputs returns the i-th of a function's test inputs.
type inputs func(r *rand.Rand) float64

// uniform draws from [a, b).
func uniform(a, b float64) inputs {
	return func(r *rand.Rand) float64 { return a + float64((b-a)*r.Float64()) }
}

// wide draws ±2^e·m for e uniform in [lo, hi): every scale of float64.
func wide(lo, hi int) inputs {
	return func(r *rand.Rand) float64 {
		x := math.Ldexp(1+r.Float64(), lo+r.IntN(hi-lo))
		if r.Uint64()&1 == 1 {
			x = -x
		}
		return x
	}
}

// check compares f with ref on amd64 over nCompare inputs from each of
// ins, and the hash of f's first nHash results from each with golden.
func check(t *testing.T, name string, f, ref func(float64) float64, golden string, ins ...inputs) {
	t.Helper()
	h := sha256.New()
	var b [8]byte
	n := nHash
	if runtime.GOARCH == "amd64" {
		n = nCompare
	}
	differ := 0
	for k, in := range ins {
		r := rand.New(rand.NewPCG(uint64(k), 1))
		for i := range n {
			x := in(r)
			y := f(x)
			if i < nHash {
				binary.LittleEndian.PutUint64(b[:], math.Float64bits(y))
				h.Write(b[:])
			}
			if runtime.GOARCH == "amd64" {
				if want := ref(x); math.Float64bits(y) != math.Float64bits(want) && !(math.IsNaN(y) && math.IsNaN(want)) {
					if differ++; differ <= 5 {
						t.Errorf("%s(%v) = %v, math's %v", name, x, y, want)
					}
				}
			}
		}
	}
	if differ > 0 {
		t.Errorf("%s differs from math's in %d of %d inputs", name, differ, n*len(ins))
	} else if runtime.GOARCH == "amd64" {
		t.Logf("%s = math's on all %d inputs", name, n*len(ins))
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != golden {
		t.Errorf("%s: the first %d results of each input set hash to %s, want %s (amd64's)", name, nHash, got, golden)
	}
}

func TestSin(t *testing.T) {
	check(t, "Sin", Sin, math.Sin, "9b5a5183cb48ef8d7181e82939327b68ea6957805b810959ebc1c02786b797fb",
		uniform(-1, 9), uniform(-1e6, 1e6), wide(-1080, 1024))
	for _, x := range special {
		if y, want := Sin(x), math.Sin(x); math.Float64bits(y) != math.Float64bits(want) && !(math.IsNaN(y) && math.IsNaN(want)) {
			t.Errorf("Sin(%v) = %v, want %v", x, y, want)
		}
	}
}

func TestCos(t *testing.T) {
	check(t, "Cos", Cos, math.Cos, "1bc54865f96d198165ead82638c5e70d5d9e88b2f41c2413ace72a2f1911c94f",
		uniform(0, math.Pi), uniform(-1e6, 1e6), wide(-1080, 1024))
	for _, x := range special {
		if y, want := Cos(x), math.Cos(x); math.Float64bits(y) != math.Float64bits(want) && !(math.IsNaN(y) && math.IsNaN(want)) {
			t.Errorf("Cos(%v) = %v, want %v", x, y, want)
		}
	}
}

// special holds edge cases for Sin and Cos, with the amd64 results fixed
// by the standard library (compared on every machine: these are exact).
var special = []float64{0, math.Copysign(0, -1), math.NaN(), math.Inf(1), math.Inf(-1),
	math.Pi / 4, math.Pi / 2, math.Pi, 1 << 29, math.Nextafter(1<<29, 0), math.MaxFloat64, 5e-324}

func TestLog(t *testing.T) {
	// (0, 1] as 1 - r.Float64(): the normal sampler's tail takes Log of
	// rand's Float64; then every normal float64.
	check(t, "Log", Log, math.Log, "33c2d98073975e73689d84da213f43472ad78aabe852dc66ff0c7ef91d36b833",
		func(r *rand.Rand) float64 { return 1 - r.Float64() }, wide(-1022, 1024))
	// Below 2^-1022 amd64's assembly reads x as if normal (math.Log(5e-324)
	// is -709.09 there); Log computes -1074·ln 2.
	if got, want := Log(5e-324), -1074*math.Ln2; math.Abs(got-want) > 1e-12 {
		t.Errorf("Log(5e-324) = %v, want %v", got, want)
	}
}

func TestExp(t *testing.T) {
	// [-6, 0] is where the sampler's wedge test takes e^(-x²/2).
	check(t, "Exp", Exp, math.Exp, "c57456c6d35d4a5503cf5ea1fc3862202b581c2ff039d9c8ccb107a1e145c37a",
		uniform(-6, 0), uniform(-750, 710))
}

func TestTanh(t *testing.T) {
	// sinenet's reference path: pre-activations, mostly within ±10.
	check(t, "Tanh", Tanh, math.Tanh, "d49cefca121c0d0caa49fc92a1a14485cf031c04060553767071aacfe028b1f7",
		uniform(-1, 1), uniform(-25, 25), wide(-1080, 12))
}

// TestNormal draws nCompare numbers from each of three seeds, as sinenet
// does (NewRand: PCG(seed, 0x5eed5eed)), with Normal and with
// NormFloat64 from a twin source, and wants the same numbers and the
// same stream afterwards.
func TestNormal(t *testing.T) {
	h := sha256.New()
	var b [8]byte
	for _, seed := range []uint64{1, 2, 42} {
		r := rand.New(rand.NewPCG(seed, 0x5eed5eed))
		twin := rand.New(rand.NewPCG(seed, 0x5eed5eed))
		n, differ := nHash, 0
		if runtime.GOARCH == "amd64" {
			n = nCompare
		}
		for i := range n {
			x := Normal(r)
			if i < nHash {
				binary.LittleEndian.PutUint64(b[:], math.Float64bits(x))
				h.Write(b[:])
			}
			if runtime.GOARCH == "amd64" {
				if want := twin.NormFloat64(); math.Float64bits(x) != math.Float64bits(want) {
					if differ++; differ <= 5 {
						t.Errorf("seed %d, draw %d: Normal = %v, NormFloat64 = %v", seed, i, x, want)
					}
				}
			}
		}
		if runtime.GOARCH == "amd64" {
			if differ > 0 {
				t.Errorf("seed %d: %d of %d draws differ", seed, differ, n)
			} else if r.Uint64() != twin.Uint64() {
				t.Errorf("seed %d: after %d draws the streams are at different places", seed, n)
			} else {
				t.Logf("seed %d: all %d draws = NormFloat64's", seed, n)
			}
		}
	}
	if got, want := hex.EncodeToString(h.Sum(nil)), "d46139ed08b7dac0dedb5027dbc3ba133d1db13d0878b98b3796f627698b8029"; got != want {
		t.Errorf("the first %d draws of each seed hash to %s, want %s (amd64's)", nHash, got, want)
	}
}
