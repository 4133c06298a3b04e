package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// Schedule is exercise 6 (★★ medium): train Fixed() with Adam at 3e-2 for
// 2000 steps and the learning-rate schedule s (nil: none). Without one,
// the loss spikes up to about 50 times its low in the second half. The
// goal is no spike above 1.5× after step 1000 (Spike), with 3 extrema and
// an RMSE below 0.03.
func Schedule(s sinenet.Schedule) Result {
	name, goal := name(6), lang.Say("spike ≤ 1.5× after step 1000, 3 extrema, RMSE < 0.03", "第 1000 步之后尖峰 ≤ 1.5×，3 个极值点，RMSE < 0.03")
	r, ok := train(name, Fixed(), Data(), sinenet.Options{Optimizer: sinenet.NewAdam(3e-2), Steps: 2000, Schedule: s})
	r.Goal = goal
	if !ok {
		return r
	}
	f, sp := sinenet.Evaluate(r.Model), Spike(r.History.Loss, 1000)
	r.Got = fmt.Sprintf(lang.Say("largest spike %.1f×, %v", "最大尖峰 %.1f×，%v"), sp, figure.Summary(f))
	r.Pass = sp <= 1.5 && f.Extrema == sinenet.TrueExtrema && f.RMSE < 0.03
	r.Hint = lang.Say("a schedule that decays too early stops the progress; one that keeps the full rate for the first half and then drops it sharply does not.",
		"衰减得太早的调度会让训练停滞；前一半保持完整学习率、然后大幅降低的调度则不会。")
	return r
}

// Spike returns the largest ratio, over the steps from start on, of the
// loss to the lowest loss since start: 1 for a loss that never rises.
// Notebook 4 measures the spikes of a run the same way.
func Spike(loss []float64, start int) float64 {
	if start >= len(loss) {
		return 1
	}
	low, worst := loss[start], 1.0
	for _, l := range loss[start:] {
		low = min(low, l)
		worst = max(worst, l/low)
	}
	return worst
}
