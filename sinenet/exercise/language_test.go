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
		for _, want := range []string{"练习 ", "：✗ 尚未达成：", "。目标：", "\n  提示："} {
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

// TestChineseErrors checks that the errors a learner makes in an exercise
// on purpose reach the Chinese result in Chinese (figure.Explain): a rate
// that diverges, a layer of size 0, an unknown initializer.
func TestChineseErrors(t *testing.T) {
	figure.SetLanguage("zh")
	defer figure.SetLanguage("en")
	relu := ReLUNet()
	relu.Sizes = []int{1, 0, 1}
	bad := sinenet.ModelA(Stuck)
	bad.Init = "kaiming-uniform"
	for _, tc := range []struct {
		r    Result
		want string
	}{
		{Optimizer(sinenet.NewGD(10)), "出错：训练在第 "},
		{ReLU(relu), "出错：第 1 层的宽度是 0"},
		{Init(bad), `出错：没有名为 "kaiming-uniform" 的初始化方法`},
	} {
		if s := tc.r.String(); !strings.Contains(s, tc.want) || strings.Contains(s, "sinenet:") {
			t.Errorf("the Chinese result says %q; want %q in it, and no English error", s, tc.want)
		}
	}
}

// TestChineseInitLine checks exercise 2's line in Chinese: the
// initializer's name runs into 初始化 with no stray space ("标准正态初始化",
// not "标准正态 初始化"), and no space follows the full-width colon.
func TestChineseInitLine(t *testing.T) {
	figure.SetLanguage("zh")
	defer figure.SetLanguage("en")
	s := Init(sinenet.ModelA(Stuck)).String()
	if !strings.Contains(s, "：✗ 尚未达成：标准正态初始化：损失最终为初始值的 ") || strings.Contains(s, "： ") {
		t.Errorf("exercise 2 in Chinese says %q; want \"标准正态初始化：损失最终为初始值的 …\" and no space after a full-width colon", s)
	}
}

// TestSeedLine checks the line that names a failing check's draw: the
// prose's 随机种子 in Chinese, with no space after the full-width colon.
func TestSeedLine(t *testing.T) {
	defer figure.SetLanguage("en")
	figure.SetLanguage("zh")
	if got, want := seedLine(42), "\n  抽样：随机种子 42（令 exercise.Draw = 42 即可重现）"; got != want {
		t.Errorf("seedLine(42) = %q, want %q", got, want)
	}
	figure.SetLanguage("en")
	if got, want := seedLine(42), "\n  draw: seed 42 (exercise.Draw = 42 repeats it)"; got != want {
		t.Errorf("seedLine(42) = %q, want %q", got, want)
	}
}
