package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// Stuck is the seed of the question's Model A whose output unit starts
// saturated and stays stuck (notebook 1).
const Stuck = 3

// Init is exercise 2 (★): train c, which must be the question's
// Model A with seed Stuck and any initializer, as the question did (plain
// GD at 4e-7 on the summed squared error, 3000 steps). The goal is a run
// that is no longer stuck: the loss ends below 2/3 of where it started
// (the stuck run's falls by 0.3%), with an RMSE below 0.3 and at most 3
// extrema (the stuck run: a flat line at ±0.8, RMSE 1.12).
func Init(c sinenet.Config) Result {
	name, goal := name(2), lang.Say("loss falls below 2/3 of its start, RMSE < 0.3, at most 3 extrema",
		"损失降到初始值的 2/3 以下，RMSE < 0.3，至多 3 个极值点")
	if r, ok := forbidden(name, goal, changes("c", c, sinenet.ModelA(Stuck), "Init")); !ok {
		return r
	}
	r, ok := train(name, c, Data(), sinenet.QuestionOptions())
	r.Goal = goal
	if !ok {
		return r
	}
	f, h := sinenet.Evaluate(r.Model), r.History
	fell := h.Final() / h.Loss[0]
	what := lang.Say(lang.InitName(c.Init)+" init", lang.InitLabel(c.Init)) // "Xavier uniform init", "Xavier 均匀初始化"
	r.Got = fmt.Sprintf(lang.Say("%s: the loss ends at %.1f%% of its start, %v", "%s：损失最终为初始值的 %.1f%%，%v"), what, 100*fell, figure.Summary(f))
	r.Pass = fell < 2.0/3 && f.RMSE < 0.3 && f.Extrema <= sinenet.TrueExtrema
	r.Hint = lang.Say("N(0, 1) weights on 128 inputs make the output's pre-activation about ±11; which initializers (sinenet.Inits) scale the weights down by the layer's fan-in?",
		"128 个输入配上 N(0, 1) 的权重，输出单元的预激活约为 ±11；哪些初始化方法（sinenet.Inits）会按该层的扇入（fan-in）把权重缩小？")
	return r
}
