//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sinenet/sinenet/internal/chromium"
)

// testBrowser runs the image as a reader does, and clicks through every
// notebook in JupyterLab with headless Chromium.
func testBrowser(t *testing.T, nbs []notebook) {
	l := startLab(t, "lab", false, cpus()...)
	copyFixtures(t, l.container, nbs)
	browser := startBrowser(t)

	t.Run("landing", func(t *testing.T) { testLanding(t, browser, l, nbs) })
	t.Run("landing-zh", func(t *testing.T) { testLandingZh(t, browser, nbs) })
	t.Run("playground", func(t *testing.T) { testPlayground(t, browser, l) })
	t.Run("kernel-restart", func(t *testing.T) { testKernelRestart(t, l) })
	t.Run("terminal", func(t *testing.T) { testTerminal(t, browser, l) })
	t.Run("glossary", func(t *testing.T) { testGlossary(t, browser, l, len(nbs), nbs[0]) })
	t.Run("wrong-token", func(t *testing.T) { testWrongToken(t, browser, l) })
	want, ran, sliders := 0, 0, 0
	for _, nb := range nbs {
		if inBrowser(nb) {
			want++
		}
	}
	for i, nb := range nbs {
		if !inBrowser(nb) {
			continue
		}
		t.Run(nb.name, func(t *testing.T) {
			ran++
			if testNotebook(t, browser, l, i, nb) {
				sliders++
			}
		})
	}
	if ran == want && sliders == 0 { // (-run may leave notebooks out)
		t.Error("no notebook showed a slider that redraws a plot")
	}
	for i, nb := range nbs {
		if nb.fixture {
			t.Run("lost-ack", func(t *testing.T) { testLostAck(t, browser, l, len(nbs)+i, nb) })
			break
		}
	}
	t.Run("hardening", func(t *testing.T) { testHardening(t, l) })
	t.Run("stop", func(t *testing.T) { testStop(t, l) })
	t.Run("own-token", func(t *testing.T) { testOwnToken(t, browser) })
	t.Run("saving", func(t *testing.T) { testSaving(t, browser) })
}

func startBrowser(t *testing.T) context.Context {
	t.Helper()
	log, err := os.Create(filepath.Join(outDir, "chromium.log"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { log.Close() })
	return chromium.Start(t, 1400, 1000,
		chromedp.Flag("disable-quic", true),
		chromedp.CombinedOutput(log))
}

// page is a browser tab. Its console goes to out/e2e/NAME-console.log.
type page struct {
	ctx  context.Context
	name string

	mu     sync.Mutex
	lines  []string // the console, and the exceptions thrown
	errors []string // the exceptions thrown, and console.error's lines
}

// tab opens a browser tab (with opts, in a browser context of its own).
// Its context ends after timeout, with cause as the reason; close writes the
// console to a file and closes the tab.
func tab(browser context.Context, name string, timeout time.Duration, cause error, opts ...chromedp.ContextOption) (p *page, closeTab func()) {
	ctx, cancel := chromedp.NewContext(browser, opts...)
	p = &page{name: name}
	_ = chromedp.Listen(ctx, func(ev any) {
		var line string
		isErr := false
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			line = fmt.Sprintf("%s: %s", ev.Type, strings.Join(args, " "))
			isErr = ev.Type == runtime.ConsoleAPICalledTypeError
			if isErr {
				line += frames(ev.StackTrace)
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			line = "exception: " + d.Text
			if d.Exception != nil {
				line += " " + d.Exception.Description
			}
			line += frames(d.StackTrace)
			isErr = true
		default:
			return
		}
		p.mu.Lock()
		p.lines = append(p.lines, line)
		if isErr {
			p.errors = append(p.errors, line)
		}
		p.mu.Unlock()
	})
	// The tab's first action creates it, and it lives as long as the
	// context of that action: so not the one with the deadline.
	_ = chromedp.Do(ctx)
	var cancelT context.CancelFunc
	p.ctx, cancelT = context.WithTimeoutCause(ctx, timeout, cause)
	return p, func() {
		cancelT()
		cancel()
		p.mu.Lock()
		defer p.mu.Unlock()
		_ = os.WriteFile(filepath.Join(outDir, name+"-console.log"), []byte(strings.Join(p.lines, "\n")+"\n"), 0o644)
	}
}

// frames formats the top of a stack trace.
func frames(st *runtime.StackTrace) string {
	if st == nil {
		return ""
	}
	var b strings.Builder
	for i, f := range st.CallFrames {
		if i == 4 {
			break
		}
		fmt.Fprintf(&b, "\n    at %s (%s:%d:%d)", f.FunctionName, f.URL, f.LineNumber+1, f.ColumnNumber+1)
	}
	return b.String()
}

// jsErrors returns the JavaScript errors the page has thrown or logged.
func (p *page) jsErrors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// warnings returns the page's console.warn lines.
func (p *page) warnings() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var w []string
	for _, l := range p.lines {
		if strings.HasPrefix(l, string(runtime.ConsoleAPICalledTypeWarning)+":") {
			w = append(w, l)
		}
	}
	return w
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](p *page, expr string) (T, error) {
	return chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
}

// waitFor polls a JavaScript condition until it holds, or until the page's
// deadline; what says what it waited for.
func (p *page) waitFor(what, cond string) error {
	var err error
	for {
		var ok bool
		if ok, err = eval[bool](p, cond); err == nil && ok {
			return nil
		}
		if e := sleep(p.ctx, 200*time.Millisecond); e != nil {
			if err != nil && p.ctx.Err() == nil {
				e = fmt.Errorf("%v (last: %v)", e, err)
			}
			return fmt.Errorf("waiting for %s: %w", what, e)
		}
	}
}

// menu clicks an item of a menu in the menu bar.
func (p *page) menu(name, label string) error {
	if err := p.click(fmt.Sprintf(`[...document.querySelectorAll('.lm-MenuBar-item')].find(e => e.innerText.trim() === %q)`, name)); err != nil {
		return fmt.Errorf("menu %s: %v", name, err)
	}
	item := fmt.Sprintf(`[...document.querySelectorAll('.lm-Menu-item')].find(e => e.querySelector('.lm-Menu-itemLabel')?.innerText.trim() === %q)`, label)
	if err := p.waitFor("menu item "+label, `!!`+item); err != nil {
		return err
	}
	return p.click(item)
}

// click clicks with the mouse in the middle of the element an expression
// finds.
func (p *page) click(element string) error {
	r, err := eval[*rect](p, `(() => {
		const e = `+element+`;
		if (!e) return null;
		// A cell below a long one can be off the screen, where a click
		// at its coordinates lands nowhere.
		e.scrollIntoView({block: 'nearest'});
		const r = e.getBoundingClientRect();
		return {X: r.left, Y: r.top, W: r.width, H: r.height};
	})()`)
	if err != nil {
		return err
	}
	if r == nil {
		return fmt.Errorf("no element %s", element)
	}
	// Hover first: a menu item acts on a click only once the pointer is on it.
	x, y := r.X+r.W/2, r.Y+r.H/2
	return chromedp.Do(p.ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.MouseClickXY(x, y))
}

type rect struct{ X, Y, W, H float64 }

// screenshot saves the page as out/e2e/NAME.png.
func (p *page) screenshot(t *testing.T, name string) {
	// A page whose deadline passed can still take its picture.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(p.ctx), 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join(outDir, name), png, 0o644)
	}
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}
