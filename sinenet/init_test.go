package sinenet

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// TestInitScale checks that each initializer draws weights with the
// mean and standard deviation its formula promises.
func TestInitScale(t *testing.T) {
	const n, m = 200, 300 // fan-in and fan-out
	for _, c := range []struct {
		init    Init
		std     float64 // of W
		biasStd float64 // of b
	}{
		{StdNormal, 1, 1},
		{XavierUniform, math.Sqrt(6.0/(n+m)) / math.Sqrt(3), 0},
		{XavierNormal, math.Sqrt(2.0 / (n + m)), 0},
		{He, math.Sqrt(2.0 / n), 0},
		{PyTorch, 1 / math.Sqrt(n) / math.Sqrt(3), 1 / math.Sqrt(n) / math.Sqrt(3)},
	} {
		mlp := build(Config{Sizes: []int{n, m}, Acts: []Activation{Identity}, Init: c.init, Seed: 3})
		l := mlp.Layers[0]
		mean, std := stat.MeanStdDev(l.W, nil)
		if math.Abs(mean) > 0.02*c.std || math.Abs(std/c.std-1) > 0.02 {
			t.Errorf("%s: W has mean %.3g, std %.4g; want 0, %.4g", c.init, mean, std, c.std)
		}
		_, bstd := stat.MeanStdDev(l.B, nil)
		if math.Abs(bstd-c.biasStd) > 0.15*c.biasStd+1e-12 {
			t.Errorf("%s: b has std %.4g; want %.4g", c.init, bstd, c.biasStd)
		}
	}
}
