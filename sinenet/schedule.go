package sinenet

import (
	"errors"
	"fmt"
	"math"

	"github.com/sinenet/sinenet/internal/portable"
)

// Schedule gives the learning rate of a step from the starting rate base.
// step counts the steps taken so far (PyTorch's last_epoch), from 0.
// Validate reports settings that cannot work; Train calls it.
type Schedule interface {
	LR(base float64, step int) float64
	Validate() error
}

// Train calls
//
//	opt.SetLR(sched.LR(base, t))
//
// before optimizer step t, which is what PyTorch's
//
//	for t in range(n): opt.step(); sched.step()
//
// does. The schedules here give PyTorch's values in closed form; PyTorch
// computes the same values recursively, and they agree to rounding (about
// 1e-13 relative after 2100 steps; see schedule_test.go).

var (
	_ Schedule = StepLR{}
	_ Schedule = ExponentialLR{}
	_ Schedule = CosineAnnealingLR{}
)

// StepLR multiplies the learning rate by Gamma every StepSize steps, as
// PyTorch's torch.optim.lr_scheduler.StepLR:
//
//	lr = base · Gamma^⌊step/StepSize⌋
type StepLR struct {
	// StepSize is the number of steps between decays. PyTorch has no
	// default; it must be ≥ 1.
	StepSize int
	// Gamma is the factor applied at each decay. PyTorch's default: 0.1.
	Gamma float64
}

// LR returns the learning rate for step.
func (s StepLR) LR(base float64, step int) float64 {
	return base * math.Pow(s.Gamma, float64(checkStep(step)/s.StepSize))
}

// Validate reports a StepSize below 1 or a Gamma that is not positive.
func (s StepLR) Validate() error {
	var err error
	if s.StepSize < 1 {
		err = fmt.Errorf("sinenet: StepLR StepSize must be ≥ 1, got %d; it is the number of steps between decays", s.StepSize)
	}
	return errors.Join(err, checkGamma("StepLR", s.Gamma, "PyTorch's default is 0.1"))
}

// ExponentialLR multiplies the learning rate by Gamma every step, as
// PyTorch's torch.optim.lr_scheduler.ExponentialLR:
//
//	lr = base · Gamma^step
type ExponentialLR struct {
	// Gamma is the factor applied at each step. PyTorch has no default;
	// 0.99 halves the rate in about 70 steps.
	Gamma float64
}

// LR returns the learning rate for step.
func (s ExponentialLR) LR(base float64, step int) float64 {
	return base * math.Pow(s.Gamma, float64(checkStep(step)))
}

// Validate reports a Gamma that is not positive.
func (s ExponentialLR) Validate() error {
	return checkGamma("ExponentialLR", s.Gamma, "try e.g. 0.99")
}

// CosineAnnealingLR lowers the learning rate from base to EtaMin along half a
// cosine over TMax steps, as PyTorch's
// torch.optim.lr_scheduler.CosineAnnealingLR (the annealing part of
// Loshchilov and Hutter, "SGDR: Stochastic Gradient Descent with Warm
// Restarts", ICLR 2017):
//
//	lr = EtaMin + (base - EtaMin)·(1 + cos(π·step/TMax))/2
//
// Past TMax, PyTorch's recursive form keeps following this same formula: the
// rate climbs back up to base at 2·TMax and repeats with period 2·TMax. It
// does not stay at EtaMin. This closed form does the same, so the two agree
// at every step; to end at EtaMin, train for TMax steps.
type CosineAnnealingLR struct {
	// TMax is the number of steps from base down to EtaMin. PyTorch has no
	// default; it must be ≥ 1, usually the number of training steps.
	TMax int
	// EtaMin is the lowest learning rate. PyTorch's default: 0.
	EtaMin float64
}

// LR returns the learning rate for step.
func (s CosineAnnealingLR) LR(base float64, step int) float64 {
	return s.EtaMin + float64((base-s.EtaMin)*(1+portable.Cos(math.Pi*float64(checkStep(step))/float64(s.TMax)))/2)
}

// Validate reports a TMax below 1 or a negative EtaMin.
func (s CosineAnnealingLR) Validate() error {
	var err error
	if s.TMax < 1 {
		err = fmt.Errorf("sinenet: CosineAnnealingLR TMax must be ≥ 1, got %d; use the number of training steps", s.TMax)
	}
	if !(s.EtaMin >= 0) || math.IsInf(s.EtaMin, 1) {
		err = errors.Join(err, fmt.Errorf("sinenet: CosineAnnealingLR EtaMin must be a number ≥ 0, got %g; PyTorch's default is 0", s.EtaMin))
	}
	return err
}

// checkGamma reports a decay factor that is not a positive number.
func checkGamma(sched string, gamma float64, hint string) error {
	if !(gamma > 0) || math.IsInf(gamma, 1) {
		return fmt.Errorf("sinenet: %s Gamma must be a positive number, got %g; %s", sched, gamma, hint)
	}
	return nil
}

// checkStep returns step, and panics if it is negative: a programmer error.
func checkStep(step int) int {
	if step < 0 {
		panic(fmt.Sprintf("sinenet: schedule step must be ≥ 0, got %d", step))
	}
	return step
}
