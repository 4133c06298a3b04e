package sinenet

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"
)

// Options are the settings of Train. The zero value of each field is its
// default, except Optimizer, which must be set.
type Options struct {
	// Optimizer updates the parameters, e.g. NewAdam(1e-2). Required.
	Optimizer Optimizer
	// Loss is minimised; nil means MeanSquared.
	Loss Loss
	// Schedule, if set, sets the learning rate before every step from the
	// optimizer's starting rate.
	Schedule Schedule
	// Steps is the number of updates; 0 means 1000.
	Steps int
	// BatchSize is the number of samples per step. 0 (or ≥ the data
	// size) means full-batch gradient descent, as in the question.
	// Smaller batches are drawn without replacement from a shuffle.
	BatchSize int
	// Seed seeds the mini-batch shuffle.
	Seed uint64
	// Valid, if not empty, is a validation set whose loss is recorded at
	// every step.
	Valid Data
	// Hook, if set, is called every Every steps and after the last one.
	// An error it returns stops training and is returned by Train
	// (ErrStop stops without an error).
	Hook func(Progress) error
	// Every is the period of Hook in steps; 0 means 100.
	Every int
	// Reference runs every step through the readable float64 forward
	// and backward pass of mlp.go (MLP.LossGrad). By default (false),
	// Train runs the same pass in float32 with SIMD kernels on all cores
	// (fast.go), whose gradient agrees with it to within 3e-4 of the
	// gradient's largest element (typically 3e-5), and which is many
	// times faster. Set it to step through the code, or to check a
	// result in float64.
	Reference bool
}

// ErrStop, returned by a Hook, stops training early without an error.
var ErrStop = errors.New("sinenet: stop training")

// Progress is what a Hook sees.
type Progress struct {
	Step, Steps int           // steps done and planned
	Loss        float64       // training loss of the last step
	Elapsed     time.Duration // wall time since Train started
	Model       *MLP
	History     *History
}

// History records a training run.
type History struct {
	// Name labels the run in legends; Train sets the optimizer's name.
	Name string
	// Loss is the training loss at every step, measured before that
	// step's update (mini-batch runs record the batch's loss).
	Loss []float64
	// ValLoss is the validation loss at every step, when Options.Valid
	// was given.
	ValLoss []float64
	// Time is the wall time from the start to the end of every step.
	Time []time.Duration
}

// Final returns the last recorded training loss, or NaN for none.
func (h *History) Final() float64 {
	if len(h.Loss) == 0 {
		return math.NaN()
	}
	return h.Loss[len(h.Loss)-1]
}

// DivergedError reports a loss or parameter that became NaN or infinite.
type DivergedError struct {
	Step int     // the step, from 1, at which it was seen
	Loss float64 // the offending loss
	LR   float64 // the learning rate in force
}

func (e *DivergedError) Error() string {
	return fmt.Sprintf("sinenet: the loss became %g at step %d (learning rate %.3g): the steps are too large for this setup; "+
		"try a smaller learning rate, e.g. %.3g", e.Loss, e.Step, e.LR, e.LR/10)
}

// Validate reports settings that cannot train and how to fix them.
func (o *Options) Validate() error {
	if o.Optimizer == nil {
		return errors.New("sinenet: no optimizer; set Options.Optimizer, e.g. sinenet.NewAdam(1e-2)")
	}
	if err := o.Optimizer.Validate(); err != nil {
		return err
	}
	if o.Schedule != nil {
		if err := o.Schedule.Validate(); err != nil {
			return err
		}
	}
	if o.Steps < 0 {
		return fmt.Errorf("sinenet: Steps is %d; use a positive number, or 0 for the default 1000", o.Steps)
	}
	if o.BatchSize < 0 {
		return fmt.Errorf("sinenet: BatchSize is %d; use a positive number, or 0 for the full batch", o.BatchSize)
	}
	if o.Every < 0 {
		return fmt.Errorf("sinenet: Every is %d; use a positive number, or 0 for the default 100", o.Every)
	}
	return nil
}

// Train fits m to d and returns the history of the run. It stops early,
// returning the history so far with an error, when ctx is cancelled, when
// a Hook returns an error, and with a *DivergedError when the loss turns
// NaN or infinite.
func Train(ctx context.Context, m *MLP, d Data, o Options) (*History, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if err := checkData(m, d, "training"); err != nil {
		return nil, err
	}
	if d.Len() > 0 && o.Valid.Len() > 0 {
		if err := checkData(m, o.Valid, "validation"); err != nil {
			return nil, err
		}
	}
	if o.Loss == nil {
		o.Loss = MeanSquared{}
	}
	if o.Steps == 0 {
		o.Steps = 1000
	}
	if o.Every == 0 {
		o.Every = 100
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if l, ok := o.Optimizer.(Minimizer); ok {
		return trainLBFGS(ctx, m, d, o, l)
	}
	opt, ok := o.Optimizer.(Stepper)
	if !ok {
		return nil, fmt.Errorf("sinenet: %s is neither a Stepper nor a Minimizer; give it a Step or a Minimize method", o.Optimizer.Name())
	}
	opt.Reset()
	base := opt.LR()
	defer opt.SetLR(base) // leave the optimizer as it was given

	h := &History{
		Name: opt.Name(),
		Loss: make([]float64, 0, o.Steps),
		Time: make([]time.Duration, 0, o.Steps),
	}
	var vp []float64
	if o.Valid.Len() > 0 {
		h.ValLoss = make([]float64, 0, o.Steps)
		vp = make([]float64, o.Valid.Len())
	}
	batches := newBatcher(d, o.BatchSize, o.Seed)
	start := time.Now()
	progress := func(step int) error {
		if o.Hook == nil {
			return nil
		}
		return o.Hook(Progress{Step: step, Steps: o.Steps, Loss: h.Final(), Elapsed: time.Since(start), Model: m, History: h})
	}
	for t := range o.Steps {
		if err := ctx.Err(); err != nil {
			return h, fmt.Errorf("sinenet: training stopped after %d of %d steps: %w", t, o.Steps, err)
		}
		if o.Schedule != nil {
			opt.SetLR(o.Schedule.LR(base, t))
		}
		x, y := batches.next()
		L := m.lossGrad(x, y, o.Loss, o.Reference)
		if !isFinite(L) {
			return h, &DivergedError{Step: t + 1, Loss: L, LR: opt.LR()}
		}
		h.Loss = append(h.Loss, L)
		if vp != nil {
			h.ValLoss = append(h.ValLoss, o.Loss.Eval(nil, m.predict(vp, o.Valid.X, o.Reference), o.Valid.Y))
		}
		opt.Step(m.Params, m.Grads)
		h.Time = append(h.Time, time.Since(start))
		if (t+1)%o.Every == 0 || t+1 == o.Steps {
			if err := progress(t + 1); err != nil {
				if errors.Is(err, ErrStop) {
					return h, nil
				}
				return h, err
			}
		}
	}
	for _, p := range m.Params {
		if !isFinite(p) {
			return h, &DivergedError{Step: o.Steps, Loss: p, LR: opt.LR()}
		}
	}
	return h, nil
}

// checkData reports data that m cannot be trained or measured on.
func checkData(m *MLP, d Data, what string) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("%w (%s data)", err, what)
	}
	if m.In() != 1 || m.Out() != 1 {
		return fmt.Errorf("sinenet: the %s data has one x and one y per sample, but the network maps %d inputs to %d outputs; use Sizes that start and end with 1",
			what, m.In(), m.Out())
	}
	return nil
}

// batcher hands out the full batch, or mini-batches from a reshuffled
// order, into buffers it owns, so that a step allocates nothing.
type batcher struct {
	d     Data
	size  int
	perm  []int
	pos   int
	x, y  []float64
	rng   interface{ Shuffle(int, func(i, j int)) }
	whole bool
}

func newBatcher(d Data, size int, seed uint64) *batcher {
	b := &batcher{d: d, size: size, whole: size == 0 || size >= d.Len()}
	if !b.whole {
		b.perm = make([]int, d.Len())
		for i := range b.perm {
			b.perm[i] = i
		}
		b.pos = len(b.perm) // shuffle before the first batch
		b.rng = NewRand(seed)
		b.x, b.y = make([]float64, size), make([]float64, size)
	}
	return b
}

func (b *batcher) next() (x, y []float64) {
	if b.whole {
		return b.d.X, b.d.Y
	}
	for i := range b.size {
		if b.pos == len(b.perm) {
			b.rng.Shuffle(len(b.perm), func(i, j int) { b.perm[i], b.perm[j] = b.perm[j], b.perm[i] })
			b.pos = 0
		}
		j := b.perm[b.pos]
		b.pos++
		b.x[i], b.y[i] = b.d.X[j], b.d.Y[j]
	}
	return b.x, b.y
}
