//go:build playground && !(js && wasm)

package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sinenet/sinenet/internal/chromium"
	"github.com/sinenet/sinenet/internal/playground"
)

// TestPage builds the page with make playground, serves it with
// Handler and drives it in headless Chromium: the default run ends with
// a fingerprint equal to native Go's; a slider moved from the keyboard
// redraws the figure and rewrites the URL; a preset's fingerprint equals
// native Go's (the AVX2 build here) for the same settings; a URL with
// settings restores every control and the language; a diverging run and
// an L-BFGS run say so; with the server gone, a change still runs. The console must show no error. It logs what the
// page transfers and how long a change takes to its first frame.
//
// It runs with the build tag playground (make playground-test), and fails
// when Chromium is missing.
func TestPage(t *testing.T) {
	dir := buildPage(t)
	srv := httptest.NewServer(Handler(dir))
	defer srv.Close()
	ctx, errs := browser(t)

	native := func(s playground.Settings) string {
		t.Helper()
		m := playground.Run(context.Background(), s, func(playground.Start) {}, func(playground.Frame) {})
		if m == nil {
			t.Fatalf("native run of %s failed", s.Query())
		}
		return m.Fingerprint()
	}

	// The defaults, as a visitor opens the page.
	start := time.Now()
	run(t, ctx, chromedp.Navigate(srv.URL+"/?lang=en"))
	waitState(t, ctx, "done")
	t.Logf("default run: page open to the run's end %.1f s; %s", time.Since(start).Seconds(), timings(t, ctx))
	if got, want := text(t, ctx, "#fingerprint"), native(playground.Defaults()); got != want {
		t.Errorf("default run: fingerprint %q, native Go gives %q", got, want)
	}
	transfer := eval[float64](t, ctx, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((s, e) => s + e.transferSize, 0)`)
	decoded := eval[float64](t, ctx, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).reduce((s, e) => s + e.decodedBodySize, 0)`)
	t.Logf("the page transfers %.2f MB (gzip; %.2f MB unpacked)", transfer/1e6, decoded/1e6)
	if transfer > 3e6 {
		t.Errorf("the page transfers %.2f MB, over the budget of 3 MB gzipped; does the wasm link gonum/plot or GoNB?", transfer/1e6)
	}
	screenshot(t, ctx, "default")

	// A slider moved from the keyboard: the fit redraws, the URL follows.
	before := eval[string](t, ctx, `document.getElementById("fit-line").getAttribute("d")`)
	frames := eval[int](t, ctx, `Number(document.body.dataset.frames)`)
	eval[bool](t, ctx, `document.getElementById("c-width").focus(), true`)
	run(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	waitState(t, ctx, "done")
	after := eval[string](t, ctx, `document.getElementById("fit-line").getAttribute("d")`)
	search := eval[string](t, ctx, `location.search`)
	if n := eval[int](t, ctx, `Number(document.body.dataset.frames)`); n <= frames+1 {
		t.Errorf("%d frames drawn after the width slider moved, want at least 2", n-frames)
	}
	if before == after || before == "" {
		t.Errorf("the fit did not redraw after the width slider moved (before %.40q, after %.40q)", before, after)
	}
	if !strings.Contains(search, "width=16") {
		t.Errorf("after the width slider moved left, the URL is %s, want width=16", search)
	}
	t.Logf("after a change (width 32 → 16): %s", timings(t, ctx))

	// A URL with settings restores them, and the language.
	q := "depth=2&width=8&bias=off&init=he&out=tanh&loss=L1&opt=rmsprop&lr=5e-3&steps=100&noise=0.1&points=50"
	run(t, ctx, chromedp.Navigate(srv.URL+"/?"+q+"&lang=zh"))
	waitState(t, ctx, "done")
	controls := eval[string](t, ctx, `queryOf()`)
	htmlLang := eval[string](t, ctx, `document.documentElement.lang`)
	if controls != q {
		t.Errorf("the controls hold %s, want the URL's %s", controls, q)
	}
	screenshot(t, ctx, "zh")
	if h := text(t, ctx, "h1"); htmlLang != "zh-Hans" || h != "sinenet 游乐场" {
		t.Errorf("lang=zh shows %q in a page of language %q", h, htmlLang)
	}
	if l := text(t, ctx, "#l-lr"); l != "学习率" {
		t.Errorf("lang=zh labels the learning rate %q, want knobs' 学习率", l)
	}

	// A run that diverges says so; L-BFGS has no fingerprint, and says why.
	run(t, ctx, chromedp.Navigate(srv.URL+"/?opt=gd&loss=SSE&lr=0.5&steps=50&lang=en"))
	waitState(t, ctx, "diverged")
	if a := text(t, ctx, "#alert"); !strings.Contains(a, "diverged at step") {
		t.Errorf("a diverging run shows %q", a)
	}
	run(t, ctx, chromedp.Navigate(srv.URL+"/?opt=lbfgs&steps=30&lang=en"))
	waitState(t, ctx, "done")
	if fp, why := text(t, ctx, "#fingerprint"), text(t, ctx, "#why"); fp != "—" || !strings.Contains(why, "L-BFGS") {
		t.Errorf("an L-BFGS run shows fingerprint %q, %q", fp, why)
	}

	// A preset (notebook 3's network: 1000 steps on 4000 points) gives
	// native Go's fingerprint.
	run(t, ctx, chromedp.Navigate(srv.URL+"/?steps=100&lang=en"))
	waitState(t, ctx, "done")
	eval[bool](t, ctx, `document.getElementById("p-notebook-3").click(), true`)
	preset := playground.Presets()[3]
	if preset.Key != "notebook-3" {
		t.Fatalf("preset 3 is %s", preset.Key)
	}
	want := native(preset.Settings)
	waitState(t, ctx, "done")
	if got := text(t, ctx, "#fingerprint"); got != want {
		t.Errorf("preset notebook-3: fingerprint %q, native Go gives %q", got, want)
	}
	search = eval[string](t, ctx, `location.search`)
	if !strings.HasPrefix(search, "?"+preset.Settings.Query()) {
		t.Errorf("preset notebook-3: URL %s, want %s", search, preset.Settings.Query())
	}
	t.Logf("preset notebook-3: %s", timings(t, ctx))

	// Offline once loaded: with the server gone, a change still runs.
	srv.Close()
	eval[bool](t, ctx, `document.getElementById("c-steps").focus(), true`)
	run(t, ctx, chromedp.KeyEvent(kb.Home))
	waitState(t, ctx, "done")
	if s := eval[string](t, ctx, `location.search`); !strings.Contains(s, "steps=100&") {
		t.Errorf("offline, steps moved to its first choice gives %s", s)
	}

	for _, e := range errs.get() {
		t.Errorf("console: %s", e)
	}
}

// buildPage builds the page into a temporary folder with make playground,
// the target the pages workflow publishes and the Docker image serves.
// (TestWasmDeps, in internal/playground, keeps GoNB and gonum/plot out of
// the wasm.)
func buildPage(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	build := exec.Command("make", "-C", filepath.Join("..", ".."), "playground", "PLAYGROUND="+dir)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("make playground: %v\n%s", err, out)
	}
	for _, f := range []string{"index.html", "app.js", "worker.js", "style.css", "wasm_exec.js", "sinenet.wasm"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Fatalf("the page lacks %s", f)
		}
	}
	return dir
}

// consoleErrors are the console's errors and the exceptions thrown.
type consoleErrors struct {
	mu    sync.Mutex
	lines []string
}

func (e *consoleErrors) get() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]string(nil), e.lines...)
}

// browser starts headless Chromium, and collects the errors of its
// console.
func browser(t *testing.T) (context.Context, *consoleErrors) {
	t.Helper()
	ctx := chromium.Start(t, 1200, 1000)
	errs := &consoleErrors{}
	go func() {
		for m, err := range chromedp.Console(ctx) {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				errs.mu.Lock()
				errs.lines = append(errs.lines, string(m.Type)+": "+m.Text)
				errs.mu.Unlock()
			}
		}
	}()
	return ctx, errs
}

// run runs actions with a deadline long enough for a slow machine.
func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	if err := chromedp.Do(c, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	v, err := chromedp.Run(c, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitState waits for the run in flight to end, and checks that it ended
// in state ("done", "diverged" or "failed").
func waitState(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	_, err := chromedp.Run(c, chromedp.Poll[bool](`["done", "diverged", "failed"].includes(document.body.dataset.state)`,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(0)))
	if err != nil {
		t.Fatalf("waiting for the run to end: %v (status %q)", err, text(t, ctx, "#status"))
	}
	if got := eval[string](t, ctx, `document.body.dataset.state`); got != state {
		t.Fatalf("the run ended %s, want %s: %q %q", got, state, text(t, ctx, "#status"), text(t, ctx, "#alert"))
	}
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return eval[string](t, ctx, fmt.Sprintf(`document.querySelector(%q).textContent`, sel))
}

// screenshot saves the page as out/playground-test/NAME.png, to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := filepath.Join("..", "..", "out", "playground-test")
	c, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	png, err := chromedp.Run(c, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	}
	if err != nil {
		t.Errorf("screenshot %s: %v", name, err)
	}
}

// timings reads the page's timings of the last run.
func timings(t *testing.T, ctx context.Context) string {
	return fmt.Sprintf("first frame %s ms after the change, run %s ms",
		eval[string](t, ctx, `document.body.dataset.firstFrameMs`), eval[string](t, ctx, `document.body.dataset.runMs`))
}
