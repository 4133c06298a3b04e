package sinenet

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestTrainErrors(t *testing.T) {
	d := NoisySine(50, 1)
	for _, c := range []struct {
		name string
		d    Data
		o    Options
		want string
	}{
		{"no optimizer", d, Options{}, "no optimizer"},
		{"zero lr", d, Options{Optimizer: NewAdam(0)}, "learning rate"},
		{"negative lr", d, Options{Optimizer: NewGD(-1)}, "learning rate"},
		{"nan lr", d, Options{Optimizer: NewGD(math.NaN())}, "learning rate"},
		{"empty data", Data{}, Options{Optimizer: NewGD(0.1)}, "data is empty"},
		{"lengths", Data{X: []float64{1, 2}, Y: []float64{1}}, Options{Optimizer: NewGD(0.1)}, "x has 2 values but y has 1"},
		{"negative steps", d, Options{Optimizer: NewGD(0.1), Steps: -5}, "Steps is -5"},
		{"bad schedule", d, Options{Optimizer: NewGD(0.1), Schedule: StepLR{StepSize: 0, Gamma: 0.5}}, "StepSize"},
		{"lbfgs batches", d, Options{Optimizer: &LBFGS{}, BatchSize: 10}, "full batch"},
		{"lbfgs schedule", d, Options{Optimizer: &LBFGS{}, Schedule: ExponentialLR{Gamma: 0.9}}, "no learning-rate schedule"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, _ := New(Config{Sizes: []int{1, 4, 1}})
			_, err := Train(context.Background(), m, c.d, c.o)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Train = %v; want an error containing %q", err, c.want)
			}
		})
	}
	if _, err := New(Config{Sizes: []int{2, 4, 1}}); err == nil || !strings.Contains(err.Error(), "start and end with 1") {
		t.Errorf("New of a 2-input network = %v", err)
	}
}

// TestDiverges checks that a learning rate far too large stops training
// with a DivergedError that names the step and suggests a smaller rate.
func TestDiverges(t *testing.T) {
	m, _ := New(ModelA(1))
	m.Layers[1].Act = Identity // tanh on the output would keep the loss finite
	h, err := Train(context.Background(), m, NoisySine(QuestionN, 1), Options{Optimizer: NewGD(1), Loss: SumSquared{}, Steps: 100})
	var de *DivergedError
	if !errors.As(err, &de) {
		t.Fatalf("Train with lr 1 = %v; want a *DivergedError", err)
	}
	if de.Step < 2 || len(h.Loss) != de.Step || !strings.Contains(err.Error(), "try a learning rate of") ||
		!(de.Suggest > 0 && de.Suggest < de.LR) || firstNotFinite(m.Params) >= 0 {
		t.Errorf("step %d, %d losses recorded, suggested rate %g, message %q", de.Step, len(h.Loss), de.Suggest, err)
	}
}

func TestTrainCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	m, _ := New(Config{Sizes: []int{1, 8, 1}})
	h, err := Train(ctx, m, NoisySine(100, 1), Options{Optimizer: NewAdam(1e-2), Steps: 1000, Every: 10,
		Hook: func(p Progress) error {
			if p.Step == 30 {
				cancel()
			}
			return nil
		}})
	if !errors.Is(err, context.Canceled) || len(h.Loss) != 30 {
		t.Fatalf("cancelled at step 30: %d steps, err %v", len(h.Loss), err)
	}
}

func TestTrainHistory(t *testing.T) {
	d := NoisySine(200, 1)
	tr, va, err := d.Split(0.25, 2)
	if err != nil || tr.Len() != 150 || va.Len() != 50 {
		t.Fatalf("Split = %d, %d, %v", tr.Len(), va.Len(), err)
	}
	for _, o := range []Options{
		{Optimizer: NewAdam(1e-2), Steps: 120, Valid: va, Every: 50},
		{Optimizer: NewAdam(1e-2), Steps: 120, Valid: va, Every: 50, BatchSize: 32, Seed: 4},
		{Optimizer: &LBFGS{}, Steps: 120, Valid: va, Every: 50},
	} {
		m, _ := New(Config{Sizes: []int{1, 8, 1}, Seed: 1})
		var calls []int
		o.Hook = func(p Progress) error { calls = append(calls, p.Step); return nil }
		h, err := Train(context.Background(), m, tr, o)
		if err != nil {
			t.Fatalf("%s: %v", o.Optimizer.Name(), err)
		}
		n := len(h.Loss)
		if n == 0 || len(h.ValLoss) != n || len(h.Time) != n || h.Name != o.Optimizer.Name() {
			t.Errorf("%s: %d losses, %d validation losses, %d times, name %q", h.Name, n, len(h.ValLoss), len(h.Time), h.Name)
		}
		// Measured: both fall to 0.9-10% of the first (L-BFGS lowest);
		// the band leaves about 2× room on each side.
		for _, r := range []float64{h.Final() / h.Loss[0], h.ValLoss[n-1] / h.ValLoss[0]} {
			if !(r > 0.005 && r < 0.5) {
				t.Errorf("%s: loss %g -> %g, validation %g -> %g; want both to fall to between 0.5%% and 50%% of the first", h.Name, h.Loss[0], h.Final(), h.ValLoss[0], h.ValLoss[n-1])
			}
		}
		if !slices.Equal(calls, []int{50, 100, 120}) {
			t.Errorf("%s: hook called at %v, want [50 100 120]", h.Name, calls)
		}
	}
}

func TestTrainStopHook(t *testing.T) {
	m, _ := New(Config{Sizes: []int{1, 8, 1}})
	h, err := Train(context.Background(), m, NoisySine(100, 1), Options{Optimizer: NewAdam(1e-2), Every: 10,
		Hook: func(p Progress) error { return ErrStop }})
	if err != nil || len(h.Loss) != 10 {
		t.Fatalf("ErrStop at step 10: %d steps, err %v", len(h.Loss), err)
	}
}

// TestTrainDeterministic checks that the same seeds give bit-identical
// weights and losses.
func TestTrainDeterministic(t *testing.T) {
	run := func() (*MLP, *History) {
		m, _ := New(Config{Sizes: []int{1, 16, 1}, Seed: 5})
		h, err := Train(context.Background(), m, NoisySine(300, 5), Options{Optimizer: NewAdam(1e-2), Steps: 50, BatchSize: 64, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		return m, h
	}
	m1, h1 := run()
	m2, h2 := run()
	for i := range m1.Params {
		if m1.Params[i] != m2.Params[i] {
			t.Fatalf("weight %d differs: %v vs %v", i, m1.Params[i], m2.Params[i])
		}
	}
	for i := range h1.Loss {
		if h1.Loss[i] != h2.Loss[i] {
			t.Fatalf("loss %d differs", i)
		}
	}
}

// TestHistoryEvals checks that History.Evals counts the gradient
// evaluations up to each recorded loss: t+1 at step t of a Stepper, and for
// LBFGS a count that starts at 1 and grows by at least one per iteration.
func TestHistoryEvals(t *testing.T) {
	d := NoisySine(200, 1)
	m, _ := New(Config{Sizes: []int{1, 8, 1}, Seed: 1})
	h, err := Train(context.Background(), m, d, Options{Optimizer: NewAdam(1e-2), Steps: 30})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range h.Evals {
		if e != i+1 {
			t.Fatalf("Adam: Evals[%d] = %d, want %d", i, e, i+1)
		}
	}
	if len(h.Evals) != len(h.Loss) {
		t.Fatalf("Adam: %d Evals for %d losses", len(h.Evals), len(h.Loss))
	}
	m, _ = New(Config{Sizes: []int{1, 8, 1}, Seed: 1})
	h, err = Train(context.Background(), m, d, Options{Optimizer: &LBFGS{}, Steps: 30})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Evals) != len(h.Loss) || h.Evals[0] != 1 {
		t.Fatalf("L-BFGS: Evals %v for %d losses; want one per loss, from 1", h.Evals, len(h.Loss))
	}
	for i := 1; i < len(h.Evals); i++ {
		if h.Evals[i] <= h.Evals[i-1] {
			t.Fatalf("L-BFGS: Evals %v does not grow at every iteration", h.Evals)
		}
	}
}
