package sinenet

import (
	"context"
	"testing"
)

// seedRun is one configuration of the seed suite: the question's two
// networks trained as in the question, and the answer's two trained as in
// the answer. internal/benchcmp/torch_bench.py runs the same four in
// PyTorch.
type seedRun struct {
	name  string
	cfg   Config
	opt   func() Optimizer
	loss  Loss
	steps int
}

func seedSuite() []seedRun {
	gd := func() Optimizer { return NewGD(QuestionLR) }
	adam := func() Optimizer { return NewAdam(AnswerLR) }
	answerDeep := Config{Sizes: []int{1, 32, 128, 32, 1}, Init: PyTorch, Seed: 1}
	return []seedRun{
		{"question-shallow", ModelA(1), gd, SumSquared{}, QuestionSteps},
		{"question-deep", ModelB(1), gd, SumSquared{}, QuestionSteps},
		{"answer-shallow", AnswerModel(1), adam, L1{}, AnswerSteps},
		{"answer-deep", answerDeep, adam, L1{}, AnswerSteps},
	}
}

// BenchmarkSeedSuite times one full-batch training step (forward pass,
// backward pass and optimizer update, as in Train) on the question's 4000
// points. `make bench` compares it with PyTorch.
func BenchmarkSeedSuite(b *testing.B) {
	d := NoisySine(QuestionN, 1)
	for _, s := range seedSuite() {
		b.Run(s.name, func(b *testing.B) {
			m, err := New(s.cfg)
			if err != nil {
				b.Fatal(err)
			}
			opt := s.opt()
			b.ReportAllocs()
			for b.Loop() {
				m.lossGrad(d.X, d.Y, s.loss, false)
				opt.Step(m.Params, m.Grads)
			}
		})
	}
}

// BenchmarkSeedRuns times a whole training run through Train: 3000 steps
// for the question's setups and 1000 for the answer's.
func BenchmarkSeedRuns(b *testing.B) {
	d := NoisySine(QuestionN, 1)
	for _, s := range seedSuite() {
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				m, err := New(s.cfg)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Train(context.Background(), m, d, Options{Optimizer: s.opt(), Loss: s.loss, Steps: s.steps}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
		})
	}
}

// TestTrainAllocs checks that Train allocates nothing per step: a run of
// 40 steps allocates as often as a run of 5.
func TestTrainAllocs(t *testing.T) {
	d := NoisySine(QuestionN, 1)
	for _, s := range seedSuite() {
		allocs := func(steps int) float64 {
			m, _ := New(s.cfg)
			opt := s.opt()
			m.lossGrad(d.X, d.Y, s.loss, false) // the fast path's buffers
			return testing.AllocsPerRun(2, func() {
				if _, err := Train(context.Background(), m, d, Options{Optimizer: opt, Loss: s.loss, Steps: steps}); err != nil {
					t.Fatal(err)
				}
			})
		}
		if a, b := allocs(5), allocs(40); a != b {
			t.Errorf("%s: Train allocates %g times for 5 steps and %g for 40", s.name, a, b)
		}
	}
}

// TestStepAllocs checks that every optimizer's Step allocates nothing
// after its first call, on the deep network's parameters.
func TestStepAllocs(t *testing.T) {
	m, _ := New(ModelB(1))
	for _, name := range OptimizerNames() {
		opt, err := OptimizerByName(name, 1e-3)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := opt.(*LBFGS); ok {
			continue // not a step-by-step optimizer
		}
		opt.Step(m.Params, m.Grads)
		if a := testing.AllocsPerRun(10, func() { opt.Step(m.Params, m.Grads) }); a != 0 {
			t.Errorf("%s: Step allocates %g times per call", name, a)
		}
	}
}
