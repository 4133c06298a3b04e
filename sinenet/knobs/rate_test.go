package knobs

import (
	"strings"
	"testing"
)

func TestRate(t *testing.T) {
	for _, tc := range []struct {
		lr   float64
		want string
	}{
		{1e-2, "1e-2"}, {5e-3, "5e-3"}, {2.5e-4, "2.5e-4"}, {4e-7, "4e-7"}, {1e-10, "1e-10"},
		{0.05, "5e-2"}, {0.1, "0.1"}, {0.5, "0.5"}, {2, "2"}, {0, "0"}, {-1e-3, "-1e-3"},
	} {
		if got := Rate(tc.lr); got != tc.want {
			t.Errorf("Rate(%g) = %q, want %q", tc.lr, got, tc.want)
		}
	}
}

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
