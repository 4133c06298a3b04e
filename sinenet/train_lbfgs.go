package sinenet

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// trainLBFGS is Train for L-BFGS: full-batch, one iteration a step. The
// history holds the loss before each iteration, as for the other
// optimizers, so it has Steps entries unless the run converged sooner.
func trainLBFGS(ctx context.Context, m *MLP, d Data, o Options, l Minimizer) (*History, error) {
	if o.BatchSize != 0 && o.BatchSize < d.Len() {
		return nil, fmt.Errorf("sinenet: L-BFGS needs the full batch, but BatchSize is %d; set it to 0", o.BatchSize)
	}
	if o.Schedule != nil {
		return nil, errors.New("sinenet: L-BFGS chooses its step length by line search and takes no learning-rate schedule; remove Options.Schedule")
	}
	h := &History{Name: l.Name()}
	start := time.Now()
	var vp []float64
	if o.Valid.Len() > 0 {
		vp = make([]float64, o.Valid.Len())
	}
	f := func(x, dx []float64) float64 {
		copy(m.Params, x)
		L := m.LossGrad(d.X, d.Y, o.Loss)
		copy(dx, m.Grads)
		return L
	}
	// m.Params holds the last point f saw, which is the point the line
	// search accepted when gonum reports an iteration.
	hook := func(iter int, _ []float64, L float64) error {
		if iter == o.Steps {
			return nil // the loss after the last step
		}
		h.Loss = append(h.Loss, L)
		h.Time = append(h.Time, time.Since(start))
		if vp != nil {
			h.ValLoss = append(h.ValLoss, o.Loss.Eval(nil, m.Predict(vp, o.Valid.X), o.Valid.Y))
		}
		if o.Hook != nil && (iter+1)%o.Every == 0 {
			return o.Hook(Progress{Step: iter + 1, Steps: o.Steps, Loss: L, Elapsed: time.Since(start), Model: m, History: h})
		}
		return nil
	}
	x := append([]float64(nil), m.Params...)
	err := l.Minimize(ctx, f, x, o.Steps, hook)
	copy(m.Params, x)
	return h, err
}
