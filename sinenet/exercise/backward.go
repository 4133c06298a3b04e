package exercise

import (
	"fmt"
	"math"
	"strings"

	"github.com/sinenet/sinenet/internal/lang"
)

// Layer is exercise 5's layer: a = Act(z), z = x·W + b, for each row of
// x, as in sinenet's layers.
type Layer struct {
	In, Out int
	W       []float64 // In×Out, row-major: W[i*Out+j] joins input i to output j
	B       []float64 // Out biases
	// Act is the activation, and DAct its derivative dAct/dz. The check
	// draws them from activations the package does not have.
	Act, DAct func(z float64) float64
}

// Forward returns a = Act(x·W + b) for the rows of x (len(x)/In rows).
func (l Layer) Forward(x []float64) []float64 {
	n := len(x) / l.In
	a := make([]float64, n*l.Out)
	for r := range n {
		for j := range l.Out {
			z := l.B[j]
			for i := range l.In {
				z += float64(x[r*l.In+i] * l.W[i*l.Out+j])
			}
			a[r*l.Out+j] = l.Act(z)
		}
	}
	return a
}

// BackwardTol is the largest difference exercise 5 allows between the
// learner's gradient and the finite differences, relative to the largest
// element of that gradient.
const BackwardTol = 1e-6

// activations are exercise 5's, none of them one of sinenet.Activations.
var activations = []struct {
	name      string
	act, dact func(z float64) float64
}{
	{"softsign z/(1+|z|)", func(z float64) float64 { return z / (1 + math.Abs(z)) },
		func(z float64) float64 { return 1 / ((1 + math.Abs(z)) * (1 + math.Abs(z))) }},
	{"SiLU z·σ(z)", func(z float64) float64 { return z / (1 + math.Exp(-z)) },
		func(z float64) float64 { s := 1 / (1 + math.Exp(-z)); return s * (1 + float64(z*(1-s))) }},
	{"1.7·tanh(2z/3)", func(z float64) float64 { return 1.7 * math.Tanh(2*z/3) },
		func(z float64) float64 { t := math.Tanh(2 * z / 3); return 1.7 * 2 / 3 * (1 - float64(t*t)) }},
}

// Backward is exercise 5 (★★): backward(l, x, da) must return the
// gradients of L = Σ da ⊙ a, where a = l.Forward(x), with respect to l.W,
// l.B and x: dW (In×Out), db (Out) and dx (rows×In), the backward pass of
// one layer. The check draws layers, inputs and da, one per activation,
// and compares each gradient with central finite differences of L,
// printing max|diff| for each. A backward pass evaluates the activation
// or its derivative about twice per unit and row; one that takes more
// than four times that (finite differences do) is refused.
func Backward(backward func(l Layer, x, da []float64) (dW, db, dx []float64)) Result {
	name, seed := name(5), draw()
	goal := fmt.Sprintf(lang.Say("dW, db and dx within %g of finite differences, on layers drawn now", "dW、db、dx 与有限差分之差不超过 %g，层在检查时抽取"), BackwardTol)
	r := Result{Name: name, Goal: goal, Seed: seed}
	if backward == nil {
		r.Got, r.Hint = lang.Say("no function", "没有函数"), lang.Say("set backward.", "给 backward 赋值。")
		return r
	}
	g := rng(seed)
	var diffs []string
	for _, a := range activations {
		n, in, out := 3+g.IntN(4), 2+g.IntN(4), 2+g.IntN(4)
		l := Layer{In: in, Out: out, W: normals(g, in*out), B: normals(g, out)}
		x, da := normals(g, n*in), normals(g, n*out)
		calls := 0
		l.Act = func(z float64) float64 { calls++; return a.act(z) }
		l.DAct = func(z float64) float64 { calls++; return a.dact(z) }
		at := fmt.Sprintf(lang.Say("%d×%d layer, %s, %d rows", "%d×%d 的层，%s，%d 行"), in, out, a.name, n)
		mine := l // the learner's copy: what it changes does not change the check's
		mine.W, mine.B = clone(l.W), clone(l.B)
		dW, db, dx, err := safely(backward, mine, clone(x), clone(da))
		if err != nil {
			r.Got, r.Hint = at+lang.Say(": backward panicked: ", "：backward 出现 panic：")+err.Error(),
				lang.Say("x has len(x)/l.In rows; W[i*Out+j] joins input i to output j.", "x 有 len(x)/l.In 行；W[i*Out+j] 连接输入 i 与输出 j。")
			return r
		}
		if calls > 4*n*out {
			r.Got = fmt.Sprintf(lang.Say("%s: backward evaluated the activation %d times for %d units × %d rows", "%s：对 %[3]d 个单元 × %[4]d 行，backward 计算了 %[2]d 次激活函数"), at, calls, out, n)
			r.Hint = lang.Say("that is finite differences, not a backward pass: compute z once, then dz = da ⊙ Act'(z), and get dW, db and dx from dz.",
				"这是有限差分，不是反向传播：先算一次 z，再算 dz = da ⊙ Act'(z)，由 dz 得到 dW、db 和 dx。")
			return r
		}
		// shapes
		for _, s := range []struct {
			what string
			got  []float64
			want int
			how  string
		}{{"dW", dW, in * out, "In×Out"}, {"db", db, out, "Out"}, {"dx", dx, n * in, "rows×In"}} {
			if len(s.got) != s.want {
				r.Got = fmt.Sprintf(lang.Say("%s: len(%s) = %d, want %d (%s)", "%s：len(%s) = %d，应为 %d（%s）"), at, s.what, len(s.got), s.want, s.how)
				r.Hint = lang.Say("each gradient has the shape of what it is the gradient of: dW like W, db like b, dx like x.",
					"每个梯度的形状与它所对应的量相同：dW 同 W，db 同 b，dx 同 x。")
				return r
			}
		}
		// values, against finite differences of L
		loss := func() float64 { return dot(da, l.withAct(a.act).Forward(x)) }
		fW, fb, fx := numeric(loss, l.W), numeric(loss, l.B), numeric(loss, x)
		for _, s := range []struct {
			what      string
			got, want []float64
			hint      string
		}{
			{"db", db, fb, lang.Say("db[j] sums dz[r][j] = da[r][j]·Act'(z[r][j]) over the rows r.", "db[j] 是 dz[r][j] = da[r][j]·Act'(z[r][j]) 对各行 r 求和。")},
			{"dW", dW, fW, lang.Say("dW[i][j] sums x[r][i]·dz[r][j] over the rows r: dW = xᵀ·dz.", "dW[i][j] 是 x[r][i]·dz[r][j] 对各行 r 求和：dW = xᵀ·dz。")},
			{"dx", dx, fx, lang.Say("dx[r][i] sums dz[r][j]·W[i][j] over the outputs j: dx = dz·Wᵀ.", "dx[r][i] 是 dz[r][j]·W[i][j] 对各输出 j 求和：dx = dz·Wᵀ。")},
		} {
			d := maxDiff(s.got, s.want)
			diffs = append(diffs, fmt.Sprintf("%s %.1e", s.what, d))
			if d > BackwardTol*max(1, maxAbs(s.want)) {
				r.Got = fmt.Sprintf(lang.Say("%s: max|%s - finite differences| = %.3g (largest |%[2]s| %.3g)", "%s：max|%s − 有限差分| = %.3g（|%[2]s| 最大为 %.3g）"), at, s.what, d, maxAbs(s.want))
				r.Hint = s.hint
				if s.what == "db" && maxDiff(db, colSums(da, n, out)) < 1e-12 {
					r.Hint = lang.Say("your db is Σ da: the chain rule needs Act'(z) too, dz = da ⊙ Act'(z) (l.DAct).", "你的 db 是 Σ da：链式法则还需要乘 Act'(z)，即 dz = da ⊙ Act'(z)（l.DAct）。")
				}
				if maxDiff(s.got, scaled(s.want, -1)) < BackwardTol*max(1, maxAbs(s.want)) {
					r.Hint = lang.Say("its sign is flipped: it is the gradient of L, not of -L.", "符号反了：这是 L 的梯度，不是 -L 的梯度。")
				}
				return r
			}
		}
	}
	r.Pass = true
	r.Got = fmt.Sprintf(lang.Say("%d layers, max|diff| %s", "%d 个层，max|diff| %s"), len(activations), strings.Join(diffs[len(diffs)-3:], ", "))
	return r
}

func (l Layer) withAct(act func(float64) float64) Layer { l.Act = act; return l }

// safely calls backward, turning a panic into an error.
func safely(backward func(l Layer, x, da []float64) (dW, db, dx []float64), l Layer, x, da []float64) (dW, db, dx []float64, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v", e)
		}
	}()
	dW, db, dx = backward(l, x, da)
	return
}

// numeric returns the central finite differences of f with respect to
// each element of p, which it changes and restores.
func numeric(f func() float64, p []float64) []float64 {
	const h = 1e-5
	g := make([]float64, len(p))
	for i := range p {
		v := p[i]
		p[i] = v + h
		up := f()
		p[i] = v - h
		down := f()
		p[i] = v
		g[i] = (up - down) / (2 * h)
	}
	return g
}

func normals(g interface{ NormFloat64() float64 }, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = g.NormFloat64()
	}
	return v
}

func clone(v []float64) []float64 { return append([]float64(nil), v...) }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += float64(a[i] * b[i])
	}
	return s
}

func maxDiff(a, b []float64) float64 {
	d := 0.0
	for i := range a {
		e := math.Abs(a[i] - b[i])
		if math.IsNaN(e) {
			return math.Inf(1)
		}
		d = max(d, e)
	}
	return d
}

func maxAbs(a []float64) float64 { return maxDiff(a, make([]float64, len(a))) }

func scaled(a []float64, s float64) []float64 {
	out := make([]float64, len(a))
	for i, v := range a {
		out[i] = s * v
	}
	return out
}

// colSums sums the rows of an n×m matrix.
func colSums(a []float64, n, m int) []float64 {
	s := make([]float64, m)
	for r := range n {
		for j := range m {
			s[j] += a[r*m+j]
		}
	}
	return s
}
