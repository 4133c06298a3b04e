package sinenet

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/sinenet/sinenet/internal/portable"
)

// Sharpness returns λmax, the largest eigenvalue of the Hessian of the
// training loss of m on d with respect to all of m's parameters: the
// curvature along the most sharply curved direction. A nil loss means
// MeanSquared, as in Train.
//
// Plain gradient descent with learning rate η is stable along a direction
// of curvature λ only while η < 2/λ, so 2/Sharpness is the largest stable
// rate at the current parameters. Full-batch GD tends to raise λmax until it
// reaches 2/η and then hover there: the "edge of stability" of Cohen et
// al., "Gradient Descent on Neural Networks Typically Occurs at the Edge of
// Stability", ICLR 2021.
//
// λmax is the largest eigenvalue in the algebraic sense. The Hessian of a
// saturated tanh network often has a negative eigenvalue of far larger
// magnitude, which plain power iteration would return instead; Sharpness
// uses Lanczos, which finds both ends of the spectrum. See SharpnessWith
// for the method, its defaults and its cost. Sharpness leaves m unchanged.
func Sharpness(m *MLP, d Data, loss Loss) (float64, error) {
	r, err := SharpnessWith(m, d, loss, SharpnessOptions{})
	return r.Max, err
}

// SharpnessOptions are the settings of SharpnessWith. The zero value of
// each field is its default.
type SharpnessOptions struct {
	// Iters caps the Lanczos iterations, each one Hessian-vector product
	// (two gradient evaluations); 0 means 60. It is also capped by the
	// number of parameters.
	Iters int
	// Tol stops the iteration once the residual of the top Ritz pair
	// (θ, s), ‖Hs - θs‖, is below Tol·|θ| (or below Tol·max|λ|/1000 when
	// θ is that close to 0); 0 means 1e-6. The error of λmax is then at
	// most about that residual, and usually its square over the gap to
	// the next eigenvalue. λmin is a by-product, not converged to Tol.
	Tol float64
	// Start is the starting vector, e.g. Vec from the previous estimate
	// along a training run, which cuts the iterations needed. Nil means a
	// random vector drawn from Seed.
	Start []float64
	// Seed seeds the random starting vector.
	Seed uint64
	// H is the finite-difference step along a unit direction v in
	// Hv ≈ (∇L(θ + hv) - ∇L(θ - hv)) / 2h; 0 means 1e-6·max(1, ‖θ‖∞),
	// or 1e-4·max(1, ‖θ‖∞) with Fast. On the question's networks the
	// reference λmax agrees to 7 digits for h from 1e-7 to 1e-5.
	H float64
	// Fast takes the gradients from Train's float32 fast path instead of
	// the float64 reference MLP.LossGrad: 100-300 times cheaper, and λmax
	// agrees with the reference to about 1e-4 (tested to 1e-3), enough to
	// track the sharpness along a training run. Its rounding limits the
	// accuracy: do not ask it for a Tol below 1e-4.
	Fast bool
}

// SharpnessResult is what SharpnessWith measured.
type SharpnessResult struct {
	Max, Min float64   // the largest and smallest Ritz values: λmax and an estimate of λmin
	Vec      []float64 // the unit eigenvector estimate of λmax, to start the next estimate
	Iters    int       // Lanczos iterations done
	Grads    int       // gradient evaluations done (2 per iteration)
	Residual float64   // ‖H·Vec - Max·Vec‖ at the end
}

// SharpnessWith estimates the extreme eigenvalues of the Hessian H of the
// loss of m on d, as Sharpness does, with settings o.
//
// Method: the Lanczos iteration with full reorthogonalization (Golub & Van
// Loan, "Matrix Computations", §10.1) builds an orthonormal basis q1, q2, …
// of the Krylov space of H and the tridiagonal T = QᵀHQ; the eigenvalues of
// T (Ritz values) converge to both ends of H's spectrum, and the largest
// one is λmax. Lanczos never forms H: it needs only products Hv, here
// central finite differences of the float64 reference gradient
// MLP.LossGrad, (∇L(θ + hv) - ∇L(θ - hv)) / 2h, whose error is O(h²).
//
// Cost: each iteration is one product Hv, that is two gradient
// evaluations on all of d, the cost of about two training steps of the
// reference engine (or of two fast steps with Fast). From a random start the question's Model A (seed 1,
// 4000 points) converges in 17 iterations (34 gradients) and Model B in 12
// (24 gradients); a warm Start from a nearby estimate needs fewer, down to
// one iteration when the top direction has not moved.
func SharpnessWith(m *MLP, d Data, loss Loss, o SharpnessOptions) (SharpnessResult, error) {
	if m == nil {
		return SharpnessResult{}, errors.New("sinenet: the sharpness of a nil model; build one with sinenet.New, e.g. sinenet.New(sinenet.ModelA(1))")
	}
	if err := m.check(); err != nil {
		return SharpnessResult{}, err
	}
	if err := checkData(m, d, "training"); err != nil {
		return SharpnessResult{}, err
	}
	if loss == nil {
		loss = MeanSquared{}
	}
	n := m.NumParams()
	if o.Iters < 0 || o.Tol < 0 || o.H < 0 {
		return SharpnessResult{}, fmt.Errorf("sinenet: SharpnessOptions %+v has a negative setting; use 0 for the defaults", o)
	}
	if o.Start != nil && len(o.Start) != n {
		return SharpnessResult{}, fmt.Errorf("sinenet: SharpnessOptions.Start has %d values for %d parameters; pass nil or the Vec of an estimate on the same network", len(o.Start), n)
	}
	iters := o.Iters
	if iters == 0 {
		iters = 60
	}
	iters = min(iters, n)
	tol := o.Tol
	if tol == 0 {
		tol = 1e-6
	}

	w := m.Clone() // perturbed copy: m keeps its parameters and gradient
	theta := append([]float64(nil), m.Params...)
	h := o.H
	if h == 0 {
		h = 1e-6 * max(1, normInf(theta))
		if o.Fast {
			h = 1e-4 * max(1, normInf(theta))
		}
	}
	r := SharpnessResult{}
	e := newEngine(w, loss, !o.Fast) // the reference pass unless Fast
	gPlus := make([]float64, n)
	hv := func(dst, v []float64) error {
		for i := range theta {
			w.Params[i] = theta[i] + float64(h*v[i])
		}
		lp := e.lossGrad(d.X, d.Y)
		copy(gPlus, w.Grads)
		for i := range theta {
			w.Params[i] = theta[i] - float64(h*v[i])
		}
		lm := e.lossGrad(d.X, d.Y)
		r.Grads += 2
		if !isFinite(lp) || !isFinite(lm) {
			return errors.New("sinenet: the loss is NaN or infinite near these parameters, so their curvature is undefined; measure a network that has not diverged")
		}
		for i := range dst {
			dst[i] = (gPlus[i] - w.Grads[i]) / (2 * h)
		}
		return nil
	}

	// q holds the Lanczos vectors; alpha and beta the diagonal and
	// off-diagonal of T.
	q0 := make([]float64, n)
	if o.Start != nil {
		copy(q0, o.Start)
	} else {
		rng := NewRand(o.Seed)
		for i := range q0 {
			q0[i] = portable.Normal(rng)
		}
	}
	if !scaleUnit(q0) {
		return r, errors.New("sinenet: SharpnessOptions.Start is zero; pass nil for a random start")
	}
	q := [][]float64{q0}
	var alpha, beta []float64
	var ritz []float64
	var svec *mat.Dense
	for j := 0; j < iters; j++ {
		v := make([]float64, n)
		if err := hv(v, q[j]); err != nil {
			return r, err
		}
		a := dot(q[j], v)
		alpha = append(alpha, a)
		// Full reorthogonalization, done twice ("twice is enough"),
		// subtracts α q_j and β q_{j-1} along with the rest.
		for range 2 {
			for _, qi := range q {
				axpy(v, -dot(qi, v), qi)
			}
		}
		b := math.Sqrt(dot(v, v))
		r.Iters = j + 1
		var err error
		ritz, svec, err = tridiagEigen(alpha, beta)
		if err != nil {
			return r, err
		}
		k := len(alpha)
		top := svec.At(k-1, k-1) // last component of the top Ritz vector
		r.Residual = b * math.Abs(top)
		spread := max(math.Abs(ritz[0]), math.Abs(ritz[k-1]))
		if r.Residual <= tol*max(math.Abs(ritz[k-1]), 1e-3*spread) || b <= 1e-12*max(spread, 1e-300) || j+1 == iters {
			break
		}
		beta = append(beta, b)
		for i := range v {
			v[i] /= b
		}
		q = append(q, v)
	}
	k := len(alpha)
	r.Max, r.Min = ritz[k-1], ritz[0]
	r.Vec = make([]float64, n)
	for i := range k {
		axpy(r.Vec, svec.At(i, k-1), q[i])
	}
	scaleUnit(r.Vec)
	return r, nil
}

// tridiagEigen returns the eigenvalues, ascending, and eigenvectors (as
// columns) of the symmetric tridiagonal matrix with diagonal alpha and
// off-diagonal beta.
func tridiagEigen(alpha, beta []float64) ([]float64, *mat.Dense, error) {
	k := len(alpha)
	T := mat.NewSymDense(k, nil)
	for i, a := range alpha {
		T.SetSym(i, i, a)
		if i+1 < k {
			T.SetSym(i, i+1, beta[i])
		}
	}
	var e mat.EigenSym
	if !e.Factorize(T, true) {
		return nil, nil, errors.New("sinenet: the Lanczos tridiagonal eigenproblem did not converge; the Hessian-vector products may be NaN")
	}
	var V mat.Dense
	e.VectorsTo(&V)
	return e.Values(nil), &V, nil
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += float64(a[i] * b[i])
	}
	return s
}

// axpy sets y += a·x.
func axpy(y []float64, a float64, x []float64) {
	for i := range y {
		y[i] += float64(a * x[i])
	}
}

// scaleUnit scales v to unit length and reports false if v is zero.
func scaleUnit(v []float64) bool {
	s := math.Sqrt(dot(v, v))
	if s == 0 || !isFinite(s) {
		return false
	}
	for i := range v {
		v[i] /= s
	}
	return true
}

func normInf(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s = max(s, math.Abs(x))
	}
	return s
}

// SharpnessTrack records λmax along a training run: its Hook goes into
// Options.Hook, and Options.Every sets how often it measures. Each
// estimate starts from the previous one's eigenvector, so that most cost
// a few Hessian-vector products.
type SharpnessTrack struct {
	// Name labels the run in figure.Sharpness's legend.
	Name string
	// Data and Loss are what the sharpness is measured on: the training
	// data and loss of the run. A nil Loss means MeanSquared.
	Data Data
	Loss Loss
	// Options are passed to SharpnessWith (Start is managed by the track).
	Options SharpnessOptions

	Steps []int     // the steps measured
	Max   []float64 // λmax at each of Steps
	Grads int       // gradient evaluations spent on all the estimates
	vec   []float64
}

// Hook measures λmax of p.Model and records it at step p.Step.
func (s *SharpnessTrack) Hook(p Progress) error {
	if s == nil {
		return nilHook("SharpnessTrack")
	}
	return s.Measure(p.Model, p.Step)
}

// Measure records λmax of m at the given step, e.g. at step 0 before
// training starts.
func (s *SharpnessTrack) Measure(m *MLP, step int) error {
	o := s.Options
	if m != nil && len(s.vec) == m.NumParams() {
		o.Start = s.vec
	}
	r, err := SharpnessWith(m, s.Data, s.Loss, o)
	s.Grads += r.Grads
	if err != nil {
		return err
	}
	s.vec = r.Vec
	s.Steps, s.Max = append(s.Steps, step), append(s.Max, r.Max)
	return nil
}
