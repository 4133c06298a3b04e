package sinenet

import (
	"fmt"
	"strings"
)

// optimizers lists the optimizers OptimizerByName knows, in the order of
// the tutorial, each made with PyTorch's defaults.
var optimizers = []struct {
	name string
	make func(lr float64) Optimizer
}{
	{"gd", func(lr float64) Optimizer { return NewGD(lr) }},
	{"momentum", func(lr float64) Optimizer { return NewMomentum(lr, 0.9) }},
	{"nesterov", func(lr float64) Optimizer { return NewNesterov(lr, 0.9) }},
	{"adagrad", func(lr float64) Optimizer { return NewAdagrad(lr) }},
	{"rmsprop", func(lr float64) Optimizer { return NewRMSprop(lr) }},
	{"adam", func(lr float64) Optimizer { return NewAdam(lr) }},
	{"amsgrad", func(lr float64) Optimizer {
		o := NewAdam(lr)
		o.AMSGrad = true
		return o
	}},
	{"adamw", func(lr float64) Optimizer { return NewAdamW(lr, 1e-2) }},
	{"lbfgs", func(float64) Optimizer { return &LBFGS{} }},
}

// OptimizerNames returns the names OptimizerByName accepts. "sgd" is also
// accepted, as another name for "gd".
func OptimizerNames() []string {
	names := make([]string, len(optimizers))
	for i, o := range optimizers {
		names[i] = o.name
	}
	return names
}

// OptimizerByName returns the optimizer called name (in any case) with
// learning rate lr and PyTorch's other defaults: momentum 0.9 for
// "momentum" and "nesterov", weight decay 1e-2 for "adamw"; "lbfgs"
// ignores lr, since its line search sets the step length. It returns an
// error for an unknown name or an unusable learning rate.
func OptimizerByName(name string, lr float64) (Optimizer, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	switch key {
	case "sgd":
		key = "gd"
	case "l-bfgs":
		key = "lbfgs"
	}
	for _, o := range optimizers {
		if o.name == key {
			opt := o.make(lr)
			if err := opt.Validate(); err != nil {
				return nil, err
			}
			return opt, nil
		}
	}
	return nil, fmt.Errorf("sinenet: unknown optimizer %q; use one of %s (or sgd for gd)", name, strings.Join(OptimizerNames(), ", "))
}
