package exercise

import (
	"context"
	"fmt"
	"math"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// The settings of exercise 4's run.
const (
	FewPoints = 40   // training points
	FewNoise  = 0.1  // the noise on them, twice the question's
	StopSteps = 3000 // the planned steps
	StopEvery = 10   // how often the rule is asked
	// LowBy is the latest step at which the validation loss of exercise
	// 4's draw may reach its low: the check draws again (up to 10 times)
	// until it does, so that a rule with a patience of up to 1000 steps
	// can see the low and stop before StopSteps. Some draws keep
	// improving slowly to the end, and do not overfit in time.
	LowBy = 2000
)

// FewData returns FewPoints training points with noise FewNoise, and
// 1000 validation points drawn like the question's, from seed.
func FewData(seed uint64) (train, valid sinenet.Data) {
	train = sinenet.NoisySine(FewPoints, seed)
	g := rng(seed + 1)
	for i := range train.Y {
		train.Y[i] = float64(sinenet.TrueCurve(train.X[i])) + float64(FewNoise*g.NormFloat64())
	}
	return train, sinenet.NoisySine(1000, seed+2)
}

// FewNet is exercise 4's network: 1-64-64-1, tanh, biases, nn.Linear's
// init, large enough to fit the noise of FewPoints points.
func FewNet(seed uint64) sinenet.Config {
	return sinenet.Config{
		Sizes: []int{1, 64, 64, 1},
		Acts:  []sinenet.Activation{sinenet.Tanh, sinenet.Tanh, sinenet.Identity},
		Init:  sinenet.PyTorch,
		Seed:  seed,
	}
}

// EarlyStop is exercise 4 (★★): early stopping that keeps the best
// weights. The check trains FewNet on FewData, both drawn now (a draw
// whose validation loss reaches its low by step LowBy), with Adam
// at 1e-2 for up to StopSteps steps. Every StopEvery steps it calls
// observe(val, w) with the validation loss and the network's weights w
// (the training's own slice, which later steps change); observe returns
// true to stop. At the stop the check calls best() for the weights to
// keep. Trained to the end, the network fits the noise of its few points
// and the validation loss rises again.
//
// The goal: stop before StopSteps, and keep weights whose validation loss
// is the lowest the whole run reaches (the check trains on past the stop
// to find it). A failure says which part is wrong: no stop, a stop
// before the lowest point, the wrong number of weights, or weights that
// are not the best seen.
func EarlyStop(observe func(val float64, w []float64) bool, best func() []float64) Result {
	name, seed := name(4), draw()
	goal := fmt.Sprintf(lang.Say("stop before step %d and keep the weights with the run's lowest validation loss", "在第 %d 步之前停止，并保留整个训练中验证损失最低的权重"), StopSteps)
	r := Result{Name: name, Goal: goal, Seed: seed}
	if observe == nil || best == nil {
		r.Got, r.Hint = lang.Say("no rule", "没有规则"), lang.Say("set observe and best.", "给 observe 和 best 赋值。")
		return r
	}
	s := seed
	for k, g := 0, rng(seed); ; k++ {
		probe, err := runFew(s, nil, nil)
		if err != nil {
			return failed(name, err)
		}
		if probe.lowAt <= LowBy || k == 9 {
			break
		}
		s = g.Uint64() // a draw that does not overfit in time: draw again
	}
	run, err := runFew(s, observe, best)
	if err != nil {
		return failed(name, err)
	}
	m, stopped, kept, lowest, lowAt, valLoss := run.m, run.stopped, run.kept, run.lowest, run.lowAt, run.valLoss
	r.Got = fmt.Sprintf(lang.Say("the lowest validation loss, %.4g, came at step %d; ", "最低验证损失 %.4g 出现在第 %d 步；"), lowest, lowAt)
	switch {
	case stopped == 0:
		r.Got += fmt.Sprintf(lang.Say("ran all %d steps, ending at %.2f × that", "跑完了全部 %d 步，最终为它的 %.2f 倍"), StopSteps, valLoss(m.Params)/lowest)
		r.Hint = lang.Say("stop once the validation loss has not reached a new low for a while (the patience).",
			"验证损失在一段时间（耐心值，patience）内不再创新低时就停止。")
		return r
	case stopped < lowAt:
		r.Got += fmt.Sprintf(lang.Say("stopped at step %d, before it", "在第 %d 步就停止了，早于该步"), stopped)
		r.Hint = lang.Say("the validation loss is noisy: it can rise for a while and then reach a new low. A longer patience waits out those bumps.",
			"验证损失有噪声：它可能上升一阵，然后又创新低。更长的耐心值可以等过这些起伏。")
		return r
	case len(kept) != m.NumParams():
		r.Got += fmt.Sprintf(lang.Say("stopped at step %d; best() returned %d weights, the network has %d", "在第 %d 步停止；best() 返回了 %d 个权重，网络有 %d 个"), stopped, len(kept), m.NumParams())
		r.Hint = lang.Say("best returns a copy of all the weights w that observe was given at the lowest validation loss.",
			"best 返回 observe 在验证损失最低时收到的全部权重 w 的一份副本。")
		return r
	}
	v := valLoss(kept)
	r.Got += fmt.Sprintf(lang.Say("stopped at step %d, keeping weights with validation loss %.4g = %.4f × the lowest", "在第 %d 步停止，保留的权重验证损失为 %.4g = %.4f × 最低值"), stopped, v, v/lowest)
	r.Pass = v <= lowest*(1+1e-12)
	if !r.Pass {
		r.Hint = lang.Say("the kept weights are not the best seen: w is the training's own slice and keeps changing, so copy it (append([]float64(nil), w...)) at each new low, and return that copy.",
			"保留的不是见过的最佳权重：w 是训练本身的切片，会一直变化；每创一次新低就复制一份（append([]float64(nil), w...)），返回这份副本。")
	}
	return r
}

// fewRun is one run of exercise 4 on the draw seed: its network at the
// end, the lowest validation loss and its step, and, when a rule was
// asked, the step it stopped at (0: never) and the weights it kept.
type fewRun struct {
	m              *sinenet.MLP
	valLoss        func(w []float64) float64
	lowest         float64
	lowAt, stopped int
	kept           []float64
}

// runFew trains FewNet(seed) on FewData(seed) for StopSteps steps with
// Adam at 1e-2, measuring the validation loss every StopEvery steps, and
// asks observe (when not nil) whether to stop until it says so, keeping
// a copy of what best returns then. The training goes on to StopSteps
// either way, to find the run's lowest validation loss.
func runFew(seed uint64, observe func(val float64, w []float64) bool, best func() []float64) (*fewRun, error) {
	tr, va := FewData(seed)
	m, err := sinenet.New(FewNet(seed))
	if err != nil {
		return nil, err
	}
	r := &fewRun{m: m, lowest: math.Inf(1)}
	r.valLoss = func(w []float64) float64 {
		c := m.Clone()
		copy(c.Params, w)
		return sinenet.MeanSquared{}.Eval(nil, c.Predict(nil, va.X), va.Y)
	}
	o := sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: StopSteps, Every: StopEvery}
	o.Hook = func(p sinenet.Progress) error {
		v := r.valLoss(p.Model.Params)
		if v < r.lowest {
			r.lowest, r.lowAt = v, p.Step
		}
		if observe != nil && r.stopped == 0 && p.Step < StopSteps && observe(v, p.Model.Params) {
			r.stopped, r.kept = p.Step, clone(best())
		}
		return nil
	}
	_, err = sinenet.Train(context.Background(), m, tr, o)
	return r, err
}
