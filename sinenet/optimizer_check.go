package sinenet

import (
	"fmt"
	"math"
	"reflect"
	"sync/atomic"
)

// This file holds the defaults and checks that every optimizer's
// Validate and Step share.

// ExplicitZero, -0, is 0 for a setting whose 0 means PyTorch's default.
var ExplicitZero = math.Copysign(0, -1)

// orDefault returns v, or def when v is the zero value (+0). ExplicitZero, which
// is -0, stays 0.
func orDefault(v, def float64) float64 {
	if v == 0 && !math.Signbit(v) {
		return def
	}
	return v
}

// checkOptimizer reports an optimizer that is a nil pointer, such as a
// declared but unset *Adam, or whose settings cannot train. where names
// the setting it came from and example how to make one. (A nil pointer in
// an interface is not == nil; reflect is the one general way to see it,
// for a reader's own optimizer type too, and it keeps a learner's
// "var opt *sinenet.Adam" an error instead of a panic in Validate.)
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

// inRun marks one of the package's optimizers as in use by a run. Each
// embeds one; Train and RunPath claim it (claimOptimizer), so that a
// second run that shares the optimizer gets an error instead of mixing
// its state into the first run's. It is a field of the optimizer, not a
// registry: nothing outside the optimizer is kept. A reader's own
// Optimizer type, without one, is not checked: like most of the standard
// library's types, it is then simply not safe for concurrent use.
//
// busy is a plain int32 set through sync/atomic, not an atomic.Int32, so
// that an optimizer value may still be copied (go vet's copylocks).
type inRun struct{ busy int32 }

func (r *inRun) run() *inRun { return r }

// claimOptimizer marks opt as in use by one run, or reports that it
// already is.
func claimOptimizer(opt Optimizer) (release func(), err error) {
	o, ok := opt.(interface{ run() *inRun })
	if !ok {
		return func() {}, nil
	}
	r := o.run()
	if !atomic.CompareAndSwapInt32(&r.busy, 0, 1) {
		return nil, fmt.Errorf("sinenet: this %s is already in use by another run, and its state would mix with that run's; "+
			"an optimizer belongs to one run at a time: give each run its own, e.g. sinenet.NewAdam(1e-2)", opt.Name())
	}
	return func() { atomic.StoreInt32(&r.busy, 0) }, nil
}
