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

// Optimizer is exercise 1 (★ easy): train Fixed() on the question's data
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
	r.Got = fmt.Sprintf(lang.Say("%s at lr %.3g: %v after %d gradient evaluations", "%s，学习率 %.3g：%v，共 %d 次梯度计算"), opt.Name(), st.LR(), figure.Summary(f), len(r.History.Loss))
	r.Pass = f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.03
	r.Hint = lang.Say("notebook 4's table: which optimizer got lowest in 1000 steps? Then raise its learning rate until it gets worse, and step back.",
		"看笔记本 4 的表格：1000 步内哪个优化器的损失最低？然后逐步调高它的学习率，直到结果变差，再退回一步。")
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
