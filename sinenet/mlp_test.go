package sinenet

import (
	"fmt"
	"math"
	"testing"
)

// TestGradient checks the hand-written backward pass against central
// finite differences for every activation × loss × bias on/off.
func TestGradient(t *testing.T) {
	d := NoisySine(7, 3)
	for _, act := range Activations {
		for _, loss := range Losses {
			for _, noBias := range []bool{false, true} {
				name := fmt.Sprintf("%s/%s/nobias=%t", act, loss.Name(), noBias)
				t.Run(name, func(t *testing.T) {
					m, err := New(Config{Sizes: []int{1, 5, 4, 1}, Acts: []Activation{act, act, act},
						NoBias: noBias, Init: XavierNormal, Seed: 11})
					if err != nil {
						t.Fatal(err)
					}
					m.LossGrad(d.X, d.Y, loss)
					got := append([]float64(nil), m.Grads...)
					const h = 1e-5
					worst := 0.0
					for i := range m.Params {
						p := m.Params[i]
						m.Params[i] = p + h
						up := m.LossGrad(d.X, d.Y, loss)
						m.Params[i] = p - h
						down := m.LossGrad(d.X, d.Y, loss)
						m.Params[i] = p
						want := (up - down) / (2 * h)
						rel := math.Abs(got[i]-want) / math.Max(1e-8, math.Max(math.Abs(got[i]), math.Abs(want)))
						worst = math.Max(worst, rel)
					}
					if worst > 1e-6 {
						t.Errorf("max relative error %.3g > 1e-6", worst)
					}
				})
			}
		}
	}
}
