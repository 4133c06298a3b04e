package exercise

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// Exercise 7's settings.
const (
	PowerTol   = 0.01 // the answer must be within 1% of λmax
	PowerCalls = 5000 // the most Hessian-vector products one estimate may use
	PowerN     = 40   // the size of the drawn matrices
)

// Power is exercise 7 (★★★): lambdaMax(n, hv) must return λmax, the
// largest eigenvalue (in the algebraic sense) of a symmetric n×n matrix H
// that it sees only through hv(dst, v), which sets dst = H·v. It is how
// sinenet.Sharpness sees a network's Hessian; the learner writes power
// iteration, and a shift that avoids its trap: power iteration finds the
// eigenvalue of largest magnitude, which is λmin when a large negative
// eigenvalue dominates, as it does for a saturated tanh network.
//
// The check draws three operators, in stages: a matrix with no negative
// eigenvalue (plain power iteration suffices), a matrix whose λmin is
// -1.5 to -4 times its λmax (the trap), and the Hessian of the training
// loss of notebook 3's network with a drawn seed, on drawn data (hv by
// finite differences of its gradient), whose λmax the check computes from
// the whole matrix. The learner's function never sees the network, so
// calling sinenet.Sharpness on another network cannot help.
func Power(lambdaMax func(n int, hv func(dst, v []float64)) float64) Result {
	name, seed := name(7), draw()
	goal := fmt.Sprintf(lang.Say("λmax within %g%% on three operators drawn now, the last a network's Hessian", "在检查时抽取的三个算子上 λmax 误差不超过 %g%%，最后一个是网络的 Hessian"), 100*PowerTol)
	r := Result{Name: name, Goal: goal, Seed: seed}
	if lambdaMax == nil {
		r.Got, r.Hint = lang.Say("no function", "没有函数"), lang.Say("set lambdaMax.", "给 lambdaMax 赋值。")
		return r
	}
	g := rng(seed)
	psd := eigenvalues(g, PowerN, 1+float64(99*g.Float64()), 0)
	trap := eigenvalues(g, PowerN, 1+float64(99*g.Float64()), -(1.5 + float64(2.5*g.Float64())))
	stages := []operator{
		{what: lang.Say("a matrix with no negative eigenvalue", "一个没有负特征值的矩阵"), hint: lang.Say("start with power iteration: v ← Hv/‖Hv‖, repeated; then vᵀHv (v a unit vector) is the eigenvalue.",
			"先写幂迭代：反复做 v ← Hv/‖Hv‖；然后 vᵀHv（v 为单位向量）就是特征值。")},
		{what: lang.Say("a matrix whose λmin is larger in magnitude than its λmax", "一个 λmin 的绝对值大于 λmax 的矩阵"), hint: lang.Say("power iteration finds the eigenvalue of largest magnitude, here λmin. Run it once, then again on H - μI with μ that eigenvalue: the shifted matrix has no negative eigenvalue, and its largest is λmax - μ.",
			"幂迭代找到的是绝对值最大的特征值，这里是 λmin。先跑一次，再对 H − μI（μ 取刚才那个特征值）跑一次：平移后的矩阵没有负特征值，其最大特征值是 λmax − μ。")},
	}
	for i, lam := range [][]float64{psd, trap} {
		H := newSym(g, lam)
		stages[i].n, stages[i].hv = PowerN, H.mul
		stages[i].max, stages[i].min = lam[0], lam[len(lam)-1]
	}
	netSeed := g.Uint64()
	var net operator
	for i := range 3 {
		if i == 2 { // drawn only once the matrices pass: it costs 2 gradients per parameter
			var err error
			if net, err = networkHessian(rng(netSeed)); err != nil {
				return failed(name, err)
			}
			stages = append(stages, net)
		}
		s := stages[i]
		calls, bad := 0, ""
		hv := func(dst, v []float64) {
			calls++
			if len(dst) != s.n || len(v) != s.n {
				bad = fmt.Sprintf(lang.Say("hv(dst, v) with len(dst) = %d, len(v) = %d for n = %d", "调用 hv(dst, v) 时 len(dst) = %d、len(v) = %d，而 n = %d"), len(dst), len(v), s.n)
				panic(bad)
			}
			if calls > PowerCalls {
				panic(fmt.Sprintf(lang.Say("more than %d calls of hv", "hv 调用超过 %d 次"), PowerCalls))
			}
			s.hv(dst, v)
		}
		got, err := safe1(lambdaMax, s.n, hv)
		at := fmt.Sprintf(lang.Say("stage %d of %d, %s", "第 %d/%d 关，%s"), i+1, 3, s.what)
		switch {
		case err != nil:
			r.Got = at + lang.Say(": lambdaMax panicked: ", "：lambdaMax 出现 panic：") + err.Error()
			r.Hint = fmt.Sprintf(lang.Say("hv takes two vectors of length n; stop after at most %d products.", "hv 接受两个长度为 n 的向量；乘积次数不要超过 %d 次。"), PowerCalls)
			return r
		case math.Abs(got-s.max) <= PowerTol*math.Abs(s.max):
			continue
		}
		r.Got = fmt.Sprintf(lang.Say("%s: returned %.4g, but λmax = %.4g (λmin = %.4g), after %d products", "%s：返回 %.4g，但 λmax = %.4g（λmin = %.4g），用了 %d 次乘积"), at, got, s.max, s.min, calls)
		r.Hint = s.hint
		switch {
		case math.Abs(got-s.min) <= PowerTol*math.Abs(s.min):
			r.Hint = lang.Say("you returned λmin: ", "你返回的是 λmin：") + stages[1].hint
		case math.Abs(got+s.min) <= PowerTol*math.Abs(s.min):
			r.Hint = lang.Say("you returned |λmin|, the length of Hv: the sign matters, take vᵀHv. ", "你返回的是 |λmin|，即 Hv 的长度：符号很重要，要用 vᵀHv。") + stages[1].hint
		}
		return r
	}
	r.Pass = true
	r.Got = fmt.Sprintf(lang.Say("λmax within %g%% on all %d, the network's %.4g (λmin %.4g)", "%[2]d 个算子的 λmax 误差都在 %[1]g%% 以内，网络的为 %.4[3]g（λmin %.4[4]g）"),
		100*PowerTol, 3, net.max, net.min)
	return r
}

func safe1(f func(int, func(dst, v []float64)) float64, n int, hv func(dst, v []float64)) (v float64, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	return f(n, hv), nil
}

// eigenvalues draws n eigenvalues, largest first: top, and down to
// low·top when low < 0 (one eigenvalue, the rest in [0.5·low·top, 0.7·top]),
// or in [0, 0.7·top] when low is 0.
func eigenvalues(g *rand.Rand, n int, top, low float64) []float64 {
	lam := make([]float64, n)
	lam[0] = top
	bottom := 0.0
	if low < 0 {
		lam[n-1] = low * top
		bottom = 0.5 * low * top
		n--
	}
	for i := 1; i < n; i++ {
		lam[i] = bottom + float64((float64(0.7*top)-bottom)*g.Float64())
	}
	return lam
}

// sym is Q·diag(lam)·Qᵀ with Q = P1·P2, two Householder reflections P =
// I - 2uuᵀ (u a unit vector): a symmetric matrix with eigenvalues lam.
type sym struct {
	lam    []float64
	u1, u2 []float64
}

func newSym(g *rand.Rand, lam []float64) sym {
	unit := func() []float64 {
		u := normals(g, len(lam))
		s := 1 / math.Sqrt(dot(u, u))
		for i := range u {
			u[i] *= s
		}
		return u
	}
	return sym{lam, unit(), unit()}
}

func householder(v, u []float64) {
	d := 2 * dot(u, v)
	for i := range v {
		v[i] -= float64(d * u[i])
	}
}

func (s sym) mul(dst, v []float64) {
	copy(dst, v)
	householder(dst, s.u1) // Qᵀv = P2·P1·v
	householder(dst, s.u2)
	for i := range dst {
		dst[i] *= s.lam[i]
	}
	householder(dst, s.u2) // Q·(…) = P1·P2·(…)
	householder(dst, s.u1)
}

// operator is one stage of exercise 7: a symmetric matrix seen through
// hv, its extreme eigenvalues, and the hint for an answer that misses.
type operator struct {
	what     string
	n        int
	hv       func(dst, v []float64)
	max, min float64
	hint     string
}

// networkHessian draws exercise 7's third operator: the Hessian of the
// mean squared error of Fixed() with a drawn seed, on 200
// points drawn like the question's, as Hessian-vector products by central
// differences of the float64 gradient. Its eigenvalues come from the
// whole matrix, built column by column from hv and symmetrised, by
// gonum's EigenSym.
func networkHessian(g *rand.Rand) (s operator, err error) {
	seed := 2 + g.Uint64()%1_000_000
	c := Fixed()
	c.Seed = seed
	m, err := sinenet.New(c)
	if err != nil {
		return s, err
	}
	d := sinenet.NoisySine(200, seed+1)
	n := m.NumParams()
	s.what = fmt.Sprintf(lang.Say("the Hessian of notebook 3's network with seed %d, on 200 points, %d parameters", "笔记本 3 的网络（种子 %d）在 200 个点上的 Hessian，%d 个参数"), seed, n)
	s.n = n
	s.hint = lang.Say("the matrices passed, the network's Hessian did not: check that your iteration has converged (stop when two successive estimates agree, not after a fixed count) and that it uses only hv.",
		"矩阵都通过了，网络的 Hessian 却没有：检查迭代是否已收敛（相邻两次估计一致时才停，而不是固定次数），以及是否只用了 hv。")
	p0 := clone(m.Params)
	gp, gm := make([]float64, n), make([]float64, n)
	const h = 1e-5
	s.hv = func(dst, v []float64) {
		for i := range p0 {
			m.Params[i] = p0[i] + float64(h*v[i])
		}
		m.LossGrad(d.X, d.Y, sinenet.MeanSquared{})
		copy(gp, m.Grads)
		for i := range p0 {
			m.Params[i] = p0[i] - float64(h*v[i])
		}
		m.LossGrad(d.X, d.Y, sinenet.MeanSquared{})
		copy(gm, m.Grads)
		copy(m.Params, p0)
		for i := range dst {
			dst[i] = (gp[i] - gm[i]) / (2 * h)
		}
	}
	H := mat.NewSymDense(n, nil)
	e, col := make([]float64, n), make([]float64, n)
	cols := make([][]float64, n)
	for j := range n {
		e[j] = 1
		s.hv(col, e)
		e[j] = 0
		cols[j] = clone(col)
	}
	for i := range n {
		for j := i; j < n; j++ {
			H.SetSym(i, j, (cols[j][i]+cols[i][j])/2)
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(H, false) {
		return s, fmt.Errorf("exercise: the eigenvalues of the network's Hessian did not converge")
	}
	lam := eig.Values(nil) // ascending
	s.min, s.max = lam[0], lam[n-1]
	return s, nil
}
