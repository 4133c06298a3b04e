package sinenet

import (
	"context"
	"testing"
)

// seedRun is one configuration of the seed suite: the question's two
// networks trained as in the question, and the answer's network with one
// hidden layer and with three trained as in the answer.
// internal/benchcmp/torch_bench.py runs the same four in PyTorch.
type seedRun struct {
	name string
	cfg  Config
	opts func() Options // QuestionOptions or AnswerOptions
}

// answerShallow is AnswerModel with one hidden layer of 128, like ModelA.
func answerShallow(seed uint64) Config {
	return Config{Sizes: []int{1, 128, 1}, Acts: []Activation{Tanh, Identity}, Init: PyTorch, Seed: seed}
}

func seedSuite() []seedRun {
	return []seedRun{
		{"question-shallow", ModelA(1), QuestionOptions},
		{"question-deep", ModelB(1), QuestionOptions},
		{"answer-shallow", answerShallow(1), AnswerOptions},
		{"answer-deep", AnswerModel(1), AnswerOptions},
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
			o := s.opts()
			// The first step makes the fast path's buffers and the
			// optimizer's state; the benchmark times the steps after it.
			opt, f := o.Optimizer.(Stepper), newFastNet(m, o.Loss)
			f.lossGrad(d.X, d.Y)
			opt.Step(m.Params, m.Grads, opt.LR())
			b.ReportAllocs()
			for b.Loop() {
				f.lossGrad(d.X, d.Y)
				opt.Step(m.Params, m.Grads, opt.LR())
			}
		})
	}
}

// BenchmarkDeepStep times the question's deep step (ModelB, 1-32-128-32-1,
// as BenchmarkSeedSuite's question-deep) and reports its rate in GFLOP/s,
// counting 6 flops per weight per point, 2 in the forward pass and 4 in
// the backward pass (ModelB has no biases): 198 MFLOP a step on the
// question's 4000 points. Tanh and the optimizer are not counted.
// Compare it with one core's peak, with -cpu 1.
func BenchmarkDeepStep(b *testing.B) {
	d := NoisySine(QuestionN, 1)
	m, err := New(ModelB(1))
	if err != nil {
		b.Fatal(err)
	}
	weights := 0
	for _, l := range m.Layers {
		weights += len(l.W)
	}
	o := QuestionOptions()
	opt, f := o.Optimizer.(Stepper), newFastNet(m, o.Loss)
	f.lossGrad(d.X, d.Y)
	opt.Step(m.Params, m.Grads, opt.LR())
	for b.Loop() {
		f.lossGrad(d.X, d.Y)
		opt.Step(m.Params, m.Grads, opt.LR())
	}
	flops := 6 * float64(weights) * float64(len(d.X))
	b.ReportMetric(flops*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
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
				if _, err := Train(context.Background(), m, d, s.opts()); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
		})
	}
}

// TestTrainAllocs checks that Train allocates nothing per step, with a
// validation set: a run of 34 steps allocates as often as a run of 2,
// give or take 2. On a loaded machine the count was seen to vary by 1
// between runs of the same length (with -tags purego), which is the
// runtime's doing when the pool's goroutines block, not an allocation per
// step: that would add 32.
func TestTrainAllocs(t *testing.T) {
	d := NoisySine(QuestionN, 1)
	for _, s := range seedSuite() {
		allocs := func(steps int) float64 {
			m, _ := New(s.cfg)
			o := s.opts()
			o.Steps = steps
			o.Valid = NoisySine(300, 2)
			return testing.AllocsPerRun(1, func() {
				if _, err := Train(context.Background(), m, d, o); err != nil {
					t.Fatal(err)
				}
			})
		}
		if a, b := allocs(2), allocs(34); b-a > 2 {
			t.Errorf("%s: Train allocates %g times for 2 steps and %g for 34", s.name, a, b)
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
		s, ok := opt.(Stepper)
		if !ok {
			continue // not a step-by-step optimizer
		}
		s.Step(m.Params, m.Grads, s.LR())
		if a := testing.AllocsPerRun(10, func() { s.Step(m.Params, m.Grads, s.LR()) }); a != 0 {
			t.Errorf("%s: Step allocates %g times per call", name, a)
		}
	}
}
