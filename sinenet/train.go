package sinenet

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"
)

// Options are the settings of Train; Optimizer must be set.
type Options struct {
	Optimizer Optimizer // e.g. NewAdam(1e-2)
	Loss      Loss      // nil means MeanSquared
	Schedule  Schedule  // if set, each step's rate, from the optimizer's LR
	Steps     int       // 0 means 1000
	BatchSize int       // samples per step, drawn without replacement; 0 means all
	Seed      uint64    // seeds the mini-batch shuffle
	Valid     Data      // if not empty, a validation set whose loss is recorded
	// Hook, if set, is called every Every steps (0 means 100) and after
	// the last; an error stops training (ErrStop without an error).
	Hook      func(Progress) error
	Every     int
	Reference bool // MLP.LossGrad's float64 pass instead of the float32 fast path
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
	Name    string    // for legends: the optimizer's Name
	Loss    []float64 // the (batch's) loss before each step's update
	ValLoss []float64 // the loss on Options.Valid at each step, if given
	// Evals counts the evaluations of the loss and its gradient up to each
	// recorded loss: t+1 at step t of a Stepper, more for a Minimizer,
	// whose line search may try several points per iteration.
	Evals []int
	Time  []time.Duration // wall time from the start to the end of each step
}

// Final returns the last recorded training loss, or NaN for none.
func (h *History) Final() float64 {
	if len(h.Loss) == 0 {
		return math.NaN()
	}
	return h.Loss[len(h.Loss)-1]
}

// Rose reports a run whose last recorded loss is above its first, usually
// a rate too large for the curvature (notebook 02b). Train does not fail
// such a run; Rose and String say so.
func (h *History) Rose() bool {
	return len(h.Loss) > 1 && h.Final() > h.Loss[0]
}

// String sums up the run, e.g. "Adam: loss 2932 → 59.6 in 3000 steps",
// and says when the loss ended above where it started.
func (h *History) String() string {
	n := len(h.Loss)
	if n == 0 {
		return h.Name + ": no steps recorded"
	}
	s := fmt.Sprintf("%s: loss %.4g → %.4g in %d steps", h.Name, h.Loss[0], h.Final(), n)
	if h.Rose() {
		s += fmt.Sprintf("; the loss ended higher than it started (%.3g×): lower the learning rate", h.Final()/h.Loss[0])
	}
	return s
}

// The defaults of Options.Steps and Options.Every.
const (
	defaultSteps = 1000
	defaultEvery = 100
)

// Validate reports settings that cannot train and how to fix them.
func (o *Options) Validate() error {
	if o.Optimizer == nil {
		return errors.New("sinenet: no optimizer; set Options.Optimizer, e.g. sinenet.NewAdam(1e-2)")
	}
	if err := checkOptimizer(o.Optimizer, "Options.Optimizer", "sinenet.NewAdam(1e-2)"); err != nil {
		return err
	}
	if o.Schedule != nil {
		if err := o.Schedule.Validate(); err != nil {
			return err
		}
	}
	if o.Steps < 0 {
		return fmt.Errorf("sinenet: Steps is %d; use a positive number, or 0 for the default %d", o.Steps, defaultSteps)
	}
	if o.BatchSize < 0 {
		return fmt.Errorf("sinenet: BatchSize is %d; use a positive number, or 0 for the full batch", o.BatchSize)
	}
	if o.Every < 0 {
		return fmt.Errorf("sinenet: Every is %d; use a positive number, or 0 for the default %d", o.Every, defaultEvery)
	}
	return nil
}

// Train fits m to d and returns the history of the run: Steps steps, or
// iterations of a Minimizer, which may stop sooner. It stops early, with
// the history so far and an error, when ctx is cancelled, a Hook returns an
// error, or the loss turns NaN or infinite (a *DivergedError). It refuses
// a model or optimizer in use by another run.
func Train(ctx context.Context, m *MLP, d Data, o Options) (*History, error) {
	if m == nil {
		return nil, errors.New("sinenet: Train got a nil model; build one with sinenet.New, e.g. sinenet.New(sinenet.ModelA(1))")
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	if err := checkData(m, d, "training"); err != nil {
		return nil, err
	}
	if o.Valid.Len() > 0 {
		if err := checkData(m, o.Valid, "validation"); err != nil {
			return nil, err
		}
	}
	if o.Loss == nil {
		o.Loss = MeanSquared{}
	}
	if o.Steps == 0 {
		o.Steps = defaultSteps
	}
	if o.Every == 0 {
		o.Every = defaultEvery
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if _, ok := o.Optimizer.(Minimizer); ok {
		if o.BatchSize != 0 && o.BatchSize < d.Len() {
			return nil, fmt.Errorf("sinenet: %s needs the full batch, but BatchSize is %d; set it to 0", o.Optimizer.Name(), o.BatchSize)
		}
		if o.Schedule != nil {
			return nil, fmt.Errorf("sinenet: %s chooses its step length by line search and takes no learning-rate schedule; remove Options.Schedule", o.Optimizer.Name())
		}
	}
	release, err := claim(m, o.Optimizer)
	if err != nil {
		return nil, err
	}
	defer release()

	// The one choice of engine, fast or reference: see newEngine.
	_, minimizer := o.Optimizer.(Minimizer)
	eng := newEngine(m, o.Loss, o.Reference || minimizer)

	h := &History{
		Name:  o.Optimizer.Name(),
		Loss:  make([]float64, 0, prealloc(o.Steps)),
		Evals: make([]int, 0, prealloc(o.Steps)),
		Time:  make([]time.Duration, 0, prealloc(o.Steps)),
	}
	var vp []float64
	if o.Valid.Len() > 0 {
		h.ValLoss = make([]float64, 0, prealloc(o.Steps))
		vp = make([]float64, o.Valid.Len())
	}
	batches := newBatcher(d, o.BatchSize, o.Seed)
	start := time.Now()
	hooked, stopped := 0, false // the last step the hook saw; whether it asked to stop
	evals := 0
	hook := func(step, steps int) error {
		hooked = step
		if o.Hook == nil {
			return nil
		}
		err := o.Hook(Progress{Step: step, Steps: steps, Loss: h.Final(), Elapsed: time.Since(start), Model: m, History: h})
		if errors.Is(err, ErrStop) {
			stopped = true
		}
		return err
	}
	p := problem{
		x: m.Params, dx: m.Grads,
		f: func() float64 {
			x, y := batches.next()
			evals++
			return eng.lossGrad(x, y)
		},
		steps: o.Steps,
		sched: o.Schedule,
		record: func(_ int, L float64) {
			h.Loss = append(h.Loss, L)
			h.Evals = append(h.Evals, evals)
			if vp != nil {
				h.ValLoss = append(h.ValLoss, o.Loss.Eval(nil, eng.predict(vp, o.Valid.X), o.Valid.Y))
			}
		},
		after: func(step int) error {
			h.Time = append(h.Time, time.Since(start))
			if step%o.Every == 0 || step == o.Steps {
				return hook(step, o.Steps)
			}
			return nil
		},
		sharpness: func(at []float64) (float64, error) { // on a copy: m stays as the run left it
			c := m.Clone()
			copy(c.Params, at)
			r, err := Sharpness(c, d, o.Loss, nil)
			return r.Max, err
		},
	}
	done, err := drive(ctx, o.Optimizer, p)
	blameLoss(err, o.Loss)
	switch {
	case stopped:
		return h, nil
	case err != nil:
		return h, err
	case done > hooked: // a Minimizer that converged before Steps
		if err := hook(done, done); err != nil && !errors.Is(err, ErrStop) {
			return h, err
		}
	}
	return h, nil
}

// prealloc is the room to make for a record of n steps: all of them, up
// to a million, so that a typo such as Steps: 1e12 runs (and can be
// cancelled) instead of exhausting memory at the start.
func prealloc(n int) int { return min(n, 1<<20) }

// engine computes the loss and gradient of one model, and its
// predictions, for one run of Train.
type engine interface {
	// lossGrad returns the loss on the rows x against the targets y and
	// writes its gradient into the model's Grads.
	lossGrad(x, y []float64) float64
	// predict writes the model's outputs for the rows x into dst
	// (allocated when too short) and returns it.
	predict(dst, x []float64) []float64
}

// newEngine is the one choice of engine: the float32 fast path
// (fast.go), unless reference is set or the fast path does not know the
// loss or an activation; then the float64 reference pass (mlp.go). Train
// asks for the reference for Options.Reference and for a Minimizer, whose
// line search compares losses to float64 precision.
func newEngine(m *MLP, loss Loss, reference bool) engine {
	if !reference {
		if f := newFastNet(m, loss); f != nil {
			return f
		}
	}
	return refEngine{m, loss}
}

// refEngine is the engine of the readable float64 pass in mlp.go.
type refEngine struct {
	m    *MLP
	loss Loss
}

func (r refEngine) lossGrad(x, y []float64) float64    { return r.m.LossGrad(x, y, r.loss) }
func (r refEngine) predict(dst, x []float64) []float64 { return r.m.Predict(dst, x) }

// checkData reports data that m cannot be trained or measured on.
func checkData(m *MLP, d Data, what string) error {
	if err := d.Validate(); err != nil {
		return fmt.Errorf("%w (%s data)", err, what)
	}
	if m.in() != 1 || m.out() != 1 {
		return fmt.Errorf("sinenet: the %s data has one x and one y per sample, but the network maps %d inputs to %d outputs; use Sizes that start and end with 1",
			what, m.in(), m.out())
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
