package sinenet

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// LossOptions are the settings of PlotLoss.
type LossOptions struct {
	// Title is the plot's title; "" means "Training loss".
	Title string
	// YLabel names the loss on the y-axis; "" means "loss".
	YLabel string
	// LogY draws the loss on a logarithmic scale, to see a loss that falls
	// by orders of magnitude, like the question's summed squared error.
	LogY bool
	// MaxPoints is the most points drawn per curve; 0 means 1000. A longer
	// run is cut into MaxPoints/2 buckets of steps, drawn as a line through
	// each bucket's mean within a light band from its minimum to its
	// maximum, so that no spike is lost.
	MaxPoints int
}

// PlotLoss draws the training loss of each run against the step, and its
// validation loss dashed when it was recorded. Each run is coloured by its
// Name (see OptimizerColor); runs of the same colour get different dashes.
// It is made of lines: SVG shows it crisply.
func PlotLoss(o LossOptions, hs ...*History) (*plot.Plot, error) {
	if len(hs) == 0 {
		return nil, errors.New("sinenet: PlotLoss of no history; pass one or more, e.g. PlotLoss(LossOptions{}, h)")
	}
	title, ylabel := o.Title, o.YLabel
	if title == "" {
		title = "Training loss"
	}
	if ylabel == "" {
		ylabel = "loss"
	}
	maxPts := o.MaxPoints
	if maxPts <= 0 {
		maxPts = 1000
	}
	p := newPlot(title, "step", ylabel)
	if o.LogY {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	used := map[string]int{} // runs drawn so far per colour key
	steps := 0
	for i, h := range hs {
		if h == nil || len(h.Loss) == 0 {
			return nil, fmt.Errorf("sinenet: PlotLoss history %d is empty; pass the History that Train returned", i)
		}
		name := h.Name
		if name == "" {
			name = fmt.Sprintf("run %d", i+1)
		}
		steps = max(steps, len(h.Loss))
		col := OptimizerColor(name)
		dash := dashes[used[colorKey(name)]%len(dashes)]
		used[colorKey(name)]++
		for _, s := range []struct {
			y      []float64
			suffix string
			dash   []vg.Length
		}{{h.Loss, "", dash}, {h.ValLoss, " (valid)", dashes[2]}} {
			if len(s.y) == 0 {
				continue
			}
			if i := firstNotFinite(s.y); i >= 0 {
				return nil, fmt.Errorf("sinenet: PlotLoss: %s%s has a loss of %g at step %d, which no axis can draw; plot only the steps before it, e.g. a copy of the History with Loss[:%d]",
					name, s.suffix, s.y[i], i+1, i)
			}
			y := s.y
			if o.LogY {
				y = positive(y)
			}
			mean, band := thin(y, maxPts)
			if band != nil {
				poly, err := plotter.NewPolygon(band)
				if err != nil {
					return nil, err
				}
				poly.Color, poly.LineStyle.Width = light(col, 0x50), 0
				p.Add(poly)
			}
			l, err := plotter.NewLine(mean)
			if err != nil {
				return nil, err
			}
			l.Color, l.Width, l.Dashes = col, vg.Points(2), s.dash
			p.Add(l)
			p.Legend.Add(name+s.suffix, l)
		}
	}
	p.X.Min, p.X.Max = 0, float64(steps) // the whole run, also when thinned
	if o.LogY {
		p.Y.Max *= math.Pow(p.Y.Max/p.Y.Min, 0.15)
	} else {
		headroom(p, 0.15)
	}
	p.Add(legendBox{p})
	return p, nil
}

// thin returns the curve y against the step 1, 2, … as at most maxPts
// points. A longer curve is cut into maxPts/2 buckets: mean holds each
// bucket's mean at its middle step, and band is the polygon from the
// bucket minima up to the maxima (nil when y is short enough).
func thin(y []float64, maxPts int) (mean plotter.XYs, band plotter.XYs) {
	if len(y) <= maxPts {
		mean = make(plotter.XYs, len(y))
		for i, v := range y {
			mean[i] = plotter.XY{X: float64(i + 1), Y: v}
		}
		return mean, nil
	}
	nb := max(maxPts/2, 1)
	lows := make(plotter.XYs, 0, nb)
	for b := range nb {
		lo, hi := b*len(y)/nb, (b+1)*len(y)/nb
		sum, mn, mx := 0.0, math.Inf(1), math.Inf(-1)
		for _, v := range y[lo:hi] {
			sum += v
			mn, mx = math.Min(mn, v), math.Max(mx, v)
		}
		x := float64(lo+hi+1) / 2 // the middle of steps lo+1 … hi
		mean = append(mean, plotter.XY{X: x, Y: sum / float64(hi-lo)})
		lows = append(lows, plotter.XY{X: x, Y: mn})
		band = append(band, plotter.XY{X: x, Y: mx})
	}
	for i := len(lows) - 1; i >= 0; i-- {
		band = append(band, lows[i])
	}
	return mean, band
}

// positive returns y with every value ≤ 0 raised to the smallest positive
// value in y, so that it can be drawn on a log scale.
func positive(y []float64) []float64 {
	floor := math.Inf(1)
	for _, v := range y {
		if v > 0 {
			floor = math.Min(floor, v)
		}
	}
	if math.IsInf(floor, 1) {
		floor = 1e-12
	}
	out := make([]float64, len(y))
	for i, v := range y {
		out[i] = math.Max(v, floor)
	}
	return out
}
