package notebooktest_test

import (
	"math"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/exercise"
)

// TestExercises runs every exercise of 05-exercises.ipynb the ways a
// learner might: the cell as shipped must fall short, the solution of
// 05-solutions.ipynb must pass, and each known way to game the check must
// fail it, with a message that names what was wrong where the check can
// know it (which fixed setting was changed, which stage of a written
// function is wrong).
//
// Exercises 4 to 7 check the learner's code on a fresh draw each time
// they run, so every run of this test tries the solutions and the gaming
// attempts on data, networks and matrices no one has seen before.
func TestExercises(t *testing.T) {
	reluNet := func(sizes ...int) sinenet.Config {
		c := exercise.ReLUNet()
		c.Sizes = sizes
		c.Acts = nil
		for range len(sizes) - 2 {
			c.Acts = append(c.Acts, sinenet.ReLU)
		}
		c.Acts = append(c.Acts, sinenet.Identity)
		return c
	}
	momentum := func(f func(lam, beta float64) float64) func() exercise.Result {
		return func() exercise.Result { return exercise.MomentumLimit(f) }
	}
	power := func(f func(n int, hv func(dst, v []float64)) float64) func() exercise.Result {
		return func() exercise.Result { return exercise.Power(f) }
	}
	backward := func(f func(l exercise.Layer, x, da []float64) (dW, db, dx []float64)) func() exercise.Result {
		return func() exercise.Result { return exercise.Backward(f) }
	}

	for _, tc := range []struct {
		name string
		run  func() exercise.Result
		pass bool
		says string // a part of the result's text, "" for any
	}{
		// 1 · an optimizer and its rate, in 1000 gradient evaluations
		{"1 shipped: GD 1e-2", func() exercise.Result { return exercise.Optimizer(sinenet.NewGD(1e-2)) }, false, "raise its learning rate"},
		{"1 solution: Adam 5e-2", func() exercise.Result { return exercise.Optimizer(sinenet.NewAdam(5e-2)) }, true, "1000 gradient evaluations"},
		{"1 copy of notebook 3: Adam at 1e-2", func() exercise.Result { return exercise.Optimizer(sinenet.NewAdam(1e-2)) }, false, "2 extrema"},
		{"1 gamed: L-BFGS", func() exercise.Result { return exercise.Optimizer(&sinenet.LBFGS{}) }, false, "L-BFGS takes no learning rate"},
		{"1 too large: Adam 0.3, told to lower it", func() exercise.Result { return exercise.Optimizer(sinenet.NewAdam(0.3)) }, false, "the rate overshoots. Lower it"},

		// 2 · initialization, seed 3 stuck
		{"2 shipped: N(0, 1)", func() exercise.Result { return exercise.Init(sinenet.ModelA(exercise.Stuck)) }, false, "normal init"},
		{"2 solution: Xavier uniform", func() exercise.Result { return exercise.Init(initAs(sinenet.XavierUniform)) }, true, ""},
		{"2 solution: Xavier normal", func() exercise.Result { return exercise.Init(initAs(sinenet.XavierNormal)) }, true, ""},
		{"2 solution: He", func() exercise.Result { return exercise.Init(initAs(sinenet.He)) }, true, ""},
		{"2 gamed: biases too", func() exercise.Result {
			c := initAs(sinenet.He)
			c.NoBias = false
			return exercise.Init(c)
		}, false, "c.NoBias"},
		{"2 gamed: another seed", func() exercise.Result { return exercise.Init(sinenet.ModelA(1)) }, false, "c.Seed"},

		// 3 · ReLU layers that train fast enough
		{"3 shipped: 1-128-1", func() exercise.Result { return exercise.ReLU(exercise.ReLUNet()) }, false, ""},
		{"3 solution: 1-32-32-32-1", func() exercise.Result { return exercise.ReLU(reluNet(1, 32, 32, 32, 1)) }, true, ""},
		{"3 gamed: tanh", func() exercise.Result { return exercise.ReLU(exercise.Fixed()) }, false, "c.Acts[0]"},
		{"3 gamed: another init", func() exercise.Result {
			c := reluNet(1, 32, 32, 32, 1)
			c.Init = sinenet.He
			return exercise.ReLU(c)
		}, false, "c.Init"},

		// 4 · early stopping that keeps the best weights
		{"4 shipped: never stop", func() exercise.Result { return exercise.EarlyStop(stopRule(0, false)) }, false, "ran all 3000 steps"},
		{"4 solution: patience 500, a copy of the best", func() exercise.Result { return exercise.EarlyStop(stopRule(500, true)) }, true, ""},
		{"4 the old solution: patience 100, the weights at the stop", func() exercise.Result { return exercise.EarlyStop(stopRule(100, false)) }, false, ""}, // not the best, or (a short patience) before the low
		{"4 gamed: the step read off an output (1070)", func() exercise.Result { return exercise.EarlyStop(atStep(1070)) }, false, ""},
		{"4 gamed: a reference to w, not a copy", func() exercise.Result { return exercise.EarlyStop(aliased(500)) }, false, ""}, // not the best seen, or before the low
		{"4 gamed: stop at once", func() exercise.Result {
			return exercise.EarlyStop(func(float64, []float64) bool { return true }, func() []float64 { return nil })
		}, false, "before it"},
		{"4 gamed: no rule", func() exercise.Result { return exercise.EarlyStop(nil, nil) }, false, "no rule"},

		// 5 · one layer's backward pass
		{"5 shipped: nothing yet", backward(func(exercise.Layer, []float64, []float64) (dW, db, dx []float64) { return nil, nil, nil }), false, "len(dW) = 0"},
		{"5 solution", backward(layerBackward), true, ""},
		{"5 gamed: zeros of the right shapes", backward(func(l exercise.Layer, x, _ []float64) (dW, db, dx []float64) {
			return make([]float64, l.In*l.Out), make([]float64, l.Out), make([]float64, len(x))
		}), false, "max|db - finite differences|"},
		{"5 gamed: finite differences", backward(numericBackward), false, "that is finite differences"},
		{"5 gamed: tanh's derivative, as in the package's layers", backward(func(l exercise.Layer, x, da []float64) (dW, db, dx []float64) {
			l.DAct = func(z float64) float64 { t := math.Tanh(z); return 1 - t*t }
			return layerBackward(l, x, da)
		}), false, "max|db - finite differences|"},
		{"5 gamed: the package's backward pass", backward(packageBackward), false, "len(dW) = 0"},
		{"5 forgot Act'", backward(func(l exercise.Layer, x, da []float64) (dW, db, dx []float64) {
			l.DAct = func(float64) float64 { return 1 }
			return layerBackward(l, x, da)
		}), false, "your db is Σ da"},
		{"5 sign flipped", backward(func(l exercise.Layer, x, da []float64) (dW, db, dx []float64) {
			for i := range da {
				da[i] = -da[i]
			}
			return layerBackward(l, x, da)
		}), false, "its sign is flipped"},

		// 6 · momentum's stability limit
		{"6 shipped: GD's limit 2/λ", momentum(func(lam, _ float64) float64 { return 2 / lam }), false, "your rate is safe but not the largest"},
		{"6 solution: 2(1+β)/λ", momentum(func(lam, beta float64) float64 { return 2 * (1 + beta) / lam }), true, ""},
		{"6 gamed: the old goal's 0.8·2/λ", momentum(func(lam, _ float64) float64 { return 0.8 * 2 / lam }), false, "plain GD"},
		{"6 gamed: a constant", momentum(func(float64, float64) float64 { return 0.01 }), false, ""},
		{"6 gamed: the effective rate lr/(1-β), so 2(1-β)/λ", momentum(func(lam, beta float64) float64 { return 2 * (1 - beta) / lam }), false, "not the largest"},
		{"6 too far: 2/((1-β)λ)", momentum(func(lam, beta float64) float64 { return 2 / ((1 - beta) * lam) }), false, "the run diverges"},
		{"6 gamed: no function", momentum(nil), false, "no function"},

		// 7 · λmax by power iteration with a shift
		{"7 shipped: 0", power(func(int, func(dst, v []float64)) float64 { return 0 }), false, "stage 1 of 3"},
		{"7 solution: power iteration, then shifted by λmin", power(lambdaMax), true, ""},
		{"7 gamed: Sharpness of notebook 3's network", power(func(int, func(dst, v []float64)) float64 { return sharpness(t) }), false, "stage 1 of 3"},
		{"7 plain power iteration falls into the trap", power(plainPower), false, "you returned λmin"},
		{"7 |plain power iteration|", power(func(n int, hv func(dst, v []float64)) float64 { return math.Abs(plainPower(n, hv)) }), false, "you returned |λmin|"},
		{"7 gamed: one Rayleigh quotient", power(func(n int, hv func(dst, v []float64)) float64 {
			v, w := ones(n), make([]float64, n)
			hv(w, v)
			return dot(v, w) / dot(v, v)
		}), false, ""},
		{"7 a wrong length", power(func(n int, hv func(dst, v []float64)) float64 { hv(make([]float64, n), make([]float64, n+1)); return 0 }), false, "len(v) = "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.run()
			t.Log(r)
			if r.Pass != tc.pass {
				t.Errorf("pass = %v, want %v", r.Pass, tc.pass)
			}
			if !strings.Contains(r.String(), tc.says) {
				t.Errorf("the result does not say %q", tc.says)
			}
			if !r.Pass && !strings.Contains(r.String(), "hint: ") {
				t.Errorf("a result that falls short gives no hint")
			}
			if !r.Pass && r.Seed != 0 && !strings.Contains(r.String(), "exercise.Draw = ") {
				t.Errorf("a check on a draw that falls short does not say how to repeat the draw")
			}
		})
	}
}

// TestExerciseDraw checks that exercise.Draw repeats a draw: the same
// failing answer fails with the same text.
func TestExerciseDraw(t *testing.T) {
	wrong := func(lam, _ float64) float64 { return 2 / lam }
	first := exercise.MomentumLimit(wrong)
	exercise.Draw = first.Seed
	defer func() { exercise.Draw = 0 }()
	if again := exercise.MomentumLimit(wrong); again.String() != first.String() {
		t.Errorf("the draw did not repeat:\n%s\n%s", first, again)
	}
}

// initAs is the stuck Model A with another initializer.
func initAs(in sinenet.Init) sinenet.Config {
	c := sinenet.ModelA(exercise.Stuck)
	c.Init = in
	return c
}

// sharpness returns λmax of notebook 3's network at its start.
func sharpness(t *testing.T) float64 {
	m, err := sinenet.New(exercise.Fixed())
	if err != nil {
		t.Fatal(err)
	}
	lam, err := sinenet.Sharpness(m, exercise.Data(), sinenet.MeanSquared{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return lam.Max
}

// stopRule is 05-solutions' early stopping: stop once the validation loss
// has not reached a new low for patience steps (never, for 0), and keep
// a copy of the weights at the low, or (keep false) the weights at the
// stop.
func stopRule(patience int, keep bool) (observe func(float64, []float64) bool, best func() []float64) {
	bestVal, since := math.Inf(1), 0
	var bestW, last []float64
	observe = func(val float64, w []float64) bool {
		last = w
		if val < bestVal {
			bestVal, since = val, 0
			bestW = append(bestW[:0], w...) // a copy: w keeps changing
			return false
		}
		since += exercise.StopEvery
		return patience > 0 && since >= patience
	}
	best = func() []float64 {
		if keep {
			return bestW
		}
		return last
	}
	return observe, best
}

// aliased is stopRule(patience, true) with a reference to w kept at the
// low instead of a copy.
func aliased(patience int) (observe func(float64, []float64) bool, best func() []float64) {
	bestVal, since := math.Inf(1), 0
	var bestW []float64
	observe = func(val float64, w []float64) bool {
		if val < bestVal {
			bestVal, since, bestW = val, 0, w
			return false
		}
		since += exercise.StopEvery
		return since >= patience
	}
	return observe, func() []float64 { return bestW }
}

// atStep stops at a step read off an earlier output, keeping the weights
// there.
func atStep(step int) (observe func(float64, []float64) bool, best func() []float64) {
	calls := 0
	var last []float64
	observe = func(_ float64, w []float64) bool {
		calls++
		last = append(last[:0], w...)
		return calls*exercise.StopEvery >= step
	}
	return observe, func() []float64 { return last }
}

// layerBackward is 05-solutions' backward pass of one layer.
func layerBackward(l exercise.Layer, x, da []float64) (dW, db, dx []float64) {
	n := len(x) / l.In
	dW, db, dx = make([]float64, l.In*l.Out), make([]float64, l.Out), make([]float64, n*l.In)
	for r := range n {
		xr := x[r*l.In : (r+1)*l.In]
		for j := range l.Out {
			z := l.B[j]
			for i := range l.In {
				z += xr[i] * l.W[i*l.Out+j]
			}
			dz := da[r*l.Out+j] * l.DAct(z)
			db[j] += dz
			for i := range l.In {
				dW[i*l.Out+j] += xr[i] * dz
				dx[r*l.In+i] += dz * l.W[i*l.Out+j]
			}
		}
	}
	return dW, db, dx
}

// numericBackward gets the gradients by central differences of
// L = Σ da ⊙ Forward(x), which needs no backward pass at all.
func numericBackward(l exercise.Layer, x, da []float64) (dW, db, dx []float64) {
	L := func() float64 { return dot(da, l.Forward(x)) }
	diff := func(p []float64) []float64 {
		g := make([]float64, len(p))
		for i := range p {
			v := p[i]
			p[i] = v + 1e-6
			up := L()
			p[i] = v - 1e-6
			g[i] = (up - L()) / 2e-6
			p[i] = v
		}
		return g
	}
	return diff(l.W), diff(l.B), diff(x)
}

// packageBackward tries to borrow the package's backward pass: a network
// with the layer's sizes, a loss whose gradient is da, and its Grads. The
// package builds only networks from one x to one y, so New refuses the
// layer's sizes.
func packageBackward(l exercise.Layer, x, da []float64) (dW, db, dx []float64) {
	m, err := sinenet.New(sinenet.Config{Sizes: []int{l.In, l.Out}, Acts: []sinenet.Activation{sinenet.Tanh}})
	if err != nil {
		return nil, nil, nil
	}
	copy(m.Params, append(append([]float64(nil), l.W...), l.B...))
	m.LossGrad(x, make([]float64, len(da)), givenGrad(da))
	return m.Layers[0].DW, m.Layers[0].DB, nil
}

// givenGrad is a loss whose gradient with respect to the output is g.
type givenGrad []float64

func (givenGrad) Name() string { return "given" }

func (g givenGrad) Eval(dp, p, y []float64) float64 {
	copy(dp, g)
	return dot(g, p)
}

// lambdaMax is 05-solutions' power iteration with a shift: the first run
// finds the eigenvalue μ of largest magnitude; when it is negative (λmin),
// a second run on H - μI, whose eigenvalues are all ≥ 0, finds λmax - μ.
func lambdaMax(n int, hv func(dst, v []float64)) float64 {
	iterate := func(shift float64) float64 {
		v, w := ones(n), make([]float64, n)
		lam := 0.0
		for k := range 1000 {
			norm := math.Sqrt(dot(v, v))
			for i := range v {
				v[i] /= norm
			}
			hv(w, v)
			for i := range w {
				w[i] -= shift * v[i]
			}
			next := dot(v, w) // the Rayleigh quotient vᵀ(H - shift·I)v
			v, w = w, v
			if k > 0 && math.Abs(next-lam) <= 1e-9*math.Abs(next) {
				return next + shift
			}
			lam = next
		}
		return lam + shift
	}
	mu := iterate(0)
	if mu >= 0 {
		return mu
	}
	return iterate(mu)
}

// plainPower is power iteration without a shift, for a fixed 300 steps.
func plainPower(n int, hv func(dst, v []float64)) float64 {
	v, w := ones(n), make([]float64, n)
	lam := 0.0
	for range 300 {
		norm := math.Sqrt(dot(v, v))
		for i := range v {
			v[i] /= norm
		}
		hv(w, v)
		lam = dot(v, w)
		v, w = w, v
	}
	return lam
}

func ones(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1
	}
	return v
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}
