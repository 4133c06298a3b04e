//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	cdpage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// notebookDeadline is all the time one notebook gets, from opening it to
// its last plot. Every wait in between waits for an event (the page's
// kernel idle, a cell's execute reply, an output, a redrawn plot), so this
// is the only limit. The slowest notebook takes about 2 minutes in a
// container limited to half a CPU on a loaded host; past 10, something hangs.
const notebookDeadline = 10 * time.Minute

// testNotebook opens a notebook, clears its outputs, runs all its cells and
// checks what they show. It reports whether it moved a slider and saw the
// plot change.
func testNotebook(t *testing.T, browser context.Context, l *lab, i int, nb notebook) (slid bool) {
	stem := strings.ReplaceAll(strings.TrimSuffix(nb.name, ".ipynb"), "/", "-") // zh/06-knobs: zh-06-knobs
	slid, _ = runNotebook(t, browser, l, i, nb, stem, "")
	return slid
}

// runNotebook is testNotebook with the artifacts' stem and a script that
// the page runs before its own (none when ""), and it also returns the
// page's console.
func runNotebook(t *testing.T, browser context.Context, l *lab, i int, nb notebook, stem, initJS string) (slid bool, console []string) {
	saved, err := ipynb.Read(nb.path)
	if err != nil {
		t.Fatal(err)
	}
	codeCells := 0
	for _, c := range saved.Cells {
		if c.Type == "code" {
			codeCells++
		}
	}
	p, closeTab := tab(browser, stem, notebookDeadline,
		fmt.Errorf("%s is not done after %v, the time one notebook gets", nb.name, notebookDeadline))
	defer func() {
		if t.Failed() {
			p.screenshot(t, stem+"-failed.png")
			l.keepState(t, stem)
		}
		// The page first, so that no page reconnects to the kernel.
		closeTab()
		l.endKernels(t)
	}()

	// A workspace of its own, so earlier notebooks do not reopen.
	u := fmt.Sprintf("%s/lab/workspaces/e2e-%d/tree/notebooks/%s?reset&token=%s", l.base, i, strings.ReplaceAll(url.PathEscape(nb.name), "%2F", "/"), l.token)
	if initJS != "" {
		if _, err := chromedp.Call(p.ctx, cdpage.AddScriptToEvaluateOnNewDocument, cdpage.AddScriptToEvaluateOnNewDocumentParams{Source: initJS}); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("the notebook's cells", fmt.Sprintf(`document.querySelectorAll(%s).length === %d`, cellsSel, len(saved.Cells))); err != nil {
		t.Fatal(err)
	}
	if _, err := l.pageKernel(p.ctx, "notebooks/"+nb.name); err != nil {
		t.Fatal(err)
	}
	t.Logf("opened, kernel idle, in %v", since(start))
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors while the notebook opened (out/e2e/%s-console.log):\n%s", stem, strings.Join(errs, "\n"))
	}

	// Every output checked below comes from this run.
	if err := p.menu("Edit", "Clear Outputs of All Cells"); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("the outputs cleared", `(() => {
		const cells = [...document.querySelectorAll(`+cellsSel+`)].filter(c => c.classList.contains('jp-CodeCell'));
		return cells.every(c => !c.querySelector('.jp-OutputArea-output') && !/\d|\*/.test(c.querySelector('.jp-InputPrompt')?.innerText || ''));
	})()`); err != nil {
		t.Fatal(err)
	}

	start = time.Now()
	if err := p.menu("Run", "Run All Cells"); err != nil {
		t.Fatal(err)
	}
	// A cell's prompt shows its number once JupyterLab has its execute
	// reply and every output before it. Meanwhile, move the first slider
	// that shows, then stop its cell as a reader would.
	interrupted, sawRunning := -1, false
	for {
		st, err := eval[[]cellState](p, stateJS)
		if err != nil {
			t.Fatalf("reading the cells: %v", withCause(p, err))
		}
		running, ran := 0, 0
		for _, c := range st {
			if c.Code && strings.Contains(c.Prompt, "*") {
				running++
			}
			if c.Code && ranPrompt.MatchString(c.Prompt) {
				ran++
			}
		}
		sawRunning = sawRunning || running > 0
		if ran == codeCells || sawRunning && running == 0 {
			break // all ran, or the run stopped: the checks below say where
		}
		if interrupted < 0 {
			if s, ok := findSlider(p); ok && s.Running {
				interrupted = s.Cell
				slid = moveSlider(t, p, stem, s)
				if err := p.menu("Kernel", "Interrupt Kernel"); err != nil {
					t.Fatalf("Kernel > Interrupt Kernel: %v", err)
				}
			}
		}
		if err := sleep(p.ctx, 300*time.Millisecond); err != nil {
			t.Fatalf("waiting for the cells to run: %v", err)
		}
	}
	t.Logf("ran all cells in %v", since(start))

	// The outputs, as the reader sees them.
	st, err := eval[[]cellState](p, stateJS)
	if err != nil {
		t.Fatal(withCause(p, err))
	}
	for ci, c := range st {
		if !c.Code {
			continue
		}
		if !ranPrompt.MatchString(c.Prompt) {
			t.Errorf("cell %d did not run: prompt %q", ci, c.Prompt)
		}
		if ci == interrupted {
			checkStopped(t, ci, c)
			continue
		}
		for _, e := range c.Errors {
			if e.Kind == "gonb" || ipynb.ErrorText.MatchString(e.Text) {
				t.Errorf("cell %d shows an error: %s", ci, clip(e.Text))
			}
		}
		if c.BrokenImages > 0 {
			t.Errorf("cell %d has %d images that did not load", ci, c.BrokenImages)
		}
	}
	if dialog, _ := eval[string](p, `[...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText).join(' | ')`); dialog != "" {
		t.Errorf("a dialog is open: %s", clip(dialog))
	}
	for _, ci := range wantImages(nb) {
		if ci == interrupted {
			continue // the test moved its slider: checked above
		}
		// The outputs are in; an image may still be decoding.
		shows := fmt.Sprintf(`(() => {
			const c = document.querySelectorAll(%s)[%d];
			return !!c && ([...c.querySelectorAll('.jp-OutputArea img')].some(i => i.complete && i.naturalWidth > 0) ||
				[...c.querySelectorAll('.jp-OutputArea svg')].some(s => s.getBoundingClientRect().width > 50 && s.childElementCount > 0));
		})()`, cellsSel, ci)
		if err := p.waitFor(fmt.Sprintf("a plot in cell %d", ci), shows); err != nil {
			t.Errorf("cell %d should show a plot: %v", ci, err)
		}
	}
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors (out/e2e/%s-console.log):\n%s", stem, strings.Join(errs, "\n"))
	}
	if _, err := eval[bool](p, `(() => {
		const img = document.querySelector(`+cellsSel+` + ' .jp-OutputArea img');
		if (img) img.scrollIntoView({block: 'center'});
		return !!img;
	})()`); err != nil {
		t.Log(err)
	}
	p.screenshot(t, stem+".png")
	p.mu.Lock()
	defer p.mu.Unlock()
	return slid, slices.Clone(p.lines)
}

// checkStopped checks the cell the test stopped with Kernel > Interrupt
// Kernel: stopping live widgets is the normal way to end such a cell, so
// it must end quietly (no stderr, no error output, no GoNB error report)
// with a line that says it stopped.
func checkStopped(t *testing.T, ci int, c cellState) {
	t.Helper()
	for _, e := range c.Errors {
		t.Errorf("cell %d, stopped with Kernel > Interrupt Kernel, shows an error output: %s", ci, clip(e.Text))
	}
	if !stoppedLine.MatchString(c.Text) {
		t.Errorf("cell %d, stopped with Kernel > Interrupt Kernel, shows no line that says it stopped; its output:\n%s", ci, clip(c.Text))
	}
}

// stoppedLine is what a cell the reader stopped must print.
var stoppedLine = regexp.MustCompile(`(?im)^.*(\bstopped\b|已停止).*$`)

// withCause adds the page's deadline to err when it has passed.
func withCause(p *page, err error) error {
	if c := context.Cause(p.ctx); c != nil {
		return fmt.Errorf("%v: %w", err, c)
	}
	return err
}

// ranPrompt is the prompt of a cell that ran: [3]:
var ranPrompt = regexp.MustCompile(`^\[\d+\]`)

// wantImages returns the cells that show a plot in the saved notebook,
// which holds the outputs of a tested run (make notebooks).
func wantImages(nb notebook) []int {
	saved, err := ipynb.Read(nb.path)
	if err != nil {
		return nil
	}
	return saved.ImageCells()
}

// cellsSel selects the cells of the notebook on show.
const cellsSel = `'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell'`

// cellState is what a cell shows.
type cellState struct {
	Code         bool
	Prompt       string
	Text         string // its outputs' text
	Images       int    // loaded img elements and drawn svg elements in the outputs
	BrokenImages int
	Errors       []struct {
		Kind string // stderr (stream or error output) or gonb (compile error)
		Text string
	}
}

const stateJS = `[...document.querySelectorAll(` + cellsSel + `)].map(c => {
	const out = c.querySelector('.jp-OutputArea');
	const imgs = out ? [...out.querySelectorAll('img')] : [];
	const svgs = out ? [...out.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width > 50 && s.childElementCount > 0) : [];
	const errs = out ? [
		...[...out.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')].map(e => ({Kind: 'stderr', Text: e.innerText})),
		...[...out.querySelectorAll('.gonb-err-location')].map(e => ({Kind: 'gonb', Text: e.parentElement.innerText})),
	] : [];
	return {
		Code: c.classList.contains('jp-CodeCell'),
		Prompt: (c.querySelector('.jp-InputPrompt')?.innerText || '').trim(),
		Text: out ? out.innerText : '',
		Images: imgs.filter(i => i.complete && i.naturalWidth > 0).length + svgs.length,
		BrokenImages: imgs.filter(i => i.complete && i.naturalWidth === 0).length,
		Errors: errs,
	};
})`

// slider is the first slider in a cell's output, scrolled into view.
type slider struct {
	Cell     int
	Name     string // the knob's name beside the slider, if its row has one
	Running  bool   // the cell still runs, so it listens to the slider
	Value    string
	Images   int
	Sig      string // a hash of the cell's images
	Position rect
}

// sliderJS finds the first slider; sigJS hashes the images of cell c.
const (
	sigJS = `((c) => {
		let h = 0;
		const s = [...c.querySelectorAll('.jp-OutputArea img')].map(i => i.src).join('|') +
			[...c.querySelectorAll('.jp-OutputArea svg')].map(s => s.outerHTML).join('|');
		for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
		return String(h) + ':' + s.length;
	})`
	sliderJS = `(() => {
		const cells = [...document.querySelectorAll(` + cellsSel + `)];
		for (let i = 0; i < cells.length; i++) {
			const c = cells[i], s = c.querySelector('.jp-OutputArea input[type=range]');
			if (!s) continue;
			s.scrollIntoView({block: 'center'});
			const r = s.getBoundingClientRect();
			return {
				Cell: i,
				Name: s.closest('tr')?.querySelector('td b')?.innerText || '',
				Running: (c.querySelector('.jp-InputPrompt')?.innerText || '').includes('*'),
				Value: s.value,
				Images: [...c.querySelectorAll('.jp-OutputArea img')].filter(i => i.complete && i.naturalWidth > 0).length,
				Sig: ` + sigJS + `(c),
				Position: {X: r.left, Y: r.top, W: r.width, H: r.height},
			};
		}
		return null;
	})()`
)

func findSlider(p *page) (slider, bool) {
	s, err := eval[*slider](p, sliderJS)
	if err != nil || s == nil {
		return slider{}, false
	}
	return *s, true
}

// moveSlider waits for the page's widget connection and the plot beside
// the slider, clicks at 85% of the slider's track, as a reader would, and
// waits for the cell to show a new plot while it still runs.
func moveSlider(t *testing.T, p *page, stem string, s slider) bool {
	t.Helper()
	// A reader's move reaches the program only once GoNB has acknowledged
	// the page's connection; a move before that is lost.
	if err := p.waitFor("the widgets' connection to GoNB", `(() => {
		const g = globalThis.gonb_comm;
		if (!g) return false;
		if (!g.e2eWatch) { g.e2eWatch = true; g._is_connected.then(() => { g.e2eReady = true; }); }
		return !!g.e2eReady;
	})()`); err != nil {
		t.Error(err)
		return false
	}
	plotted := fmt.Sprintf(`(() => {
		const c = document.querySelectorAll(%s)[%d];
		return [...c.querySelectorAll('.jp-OutputArea img')].some(i => i.complete && i.naturalWidth > 0) ||
			!(c.querySelector('.jp-InputPrompt')?.innerText || '').includes('*');
	})()`, cellsSel, s.Cell)
	if err := p.waitFor("a plot beside the slider", plotted); err != nil {
		t.Error(err)
		return false
	}
	if s, _ = findSlider(p); s.Images == 0 || !s.Running {
		t.Errorf("cell %d: the slider has no plot beside it, or its cell ended first", s.Cell)
		return false
	}
	p.screenshot(t, stem+"-slider-before.png")
	r := s.Position
	if err := chromedp.Do(p.ctx, chromedp.MouseClickXY(r.X+0.85*r.W, r.Y+r.H/2)); err != nil {
		t.Error(err)
		return false
	}
	// The slider moves at once; the new plot comes when the cell has
	// computed it (a retraining takes seconds, more on half a CPU).
	check := fmt.Sprintf(`(() => {
		const c = document.querySelectorAll(%s)[%d];
		const s = c.querySelector('.jp-OutputArea input[type=range]');
		const r = {
			Moved: !!s && s.value !== %q,
			Value: s ? s.value : '',
			Changed: %s(c) !== %q && [...c.querySelectorAll('.jp-OutputArea img')].some(i => i.complete && i.naturalWidth > 0),
			Running: (c.querySelector('.jp-InputPrompt')?.innerText || '').includes('*'),
		};
		r.Done = !r.Moved || r.Changed || !r.Running;
		return r;
	})()`, cellsSel, s.Cell, s.Value, sigJS, s.Sig)
	type result struct {
		Moved, Changed, Running, Done bool
		Value                         string
	}
	var res *result
	for {
		var err error
		if res, err = eval[*result](p, check); err != nil {
			t.Error(withCause(p, err))
			return false
		}
		if res.Done {
			break
		}
		if err := sleep(p.ctx, 200*time.Millisecond); err != nil {
			t.Errorf("cell %d: waiting for the plot to change after the slider moved to %s: %v", s.Cell, res.Value, err)
			return false
		}
	}
	p.screenshot(t, stem+"-slider-after.png")
	switch {
	case !res.Moved:
		t.Errorf("cell %d: clicking the slider did not move it (value %s)", s.Cell, res.Value)
	case !res.Changed:
		t.Errorf("cell %d: the slider moved from %s to %s and its cell ended before the plot changed", s.Cell, s.Value, res.Value)
	case !res.Running:
		t.Errorf("cell %d: the plot changed only because the cell ended", s.Cell)
	default:
		t.Logf("cell %d: slider %q moved from %s to %s, and the plot changed", s.Cell, s.Name, s.Value, res.Value)
		return true
	}
	return false
}
