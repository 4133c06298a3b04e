package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// StableSteps is the length of exercise 7's run.
const StableSteps = 1000

// Stable is exercise 7 (★★★ hard): train Fixed() on the question's data
// with plain GD at lr on the mean squared error for StableSteps steps.
// Plain GD is stable along a direction of curvature λ only while
// lr < 2/λ, so 2/λmax, from sinenet.Sharpness at the start, is the largest
// stable rate there. The goal is the largest rate that still trains
// stably: lr at least 80% of 2/λmax, and a loss that falls at every step.
func Stable(lr float64) Result {
	name := name(7)
	goal := fmt.Sprintf(lang.Say("lr ≥ 0.8 × 2/λmax, and the loss falls at each of the %d steps", "lr ≥ 0.8 × 2/λmax，且 %d 步中每一步损失都下降"), StableSteps)
	m, err := sinenet.New(Fixed())
	if err != nil {
		return failed(name, err)
	}
	d := Data()
	lam, err := sinenet.Sharpness(m, d, sinenet.MeanSquared{})
	if err != nil {
		return failed(name, err)
	}
	limit := 2 / lam
	r, ok := train(name, Fixed(), d, sinenet.Options{Optimizer: sinenet.NewGD(lr), Steps: StableSteps})
	r.Goal = goal
	share := fmt.Sprintf("lr %.3g = %.2f × 2/λmax", lr, lr/limit)
	if !ok {
		r.Got = share + lang.Say(": ", "：") + r.Got
		if lr <= limit {
			return r // an error in the setting itself, which it names
		}
		r.Hint = lang.Say("above 2/λmax GD overshoots along the sharpest direction and the loss grows; compute λmax with sinenet.Sharpness and stay below 2/λmax.",
			"超过 2/λmax 时，GD 沿最陡的方向一步迈过头，损失越来越大；用 sinenet.Sharpness 算出 λmax，学习率保持在 2/λmax 以下。")
		return r
	}
	rose := Rises(r.History.Loss)
	r.Got = fmt.Sprintf(lang.Say("%s: the loss rose at %d of %d steps, %v", "%s：%[3]d 步中损失上升了 %[2]d 次，%[4]v"), share, rose, len(r.History.Loss), figure.Summary(sinenet.Evaluate(r.Model)))
	r.Pass = lr >= 0.8*limit && rose == 0
	switch {
	case rose > 0:
		r.Hint = lang.Say("as GD trains, λmax grows until it reaches 2/lr and the loss starts to oscillate (the edge of stability): leave a margin below 2/λmax.",
			"GD 训练时 λmax 会增长，直到达到 2/lr，损失开始振荡（稳定性边缘）：在 2/λmax 以下留些余量。")
	default:
		r.Hint = lang.Say("the run is stable but slower than it could be: measure λmax with sinenet.Sharpness(m, data, sinenet.MeanSquared{}) and take a rate a little below 2/λmax.",
			"训练稳定，但本可以更快：用 sinenet.Sharpness(m, data, sinenet.MeanSquared{}) 测出 λmax，取略低于 2/λmax 的学习率。")
	}
	return r
}

// Rises returns how many times the loss went up from one step to the next.
func Rises(loss []float64) int {
	n := 0
	for i := 1; i < len(loss); i++ {
		if loss[i] > loss[i-1] {
			n++
		}
	}
	return n
}
