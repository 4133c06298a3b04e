package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/sinenet"
)

// Budget is exercise 1's budget: 1000 evaluations of the loss's gradient
// on the full batch. A stepping optimizer (GD, Adam, …) takes one step per
// evaluation; L-BFGS needs one or more per iteration for its line search.
const Budget = 1000

// Optimizer is exercise 1 (★ easy): train Fixed() on the question's data
// with the mean squared error and opt, within Budget gradient evaluations.
// The goal is exactly 3 extrema and an RMSE below 0.03, with an optimizer
// that takes a learning rate: L-BFGS, which chooses its own steps by line
// search, fails the check without training.
func Optimizer(opt sinenet.Optimizer) Result {
	const name, goal = "Exercise 1", "3 extrema, RMSE < 0.03, in 1000 gradient evaluations, with a learning rate you chose"
	if opt == nil {
		return Result{Name: name, Got: "no optimizer", Goal: goal, Hint: "set opt, e.g. sinenet.NewAdam(1e-2)."}
	}
	st, ok := opt.(sinenet.Stepper)
	if !ok {
		return noRate(name, goal, opt.Name())
	}
	r, ok := train(name, Fixed(), Data(), sinenet.Options{Optimizer: opt, Steps: Budget})
	r.Goal = goal
	if !ok {
		return r
	}
	f := sinenet.Evaluate(r.Model)
	r.Got = fmt.Sprintf("%s at lr %.3g: %v after %d gradient evaluations", opt.Name(), st.LR(), f, len(r.History.Loss))
	r.Pass = f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.03
	r.Hint = "notebook 4's table: which optimizer got lowest in 1000 steps? Then raise its learning rate until it gets worse, and step back."
	return r
}

// noRate is the Result for an optimizer without a learning rate, such as
// L-BFGS, which this exercise does not take.
func noRate(name, goal, opt string) Result {
	return Result{
		Name: name, Goal: goal,
		Got:  opt + " takes no learning rate: it chooses each step by a line search, with one or more gradient evaluations per iteration",
		Hint: "this exercise is about choosing a learning rate; choose an optimizer that takes one (notebook 4's table lists them), and its rate.",
	}
}
