package sinenet

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TestActChangeBetweenRuns changes a layer's activation between two runs
// of Train and wants the second run to train the new activation, on the
// fast path and on the reference path: the same as a fresh network built
// with it, and a first loss equal to the new network's.
func TestActChangeBetweenRuns(t *testing.T) {
	d := NoisySine(500, 2)
	for _, ref := range []bool{false, true} {
		m := mustNew(t, Config{Sizes: []int{1, 16, 1}, Seed: 3})
		o := func() Options { return Options{Optimizer: NewAdam(1e-2), Steps: 20, Reference: ref} }
		if _, err := Train(context.Background(), m, d, o()); err != nil {
			t.Fatal(err)
		}
		m.Layers[0].Act = ReLU
		fresh := m.Clone()
		if fresh.Layers[0].Act != ReLU || m.Config().Acts[0] != ReLU {
			t.Fatalf("reference %t: Clone has %s and Config %s after the change; want relu", ref, fresh.Layers[0].Act, m.Config().Acts[0])
		}
		want := MeanSquared{}.Eval(nil, m.Predict(nil, d.X), d.Y)
		h, err := Train(context.Background(), m, d, o())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Train(context.Background(), fresh, d, o()); err != nil {
			t.Fatal(err)
		}
		if math.Abs(h.Loss[0]-want) > 1e-4*want {
			t.Errorf("reference %t: the first loss after the change is %g; the ReLU network's is %g", ref, h.Loss[0], want)
		}
		if !slices.Equal(m.Params, fresh.Params) {
			t.Errorf("reference %t: the changed model trains apart from a fresh ReLU network (max rel diff %g)", ref, maxRelErr(m.Params, fresh.Params))
		}
	}
}

// TestConcurrentRuns checks the documented rule that a model and an
// optimizer belong to one run at a time: a second run that shares either
// with a run in progress gets an error and changes nothing. Run it with
// -race.
func TestConcurrentRuns(t *testing.T) {
	d := NoisySine(200, 1)
	m := mustNew(t, Config{Sizes: []int{1, 8, 1}, Seed: 1})
	opt := NewAdam(1e-2)
	inside, leave := make(chan struct{}), make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_, err := Train(context.Background(), m, d, Options{Optimizer: opt, Steps: 10, Every: 1, Hook: func(Progress) error {
			once.Do(func() { close(inside); <-leave })
			return nil
		}})
		if err != nil {
			t.Error(err)
		}
	}()
	<-inside
	other := mustNew(t, Config{Sizes: []int{1, 8, 1}, Seed: 2})
	before := slices.Clone(other.Params)
	for _, tc := range []struct {
		name string
		run  func() error
		want string
	}{
		{"same model", func() error {
			_, err := Train(context.Background(), m, d, Options{Optimizer: NewAdam(1e-2)})
			return err
		}, "a model belongs to one run at a time"},
		{"same optimizer", func() error {
			_, err := Train(context.Background(), other, d, Options{Optimizer: opt})
			return err
		}, "an optimizer belongs to one run at a time"},
		{"same optimizer in RunPath", func() error { _, err := RunPath(Quadratic(), opt, 10); return err }, "an optimizer belongs to one run at a time"},
	} {
		if err := tc.run(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want an error containing %q", tc.name, err, tc.want)
		}
	}
	if !slices.Equal(other.Params, before) {
		t.Error("a refused run changed its model")
	}
	close(leave)
	wg.Wait()
	// Once the run is over, both are free again, in parallel runs of
	// their own.
	var errs [2]error
	wg.Add(2)
	for i, mo := range []*MLP{m, other} {
		go func() {
			defer wg.Done()
			_, errs[i] = Train(context.Background(), mo, d, Options{Optimizer: NewAdam(1e-2), Steps: 5})
		}()
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		t.Error(err)
	}
}

// TestMinimizerKeepsTrainsPromises checks that L-BFGS, through the same
// driver as the Steppers, calls the hook after the last step and returns a
// *DivergedError for a loss that is not finite.
func TestMinimizerKeepsTrainsPromises(t *testing.T) {
	d := NoisySine(300, 1)
	for _, opt := range []Optimizer{&LBFGS{GradTol: 1e-300}, NewAdam(1e-2)} {
		m := mustNew(t, Config{Sizes: []int{1, 16, 1}, Seed: 1})
		var steps []int
		h, err := Train(context.Background(), m, d, Options{Optimizer: opt, Steps: 120, Every: 50, Hook: func(p Progress) error {
			steps = append(steps, p.Step)
			return nil
		}})
		if err != nil {
			t.Fatal(err)
		}
		last := len(h.Loss)
		if want := []int{50, 100, last}; len(h.Loss) < 101 || !slices.Equal(steps, want) {
			t.Errorf("%s: %d steps, hook at %v; want %v", opt.Name(), len(h.Loss), steps, want)
		}
	}
}

// fastLossGrad is a test's shorthand for one pass of the fast path: the
// loss, with the gradient in m.Grads, or false when the fast path declines
// the loss or an activation. (Tests on other branches call it by this
// name, from when the fast path hung off *MLP.)
func (m *MLP) fastLossGrad(x, y []float64, loss Loss) (float64, bool) {
	f := newFastNet(m, loss)
	if f == nil {
		return 0, false
	}
	return f.lossGrad(x, y), true
}

// mustNew builds a network from c or fails the test.
func mustNew(t testing.TB, c Config) *MLP {
	t.Helper()
	m, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
