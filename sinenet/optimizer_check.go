package sinenet

import (
	"fmt"
	"math"
)

// This file holds the checks that every optimizer's Validate and Step share.

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

// checkBeta reports a decay rate of optimizer opt outside [0, 1).
func checkBeta(opt, setting string, v, def float64) error {
	if !(v >= 0 && v < 1) {
		return fmt.Errorf("sinenet: %s %s must be in [0, 1), got %g; PyTorch's default is %g", opt, setting, v, def)
	}
	return nil
}

// checkLen panics unless x and its gradient dx have the same length.
func checkLen(opt string, x, dx []float64) {
	if len(x) != len(dx) {
		panic(fmt.Sprintf("sinenet: %s.Step: len(x) = %d but len(dx) = %d", opt, len(x), len(dx)))
	}
}

// state returns the optimizer's per-parameter state s, or n zeros if s is
// empty (a first step, or the first after Reset). Any other length means the
// caller changed the parameter vector without Reset, and panics.
func state(opt string, s []float64, n int) []float64 {
	switch len(s) {
	case n:
		return s
	case 0:
		return make([]float64, n)
	}
	panic(fmt.Sprintf("sinenet: %s.Step: %d parameters, but the optimizer started with %d; call Reset to start again", opt, n, len(s)))
}
