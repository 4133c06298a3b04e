package sinenet

import (
	"fmt"
	"strings"
)

// optimizers is the one registry of the optimizers' names: the key that
// OptimizerByName accepts and the Name that legends show, in the order of
// the tutorial. Each is made with PyTorch's defaults.
var optimizers = []struct {
	key, name string
	make      func(lr float64) Optimizer
}{
	{"gd", "GD", func(lr float64) Optimizer { return NewGD(lr) }},
	{"momentum", "Momentum", func(lr float64) Optimizer { return NewMomentum(lr, usualMomentum) }},
	{"nesterov", "Nesterov", func(lr float64) Optimizer { return NewNesterov(lr, usualMomentum) }},
	{"adagrad", "Adagrad", func(lr float64) Optimizer { return NewAdagrad(lr) }},
	{"rmsprop", "RMSprop", func(lr float64) Optimizer { return NewRMSprop(lr) }},
	{"adam", "Adam", func(lr float64) Optimizer { return NewAdam(lr) }},
	{"amsgrad", "AMSGrad", func(lr float64) Optimizer {
		o := NewAdam(lr)
		o.AMSGrad = true
		return o
	}},
	{"adamw", "AdamW", func(lr float64) Optimizer { return NewAdamW(lr, adamWDecay) }},
	{"lbfgs", "L-BFGS", func(float64) Optimizer { return &LBFGS{} }},
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

// registryKey is the registry's key of name: the first word, lower case, without
// "-" and "_", with aliases resolved. "Adam lr=0.1" and "adam" are "adam",
// "L-BFGS" is "lbfgs" and "SGD" is "gd".
func registryKey(name string) string {
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

// OptimizerNames returns the names OptimizerByName accepts (and "sgd",
// another name for "gd").
func OptimizerNames() []string {
	names := make([]string, len(optimizers))
	for i, o := range optimizers {
		names[i] = o.key
	}
	return names
}

// OptimizerByName returns the optimizer called name, in any case, for a
// name chosen at run time: rate lr ("lbfgs" ignores it), PyTorch's
// defaults, and momentum 0.9 for "momentum" and "nesterov".
func OptimizerByName(name string, lr float64) (Optimizer, error) {
	key := registryKey(name)
	for _, o := range optimizers {
		if o.key == key {
			opt := o.make(lr)
			if err := opt.Validate(); err != nil {
				return nil, err
			}
			return opt, nil
		}
	}
	return nil, &InputError{Kind: "optimizer", Name: name, msg: fmt.Sprintf("sinenet: unknown optimizer %q; use one of %s (or sgd for gd)", name, strings.Join(OptimizerNames(), ", "))}
}
