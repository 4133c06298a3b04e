package figure

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"gonum.org/v1/plot"
)

// niceTicks labels every multiple of 1, 2 or 5 times a power of ten, at
// most 7 of them, with unlabelled minor ticks between. gonum/plot's
// default labels fewer (0, 4, 8 on the x-axis of a fit).
type niceTicks struct{}

func (niceTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo < hi) || math.IsInf(hi-lo, 0) {
		return plot.DefaultTicks{}.Ticks(lo, hi)
	}
	step := math.Pow(10, math.Floor(math.Log10((hi-lo)/7)))
	minor := step / 2
	for _, m := range []float64{1, 2, 5, 10} {
		if (hi-lo)/(m*step) <= 7 {
			step, minor = m*step, m*step/map[float64]float64{1: 5, 2: 4, 5: 5, 10: 5}[m]
			break
		}
	}
	var ticks []plot.Tick
	for i := math.Ceil(lo/minor - 1e-9); i*minor <= hi+minor*1e-9; i++ {
		v := i * minor
		t := plot.Tick{Value: v}
		if r := math.Remainder(v, step); math.Abs(r) < minor*1e-6 {
			t.Label = strconv.FormatFloat(math.Round(v/step)*step+0, 'g', 6, 64)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// logTicks labels a log axis between the decades too: at 1, 2 and 5
// times each power of ten, or else at 1 and 3 times, whichever is the
// denser with at most maxLogLabels labels, or else at the powers of ten
// alone, like plot.LogTicks (at multiples of a round number
// of decades over more than maxLogLabels of them). When that labels fewer than two ticks (a range
// of less than a decade) it labels every digit times them. Every digit
// times a power of ten gets a tick, up to maxLogLabels decades.
//
// Labels limits the labels instead (0: maxLogLabels), for a horizontal
// axis, whose labels need their width, not their height.
type logTicks struct{ Labels int }

// maxLogLabels is the most labels logTicks puts on an axis: 10 labels
// 12 points high stay apart on an axis of 300 points.
const maxLogLabels = 10

func (lt logTicks) Ticks(lo, hi float64) []plot.Tick {
	most := maxLogLabels
	if lt.Labels > 0 {
		most = lt.Labels
	}
	if !(0 < lo && lo < hi) || math.IsInf(hi, 0) {
		return plot.LogTicks{Prec: -1}.Ticks(lo, hi)
	}
	if e0, e1 := math.Ceil(math.Log10(lo)-1e-9), math.Floor(math.Log10(hi)+1e-9); e1-e0+1 > float64(most) {
		// Too many decades: a tick at each, a label at the multiples of
		// a round k.
		k := 1.0
		for _, m := range []float64{1, 2, 5, 10, 20, 50, 100, 200, 500} {
			if k = m; (e1-e0+1)/m <= float64(most) {
				break
			}
		}
		var ticks []plot.Tick
		for e := e0; e <= e1; e++ {
			v, _ := strconv.ParseFloat(fmt.Sprintf("1e%d", int(e)), 64) // exact, unlike math.Pow
			t := plot.Tick{Value: v}
			if math.Mod(e, k) == 0 {
				t.Label = strconv.FormatFloat(v, 'g', -1, 64)
			}
			ticks = append(ticks, t)
		}
		return ticks
	}
	var ticks []plot.Tick
	for _, labelled := range [][]float64{{1, 2, 5}, {1, 3}, {1}, {1, 2, 3, 4, 5, 6, 7, 8, 9}} {
		ticks = ticks[:0]
		n := 0
		for e := math.Floor(math.Log10(lo)); e <= math.Ceil(math.Log10(hi)); e++ {
			for d := 1.0; d <= 9; d++ {
				v := d * math.Pow(10, e)
				if e < 0 {
					v = d / math.Pow(10, -e) // exact for 0.3, unlike 3 × 0.1
				}
				if v < lo*(1-1e-9) || v > hi*(1+1e-9) {
					continue
				}
				t := plot.Tick{Value: v}
				if slices.Contains(labelled, d) {
					t.Label = strconv.FormatFloat(v, 'g', -1, 64)
					n++
				}
				ticks = append(ticks, t)
			}
		}
		if n >= 2 && n <= most || len(labelled) == 1 && n >= 2 {
			break
		}
	}
	return ticks
}

// logAxis makes a a logarithmic axis, labelled by logTicks.
func logAxis(a *plot.Axis) {
	a.Scale, a.Tick.Marker = logScale{}, logTicks{}
}

// widenFlat widens the range of a log axis a that holds a single value v
// to [v/2, 2v]: gonum/plot would pad it by 1 either side, below 0 for a
// v under 1, where a log axis cannot go.
func widenFlat(a *plot.Axis) {
	if a.Min == a.Max && a.Min > 0 {
		a.Min, a.Max = a.Min/2, a.Max*2
	}
}

// isLog reports whether a is a logarithmic axis.
func isLog(a *plot.Axis) bool {
	switch a.Scale.(type) {
	case logScale, plot.LogScale:
		return true
	}
	return false
}

// logScale is plot.LogScale but for one value. gonum/plot v0.17 puts the
// box of the y-axis title at Norm((Min+Max)/2), the middle of a linear
// axis but high up a log one, and shrinks the plot until that box fits:
// a long title on a log axis left a gap under the plot's title. logScale
// puts that one value in the middle, where the title is drawn. (A data
// value exactly equal to (Min+Max)/2 would be drawn there too.)
type logScale struct{}

func (logScale) Normalize(min, max, x float64) float64 {
	if x == 0.5*(min+max) {
		return 0.5
	}
	return plot.LogScale{}.Normalize(min, max, x)
}
