package sinenet

import (
	"fmt"
	"math"
	"testing"
)

// TestGradient checks the hand-written backward pass against central
// finite differences, (L(p+h) - L(p-h)) / 2h with h = 1e-5, for every
// activation × loss × bias on/off, in float64. It logs max|diff| for each
// parameter (run with -v) and requires a relative error of at most 1e-6.
// ReLU-like kinks do not spoil it: no sample sits within h of a kink.
func TestGradient(t *testing.T) {
	const h, tol = 1e-5, 1e-6
	d := NoisySine(7, 3)
	for _, act := range Activations {
		for _, loss := range Losses {
			for _, noBias := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/nobias=%t", act, loss.Name(), noBias), func(t *testing.T) {
					m, err := New(Config{Sizes: []int{1, 5, 4, 1}, Acts: []Activation{act, act, act},
						NoBias: noBias, Init: XavierNormal, Seed: 11})
					if err != nil {
						t.Fatal(err)
					}
					for k := range m.Layers {
						// Random biases, so that they are checked too.
						for j := range m.Layers[k].B {
							m.Layers[k].B[j] = 0.3 * math.Sin(float64(7*k+j))
						}
					}
					m.LossGrad(d.X, d.Y, loss)
					grads := append([]float64(nil), m.Grads...)
					check := func(name string, p []float64, off int) {
						maxDiff, maxRel := 0.0, 0.0
						for i := range p {
							v := p[i]
							p[i] = v + h
							up := m.LossGrad(d.X, d.Y, loss)
							p[i] = v - h
							down := m.LossGrad(d.X, d.Y, loss)
							p[i] = v
							numeric, analytic := (up-down)/(2*h), grads[off+i]
							diff := math.Abs(numeric - analytic)
							maxDiff = math.Max(maxDiff, diff)
							maxRel = math.Max(maxRel, diff/math.Max(1e-8, math.Max(math.Abs(numeric), math.Abs(analytic))))
						}
						t.Logf("%-3s max|diff| %.2e, max relative %.2e", name, maxDiff, maxRel)
						if maxRel > tol {
							t.Errorf("%s: max relative error %.3g > %g", name, maxRel, tol)
						}
					}
					off := 0
					for k, l := range m.Layers {
						check(fmt.Sprintf("W%d", k), l.W, off)
						off += len(l.W)
						if l.B != nil {
							check(fmt.Sprintf("b%d", k), l.B, off)
							off += len(l.B)
						}
					}
				})
			}
		}
	}
}
