package sinenet

import (
	"fmt"
	"hash/fnv"
	"image/color"
	"strings"
)

// optimizers is the one registry of the optimizers' names: the key that
// OptimizerByName accepts, the Name that legends show, and the colour of
// every plot, in the order of the tutorial. Each is made with PyTorch's
// defaults.
var optimizers = []struct {
	key, name string
	color     uint32
	make      func(lr float64) Optimizer
}{
	{"gd", "GD", 0x1f77b4, func(lr float64) Optimizer { return NewGD(lr) }},                        // blue
	{"momentum", "Momentum", 0xff7f0e, func(lr float64) Optimizer { return NewMomentum(lr, 0.9) }}, // orange
	{"nesterov", "Nesterov", 0x8c564b, func(lr float64) Optimizer { return NewNesterov(lr, 0.9) }}, // brown
	{"adagrad", "Adagrad", 0x9467bd, func(lr float64) Optimizer { return NewAdagrad(lr) }},         // purple
	{"rmsprop", "RMSprop", 0x2ca02c, func(lr float64) Optimizer { return NewRMSprop(lr) }},         // green
	{"adam", "Adam", 0xd62728, func(lr float64) Optimizer { return NewAdam(lr) }},                  // red
	{"amsgrad", "AMSGrad", 0xe377c2, func(lr float64) Optimizer { // pink
		o := NewAdam(lr)
		o.AMSGrad = true
		return o
	}},
	{"adamw", "AdamW", 0x17becf, func(lr float64) Optimizer { return NewAdamW(lr, 1e-2) }}, // cyan
	{"lbfgs", "L-BFGS", 0x000000, func(float64) Optimizer { return &LBFGS{} }},             // black
}

// aliases are other keys for the same optimizers.
var aliases = map[string]string{"sgd": "gd"}

// nameOf returns the Name of the optimizer with the given key.
func nameOf(key string) string {
	for _, o := range optimizers {
		if o.key == key {
			return o.name
		}
	}
	panic("sinenet: no optimizer " + key + " in the registry")
}

// colorKey is the key of name: the first word, lower case, without
// "-" and "_", with aliases resolved. "Adam lr=0.1" and "adam" are "adam",
// "L-BFGS" is "lbfgs" and "SGD" is "gd".
func colorKey(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if i := strings.IndexAny(name, " (,:=+"); i > 0 {
		name = name[:i]
	}
	key := strings.NewReplacer("-", "", "_", "").Replace(name)
	if k, ok := aliases[key]; ok {
		return k
	}
	return key
}

// OptimizerNames returns the names OptimizerByName accepts. "sgd" is also
// accepted, as another name for "gd".
func OptimizerNames() []string {
	names := make([]string, len(optimizers))
	for i, o := range optimizers {
		names[i] = o.key
	}
	return names
}

// OptimizerByName returns the optimizer called name (in any case) with
// learning rate lr and PyTorch's other defaults: momentum 0.9 for
// "momentum" and "nesterov", weight decay 1e-2 for "adamw"; "lbfgs"
// ignores lr, since its line search sets the step length. It returns an
// error for an unknown name or an unusable learning rate.
func OptimizerByName(name string, lr float64) (Optimizer, error) {
	key := colorKey(name)
	for _, o := range optimizers {
		if o.key == key {
			opt := o.make(lr)
			if err := opt.Validate(); err != nil {
				return nil, err
			}
			return opt, nil
		}
	}
	return nil, fmt.Errorf("sinenet: unknown optimizer %q; use one of %s (or sgd for gd)", name, strings.Join(OptimizerNames(), ", "))
}

// OptimizerColor returns the colour of an optimizer in every plot of the
// package, matching its name without regard to case, "-" or "_", and
// looking only at the first word: "Adam", "adam" and "Adam lr=0.1" are all
// red, "AdamW+AMSGrad" is AdamW's cyan, "L-BFGS" and "lbfgs" black. Other
// names get a colour from a fallback palette, always the same one for the
// same name.
func OptimizerColor(name string) color.Color {
	key := colorKey(name)
	for _, o := range optimizers {
		if o.key == key {
			return rgb(o.color)
		}
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return fallbackColors[h.Sum32()%uint32(len(fallbackColors))]
}
