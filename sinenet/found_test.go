package sinenet

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

// TestActAlias: a Layer's Act spelled another way ("Tanh" for Tanh) is
// refused by Train and Evaluate with the constant to use, instead of
// training NaN; Config.Acts still takes such spellings.
func TestActAlias(t *testing.T) {
	d := NoisySine(200, 1)
	for _, ref := range []bool{false, true} {
		m := mustNew(t, Config{Sizes: []int{1, 8, 1}, Seed: 1})
		m.Layers[0].Act = "Tanh"
		_, err := Train(context.Background(), m, d, Options{Optimizer: NewAdam(1e-2), Steps: 5, Reference: ref})
		if err == nil || !strings.Contains(err.Error(), `use sinenet.Tanh ("tanh")`) {
			t.Errorf("reference %t: Train with Act \"Tanh\": %v; want the constant named", ref, err)
		}
		if f := Evaluate(m); f.Extrema != -1 || !math.IsNaN(f.RMSE) {
			t.Errorf("Evaluate with Act \"Tanh\" = %+v; want RMSE NaN, Extrema -1", f)
		}
	}
	m := mustNew(t, Config{Sizes: []int{1, 8, 1}, Acts: []Activation{"Leaky_ReLU", "linear"}, Seed: 1})
	if m.Layers[0].Act != LeakyReLU || m.Layers[1].Act != Identity {
		t.Errorf("Config.Acts Leaky_ReLU, linear built %s, %s", m.Layers[0].Act, m.Layers[1].Act)
	}
	if _, err := Train(context.Background(), m, d, Options{Optimizer: NewAdam(1e-2), Steps: 5}); err != nil {
		t.Error(err)
	}
}

// TestRoseSaid: GD at lr 1 on Model A (summed loss) takes the loss from
// 2932 to about 5100; the run does not fail, but its History says so.
func TestRoseSaid(t *testing.T) {
	d := NoisySine(QuestionN, 1)
	m := mustNew(t, ModelA(1))
	h, err := Train(context.Background(), m, d, Options{Optimizer: NewGD(1), Loss: SumSquared{}, Steps: 50})
	if err != nil {
		t.Fatal(err)
	}
	if !h.Rose() || !strings.Contains(h.String(), "ended higher") || !strings.Contains(h.String(), "lower the learning rate") {
		t.Errorf("loss %.4g → %.4g: Rose %t, String %q; want the rise said", h.Loss[0], h.Final(), h.Rose(), h.String())
	}
	m = mustNew(t, ModelA(1))
	h, err = Train(context.Background(), m, d, Options{Optimizer: NewAdam(1e-2), Steps: 50})
	if err != nil {
		t.Fatal(err)
	}
	if h.Rose() || strings.Contains(h.String(), "ended higher") {
		t.Errorf("Adam: loss %.4g → %.4g, Rose %t, String %q; want no warning", h.Loss[0], h.Final(), h.Rose(), h.String())
	}
}

// nanLoss is a reader's loss that returns NaN.
type nanLoss struct{}

func (nanLoss) Name() string { return "mine" }
func (nanLoss) Eval(dp, p, y []float64) float64 {
	for i := range dp {
		dp[i] = 0
	}
	return math.NaN()
}

// TestOwnLossBlamed: a NaN from the reader's own Loss at the start names
// that loss, not the weights or the data.
func TestOwnLossBlamed(t *testing.T) {
	m := mustNew(t, Config{Sizes: []int{1, 8, 1}, Seed: 1})
	_, err := Train(context.Background(), m, NoisySine(100, 1), Options{Optimizer: NewAdam(1e-2), Loss: nanLoss{}})
	var de *DivergedError
	if !errors.As(err, &de) || de.Step != 0 || !strings.Contains(err.Error(), "the loss mine (sinenet.nanLoss)") || strings.Contains(err.Error(), "starting weights") {
		t.Errorf("Train with a NaN loss: %v; want the loss named", err)
	}
	// The package's own losses keep the old reading: NaN weights.
	m.Params[0] = math.NaN()
	_, err = Train(context.Background(), m, NoisySine(100, 1), Options{Optimizer: NewAdam(1e-2)})
	if err == nil || !strings.Contains(err.Error(), "starting weights") {
		t.Errorf("Train from a NaN weight: %v", err)
	}
}

// TestStepAllocsEveryOption: a step allocates nothing, for every
// optimizer with each of its options on (the registry alone leaves out
// AMSGrad, Centered and the like).
func TestStepAllocsEveryOption(t *testing.T) {
	m := mustNew(t, ModelB(1))
	for _, opt := range []Stepper{
		NewGD(1e-3), NewMomentum(1e-3, 0.9), NewNesterov(1e-3, 0.9),
		&SGD{LearningRate: 1e-3, Momentum: 0.9, Dampening: 0.1, WeightDecay: 1e-4},
		&Adagrad{LearningRate: 1e-3, LRDecay: 1e-3, WeightDecay: 1e-4, InitialAccumulatorValue: 0.1},
		&RMSprop{LearningRate: 1e-3, Momentum: 0.9, Centered: true, WeightDecay: 1e-4},
		&Adam{LearningRate: 1e-3, AMSGrad: true, WeightDecay: 1e-4},
		&AdamW{LearningRate: 1e-3, AMSGrad: true, WeightDecay: 1e-2},
	} {
		opt.Step(m.Params, m.Grads, opt.LR())
		if a := testing.AllocsPerRun(10, func() { opt.Step(m.Params, m.Grads, opt.LR()) }); a != 0 {
			t.Errorf("%s %+v: Step allocates %g times per call", opt.Name(), opt, a)
		}
	}
}
