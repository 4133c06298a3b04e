package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// Budget is exercise 1's budget: 1000 evaluations of the loss's gradient
// on the full batch. A stepping optimizer (GD, Adam, …) takes one step per
// evaluation; L-BFGS needs one or more per iteration for its line search.
const Budget = 1000

// Overshoot is the rise of exercise 1's loss, over its lowest so far, from
// which its hint says the learning rate is too large rather than too
// small. Adam's loss rises to about 45 times its low at lr 5e-2, which
// passes, and to about 2000 times at 0.3, which fails.
const Overshoot = 100

// Optimizer is exercise 1 (★): train Fixed() on the question's data
// with the mean squared error and opt, within Budget gradient evaluations.
// The goal is exactly 3 extrema and an RMSE below 0.03, with an optimizer
// that takes a learning rate: L-BFGS, which chooses its own steps by line
// search, fails the check without training.
func Optimizer(opt sinenet.Optimizer) Result {
	name, goal := name(1), lang.Say("3 extrema, RMSE < 0.03, in 1000 gradient evaluations, with a learning rate you chose",
		"3 个极值点，RMSE < 0.03，1000 次梯度计算以内，学习率由你选定")
	if opt == nil {
		return Result{Name: name, Got: lang.Say("no optimizer", "没有优化器"), Goal: goal, Hint: lang.Say("set opt, e.g. sinenet.NewAdam(1e-2).", "给 opt 赋值，例如 sinenet.NewAdam(1e-2)。")}
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
	r.Got = fmt.Sprintf(lang.Say("%s at lr %s: %v after %d gradient evaluations", "%s，学习率 %s：%v，共 %d 次梯度计算"), opt.Name(), lang.Rate(st.LR()), figure.Summary(f), len(r.History.Loss))
	r.Pass = f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.03
	r.Hint = lang.Say("notebook 4's table: which optimizer got lowest in 1000 steps? Then raise its learning rate until it gets worse, and step back.",
		"看笔记本 4 的表格：1000 步内哪个优化器的损失最低？然后逐步调高它的学习率，直到结果变差，再退回一步。")
	if sp := spike(r.History.Loss, 0); sp > Overshoot && !r.Pass {
		r.Got += fmt.Sprintf(lang.Say("; the loss rose to %.3g × its lowest", "；损失曾回升到最低值的 %.3g 倍"), sp)
		r.Hint = lang.Say("the loss jumps far above its lowest on the way: the rate overshoots. Lower it, a factor of 2 or 3 at a time, and watch the extrema and the RMSE.",
			"损失在途中跳到远高于最低值的地方：学习率过大，步子迈过了头。把它调低，每次除以 2 或 3，同时看极值点个数和 RMSE。")
	}
	return r
}

// noRate is the Result for an optimizer without a learning rate, such as
// L-BFGS, which this exercise does not take.
func noRate(name, goal, opt string) Result {
	return Result{
		Name: name, Goal: goal,
		Got: opt + lang.Say(" takes no learning rate: it chooses each step by a line search, with one or more gradient evaluations per iteration",
			" 不使用学习率：它用线搜索决定每一步，每次迭代要计算一次或多次梯度"),
		Hint: lang.Say("this exercise is about choosing a learning rate; choose an optimizer that takes one (notebook 4's table lists them), and its rate.",
			"本练习考的是选择学习率；请选一个使用学习率的优化器（笔记本 4 的表格列出了它们），并选定它的学习率。"),
	}
}

// spike returns the largest ratio, over the steps from start on, of the
// loss to the lowest loss since start: 1 for a loss that never rises.
// Notebook 4 measures the spikes of a run the same way.
func spike(loss []float64, start int) float64 {
	if start >= len(loss) {
		return 1
	}
	low, worst := loss[start], 1.0
	for _, l := range loss[start:] {
		low = min(low, l)
		worst = max(worst, l/low)
	}
	return worst
}
