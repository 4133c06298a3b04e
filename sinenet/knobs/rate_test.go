package knobs

import (
	"strings"
	"testing"
)

// TestSummaryRate checks that the summary line prints the rate as the
// learning-rate slider labels it.
func TestSummaryRate(t *testing.T) {
	s := Defaults()
	s.LR = 1e-2
	if got := s.String(); !strings.Contains(got, " lr 1e-2 ") {
		t.Errorf("the summary prints %q, want lr 1e-2", got)
	}
	for _, k := range All {
		if k.Name != "learning rate" {
			continue
		}
		for i, l := range k.Labels {
			s := Defaults()
			k.Set(&s, i)
			if !strings.Contains(s.String(), " lr "+l+" ") {
				t.Errorf("the slider's %s gives the summary %q", l, s.String())
			}
		}
		return
	}
	t.Fatal("no learning-rate knob")
}
