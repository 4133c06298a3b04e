package knobs

import (
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sinenet/sinenet/sinenet"
)

// TestKnobs checks that every choice of every knob round-trips through
// Settings and gives a network and a training that can run.
func TestKnobs(t *testing.T) {
	d := Defaults()
	for _, k := range All {
		if k.Index(d) < 0 {
			t.Errorf("%s: the default is not one of its choices %v", k.Name, k.Labels)
		}
		for i, l := range k.Labels {
			s := Defaults()
			k.Set(&s, i)
			if got := k.Index(s); got != i {
				t.Errorf("%s: set to %s (%d), reads back as %d", k.Name, l, i, got)
			}
			if err := s.Config().Validate(); err != nil {
				t.Errorf("%s = %s: %v", k.Name, l, err)
			}
			if _, err := s.Options(); err != nil {
				t.Errorf("%s = %s: %v", k.Name, l, err)
			}
			if n := s.Data().Len(); n != s.Points {
				t.Errorf("%s = %s: %d points, want %d", k.Name, l, n, s.Points)
			}
		}
	}
}

// TestRunFrames checks that a run draws a quick first frame at step
// First, then a final one after its last step.
func TestRunFrames(t *testing.T) {
	s := Defaults()
	s.Steps = 300
	var frames []Frame
	Run(context.Background(), s, time.Now(), func(f Frame) { frames = append(frames, f) })
	if len(frames) < 2 {
		t.Fatalf("%d frames, want a first and a final one", len(frames))
	}
	if f := frames[0]; f.Step != First || f.Final {
		t.Errorf("the first frame is at step %d (final %v), want step %d", f.Step, f.Final, First)
	}
	if f := frames[len(frames)-1]; !f.Final || f.Step != s.Steps || f.Err != nil {
		t.Errorf("the last frame: step %d, final %v, error %v; want the final frame after %d steps", f.Step, f.Final, f.Err, s.Steps)
	}
	if frames[0].First != 0 {
		t.Errorf("the first frame claims a first frame before it: %v", frames[0].First)
	}
	for _, f := range frames[1:] {
		if f.First < frames[0].Since || f.First > f.Since {
			t.Errorf("frame at step %d (after %v) says the first frame was shown after %v; its drawing started after %v", f.Step, f.Since, f.First, frames[0].Since)
		}
	}
}

// TestLoopCancels sends a long run and, once it has drawn its first frame,
// a short one: the long run must stop without a final frame, and the short
// run's final frame must be the last one drawn.
func TestLoopCancels(t *testing.T) {
	long := Defaults()
	long.Depth, long.Width, long.Steps = 4, 256, 3000
	short := Defaults()
	short.Steps = 100

	var mu sync.Mutex
	var frames []Frame
	first := make(chan bool, 1)
	in := make(chan Settings)
	done := make(chan struct{})
	go func() {
		defer close(done)
		Loop(context.Background(), in, func(f Frame) {
			mu.Lock()
			frames = append(frames, f)
			mu.Unlock()
			select {
			case first <- true:
			default:
			}
		})
	}()
	in <- long
	<-first
	in <- short
	close(in)
	<-done

	var longSteps int
	for i, f := range frames {
		if f.Settings == long {
			if f.Final {
				t.Errorf("the long run drew a final frame (step %d) after it was replaced", f.Step)
			}
			longSteps = f.Step
		}
		if f.Settings == short && i < len(frames)-1 && frames[i+1].Settings == long {
			t.Errorf("the long run drew a frame after the short one had started")
		}
	}
	if longSteps >= long.Steps {
		t.Errorf("the long run got to step %d of %d: it was not cancelled", longSteps, long.Steps)
	}
	last := frames[len(frames)-1]
	if last.Settings != short || !last.Final {
		t.Errorf("the last frame is of %v (final %v), want the short run's final frame", last.Settings, last.Final)
	}
}

// TestRunError checks that a run that diverges ends in a frame that says
// why.
func TestRunError(t *testing.T) {
	s := Defaults()
	s.Optimizer, s.LR = "gd", 0.5
	var last Frame
	Run(context.Background(), s, time.Now(), func(f Frame) { last = f })
	if !last.Final || last.Err == nil {
		t.Fatalf("the last frame: final %v, error %v; want the divergence", last.Final, last.Err)
	}
	if h := last.HTML(); len(h) == 0 {
		t.Errorf("no HTML for a failed run")
	}
}

// BenchmarkFirstFrame times what a learner waits for after moving a knob
// with the default settings: until the first frame is drawn (step First,
// its figure rendered), and until the final one is.
func BenchmarkFirstFrame(b *testing.B) {
	s := Defaults()
	var first, final time.Duration
	for b.Loop() {
		start := time.Now()
		Run(context.Background(), s, start, func(f Frame) {
			f.HTML() // drawing is part of the wait
			if f.Final {
				final += time.Since(start)
			} else if f.Step == First {
				first += time.Since(start)
			}
		})
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "s/first-frame")
	b.ReportMetric(final.Seconds()/float64(b.N), "s/final-frame")
}

// TestFirstSlider checks what the browser test (e2e) moves: the first
// slider in the panel, in document order, clicked at 85% of its track.
// That slider must be one of the knobs the tutorial's lessons added (depth,
// width, noise or points), not the learning rate the playground already
// had, and the click must move it off its default, so that the e2e sees a
// new knob retrain and redraw the plot.
func TestFirstSlider(t *testing.T) {
	panel := panelHTML("x", Defaults(), true)
	first, at := -1, len(panel)
	for i, k := range All {
		j := strings.Index(panel, `id="`+widgetID("x", i)+`"`)
		if j < 0 {
			t.Fatalf("the live panel has no cell for %s", k.Name)
		}
		if !k.Menu && j < at {
			first, at = i, j
		}
	}
	if first < 0 {
		t.Fatal("the panel has no slider")
	}
	k := All[first]
	if !slices.Contains([]string{"hidden layers", "units per layer", "noise", "points"}, k.Name) {
		t.Errorf("the first slider is %q; the e2e moves it, and it should be a knob the lessons added: hidden layers, units per layer, noise or points", k.Name)
	}
	clicked := int(math.Round(0.85 * float64(len(k.Labels)-1)))
	if def := k.Index(Defaults()); clicked == def {
		t.Errorf("a click at 85%% of %s's track lands on its default %s: the e2e would see no change", k.Name, k.Labels[def])
	}
}

// TestTryFirst checks what notebook 6's "Try first" line tells the
// learner to look for: with the biases switched off, the default run's
// RMSE is more than twice that with biases (measured 0.109 against 0.044,
// 2.5 times; the check allows 2 to 3).
func TestTryFirst(t *testing.T) {
	rmse := func(s Settings) float64 {
		var last Frame
		Run(context.Background(), s, time.Now(), func(f Frame) { last = f })
		if !last.Final || last.Err != nil {
			t.Fatalf("%v: final %v, error %v", s, last.Final, last.Err)
		}
		return sinenet.Evaluate(last.Model).RMSE
	}
	off := Defaults()
	off.Bias = false
	on, without := rmse(Defaults()), rmse(off)
	if r := without / on; r <= 2 || r >= 3 {
		t.Errorf("biases off: RMSE %.4f = %.2f × the default's %.4f; notebook 6 says more than twice (2 to 3)", without, r, on)
	}
}
