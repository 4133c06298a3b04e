package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// ReLUNet is exercise 3's starting network: Fixed() with a ReLU hidden
// layer.
func ReLUNet() sinenet.Config {
	c := Fixed()
	c.Acts = []sinenet.Activation{sinenet.ReLU, sinenet.Identity}
	return c
}

// ReLUSteps is exercise 3's budget of steps.
const ReLUSteps = 2000

// ReLU is exercise 3 (★★): train c with Adam at 1e-2 for ReLUSteps
// steps. Only its layers may change (Sizes, and Acts to match them): every
// hidden layer must stay ReLU and the output linear, and Init, NoBias and
// Seed stay ReLUNet()'s. The goal is exactly 3 extrema and an RMSE below
// 0.03.
//
// ReLUNet() itself can reach the goal, given five times the steps: what
// it lacks in ReLUSteps is training speed, not the power to bend.
func ReLU(c sinenet.Config) Result {
	name, goal := name(3), lang.Say("ReLU hidden layers, 3 extrema, RMSE < 0.03", "隐藏层用 ReLU，3 个极值点，RMSE < 0.03")
	ch := changes("c", c, ReLUNet(), "Sizes", "Acts")
	for i, a := range c.Acts {
		last := i == len(c.Acts)-1
		if !last && a != sinenet.ReLU || last && a != sinenet.Identity {
			ch = append(ch, fmt.Sprintf(lang.Say("c.Acts[%d] (%s, want %s)", "c.Acts[%d]（%s，应为 %s）"), i, a, map[bool]sinenet.Activation{false: sinenet.ReLU, true: sinenet.Identity}[last]))
		}
	}
	if r, ok := forbidden(name, goal, ch); !ok {
		return r
	}
	r, ok := train(name, c, Data(), sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: ReLUSteps})
	r.Goal = goal
	if !ok {
		return r
	}
	f := sinenet.Evaluate(r.Model)
	r.Got = fmt.Sprintf(lang.Say("sizes %v: %v", "层宽 %v：%v"), c.Sizes, figure.Summary(f))
	r.Pass = f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.03
	r.Hint = lang.Say("this network can fit the curve given 10,000 steps; in 2000 it is too slow. Try more layers, each narrower (and one activation per layer in c.Acts).",
		"这个网络训练 10000 步就能拟合这条曲线；2000 步里它学得太慢。试试多加几层、每层窄一些（c.Acts 里每层一个激活函数）。")
	return r
}
