//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// playgroundAddress is the line the container prints for the browser
// playground (docker/start.sh), in English or, with SINENET_LANG=zh, in
// Chinese.
var playgroundAddress = regexp.MustCompile(`(?m)^sinenet(?:: the playground \(the package in your browser, no kernel\) is at|：游乐场（在浏览器里运行本包，不用内核）在) (http://127\.0\.0\.1:8090(/\S*)) [(（]8090 `)

// playgroundDeadline is all the time the playground gets to load and end
// its default run (about 10 s in headless Chromium on these machines).
const playgroundDeadline = 3 * time.Minute

// testPlayground opens the playground's address that the container prints,
// on the host port the test published for the container's 8090, as
// cmd/playground's TestPage opens the page it serves itself: the page must
// load its wasm (sent as application/wasm), draw the fit frame by frame,
// end its default run, and log no error in its console.
func testPlayground(t *testing.T, browser context.Context, l *lab) {
	logs := docker(t, "logs", l.container)
	m := playgroundAddress.FindStringSubmatch(logs)
	if m == nil {
		t.Fatalf("the log names no playground address:\n%s", tail(logs, 20))
	}
	url := l.playground + m[2]
	resp, err := (&http.Client{Timeout: time.Minute}).Get(url + "sinenet.wasm")
	if err != nil {
		t.Fatalf("the container does not serve the playground on its port 8090: %v", err)
	}
	resp.Body.Close()
	if typ := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || typ != "application/wasm" {
		t.Errorf("%ssinenet.wasm: %s, %q; want 200 OK, application/wasm", m[1], resp.Status, typ)
	}

	p, closeTab := tab(browser, "playground", playgroundDeadline,
		fmt.Errorf("the playground's default run did not end within %v", playgroundDeadline))
	defer closeTab()
	start := time.Now()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	err = p.waitFor("the default run to end", `["done", "diverged", "failed"].includes(document.body.dataset.state)`)
	p.screenshot(t, "playground.png")
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	state, _ := eval[string](p, `document.body.dataset.state`)
	frames, _ := eval[int](p, `Number(document.body.dataset.frames)`)
	fit, _ := eval[string](p, `document.getElementById("fit-line")?.getAttribute("d") ?? ""`)
	fingerprint, _ := eval[string](p, `document.getElementById("fingerprint").textContent`)
	if state != "done" || frames < 2 || fit == "" {
		alert, _ := eval[string](p, `document.getElementById("alert").textContent`)
		t.Errorf("the default run ended %q with %d frames drawn and fit %.40q, want done, at least 2 frames and a fit (alert %q)", state, frames, fit, alert)
	}
	t.Logf("the playground from the container: page open to the default run's end %.1f s, %d frames, fingerprint %s", took.Seconds(), frames, fingerprint)
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors in the playground (out/e2e/playground-console.log):\n%s", strings.Join(errs, "\n"))
	}
}
