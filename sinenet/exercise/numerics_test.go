package exercise

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/mat"
)

// TestMomentumLimit checks exercise 6's bisection, which uses no closed
// form, against the limit 2(1 + β)/λ that 05-solutions derives.
func TestMomentumLimit(t *testing.T) {
	for _, tc := range []struct{ lam, beta float64 }{{1, 0}, {0.1, 0.5}, {157, 0.9}, {1000, 0.99}, {3.3, 0.7}} {
		got, want := momentumLimit(tc.lam, tc.beta), 2*(1+tc.beta)/tc.lam
		if !scalar.EqualWithinRel(got, want, 1e-12) {
			t.Errorf("λ = %v, β = %v: limit %v, want %v", tc.lam, tc.beta, got, want)
		}
		if x := heavyBall(tc.lam, tc.beta, 0.99*want, 20000); !(x < 1e-3) {
			t.Errorf("λ = %v, β = %v: at 0.99 × the limit |x| ends at %v; want it to converge", tc.lam, tc.beta, x)
		}
		if x := heavyBall(tc.lam, tc.beta, 1.01*want, 20000); !(x > 1e3 || math.IsNaN(x)) { // NaN: Inf − Inf after overflow
			t.Errorf("λ = %v, β = %v: at 1.01 × the limit |x| ends at %v; want it to diverge", tc.lam, tc.beta, x)
		}
	}
}

// TestSym checks that exercise 7's drawn matrices are symmetric and have
// the eigenvalues they were drawn with, both ends included.
func TestSym(t *testing.T) {
	g := rng(7)
	for _, low := range []float64{0, -2.5} {
		lam := eigenvalues(g, PowerN, 10, low)
		s := newSym(g, lam)
		H := mat.NewDense(PowerN, PowerN, nil)
		e, col := make([]float64, PowerN), make([]float64, PowerN)
		for j := range PowerN {
			e[j] = 1
			s.mul(col, e)
			e[j] = 0
			H.SetCol(j, col)
		}
		sym := mat.NewSymDense(PowerN, nil)
		for i := range PowerN {
			for j := range PowerN {
				if d := math.Abs(H.At(i, j) - H.At(j, i)); d > 1e-12 {
					t.Fatalf("low %v: H is not symmetric at (%d, %d): %g", low, i, j, d)
				}
				sym.SetSym(i, j, H.At(i, j))
			}
		}
		var eig mat.EigenSym
		if !eig.Factorize(sym, false) {
			t.Fatal("no eigenvalues")
		}
		v := eig.Values(nil)
		if !scalar.EqualWithinAbs(v[PowerN-1], lam[0], 1e-9) || !scalar.EqualWithinAbs(v[0], lowest(lam), 1e-9) {
			t.Errorf("low %v: eigenvalues from %v to %v, want %v to %v", low, v[0], v[PowerN-1], lowest(lam), lam[0])
		}
	}
}

func lowest(v []float64) float64 {
	m := v[0]
	for _, x := range v {
		m = min(m, x)
	}
	return m
}
