package figure

import (
	"math"

	"github.com/sinenet/sinenet/sinenet"
)

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// firstNotFinite returns the index of the first NaN or infinite value of
// x, or -1.
func firstNotFinite(x []float64) int {
	for i, v := range x {
		if !isFinite(v) {
			return i
		}
	}
	return -1
}

// isEmpty reports whether err, from d.Validate, says only that d is
// empty: a figure draws empty data as none, while data that a function
// could not make (NoisySine(-5, 1)) is a mistake.
func isEmpty(d sinenet.Data, err error) bool {
	return d.Len() == 0 && err.Error() == (sinenet.Data{}).Validate().Error()
}
