package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/sinenet"
)

// Outliers is the share of the points of OutlierData that are outliers.
const Outliers = 0.1

// OutlierData is the question's data set with a tenth of its points, picked
// at random, moved up by between 1 and 3: readings from a faulty sensor.
// The true curve is still sin(x)/2.5.
func OutlierData() sinenet.Data {
	d := Data()
	rng := sinenet.NewRand(Seed + 1)
	for i := range d.Y {
		if rng.Float64() < Outliers {
			d.Y[i] += 1 + 2*float64(rng.Float64())
		}
	}
	return d
}

// Loss is exercise 3 (★★ medium): train Fixed() on OutlierData with loss
// (Adam at 1e-2, 1000 steps). The goal is a fit to the true curve, not to
// the outliers: an RMSE below 0.09 against sin(x)/2.5. The mean squared
// error, pulled up by the outliers, ends near 0.2.
func Loss(loss sinenet.Loss) Result {
	const name, goal = "Exercise 3", "RMSE < 0.09 against the true curve"
	if loss == nil {
		return Result{Name: name, Got: "no loss", Goal: goal, Hint: "set loss, e.g. sinenet.MeanSquared{}."}
	}
	r, ok := train(name, Fixed(), OutlierData(), sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Loss: loss, Steps: 1000})
	r.Goal = goal
	if !ok {
		return r
	}
	f := sinenet.Evaluate(r.Model)
	r.Got = fmt.Sprintf("%s: %v", lossName(loss), f)
	r.Pass = f.RMSE < 0.09
	r.Hint = "a squared error grows with the square of a miss, so the few far points pull the curve up; which loss grows only linearly with a large miss?"
	return r
}

// lossName is the loss's name with its setting, e.g. "Huber (delta 0.1)".
func lossName(l sinenet.Loss) string {
	if h, ok := l.(sinenet.Huber); ok {
		return fmt.Sprintf("Huber (delta %g)", h.Delta)
	}
	return l.Name()
}
