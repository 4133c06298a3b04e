package exercise

import (
	"fmt"
	"slices"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/internal/portable"
	"github.com/sinenet/sinenet/sinenet"
)

// The settings of exercise 8's run.
const (
	FewPoints  = 40   // training points
	FewNoise   = 0.1  // the noise on them, twice the question's
	StopSteps  = 3000 // the planned steps
	StopEvery  = 10   // how often the stopping rule is asked
	StopMargin = 1.05 // the goal: within 5% of the lowest validation loss
)

// FewData returns exercise 8's data: FewPoints training points with noise
// FewNoise, and 1000 validation points drawn like the question's.
func FewData() (train, valid sinenet.Data) {
	train = sinenet.NoisySine(FewPoints, Seed+1)
	rng := sinenet.NewRand(Seed + 4)
	for i := range train.Y {
		train.Y[i] = float64(sinenet.TrueCurve(train.X[i])) + float64(FewNoise*portable.Normal(rng))
	}
	return train, sinenet.NoisySine(1000, Seed+98)
}

// FewNet is exercise 8's network: 1-64-64-1, tanh, biases, nn.Linear's
// init, large enough to fit the noise of FewPoints points.
func FewNet() sinenet.Config {
	return sinenet.Config{
		Sizes: []int{1, 64, 64, 1},
		Acts:  []sinenet.Activation{sinenet.Tanh, sinenet.Tanh, sinenet.Identity},
		Init:  sinenet.PyTorch,
		Seed:  Seed,
	}
}

// EarlyStop is exercise 8 (★★★ hard): train FewNet() on FewData() with
// Adam at 1e-2 for up to StopSteps steps, asking stop every StopEvery
// steps whether to stop; stop sees the validation loss at every step so
// far. Trained to the end, the network fits the noise of its few points
// and the validation loss rises to almost three times its low. The goal
// is to stop early with the validation loss within 5% of the lowest that
// the full run reaches.
func EarlyStop(stop func(val []float64) bool) Result {
	name := name(8)
	goal := fmt.Sprintf(lang.Say("stop before step %d, with the validation loss within %.0f%% of the full run's lowest", "在第 %d 步之前停止，且验证损失与完整训练的最低值相差不超过 %.0f%%"), StopSteps, 100*(StopMargin-1))
	tr, va := FewData()
	o := sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: StopSteps, Valid: va}
	full, ok := train(name, FewNet(), tr, o)
	if !ok {
		return full
	}
	low := slices.Min(full.History.ValLoss)
	if stop != nil {
		o.Every = StopEvery
		o.Hook = func(p sinenet.Progress) error {
			if stop(p.History.ValLoss) {
				return sinenet.ErrStop
			}
			return nil
		}
	}
	r, ok := train(name, FewNet(), tr, o)
	r.Goal = goal
	if !ok {
		return r
	}
	h := r.History
	at, v := len(h.ValLoss), h.ValLoss[len(h.ValLoss)-1]
	r.Got = fmt.Sprintf(lang.Say("stopped at step %d with validation loss %.4g = %.2f × the lowest, %.4g at step %d",
		"在第 %d 步停止，验证损失 %.4g = %.2f × 最低值（第 %[5]d 步的 %.4[4]g）"),
		at, v, v/low, low, slices.Index(full.History.ValLoss, low)+1)
	if at == StopSteps {
		r.Got = fmt.Sprintf(lang.Say("ran all %d steps; validation loss %.4g = %.2f × the lowest, %.4g at step %d",
			"跑完了全部 %d 步；验证损失 %.4g = %.2f × 最低值（第 %[5]d 步的 %.4[4]g）"),
			at, v, v/low, low, slices.Index(full.History.ValLoss, low)+1)
	}
	r.Pass = at < StopSteps && v <= StopMargin*low
	r.Hint = lang.Say("stop once the validation loss has not reached a new low for a while (the patience); too short a patience stops at the first bump, too long one lets it rise.",
		"验证损失在一段时间（耐心值，patience）内不再创新低时就停止；耐心值太短会在第一个小起伏处停下，太长则任它回升。")
	return r
}
