// Package playground is the browser playground's model (cmd/playground):
// its controls, which are notebook 6's knobs (sinenet/knobs) with the
// two choices the presets need on top, its settings as a URL query, its
// presets, and the run that trains and reports frames. It is plain Go
// with no GoNB and no gonum/plot, so that it compiles to WebAssembly for
// the page and natively for the tests, which check that both give the
// same fingerprint.
package playground

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/knobs"
)

// Settings are a run of the page: notebook 6's knobs, and Shape, the
// hidden layers' sizes when they differ from layer to layer (the
// question's deep network, 32-128-32); Shape then overrides Depth and
// Width.
type Settings struct {
	knobs.Settings
	Shape []int
}

// Deep is the hidden layers of the question's deep network and of the
// answer: 1-32-128-32-1 without the input and output.
var Deep = []int{32, 128, 32}

// Defaults are the page's own: notebook 3's fixed network made smaller
// (32 units, 500 points) and trained longer (2000 steps, to find the
// true curve's 3 extrema), so that the run a visitor sees first ends in
// a few seconds in the browser (WebAssembly steps about 4× slower than
// pure Go, on one core). The notebook's knobs keep theirs.
func Defaults() Settings {
	k := knobs.Defaults()
	k.Width, k.Points, k.Steps = 32, 500, 2000
	return Settings{Settings: k}
}

// Config returns the network of s.
func (s Settings) Config() sinenet.Config {
	c := s.Settings.Config()
	if s.Shape != nil {
		c.Sizes = append(append([]int{1}, s.Shape...), 1)
		c.Acts = c.Acts[:0:0]
		for range s.Shape {
			c.Acts = append(c.Acts, sinenet.Tanh)
		}
		c.Acts = append(c.Acts, s.Output)
	}
	return c
}

// Layers names s's hidden layers, e.g. "1 × 32" or "32-128-32".
func (s Settings) Layers() string {
	if s.Shape != nil {
		return joinInts(s.Shape)
	}
	return fmt.Sprintf("%d × %d", s.Depth, s.Width)
}

// String sums s up in one line in the language set by lang.Set: the
// knobs' summary (knobs.Settings.String), with Shape where there is one.
func (s Settings) String() string {
	k := s.Settings.String()
	if s.Shape != nil {
		k = strings.Replace(k, fmt.Sprintf("%d × %d", s.Depth, s.Width), joinInts(s.Shape), 1)
	}
	return k
}

// Exact reports whether s's final parameters are the same bits in every
// build (amd64, arm64, pure Go, WebAssembly), and, when they are not,
// why, in the language set by lang.Set. The package documentation of
// sinenet lists what is left out: L-BFGS (gonum's code) and Softplus.
func (s Settings) Exact() (bool, string) {
	if s.Optimizer == "lbfgs" {
		return false, lang.Say("no fingerprint: L-BFGS runs gonum's line search, whose last bits may differ from machine to machine",
			"无指纹：L-BFGS 使用 gonum 的线搜索，其最后几位可能因机器而异")
	}
	if slices.Contains(s.Config().Acts, sinenet.Softplus) {
		return false, lang.Say("no fingerprint: Softplus uses Go's math.Log1p and math.Expm1, whose last bits may differ from machine to machine",
			"无指纹：Softplus 使用 Go 的 math.Log1p 和 math.Expm1，其最后几位可能因机器而异")
	}
	return true, ""
}

// A Control is one of the page's sliders or menus: a knob of notebook 6
// (knobs.All), with its URL key and, for two of them, one more choice.
type Control struct {
	Key    string   // the key in the URL, e.g. "lr"
	Title  Text     // the knob's name
	Labels []Text   // the choices as the learner reads them
	Tokens []string // the choices in the URL, e.g. "1e-2"
	Menu   bool     // a menu rather than a slider

	knob  knobs.Knob
	extra func(s *Settings, i int) bool // sets choice i if it is an extra one
	index func(s Settings) int          // the choice s holds, or -1
}

// Text is one text in both languages.
type Text struct{ En, Zh string }

// both returns f's text in English and in Chinese.
func both(f func() string) Text {
	en, zh := lang.Both(f)
	return Text{en, zh}
}

// keys are the URL keys of the knobs, by their English names.
var keys = map[string]string{
	"hidden layers": "depth", "units per layer": "width", "biases": "bias",
	"initialization": "init", "output": "out", "loss": "loss", "optimizer": "opt",
	"learning rate": "lr", "steps": "steps", "noise": "noise", "points": "points",
}

// Controls are the page's controls, in the notebook's order. Two have a
// choice the notebook's knobs lack, for the presets: the deep networks'
// 32-128-32 among the widths, and the question's learning rate 4e-7.
var Controls = controls()

func controls() []Control {
	var cs []Control
	for _, k := range knobs.All {
		c := Control{Key: keys[k.Name], Menu: k.Menu, knob: k}
		if c.Key == "" {
			panic("playground: no URL key for the knob " + k.Name)
		}
		c.Title = both(k.Title)
		for i := range k.Labels {
			c.Labels = append(c.Labels, both(func() string { return k.Choices()[i] }))
			c.Tokens = append(c.Tokens, k.Key(i))
		}
		c.index = func(s Settings) int { return k.Index(s.Settings) }
		c.extra = func(*Settings, int) bool { return false }
		switch c.Key {
		case "width":
			n := len(c.Tokens)
			c.Tokens = append(c.Tokens, joinInts(Deep))
			c.Labels = append(c.Labels, Text{joinInts(Deep), joinInts(Deep)})
			c.index = func(s Settings) int {
				if s.Shape != nil {
					if slices.Equal(s.Shape, Deep) {
						return n
					}
					return -1
				}
				return k.Index(s.Settings)
			}
			c.extra = func(s *Settings, i int) bool {
				s.Shape = nil
				if i == n {
					s.Shape = slices.Clone(Deep)
					s.Depth, s.Width = len(Deep), slices.Max(Deep)
				}
				return i == n
			}
		case "lr":
			c.Tokens = append([]string{"4e-7"}, c.Tokens...)
			c.Labels = append([]Text{{"4e-7", "4e-7"}}, c.Labels...)
			c.index = func(s Settings) int {
				if s.LR == sinenet.QuestionLR {
					return 0
				}
				if i := k.Index(s.Settings); i >= 0 {
					return i + 1
				}
				return -1
			}
			c.extra = func(s *Settings, i int) bool {
				if i == 0 {
					s.LR = sinenet.QuestionLR
				}
				return i == 0
			}
		}
		cs = append(cs, c)
	}
	return cs
}

// set sets s to choice i of c.
func (c Control) set(s *Settings, i int) {
	if c.extra(s, i) {
		return
	}
	if c.Key == "lr" {
		i--
	}
	c.knob.Set(&s.Settings, i)
}

// Index returns the choice of c that s holds, or -1 when none does.
func (c Control) Index(s Settings) int { return c.index(s) }

// Query returns s as a URL query holding every setting, in the controls'
// order, e.g. "depth=1&width=32&bias=on&…".
func (s Settings) Query() string {
	var b strings.Builder
	for i, c := range Controls {
		if i > 0 {
			b.WriteByte('&')
		}
		tok := "?"
		if j := c.Index(s); j >= 0 {
			tok = c.Tokens[j]
		}
		b.WriteString(c.Key + "=" + url.QueryEscape(tok))
	}
	return b.String()
}

// Parse returns the settings of a URL query: Defaults, with every key the
// query holds set to its value (case does not matter). Each unknown value
// keeps its default and gives one problem, in English and Chinese, for
// the page to show; unknown keys are ignored (the page adds its own, such
// as lang).
func Parse(query string) (Settings, []Text) {
	s := Defaults()
	q, err := url.ParseQuery(strings.TrimPrefix(query, "?"))
	if err != nil {
		return s, []Text{{"the link's settings cannot be read (" + err.Error() + "); showing the defaults", "无法读取链接中的设置（" + err.Error() + "）；显示默认设置"}}
	}
	var problems []Text
	for _, c := range Controls {
		v := q.Get(c.Key)
		if v == "" {
			continue
		}
		i := slices.IndexFunc(c.Tokens, func(t string) bool { return strings.EqualFold(t, v) })
		if i < 0 {
			def := c.Tokens[c.Index(s)]
			problems = append(problems, Text{
				fmt.Sprintf("the link's %s=%s is not one of the choices (%s); using %s", c.Key, v, strings.Join(c.Tokens, ", "), def),
				fmt.Sprintf("链接中的 %s=%s 不在可选值之中（%s）；改用 %s", c.Key, v, strings.Join(c.Tokens, ", "), def),
			})
			continue
		}
		c.set(&s, i)
	}
	return s, problems
}

// A Preset is a named setting of every control.
type Preset struct {
	Key      string // its name in the page's code and tests
	Title    Text
	Settings Settings
}

// Presets are the setups the notebooks start from: the question's two
// networks trained as the question did (notebook 1), the answer's recipe,
// and notebook 3's fixed network, each on the question's 4000 points.
// They train as the notebooks do, so they take longer than the page's
// defaults: a minute or more in a browser for the deep networks.
func Presets() []Preset {
	question := func(shape []int) Settings {
		k := knobs.Settings{Depth: 1, Width: 128, Bias: false, Init: sinenet.StdNormal, Output: sinenet.Tanh,
			Loss: "SSE", Optimizer: "gd", LR: sinenet.QuestionLR, Steps: sinenet.QuestionSteps,
			Noise: sinenet.NoiseStd, Points: sinenet.QuestionN}
		s := Settings{Settings: k}
		if shape != nil {
			s.Shape, s.Depth, s.Width = shape, len(shape), slices.Max(shape)
		}
		return s
	}
	answer := Settings{Settings: knobs.Settings{Depth: len(Deep), Width: slices.Max(Deep), Bias: true, Init: sinenet.PyTorch, Output: sinenet.Identity,
		Loss: "L1", Optimizer: "adam", LR: sinenet.AnswerLR, Steps: sinenet.AnswerSteps,
		Noise: sinenet.NoiseStd, Points: sinenet.QuestionN}, Shape: Deep}
	return []Preset{
		{"question-shallow", both(func() string { return lang.Say("the question's shallow network", "原帖中的浅层网络") }), question(nil)},
		{"question-deep", both(func() string { return lang.Say("the question's deep network", "原帖中的深层网络") }), question(Deep)},
		{"answer", both(func() string { return lang.Say("the answer", "原回答的方案") }), answer},
		{"notebook-3", both(func() string { return lang.Say("notebook 3's fixed network", "第 3 本笔记中修正后的网络") }), Settings{Settings: knobs.Defaults()}},
	}
}

func joinInts(v []int) string {
	s := make([]string, len(v))
	for i, n := range v {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, "-")
}

// Notebook returns Go code for a notebook cell (or a program importing
// context, fmt, sinenet and sinenet/knobs) that trains s as the page
// does and prints the page's fingerprint.
func (s Settings) Notebook() string {
	var b strings.Builder
	fmt.Fprintf(&b, "s := knobs.Settings{Depth: %d, Width: %d, Bias: %t, Init: %q, Output: %q, Loss: %q, Optimizer: %q, LR: %g, Steps: %d, Noise: %g, Points: %d}\n",
		s.Depth, s.Width, s.Bias, s.Init, s.Output, s.Loss, s.Optimizer, s.LR, s.Steps, s.Noise, s.Points)
	b.WriteString("c := s.Config()\n")
	if s.Shape != nil {
		acts := strings.Repeat(`"tanh", `, len(s.Shape))
		fmt.Fprintf(&b, "c.Sizes = []int{1, %s, 1}\nc.Acts = []sinenet.Activation{%s%q}\n", strings.ReplaceAll(joinInts(s.Shape), "-", ", "), acts, s.Output)
	}
	b.WriteString(`m, err := sinenet.New(c)
if err != nil {
	panic(err)
}
o, err := s.Options()
if err != nil {
	panic(err)
}
if _, err := sinenet.Train(context.Background(), m, s.Data(), o); err != nil {
	fmt.Println(err)
}
fmt.Println(m.Fingerprint())
`)
	return b.String()
}
