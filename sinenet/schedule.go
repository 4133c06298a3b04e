package sinenet

import (
	"errors"
	"fmt"
	"math"

	"github.com/sinenet/sinenet/internal/portable"
)

// Schedule gives the learning rate of a step from the starting rate base;
// step counts the steps taken so far, from 0 (PyTorch's last_epoch).
type Schedule interface {
	LR(base float64, step int) float64
	Validate() error
}

// Train's driver takes step t as
//
//	opt.Step(x, dx, sched.LR(opt.LR(), t))
//
// which is what PyTorch's
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

// StepLR multiplies the rate by Gamma every StepSize steps, as PyTorch's
// lr_scheduler.StepLR:
//
//	lr = base · Gamma^⌊step/StepSize⌋
type StepLR struct {
	StepSize int     // steps between decays, ≥ 1; PyTorch has no default
	Gamma    float64 // the factor of each decay, > 0; PyTorch's default 0.1
}

func (s StepLR) LR(base float64, step int) float64 {
	return base * math.Pow(s.Gamma, float64(checkStep(step)/s.StepSize))
}

func (s StepLR) Validate() error {
	var err error
	if s.StepSize < 1 {
		err = fmt.Errorf("sinenet: StepLR StepSize must be ≥ 1, got %d; it is the number of steps between decays", s.StepSize)
	}
	return errors.Join(err, checkGamma("StepLR", s.Gamma, "PyTorch's default is 0.1"))
}

// ExponentialLR multiplies the rate by Gamma every step, as PyTorch's
// lr_scheduler.ExponentialLR:
//
//	lr = base · Gamma^step
type ExponentialLR struct {
	Gamma float64 // > 0; PyTorch has no default; 0.99 halves the rate in about 70 steps
}

func (s ExponentialLR) LR(base float64, step int) float64 {
	return base * math.Pow(s.Gamma, float64(checkStep(step)))
}

func (s ExponentialLR) Validate() error {
	return checkGamma("ExponentialLR", s.Gamma, "try e.g. 0.99")
}

// CosineAnnealingLR lowers the rate from base to EtaMin along half a cosine
// over TMax steps, then back up to base at 2·TMax, as PyTorch's
// lr_scheduler.CosineAnnealingLR (Loshchilov and Hutter, "SGDR", 2017):
//
//	lr = EtaMin + (base - EtaMin)·(1 + cos(π·step/TMax))/2
type CosineAnnealingLR struct {
	TMax   int     // steps from base to EtaMin, ≥ 1; PyTorch has no default
	EtaMin float64 // the lowest rate, ≥ 0; PyTorch's default 0
}

func (s CosineAnnealingLR) LR(base float64, step int) float64 {
	return s.EtaMin + float64((base-s.EtaMin)*(1+portable.Cos(math.Pi*float64(checkStep(step))/float64(s.TMax)))/2)
}

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
