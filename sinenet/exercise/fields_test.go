package exercise

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

func TestChanges(t *testing.T) {
	want := sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: 2000}
	for _, tc := range []struct {
		name string
		edit func(o *sinenet.Options)
		free []string
		says []string
	}{
		{"unchanged, a fresh optimizer", func(o *sinenet.Options) { o.Optimizer = sinenet.NewAdam(1e-2) }, nil, nil},
		{"steps", func(o *sinenet.Options) { o.Steps = 5000 }, nil, []string{"o.Steps (2000 → 5000)"}},
		{"learning rate", func(o *sinenet.Options) { o.Optimizer = sinenet.NewAdam(5e-2) }, nil, []string{"o.Optimizer (Adam lr 1e-2 → Adam lr 5e-2)"}},
		{"a hook", func(o *sinenet.Options) { o.Hook = func(sinenet.Progress) error { return nil } }, nil, []string{"o.Hook (none → a func)"}},
		{"a free field", func(o *sinenet.Options) { o.Steps = 5000 }, []string{"Steps"}, nil},
		{"two", func(o *sinenet.Options) { o.Steps, o.BatchSize = 0, 64 }, nil, []string{"o.Steps (2000 → 0)", "o.BatchSize (0 → 64)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := want
			tc.edit(&o)
			if got := changes("o", o, want, tc.free...); !reflect.DeepEqual(got, tc.says) {
				t.Errorf("changes = %q, want %q", got, tc.says)
			}
		})
	}
}

func TestResultString(t *testing.T) {
	r := Result{Name: "Exercise 1", Got: "RMSE 0.1", Goal: "RMSE < 0.03", Hint: "try Adam."}
	if got, want := r.String(), "Exercise 1: ✗ not yet: RMSE 0.1 (goal: RMSE < 0.03)\n  hint: try Adam."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	r.Pass = true
	if got, want := r.String(), "Exercise 1: ✓ goal met: RMSE 0.1 (goal: RMSE < 0.03)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

// TestOptimizerRate checks that exercise 1 prints the learner's rate as
// the prose writes it: "GD at lr 1e-2", not "0.01".
func TestOptimizerRate(t *testing.T) {
	if got := Optimizer(sinenet.NewGD(1e-2)).Got; !strings.HasPrefix(got, "GD at lr 1e-2: ") {
		t.Errorf("exercise 1 says %q", got)
	}
}
