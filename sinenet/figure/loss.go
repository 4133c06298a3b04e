package figure

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

// LossOptions are the settings of Loss.
type LossOptions struct {
	// Title is the plot's title; "" means "Training loss".
	Title string
	// YLabel names the loss on the y-axis; "" means "loss".
	YLabel string
	// LogY draws the loss on a logarithmic scale, to see a loss that falls
	// by orders of magnitude, like the question's summed squared error.
	// Without LogY or LinearY the scale is logarithmic when the losses
	// span a factor of 10 or more, and linear otherwise.
	LogY bool
	// LinearY draws the loss on a linear scale whatever its span.
	LinearY bool
	// MaxPoints is the most points drawn per curve; 0 means 1000. A longer
	// run is cut into MaxPoints/2 buckets of steps, drawn as a line through
	// each bucket's mean within a light band from its minimum to its
	// maximum, so that no spike is lost; the key says how many steps a
	// bucket holds.
	MaxPoints int
	// Marks are reference lines, each named in the key: Mark{X: 1000}
	// at a step where something starts, Mark{Y: 0.0025} at a level such
	// as the noise floor.
	Marks []Mark
}

// Loss draws the training loss of each run against the step, and its
// validation loss dotted in a lighter tint when it was recorded. Each run
// is coloured by its Name (see OptimizerColor); further runs of the same
// optimizer get darker or lighter shades of its colour and other dashes,
// so that no two curves share a colour. The key sits where it covers no
// curve, the top of the y-axis raised to make room for it if need be.
// It is made of lines: SVG shows it crisply.
func Loss(o LossOptions, hs ...*sinenet.History) (*plot.Plot, error) {
	if len(hs) == 0 {
		return nil, errors.New("sinenet: Loss of no history; pass one or more, e.g. Loss(LossOptions{}, h)")
	}
	if o.LogY && o.LinearY {
		return nil, errors.New("sinenet: Loss with both LogY and LinearY; set one, or neither for a scale chosen from the losses")
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
	steps := 0
	for i, h := range hs {
		if h == nil || len(h.Loss) == 0 {
			return nil, fmt.Errorf("sinenet: Loss history %d is empty; pass the History that Train returned", i)
		}
		steps = max(steps, len(h.Loss))
	}
	logY := o.LogY || !o.LinearY && spansDecade(hs)
	p := newPlot(title, "step", ylabel)
	if logY {
		logAxis(&p.Y)
	}
	key := &legend{}
	used := map[string]int{} // runs drawn so far per colour key
	bucket := 0              // steps per bucket of a thinned curve
	for i, h := range hs {
		name := h.Name
		if name == "" {
			name = fmt.Sprintf("run %d", i+1)
		}
		col, dash := runStyle(name, used)
		for _, s := range []struct {
			y      []float64
			suffix string
			col    color.Color
			dash   []vg.Length
		}{{h.Loss, "", col, dash}, {h.ValLoss, " (valid)", shade(col, 0.45), dashes[2]}} {
			if len(s.y) == 0 {
				continue
			}
			if i := firstNotFinite(s.y); i >= 0 {
				return nil, fmt.Errorf("sinenet: Loss: %s%s has a loss of %g at step %d, which no axis can draw; plot only the steps before it, e.g. a copy of the History with Loss[:%d]",
					name, s.suffix, s.y[i], i+1, i)
			}
			y := s.y
			if logY {
				y = positive(y)
			}
			mean, band := thin(y, maxPts)
			l, err := plotter.NewLine(mean)
			if err != nil {
				return nil, err
			}
			l.Color, l.Width, l.Dashes = s.col, vg.Points(2), s.dash
			if band != nil {
				poly, err := plotter.NewPolygon(band)
				if err != nil {
					return nil, err
				}
				poly.Color, poly.LineStyle.Width = light(s.col, 0x50), 0
				key.plot(p, poly)
				bucket = max(bucket, (len(y)+len(mean)-1)/len(mean))
			}
			key.plot(p, l)
			key.add(name+s.suffix, l)
		}
	}
	if bucket > 0 {
		band, err := plotter.NewPolygon(plotter.XYs{{X: 0, Y: 0}, {X: 1, Y: 0}, {X: 1, Y: 1}})
		if err != nil {
			return nil, err
		}
		band.Color, band.LineStyle.Width = light(rgb(0x808080), 0x60), 0
		key.add(fmt.Sprintf("shade: min–max of %d steps", bucket), band)
	}
	p.X.Min, p.X.Max = 0, float64(steps) // the whole run, also when thinned
	if err := addMarks(p, key, o.Marks); err != nil {
		return nil, err
	}
	// A little room over the highest loss, so that no curve runs along
	// the top edge as if cut off.
	if logY {
		widenFlat(&p.Y)
		p.Y.Max *= math.Pow(p.Y.Max/p.Y.Min, 0.03)
	} else {
		p.Y.Max += 0.03 * (p.Y.Max - p.Y.Min)
	}
	key.attach(p, growUp)
	return p, nil
}

// runStyle returns the colour and dashes of a run called name, given
// how many runs of each colour key were drawn before it (and counts
// it): the optimizer's colour (see OptimizerColor) and a solid line for
// the first, then darker and lighter shades of it and other dashes. A
// dark colour (navy, black) is lightened first instead, since a darker
// shade of it is hard to tell from it.
func runStyle(name string, used map[string]int) (color.RGBA, []vg.Length) {
	k := used[colorKey(name)]
	used[colorKey(name)]++
	f := []float64{0, -0.45, 0.45, -0.7, 0.65}[k%5]
	c := OptimizerColor(name)
	if r, g, b, _ := c.RGBA(); 0.299*float64(r)+0.587*float64(g)+0.114*float64(b) < 0.3*0xffff {
		f = -f
	}
	return shade(c, f), dashes[k%len(dashes)]
}

// spansDecade reports whether the losses of hs span a factor of 10 or
// more.
func spansDecade(hs []*sinenet.History) bool {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, h := range hs {
		for _, y := range [][]float64{h.Loss, h.ValLoss} {
			for _, v := range y {
				if v > 0 {
					lo, hi = math.Min(lo, v), math.Max(hi, v)
				}
			}
		}
	}
	return hi >= 10*lo
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
