package sinenet

import (
	"fmt"
	"math"
	"testing"
)

// TestScheduleParity compares each schedule, over several periods, with
// the learning rates PyTorch's recursive schedulers gave. The closed forms
// must agree to 1e-9 relative (they agree to about 1e-13 over 2100 steps).
// Where PyTorch's rate is exactly 0 (cosine annealing to EtaMin = 0 at odd
// multiples of TMax) a relative error means nothing, so there the closed
// form must be within 1e-15 of the base rate.
func TestScheduleParity(t *testing.T) {
	var ref torchOptimizers
	readJSON(t, "optimizers.json", &ref)
	if len(ref.Schedules) == 0 {
		t.Fatal("no schedules in optimizers.json")
	}
	for _, tc := range ref.Schedules {
		sched, err := newTorchSchedule(&tc.Schedule)
		if err != nil {
			t.Fatal(err)
		}
		var worst, worstAbs float64
		for step, want := range tc.LR {
			got := sched.LR(tc.Base, step)
			if want == 0 {
				worstAbs = math.Max(worstAbs, math.Abs(got)/tc.Base)
				continue
			}
			worst = math.Max(worst, math.Abs(got-want)/math.Abs(want))
		}
		if !(worst <= 1e-9 && worstAbs <= 1e-15) {
			t.Errorf("%+v: relative error %.3g (allowed 1e-9), at PyTorch's zeros %.3g of base (allowed 1e-15)", tc.Schedule, worst, worstAbs)
		}
		t.Logf("%+v, %d steps: max relative error %.2g, at zeros %.2g of base", tc.Schedule, len(tc.LR), worst, worstAbs)
	}
}

func TestScheduleValidate(t *testing.T) {
	for _, tc := range []struct {
		sched Schedule
		want  string // a part of the error; "" for none
	}{
		{StepLR{StepSize: 10, Gamma: 0.1}, ""},
		{StepLR{StepSize: 0, Gamma: 0.1}, "StepLR StepSize must be ≥ 1, got 0"},
		{StepLR{StepSize: 10}, "StepLR Gamma must be a positive number, got 0; PyTorch's default is 0.1"},
		{ExponentialLR{Gamma: 0.99}, ""},
		{ExponentialLR{Gamma: math.NaN()}, "ExponentialLR Gamma must be a positive number, got NaN"},
		{ExponentialLR{Gamma: math.Inf(1)}, "got +Inf"},
		{CosineAnnealingLR{TMax: 100}, ""},
		{CosineAnnealingLR{TMax: 100, EtaMin: 1e-4}, ""},
		{CosineAnnealingLR{}, "CosineAnnealingLR TMax must be ≥ 1, got 0; use the number of training steps"},
		{CosineAnnealingLR{TMax: 100, EtaMin: -1}, "EtaMin must be a number ≥ 0, got -1"},
	} {
		checkError(t, fmt.Sprintf("%#v", tc.sched), tc.sched.Validate(), tc.want)
	}
}
