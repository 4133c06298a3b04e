package sinenet

import (
	"fmt"
	"math"
	"reflect"
	"sync"
)

// This file holds the defaults and checks that every optimizer's
// Validate and Step share.

// Zero is an explicit 0 for an optimizer setting whose zero value means
// PyTorch's default, such as Adam's Beta1 or Eps:
//
//	&sinenet.Adam{LearningRate: 1e-2, Beta1: sinenet.Zero} // no running average of the gradient
//
// It is negative zero, which is 0 in every sum and product but tells
// such a setting apart from one left unset.
var Zero = math.Copysign(0, -1)

// orDefault returns v, or def when v is the zero value (+0). Zero, which
// is -0, stays 0.
func orDefault(v, def float64) float64 {
	if v == 0 && !math.Signbit(v) {
		return def
	}
	return v
}

// checkOptimizer reports an optimizer that is a nil pointer, such as a
// declared but unset *Adam, or whose settings cannot train. where names
// the setting it came from and example how to make one.
func checkOptimizer(opt Optimizer, where, example string) error {
	if v := reflect.ValueOf(opt); v.Kind() == reflect.Pointer && v.IsNil() {
		return fmt.Errorf("sinenet: %s is a nil %T; make one with its constructor, e.g. %s", where, opt, example)
	}
	return opt.Validate()
}

// checkLR reports a learning rate that cannot train.
func checkLR(lr float64) error {
	if !(lr > 0) || math.IsInf(lr, 1) {
		return fmt.Errorf("sinenet: learning rate must be a positive number, got %g; try e.g. 1e-3", lr)
	}
	return nil
}

// checkNonNegative reports a setting of optimizer opt that must be a finite
// number ≥ 0, naming PyTorch's default as the fix.
func checkNonNegative(opt, setting string, v, def float64) error {
	if !(v >= 0) || math.IsInf(v, 1) {
		return fmt.Errorf("sinenet: %s %s must be a number ≥ 0, got %g; PyTorch's default is %g", opt, setting, v, def)
	}
	return nil
}

// checkBeta reports a decay rate of optimizer opt outside [0, 1): at 1 or
// more a running average, or a velocity, grows without bound.
func checkBeta(opt, setting string, v, def float64) error {
	if !(v >= 0 && v < 1) {
		return fmt.Errorf("sinenet: %s %s must be in [0, 1), got %g; PyTorch's default is %g", opt, setting, v, def)
	}
	return nil
}

// checkLen panics unless x and its gradient dx have the same length. It
// takes the optimizer, not its name, so that a step builds no string
// (AdamW+AMSGrad's Name does) unless it panics.
func checkLen(opt Optimizer, x, dx []float64) {
	if len(x) != len(dx) {
		panic(fmt.Sprintf("sinenet: %s.Step: len(x) = %d but len(dx) = %d", opt.Name(), len(x), len(dx)))
	}
}

// state returns the optimizer's per-parameter state s, or n zeros if s is
// empty (a first step, or the first after Reset). Any other length means the
// caller changed the parameter vector without Reset, and panics.
func state(opt Optimizer, s []float64, n int) []float64 {
	switch len(s) {
	case n:
		return s
	case 0:
		return make([]float64, n)
	}
	panic(fmt.Sprintf("sinenet: %s.Step: %d parameters, but the optimizer started with %d; call Reset to start again", opt.Name(), n, len(s)))
}

// running holds the optimizers in use by a run, keyed by pointer.
var running sync.Map

// claimOptimizer marks opt as in use by one run, or reports that it
// already is. Only an optimizer behind a pointer can be shared, and only
// those are tracked.
func claimOptimizer(opt Optimizer) (release func(), err error) {
	if reflect.ValueOf(opt).Kind() != reflect.Pointer {
		return func() {}, nil
	}
	if _, busy := running.LoadOrStore(opt, struct{}{}); busy {
		return nil, fmt.Errorf("sinenet: this %s is already in use by another run, and its state would mix with that run's; "+
			"an optimizer belongs to one run at a time: give each run its own, e.g. sinenet.NewAdam(1e-2)", opt.Name())
	}
	return func() { running.Delete(opt) }, nil
}
