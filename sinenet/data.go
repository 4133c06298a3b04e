package sinenet

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/sinenet/sinenet/internal/portable"
)

// The question and the answer, in numbers.
const (
	XMin          = -1.0 // x is drawn uniformly from [XMin, XMax)
	XMax          = 9.0
	NoiseStd      = 0.05 // standard deviation of the Gaussian noise on y
	Amplitude     = 1 / 2.5
	QuestionN     = 4000 // number of points in the question
	TrueExtrema   = 3    // local extrema of TrueCurve on [XMin, XMax]
	QuestionLR    = 4e-7 // its plain gradient descent on the summed squared error
	QuestionSteps = 3000
	AnswerLR      = 1e-2 // the answer's Adam on the L1 loss
	AnswerSteps   = 1000
)

// The choices, in the tutorial's order.
var (
	Activations = []Activation{Tanh, Sigmoid, ReLU, LeakyReLU, Softplus, Identity}
	Inits       = []Init{PyTorch, XavierUniform, XavierNormal, He, StdNormal}
	Losses      = []Loss{SumSquared{}, MeanSquared{}, L1{}, Huber{Delta: huberDelta}}
)

// Data is a set of one-dimensional samples (X[i], Y[i]).
type Data struct {
	X, Y []float64

	err error // why the function that made it could not, reported by Validate
}

func (d Data) Len() int { return len(d.X) }

// Validate reports empty data, X and Y of unequal lengths, and NaN or ±Inf.
func (d Data) Validate() error {
	if d.err != nil {
		return d.err
	}
	if len(d.X) == 0 {
		return errors.New("sinenet: the data is empty; make some with NoisySine(4000, seed)")
	}
	if len(d.X) != len(d.Y) {
		return fmt.Errorf("sinenet: x has %d values but y has %d; give one y per x", len(d.X), len(d.Y))
	}
	for i := range d.X {
		if !isFinite(d.X[i]) || !isFinite(d.Y[i]) {
			return fmt.Errorf("sinenet: sample %d is (%g, %g); remove NaN and infinite values", i, d.X[i], d.Y[i])
		}
	}
	return nil
}

// TrueCurve is the noise-free target of the question: sin(x)/2.5.
func TrueCurve(x float64) float64 { return Amplitude * portable.Sin(x) }

// NoisySine returns n points (QuestionN in the question) with x uniform in
// [-1, 9) and y = sin(x)/2.5 + N(0, 0.05²), the same for a seed everywhere.
func NoisySine(n int, seed uint64) Data {
	if n < 1 {
		return Data{err: fmt.Errorf("sinenet: NoisySine(%d, %d) makes no data; ask for at least 1 point, e.g. NoisySine(sinenet.QuestionN, %d)", n, seed, seed)}
	}
	rng := NewRand(seed)
	d := Data{X: make([]float64, n), Y: make([]float64, n)}
	for i := range n {
		x := XMin + float64((XMax-XMin)*rng.Float64())
		d.X[i] = x
		d.Y[i] = float64(TrueCurve(x)) + float64(NoiseStd*portable.Normal(rng))
	}
	return d
}

// Grid returns n ≥ 2 evenly spaced points on [-1, 9], ends included, with
// the noise-free curve as Y: Evaluate's yardstick.
func Grid(n int) Data {
	n = max(n, 2)
	d := Data{X: make([]float64, n), Y: make([]float64, n)}
	for i := range n {
		x := XMin + (XMax-XMin)*float64(i)/float64(n-1)
		d.X[i] = x
		d.Y[i] = TrueCurve(x)
	}
	return d
}

// Split shuffles d with seed into a training set and a validation set that
// holds the fraction val of the samples (0 < val < 1).
func (d Data) Split(val float64, seed uint64) (train, valid Data, err error) {
	if err := d.Validate(); err != nil {
		return Data{}, Data{}, err
	}
	if !(val > 0 && val < 1) {
		return Data{}, Data{}, fmt.Errorf("sinenet: validation fraction must be between 0 and 1, got %g; try 0.2", val)
	}
	n := d.Len()
	nv := int(math.Round(val * float64(n)))
	if nv == 0 || nv == n {
		return Data{}, Data{}, fmt.Errorf("sinenet: %d samples are too few to keep a fraction %g for validation; use more data", n, val)
	}
	perm := NewRand(seed).Perm(n)
	pick := func(idx []int) Data {
		s := Data{X: make([]float64, len(idx)), Y: make([]float64, len(idx))}
		for i, j := range idx {
			s.X[i], s.Y[i] = d.X[j], d.Y[j]
		}
		return s
	}
	return pick(perm[nv:]), pick(perm[:nv]), nil
}

// NewRand returns the package's random source: rand's PCG from seed, the
// same numbers on every machine.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x5eed5eed))
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
