//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// browserZh is the one Chinese notebook the browser test runs (the offline
// test runs them all): the knobs, whose sliders, panel and messages follow
// the notebook's language.
const browserZh = "zh/06-knobs.ipynb"

// inBrowser reports whether the browser test runs nb: every English
// notebook and fixture, and browserZh of the Chinese ones.
func inBrowser(nb notebook) bool {
	return !strings.HasPrefix(nb.name, "zh/") || nb.name == browserZh
}

// inOffline reports whether the offline test runs nb: every Chinese
// notebook and fixture, and an English notebook only when it has no Chinese
// twin. The English notebooks run in the browser test, in the same image;
// the drift test (internal/notebooktest/zh_test.go) keeps each one's Go
// code token for token that of its twin, so the twin's offline run shows
// that their code, too, needs no network. Running both editions offline
// would add about 8 minutes to CI and test no other code.
func inOffline(nb notebook, nbs []notebook) bool {
	if nb.fixture || strings.HasPrefix(nb.name, "zh/") {
		return true
	}
	for _, o := range nbs {
		if o.name == "zh/"+nb.name {
			return false
		}
	}
	return true
}

// addressZh is the line the container prints with SINENET_LANG=zh: the
// address line of start_test.go's address, in Chinese.
var addressZh = regexp.MustCompile(`sinenet：在浏览器中打开 (http://127\.0\.0\.1:8888(/\S*)) (，再把你的 SINENET_TOKEN 粘贴到“Password or token”框中)?（8888 是容器内的端口，请换成你用 docker run -p 发布的主机端口）`)

// testLandingZh runs the image with SINENET_LANG=zh, as the Chinese README
// says, and opens the address it prints: it must open the first Chinese
// notebook, logged in, with its kernel idle.
func testLandingZh(t *testing.T, browser context.Context, nbs []notebook) {
	first := ""
	for _, nb := range nbs {
		if strings.HasPrefix(nb.name, "zh/") {
			first = nb.name
			break
		}
	}
	if first == "" {
		t.Fatal("no Chinese notebooks in notebooks/zh/")
	}
	l := startLab(t, "lab-zh", false, append(cpus(), "-e", "SINENET_LANG=zh")...)
	logs := docker(t, "logs", l.container)
	m := addressZh.FindStringSubmatch(logs)
	if m == nil {
		t.Fatalf("with SINENET_LANG=zh, the log names no address to open, in Chinese:\n%s", tail(logs, 20))
	}
	if !strings.HasPrefix(m[2], "/lab/tree/notebooks/"+first+"?") {
		t.Errorf("with SINENET_LANG=zh, the address %s does not open the first Chinese notebook, %s", m[1], first)
	}
	if pg := playgroundAddress.FindString(logs); !strings.Contains(pg, "游乐场") {
		t.Errorf("with SINENET_LANG=zh, the log names no playground address in Chinese:\n%s", tail(logs, 20))
	}
	p, closeTab := tab(browser, "landing-zh", landingDeadline,
		fmt.Errorf("the Chinese landing page is not ready after %v", landingDeadline))
	defer func() {
		if t.Failed() {
			p.screenshot(t, "landing-zh-failed.png")
			l.keepState(t, "landing-zh")
		}
		closeTab()
		l.endKernels(t)
	}()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(l.base+m[2])); err != nil {
		t.Fatal(err)
	}
	err := notebookShown(p, l, first)
	p.screenshot(t, "landing-zh.png")
	if err != nil {
		t.Fatalf("JupyterLab does not show the first Chinese notebook: %v", err)
	}
}
