package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
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
	name, goal := name(4), lang.Say("3 extrema, RMSE < 0.04, with the training unchanged", "3 个极值点，RMSE < 0.04，训练设置不变")
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
	r.Got = fmt.Sprintf(lang.Say("%v (%d parameters)", "%v（%d 个参数）"), figure.Summary(f), len(r.Model.Params))
	r.Pass = f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.04
	r.Hint = lang.Say("notebook 2 found two causes in the network itself: where the units can bend (c.NoBias), and how saturated they start (c.Init).",
		"笔记本 2 在网络本身找到了两个原因：单元能在哪里弯折（c.NoBias），以及它们一开始有多饱和（c.Init）。")
	return r
}
