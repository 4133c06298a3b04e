package figure

import (
	"errors"
	"fmt"
	"html"
	"image/png"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// LiveView shows training as it happens in a GoNB notebook: one figure,
// the loss so far beside the current fit, under a progress line (step,
// loss, steps per second, time left). Both are updated in place in one
// output of the cell, whose last state stays in the saved notebook. Its
// Hook goes into Options.Hook; outside a notebook the hook does nothing:
//
//	view := &LiveView{Data: d, LogY: true}
//	o.Hook, o.Every = view.Hook, 10
//
// Train calls the hook every Options.Every steps (default 100); set Every
// to about 10 for a smooth view. The view redraws at most every Interval
// and spends at most Budget of the wall time redrawing, so it slows
// training little whatever Every is: about 1% on the question's run,
// measured by BenchmarkLiveOverhead. A run that stops early keeps its
// last redraw. A new run (its step counting from the start again) gets a
// new output.
type LiveView struct {
	// Data is drawn as dots in the fit panel, up to 1000 of them;
	// empty shows none.
	Data sinenet.Data
	// Name labels the fit and colours it; "" means the optimizer's name.
	Name string
	// LogY draws the loss on a logarithmic scale.
	LogY bool
	// Interval is the least wall time between two redraws; 0 means
	// 250 ms, and a negative Interval redraws at every call of the hook.
	Interval time.Duration
	// Budget is the largest fraction of the wall time the view may
	// spend redrawing; 0 means 0.05. After a slow redraw the view
	// waits longer than Interval.
	Budget float64
	// Width and Height are the figure's size in pixels; 0 means
	// 960 × 360.
	Width, Height int

	id       string    // the notebook output being updated
	last     int       // the step of the last call, to see a new run
	drawn    time.Time // when the last redraw ended
	cost     time.Duration
	thinData sinenet.Data
}

// Hook redraws the view when it is due, and always after the last step.
func (v *LiveView) Hook(p sinenet.Progress) error {
	if v == nil {
		return errors.New("sinenet: the Hook of a nil *LiveView; make one first, e.g. v := &figure.LiveView{}")
	}
	if !display.enabled() {
		return nil
	}
	if v.id == "" || p.Step <= v.last { // a new run gets a new output
		v.id = "sinenet-live-" + gonbui.UniqueId()
		v.drawn = time.Time{}
		v.thinData = thinData(v.Data, 1000)
	}
	v.last = p.Step
	done := p.Step >= p.Steps
	if !done && !v.due() {
		return nil
	}
	start := time.Now()
	h, err := v.render(p)
	if err != nil {
		return err
	}
	display.update(v.id, h)
	if done {
		display.sync()
	}
	v.drawn = time.Now()
	v.cost = v.drawn.Sub(start)
	return nil
}

// due reports whether enough wall time has passed since the last redraw.
func (v *LiveView) due() bool {
	if v.Interval < 0 || v.drawn.IsZero() {
		return true
	}
	interval, budget := v.Interval, v.Budget
	if interval == 0 {
		interval = 250 * time.Millisecond
	}
	if budget <= 0 {
		budget = 0.05
	}
	wait := max(interval, time.Duration(float64(v.cost)/budget))
	return time.Since(v.drawn) >= wait
}

// render returns the HTML of the view at p: the progress line and the
// figure as an inline PNG.
func (v *LiveView) render(p sinenet.Progress) (string, error) {
	name := v.Name
	if name == "" && p.History != nil {
		name = p.History.Name
	}
	label := ""
	if v.thinData.Len() < v.Data.Len() {
		label = fmt.Sprintf("data (%d of %d)", v.thinData.Len(), v.Data.Len())
	}
	fit, err := Fit(p.Model, v.thinData, FitOptions{Name: name, DataLabel: label})
	if err != nil {
		return "", err
	}
	loss, err := Loss(LossOptions{LogY: v.LogY, Title: "Loss so far"}, p.History)
	if err != nil {
		return "", err
	}
	loss.X.Max = float64(p.Steps) // the curve grows to the right
	w, h := v.Width, v.Height
	if w <= 0 || h <= 0 {
		w, h = 960, 360
	}
	level := png.BestSpeed // a passing frame: fast
	if p.Step >= p.Steps {
		level = png.DefaultCompression // the frame that stays in the notebook: small
	}
	b, err := render(NewTiles(2, loss, fit), "png", w, h, level)
	if err != nil {
		return "", err
	}
	line := html.EscapeString(progressLine(p))
	return fmt.Sprintf(`<div><pre style="margin:0 0 4px 0">%s</pre>%s</div>`, line, imgTag("image/png", b)), nil
}

// progressLine sums up p: "step 1200/3000 · loss 0.01234 · 850 steps/s ·
// 2.1s left", or "… · done in 3.5s" after the last step, in the language
// set by SetLanguage.
func progressLine(p sinenet.Progress) string {
	s := fmt.Sprintf(lang.Say("step %d/%d · loss %.4g", "第 %d/%d 步 · 损失 %.4g"), p.Step, p.Steps, p.Loss)
	secs := p.Elapsed.Seconds()
	if secs <= 0 || p.Step == 0 {
		return s
	}
	rate := float64(p.Step) / secs
	s += fmt.Sprintf(lang.Say(" · %.0f steps/s", " · 每秒 %.0f 步"), rate)
	if p.Step >= p.Steps {
		return s + fmt.Sprintf(lang.Say(" · done in %v", " · 用时 %v，完成"), p.Elapsed.Round(100*time.Millisecond))
	}
	left := time.Duration(float64(p.Steps-p.Step) / rate * float64(time.Second))
	return s + fmt.Sprintf(lang.Say(" · %v left", " · 还需 %v"), left.Round(100*time.Millisecond))
}

// thinData returns at most n of the samples of d, evenly picked.
func thinData(d sinenet.Data, n int) sinenet.Data {
	if d.Len() <= n {
		return d
	}
	var t sinenet.Data
	for i := range n {
		j := i * d.Len() / n
		t.X, t.Y = append(t.X, d.X[j]), append(t.Y, d.Y[j])
	}
	return t
}
