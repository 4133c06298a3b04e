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
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// runFlags are the flags the README and make tutorial run the image with,
// besides the port and the token.
var runFlags = []string{"--security-opt", "no-new-privileges", "--cap-drop", "ALL"}

// cpus limits the CPU of the browser test's container, as CI does: half a
// CPU by default, none when E2E_CPUS is empty. Under that limit a plot cell
// takes several times as long, which is what the test's waits must survive.
func cpus() []string {
	c, ok := os.LookupEnv("E2E_CPUS")
	if !ok {
		c = "0.5"
	}
	if c == "" {
		return nil
	}
	return []string{"--cpus", c}
}

// lab is a JupyterLab server in a container, as a reader starts it.
type lab struct {
	container string
	base      string // http://127.0.0.1:PORT
	port      int
	token     string
	// playground is the host's address of the container's port 8090,
	// where it serves the browser playground: http://127.0.0.1:PORT.
	playground string
}

// startLab runs the image as the README does, with JupyterLab's port and
// the playground's each published on a free port of the host, with the
// extra docker run arguments args, and waits until JupyterLab answers. With
// ownToken the token is the reader's own (SINENET_TOKEN); else the test
// reads the token the container prints, as a reader does.
func startLab(t *testing.T, role string, ownToken bool, args ...string) *lab {
	t.Helper()
	port, pgPort := freePort(t), freePort(t)
	l := &lab{base: fmt.Sprintf("http://127.0.0.1:%d", port), port: port,
		playground: fmt.Sprintf("http://127.0.0.1:%d", pgPort)}
	run := append([]string{"-p", fmt.Sprintf("127.0.0.1:%d:8888", port),
		"-p", fmt.Sprintf("127.0.0.1:%d:8090", pgPort)}, runFlags...)
	if ownToken {
		b := make([]byte, 16)
		_, _ = rand.Read(b)
		l.token = hex.EncodeToString(b)
		run = append(run, "-e", "SINENET_TOKEN="+l.token)
	}
	l.container = startContainer(t, role, append(append(run, args...), image)...)

	start := time.Now()
	for {
		logs, _ := command(time.Minute, "docker", "logs", l.container)
		if l.token == "" {
			if m := printedToken.FindStringSubmatch(logs); m != nil {
				l.token = m[1]
			}
		}
		if l.token != "" {
			if _, err := l.api(http.MethodGet, "/api/status"); err == nil {
				break
			}
		}
		if time.Since(start) > 2*time.Minute {
			t.Fatalf("JupyterLab did not answer on %s within 2 minutes\n%s", l.base, tail(logs, 30))
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Logf("JupyterLab answered on %s after %v", l.base, since(start))
	return l
}

// freePort returns a port of 127.0.0.1 that nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// printedToken finds the token in the address the container prints, in
// English or, with SINENET_LANG=zh, in Chinese.
var printedToken = regexp.MustCompile(`(?m)^sinenet(?:: open|：在浏览器中打开) http://\S+\?token=(\w+) `)

// api calls JupyterLab's REST API and returns the body.
func (l *lab) api(method, path string) ([]byte, error) {
	return l.apiWait(method, path, 10*time.Second)
}

// apiWait is api for a call that may take up to timeout (a kernel's
// restart waits for the new kernel).
func (l *lab) apiWait(method, path string, timeout time.Duration) ([]byte, error) {
	req, err := http.NewRequest(method, l.base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "token "+l.token)
	resp, err := (&http.Client{Timeout: timeout}).Do(req)
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

// session is a notebook JupyterLab has open, and its kernel.
type session struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	Kernel kernel `json:"kernel"`
}

// kernel is a kernel as the server last heard from it. The state stays
// "starting" until a client connects to the kernel (jupyter_server issue
// #305), so only the kernel of a page that is open can be waited on.
type kernel struct {
	ID          string `json:"id"`
	State       string `json:"execution_state"`
	Connections int    `json:"connections"`
}

func (l *lab) sessions() ([]session, error) {
	body, err := l.api(http.MethodGet, "/api/sessions")
	if err != nil {
		return nil, err
	}
	var ss []session
	return ss, json.Unmarshal(body, &ss)
}

func (l *lab) kernels() ([]kernel, error) {
	body, err := l.api(http.MethodGet, "/api/kernels")
	if err != nil {
		return nil, err
	}
	var ks []kernel
	return ks, json.Unmarshal(body, &ks)
}

// pageKernel waits until the page that opened the notebook at path (as
// notebooks/NAME) has its kernel running and idle, with the page connected
// to it, and returns the kernel's id.
func (l *lab) pageKernel(ctx context.Context, path string) (string, error) {
	last := "no session yet"
	for {
		ss, err := l.sessions()
		if err != nil {
			last = err.Error()
		}
		for _, s := range ss {
			if s.Path != path {
				continue
			}
			k := s.Kernel
			last = fmt.Sprintf("kernel %s is %s, with %d connections", k.ID, k.State, k.Connections)
			if k.State == "idle" && k.Connections > 0 {
				return k.ID, nil
			}
		}
		if err := sleep(ctx, 300*time.Millisecond); err != nil {
			return "", fmt.Errorf("the kernel of %s: %s: %w", path, last, err)
		}
	}
}

// endKernels shuts down every session and kernel, once the pages that used
// them are closed, and waits until the server lists none: the next notebook
// gets the CPU, and no kernel is left that no page connects to.
func (l *lab) endKernels(t *testing.T) {
	t.Helper()
	ss, _ := l.sessions()
	for _, s := range ss {
		if _, err := l.api(http.MethodDelete, "/api/sessions/"+s.ID); err != nil {
			t.Log(err)
		}
	}
	ks, _ := l.kernels()
	for _, k := range ks {
		if _, err := l.api(http.MethodDelete, "/api/kernels/"+k.ID); err != nil {
			t.Log(err)
		}
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(300 * time.Millisecond) {
		ss, err1 := l.sessions()
		ks, err2 := l.kernels()
		if err1 == nil && err2 == nil && len(ss) == 0 && len(ks) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("sessions or kernels left a minute after they were shut down: %s", l.state())
			return
		}
	}
}

// state is every session and kernel the server knows, as JSON.
func (l *lab) state() string {
	var b strings.Builder
	for _, p := range []string{"/api/sessions", "/api/kernels"} {
		body, err := l.api(http.MethodGet, p)
		if err != nil {
			body = []byte(fmt.Sprintf("%q", err.Error()))
		}
		fmt.Fprintf(&b, "%s: %s\n", p, strings.TrimSpace(string(body)))
	}
	return b.String()
}

// keepState writes every kernel's state and the server's log so far to
// out/e2e/NAME-state.txt, for a test that failed.
func (l *lab) keepState(t *testing.T, name string) {
	logs, _ := command(time.Minute, "docker", "logs", "--timestamps", l.container)
	p := filepath.Join(outDir, name+"-state.txt")
	if err := os.WriteFile(p, []byte(l.state()+"\n# docker logs\n"+logs), 0o644); err != nil {
		t.Log(err)
		return
	}
	t.Logf("kernels' state and server log: out/e2e/%s-state.txt", name)
}

// sleep waits for d, or returns the context's cause when it ends first.
func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return context.Cause(ctx)
	case <-time.After(d):
		return nil
	}
}
