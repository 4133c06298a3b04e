package sinenet

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// denseHessian builds the full Hessian of the loss of m on d column by
// column from central differences of the gradient, with step h along each
// parameter, and symmetrizes it.
func denseHessian(m *MLP, d Data, loss Loss, h float64) *mat.SymDense {
	n := m.NumParams()
	w := m.Clone()
	cols := mat.NewDense(n, n, nil)
	for j := range n {
		v := w.Params[j]
		w.Params[j] = v + h
		w.LossGrad(d.X, d.Y, loss)
		up := append([]float64(nil), w.Grads...)
		w.Params[j] = v - h
		w.LossGrad(d.X, d.Y, loss)
		w.Params[j] = v
		for i := range n {
			cols.Set(i, j, (up[i]-w.Grads[i])/(2*h))
		}
	}
	H := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			H.SetSym(i, j, (cols.At(i, j)+cols.At(j, i))/2)
		}
	}
	return H
}

// TestSharpness compares λmax (and λmin) from Lanczos on finite-difference
// Hessian-vector products with the eigenvalues of a dense finite-difference
// Hessian, on tiny nets: λmax to 1e-5 of |λmax|, λmin (a by-product) to
// 1e-2 of max|λ|. The question's
// saturated setups have |λmin| > λmax, where power iteration would return
// λmin; the test requires that such a case is among them.
func TestSharpness(t *testing.T) {
	const tol = 1e-5
	d := NoisySine(40, 5)
	cases := []struct {
		name string
		cfg  Config
		loss Loss
	}{
		{"question-like 1-6-1 tanh/tanh no bias N(0,1)", Config{Sizes: []int{1, 6, 1}, Acts: []Activation{Tanh, Tanh}, NoBias: true, Init: StdNormal, Seed: 2}, SumSquared{}},
		{"1-4-3-1 tanh no bias N(0,1)", Config{Sizes: []int{1, 4, 3, 1}, Acts: []Activation{Tanh, Tanh, Tanh}, NoBias: true, Init: StdNormal, Seed: 7}, SumSquared{}},
		{"1-5-1 PyTorch init, MSE", Config{Sizes: []int{1, 5, 1}, Seed: 3}, MeanSquared{}},
		{"1-5-4-1 sigmoid, Huber", Config{Sizes: []int{1, 5, 4, 1}, Acts: []Activation{Sigmoid, Sigmoid, Identity}, Seed: 4}, Huber{Delta: 0.1}},
	}
	sawNegDominant := false
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := New(c.cfg)
			if err != nil {
				t.Fatal(err)
			}
			before := append([]float64(nil), m.Params...)
			var e mat.EigenSym
			if !e.Factorize(denseHessian(m, d, c.loss, 1e-5), false) {
				t.Fatal("dense eigendecomposition failed")
			}
			vals := e.Values(nil)
			wantMax, wantMin := vals[len(vals)-1], vals[0]
			r, err := SharpnessWith(m, d, c.loss, SharpnessOptions{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			scale := math.Max(math.Abs(wantMax), math.Abs(wantMin))
			t.Logf("%d params: λmax %.8g (dense %.8g), λmin %.8g (dense %.8g), %d iterations, %d gradients",
				m.NumParams(), r.Max, wantMax, r.Min, wantMin, r.Iters, r.Grads)
			if math.Abs(r.Max-wantMax) > tol*math.Abs(wantMax) {
				t.Errorf("λmax = %.10g, dense Hessian says %.10g: off by %.2g relative (tolerance %g)",
					r.Max, wantMax, math.Abs(r.Max-wantMax)/math.Abs(wantMax), tol)
			}
			if math.Abs(r.Min-wantMin) > 1e-2*scale {
				t.Errorf("λmin = %.10g, dense Hessian says %.10g", r.Min, wantMin)
			}
			if -wantMin > wantMax {
				sawNegDominant = true
			}
			got, err := Sharpness(m, d, c.loss)
			if err != nil || math.Abs(got-wantMax) > tol*math.Abs(wantMax) {
				t.Errorf("Sharpness = %.10g, %v; want %.10g", got, err, wantMax)
			}
			for i := range before {
				if m.Params[i] != before[i] {
					t.Fatal("Sharpness changed the network's parameters")
				}
			}
		})
	}
	if !sawNegDominant {
		t.Error("no case has |λmin| > λmax; the test no longer guards against power iteration's trap")
	}
}

// TestSharpnessWarmStart checks that starting from the previous estimate's
// vector gives the same λmax in fewer gradient evaluations.
func TestSharpnessWarmStart(t *testing.T) {
	d := NoisySine(200, 1)
	m, err := New(ModelA(1))
	if err != nil {
		t.Fatal(err)
	}
	cold, err := SharpnessWith(m, d, SumSquared{}, SharpnessOptions{})
	if err != nil {
		t.Fatal(err)
	}
	warm, err := SharpnessWith(m, d, SumSquared{}, SharpnessOptions{Start: cold.Vec})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cold: λmax %.6g in %d gradients; warm: %.6g in %d", cold.Max, cold.Grads, warm.Max, warm.Grads)
	if math.Abs(warm.Max-cold.Max) > 1e-5*math.Abs(cold.Max) {
		t.Errorf("warm start gives λmax %.8g, cold %.8g", warm.Max, cold.Max)
	}
	if warm.Grads >= cold.Grads {
		t.Errorf("warm start took %d gradients, not fewer than cold's %d", warm.Grads, cold.Grads)
	}
}

func TestSharpnessErrors(t *testing.T) {
	m, err := New(ModelA(1))
	if err != nil {
		t.Fatal(err)
	}
	d := NoisySine(10, 1)
	for _, c := range []struct {
		d    Data
		o    SharpnessOptions
		want string
	}{
		{Data{}, SharpnessOptions{}, "empty"},
		{d, SharpnessOptions{Iters: -1}, "negative"},
		{d, SharpnessOptions{Start: []float64{1}}, "Start has 1 values"},
		{d, SharpnessOptions{Start: make([]float64, m.NumParams())}, "Start is zero"},
	} {
		if _, err := SharpnessWith(m, c.d, nil, c.o); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("SharpnessWith(%+v) error %v, want one containing %q", c.o, err, c.want)
		}
	}
}
