//go:build e2e

package e2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// chromium is Debian's browser; tools that download their own fail here.
const chromium = "/usr/bin/chromium"

// lab is a JupyterLab server in a container, as a reader starts it.
type lab struct {
	container string
	base      string // http://127.0.0.1:PORT
	token     string
}

// testBrowser runs the image as a reader does, and clicks through every
// notebook in JupyterLab with headless Chromium.
func testBrowser(t *testing.T, nbs []notebook) {
	l := startLab(t, nbs)
	browser := startBrowser(t)

	t.Run("landing", func(t *testing.T) { testLanding(t, browser, l, nbs) })
	sliders := 0
	for i, nb := range nbs {
		t.Run(nb.name, func(t *testing.T) {
			if testNotebook(t, browser, l, i, nb) {
				sliders++
			}
		})
	}
	if sliders == 0 {
		t.Error("no notebook showed a slider that redraws a plot")
	}
	t.Run("stop", func(t *testing.T) { testStop(t, l) })
}

func startLab(t *testing.T, nbs []notebook) *lab {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	l := &lab{base: fmt.Sprintf("http://127.0.0.1:%d", port), token: hex.EncodeToString(b)}
	// The README's command, with the token and port the test chose.
	l.container = startContainer(t, "lab", "-p", fmt.Sprintf("127.0.0.1:%d:8888", port),
		"-e", "SINENET_TOKEN="+l.token, image)
	copyFixtures(t, l.container, nbs)

	start := time.Now()
	for {
		if _, err := l.api(http.MethodGet, "/api/status"); err == nil {
			break
		}
		if time.Since(start) > 2*time.Minute {
			logs, _ := command(time.Minute, "docker", "logs", l.container)
			t.Fatalf("JupyterLab did not answer on %s within 2 minutes\n%s", l.base, tail(logs, 30))
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("JupyterLab answered on %s after %v", l.base, since(start))
	return l
}

// api calls JupyterLab's REST API and returns the body.
func (l *lab) api(method, path string) ([]byte, error) {
	req, err := http.NewRequest(method, l.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "token "+l.token)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	return body, nil
}

// kernelsIdle reports whether JupyterLab runs at least one kernel and all
// of them are idle.
func (l *lab) kernelsIdle() bool {
	body, err := l.api(http.MethodGet, "/api/kernels")
	if err != nil {
		return false
	}
	var ks []struct {
		State string `json:"execution_state"`
	}
	if json.Unmarshal(body, &ks) != nil || len(ks) == 0 {
		return false
	}
	for _, k := range ks {
		if k.State != "idle" {
			return false
		}
	}
	return true
}

// shutdownKernels ends every session, so the next notebook has the CPUs.
func (l *lab) shutdownKernels(t *testing.T) {
	body, err := l.api(http.MethodGet, "/api/sessions")
	if err != nil {
		t.Log(err)
		return
	}
	var ss []struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(body, &ss)
	for _, s := range ss {
		if _, err := l.api(http.MethodDelete, "/api/sessions/"+s.ID); err != nil {
			t.Log(err)
		}
	}
}

func startBrowser(t *testing.T) context.Context {
	t.Helper()
	log, err := os.Create(filepath.Join(outDir, "chromium.log"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { log.Close() })
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.CombinedOutput(log),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start %s: %v", chromium, err)
	}
	return ctx
}

// testLanding opens the address the container prints, as a reader does, and
// checks that JupyterLab shows the notebooks folder and the first notebook.
func testLanding(t *testing.T, browser context.Context, l *lab, nbs []notebook) {
	ctx, cancel := tab(t, browser, "landing")
	defer cancel()
	logs := docker(t, "logs", l.container)
	m := regexp.MustCompile(`sinenet: JupyterLab at http://127\.0\.0\.1:8888(/\S*)`).FindStringSubmatch(logs)
	if m == nil {
		t.Fatalf("the log names no address to open:\n%s", tail(logs, 20))
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(l.base+m[1]+"?token="+l.token)); err != nil {
		t.Fatal(err)
	}
	defer l.shutdownKernels(t)
	var names []string
	first := ""
	for _, nb := range nbs {
		names = append(names, nb.name)
		if first == "" && !nb.fixture {
			first = nb.name
		}
	}
	want, _ := json.Marshal(names)
	err := waitJS(ctx, 2*time.Minute, `(() => {
		const items = [...document.querySelectorAll('.jp-DirListing-item .jp-DirListing-itemText')].map(e => e.innerText.trim());
		return `+string(want)+`.every(n => items.includes(n));
	})()`)
	if err == nil && first != "" {
		err = waitJS(ctx, 2*time.Minute, fmt.Sprintf(`[...document.querySelectorAll('.lm-TabBar-tabLabel')].some(e => e.innerText.trim() === %q)`, first))
	}
	time.Sleep(2 * time.Second) // let the page settle before the picture
	screenshot(t, ctx, "landing.png")
	if err != nil {
		t.Fatalf("JupyterLab does not show the notebooks folder and the first notebook: %v", err)
	}
}

// testNotebook opens a notebook, runs all its cells and checks the outputs.
// It reports whether it moved a slider and saw the plot change.
func testNotebook(t *testing.T, browser context.Context, l *lab, i int, nb notebook) (slid bool) {
	ctx, cancel := tab(t, browser, nb.name)
	defer cancel()
	defer l.shutdownKernels(t)
	stem := strings.TrimSuffix(nb.name, ".ipynb")

	// A workspace of its own, so earlier notebooks do not reopen.
	u := fmt.Sprintf("%s/lab/workspaces/e2e-%d/tree/notebooks/%s?reset&token=%s", l.base, i, url.PathEscape(nb.name), l.token)
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if err := waitJS(ctx, 2*time.Minute, `document.querySelectorAll(`+cellsSel+`).length > 0`); err != nil {
		screenshot(t, ctx, stem+"-open.png")
		t.Fatalf("the notebook did not open: %v", err)
	}
	for deadline := time.Now().Add(2 * time.Minute); !l.kernelsIdle(); time.Sleep(500 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the kernel did not start within 2 minutes")
		}
	}
	time.Sleep(time.Second) // let the page settle before the picture
	screenshot(t, ctx, stem+"-open.png")
	t.Logf("opened, kernel idle, in %v", since(start))

	start = time.Now()
	if err := runAll(ctx); err != nil {
		screenshot(t, ctx, stem+"-run.png")
		t.Fatalf("Run All Cells: %v", err)
	}
	// Wait for the cells to run; meanwhile, move the first slider that shows.
	sawBusy, idleTwice, interrupted := false, 0, -1
	for deadline := time.Now().Add(10 * time.Minute); ; time.Sleep(500 * time.Millisecond) {
		if time.Now().After(deadline) {
			screenshot(t, ctx, stem+".png")
			t.Fatal("the cells did not finish within 10 minutes")
		}
		if !sawBusy && time.Since(start) > time.Minute {
			screenshot(t, ctx, stem+".png")
			t.Fatal("no cell started within a minute of Run All Cells")
		}
		st, err := chromedp.Run(ctx, chromedp.Evaluate[[]cellState](stateJS))
		if err != nil {
			t.Fatal(err)
		}
		running := false
		for _, c := range st {
			running = running || strings.Contains(c.Prompt, "*")
		}
		sawBusy = sawBusy || running
		if !slid && running {
			if s, ok := findSlider(ctx); ok && s.Running {
				slid = moveSlider(t, ctx, stem, s)
				// A widget cell listens until it times out: stop it as a
				// reader would, and let the cells after it run.
				interrupted = s.Cell
				if err := interrupt(ctx); err != nil {
					t.Errorf("Kernel > Interrupt Kernel: %v", err)
				}
			}
		}
		if sawBusy && !running && l.kernelsIdle() {
			if idleTwice++; idleTwice == 2 {
				break
			}
		} else {
			idleTwice = 0
		}
	}
	t.Logf("ran all cells in %v", since(start))

	// The outputs, as the reader sees them.
	st, err := chromedp.Run(ctx, chromedp.Evaluate[[]cellState](stateJS))
	if err != nil {
		t.Fatal(err)
	}
	for ci, c := range st {
		if c.Code && !ranPrompt.MatchString(c.Prompt) {
			t.Errorf("cell %d did not run: prompt %q", ci, c.Prompt)
		}
		for _, e := range c.Errors {
			if ci == interrupted && interruptLike.MatchString(e.Text) {
				continue
			}
			if e.Kind == "gonb" || ipynb.ErrorText.MatchString(e.Text) {
				t.Errorf("cell %d shows an error: %s", ci, clip(e.Text))
			}
		}
		if c.BrokenImages > 0 {
			t.Errorf("cell %d has %d images that did not load", ci, c.BrokenImages)
		}
	}
	if dialog, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText).join(' | ')`)); dialog != "" {
		t.Errorf("a dialog is open: %s", clip(dialog))
	}
	for _, ci := range wantImages(t, nb) {
		if ci < len(st) && st[ci].Images > 0 {
			continue
		}
		// Give a late output, or a cell JupyterLab has not drawn yet since
		// it is out of view, a chance: scroll to it and wait a little.
		shows := fmt.Sprintf(`(() => {
			const c = document.querySelectorAll(%s)[%d];
			if (!c) return false;
			c.scrollIntoView({block: 'center'});
			return [...c.querySelectorAll('.jp-OutputArea img')].some(i => i.complete && i.naturalWidth > 0) ||
				[...c.querySelectorAll('.jp-OutputArea svg')].some(s => s.getBoundingClientRect().width > 50 && s.childElementCount > 0);
		})()`, cellsSel, ci)
		if err := waitJS(ctx, 15*time.Second, shows); err != nil {
			screenshot(t, ctx, fmt.Sprintf("%s-cell%d.png", stem, ci))
			t.Errorf("cell %d should show a plot, and shows no image", ci)
		}
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
		const img = document.querySelector(`+cellsSel+` + ' .jp-OutputArea img');
		if (img) img.scrollIntoView({block: 'center'});
		return !!img;
	})()`)); err != nil {
		t.Log(err)
	}
	time.Sleep(500 * time.Millisecond)
	screenshot(t, ctx, stem+".png")
	return slid
}

// ranPrompt is the prompt of a cell that ran: [3]:
var ranPrompt = regexp.MustCompile(`^\[\d+\]`)

// wantImages returns the cells that show a plot when the notebook runs
// headless (from TestOfflineNotebooks), or in the saved notebook.
func wantImages(t *testing.T, nb notebook) []int {
	for _, p := range []string{filepath.Join(outDir, "offline", nb.name), nb.path} {
		if nb, err := ipynb.Read(p); err == nil {
			if idx := nb.ImageCells(); len(idx) > 0 {
				return idx
			}
		}
	}
	return nil
}

// cellsSel selects the cells of the notebook on show.
const cellsSel = `'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell'`

// cellState is what a cell shows.
type cellState struct {
	Code         bool `json:"code"`
	Prompt       string
	Images       int // loaded img elements and drawn svg elements in the outputs
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
		code: c.classList.contains('jp-CodeCell'),
		Prompt: (c.querySelector('.jp-InputPrompt')?.innerText || '').trim(),
		Images: imgs.filter(i => i.complete && i.naturalWidth > 0).length + svgs.length,
		BrokenImages: imgs.filter(i => i.complete && i.naturalWidth === 0).length,
		Errors: errs,
	};
})`

// interruptLike matches what the cell a test interrupted may show.
var interruptLike = regexp.MustCompile(`(?i)interrupt|signal: killed|exit status`)

// runAll clicks Run > Run All Cells in the menu bar.
func runAll(ctx context.Context) error { return menu(ctx, "Run", "Run All Cells") }

// interrupt clicks Kernel > Interrupt Kernel.
func interrupt(ctx context.Context) error { return menu(ctx, "Kernel", "Interrupt Kernel") }

// menu clicks an item of a menu in the menu bar.
func menu(ctx context.Context, name, label string) error {
	if err := clickJS(ctx, fmt.Sprintf(`[...document.querySelectorAll('.lm-MenuBar-item')].find(e => e.innerText.trim() === %q)`, name)); err != nil {
		return fmt.Errorf("menu %s: %v", name, err)
	}
	item := fmt.Sprintf(`[...document.querySelectorAll('.lm-Menu-item')].find(e => e.querySelector('.lm-Menu-itemLabel')?.innerText.trim() === %q)`, label)
	if err := waitJS(ctx, 10*time.Second, `!!`+item); err != nil {
		return fmt.Errorf("menu item %s: %v", label, err)
	}
	return clickJS(ctx, item)
}

// clickJS clicks with the mouse in the middle of the element an expression
// finds.
func clickJS(ctx context.Context, element string) error {
	r, err := chromedp.Run(ctx, chromedp.Evaluate[*rect](`(() => {
		const e = `+element+`;
		if (!e) return null;
		const r = e.getBoundingClientRect();
		return {X: r.left, Y: r.top, W: r.width, H: r.height};
	})()`))
	if err != nil {
		return err
	}
	if r == nil {
		return fmt.Errorf("no element %s", element)
	}
	// Hover first: a menu item acts on a click only once the pointer is on it.
	x, y := r.X+r.W/2, r.Y+r.H/2
	return chromedp.Do(ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.MouseClickXY(x, y))
}

type rect struct{ X, Y, W, H float64 }

// slider is the first slider in a cell's output, scrolled into view.
type slider struct {
	Cell     int
	Running  bool // the cell still runs, so it listens to the slider
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
				Running: (c.querySelector('.jp-InputPrompt')?.innerText || '').includes('*'),
				Value: s.value,
				Images: c.querySelectorAll('.jp-OutputArea img, .jp-OutputArea svg').length,
				Sig: ` + sigJS + `(c),
				Position: {X: r.left, Y: r.top, W: r.width, H: r.height},
			};
		}
		return null;
	})()`
)

func findSlider(ctx context.Context) (slider, bool) {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[*slider](sliderJS))
	if err != nil || s == nil {
		return slider{}, false
	}
	return *s, true
}

// moveSlider clicks at 85% of the slider's track, as a reader would, and
// waits for the cell to show a new plot (a loaded image) while it still runs.
func moveSlider(t *testing.T, ctx context.Context, stem string, s slider) bool {
	// The plot may show a moment after the slider.
	for deadline := time.Now().Add(10 * time.Second); s.Images == 0 && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		s, _ = findSlider(ctx)
	}
	if s.Images == 0 || !s.Running {
		t.Errorf("cell %d: the slider has no plot beside it, or its cell ended first", s.Cell)
		return false
	}
	screenshot(t, ctx, stem+"-slider-before.png")
	p := s.Position
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(p.X+0.85*p.W, p.Y+p.H/2)); err != nil {
		t.Error(err)
		return false
	}
	check := fmt.Sprintf(`(() => {
		const c = document.querySelectorAll(%s)[%d];
		const s = c.querySelector('.jp-OutputArea input[type=range]');
		return {
			Moved: !!s && s.value !== %q,
			Value: s ? s.value : '',
			Changed: %s(c) !== %q && [...c.querySelectorAll('.jp-OutputArea img')].some(i => i.complete && i.naturalWidth > 0),
			Running: (c.querySelector('.jp-InputPrompt')?.innerText || '').includes('*'),
		};
	})()`, cellsSel, s.Cell, s.Value, sigJS, s.Sig)
	type result struct {
		Moved, Changed, Running bool
		Value                   string
	}
	var r *result
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		var err error
		if r, err = chromedp.Run(ctx, chromedp.Evaluate[*result](check)); err != nil {
			t.Error(err)
			return false
		}
		if r.Moved && r.Changed {
			break
		}
	}
	screenshot(t, ctx, stem+"-slider-after.png")
	switch {
	case !r.Moved:
		t.Errorf("cell %d: clicking the slider did not move it (value %s)", s.Cell, r.Value)
	case !r.Changed:
		t.Errorf("cell %d: the slider moved from %s to %s and the plot did not change", s.Cell, s.Value, r.Value)
	case !r.Running:
		t.Errorf("cell %d: the plot changed only because the cell ended", s.Cell)
	default:
		t.Logf("cell %d: slider moved from %s to %s, and the plot changed", s.Cell, s.Value, r.Value)
		return true
	}
	return false
}

// testStop stops the container as docker stop does, and expects JupyterLab
// to shut down cleanly well before docker would kill it.
func testStop(t *testing.T, l *lab) {
	start := time.Now()
	docker(t, "stop", "-t", "30", l.container)
	took := time.Since(start)
	code := docker(t, "inspect", "-f", "{{.State.ExitCode}}", l.container)
	logs, _ := command(time.Minute, "docker", "logs", l.container)
	t.Logf("docker stop took %v, exit code %s", took.Round(100*time.Millisecond), code)
	if took > 20*time.Second || code != "0" {
		t.Errorf("unclean stop: %v, exit code %s\n%s", took, code, tail(logs, 15))
	}
}

// waitJS polls a JavaScript expression until it is true.
func waitJS(ctx context.Context, timeout time.Duration, expr string) error {
	var err error
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		var ok bool
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return nil
		}
	}
	if err == nil {
		err = fmt.Errorf("still false after %v: %s", timeout, clip(expr))
	}
	return err
}

// tab opens a browser tab whose console goes to out/e2e/NAME-console.log.
func tab(t *testing.T, browser context.Context, name string) (context.Context, context.CancelFunc) {
	ctx, cancel := chromedp.NewContext(browser)
	var mu sync.Mutex
	var lines []string
	_ = chromedp.Listen(ctx, func(ev any) {
		var line string
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
		case *runtime.EventExceptionThrown:
			line = "exception: " + ev.ExceptionDetails.Text
			if ev.ExceptionDetails.Exception != nil {
				line += " " + ev.ExceptionDetails.Exception.Description
			}
		default:
			return
		}
		mu.Lock()
		lines = append(lines, line)
		mu.Unlock()
	})
	return ctx, func() {
		cancel()
		mu.Lock()
		defer mu.Unlock()
		stem := strings.TrimSuffix(name, ".ipynb")
		_ = os.WriteFile(filepath.Join(outDir, stem+"-console.log"), []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	}
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err == nil {
		err = os.WriteFile(filepath.Join(outDir, name), png, 0o644)
	}
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}
