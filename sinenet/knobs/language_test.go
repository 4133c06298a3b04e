package knobs

import (
	"strings"
	"testing"
	"unicode"

	"github.com/sinenet/sinenet/sinenet/figure"
)

// TestChinese checks that in the Chinese edition every knob has a Chinese
// name and a label for each choice, and that the panel and the settings'
// summary name no knob in English.
func TestChinese(t *testing.T) {
	figure.SetLanguage("zh")
	defer figure.SetLanguage("en")
	for _, k := range All {
		if !strings.ContainsFunc(k.Title(), func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("knob %s has no Chinese name: %q", k.Name, k.Title())
		}
		if len(k.Choices()) != len(k.Labels) {
			t.Errorf("knob %s: %d Chinese labels for %d choices", k.Name, len(k.Choices()), len(k.Labels))
		}
	}
	panel := panelHTML("x", Defaults(), false)
	for _, en := range []string{"hidden layers", "units per layer", "learning rate", ">on<", "[on]"} {
		if strings.Contains(panel, en) {
			t.Errorf("the Chinese panel says %q:\n%s", en, panel)
		}
	}
	if s := Defaults().String(); !strings.Contains(s, "有偏置") || strings.Contains(s, "steps") {
		t.Errorf("the Chinese summary of the defaults is %q", s)
	}
}
