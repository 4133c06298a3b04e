package sinenet

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/floats/scalar"
	"gonum.org/v1/gonum/optimize/functions"
)

// rosenbrock is the extended Rosenbrock function, minimum 0 at (1, …, 1).
func rosenbrock(x, dx []float64) float64 {
	functions.ExtendedRosenbrock{}.Grad(dx, x)
	return functions.ExtendedRosenbrock{}.Func(x)
}

// quadratic returns f(x) = ½ Σ a_i (x_i - c_i)² + ½ Σ_i (x_i - x_{i+1})²,
// a coupled bowl whose minimum is not at c, and the point where its
// gradient vanishes, found by solving the tridiagonal system directly.
func quadratic(a, c []float64) (f func(x, dx []float64) float64, xMin []float64) {
	n := len(a)
	f = func(x, dx []float64) float64 {
		var v float64
		for i := range x {
			v += a[i] * (x[i] - c[i]) * (x[i] - c[i]) / 2
			dx[i] = a[i] * (x[i] - c[i])
		}
		for i := range n - 1 {
			d := x[i] - x[i+1]
			v += d * d / 2
			dx[i] += d
			dx[i+1] -= d
		}
		return v
	}
	// Thomas algorithm for (diag(a) + L)x = a⊙c, L the path Laplacian.
	diag, rhs := make([]float64, n), make([]float64, n)
	for i := range n {
		diag[i] = a[i] + 2
		rhs[i] = a[i] * c[i]
	}
	diag[0]--
	diag[n-1]--
	for i := 1; i < n; i++ {
		w := -1 / diag[i-1]
		diag[i] += w
		rhs[i] -= w * rhs[i-1]
	}
	xMin = make([]float64, n)
	xMin[n-1] = rhs[n-1] / diag[n-1]
	for i := n - 2; i >= 0; i-- {
		xMin[i] = (rhs[i] + xMin[i+1]) / diag[i]
	}
	return f, xMin
}

func TestLBFGSMinimizes(t *testing.T) {
	quad, quadMin := quadratic([]float64{1, 10, 100, 0.5, 3, 30, 2, 7}, []float64{1, -2, 3, 0.5, -1, 4, 2, -3})
	for _, tc := range []struct {
		name    string
		f       func(x, dx []float64) float64
		x0, min []float64
		gradTol float64
		tol     float64 // on each coordinate of x, absolute or relative
	}{
		// The quadratic's minimum value is about 36, so float64 resolves f
		// only to about 1e-14 there: x is then known to about 1e-9.
		{"quadratic", quad, make([]float64, 8), quadMin, 1e-12, 1e-8},
		{"rosenbrock 2", rosenbrock, []float64{-1.2, 1}, []float64{1, 1}, 1e-12, 1e-9},
		{"rosenbrock 10", rosenbrock, []float64{-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1}, []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 1e-12, 1e-9},
	} {
		x := append([]float64(nil), tc.x0...)
		fs, err := lbfgsLosses(&LBFGS{GradTol: tc.gradTol}, context.Background(), tc.f, x, 1000, nil)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !floats.EqualApprox(x, tc.min, tc.tol) {
			t.Errorf("%s: x = %v, want %v", tc.name, x, tc.min)
		}
		for i := 1; i < len(fs); i++ {
			if fs[i] > fs[i-1] {
				t.Errorf("%s: the loss rose at iteration %d: %g to %g", tc.name, i, fs[i-1], fs[i])
				break
			}
		}
		dx := make([]float64, len(x))
		if v := tc.f(x, dx); v != fs[len(fs)-1] {
			t.Errorf("%s: last recorded loss %g, but f(x) = %g", tc.name, fs[len(fs)-1], v)
		}
		t.Logf("%s: %d iterations, final f %.3g, max|x - x*| %.2g", tc.name, len(fs)-1, fs[len(fs)-1], floats.Distance(x, tc.min, math.Inf(1)))
	}
}

// TestLBFGSIterations checks maxIter, the hook's view of the run and
// stopping through the hook and the context.
func TestLBFGSIterations(t *testing.T) {
	x0 := []float64{-1.2, 1}
	for _, maxIter := range []int{0, 1, 5} {
		var seen []float64
		hook := func(iter int, f float64) error {
			if iter != len(seen) {
				t.Errorf("maxIter %d: hook got iteration %d after %d", maxIter, iter, len(seen))
			}
			seen = append(seen, f)
			return nil
		}
		x, fs, err := minimizeLBFGS(context.Background(), rosenbrock, x0, maxIter, hook)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != maxIter+1 || !floats.Equal(fs, seen) {
			t.Errorf("maxIter %d: losses %v, hook saw %v; want %d of them", maxIter, fs, seen, maxIter+1)
		}
		if fs[0] != rosenbrock(x0, make([]float64, 2)) || (maxIter == 0 && !floats.Equal(x, x0)) {
			t.Errorf("maxIter %d: fs[0] = %g, x = %v", maxIter, fs[0], x)
		}
	}
	if x0[0] != -1.2 || x0[1] != 1 {
		t.Errorf("minimizeLBFGS changed x0 to %v", x0)
	}

	// ErrStop ends the run at once, without an error.
	stopAt3 := func(iter int, f float64) error {
		if iter == 3 {
			return ErrStop
		}
		return nil
	}
	_, fs, err := minimizeLBFGS(context.Background(), rosenbrock, x0, 100, stopAt3)
	if err != nil || len(fs) != 4 {
		t.Errorf("ErrStop at iteration 3: %d losses, error %v; want 4 and none", len(fs), err)
	}

	// Another error from the hook is returned.
	boom := errors.New("boom")
	_, fs, err = minimizeLBFGS(context.Background(), rosenbrock, x0, 100, func(iter int, f float64) error {
		if iter == 2 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || len(fs) != 3 || !strings.HasPrefix(err.Error(), "sinenet: ") {
		t.Errorf("hook error at iteration 2: %d losses, error %v", len(fs), err)
	}

	// Cancelling the context stops the run at the next evaluation; x is
	// then the last completed iteration.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	f := func(x, dx []float64) float64 {
		calls++
		if calls == 10 {
			cancel()
		}
		return rosenbrock(x, dx)
	}
	x, fs, err := minimizeLBFGS(ctx, f, x0, 100, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error %v, want context.Canceled", err)
	}
	if v := rosenbrock(x, make([]float64, 2)); len(fs) == 0 || v != fs[len(fs)-1] || v > fs[0] {
		t.Errorf("cancelled: x = %v with f %g, recorded losses %v", x, v, fs)
	}
	if calls > 10 {
		t.Errorf("cancelled after call 10, but f was called %d times", calls)
	}
}

// TestLBFGSOneEvaluationPerPoint checks that gonum's separate requests for
// the loss and the gradient at a point cost one call of f.
func TestLBFGSOneEvaluationPerPoint(t *testing.T) {
	var points [][]float64
	f := func(x, dx []float64) float64 {
		for _, p := range points {
			if floats.Equal(p, x) {
				t.Errorf("f called twice at %v", x)
			}
		}
		points = append(points, append([]float64(nil), x...))
		return rosenbrock(x, dx)
	}
	if _, _, err := minimizeLBFGS(context.Background(), f, []float64{-1.2, 1}, 50, nil); err != nil {
		t.Fatal(err)
	}
}

// TestLBFGSNotFinite checks that a loss that turns NaN or infinite stops
// the run with an error rather than sending the line search round forever.
func TestLBFGSNotFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		// From x₀ = 0.5 on, the loss is bad; the run starts at -1.2 and is
		// drawn towards the minimum at 1.
		f := func(x, dx []float64) float64 {
			v := rosenbrock(x, dx)
			if x[0] > 0.5 {
				return bad
			}
			return v
		}
		x, fs, err := minimizeLBFGS(context.Background(), f, []float64{-1.2, 1}, 100, nil)
		if err == nil || !strings.Contains(err.Error(), "the loss became") {
			t.Errorf("loss %g past x₀ = 0.5: error %v", bad, err)
		}
		if !(x[0] <= 0.5) || len(fs) == 0 || !isFinite(fs[len(fs)-1]) {
			t.Errorf("loss %g past x₀ = 0.5: stopped at %v, losses %v", bad, x, fs)
		}
		x, _, err = minimizeLBFGS(context.Background(), func(x, dx []float64) float64 { return bad }, []float64{1}, 10, nil)
		if err == nil || x[0] != 1 {
			t.Errorf("loss %g everywhere: x = %v, error %v; want x unchanged and an error", bad, x, err)
		}
	}
}

func TestLBFGSErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		l       LBFGS
		x       []float64
		maxIter int
		want    string
	}{
		{LBFGS{}, nil, 10, "at least one parameter"},
		{LBFGS{}, []float64{1}, -1, "maxIter is -1"},
		{LBFGS{HistorySize: -1}, []float64{1}, 10, "HistorySize is -1"},
		{LBFGS{GradTol: math.NaN()}, []float64{1}, 10, "GradTol is NaN"},
	} {
		err := tc.l.Minimize(ctx, rosenbrock, tc.x, tc.maxIter, nil)
		checkError(t, tc.want, err, tc.want)
	}
}

// TestLBFGSNetwork fits a small network to the sine with L-BFGS and checks
// that it ends far below where it started and below plain gradient descent
// given as many gradient evaluations.
func TestLBFGSNetwork(t *testing.T) {
	d := NoisySine(200, 1)
	m, err := New(Config{Sizes: []int{1, 16, 1}, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	start := m.Clone()
	evals := 0
	f := func(x, dx []float64) float64 {
		evals++
		copy(m.Params, x)
		L := m.LossGrad(d.X, d.Y, MeanSquared{})
		copy(dx, m.Grads)
		return L
	}
	fs, err := lbfgsLosses(&LBFGS{}, context.Background(), f, m.Params, 200, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Train(context.Background(), start, d, Options{Optimizer: NewGD(0.1), Steps: evals})
	if err != nil {
		t.Fatal(err)
	}
	final := fs[len(fs)-1]
	if !(final < fs[0]/10) || !(final < h.Final()) || !scalar.EqualWithinAbsOrRel(final, f(m.Params, m.Grads), 1e-12, 1e-12) {
		t.Errorf("L-BFGS: MSE %g to %g in %d iterations (%d evaluations); GD with as many steps: %g", fs[0], final, len(fs)-1, evals, h.Final())
	}
	t.Logf("L-BFGS: MSE %.4g to %.4g in %d iterations (%d evaluations); GD with as many steps: %.4g", fs[0], final, len(fs)-1, evals, h.Final())
}

// lbfgsLosses runs l.Minimize from x, in place, and returns the loss at the
// start and after each iteration, which it also passes to hook.
func lbfgsLosses(l *LBFGS, ctx context.Context, f func(x, dx []float64) float64, x []float64, maxIter int, hook func(iter int, f float64) error) ([]float64, error) {
	var fs []float64
	err := l.Minimize(ctx, f, x, maxIter, func(iter int, _ []float64, v float64) error {
		fs = append(fs, v)
		if hook == nil {
			return nil
		}
		return hook(iter, v)
	})
	return fs, err
}

// minimizeLBFGS runs L-BFGS with the default settings from x0, leaving x0
// alone, and returns the final x and the losses lbfgsLosses returns.
func minimizeLBFGS(ctx context.Context, f func(x, dx []float64) float64, x0 []float64, maxIter int, hook func(iter int, f float64) error) (x, fs []float64, err error) {
	x = append([]float64(nil), x0...)
	fs, err = lbfgsLosses(&LBFGS{}, ctx, f, x, maxIter, hook)
	return x, fs, err
}
