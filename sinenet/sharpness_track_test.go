package sinenet

import (
	"math"
	"testing"
)

// seesBothPhases reports whether a track of a two-cycle between parameters
// of sharpness lamA (even steps) and lamB (odd steps) recorded both values
// after step 0.
func seesBothPhases(steps []int, max []float64, lamA, lamB float64) bool {
	var a, b bool
	for k, s := range steps {
		a = a || (s > 0 && math.Abs(max[k]-lamA) <= 1e-4*lamA)
		b = b || (s > 0 && math.Abs(max[k]-lamB) <= 1e-4*lamB)
	}
	return a && b
}

// TestSharpnessTrackAliasing drives a track through a two-cycle: the
// parameters alternate between two networks of different λmax, as Model B's
// do at the edge of stability. The track must see both phases, and the
// midpoint; a track that keeps only even steps, as one that measured every
// 10 or 20 steps did, must fail the same check.
func TestSharpnessTrackAliasing(t *testing.T) {
	d := NoisySine(40, 5)
	cfg := Config{Sizes: []int{1, 6, 1}, Acts: []Activation{Tanh, Tanh}, NoBias: true, Init: StdNormal, Seed: 2}
	A, B := mustNew(t, cfg), mustNew(t, cfg)
	for i := range B.Params {
		B.Params[i] = A.Params[i] * 1.2
	}
	mid := A.Clone()
	for i := range mid.Params {
		mid.Params[i] = (A.Params[i] + B.Params[i]) / 2
	}
	lam := func(m *MLP) float64 {
		r, err := Sharpness(m, d, SumSquared{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r.Max
	}
	lamA, lamB, lamMid := lam(A), lam(B), lam(mid)
	midLoss := SumSquared{}.Eval(nil, mid.Predict(nil, d.X), d.Y)

	const steps = 45
	s := &SharpnessTrack{Data: d, Loss: SumSquared{}, Every: 10, Windows: [][2]int{{30, 33}}, Midpoints: true}
	for step := 0; step <= steps; step++ {
		m := A
		if step%2 == 1 {
			m = B
		}
		if err := s.Hook(Progress{Step: step, Steps: steps, Model: m}); err != nil {
			t.Fatal(err)
		}
	}
	want := []int{0, 1, 10, 11, 20, 21, 30, 31, 32, 33, 40, 41, 44, 45}
	if len(s.Steps) != len(want) || len(s.MidMax) != len(want) || len(s.MidLoss) != len(want) {
		t.Fatalf("steps %v (%d midpoints), want %v", s.Steps, len(s.MidMax), want)
	}
	for k := range want {
		if s.Steps[k] != want[k] {
			t.Fatalf("steps %v, want %v", s.Steps, want)
		}
	}
	t.Logf("λmax: even %.6g, odd %.6g, midpoint %.6g; %d gradients, %d unconverged", lamA, lamB, lamMid, s.Grads, s.Unconverged)
	if !seesBothPhases(s.Steps, s.Max, lamA, lamB) {
		t.Errorf("the track recorded %v at steps %v; want both %.6g and %.6g", s.Max, s.Steps, lamA, lamB)
	}
	if !math.IsNaN(s.MidMax[0]) || !math.IsNaN(s.MidLoss[0]) {
		t.Errorf("step 0 has a midpoint: %v, %v", s.MidMax[0], s.MidLoss[0])
	}
	for k := 1; k < len(want); k++ {
		if math.Abs(s.MidMax[k]-lamMid) > 1e-4*lamMid || math.Abs(s.MidLoss[k]-midLoss) > 1e-9*midLoss {
			t.Errorf("step %d: midpoint λmax %.8g and loss %.10g, want %.8g and %.10g", s.Steps[k], s.MidMax[k], s.MidLoss[k], lamMid, midLoss)
		}
	}

	// The old sampling, every 10 steps, sees only the even phase.
	var evenSteps []int
	var evenMax []float64
	for k, st := range s.Steps {
		if st%2 == 0 {
			evenSteps, evenMax = append(evenSteps, st), append(evenMax, s.Max[k])
		}
	}
	if seesBothPhases(evenSteps, evenMax, lamA, lamB) {
		t.Error("an even-steps-only record passes the check; the check cannot catch aliasing")
	}
}

// TestSharpnessTrackAdam tracks the preconditioned sharpness of a short
// Adam run and checks its last value against Sharpness with the
// preconditioner at the end.
func TestSharpnessTrackAdam(t *testing.T) {
	d := NoisySine(40, 5)
	m := mustNew(t, Config{Sizes: []int{1, 5, 1}, Seed: 3})
	adam := NewAdam(1e-2)
	s := &SharpnessTrack{Data: d, Every: 5, Precond: adam.Preconditioner}
	if _, err := Train(t.Context(), m, d, Options{Optimizer: adam, Steps: 12, Every: 1, Hook: s.Hook}); err != nil {
		t.Fatal(err)
	}
	r, err := Sharpness(m, d, nil, &SharpnessOptions{Precond: adam.Preconditioner(nil)})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Max[len(s.Max)-1]; s.Steps[len(s.Steps)-1] != 12 || math.Abs(got-r.Max) > 1e-5*r.Max {
		t.Errorf("the track ends at step %d with %.8g; Sharpness with the final preconditioner says %.8g", s.Steps[len(s.Steps)-1], got, r.Max)
	}
}
