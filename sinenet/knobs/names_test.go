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
