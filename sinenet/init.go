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

// The initializers.
const (
	// StdNormal draws W and b from N(0, 1), as the question did with
	// torch.randn. With wide layers this saturates tanh units.
	StdNormal Init = "normal"
	// XavierUniform draws W from U(-r, r), r = √(6/(n+m)), and sets b = 0.
	// Glorot & Bengio, "Understanding the difficulty of training deep
	// feedforward neural networks", AISTATS 2010. Xavier is the standard
	// init for tanh (and sigmoid) layers: it keeps a signal's variance
	// through them. With b = 0 and a single input, every first-layer unit
	// starts centred at x = 0; training has to move the biases.
	XavierUniform Init = "xavier-uniform"
	// XavierNormal draws W from N(0, 2/(n+m)) and sets b = 0 (Glorot & Bengio 2010).
	XavierNormal Init = "xavier-normal"
	// He draws W from N(0, 2/n) and sets b = 0, for ReLU layers. He et al.,
	// "Delving Deep into Rectifiers", ICCV 2015 (PyTorch's kaiming_normal_).
	// It is not meant for tanh: with fan-in 1 it draws weights of standard
	// deviation √2 ≈ 1.41, which saturate tanh units at x = 9. With b = 0
	// and a single input, every first-layer ReLU kink starts at x = 0.
	He Init = "he"
	// PyTorch is nn.Linear's default: W and b from U(-1/√n, 1/√n).
	PyTorch Init = "pytorch"
)

// Inits lists every initializer.
var Inits = []Init{PyTorch, XavierUniform, XavierNormal, He, StdNormal}

// ParseInit returns the initializer with the given name, ignoring case.
// "kaiming" is He, "randn" is StdNormal and "xavier"/"glorot" are
// XavierUniform.
func ParseInit(name string) (Init, error) {
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
