package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// ReLUNet is exercise 5's starting network: Fixed() with a ReLU hidden
// layer.
func ReLUNet() sinenet.Config {
	c := Fixed()
	c.Acts = []sinenet.Activation{sinenet.ReLU, sinenet.Identity}
	return c
}

// ReLU is exercise 5 (★★ medium): train c with Adam at 1e-2 for 2000
// steps. Only its layers may change (Sizes, and Acts to match them): every
// hidden layer must stay ReLU and the output linear, and Init, NoBias and
// Seed stay ReLUNet()'s. The goal is exactly 3 extrema and an RMSE below
// 0.03.
func ReLU(c sinenet.Config) Result {
	name, goal := name(5), lang.Say("ReLU hidden layers, 3 extrema, RMSE < 0.03", "隐藏层用 ReLU，3 个极值点，RMSE < 0.03")
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
	r, ok := train(name, c, Data(), sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: 2000})
	r.Goal = goal
	if !ok {
		return r
	}
	f := sinenet.Evaluate(r.Model)
	r.Got = fmt.Sprintf(lang.Say("sizes %v: %v", "层宽 %v：%v"), c.Sizes, figure.Summary(f))
	r.Pass = f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.03
	r.Hint = lang.Say("a hinge of hinges can bend in more places than one layer of hinges: try depth rather than width (and one activation per layer in c.Acts).",
		"折线叠折线，能弯折的地方比单层折线多得多：试试加深而不是加宽（c.Acts 里每层一个激活函数）。")
	return r
}
