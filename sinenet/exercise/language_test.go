package exercise

import (
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// TestChinese checks that a check's result follows figure.SetLanguage:
// its name, goal, what it found and its hint, for the results that need
// no training (a missing choice, L-BFGS, a changed fixed setting).
func TestChinese(t *testing.T) {
	figure.SetLanguage("zh")
	defer figure.SetLanguage("en")
	for _, r := range []Result{
		Optimizer(nil),
		Optimizer(&sinenet.LBFGS{}),
		EarlyStop(nil, nil),
		Backward(nil),
		MomentumLimit(nil),
		Power(nil),
		Init(sinenet.ModelA(1)),
	} {
		s := r.String()
		for _, want := range []string{"练习 ", "：✗ 尚未达成：", "（目标：", "\n  提示："} {
			if !strings.Contains(s, want) {
				t.Errorf("the Chinese result does not say %q:\n%s", want, s)
			}
		}
		for _, en := range []string{"Exercise", "not yet", "goal", "hint", "changed", "setting"} {
			if strings.Contains(s, en) {
				t.Errorf("the Chinese result says %q:\n%s", en, s)
			}
		}
	}
}
