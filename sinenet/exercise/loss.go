package exercise

import (
	"fmt"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// Outliers is the share of the points of OutlierData that are outliers.
const Outliers = 0.1

// OutlierData is the question's data set with a tenth of its points, picked
// at random, moved up by between 1 and 3: readings from a faulty sensor.
// The true curve is still sin(x)/2.5.
func OutlierData() sinenet.Data {
	d := Data()
	rng := sinenet.NewRand(Seed + 1)
	for i := range d.Y {
		if rng.Float64() < Outliers {
			d.Y[i] += 1 + 2*float64(rng.Float64())
		}
	}
	return d
}

// Loss is exercise 3 (★★ medium): train Fixed() on OutlierData with loss
// (Adam at 1e-2, 1000 steps). The goal is a fit to the true curve, not to
// the outliers: an RMSE below 0.09 against sin(x)/2.5. The mean squared
// error, pulled up by the outliers, ends near 0.2.
func Loss(loss sinenet.Loss) Result {
	name, goal := name(3), lang.Say("RMSE < 0.09 against the true curve", "相对真实曲线 RMSE < 0.09")
	if loss == nil {
		return Result{Name: name, Got: lang.Say("no loss", "没有损失函数"), Goal: goal, Hint: lang.Say("set loss, e.g. sinenet.MeanSquared{}.", "给 loss 赋值，例如 sinenet.MeanSquared{}。")}
	}
	r, ok := train(name, Fixed(), OutlierData(), sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Loss: loss, Steps: 1000})
	r.Goal = goal
	if !ok {
		return r
	}
	f := sinenet.Evaluate(r.Model)
	r.Got = fmt.Sprintf(lang.Say("%s: %v", "%s：%v"), lossName(loss), figure.Summary(f))
	r.Pass = f.RMSE < 0.09
	r.Hint = lang.Say("a squared error grows with the square of a miss, so the few far points pull the curve up; which loss grows only linearly with a large miss?",
		"平方误差随偏差的平方增长，于是少数远离曲线的点把曲线往上拉；哪种损失在偏差很大时只线性增长？")
	return r
}

// lossName is the loss's name with its setting, e.g. "Huber (delta 0.1)".
func lossName(l sinenet.Loss) string {
	if h, ok := l.(sinenet.Huber); ok {
		return fmt.Sprintf("Huber (delta %g)", h.Delta)
	}
	return l.Name()
}
