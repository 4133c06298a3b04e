package knobs

import (
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// TestSummaryNames checks that the summary line names the initializer,
// the output and the optimizer as the prose does, in both languages, and
// prints no key a reader would not recognise ("he", "xavier-normal", "adam").
func TestSummaryNames(t *testing.T) {
	defer figure.SetLanguage("en")
	for _, tc := range []struct {
		lang string
		init sinenet.Init
		out  sinenet.Activation
		opt  string
		want []string
	}{
		{"en", sinenet.PyTorch, sinenet.Identity, "adam", []string{", PyTorch init, identity output · ", " · Adam lr 5e-2 · "}},
		{"en", sinenet.XavierNormal, sinenet.Tanh, "rmsprop", []string{", Xavier normal init, tanh output · ", " · RMSprop lr 5e-2 · "}},
		{"zh", sinenet.PyTorch, sinenet.Identity, "adam", []string{"，PyTorch 初始化，线性输出 · ", " · Adam lr 5e-2 · "}},
		{"zh", sinenet.He, sinenet.Tanh, "adamw", []string{"，He 初始化，tanh 输出 · ", " · AdamW lr 5e-2 · "}},
		{"zh", sinenet.XavierNormal, sinenet.Identity, "lbfgs", []string{"，Xavier 正态初始化，线性输出 · ", " · L-BFGS · "}},
		{"zh", sinenet.StdNormal, sinenet.Identity, "gd", []string{"，标准正态初始化，", " · GD lr 5e-2 · "}},
	} {
		if got := figure.SetLanguage(tc.lang); got != tc.lang {
			t.Fatalf("SetLanguage(%q) gives %q", tc.lang, got)
		}
		s := Defaults()
		s.Init, s.Output, s.Optimizer = tc.init, tc.out, tc.opt
		got := s.String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s summary %q lacks %q", tc.lang, got, w)
			}
		}
		for _, key := range []string{string(tc.init) + " ", tc.opt + " ", "identity 输出"} {
			if strings.Contains(got, " "+key) || strings.Contains(got, "，"+key) {
				t.Errorf("%s summary %q prints the key %q", tc.lang, got, key)
			}
		}
	}
}

// TestOptimizerName checks that an unknown key is printed as it is.
func TestOptimizerName(t *testing.T) {
	if got := optimizerName("lion"); got != "lion" {
		t.Errorf("optimizerName(lion) = %q", got)
	}
}

// TestMenuNames checks that the initialization and optimizer menus show
// names, in each language, and keep the keys that code and links use.
func TestMenuNames(t *testing.T) {
	defer figure.SetLanguage("en")
	want := map[string]struct{ key, en, zh string }{
		"initialization": {"xavier-normal", "Xavier normal", "Xavier 正态"},
		"optimizer":      {"rmsprop", "RMSprop", "RMSprop"},
	}
	for _, k := range All {
		w, ok := want[k.Name]
		if !ok {
			continue
		}
		delete(want, k.Name)
		i := -1
		for j := range k.Labels {
			if k.Key(j) == w.key {
				i = j
			}
		}
		if i < 0 {
			t.Errorf("menu %s has no key %q", k.Name, w.key)
			continue
		}
		figure.SetLanguage("zh")
		zh := k.Choices()[i]
		figure.SetLanguage("en")
		if en := k.Choices()[i]; en != w.en || zh != w.zh {
			t.Errorf("menu %s shows %s as %q and %q; want %q and %q", k.Name, w.key, en, zh, w.en, w.zh)
		}
		s := Defaults()
		k.Set(&s, i)
		if k.Index(s) != i || (string(s.Init) != w.key && s.Optimizer != w.key) {
			t.Errorf("menu %s: choice %d sets %+v", k.Name, i, s)
		}
	}
	if len(want) > 0 {
		t.Errorf("no menus %v", want)
	}
}
