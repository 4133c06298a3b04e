package sinenet

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sinenet/sinenet/internal/portable"
)

// Activation names the function a layer applies to its pre-activation z.
type Activation string

// The activations. Derivatives at kinks follow PyTorch: ReLU'(0) = 0 and
// LeakyReLU'(0) = 0.01.
const (
	Identity  Activation = "identity"  // a = z
	Tanh      Activation = "tanh"      // a = tanh(z)
	Sigmoid   Activation = "sigmoid"   // a = 1 / (1 + e^-z)
	ReLU      Activation = "relu"      // a = max(0, z)
	LeakyReLU Activation = "leakyrelu" // a = z for z > 0, else 0.01·z (PyTorch's slope)
	Softplus  Activation = "softplus"  // a = ln(1 + e^z), a smooth ReLU
)

// leakySlope is LeakyReLU's slope for z < 0, PyTorch's default 0.01.
const leakySlope = 0.01

// parseActivation returns the activation with the given name, ignoring
// case, "-" and "_" ("Leaky_ReLU" is LeakyReLU). "linear" and "none" are
// Identity.
func parseActivation(name string) (Activation, error) {
	s := strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(name))
	switch s {
	case "linear", "none", "":
		return Identity, nil
	}
	for _, a := range Activations {
		if string(a) == s {
			return a, nil
		}
	}
	return "", &InputError{Kind: "activation", Name: name, msg: fmt.Sprintf("sinenet: unknown activation %q; use one of %v", name, Activations)}
}

// valid reports whether a is one of the constants above. A Layer's Act
// must be one of them: apply and deriv know no other spelling. Config.Acts may
// also hold names that parseActivation takes ("Tanh", "linear"), since
// New turns them into the constants.
func (a Activation) valid() bool {
	return slices.Contains(Activations, a)
}

// apply returns a(z), or NaN for an a that is not an activation. tanh and
// e^z are internal/portable's, which give math.Tanh's and math.Exp's
// amd64 bits on every machine; Softplus's ln(1+·) is math.Log1p, whose
// last bit may differ on arm64.
func (a Activation) apply(z float64) float64 {
	switch a {
	case Identity:
		return z
	case Tanh:
		return portable.Tanh(z)
	case Sigmoid:
		return 1 / (1 + portable.Exp(-z))
	case ReLU:
		return max(z, 0)
	case LeakyReLU:
		if z > 0 {
			return z
		}
		return leakySlope * z
	case Softplus:
		// ln(1+e^z) without overflow for large z.
		return max(z, 0) + math.Log1p(portable.Exp(-math.Abs(z)))
	}
	return math.NaN()
}

// deriv returns the derivative da/dz, given z and a = apply(z), or NaN for an a
// that is not an activation.
func (a Activation) deriv(z, fz float64) float64 {
	switch a {
	case Identity:
		return 1
	case Tanh:
		return 1 - float64(fz*fz)
	case Sigmoid:
		return fz * (1 - fz)
	case ReLU:
		if z > 0 {
			return 1
		}
		return 0
	case LeakyReLU:
		if z > 0 {
			return 1
		}
		return leakySlope
	case Softplus:
		return 1 / (1 + portable.Exp(-z))
	}
	return math.NaN()
}

// badAct is the error for layer k's Act a, which is not one of the
// constants: for another spelling of one (m.Layers[0].Act = "Tanh"), it
// names the constant to use instead.
func badAct(k int, a Activation) error {
	if c, err := parseActivation(string(a)); err == nil && a != "" {
		return fmt.Errorf("sinenet: layer %d's Act is %q; a Layer's Act must be one of the constants %v: use sinenet.%s (%q)",
			k, a, Activations, constName(c), c)
	}
	return fmt.Errorf("sinenet: layer %d's Act is %q, which is not an activation; use one of %v", k, a, Activations)
}

// constName is the Go name of the constant a, e.g. "LeakyReLU".
func constName(a Activation) string {
	switch a {
	case Identity:
		return "Identity"
	case Tanh:
		return "Tanh"
	case Sigmoid:
		return "Sigmoid"
	case ReLU:
		return "ReLU"
	case LeakyReLU:
		return "LeakyReLU"
	}
	return "Softplus"
}
