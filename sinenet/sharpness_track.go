package sinenet

import (
	"fmt"
	"math"
	"slices"
)

// SharpnessTrack records λmax along a training run: its Hook goes into
// Options.Hook with Options.Every = 1 (Hook(Progress{Model: m}) before Train
// measures the start). λmax can alternate from step to step at the edge of
// stability, so the track never samples one phase only: it measures every
// step inside Windows, elsewhere each Every-th step and the step after it,
// and the last two steps; each estimate starts from the last one of the
// same parity.
type SharpnessTrack struct {
	Name    string           // the run's label in figure.Sharpness's legend
	Data    Data             // the run's training data
	Loss    Loss             // and loss; nil: MeanSquared
	Options SharpnessOptions // for Sharpness; the track manages Start
	Every   int              // spacing of the measured pairs outside Windows; 0: every step
	Windows [][2]int         // step ranges [from, to] measured at every step
	// Midpoints also measures λmax and the loss halfway between the
	// parameters of steps s-1 and s, the centre of a two-step oscillation.
	Midpoints bool
	// Precond, e.g. adam.Preconditioner, gives P before each estimate: the
	// track then records λmax of P⁻¹H (of H while it returns nil).
	Precond func(dst []float64) []float64

	Steps           []int     // the steps measured
	Max             []float64 // λmax at each of Steps
	MidMax, MidLoss []float64 // with Midpoints: at each of Steps, NaN where not measured
	Grads           int       // gradient evaluations spent on all the estimates
	Unconverged     int       // estimates that ran out of Options.Iters before Options.Tol

	vec  [3][]float64 // warm starts: even steps, odd steps, midpoints
	prev []float64    // the parameters at the last step seen
	seen int          // the last step seen, -1 before the first
}

// Hook measures p.Model at step p.Step if the track asks for that step.
func (s *SharpnessTrack) Hook(p Progress) error {
	if s == nil {
		return nilHook("SharpnessTrack")
	}
	if p.Model == nil {
		_, err := Sharpness(nil, s.Data, s.Loss, nil)
		return err
	}
	if s.Every < 0 {
		return fmt.Errorf("sinenet: SharpnessTrack.Every is %d; use a positive number, or 0 to measure every step", s.Every)
	}
	if len(s.Steps) == 0 && s.prev == nil {
		s.seen = -1
	}
	if p.Step != s.seen+1 && !(s.seen == -1 && p.Step == 1) {
		return fmt.Errorf("sinenet: SharpnessTrack saw step %d after step %d; set Options.Every to 1, since the track chooses its own steps", p.Step, s.seen)
	}
	defer func() {
		s.prev = append(s.prev[:0], p.Model.Params...)
		s.seen = p.Step
	}()
	if !s.wants(p.Step, p.Steps) {
		return nil
	}
	mid, midLoss := math.NaN(), math.NaN()
	if s.Midpoints && p.Step >= 1 && len(s.prev) == len(p.Model.Params) {
		w := p.Model.Clone()
		for i := range w.Params {
			w.Params[i] = (s.prev[i] + p.Model.Params[i]) / 2
		}
		r, err := s.measure(w, 2)
		if err != nil {
			return err
		}
		mid, midLoss = r, lossAt(w, w.Params, s.Data, s.Loss, s.Options.Float32)
		s.Grads++
	}
	r, err := s.measure(p.Model, p.Step%2)
	if err != nil {
		return err
	}
	s.Steps, s.Max = append(s.Steps, p.Step), append(s.Max, r)
	if s.Midpoints {
		s.MidMax, s.MidLoss = append(s.MidMax, mid), append(s.MidLoss, midLoss)
	}
	return nil
}

// wants reports whether the track measures step of a run of steps.
func (s *SharpnessTrack) wants(step, steps int) bool {
	if s.Every <= 1 || step%s.Every <= 1 || (steps > 0 && step >= steps-1) {
		return true
	}
	return slices.ContainsFunc(s.Windows, func(w [2]int) bool { return step >= w[0] && step <= w[1] })
}

// measure estimates λmax of m, warm-started from slot k of s.vec.
func (s *SharpnessTrack) measure(m *MLP, k int) (float64, error) {
	o := s.Options
	o.Start = nil
	if len(s.vec[k]) == m.NumParams() {
		o.Start = s.vec[k]
	}
	if s.Precond != nil {
		o.Precond = s.Precond(nil)
	}
	r, err := Sharpness(m, s.Data, s.Loss, &o)
	s.Grads += r.Grads
	if err != nil {
		return 0, err
	}
	if !r.Converged {
		s.Unconverged++
	}
	s.vec[k] = r.Vec
	return r.Max, nil
}
