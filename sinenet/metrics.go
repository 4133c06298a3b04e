package sinenet

import (
	"fmt"
	"math"
)

// EvalPoints is the size of the grid on [-1, 9] that Evaluate measures
// a fit on: a step of 0.01.
const EvalPoints = 1001

// Prominence is how far a curve must turn back, up or down, for
// Extrema to count a turning point: 0.001, a quarter of a percent
// of the sine's amplitude 0.4. Float noise and flat stretches stay below
// it; the question's wiggles are far above it.
const Prominence = 1e-3

// Fit sums up how well a network matches the true curve.
type Fit struct {
	RMSE    float64 // root mean squared error against sin(x)/2.5 on the grid
	Extrema int     // local extrema of the fitted curve; the true curve has 3
}

func (f Fit) String() string {
	if f.Extrema < 0 {
		return "no fit: the model is nil or cannot run (a layer's Act that is not an activation, or Params changed after New); Train's error says what to fix"
	}
	return fmt.Sprintf("RMSE %.4f, %d extrema (the true curve has %d)", f.RMSE, f.Extrema, TrueExtrema)
}

// Evaluate measures m against the true curve on Grid(EvalPoints). A nil
// m, or one whose layers no longer make a network (see Train), has RMSE
// NaN and Extrema -1; Fit's String says so.
func Evaluate(m *MLP) Fit {
	if m == nil || m.check() != nil {
		return Fit{RMSE: math.NaN(), Extrema: -1}
	}
	g := Grid(EvalPoints)
	p := m.Predict(nil, g.X)
	return Fit{RMSE: rmse(p, g.Y), Extrema: len(Extrema(p, Prominence))}
}

// RMSE returns the root mean squared difference of p and y, with an error
// when their lengths differ or they are empty.
func RMSE(p, y []float64) (float64, error) {
	if len(p) != len(y) || len(p) == 0 {
		return math.NaN(), fmt.Errorf("sinenet: RMSE of %d predictions against %d targets; give one prediction per target, e.g. m.Predict(nil, d.X) against d.Y", len(p), len(y))
	}
	return rmse(p, y), nil
}

// rmse is RMSE for slices of the same length.
func rmse(p, y []float64) float64 {
	s := 0.0
	for i := range p {
		e := p[i] - y[i]
		s += float64(e * e)
	}
	return math.Sqrt(s / float64(len(p)))
}

// Extrema returns the indices of the local extrema of the curve y, from
// left to right. A maximum counts when the curve rises to it by at least
// prominence and then falls from it by at least prominence before rising
// above it again; a minimum likewise. The ends of the curve never count.
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
