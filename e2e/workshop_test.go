//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The edge of the workshop, where a reader steps off the notebooks: a
// kernel's shutdown and restart, the terminal, a link to the glossary, a
// wrong token, and a notebooks folder that cannot be saved.

// serverTrace matches a goroutine trace (a kernel's panic) or a Python
// traceback (the server's) in the container's log.
var serverTrace = regexp.MustCompile(`(?m)^(panic: .*|goroutine \d+ \[.*|Traceback \(most recent call last\):.*)$`)

// noTrace fails the test if the container's log holds a goroutine trace or
// a Python traceback.
func noTrace(t *testing.T, l *lab, after string) {
	t.Helper()
	logs, _ := command(time.Minute, "docker", "logs", l.container)
	if m := serverTrace.FindAllString(logs, 5); len(m) > 0 {
		t.Errorf("after %s, the container's log (docker logs) holds a trace:\n%s\n…\n%s", after, strings.Join(m, "\n"), tail(logs, 30))
	}
}

// testKernelRestart does through the server's API what closing a notebook
// and restarting its kernel do: it starts a kernel, restarts it (the
// server shuts the old process down, starts a new one and waits until it
// answers), shuts it down, then starts one more and does the same. GoNB
// v0.11.5 panicked at each shutdown ("close of closed channel", see
// docker/gonb-patch.sh); no goroutine trace and no Python traceback may
// reach the container's log.
func testKernelRestart(t *testing.T, l *lab) {
	defer l.endKernels(t)
	for round := 1; round <= 2; round++ {
		body, err := l.apiWait(http.MethodPost, "/api/kernels", time.Minute)
		if err != nil {
			t.Fatalf("start a kernel: %v", err)
		}
		var k kernel
		if err := json.Unmarshal(body, &k); err != nil || k.ID == "" {
			t.Fatalf("start a kernel: %v %s", err, body)
		}
		start := time.Now()
		if _, err := l.apiWait(http.MethodPost, "/api/kernels/"+k.ID+"/restart", 2*time.Minute); err != nil {
			t.Fatalf("restart kernel %s: %v", k.ID, err)
		}
		restarted := since(start)
		start = time.Now()
		if _, err := l.apiWait(http.MethodDelete, "/api/kernels/"+k.ID, 2*time.Minute); err != nil {
			t.Fatalf("shut kernel %s down: %v", k.ID, err)
		}
		t.Logf("kernel %d: restarted in %v, shut down in %v", round, restarted, since(start))
	}
	ks, err := l.kernels()
	if err != nil || len(ks) > 0 {
		t.Errorf("kernels left after their shutdown: %v %v", ks, err)
	}
	noTrace(t, l, "two kernels' restart and shutdown")
}

// testTerminal opens a terminal as a reader does, with File > New >
// Terminal, and types what a reader types first there, through a websocket
// of its own to the same terminal (JupyterLab's draws on a canvas, which
// holds no text to read): the terminal must be bash, in the repository,
// with the image's Go.
func testTerminal(t *testing.T, browser context.Context, l *lab) {
	p, closeTab := tab(browser, "terminal", 3*time.Minute, fmt.Errorf("the terminal did not answer within 3 minutes"))
	defer func() {
		if t.Failed() {
			p.screenshot(t, "terminal-failed.png")
		}
		closeTab()
		body, _ := l.api(http.MethodGet, "/api/terminals")
		var terms []struct{ Name string }
		_ = json.Unmarshal(body, &terms)
		for _, term := range terms {
			if _, err := l.api(http.MethodDelete, "/api/terminals/"+term.Name); err != nil {
				t.Error(err)
			}
		}
	}()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fmt.Sprintf("%s/lab/workspaces/e2e-terminal?reset&token=%s", l.base, l.token))); err != nil {
		t.Fatal(err)
	}
	// Ready once it has restored the workspace: its launcher, and the
	// file browser's listing.
	if err := p.waitFor("JupyterLab's launcher", `!!document.querySelector('.jp-Launcher') && !!document.querySelector('.jp-DirListing-item')`); err != nil {
		t.Fatal(err)
	}
	if err := p.menu("File", "New"); err != nil {
		t.Fatal(err)
	}
	item := `[...document.querySelectorAll('.lm-Menu-item')].find(e => e.querySelector('.lm-Menu-itemLabel')?.innerText.trim() === 'Terminal')`
	if err := p.waitFor("File > New > Terminal", "!!"+item); err != nil {
		t.Fatal(err)
	}
	if err := p.click(item); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("the terminal in JupyterLab", `!!document.querySelector('.jp-Terminal .xterm')`); err != nil {
		t.Fatal(err)
	}
	var name string
	for name == "" {
		body, err := l.api(http.MethodGet, "/api/terminals")
		var terms []struct{ Name string }
		if err == nil && json.Unmarshal(body, &terms) == nil && len(terms) == 1 {
			name = terms[0].Name
		} else if err := sleep(p.ctx, 300*time.Millisecond); err != nil {
			t.Fatalf("the server lists no terminal (%s): %v", body, err)
		}
	}
	// The reply ends with e2e-42 (the command line, echoed, says
	// $((6*7))). go doc's first line is the package clause.
	const cmd = `echo "shell=$0 bash=${BASH_VERSION:-none} pwd=$PWD"; go version; go doc ./sinenet | head -n 3; echo e2e-$((6*7))`
	if _, err := eval[bool](p, fmt.Sprintf(`(() => {
		const t = window.e2eTerm = {out: '', error: ''};
		const ws = new WebSocket('ws://' + location.host + '/terminals/websocket/' + %q + '?token=' + %q);
		ws.onopen = () => ws.send(JSON.stringify(['stdin', %q + '\r']));
		ws.onmessage = (ev) => { const m = JSON.parse(ev.data); if (m[0] === 'stdout') t.out += m[1]; };
		ws.onerror = () => { t.error = 'websocket error'; };
		return true;
	})()`, name, l.token, cmd)); err != nil {
		t.Fatal(err)
	}
	err := p.waitFor("the terminal's reply", `/e2e-42/.test(window.e2eTerm.out) || !!window.e2eTerm.error`)
	out, _ := eval[string](p, `window.e2eTerm.out + window.e2eTerm.error`)
	p.screenshot(t, "terminal.png")
	out = ansi.ReplaceAllString(out, "")
	t.Logf("the terminal says:\n%s", out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"shell=/bin/bash", "pwd=" + repoInImage + "\n", "go version go1.", `package sinenet // import "github.com/sinenet/sinenet/sinenet"`} {
		if !strings.Contains(out, want) {
			t.Errorf("the terminal's reply lacks %q", want)
		}
	}
	if strings.Contains(out, "not found") {
		t.Error("the terminal says a command was not found")
	}
	if strings.Contains(out, "module lookup disabled") {
		t.Error("go doc looks modules up (GOPROXY=off): the image's module cache lacks go.mod files of the build list")
	}
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors (out/e2e/terminal-console.log):\n%s", strings.Join(errs, "\n"))
	}
}

// ansi matches a terminal's escape sequences.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07]*\x07|\r`)

// testGlossary clicks the glossary link of the first notebook, as a reader
// does: JupyterLab must open docs/glossary.md rendered, at its top, which
// is the glossary. Then it opens, from the file browser, a Markdown file
// and a Go module file at the repository's top. None of it may throw in the
// page, fail a request or leave a traceback in the server's log.
func testGlossary(t *testing.T, browser context.Context, l *lab, i int, nb notebook) {
	logsBefore, _ := command(time.Minute, "docker", "logs", l.container)
	p, closeTab := tab(browser, "glossary", landingDeadline, fmt.Errorf("the glossary did not open within %v", landingDeadline))
	defer func() {
		if t.Failed() {
			p.screenshot(t, "glossary-failed.png")
			l.keepState(t, "glossary")
		}
		closeTab()
		l.endKernels(t)
	}()
	u := fmt.Sprintf("%s/lab/workspaces/e2e-glossary-%d/tree/notebooks/%s?reset&token=%s", l.base, i, nb.name, l.token)
	if err := chromedp.Do(p.ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if err := notebookShown(p, l, nb.name); err != nil {
		t.Fatal(err)
	}
	link := `[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-RenderedMarkdown a')].find(a => a.textContent.trim() === 'glossary')`
	if err := p.waitFor("the glossary link", `(() => { const a = `+link+`; if (a) a.scrollIntoView({block: 'center'}); return !!a; })()`); err != nil {
		t.Fatal(err)
	}
	if err := p.click(link); err != nil {
		t.Fatal(err)
	}
	// What opened: want the Markdown Preview of docs/glossary.md, in front,
	// with its title and first term on show.
	if err := p.waitFor("a Markdown file opened", `(() => {
		const label = document.querySelector('.lm-DockPanel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel')?.innerText.trim() || '';
		const v = document.querySelector('.jp-MarkdownViewer:not(.lm-mod-hidden) h1, .jp-FileEditor:not(.lm-mod-hidden) .cm-content');
		return label.endsWith('.md') && !!v;
	})()`); err != nil {
		t.Fatal(err)
	}
	type view struct {
		Tab, Title, First string
		TitleShown        bool
		FirstShown        bool
		Editors           int
	}
	v, err := eval[view](p, `(() => {
		const v = document.querySelector('.jp-MarkdownViewer:not(.lm-mod-hidden)');
		const editors = [...document.querySelectorAll('.jp-FileEditor')].filter(e => e.offsetParent !== null).length;
		const tab = document.querySelector('.lm-DockPanel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel')?.innerText.trim() || '';
		if (!v) return {Tab: tab, Editors: editors};
		const box = v.getBoundingClientRect();
		const h1 = v.querySelector('h1'), first = v.querySelector('li strong');
		const shown = (e) => { if (!e) return false; const r = e.getBoundingClientRect(); return r.top >= box.top && r.bottom <= box.bottom; };
		return {Tab: tab, Title: h1 ? h1.innerText : '', First: first ? first.innerText : '', TitleShown: shown(h1), FirstShown: shown(first), Editors: editors};
	})()`)
	if err != nil {
		t.Fatal(err)
	}
	p.screenshot(t, "glossary.png")
	if v.Tab != "glossary.md" || v.Title != "Glossary" || !v.TitleShown || !v.FirstShown || v.Editors > 0 {
		t.Errorf("the glossary link opened %+v; want the rendered glossary (tab glossary.md, title Glossary) with its title and first term on show, and no text editor", v)
	} else {
		t.Logf("the glossary link opened the rendered glossary, at %q then %q", v.Title, v.First)
	}

	// From the file browser: the repository's top, README.md (rendered)
	// and go.mod (in the editor).
	if err := p.click(`document.querySelector('.jp-BreadCrumbs-home')`); err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ name, shown string }{
		{"README.md", `!!document.querySelector('.jp-MarkdownViewer:not(.lm-mod-hidden) h1')`},
		{"go.mod", `!!document.querySelector('.jp-FileEditor:not(.lm-mod-hidden) .cm-content')`},
	} {
		item := fmt.Sprintf(`[...document.querySelectorAll('.jp-DirListing-item')].find(e => e.querySelector('.jp-DirListing-itemText')?.innerText.trim() === %q)`, f.name)
		if err := p.waitFor(f.name+" in the file browser", "!!"+item); err != nil {
			t.Fatal(err)
		}
		r, err := eval[*rect](p, `(() => { const r = (`+item+`).getBoundingClientRect(); return {X: r.left, Y: r.top, W: r.width, H: r.height}; })()`)
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(p.ctx, chromedp.MouseClickXY(r.X+r.W/3, r.Y+r.H/2, chromedp.ClickCount(2))); err != nil {
			t.Fatal(err)
		}
		shown := fmt.Sprintf(`[...document.querySelectorAll('.lm-TabBar-tab.lm-mod-current .lm-TabBar-tabLabel')].some(e => e.innerText.trim() === %q) && %s`, f.name, f.shown)
		if err := p.waitFor(f.name+" open", shown); err != nil {
			t.Fatal(err)
		}
		// JupyterLab asks for the file's checkpoints as it opens it.
		if err := p.waitFor(f.name+"'s checkpoints asked for", fmt.Sprintf(`performance.getEntriesByType('resource').some(e => e.name.includes('/api/contents/%s/checkpoints'))`, f.name)); err != nil {
			t.Error(err)
		}
	}
	p.screenshot(t, "files.png")
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors (out/e2e/glossary-console.log):\n%s", strings.Join(errs, "\n"))
	}
	logs, _ := command(time.Minute, "docker", "logs", l.container)
	logs = strings.TrimPrefix(logs, logsBefore)
	if bad := failedRequest.FindAllString(logs, 5); len(bad) > 0 {
		t.Errorf("the server refused or failed requests:\n%s", strings.Join(bad, "\n"))
	}
	noTrace(t, l, "the glossary and the files")
}

// failedRequest matches the server's log line of a request that failed
// with a 403 or a 5xx.
var failedRequest = regexp.MustCompile(`(?m)^.*\b(403|5\d\d) (GET|POST|PUT|PATCH|DELETE) .*$`)

// testWrongToken opens the notebook's address with a wrong token (as with
// a token from an earlier run of the container), in a browser context of
// its own (the other tabs' cookie would log it in), then types a wrong
// token on the login page. The page must say what works in a container:
// docker logs, not jupyter server list.
func testWrongToken(t *testing.T, browser context.Context, l *lab) {
	p, closeTab := tab(browser, "wrong-token", landingDeadline, fmt.Errorf("the login page did not show within %v", landingDeadline), chromedp.WithNewBrowserContext())
	defer closeTab()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(l.base+"/lab/tree/notebooks?token=0123456789abcdef")); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if err := p.waitFor("the login page", `!!document.querySelector('input[type=password]')`); err != nil {
			t.Fatal(err)
		}
		text, err := eval[string](p, `document.body.innerText`)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(text, "docker logs") || strings.Contains(text, "jupyter server list") || strings.Contains(text, "enable a password") {
			t.Errorf("%s: the login page should name docker logs, and neither jupyter server list nor a password to set; it says:\n%s", when, text)
		}
	}
	check("a wrong token in the address")
	p.screenshot(t, "wrong-token.png")
	if err := chromedp.Do(p.ctx,
		chromedp.SendKeys(chromedp.CSS(`input[type=password]`), "not-the-token"),
		chromedp.Submit(chromedp.CSS(`input[type=password]`))); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("the login page's answer", `/Invalid credentials/i.test(document.body.innerText)`); err != nil {
		t.Error(err)
	}
	check("a wrong token typed")
	p.screenshot(t, "wrong-token-typed.png")
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors (out/e2e/wrong-token-console.log):\n%s", strings.Join(errs, "\n"))
	}
}

// testCannotSaveNote opens the first notebook on a server whose notebooks
// folder cannot be saved to, and runs its setup cell (Run > Run All Above
// Selected Cell, from the cell after it): the page must say, in that
// cell's output, that the notebook cannot be saved and why (want), with no
// error in the page.
func testCannotSaveNote(t *testing.T, browser context.Context, l *lab, name, want string) {
	p, closeTab := tab(browser, name, notebookDeadline, fmt.Errorf("the setup cell did not run within %v", notebookDeadline))
	defer func() {
		if t.Failed() {
			p.screenshot(t, name+"-failed.png")
			l.keepState(t, name)
		}
		closeTab()
		l.endKernels(t)
	}()
	nbs := notebooks()
	first := nbs[0].name
	if err := chromedp.Do(p.ctx, chromedp.Navigate(fmt.Sprintf("%s/lab/tree/notebooks/%s?token=%s", l.base, first, l.token))); err != nil {
		t.Fatal(err)
	}
	if err := notebookShown(p, l, first); err != nil {
		t.Fatal(err)
	}
	// The first code cell, and the cell after it.
	setup, err := eval[int](p, `[...document.querySelectorAll(`+cellsSel+`)].findIndex(c => c.classList.contains('jp-CodeCell'))`)
	if err != nil || setup < 0 {
		t.Fatalf("no code cell: %v", err)
	}
	if err := p.click(fmt.Sprintf(`document.querySelectorAll(%s)[%d].querySelector('.jp-InputPrompt')`, cellsSel, setup+1)); err != nil {
		t.Fatal(err)
	}
	if err := p.menu("Run", "Run All Above Selected Cell"); err != nil {
		t.Fatal(err)
	}
	out := fmt.Sprintf(`document.querySelectorAll(%s)[%d]`, cellsSel, setup)
	if err := p.waitFor("the setup cell's output", fmt.Sprintf(`/^\[\d+\]/.test((%s.querySelector('.jp-InputPrompt')?.innerText || '').trim())`, out)); err != nil {
		t.Fatal(err)
	}
	text, _ := eval[string](p, out+`.querySelector('.jp-OutputArea')?.innerText || ''`)
	p.screenshot(t, name+".png")
	if !strings.Contains(text, "this notebook cannot be saved") || !strings.Contains(text, want) {
		t.Errorf("the setup cell's output should say that the notebook cannot be saved (%s); it shows:\n%s", want, text)
	} else {
		t.Logf("the setup cell says: %s", strings.SplitN(text, "\n", 2)[0])
	}
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors (out/e2e/%s-console.log):\n%s", name, strings.Join(errs, "\n"))
	}
	noTrace(t, l, "the notebook opened in a folder that cannot be saved")
}
