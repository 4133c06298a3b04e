package knobs

import (
	"context"
	"errors"
	"time"

	"github.com/sinenet/sinenet/sinenet"
)

// First is the step of a run's first frame: a quick look at where the
// run is heading, a few hundredths of a second into it, before it is
// refined. Later frames come at most every Interval, and after the last
// step.
const (
	First    = 20
	Interval = 300 * time.Millisecond
)

// Frame is one drawing of a run in progress or done.
type Frame struct {
	Settings Settings
	Data     sinenet.Data
	Model    *sinenet.MLP
	History  *sinenet.History
	Step     int           // steps done
	Since    time.Duration // from the change that started the run to this frame's drawing
	First    time.Duration // from the change to the end of the first frame's drawing: the wait a learner sees
	Final    bool          // the run is over (done or failed)
	Stopped  bool          // the run was stopped by the learner (■) before it was over
	Err      error         // what stopped the run, for a failed one
}

// Stop returns the frame to show when the learner stops the knobs (■)
// after f was drawn: f marked Stopped, at the step its run reached, which
// may be past f's (the run stops at the step after the stop); ok is false
// when f needs no redrawing (no run, or a run that was over).
func (f Frame) Stop() (g Frame, ok bool) {
	if f.Model == nil || f.History == nil || f.Final {
		return f, false
	}
	f.Stopped, f.Step = true, len(f.History.Loss)
	return f, true
}

// Run trains the network of s and calls draw with a Frame after First
// steps, then at most every Interval (longer when drawing is slow, so
// that drawing takes at most about a third of the time), and after the
// last step. changed is when the change that asked for the run arrived.
// When ctx is cancelled, Run stops at the next step and returns without a
// final frame: a newer run is on its way.
func Run(ctx context.Context, s Settings, changed time.Time, draw func(Frame)) {
	f := Frame{Settings: s, Data: s.Data(), Final: true}
	m, err := sinenet.New(s.Config())
	if err == nil {
		var o sinenet.Options
		o, err = s.Options()
		if err == nil {
			var last time.Time
			var cost time.Duration
			o.Every = 10
			if o.Steps < 10*First {
				o.Every = 1
			}
			o.Hook = func(p sinenet.Progress) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				due := p.Step >= First
				if f.First != 0 {
					due = time.Since(last) >= max(Interval, 3*cost)
				}
				if !due || p.Step >= p.Steps {
					return nil // the final frame comes after Train
				}
				start := time.Now()
				g := f
				g.Model, g.History, g.Step, g.Since, g.Final = p.Model, p.History, p.Step, time.Since(changed), false
				draw(g)
				last, cost = time.Now(), time.Since(start)
				if f.First == 0 {
					f.First = time.Since(changed)
				}
				return ctx.Err()
			}
			f.History, err = sinenet.Train(ctx, m, f.Data, o)
			f.Model = m
			if f.History != nil {
				f.Step = len(f.History.Loss)
			}
		}
	}
	if ctx.Err() != nil && (err == nil || errors.Is(err, ctx.Err())) {
		return
	}
	f.Err, f.Since = err, time.Since(changed)
	draw(f)
}

// Loop runs Run for every Settings that arrives on in, one run at a time:
// a new Settings cancels the run in flight, waits for it to stop (at its
// next step), and starts its own, so a learner who moves a slider never
// waits for a run they no longer want. Settings that arrive while a run
// is stopping are merged: only the newest is run. Loop returns when ctx
// is cancelled or in is closed, once the last run has stopped.
func Loop(ctx context.Context, in <-chan Settings, draw func(Frame)) {
	cancel := context.CancelFunc(func() {})
	done := make(chan struct{})
	close(done)
	defer func() {
		cancel()
		<-done
	}()
	for {
		var s Settings
		if in == nil {
			<-done // in was closed: let the last run finish
			return
		}
		select {
		case <-ctx.Done():
			return
		case v, ok := <-in:
			if !ok {
				<-done // let the last run finish
				return
			}
			s = v
		}
		changed := time.Now()
		cancel()
		<-done
		for more := true; more; { // the newest of what arrived meanwhile
			select {
			case v, ok := <-in:
				if !ok {
					in, more = nil, false // closed: run s, then return
					break
				}
				s = v
			default:
				more = false
			}
		}
		rctx, c := context.WithCancel(ctx)
		cancel = c
		done = make(chan struct{})
		go func(s Settings, done chan struct{}) {
			defer close(done)
			Run(rctx, s, changed, draw)
		}(s, done)
	}
}
