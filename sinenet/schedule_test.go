package sinenet

import (
	"context"
	"fmt"
	"math"
	"slices"
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

// TestScheduleLeavesOptimizer checks that a Schedule's rate reaches Step
// as an argument: the optimizer's LearningRate is the reader's setting
// before, during (seen from a Hook) and after a scheduled run, and the run
// steps with the scheduled rates (it differs from a run without one).
func TestScheduleLeavesOptimizer(t *testing.T) {
	d := NoisySine(200, 1)
	opt := NewAdam(1e-2)
	m := mustNew(t, Config{Sizes: []int{1, 8, 1}, Seed: 1})
	var during []float64
	_, err := Train(context.Background(), m, d, Options{Optimizer: opt, Steps: 20, Every: 5,
		Schedule: ExponentialLR{Gamma: 0.5},
		Hook:     func(Progress) error { during = append(during, opt.LearningRate); return nil }})
	if err != nil {
		t.Fatal(err)
	}
	for _, lr := range append(during, opt.LearningRate) {
		if lr != 1e-2 {
			t.Fatalf("LearningRate was %v during and after the run; want 0.01 throughout", append(during, opt.LearningRate))
		}
	}
	plain := mustNew(t, Config{Sizes: []int{1, 8, 1}, Seed: 1})
	if _, err := Train(context.Background(), plain, d, Options{Optimizer: NewAdam(1e-2), Steps: 20}); err != nil {
		t.Fatal(err)
	}
	if slices.Equal(m.Params, plain.Params) {
		t.Error("the scheduled run ended where the unscheduled one did: the schedule's rate did not reach Step")
	}
}
