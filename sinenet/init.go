package sinenet

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/sinenet/sinenet/internal/portable"
)

// Init names how the weights W and biases b of a layer with fan-in n and
// fan-out m are drawn.
type Init string

// The initializers. Xavier (Glorot and Bengio, AISTATS 2010) keeps a
// signal's variance through tanh layers; He (He et al., ICCV 2015) is for
// ReLU: with fan-in 1 its weights saturate tanh units at x = 9. With b = 0
// and one input, either starts every first-layer unit centred at x = 0.
const (
	StdNormal     Init = "normal"         // W, b ~ N(0, 1), the question's torch.randn
	XavierUniform Init = "xavier-uniform" // W ~ U(-r, r), r = √(6/(n+m)); b = 0
	XavierNormal  Init = "xavier-normal"  // W ~ N(0, 2/(n+m)); b = 0
	He            Init = "he"             // W ~ N(0, 2/n); b = 0 (PyTorch's kaiming_normal_)
	PyTorch       Init = "pytorch"        // W, b ~ U(-1/√n, 1/√n), nn.Linear's default
)

// parseInit returns the initializer with the given name, ignoring case.
// "kaiming" is He, "randn" is StdNormal and "xavier"/"glorot" are
// XavierUniform.
func parseInit(name string) (Init, error) {
	s := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	switch s {
	case "kaiming", "kaiming-normal", "he-normal":
		return He, nil
	case "randn", "standard-normal", "stdnormal":
		return StdNormal, nil
	case "xavier", "glorot", "glorot-uniform":
		return XavierUniform, nil
	case "glorot-normal":
		return XavierNormal, nil
	case "default", "torch", "":
		return PyTorch, nil
	}
	for _, in := range Inits {
		if string(in) == s {
			return in, nil
		}
	}
	return "", &InputError{Kind: "initializer", Name: name, msg: fmt.Sprintf("sinenet: unknown initializer %q; use one of %v", name, Inits)}
}

// fill draws the weights W (n·m values) and biases b (m values, or none)
// of one layer.
func (in Init) fill(W, b []float64, n, m int, rng *rand.Rand) {
	uniform := func(v []float64, r float64) {
		for i := range v {
			v[i] = r * (2*float64(rng.Float64()) - 1)
		}
	}
	normal := func(v []float64, std float64) {
		for i := range v {
			v[i] = std * portable.Normal(rng)
		}
	}
	clear(b)
	switch in {
	case StdNormal:
		normal(W, 1)
		normal(b, 1)
	case XavierUniform:
		uniform(W, math.Sqrt(6/float64(n+m)))
	case XavierNormal:
		normal(W, math.Sqrt(2/float64(n+m)))
	case He:
		normal(W, math.Sqrt(2/float64(n)))
	case PyTorch:
		r := 1 / math.Sqrt(float64(n))
		uniform(W, r)
		uniform(b, r)
	default:
		panic("sinenet: fill with unchecked initializer " + string(in))
	}
}
