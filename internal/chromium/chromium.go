//go:build playground || e2e

// Package chromium starts Debian's headless Chromium for the browser tests
// (cmd/playground's TestPage, build tag playground, and e2e, build tag
// e2e), with the flags that work on these machines: no sandbox, no GPU, no
// component updates, and a fresh profile for each test. Tools that
// download their own browser fail here.
package chromium

import (
	"context"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

// Path is Debian's browser (apt-get install chromium, or make deps).
const Path = "/usr/bin/chromium"

// Start starts headless Chromium with a window of width×height pixels and
// the extra options opts, and returns the browser's context; the browser
// stops when the test ends. It fails the test when Chromium is missing or
// does not start.
func Start(t testing.TB, width, height int, opts ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	if _, err := os.Stat(Path); err != nil {
		t.Fatalf("%s: %v; install chromium (make deps)", Path, err)
	}
	all := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-component-update", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(all, opts...)...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start %s: %v", Path, err)
	}
	return ctx
}
