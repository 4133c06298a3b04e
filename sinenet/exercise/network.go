package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/sinenet"
)

// NetworkOptions is exercise 4's training, which the learner keeps: Adam at
// 1e-2 on the mean squared error, 2000 steps.
func NetworkOptions() sinenet.Options {
	return sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: 2000}
}

// Network is exercise 4 (★★ medium): starting from the question's Model A,
// change only the network c; o must stay NetworkOptions(). The goal is
// exactly 3 extrema and an RMSE below 0.04.
func Network(c sinenet.Config, o sinenet.Options) Result {
	const name, goal = "Exercise 4", "3 extrema, RMSE < 0.04, with the training unchanged"
	if o.Loss == nil {
		o.Loss = sinenet.MeanSquared{} // Train's default, written out or not
	}
	want := NetworkOptions()
	want.Loss = sinenet.MeanSquared{}
	if r, ok := forbidden(name, goal, changes("o", o, want)); !ok {
		return r
	}
	r, ok := train(name, c, Data(), o)
	r.Goal = goal
	if !ok {
		return r
	}
	f := sinenet.Evaluate(r.Model)
	r.Got = fmt.Sprintf("%v (%d parameters)", f, r.Model.NumParams())
	r.Pass = f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.04
	r.Hint = "notebook 2 found two causes in the network itself: where the units can bend (c.NoBias), and how saturated they start (c.Init)."
	return r
}
