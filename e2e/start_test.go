//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// address is the line the container prints for the reader to open: the
// address with the token, or without it, saying where the reader's own
// token (SINENET_TOKEN) goes.
var address = regexp.MustCompile(`sinenet: open (http://127\.0\.0\.1:8888(/\S*)) in your browser(, and paste your SINENET_TOKEN into "Password or token")? \(8888 is the port inside the container: use the host port you published`)

// landingDeadline is all the time the landing page gets to show the first
// notebook with its kernel idle: JupyterLab loads its front end, the server
// starts a kernel.
const landingDeadline = 3 * time.Minute

// testLanding opens the address the container prints, on the port the test
// published, as a reader does. It must open the first notebook, logged in,
// beside the notebooks folder, and throw no JavaScript error.
func testLanding(t *testing.T, browser context.Context, l *lab, nbs []notebook) {
	logs := docker(t, "logs", l.container)
	m := address.FindStringSubmatch(logs)
	if m == nil {
		t.Fatalf("the log names no address to open, with the port to use:\n%s", tail(logs, 20))
	}
	if !strings.HasSuffix(m[2], "?token="+l.token) || m[3] != "" {
		t.Errorf("the address %s does not carry the token", m[1])
	}
	var names []string // as the notebooks folder lists them: zh/… is the folder zh
	first := ""
	for _, nb := range nbs {
		if n, _, _ := strings.Cut(nb.name, "/"); !slices.Contains(names, n) {
			names = append(names, n)
		}
		if first == "" && !nb.fixture {
			first = nb.name
		}
	}
	if first != "" && !strings.HasPrefix(m[2], "/lab/tree/notebooks/"+first+"?") {
		t.Errorf("the address %s does not open the first notebook, %s", m[1], first)
	}

	p, closeTab := tab(browser, "landing", landingDeadline,
		fmt.Errorf("the landing page is not ready after %v", landingDeadline))
	defer func() {
		if t.Failed() {
			l.keepState(t, "landing")
		}
		closeTab()
		l.endKernels(t)
	}()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(l.base+m[2])); err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(names)
	err := p.waitFor("the notebooks folder, or a login page", `(() => {
		if (document.querySelector('input[type=password]')) return true;
		const items = [...document.querySelectorAll('.jp-DirListing-item .jp-DirListing-itemText')].map(e => e.innerText.trim());
		return `+string(want)+`.every(n => items.includes(n));
	})()`)
	if login, _ := eval[bool](p, `!!document.querySelector('input[type=password]')`); login {
		p.screenshot(t, "landing.png")
		t.Fatal("the printed address leads to the login page")
	}
	if err == nil && first != "" {
		err = notebookShown(p, l, first)
	}
	p.screenshot(t, "landing.png")
	if err != nil {
		t.Fatalf("JupyterLab does not show the notebooks folder and the first notebook: %v", err)
	}
	if errs := p.jsErrors(); len(errs) > 0 {
		t.Errorf("JavaScript errors on page load (out/e2e/landing-console.log):\n%s", strings.Join(errs, "\n"))
	}
	// Nor warnings: the image silenced JupyterLab's (see the Dockerfile).
	if warns := p.warnings(); len(warns) > 0 {
		t.Errorf("console warnings on page load (out/e2e/landing-console.log):\n%s", strings.Join(warns, "\n"))
	}
}

// notebookShown waits until the page shows notebook name (a path under
// notebooks/) in a tab, with its cells, and its kernel is idle with the
// page connected.
func notebookShown(p *page, l *lab, name string) error {
	err := p.waitFor(name+"'s tab", fmt.Sprintf(`[...document.querySelectorAll('.lm-TabBar-tabLabel')].some(e => e.innerText.trim() === %q) && document.querySelectorAll(%s).length > 0`, path.Base(name), cellsSel))
	if err == nil {
		_, err = l.pageKernel(p.ctx, "notebooks/"+name)
	}
	return err
}

// testOwnToken runs the image with the reader's own token, opens the
// address it prints, and pastes the token where the line says: the login
// page then opens the first notebook. The page offers no password to set.
func testOwnToken(t *testing.T, browser context.Context) {
	l := startLab(t, "own-token", true)
	logs := docker(t, "logs", l.container)
	m := address.FindStringSubmatch(logs)
	if m == nil || m[3] == "" || strings.Contains(logs, l.token) {
		t.Fatalf("with SINENET_TOKEN set, want the address without the token and where to paste it:\n%s", tail(logs, 20))
	}
	p, closeTab := tab(browser, "own-token", landingDeadline,
		fmt.Errorf("the login page did not lead to the notebook within %v", landingDeadline))
	defer func() {
		if t.Failed() {
			p.screenshot(t, "own-token-failed.png")
		}
		closeTab()
		l.endKernels(t)
	}()
	if err := chromedp.Do(p.ctx, chromedp.Navigate(l.base+m[2])); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("the login page", `!!document.querySelector('input[type=password]')`); err != nil {
		t.Fatal(err)
	}
	if setup, _ := eval[bool](p, `!!document.querySelector('input[name=new_password]') || /Setup a Password/i.test(document.body.innerText)`); setup {
		t.Error("the login page offers to set up a password")
	}
	p.screenshot(t, "own-token-login.png")
	if err := chromedp.Do(p.ctx,
		chromedp.SendKeys(chromedp.CSS(`input[type=password]`), l.token),
		chromedp.Submit(chromedp.CSS(`input[type=password]`))); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("the notebook after login", fmt.Sprintf(`document.querySelectorAll(%s).length > 0`, cellsSel)); err != nil {
		t.Fatal(err)
	}
	p.screenshot(t, "own-token.png")
}

// testSaving runs the image on notebooks folders a reader may mount, and
// checks what it says at start: nothing when the reader can save, and the
// way out when they cannot, in English and with SINENET_LANG=zh in Chinese.
func testSaving(t *testing.T, browser context.Context) {
	nbDir := repoInImage + "/notebooks"
	folder := func(t *testing.T, uid int) string {
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		found, _ := filepath.Glob(filepath.Join(root, "notebooks", "*.ipynb"))
		if len(found) > 1 {
			found = found[:1]
		}
		for _, p := range found {
			b, err := os.ReadFile(p)
			if err == nil {
				err = os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			return os.Lchown(p, uid, uid)
		}); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	// startsWith runs the image with args, and returns what it printed
	// before JupyterLab answered.
	startsWith := func(t *testing.T, role string, args ...string) (*lab, string) {
		l := startLab(t, role, true, args...)
		return l, docker(t, "logs", l.container)
	}
	cannotSave := regexp.MustCompile(`(?m)^sinenet: .*Save will not work.*$`)

	t.Run("read-only", func(t *testing.T) {
		l, logs := startsWith(t, "read-only", "-v", folder(t, 1000)+":"+nbDir+":ro")
		line := cannotSave.FindString(logs)
		if !strings.Contains(line, "read-only") || !strings.Contains(line, "without :ro") {
			t.Errorf("a read-only notebooks folder: want a start-up line that says so and how to fix it, got %q\n%s", line, tail(logs, 10))
		}
		// And in the page, for a reader who never reads the log.
		testCannotSaveNote(t, browser, l, "read-only", "mounted read-only")
	})
	t.Run("not-owned", func(t *testing.T) {
		_, logs := startsWith(t, "not-owned", "-v", folder(t, 0)+":"+nbDir)
		line := cannotSave.FindString(logs)
		if !strings.Contains(line, "chown -R 1000:1000") || !strings.Contains(line, `--user "$(id -u):$(id -g)"`) {
			t.Errorf("a notebooks folder uid 1000 cannot write: want a start-up line with chown and --user, got %q\n%s", line, tail(logs, 10))
		}
	})
	t.Run("zh", func(t *testing.T) {
		// The same two warnings with SINENET_LANG=zh, in Chinese. The
		// container stops after its start-up lines: jupyter-lab --version
		// prints the version and exits.
		cannotSaveZh := regexp.MustCompile(`(?m)^sinenet：.*无法保存.*$`)
		for _, c := range []struct {
			name, mount string
			want        []string
		}{
			{"read-only", folder(t, 1000) + ":" + nbDir + ":ro", []string{"只读", "去掉 :ro"}},
			{"not-owned", folder(t, 0) + ":" + nbDir, []string{"chown -R 1000:1000", `--user "$(id -u):$(id -g)"`}},
		} {
			args := append(append([]string{"run", "--rm", "-e", "SINENET_LANG=zh", "-v", c.mount}, runFlags...), image, "--version")
			out, err := command(2*time.Minute, "docker", args...)
			if err != nil {
				t.Fatalf("%s: docker %s: %v\n%s", c.name, strings.Join(args, " "), err, out)
			}
			line := cannotSaveZh.FindString(out)
			for _, w := range c.want {
				if !strings.Contains(line, w) {
					t.Errorf("%s, SINENET_LANG=zh: want a Chinese start-up line with %q, got %q\n%s", c.name, w, line, tail(out, 10))
				}
			}
			if cannotSave.MatchString(out) {
				t.Errorf("%s, SINENET_LANG=zh: the warning is in English too:\n%s", c.name, tail(out, 10))
			}
		}
	})
	t.Run("user", func(t *testing.T) {
		// docker run --user "$(id -u):$(id -g)" on a folder of the reader's.
		const uid = 4242
		l, logs := startsWith(t, "user", "--user", fmt.Sprintf("%d:%d", uid, uid), "-v", folder(t, uid)+":"+nbDir)
		if line := cannotSave.FindString(logs); line != "" {
			t.Errorf("the reader's own folder and uid: want no warning, got %q", line)
		}
		// The reader saves a notebook, and runs one in a kernel.
		ls, err := l.api(http.MethodGet, "/api/contents/notebooks")
		if err != nil {
			t.Fatal(err)
		}
		var dir struct {
			Content []struct {
				Name     string
				Writable bool
			}
		}
		if err := json.Unmarshal(ls, &dir); err != nil || len(dir.Content) == 0 {
			t.Fatalf("listing notebooks/: %v %s", err, ls)
		}
		for _, f := range dir.Content {
			if !f.Writable {
				t.Errorf("JupyterLab says %s is not writable", f.Name)
			}
		}
		fixture := filepath.Join(root, "e2e", "testdata", "e2e-fixture.ipynb")
		docker(t, "cp", fixture, l.container+":"+nbDir+"/e2e-fixture.ipynb")
		start := time.Now()
		// docker exec does not go through the image's start script, which
		// gives such a uid a HOME of its own. The fixture runs where the
		// reader's notebooks do, in the module's notebooks/ folder: outside
		// the module, GoNB would have to fetch its imports, and the image
		// is offline.
		out, err := command(10*time.Minute, "docker", "exec", "-w", nbDir, "-e", "HOME=/tmp", l.container,
			"jupyter", "nbconvert", "--to", "notebook", "--execute", "--output", "ran.ipynb", "e2e-fixture.ipynb")
		if err != nil {
			t.Fatalf("as uid %d, the fixture does not run: %v\n%s", uid, err, tail(out, 30))
		}
		t.Logf("as uid %d, ran the fixture in %v", uid, since(start))
	})
}

// testHardening checks the container runs as the README runs it: as uid
// 1000, with no capabilities and no way to gain privileges; and that the
// reader still has a terminal.
func testHardening(t *testing.T, l *lab) {
	status := docker(t, "exec", l.container, "cat", "/proc/1/status")
	for _, want := range []string{"NoNewPrivs:\t1", "CapEff:\t0000000000000000", "CapPrm:\t0000000000000000"} {
		if !strings.Contains(status, want) {
			t.Errorf("JupyterLab's process: want %q in /proc/1/status", want)
		}
	}
	if id := docker(t, "exec", l.container, "id", "-u"); id != "1000" {
		t.Errorf("the container runs as uid %s, want 1000", id)
	}
	body, err := l.api(http.MethodPost, "/api/terminals")
	if err != nil {
		t.Fatalf("open a terminal: %v", err)
	}
	var term struct{ Name string }
	if err := json.Unmarshal(body, &term); err != nil || term.Name == "" {
		t.Fatalf("open a terminal: %v %s", err, body)
	}
	if _, err := l.api(http.MethodDelete, "/api/terminals/"+term.Name); err != nil {
		t.Error(err)
	}
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
	// What a reader sees in docker logs: no kernel's debugging.
	if noise := logNoise.FindAllString(logs, 5); len(noise) > 0 {
		t.Errorf("docker logs shows what does not concern a reader (out/e2e/lab-container.log):\n%s", strings.Join(noise, "\n"))
	}
}

// logNoise matches the lines docker logs used to fill with: GoNB's klog
// lines (its start-up test lines and stack traces among them), a kernel's
// panic, a Python traceback, the front end's polling of a language server
// the image does not have, and the server's banner with the token masked
// (token=...), which a reader could copy instead of the address to open.
var logNoise = regexp.MustCompile(`(?m)^([IWEF]\d{4} \d\d:\d\d:\d\d\.\d+ .*|panic: .*|goroutine \d+ \[.*|Traceback \(most recent call last\):.*|.*\b404 GET /lsp/.*|.*token=\.\.\..*)$`)
