package knobs

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// A Knob is one slider or menu: a list of choices, each shown to the
// learner by its label, and how a choice sets Settings.
type Knob struct {
	Name    string   // e.g. "learning rate"
	Labels  []string // the choices as the learner reads them, e.g. "1e-3"
	Menu    bool     // a menu rather than a slider
	set     func(s *Settings, i int)
	current func(s Settings) int // the choice s holds, or -1

	zh       string   // Name in Chinese
	zhLabels []string // Labels in Chinese, where they are words; nil: the same
	keys     []string // the choices as code spells them, where Labels name them otherwise
}

// Key is choice i as code and links spell it: "he" for the label "He",
// "adam" for "Adam", "identity" for "identity (linear)", "1e-2" for "1e-2".
func (k Knob) Key(i int) string {
	if k.keys != nil {
		return k.keys[i]
	}
	return strings.Fields(k.Labels[i])[0]
}

// Title is k's name in the language set by figure.SetLanguage.
func (k Knob) Title() string { return lang.Say(k.Name, k.zh) }

// Choices are k's labels in the language set by figure.SetLanguage.
func (k Knob) Choices() []string {
	if k.zhLabels != nil && lang.Get() == lang.Chinese {
		return k.zhLabels
	}
	return k.Labels
}

// zh gives k its Chinese name, and Chinese labels when its labels are words.
func zh(k Knob, name string, labels ...string) Knob {
	if labels != nil && len(labels) != len(k.Labels) {
		panic(fmt.Sprintf("knobs: %d Chinese labels for the %d choices of %s", len(labels), len(k.Labels), k.Name))
	}
	k.zh, k.zhLabels = name, labels
	return k
}

// Set sets s to choice i of k.
func (k Knob) Set(s *Settings, i int) { k.set(s, i) }

// Index returns the choice of k that s holds, or -1 when none does.
func (k Knob) Index(s Settings) int { return k.current(s) }

// slider is a Knob over values, labelled by format.
func slider[T comparable](name string, values []T, format string, field func(s *Settings) *T) Knob {
	labels := make([]string, len(values))
	for i, v := range values {
		labels[i] = fmt.Sprintf(format, v)
	}
	return Knob{
		Name: name, Labels: labels,
		set:     func(s *Settings, i int) { *field(s) = values[i] },
		current: func(s Settings) int { return slices.Index(values, *field(&s)) },
	}
}

// menu is a slider shown as a menu of its labels.
func menu[T comparable](name string, values []T, labels []string, field func(s *Settings) *T) Knob {
	k := slider(name, values, "%v", field)
	if labels != nil {
		k.Labels = labels
	}
	k.Menu = true
	return k
}

// named labels k's choices, values, by their names in each language,
// name(v), as the prose names them ("Xavier 正态", "RMSprop"), and keeps
// the labels it had (the values' keys) as its Keys.
func named[T any](k Knob, values []T, name func(T) string) Knob {
	k.keys = k.Labels
	k.Labels, k.zhLabels = make([]string, len(values)), make([]string, len(values))
	for i, v := range values {
		k.Labels[i], k.zhLabels[i] = lang.Both(func() string { return name(v) })
	}
	return k
}

// All are the knobs, in the order the notebook shows them: the network,
// then the training, then the data.
var All = []Knob{
	zh(slider("hidden layers", []int{1, 2, 3, 4}, "%d", func(s *Settings) *int { return &s.Depth }), "隐藏层"),
	zh(slider("units per layer", []int{2, 4, 8, 16, 32, 64, 128, 256}, "%d", func(s *Settings) *int { return &s.Width }), "每层单元数"),
	zh(menu("biases", []bool{true, false}, []string{"on", "off"}, func(s *Settings) *bool { return &s.Bias }), "偏置", "开", "关"),
	named(zh(menu("initialization", sinenet.Inits, nil, func(s *Settings) *sinenet.Init { return &s.Init }), "初始化"), sinenet.Inits, lang.InitName),
	zh(menu("output", []sinenet.Activation{sinenet.Identity, sinenet.Tanh}, []string{"identity (linear)", "tanh"}, func(s *Settings) *sinenet.Activation { return &s.Output }),
		"输出", "identity（线性）", "tanh"),
	zh(menu("loss", LossNames, nil, func(s *Settings) *string { return &s.Loss }), "损失函数"),
	named(zh(menu("optimizer", sinenet.OptimizerNames(), nil, func(s *Settings) *string { return &s.Optimizer }), "优化器"), sinenet.OptimizerNames(), optimizerName),
	zh(rateSlider("learning rate", []float64{1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5}, func(s *Settings) *float64 { return &s.LR }), "学习率"),
	zh(slider("steps", []int{100, 200, 300, 500, 1000, 2000, 3000}, "%d", func(s *Settings) *int { return &s.Steps }), "步数"),
	zh(slider("noise", []float64{0, 0.02, 0.05, 0.1, 0.2, 0.5}, "%g", func(s *Settings) *float64 { return &s.Noise }), "噪声"),
	zh(slider("points", []int{20, 50, 100, 200, 500, 1000, 2000, 4000}, "%d", func(s *Settings) *int { return &s.Points }), "数据点数"),
}

// rateSlider is a slider over learning rates, labelled in the learner's
// units (lang.Rate): 1e-2, not 0.01.
func rateSlider(name string, rates []float64, field func(s *Settings) *float64) Knob {
	k := slider(name, rates, "%g", field)
	for i, r := range rates {
		k.Labels[i] = lang.Rate(r)
	}
	return k
}
