//go:build e2e

package e2e

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sinenet/sinenet/internal/chromium"
)

// repoInImage is where the Dockerfile puts the module.
const repoInImage = "/home/sinenet/sinenet"

var (
	// image is the tag the tests build and run: E2E_IMAGE, or sinenet:e2e.
	image = cmp.Or(os.Getenv("E2E_IMAGE"), "sinenet:e2e")
	// root is the repository's top folder; outDir holds the artifacts:
	// E2E_OUT, or out/e2e.
	root   = must(filepath.Abs(".."))
	outDir = cmp.Or(os.Getenv("E2E_OUT"), filepath.Join(root, "out", "e2e"))

	setupOnce sync.Once
	setupErr  error
	// dockerd is the engine these tests started, if they had to.
	dockerd *exec.Cmd
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestMain(m *testing.M) {
	code := m.Run()
	if dockerd != nil {
		_ = dockerd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- dockerd.Wait() }()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			_ = dockerd.Process.Kill()
		}
	}
	os.Exit(code)
}

// TestImage builds the image, then runs every notebook in it offline and in
// the browser. The two run side by side: the browser's container is limited
// to half a CPU, and the offline run takes most of the rest.
func TestImage(t *testing.T) {
	imageReady(t)
	nbs := notebooks()
	if len(nbs) == 1 {
		t.Log("no notebooks in notebooks/: only the fixture runs")
	}
	t.Run("offline", func(t *testing.T) { t.Parallel(); testOffline(t, nbs) })
	t.Run("browser", func(t *testing.T) { t.Parallel(); testBrowser(t, nbs) })
}

// imageReady makes sure the engine runs and the image is built, once for all
// tests. It fails the test when a tool is missing or a step fails.
func imageReady(t *testing.T) {
	t.Helper()
	setupOnce.Do(func() { setupErr = setup(t) })
	if setupErr != nil {
		t.Fatal(setupErr)
	}
}

func setup(t *testing.T) error {
	// Only this run's artifacts.
	if err := os.RemoveAll(outDir); err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	var missing []string
	for _, tool := range []string{"docker", "dockerd", "debootstrap", chromium.Path} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing %s: apt-get install docker.io debootstrap chromium", strings.Join(missing, ", "))
	}
	if err := startDocker(t); err != nil {
		return err
	}

	// E2E_PREBUILT=1 runs the image as it is, to repeat the tests quickly.
	if os.Getenv("E2E_PREBUILT") == "1" {
		if _, err := command(time.Minute, "docker", "image", "inspect", image); err != nil {
			return fmt.Errorf("E2E_PREBUILT=1, but there is no image %s: build it first (docker/build.sh %s)", image, image)
		}
		t.Logf("E2E_PREBUILT=1: using the image %s as it is", image)
		return nil
	}

	// The base image first, to time it apart from the build.
	start := time.Now()
	out, err := command(10*time.Minute, filepath.Join(root, "docker", "base-image.sh"))
	if err != nil {
		return fmt.Errorf("base image: %v\n%s", err, out)
	}
	t.Logf("base image ready in %v: %s", since(start), strings.TrimSpace(out))

	start = time.Now()
	out, err = command(30*time.Minute, filepath.Join(root, "docker", "build.sh"), image)
	_ = os.WriteFile(filepath.Join(outDir, "build.log"), []byte(out), 0o644)
	if err != nil {
		return fmt.Errorf("docker/build.sh: %v\n%s", err, tail(out, 40))
	}
	size, _ := command(time.Minute, "docker", "image", "inspect", "-f", "{{.Size}}", image)
	t.Logf("image %s built in %v, %s bytes (log: out/e2e/build.log)", image, since(start), strings.TrimSpace(size))
	return nil
}

// startDocker starts dockerd in the background unless an engine answers.
func startDocker(t *testing.T) error {
	if dockerUp() {
		return nil
	}
	if os.Geteuid() != 0 {
		return fmt.Errorf("no Docker engine answers, and only root can start dockerd")
	}
	log, err := os.Create(filepath.Join(outDir, "dockerd.log"))
	if err != nil {
		return err
	}
	cmd := exec.Command("dockerd")
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start dockerd: %v", err)
	}
	dockerd = cmd
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		if dockerUp() {
			t.Logf("started dockerd (pid %d, log: out/e2e/dockerd.log)", cmd.Process.Pid)
			return nil
		}
	}
	return fmt.Errorf("dockerd did not answer within a minute; see out/e2e/dockerd.log")
}

func dockerUp() bool {
	_, err := command(10*time.Second, "docker", "version", "--format", "{{.Server.Version}}")
	return err == nil
}

// command runs a program and returns its combined output.
func command(timeout time.Duration, name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	return string(out), err
}

// docker runs the docker CLI and fails the test on error.
func docker(t *testing.T, args ...string) string {
	t.Helper()
	out, err := command(10*time.Minute, "docker", args...)
	if err != nil {
		t.Fatalf("docker %s: %v\n%s", strings.Join(args, " "), err, tail(out, 40))
	}
	return strings.TrimSpace(out)
}

// startContainer runs the image detached under a name unique to this run,
// and removes it when the test ends.
func startContainer(t *testing.T, role string, args ...string) string {
	t.Helper()
	name := fmt.Sprintf("sinenet-e2e-%s-%d", role, os.Getpid())
	_, _ = command(time.Minute, "docker", "rm", "-f", name)
	docker(t, append([]string{"run", "-d", "--name", name}, args...)...)
	t.Cleanup(func() {
		logs, _ := command(time.Minute, "docker", "logs", name)
		_ = os.WriteFile(filepath.Join(outDir, role+"-container.log"), []byte(logs), 0o644)
		_, _ = command(time.Minute, "docker", "rm", "-f", name)
	})
	return name
}

// copyFixtures puts the test notebooks next to the real ones in a container,
// written by the container's user: docker cp would make root their owner,
// and root in a container with no capabilities cannot chown.
func copyFixtures(t *testing.T, container string, nbs []notebook) {
	t.Helper()
	for _, nb := range nbs {
		if !nb.fixture {
			continue
		}
		f, err := os.Open(nb.path)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("docker", "exec", "-i", container, "sh", "-c", `cat >"$0"`, repoInImage+"/notebooks/"+nb.name)
		cmd.Stdin = f
		out, err := cmd.CombinedOutput()
		f.Close()
		if err != nil {
			t.Fatalf("copy %s into the container: %v\n%s", nb.name, err, out)
		}
	}
}

// notebook is one notebook the tests run.
type notebook struct {
	name    string // path under notebooks/, the same on the host and in the container
	path    string // on the host
	fixture bool   // from testdata, not in the image
}

// notebooks returns the English notebooks, then the Chinese ones (named
// zh/NAME), then the fixtures.
func notebooks() []notebook {
	var nbs []notebook
	found, _ := filepath.Glob(filepath.Join(root, "notebooks", "*.ipynb"))
	for _, p := range found {
		nbs = append(nbs, notebook{name: filepath.Base(p), path: p})
	}
	found, _ = filepath.Glob(filepath.Join(root, "notebooks", "zh", "*.ipynb"))
	for _, p := range found {
		nbs = append(nbs, notebook{name: "zh/" + filepath.Base(p), path: p})
	}
	fixtures, _ := filepath.Glob(filepath.Join(root, "e2e", "testdata", "*.ipynb"))
	for _, p := range fixtures {
		nbs = append(nbs, notebook{name: filepath.Base(p), path: p, fixture: true})
	}
	return nbs
}

func since(start time.Time) time.Duration {
	return time.Since(start).Round(100 * time.Millisecond)
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
