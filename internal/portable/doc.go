// Package portable gives the few elementary functions and the normal
// sampler that sinenet's data and initial weights depend on, computed
// with the same bits on every machine.
//
// Go's math.Sin, math.Cos, math.Log, math.Exp and math.Tanh, and math/rand/v2's
// NormFloat64, are not bit-portable. Where the standard library computes
// them in Go, the compiler fuses x*y + z into one multiply-add on arm64
// (not on amd64); and where it uses assembly, amd64 and arm64 use other
// algorithms (math.Exp on amd64 even depends on whether the CPU has FMA).
// So an Apple Silicon Mac drew other data and other initial weights than
// a PC, in the last bit, and training grows such a difference.
//
// The functions here follow the same published methods as the standard
// library does on amd64, so they give exactly amd64's bits there (the
// tests check tens of millions of inputs), and the same bits everywhere
// else: every product that an addition follows is rounded by an explicit
// conversion, float64(x*y) + z, which Go never fuses (the Go spec,
// "Floating-point operators"), and the one fused step of math.Exp on
// amd64 is math.FMA here, which is exact on every machine.
//
//   - Sin, Cos: Cephes (Moshier), with Cody-Waite or Payne-Hanek reduction.
//   - Log: fdlibm's e_log.c (Sun Microsystems, 1993).
//   - Exp: Shibata's method (ISC 2010), the one math.Exp uses on amd64.
//   - Tanh: Cephes, through Exp.
//   - Normal: the ziggurat of Marsaglia & Tsang (2000), drawing from the
//     same *rand.Rand stream as NormFloat64, in the same way.
//
// The tables (ziggurat layers, bits of 4/π) are written by gen.go.
package portable

//go:generate go run gen.go
