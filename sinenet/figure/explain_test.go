package figure

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// TestExplain checks that the errors a learner is invited to make (a rate
// that diverges, a layer of size 0, an unknown name) are said in Chinese
// after SetLanguage("zh"), from the errors' fields, and are the core's own
// English messages after SetLanguage("en").
func TestExplain(t *testing.T) {
	defer SetLanguage("en")
	data := sinenet.NoisySine(sinenet.QuestionN, 1)
	fixed := sinenet.Config{Sizes: []int{1, 128, 1}, Acts: []sinenet.Activation{sinenet.Tanh, sinenet.Identity}, Init: sinenet.PyTorch, Seed: 1}
	diverge := func() error {
		m, err := sinenet.New(fixed)
		if err != nil {
			return err
		}
		_, err = sinenet.Train(context.Background(), m, data, sinenet.Options{Optimizer: sinenet.NewGD(0.1), Steps: 1000})
		return err
	}
	size := func() error {
		_, err := sinenet.New(sinenet.Config{Sizes: []int{1, 0, 1}, Acts: []sinenet.Activation{sinenet.Tanh, sinenet.Identity}})
		return err
	}
	act := func() error {
		_, err := sinenet.New(sinenet.Config{Sizes: []int{1, 8, 1}, Acts: []sinenet.Activation{"swish", sinenet.Identity}})
		return err
	}
	init := func() error {
		c := fixed
		c.Init = "kaiming-uniform"
		_, err := sinenet.New(c)
		return err
	}
	opt := func() error { _, err := sinenet.OptimizerByName("adamax", 1e-3); return err }
	for _, tc := range []struct {
		name string
		err  func() error
		zh   []string // what the Chinese message says, in order
		en   string   // a part of the English one
	}{
		{"diverged", diverge, []string{"训练在第 ", " 步发散（学习率 0.1）：", "变成了 ", "步长相对于这里的曲率太大了。", "参数已退回第 ", "试试学习率 ", "，即稳定性边缘 ", " 的一半"}, "training diverged at step"},
		{"size 0", size, []string{"第 1 层的宽度是 0；每层的宽度至少为 1"}, "layer 1 has size 0"},
		{"activation", act, []string{`没有名为 "swish" 的激活函数；可用的有 [tanh `}, `unknown activation "swish"`},
		{"init", init, []string{`没有名为 "kaiming-uniform" 的初始化方法；可用的有 [pytorch `}, `unknown initializer "kaiming-uniform"`},
		{"optimizer", opt, []string{`没有名为 "adamax" 的优化器；可用的有 [`}, `unknown optimizer "adamax"`},
	} {
		err := tc.err()
		if err == nil {
			t.Fatalf("%s: no error", tc.name)
		}
		SetLanguage("zh")
		got := Explain(err)
		rest := got
		for _, part := range tc.zh {
			i := strings.Index(rest, part)
			if i < 0 {
				t.Errorf("%s: Explain in Chinese = %q; want %q in it, in order", tc.name, got, part)
				break
			}
			rest = rest[i+len(part):]
		}
		if strings.Contains(got, "sinenet:") || strings.Contains(got, " the ") {
			t.Errorf("%s: Explain in Chinese = %q, still English", tc.name, got)
		}
		SetLanguage("en")
		if got := Explain(err); got != err.Error() || !strings.Contains(got, tc.en) {
			t.Errorf("%s: Explain in English = %q; want the core's message %q, with %q", tc.name, got, err.Error(), tc.en)
		}
	}
	SetLanguage("zh")
	if got := Explain(errors.New("sinenet: other")); got != "sinenet: other" {
		t.Errorf("Explain of another error = %q, want it unchanged", got)
	}
	if got := Explain(nil); got != "" {
		t.Errorf("Explain(nil) = %q", got)
	}
}

// TestExplainNotFinite checks what notFinite reads from the three shapes
// of a DivergedError's message.
func TestExplainNotFinite(t *testing.T) {
	for msg, want := range map[string]string{
		"sinenet: training diverged at step 5 (learning rate 0.1): the loss became +Inf; …":                        "损失",
		"sinenet: training diverged at step 5: parameter 3 became NaN; …":                                          "参数 3 ",
		"sinenet: training diverged at step 5 (learning rate 0.1): the gradient of parameter 12 became NaN; …":     "参数 12 的梯度",
		"sinenet: training cannot start: parameter 7 is NaN; the learning rate is not to blame, since no update …": "参数 7 ",
		"sinenet: something else": "损失",
	} {
		if got := notFinite(msg); got != want {
			t.Errorf("notFinite(%q) = %q, want %q", msg, got, want)
		}
	}
}

// TestDescribe checks the model summary and the names of the initializers
// in both languages: "He", not "he".
func TestDescribe(t *testing.T) {
	defer SetLanguage("en")
	m, err := sinenet.New(sinenet.ModelA(1))
	if err != nil {
		t.Fatal(err)
	}
	SetLanguage("zh")
	if got, want := Describe(m), ") 256 个参数，初始化：标准正态"; !strings.HasSuffix(got, want) || !strings.HasPrefix(got, "MLP(\n  (0): Linear(") {
		t.Errorf("Describe in Chinese = %q, want the layers and then %q", got, want)
	}
	if got := InitName(sinenet.XavierNormal); got != "Xavier 正态" {
		t.Errorf("InitName(XavierNormal) in Chinese: %q", got)
	}
	// A space between a Latin word and a Chinese one, none between two
	// Chinese words: "Xavier 正态初始化", not "Xavier 正态 初始化".
	for in, want := range map[sinenet.Init]string{
		sinenet.He:           "He 初始化",
		sinenet.PyTorch:      "PyTorch 初始化",
		sinenet.XavierNormal: "Xavier 正态初始化",
		sinenet.StdNormal:    "标准正态初始化",
	} {
		if got := InitLabel(in); got != want {
			t.Errorf("InitLabel(%q) in Chinese = %q, want %q", in, got, want)
		}
	}
	if got := Bool(false) + Bool(true); got != "否是" {
		t.Errorf("Bool in Chinese: %q, want 否 and 是", got)
	}
	SetLanguage("en")
	if got := Describe(m); got != m.String() || !strings.HasSuffix(got, ") 256 parameters, init normal") {
		t.Errorf("Describe in English = %q, want m.String()", got)
	}
	if got := InitLabel(sinenet.XavierNormal) + ", " + Bool(false); got != "init Xavier normal, false" {
		t.Errorf("InitLabel and Bool in English: %q", got)
	}
	for _, in := range sinenet.Inits {
		if n := InitName(in); n == string(in) && in != sinenet.PyTorch {
			t.Errorf("InitName(%q) is the constant's value, not a name", in)
		}
	}
}
