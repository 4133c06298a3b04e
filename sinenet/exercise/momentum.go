package exercise

import (
	"fmt"
	"math"
	"math/cmplx"

	"github.com/sinenet/sinenet/internal/lang"
)

// MomentumTol is how close exercise 6's answer must come to the limit:
// within 0.5%.
const MomentumTol = 0.005

// MomentumLimit is exercise 6 (★★★): maxRate(λ, β) must return the
// largest learning rate at which heavy-ball momentum (sinenet's SGD with
// Momentum β, PyTorch's form: b = β·b + g, θ = θ - lr·b) still converges
// on the 1-D quadratic f(x) = λx²/2. The learner derives it; the goal does
// not state it.
//
// The check draws fresh (λ, β) pairs and finds each limit in the process,
// by bisection on the spectral radius of one step of the method, without a
// closed form. It goes in stages, each with its own hint: a finite
// positive rate; β = 0, which is plain GD (notebook 2's limit); then the
// drawn pairs, where a rate above the limit diverges and one below it
// leaves a margin that the check reports.
func MomentumLimit(maxRate func(lambda, beta float64) float64) Result {
	name, seed := name(6), draw()
	goal := fmt.Sprintf(lang.Say("the largest stable rate of momentum on λx²/2, within %g%%, for (λ, β) drawn now",
		"动量法在 λx²/2 上的最大稳定学习率，误差不超过 %g%%，(λ, β) 在检查时抽取"), 100*MomentumTol)
	r := Result{Name: name, Goal: goal, Seed: seed}
	if maxRate == nil {
		r.Got, r.Hint = lang.Say("no function", "没有函数"), lang.Say("set maxRate.", "给 maxRate 赋值。")
		return r
	}
	g := rng(seed)
	type pair struct{ lam, beta float64 }
	pairs := []pair{{1 + float64(99*g.Float64()), 0}} // stage 2: plain GD
	for range 5 {
		pairs = append(pairs, pair{math.Pow(10, -1+float64(4*g.Float64())), 0.5 + float64(0.49*g.Float64())})
	}
	for i, p := range pairs {
		got := maxRate(p.lam, p.beta)
		want := momentumLimit(p.lam, p.beta)
		at := fmt.Sprintf("λ = %.4g, β = %.3g", p.lam, p.beta)
		switch {
		case math.IsNaN(got) || math.IsInf(got, 0) || got <= 0:
			r.Got = fmt.Sprintf(lang.Say("%s: maxRate returned %v", "%s：maxRate 返回 %v"), at, got)
			r.Hint = lang.Say("a learning rate is a finite number above 0.", "学习率是大于 0 的有限数。")
			return r
		case math.Abs(got/want-1) <= MomentumTol:
			continue
		case i == 0:
			r.Got = fmt.Sprintf(lang.Say("%s (plain GD): maxRate returned %.4g, the limit is %.4g", "%s（即普通 GD）：maxRate 返回 %.4g，极限是 %.4g"), at, got, want)
			r.Hint = lang.Say("with β = 0 momentum is plain gradient descent, whose limit notebook 2 found; start from there.",
				"β = 0 时动量法就是普通梯度下降，它的极限在笔记本 2 里已经求出；从那里出发。")
			return r
		}
		r.Got = fmt.Sprintf(lang.Say("%s: maxRate returned %.4g = %.3f × the limit (%d of %d pairs right)",
			"%s：maxRate 返回 %.4g = %.3f × 极限（%[4]d/%[5]d 组正确）"), at, got, got/want, i, len(pairs))
		if got > want {
			x := heavyBall(p.lam, p.beta, got, 200)
			grown := fmt.Sprintf(lang.Say("|x| is %.3g after 200 steps", "200 步后 |x| 为 %.3g"), x)
			if math.IsNaN(x) || math.IsInf(x, 0) {
				grown = lang.Say("|x| overflows within 200 steps", "|x| 在 200 步之内就溢出了")
			}
			r.Hint = fmt.Sprintf(lang.Say("at your rate the run diverges: from x = 1, %s. Write one step as a 2×2 map of (x, the velocity) and ask when both its eigenvalues stay inside the unit circle.",
				"按你的学习率，训练会发散：从 x = 1 出发，%s。把一步写成 (x, 速度) 的 2×2 线性映射，问它的两个特征值何时都留在单位圆内。"), grown)
		} else {
			r.Hint = fmt.Sprintf(lang.Say("your rate is safe but not the largest: at %.4g (%.2f × yours) the run still converges. Write one step as a 2×2 map of (x, the velocity) and ask when both its eigenvalues stay inside the unit circle.",
				"你的学习率是稳定的，但不是最大的：取 %.4g（你的 %.2f 倍）时仍然收敛。把一步写成 (x, 速度) 的 2×2 线性映射，问它的两个特征值何时都留在单位圆内。"), 0.999*want, 0.999*want/got)
		}
		return r
	}
	r.Pass = true
	r.Got = fmt.Sprintf(lang.Say("all %d pairs within %g%%, e.g. λ = %.4g, β = %.3g: %.4g", "全部 %d 组误差都在 %g%% 以内，例如 λ = %.4g、β = %.3g：%.4g"),
		len(pairs), 100*MomentumTol, pairs[1].lam, pairs[1].beta, maxRate(pairs[1].lam, pairs[1].beta))
	return r
}

// momentumLimit finds, by bisection, the largest rate at which one step of
// heavy-ball momentum on λx²/2 has spectral radius below 1. The step maps
// (x, x_prev) to (x - lr·λ·x + β(x - x_prev), x), whose eigenvalues are the
// roots of z² - (1 + β - lr·λ)z + β.
func momentumLimit(lam, beta float64) float64 {
	radius := func(lr float64) float64 {
		b := 1 + beta - float64(lr*lam)
		d := cmplx.Sqrt(complex(float64(b*b)-float64(4*beta), 0))
		return max(cmplx.Abs((complex(b, 0)+d)/2), cmplx.Abs((complex(b, 0)-d)/2))
	}
	lo, hi := 0.0, 1.0/lam
	for radius(hi) < 1 {
		lo, hi = hi, 2*hi
	}
	for range 100 {
		mid := (lo + hi) / 2
		if radius(mid) < 1 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// heavyBall returns |x| after steps steps of momentum at lr on λx²/2 from
// x = 1, in the form of sinenet's SGD.
func heavyBall(lam, beta, lr float64, steps int) float64 {
	x, b := 1.0, 0.0
	for range steps {
		g := float64(lam * x)
		b = float64(beta*b) + g
		x -= float64(lr * b)
	}
	return math.Abs(x)
}
