package sinenet

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// DivergedError reports a NaN or infinite loss or parameter; the
// parameters are left at the last finite point.
type DivergedError struct {
	Step       int     // the step, from 1, that diverged; 0: at the start
	Loss       float64 // the loss, parameter or gradient that was not finite
	LR         float64 // the rate of that step; 0 for a Minimizer
	Cause, Fix string  // what went wrong, and what to change
	// Suggest is a rate to try, below LR (0 if the rate is not the cause):
	// SGD's is half its edge of stability at the start; others' LR/10.
	Suggest float64

	what string // what was not finite, e.g. "parameter 3"; "" for the loss
}

func (e *DivergedError) Error() string {
	what := e.what
	if what == "" {
		what = "the loss"
	}
	if e.Step == 0 {
		return fmt.Sprintf("sinenet: training cannot start: %s is %g; %s; %s", what, e.Loss, e.Cause, e.Fix)
	}
	lr := ""
	if e.LR != 0 {
		lr = fmt.Sprintf(" (learning rate %.3g)", e.LR)
	}
	return fmt.Sprintf("sinenet: training diverged at step %d%s: %s became %g; %s; the parameters are back at those before step %d, the last finite ones; %s",
		e.Step, lr, what, e.Loss, e.Cause, e.Step, e.Fix)
}

// causeStart and fixStart explain a loss that is not finite before any
// update.
const causeStart = "the learning rate is not to blame, since no update was made"
const fixStart = "look for NaN, infinite or huge values in the starting weights (m.Params; build the model again with New) or the data"

// blameLoss rewrites the cause of a loss or gradient that was not finite
// before any update when the Loss is the reader's own: the starting
// weights were finite (drive checks them first) and so was the data
// (checkData), so the loss function itself made the NaN.
func blameLoss(err error, loss Loss) {
	var e *DivergedError
	if !errors.As(err, &e) || e.Step != 0 || strings.HasPrefix(e.what, "parameter") {
		return
	}
	switch loss.(type) {
	case SumSquared, MeanSquared, L1, Huber:
		return
	}
	e.Cause = fmt.Sprintf("the loss %s (%T) returned it, at finite weights and data", loss.Name(), loss)
	e.Fix = "check its Eval: it must return a finite loss and write a finite gradient into dp"
}

// divergedStep explains the divergence of a Stepper at step (from 1; 0
// for a loss that is not finite at the start), where v is the loss or
// parameter that was not finite, base the rate the run started with and
// lr the rate of the step. The parameters p.x are already restored.
func divergedStep(opt Stepper, p problem, step int, v, base, lr float64) *DivergedError {
	e := &DivergedError{Step: step, Loss: v, LR: lr}
	eps, hasEps := opt.(interface{ epsilon() float64 })
	switch {
	case step == 0:
		e.Cause, e.Fix = causeStart, fixStart
		return e
	case hasEps && eps.epsilon() == 0 && math.IsNaN(v):
		e.Cause = "Eps is 0, so a parameter whose gradient is 0 divides 0 by 0"
		e.Fix = "leave Eps at 0 for PyTorch's default instead of ExplicitZero, or set a small positive Eps"
		return e
	case p.sched != nil && lr > base:
		e.Cause = fmt.Sprintf("the schedule raised the learning rate from %.3g to %.3g, and the steps became too large for the curvature here", base, lr)
	default:
		e.Cause = "the steps are too large for the curvature here"
	}
	var why string
	e.Suggest, why = suggestRate(opt, p, lr)
	e.Fix = fmt.Sprintf("try a learning rate of %.2g (%s)", e.Suggest, why)
	return e
}

// suggestRate returns a rate below the edge of stability for opt, and
// below lr, with how it was found. GD on a quadratic with curvature λ
// diverges exactly when lr > 2/λ, so for SGD the rate is half of the edge
// 2/λmax, where λmax is the largest curvature of the loss where the run
// started (p.x0): the rate for a new run from the same start. Heavy-ball
// momentum μ moves the edge to 2(1+μ)/λmax, Nesterov's to
// 2(1+μ)/((1+2μ)λmax). The restored parameters p.x are often where the
// loss was already blowing up, and their curvature would suggest a rate
// too small to train; it is measured only when the start's cannot be.
// Training sharpens the loss, so a long run may still need a lower rate
// later (notebook 02b). The adaptive optimizers' step is not lr times the
// gradient: for them the rate is a tenth of lr.
func suggestRate(opt Stepper, p problem, lr float64) (float64, string) {
	sgd, ok := opt.(*SGD)
	if !ok || p.sharpness == nil {
		return lr / 10, "a tenth of the rate that diverged"
	}
	// The curvature at the start; at the restored point only when the
	// start's cannot be measured. Neither moves the parameters.
	λ, err := p.sharpness(p.x0)
	where := "at the start"
	if err != nil || !(λ > 0) || math.IsInf(λ, 1) {
		λ, err = p.sharpness(p.x)
		where = "at the restored parameters"
	}
	if err != nil || !(λ > 0) || math.IsInf(λ, 1) {
		return lr / 10, "a tenth of the rate that diverged; the curvature could not be measured"
	}
	λ += sgd.WeightDecay // the L2 term adds WeightDecay to every curvature
	edge := 2 / λ
	name := "2/λmax"
	if mu := sgd.Momentum; mu > 0 {
		if sgd.Nesterov {
			edge, name = 2*(1+mu)/((1+2*mu)*λ), "2(1+μ)/((1+2μ)λmax)"
		} else {
			edge, name = 2*(1+mu)/((1-sgd.Dampening)*λ), "2(1+μ)/λmax"
		}
	}
	if edge/2 >= lr {
		return lr / 2, fmt.Sprintf("half the rate that diverged: the edge of stability %s = %.2g, with λmax = %.3g %s, is above it", name, edge, λ, where)
	}
	return edge / 2, fmt.Sprintf("half the edge of stability %s = %.2g, with λmax = %.3g %s", name, edge, λ, where)
}
