package notebooktest_test

import (
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/exercise"
)

// TestExercises runs every exercise of 05-exercises.ipynb the ways a
// learner might: the cell as shipped must fall short, the solution of
// 05-solutions.ipynb must pass, and each known way to game the check must
// fail it, with a message that names what was wrong where the check can
// know it (say, which fixed setting was changed).
func TestExercises(t *testing.T) {
	reluNet := func(sizes ...int) sinenet.Config {
		c := exercise.ReLUNet()
		c.Sizes = sizes
		c.Acts = nil
		for range len(sizes) - 2 {
			c.Acts = append(c.Acts, sinenet.ReLU)
		}
		c.Acts = append(c.Acts, sinenet.Identity)
		return c
	}
	modelA := func(edit func(c *sinenet.Config)) sinenet.Config {
		c := sinenet.ModelA(exercise.Seed)
		edit(&c)
		return c
	}
	solution1 := modelA(func(c *sinenet.Config) { c.NoBias, c.Init = false, sinenet.PyTorch })
	solution4 := modelA(func(c *sinenet.Config) {
		c.NoBias, c.Init = false, sinenet.PyTorch
		c.Acts = []sinenet.Activation{sinenet.Tanh, sinenet.Identity}
	})
	longer := exercise.NetworkOptions()
	longer.Steps = 5000
	fewer := exercise.NetworkOptions()
	fewer.Steps = 0

	for _, tc := range []struct {
		name string
		run  func() exercise.Result
		pass bool
		says string // a part of the result's text, "" for any
	}{
		// 1 · optimizers, in 1000 gradient evaluations
		{"1 shipped: GD 1e-2", func() exercise.Result { return exercise.Optimizer(sinenet.NewGD(1e-2)) }, false, "GD at lr 0.01"},
		{"1 solution: Adam 5e-2", func() exercise.Result { return exercise.Optimizer(sinenet.NewAdam(5e-2)) }, true, "1000 gradient evaluations"},
		{"1 Adam at its usual rate", func() exercise.Result { return exercise.Optimizer(sinenet.NewAdam(1e-2)) }, false, "2 extrema"},
		{"1 gamed: L-BFGS", func() exercise.Result { return exercise.Optimizer(&sinenet.LBFGS{}) }, false, "L-BFGS takes no learning rate"},
		{"1 too large: Adam 0.3", func() exercise.Result { return exercise.Optimizer(sinenet.NewAdam(0.3)) }, false, ""},

		// 2 · initialization, seed 3 stuck
		{"2 shipped: N(0, 1)", func() exercise.Result { return exercise.Init(sinenet.ModelA(exercise.Stuck)) }, false, "normal init"},
		{"2 solution: Xavier uniform", func() exercise.Result {
			c := sinenet.ModelA(exercise.Stuck)
			c.Init = sinenet.XavierUniform
			return exercise.Init(c)
		}, true, ""},
		{"2 solution: Xavier normal", func() exercise.Result {
			c := sinenet.ModelA(exercise.Stuck)
			c.Init = sinenet.XavierNormal
			return exercise.Init(c)
		}, true, ""},
		{"2 solution: He", func() exercise.Result {
			c := sinenet.ModelA(exercise.Stuck)
			c.Init = sinenet.He
			return exercise.Init(c)
		}, true, ""},
		{"2 gamed: biases too", func() exercise.Result {
			c := sinenet.ModelA(exercise.Stuck)
			c.Init, c.NoBias = sinenet.He, false
			return exercise.Init(c)
		}, false, "c.NoBias"},
		{"2 gamed: another seed", func() exercise.Result { return exercise.Init(sinenet.ModelA(1)) }, false, "c.Seed"},

		// 3 · a loss for data with outliers
		{"3 shipped: MSE", func() exercise.Result { return exercise.Loss(sinenet.MeanSquared{}) }, false, "MSE"},
		{"3 solution: L1", func() exercise.Result { return exercise.Loss(sinenet.L1{}) }, true, ""},
		{"3 solution: Huber 0.1", func() exercise.Result { return exercise.Loss(sinenet.Huber{Delta: 0.1}) }, true, ""},
		{"3 wide Huber is MSE-like", func() exercise.Result { return exercise.Loss(sinenet.Huber{Delta: 1}) }, false, ""},
		{"3 gamed: a loss that ignores the data", func() exercise.Result { return exercise.Loss(flat{}) }, false, "flat"},
		{"3 summed squares", func() exercise.Result { return exercise.Loss(sinenet.SumSquared{}) }, false, ""},

		// 4 · the network only
		{"4 shipped: Model A", func() exercise.Result {
			return exercise.Network(sinenet.ModelA(exercise.Seed), exercise.NetworkOptions())
		}, false, ""},
		{"4 solution: biases and small init, tanh output kept", func() exercise.Result {
			return exercise.Network(solution1, exercise.NetworkOptions())
		}, true, ""},
		{"4 solution: biases, small init, linear output", func() exercise.Result { return exercise.Network(solution4, exercise.NetworkOptions()) }, true, ""},
		{"4 gamed: more steps", func() exercise.Result { return exercise.Network(solution4, longer) }, false, "o.Steps (2000 → 5000)"},
		{"4 gamed: default steps", func() exercise.Result { return exercise.Network(solution4, fewer) }, false, "o.Steps (2000 → 0)"},
		{"4 gamed: a constant", func() exercise.Result {
			c := exercise.Fixed()
			c.Sizes = []int{1, 1, 1}
			return exercise.Network(c, exercise.NetworkOptions())
		}, false, ""},

		// 5 · ReLU layers
		{"5 shipped: 1-128-1", func() exercise.Result { return exercise.ReLU(exercise.ReLUNet()) }, false, ""},
		{"5 solution: 1-32-32-32-1", func() exercise.Result { return exercise.ReLU(reluNet(1, 32, 32, 32, 1)) }, true, ""},
		{"5 gamed: tanh", func() exercise.Result { return exercise.ReLU(exercise.Fixed()) }, false, "c.Acts[0]"},
		{"5 gamed: another init", func() exercise.Result {
			c := reluNet(1, 32, 32, 32, 1)
			c.Init = sinenet.He
			return exercise.ReLU(c)
		}, false, "c.Init"},

		// 6 · a schedule
		{"6 shipped: none", func() exercise.Result { return exercise.Schedule(nil) }, false, ""},
		{"6 solution: StepLR", func() exercise.Result {
			return exercise.Schedule(sinenet.StepLR{StepSize: 1000, Gamma: 0.1})
		}, true, ""},
		{"6 solution: cosine", func() exercise.Result { return exercise.Schedule(sinenet.CosineAnnealingLR{TMax: 2000}) }, true, ""},
		{"6 solution: slow exponential", func() exercise.Result { return exercise.Schedule(sinenet.ExponentialLR{Gamma: 0.999}) }, true, ""},
		{"6 gamed: a rate that vanishes", func() exercise.Result { return exercise.Schedule(sinenet.ExponentialLR{Gamma: 0.99}) }, false, ""},

		// 7 · the largest stable learning rate
		{"7 shipped: lr 1e-3", func() exercise.Result { return exercise.Stable(1e-3) }, false, "rose at 0 of"},
		{"7 solution: 0.9 × 2/λmax", func() exercise.Result { return exercise.Stable(0.9 * 2 / sharpness(t)) }, true, ""},
		{"7 at 2/λmax, no margin", func() exercise.Result { return exercise.Stable(2 / sharpness(t)) }, false, "the loss rose at"},
		{"7 too large: 1.5 × 2/λmax", func() exercise.Result { return exercise.Stable(1.5 * 2 / sharpness(t)) }, false, "the loss became +Inf"}, // 05-solutions: "overflows to +Inf"
		{"7 gamed: lr 0", func() exercise.Result { return exercise.Stable(0) }, false, ""},

		// 8 · early stopping
		{"8 shipped: never stop", func() exercise.Result { return exercise.EarlyStop(func([]float64) bool { return false }) }, false, "ran all"},
		{"8 solution: patience 100", func() exercise.Result { return exercise.EarlyStop(patience(100)) }, true, ""},
		{"8 solution: patience 50", func() exercise.Result { return exercise.EarlyStop(patience(50)) }, true, ""},
		{"8 impatient: 10 steps", func() exercise.Result { return exercise.EarlyStop(patience(10)) }, false, ""},
		{"8 gamed: stop at once", func() exercise.Result { return exercise.EarlyStop(func([]float64) bool { return true }) }, false, ""},
		{"8 gamed: no rule", func() exercise.Result { return exercise.EarlyStop(nil) }, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.run()
			t.Log(r)
			if r.Pass != tc.pass {
				t.Errorf("pass = %v, want %v", r.Pass, tc.pass)
			}
			if !strings.Contains(r.String(), tc.says) {
				t.Errorf("the result does not say %q", tc.says)
			}
			if !r.Pass && !strings.Contains(r.String(), "hint: ") {
				t.Errorf("a result that falls short gives no hint")
			}
		})
	}
}

// sharpness returns λmax of exercise 7's network at its start.
func sharpness(t *testing.T) float64 {
	m, err := sinenet.New(exercise.Fixed())
	if err != nil {
		t.Fatal(err)
	}
	lam, err := sinenet.Sharpness(m, exercise.Data(), sinenet.MeanSquared{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return lam.Max
}

// patience is 05-solutions' stopping rule: stop once the validation loss
// has not reached a new low for n steps.
func patience(n int) func(val []float64) bool {
	return func(val []float64) bool {
		best := 0
		for i, v := range val {
			if v < val[best] {
				best = i
			}
		}
		return len(val)-1-best >= n
	}
}

// flat is a loss that ignores the data: its gradient is 0, so the network
// keeps its starting curve, nearly a constant.
type flat struct{}

func (flat) Name() string { return "flat" }

func (flat) Eval(dp, p, y []float64) float64 {
	for i := range dp {
		dp[i] = 0
	}
	return 0
}
