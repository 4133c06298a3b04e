// Package exercise checks the exercises of notebook 5 (05-exercises.ipynb).
//
// Each exercise is one function that takes what the learner chose or
// wrote, runs it with everything else fixed, and returns a Result that
// says whether the goal is met, what was achieved, and a hint when it
// falls short. The notebook's cells and the tests call the same
// functions, so a test can run the shipped cell's choice, the solution's
// and the known ways to game an exercise, and see what the learner would
// see.
//
// Exercises 1 to 3 take a setting (an optimizer, an initializer, a
// network) and train on the question's data. Exercises 4 to 7 take code
// the learner writes (an early-stopping rule, a layer's backward pass,
// momentum's stability limit, power iteration) and run it on data,
// networks or matrices drawn when the check runs (see Draw), working out
// the expected answer then. Their checks go in stages, so that a failure
// names the piece that is wrong: a shape, a sign, one stage of several.
//
// A check never panics on a learner's mistake: a setting that cannot train
// (a size of 0, a learning rate that blows up) gives a Result that fails
// with the package's error message, a change to a setting the exercise
// keeps fixed is named in the Result, and a panic in the learner's code
// is reported as what it was.
package exercise

import (
	"context"
	"fmt"
	"strings"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// Seed is the seed of every network and data set here, as in the notebooks.
const Seed = 1

// Result is what a check found.
type Result struct {
	Name string // "Exercise 1"
	Pass bool   // the goal is met
	Got  string // what was achieved, e.g. "Adam: RMSE 0.0266, 3 extrema …"
	Goal string // the goal, in the same terms
	Hint string // what to try next; printed only when Pass is false
	// Seed is the seed of the check's draw (exercises 4 to 7), printed
	// under the hint of a check that falls short; 0 for a check on fixed
	// data.
	Seed  uint64
	Model *sinenet.MLP
	// History is the training run, when there was one.
	History *sinenet.History
}

// String returns the lines the notebook prints:
//
//	Exercise 1: ✓ goal met: … (goal: …)
//
// or, when the goal is not met,
//
//	Exercise 1: ✗ not yet: … (goal: …)
//	  hint: …
//
// followed, for a check on a draw, by the draw's seed:
//
//	draw: seed 123 (exercise.Draw = 123 repeats it)
//
// in the language set by figure.SetLanguage when the check ran (the
// Chinese edition: "练习 1：✓ 达成目标：…（目标：…）" and "  提示：…").
func (r Result) String() string {
	if r.Pass {
		return fmt.Sprintf(lang.Say("%s: ✓ goal met: %s (goal: %s)", "%s：✓ 达成目标：%s（目标：%s）"), r.Name, r.Got, r.Goal)
	}
	s := fmt.Sprintf(lang.Say("%s: ✗ not yet: %s (goal: %s)\n  hint: %s", "%s：✗ 尚未达成：%s（目标：%s）\n  提示：%s"), r.Name, r.Got, r.Goal, r.Hint)
	if r.Seed != 0 {
		s += seedLine(r.Seed)
	}
	return s
}

// name is the title of exercise n: "Exercise 1", or "练习 1".
func name(n int) string { return fmt.Sprintf(lang.Say("Exercise %d", "练习 %d"), n) }

// sayError is the Got of a run that failed with err, and errorHint its hint.
func sayError(err error) string { return lang.Say("error: ", "出错：") + err.Error() }

func errorHint() string {
	return lang.Say("the error says what to change.", "错误信息说明了要改什么。")
}

// Data is the question's data set, which exercises 1 to 3 train on.
func Data() sinenet.Data { return sinenet.NoisySine(sinenet.QuestionN, Seed) }

// Fixed is notebook 3's network: 1-128-1 with biases, nn.Linear's init,
// a tanh hidden layer and a linear output.
func Fixed() sinenet.Config {
	return sinenet.Config{
		Sizes: []int{1, 128, 1},
		Acts:  []sinenet.Activation{sinenet.Tanh, sinenet.Identity},
		Init:  sinenet.PyTorch,
		Seed:  Seed,
	}
}

// train builds c and trains it on d with o. On an error it returns a
// failing Result with the error and a hint to fix it, and ok = false.
func train(name string, c sinenet.Config, d sinenet.Data, o sinenet.Options) (r Result, ok bool) {
	r.Name = name
	m, err := sinenet.New(c)
	if err != nil {
		return failed(name, err), false
	}
	h, err := sinenet.Train(context.Background(), m, d, o)
	r.Model, r.History = m, h
	if err != nil {
		r.Got, r.Hint = sayError(err), errorHint()
		return r, false
	}
	return r, true
}

// failed is the Result of a setting that could not train.
func failed(name string, err error) Result {
	return Result{Name: name, Got: sayError(err), Hint: errorHint()}
}

// forbidden returns a failing Result naming the settings in changes, which
// the exercise keeps fixed, or ok = true when there are none.
func forbidden(name, goal string, changes []string) (Result, bool) {
	if len(changes) == 0 {
		return Result{}, true
	}
	return Result{
		Name: name,
		Got:  lang.Say("changed ", "改动了 ") + strings.Join(changes, lang.Say(", ", "、")),
		Goal: goal,
		Hint: lang.Say("this exercise keeps "+plural(changes)+" fixed; put it back and change only what the exercise names.",
			"本练习要求这些设置保持不变；请把它改回去，只改练习指明的部分。"),
	}, false
}

func plural(changes []string) string {
	if len(changes) == 1 {
		return "that setting"
	}
	return "those settings"
}
