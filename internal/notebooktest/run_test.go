//go:build notebooks

package notebooktest_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sinenet/sinenet/internal/ipynb"
)

var update = flag.Bool("update", false, "write each executed notebook that passes back into notebooks/")

// jupyterFix is what a failure tells the reader to do about a missing Jupyter.
const jupyterFix = "install Debian's Jupyter: apt-get install jupyter-nbconvert python3-nbclient"

// perNotebook bounds one notebook's run, compilation included. The target
// is under 60 s alone; this only stops a hung kernel from hanging the test
// (two side by side on a loaded machine take several minutes each).
const perNotebook = 10 * time.Minute

// sideBySide is how many notebooks run at once: two, one per core of a
// CI machine, which cuts the wall time of the run. A notebook's logged time
// is then its time beside another one, not alone.
const sideBySide = 2

// TestNotebooks executes every notebook, English then Chinese, and checks
// the numbers its text claims (checks_test.go).
func TestNotebooks(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(nbDir, "*.ipynb"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no notebooks found in notebooks/ (%v)", err)
	}
	for i, n := range names {
		names[i] = filepath.Base(n)
	}
	slices.Sort(names)
	zh, err := filepath.Glob(filepath.Join(zhDir, "*.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	var runs []string // paths under notebooks/: the English, then the Chinese
	runs = append(runs, names...)
	for _, n := range zh {
		runs = append(runs, "zh/"+filepath.Base(n))
	}
	env := setupKernel(t)
	outDir, err := filepath.Abs(filepath.Join(root, "out", "notebooks"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(outDir, "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	// The notebooks run side by side, sideBySide at a time; the parallel
	// subtests finish before the parent's cleanup logs the run times.
	var (
		mu      sync.Mutex
		summary strings.Builder
		slots   = make(chan struct{}, sideBySide)
		start   = time.Now()
	)
	t.Cleanup(func() {
		t.Logf("run times (%d side by side; %.1f s in all):\n%s", sideBySide, time.Since(start).Seconds(), summary.String())
		_ = os.WriteFile(filepath.Join(outDir, "timings.txt"), []byte(summary.String()), 0o644)
	})
	for _, name := range runs {
		t.Run(strings.TrimSuffix(name, ".ipynb"), func(t *testing.T) {
			t.Parallel()
			slots <- struct{}{}
			defer func() { <-slots }()
			out := filepath.Join(outDir, name)
			took := execute(t, env, name, outDir)
			mu.Lock()
			fmt.Fprintf(&summary, "%-31s %5.1f s\n", name, took.Seconds())
			mu.Unlock()
			t.Logf("%s ran in %.1f s, %d side by side (target: under 60 s alone)", name, took.Seconds(), sideBySide)
			nb, err := ipynb.Read(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range nb.Problems() {
				t.Error(p)
			}
			check, ok := checks[filepath.Base(name)]
			if !ok {
				t.Fatalf("%s has no English twin whose checks it could share", name)
			}
			stdout := nb.Stdout()
			if strings.HasPrefix(name, "zh/") {
				stdout = english(stdout)
			}
			check(t, stdout)
			if *update && !t.Failed() {
				b, err := os.ReadFile(out)
				if err != nil {
					t.Fatal(err)
				}
				b, err = hidePath(b, strings.Count(name, "/"))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(nbDir, name), b, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("updated %s with the outputs of this run", name)
			}
		})
	}
}

// kernelEnv is the environment and Jupyter command the notebooks run with.
type kernelEnv struct {
	jupyter string
	env     []string
}

// setupKernel finds Jupyter, builds GoNB and goimports at the versions go.mod
// pins into a temporary bin folder, and installs the kernel into a temporary
// Jupyter data folder, so the user's own Jupyter setup is never touched.
func setupKernel(t *testing.T) kernelEnv {
	t.Helper()
	jupyter := os.Getenv("JUPYTER")
	if jupyter == "" {
		// The first python3 on PATH may be one without Jupyter; Debian's
		// Jupyter lives in /usr/bin.
		jupyter = "/usr/bin/jupyter"
	}
	if _, err := os.Stat(jupyter); err != nil {
		t.Fatalf("Jupyter not found at %s: %v; %s (or set JUPYTER to its path)", jupyter, err, jupyterFix)
	}
	if b, err := exec.Command(jupyter, "nbconvert", "--version").CombinedOutput(); err != nil {
		t.Fatalf("%s nbconvert does not run: %v\n%s\n%s", jupyter, err, b, jupyterFix)
	}
	if py := interpreter(jupyter); py != "" {
		if b, err := exec.Command(py, "-c", "import nbclient").CombinedOutput(); err != nil {
			t.Fatalf("nbclient is missing for %s: %v\n%s\n%s", py, err, b, jupyterFix)
		}
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	for _, tool := range []struct{ name, pkg string }{
		{"gonb", "github.com/janpfeifer/gonb"},
		{"goimports", "golang.org/x/tools/cmd/goimports"},
	} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(bin, tool.name), tool.pkg)
		cmd.Dir = root // the module root, whose go.mod pins the versions
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building %s (the GoNB kernel needs it) failed: %v\n%s", tool.pkg, err, b)
		}
	}
	// A headless run has no page: JPY_SESSION_NAME, which a JupyterLab
	// server gives its kernels, would make the knobs wait for one.
	env := append(slices.DeleteFunc(os.Environ(), func(v string) bool { return strings.HasPrefix(v, "JPY_SESSION_NAME=") }),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"JUPYTER_DATA_DIR="+filepath.Join(tmp, "jupyter-data"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(tmp, "jupyter-config"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(tmp, "jupyter-runtime"),
		"PYDEVD_DISABLE_FILE_VALIDATION=1",
	)
	// -raw_error makes GoNB report compile errors as plain text, which reads
	// better in a failing test's log than GoNB's HTML. -force_deps installs
	// without gopls, which GoNB only uses for completion in a front end.
	cmd := exec.Command(filepath.Join(bin, "gonb"), "--install", "--raw_error", "--force_deps")
	cmd.Env = env
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gonb --install failed: %v\n%s", err, b)
	}
	spec := filepath.Join(tmp, "jupyter-data", "kernels", "gonb", "kernel.json")
	if _, err := os.Stat(spec); err != nil {
		t.Fatalf("the GoNB kernel is not installed (%v); gonb --install should have written %s", err, spec)
	}
	return kernelEnv{jupyter: jupyter, env: env}
}

// interpreter returns the program named on the #! line of script, if any.
func interpreter(script string) string {
	b, err := os.ReadFile(script)
	if err != nil || !bytes.HasPrefix(b, []byte("#!")) {
		return ""
	}
	line, _, _ := bytes.Cut(b[2:], []byte("\n"))
	f := strings.Fields(string(line))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// execute runs notebook name (a path under notebooks/) through nbconvert
// into the same path under outDir and returns how long it took. Errors
// inside cells do not stop the run (--allow-errors), so that Problems can
// report every failing cell at once.
func execute(t *testing.T, k kernelEnv, name, outDir string) time.Duration {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), perNotebook)
	defer cancel()
	cmd := exec.CommandContext(ctx, k.jupyter, "nbconvert", "--to", "notebook", "--execute", filepath.Join(nbDir, name),
		"--output-dir", filepath.Join(outDir, filepath.Dir(name)), "--output", filepath.Base(name),
		"--allow-errors",
		// Seconds per cell: every cell should take a few, but two notebooks
		// side by side at a load of 15-18 took 02b's two-seed sharpness cell
		// past 120 s (both editions, 2026-12).
		"--ExecutePreprocessor.timeout=300",
		"--ExecutePreprocessor.kernel_name=gonb",
		"--ExecutePreprocessor.record_timing=False", // keep the committed notebooks free of timestamps
	)
	cmd.Env = k.env
	cmd.WaitDelay = 10 * time.Second
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	start := time.Now()
	err := cmd.Run()
	took := time.Since(start)
	if err != nil {
		t.Fatalf("jupyter nbconvert --execute %s failed after %.1f s: %v\n%s", name, took.Seconds(), err, tail(log.String(), 4000))
	}
	return took
}
