package knobs

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// The summary line's names for the settings that are keys in Settings:
// what a reader of the notebooks' prose knows them as.

// initLabel is in with the word for initialization: "PyTorch init",
// "Xavier normal init", or in Chinese "PyTorch 初始化", "Xavier 正态初始化"
// (lang.InitLabel).
func initLabel(in sinenet.Init) string {
	if lang.Get() == lang.English {
		return lang.InitName(in) + " init"
	}
	return lang.InitLabel(in)
}

// outputLabel names the output layer by its activation: "identity output",
// "tanh output", or in Chinese "线性输出" (the prose's word for it) and
// "tanh 输出".
func outputLabel(a sinenet.Activation) string {
	if a == sinenet.Identity {
		return lang.Say("identity output", "线性输出")
	}
	return fmt.Sprintf(lang.Say("%s output", "%s 输出"), string(a))
}

// optimizerName is the optimizer's name as legends show it ("Adam",
// "RMSprop", "L-BFGS") for its key ("adam"), or the key itself when no
// optimizer has it.
func optimizerName(key string) string {
	o, err := sinenet.OptimizerByName(key, 1e-3) // any usable rate: only the name is read
	if err != nil {
		return key
	}
	return o.Name()
}
