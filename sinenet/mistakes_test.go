package sinenet

import (
	"context"
	"errors"
	"fmt"
	"github.com/sinenet/sinenet/internal/mistake"
	"math"
	"strings"
	"testing"
)

// nanSchedule is a Schedule that a user might write with a bug in it.
type nanSchedule struct{}

func (nanSchedule) LR(base float64, step int) float64 {
	if step < 3 {
		return base
	}
	return math.NaN()
}
func (nanSchedule) Validate() error { return nil }

// TestMistakes makes, through the public API, each mistake that issue 12
// lists, and wants an error that names the problem and the fix (a stable
// part of its message, or its type), and no panic.
func TestMistakes(t *testing.T) {
	ctx := context.Background()
	d := NoisySine(200, 1)
	small := func() *MLP { return mustNew(t, Config{Sizes: []int{1, 8, 1}, Seed: 1}) }
	train := func(m *MLP, o Options) error { _, err := Train(ctx, m, d, o); return err }
	diverged := func(err error) (*DivergedError, error) {
		var de *DivergedError
		if !errors.As(err, &de) {
			return nil, fmt.Errorf("want a *DivergedError, got %v", err)
		}
		return de, nil
	}
	for _, tc := range []struct {
		name string
		run  func() error // returns the error the user sees
		want string       // a stable part of it; "" when run checks it itself
	}{
		// Panicked before.
		{"NoisySine(-5) trained", func() error {
			_, err := Train(ctx, small(), NoisySine(-5, 1), Options{Optimizer: NewAdam(1e-2)})
			return err
		}, "NoisySine(-5, 1) makes no data; ask for at least 1 point"},
		{"nil model", func() error { _, err := Train(ctx, nil, d, Options{Optimizer: NewAdam(1e-2)}); return err }, "nil model; build one with sinenet.New"},
		{"input size 2 (Evaluate, Predict)", func() error { _, err := New(Config{Sizes: []int{2, 8, 1}}); return err }, "use Sizes that start and end with 1"},
		{"output size 3", func() error { _, err := New(Config{Sizes: []int{1, 8, 3}}); return err }, "use Sizes that start and end with 1"},
		{"Evaluate(nil)", func() error {
			if s := Evaluate(nil).String(); !strings.Contains(s, "no fit") {
				return fmt.Errorf("Evaluate(nil) = %s", s)
			}
			return errors.New("sinenet: no fit")
		}, "no fit"},
		{"Act set to no activation", func() error {
			m := small()
			m.Layers[0].Act = "swish"
			if p := m.Predict(nil, []float64{1}); !math.IsNaN(p[0]) {
				return fmt.Errorf("Predict with act swish = %v, want NaN", p)
			}
			return train(m, Options{Optimizer: NewAdam(1e-2), Steps: 2})
		}, `layer 0's Act is "swish", which is not an activation; use one of`},
		{"Params truncated", func() error {
			m := small()
			m.Params = m.Params[:5]
			return train(m, Options{Optimizer: NewAdam(1e-2), Steps: 2})
		}, "change the values in m.Params, not the slice"},

		// Passed silently before.
		{"1-1280000-1", func() error { _, err := New(Config{Sizes: []int{1, 1280000, 1}}); return err }, "raise Config.MaxParams if you mean it"},
		{"1-1280000-1 with MaxParams raised", func() error {
			err := Config{Sizes: []int{1, 1280000, 1}, MaxParams: 4 << 20}.Validate()
			if err != nil {
				return err
			}
			return errors.New("sinenet: raised")
		}, "raised"},
		{"SGD momentum 1.5", func() error { return train(small(), Options{Optimizer: NewMomentum(0.1, 1.5)}) }, "Momentum must be in [0, 1), got 1.5"},
		{"Clone and Config after Act", func() error {
			m := small()
			if err := train(m, Options{Optimizer: NewAdam(1e-2), Steps: 2}); err != nil {
				return err
			}
			m.Layers[0].Act = ReLU
			if c := m.Clone(); c.Layers[0].Act != ReLU || m.Config().Acts[0] != ReLU {
				return fmt.Errorf("Clone has %s, Config %s; want relu", c.Layers[0].Act, m.Config().Acts[0])
			}
			return errors.New("sinenet: relu")
		}, "relu"},
		{"model in use by another run", func() error {
			m := small()
			release, err := claim(m, nil)
			if err != nil {
				return err
			}
			defer release()
			return train(m, Options{Optimizer: NewAdam(1e-2)})
		}, "already training in another run; a model belongs to one run at a time"},
		{"optimizer in use by another run", func() error {
			opt := NewAdam(1e-2)
			release, err := claimOptimizer(opt)
			if err != nil {
				return err
			}
			defer release()
			return train(small(), Options{Optimizer: opt})
		}, "an optimizer belongs to one run at a time"},

		// The zero value.
		{"zero Adam is PyTorch's Adam", func() error {
			a, b := small(), small()
			if err := train(a, Options{Optimizer: &Adam{LearningRate: 1e-2}, Steps: 5}); err != nil {
				return err
			}
			if err := train(b, Options{Optimizer: NewAdam(1e-2), Steps: 5}); err != nil {
				return err
			}
			if maxRelErr(a.Params, b.Params) != 0 {
				return errors.New("&Adam{LearningRate: 1e-2} trains apart from NewAdam(1e-2)")
			}
			c := small()
			if err := train(c, Options{Optimizer: &Adam{LearningRate: 1e-2, Beta1: ExplicitZero}, Steps: 5}); err != nil {
				return err
			}
			if maxRelErr(a.Params, c.Params) == 0 {
				return errors.New("Beta1: ExplicitZero trains as the default 0.9")
			}
			return errors.New("sinenet: zero ok")
		}, "zero ok"},

		// DivergedError names the cause, suggests a rate and restores.
		{"not finite before any update", func() error {
			m := small()
			m.Params[0] = math.Inf(1)
			de, err := diverged(train(m, Options{Optimizer: NewGD(0.1)}))
			if err != nil || de.Step != 0 || de.Suggest != 0 || m.Params[0] != math.Inf(1) {
				return fmt.Errorf("%v, %+v", err, de)
			}
			return de
		}, "the learning rate is not to blame, since no update was made; look for NaN, infinite or huge values in the starting weights"},
		{"Eps 0", func() error {
			m := mustNew(t, Config{Sizes: []int{1, 4, 1}, Acts: []Activation{ReLU, Identity}, Seed: 1})
			m.Layers[0].W[0], m.Layers[0].B[0] = 0, -1 // a dead unit: its gradients are exactly 0
			_, err := diverged(train(m, Options{Optimizer: &Adam{LearningRate: 1e-2, Eps: ExplicitZero}}))
			if err != nil {
				return err
			}
			return train(m, Options{Optimizer: &Adam{LearningRate: 1e-2, Eps: ExplicitZero}})
		}, "Eps is 0, so a parameter whose gradient is 0 divides 0 by 0"},
		{"schedule NaN", func() error { return train(small(), Options{Optimizer: NewGD(0.1), Schedule: nanSchedule{}}) }, "at step 4 the schedule set the learning rate to NaN"},
		{"schedule growing", func() error {
			m := mustNew(t, ModelA(1))
			m.Layers[1].Act = Identity
			de, err := diverged(train(m, Options{Optimizer: NewGD(1e-6), Loss: SumSquared{}, Schedule: ExponentialLR{Gamma: 1.5}, Steps: 200}))
			if err != nil {
				return err
			}
			return de
		}, "the schedule raised the learning rate from 1e-06 to"},
		{"lr 0.1: the suggested rate trains a new run", func() error {
			// Notebook 5's fixed network; it diverges after a few dozen
			// steps, from parameters whose curvature is far above the start's.
			start := func() *MLP {
				return mustNew(t, Config{Sizes: []int{1, 128, 1}, Acts: []Activation{Tanh, Identity}, Seed: 1})
			}
			m := start()
			de, err := diverged(train(m, Options{Optimizer: NewGD(0.1), Loss: MeanSquared{}, Steps: 1000}))
			if err != nil {
				return err
			}
			if !(de.Suggest > 0 && de.Suggest < de.LR) || firstNotFinite(m.Params) >= 0 {
				return fmt.Errorf("suggested %g after lr %g; parameters finite: %t", de.Suggest, de.LR, firstNotFinite(m.Params) < 0)
			}
			// Half the edge at the start, not a rate made tiny by the
			// curvature where the loss was already blowing up.
			r0, err := Sharpness(start(), d, MeanSquared{}, nil)
			if err != nil {
				return err
			}
			λ0 := r0.Max
			if r := de.Suggest / (1 / λ0); r < 0.99 || r > 1.01 {
				return fmt.Errorf("suggested %g, %.3g times half the edge 2/λmax = %g at the start", de.Suggest, r, 2/λ0)
			}
			if err := train(start(), Options{Optimizer: NewGD(de.Suggest), Loss: MeanSquared{}, Steps: 1000}); err != nil {
				return fmt.Errorf("the suggested rate %g diverged too: %w", de.Suggest, err)
			}
			return de
		}, "at the start"},
		{"L-BFGS loss not finite", func() error {
			m := small()
			m.Params[0] = math.NaN()
			de, err := diverged(train(m, Options{Optimizer: &LBFGS{}, Steps: 10}))
			if err != nil {
				return err
			}
			return de
		}, "training cannot start: parameter 0 is NaN; the learning rate is not to blame"},
		{"L-BFGS loss not finite on the way", func() error {
			m := small()
			m.Layers[1].W[0] = 1e300 // finite, but the loss overflows
			de, err := diverged(train(m, Options{Optimizer: &LBFGS{}, Steps: 10}))
			if err != nil {
				return err
			}
			return de
		}, "training cannot start: the loss is +Inf"},

		// Vague before.
		{"RunPath without an optimizer", func() error { _, err := RunPath(Quadratic(), nil, 10); return err }, "pass one, e.g. sinenet.NewAdam(0.1)"},

		// Found by the audit of issue 12: the same kinds of mistakes,
		// through other doors.
		{"Train with a nil *Adam", func() error {
			var opt *Adam // declared, never made
			return train(small(), Options{Optimizer: opt})
		}, "Options.Optimizer is a nil *sinenet.Adam; make one with its constructor"},
		{"RunPath with a nil *LBFGS", func() error {
			var opt *LBFGS
			_, err := RunPath(Quadratic(), opt, 10)
			return err
		}, "RunPath's optimizer is a nil *sinenet.LBFGS; make one with its constructor"},
		{"Predict of a zero MLP", func() error {
			if p := (&MLP{}).Predict(nil, []float64{1, 2}); len(p) != 2 || !math.IsNaN(p[0]) || !math.IsNaN(p[1]) {
				return fmt.Errorf("Predict of a zero MLP = %v, want two NaN", p)
			}
			return errors.New("sinenet: NaN")
		}, "NaN"},
		{"Steps: 1<<40, stopped by a hook", func() error {
			h, err := Train(ctx, small(), d, Options{Optimizer: NewAdam(1e-2), Steps: 1 << 40, Every: 1, Hook: func(Progress) error { return ErrStop }})
			if err != nil || len(h.Loss) != 1 {
				return fmt.Errorf("%v after %d steps", err, len(h.Loss))
			}
			return errors.New("sinenet: stopped")
		}, "stopped"},
		{"RunPath for 1<<40 steps", func() error {
			path, err := RunPath(Quadratic(), &LBFGS{}, 1<<40) // converges in a few
			if err != nil {
				return err
			}
			return fmt.Errorf("sinenet: %d points", min(path.Len(), 2))
		}, "2 points"},
		{"MaxParams raised, sizes that overflow int", func() error {
			return Config{Sizes: []int{1, 1 << 32, 1 << 32, 1}, MaxParams: math.MaxInt}.Validate()
		}, "makes more than 9223372036854775807 weights and biases"},
		{"Sharpness of a nil model", func() error { _, err := Sharpness(nil, d, nil, nil); return err }, "the sharpness of a nil model; build one with sinenet.New"},
		{"Hooks with a nil hook", func() error {
			return train(small(), Options{Optimizer: NewAdam(1e-2), Steps: 2, Hook: Hooks(nil, func(Progress) error { return errors.New("sinenet: called") })})
		}, "called"},
		{"the Hook of a nil *GradNorms", func() error {
			var norms *GradNorms
			return train(small(), Options{Optimizer: NewAdam(1e-2), Steps: 2, Hook: norms.Hook})
		}, "the Hook of a nil *GradNorms; make one first"},
		{"the Hook of a nil *SharpnessTrack", func() error {
			var track *SharpnessTrack
			return train(small(), Options{Optimizer: NewAdam(1e-2), Steps: 2, Hook: track.Hook})
		}, "the Hook of a nil *SharpnessTrack; make one first"},
		{"SharpnessTrack.Hook of a nil model", func() error { return (&SharpnessTrack{Data: d}).Hook(Progress{}) }, "the sharpness of a nil model"},
		{"a SharpnessTrack that Train calls every 10 steps", func() error {
			track := &SharpnessTrack{Data: d, Every: 10}
			return train(small(), Options{Optimizer: NewGD(1e-3), Steps: 20, Every: 10, Hook: track.Hook})
		}, "saw step 10 after step -1; set Options.Every to 1"},
	} {
		mistake.Check(t, tc.name, tc.run, tc.want)
	}
}
