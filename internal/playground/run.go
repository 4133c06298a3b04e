package playground

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/sinenet/sinenet/internal/portable"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/knobs"
)

// Interval is the wait between two frames of a run, or three times what
// drawing a frame takes when that is longer, so that drawing takes at
// most a quarter of the time. The first frame comes after the first step.
const Interval = 150 * time.Millisecond

// GridPoints is the number of points on [-1, 9] where a frame gives the fit.
const GridPoints = 201

// Start is what the page draws once per run: the data, the true curve on
// the grid, and the loss a perfect fit would have on the noisy data
// (the noise floor), for training and validation.
type Start struct {
	Query       string // the settings, as Settings.Query
	Summary     Text   // the settings in one line
	X, Y        Nums   // the training data
	GridX       Nums   // the grid of the fit
	TrueY       Nums   // the true curve on the grid
	Floor       Nums   // the noise floor: training, validation
	Steps       int
	Loss        string // the loss's name
	Exact       bool   // whether the run has a fingerprint
	NoPrint     Text   // why it has none
	ParamsCount int
	Notebook    string // Go code that trains s as the page does (Settings.Notebook)
}

// Frame is one drawing of a run in progress or done.
type Frame struct {
	Step        int     // steps done
	From        int     // Loss and ValLoss start at this step's loss
	Loss        Nums    // the training loss of steps From, From+1, … (new since the last frame)
	ValLoss     Nums    // the validation loss of the same steps
	Fit         Nums    // the network on Start's grid
	RMSE        float64 // against the true curve (sinenet.Evaluate)
	Extrema     int     // of the fit; the true curve has 3
	Ms          float64 // milliseconds since Run started
	Final       bool    // the run is over
	Fingerprint string  // of the final parameters, for an exact run that finished
	Err         string  // what stopped the run (in English, as sinenet's errors are)
	Diverged    bool    // Err is a *sinenet.DivergedError
	DivStep     int     // the step that diverged
	Suggest     float64 // a learning rate to try instead, or 0
}

// Nums are numbers that JSON gives NaN and ±Inf as null (a loss that
// diverged).
type Nums []float64

// MarshalJSON writes n as a JSON array, with null for NaN and ±Inf.
func (n Nums) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, v := range n {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendFloat(b, v, 'g', 6, 64)
	}
	return append(b, ']'), nil
}

var _ json.Marshaler = Nums(nil)

// Valid returns the validation set of s: a quarter as many points as the
// training data (20 to 500), drawn like knobs.Settings.Data with other
// seeds. Train measures it at every step; it does not change the run.
func (s Settings) Valid() sinenet.Data {
	n := min(max(s.Points/4, 20), 500)
	d := sinenet.NoisySine(n, knobs.Seed+2)
	rng := sinenet.NewRand(knobs.Seed + 3)
	for i := range d.Y {
		d.Y[i] = sinenet.TrueCurve(d.X[i]) + float64(s.Noise*portable.Normal(rng))
	}
	return d
}

// floor is the loss that the true curve has on d.
func floor(loss sinenet.Loss, d sinenet.Data) float64 {
	p := make([]float64, d.Len())
	for i, x := range d.X {
		p[i] = sinenet.TrueCurve(x)
	}
	return loss.Eval(nil, p, d.Y)
}

// Run trains the network of s on knobs' data for s (knobs.Settings.Data,
// as notebook 6 does), calls start once, then frame after the first
// step, at most every Interval, and after the last step (Final). It
// returns the trained model, or nil when s cannot train. A cancelled ctx
// stops the run without a final frame.
func Run(ctx context.Context, s Settings, start func(Start), frame func(Frame)) *sinenet.MLP {
	t0 := time.Now()
	d, valid := s.Data(), s.Valid()
	exact, _ := s.Exact()
	st := Start{Query: s.Query(), Notebook: s.Notebook(), Summary: both(s.String), X: d.X, Y: d.Y, Steps: s.Steps, Loss: s.Loss, Exact: exact,
		NoPrint: both(func() string { _, why := s.Exact(); return why })}
	st.GridX = sinenet.Grid(GridPoints).X
	for _, x := range st.GridX {
		st.TrueY = append(st.TrueY, sinenet.TrueCurve(x))
	}
	m, err := sinenet.New(s.Config())
	var o sinenet.Options
	if err == nil {
		o, err = s.Options()
	}
	if err != nil {
		start(st)
		frame(Frame{Final: true, Err: err.Error(), Ms: ms(t0)})
		return nil
	}
	st.Floor = Nums{floor(o.Loss, d), floor(o.Loss, valid)}
	st.ParamsCount = len(m.Params)
	start(st)

	sent := 0 // the history's length at the last frame
	var last time.Time
	var cost time.Duration // of drawing the last frame
	draw := func(h *sinenet.History, final bool) Frame {
		t := time.Now()
		f := Frame{Step: len(h.Loss), From: sent, Loss: Nums(h.Loss[sent:]), Final: final}
		if len(h.ValLoss) >= len(h.Loss) {
			f.ValLoss = Nums(h.ValLoss[sent:len(h.Loss)])
		}
		sent = len(h.Loss)
		f.Fit = m.Predict(nil, st.GridX)
		fit := sinenet.Evaluate(m)
		f.RMSE, f.Extrema = fit.RMSE, fit.Extrema
		last, cost = time.Now(), time.Since(t)
		f.Ms = ms(t0)
		return f
	}
	o.Valid, o.Every = valid, 1
	o.Hook = func(p sinenet.Progress) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Step < p.Steps && (p.Step == 1 || time.Since(last) >= max(Interval, 3*cost)) {
			frame(draw(p.History, false))
		}
		return ctx.Err()
	}
	h, err := sinenet.Train(ctx, m, d, o)
	if ctx.Err() != nil {
		return nil
	}
	if h == nil {
		h = &sinenet.History{}
	}
	f := draw(h, true)
	if err != nil {
		f.Err = err.Error()
		var de *sinenet.DivergedError
		if errors.As(err, &de) {
			f.Diverged, f.DivStep, f.Suggest = true, de.Step, de.Suggest
		}
	} else if exact {
		f.Fingerprint = m.Fingerprint()
	}
	frame(f)
	return m
}

func ms(t0 time.Time) float64 { return float64(time.Since(t0).Microseconds()) / 1000 }
