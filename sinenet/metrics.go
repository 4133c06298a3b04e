package sinenet

import (
	"fmt"
	"math"
)

// EvalPoints is the size of Evaluate's grid on [-1, 9]: a step of 0.01.
const EvalPoints = 1001

// Prominence is how far a curve must turn back for Evaluate's Extrema.
const Prominence = 1e-3

// Evaluation is how well a network matches the true curve.
type Evaluation struct {
	RMSE    float64 // root mean squared error against sin(x)/2.5 on the grid
	Extrema int     // local extrema of the fitted curve; the true curve has 3
}

func (f Evaluation) String() string {
	if f.Extrema < 0 {
		return "no fit: the model is nil or cannot run (a layer's Act that is not an activation, or Params changed after New); Train's error says what to fix"
	}
	return fmt.Sprintf("RMSE %.4f, %d extrema (the true curve has %d)", f.RMSE, f.Extrema, TrueExtrema)
}

// Evaluate measures m against the true curve on Grid(EvalPoints); a nil m,
// or one Train would refuse, gets RMSE NaN and Extrema -1.
func Evaluate(m *MLP) Evaluation {
	if m == nil || m.check() != nil {
		return Evaluation{RMSE: math.NaN(), Extrema: -1}
	}
	g := Grid(EvalPoints)
	p := m.Predict(nil, g.X)
	return Evaluation{RMSE: rmse(p, g.Y), Extrema: len(Extrema(p, Prominence))}
}

// rmse returns the root mean squared difference of p and y, of the same
// length.
func rmse(p, y []float64) float64 {
	s := 0.0
	for i := range p {
		e := p[i] - y[i]
		s += float64(e * e)
	}
	return math.Sqrt(s / float64(len(p)))
}

// Extrema returns the indices of y's local extrema, left to right: each a
// turn, not at the ends, by at least prominence each way.
func Extrema(y []float64, prominence float64) []int {
	var idx []int
	dir := 0       // +1 while rising towards a maximum, -1 while falling, 0 unknown
	lo, hi := 0, 0 // the lowest and highest point since the last extremum
	for i := 1; i < len(y); i++ {
		switch dir {
		case 0:
			if y[i] > y[hi] {
				hi = i
			}
			if y[i] < y[lo] {
				lo = i
			}
			if y[hi]-y[lo] >= prominence {
				dir = 1
				if hi < lo {
					dir = -1
				}
			}
		case 1:
			if y[i] >= y[hi] {
				hi = i
			} else if y[hi]-y[i] >= prominence {
				idx = append(idx, hi)
				dir, lo = -1, i
			}
		case -1:
			if y[i] <= y[lo] {
				lo = i
			} else if y[i]-y[lo] >= prominence {
				idx = append(idx, lo)
				dir, hi = 1, i
			}
		}
	}
	return idx
}
