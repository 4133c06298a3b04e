// Package notebooktest runs every tutorial notebook in notebooks/, and its
// Chinese twin in notebooks/zh/, from top to bottom, headless, through the
// GoNB kernel pinned in go.mod and Debian's Jupyter, and checks the numbers
// the text of each notebook claims. It also keeps the two editions in step
// (zh_test.go).
//
//	go test ./internal/notebooktest -v -timeout 30m             # run and check every notebook
//	go test ./internal/notebooktest -v -run 'Notebooks/01-'     # just one
//	go test ./internal/notebooktest -v -run 'Notebooks/zh/01-'  # just its Chinese twin
//	go test ./internal/notebooktest -v -timeout 30m -args -update   # or: make notebooks
//
// The executed notebooks go to out/notebooks/ (not committed). With -update,
// a notebook that passes is also written back over notebooks/NAME.ipynb, so
// that the committed notebooks carry the outputs of the tested run.
//
// A Chinese notebook prints the same numbers as its twin, with Chinese
// labels; the same checks, keyed by file name, read its output once
// english (zh_labels_test.go) has put the labels they parse back in
// English.
//
// The notebooks run one after the other, not in parallel: each one compiles
// Go and trains networks, which keeps both cores of a CI machine busy, and
// the run time logged for each is only meaningful when it runs alone.
//
// The tests live here, not in notebooks/, so that a learner who opens or
// mounts notebooks/ sees only the notebooks.
package notebooktest_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// nbDir is the folder of the notebooks, and root the module's, from here.
const (
	nbDir = "../../notebooks"
	root  = "../.."
)

var update = flag.Bool("update", false, "write each executed notebook that passes back into notebooks/")

// jupyterFix is what a failure tells the reader to do about a missing Jupyter.
const jupyterFix = "install Debian's Jupyter: apt-get install jupyter-nbconvert python3-nbclient"

// perNotebook bounds one notebook's run, compilation included. The target
// is under 60 s; this only stops a hung kernel from hanging the test.
const perNotebook = 5 * time.Minute

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
	for _, name := range names {
		if _, ok := checks[name]; !ok {
			t.Errorf("%s has no figure checks; add an entry for it to checks in checks_test.go", name)
		}
	}
	for name := range checks {
		if !slices.Contains(names, name) {
			t.Errorf("checks names %s, which is not in notebooks/", name)
		}
	}

	env := setupKernel(t)
	outDir, err := filepath.Abs(filepath.Join(root, "out", "notebooks"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(outDir, "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	var summary strings.Builder
	for _, name := range runs {
		t.Run(strings.TrimSuffix(name, ".ipynb"), func(t *testing.T) {
			out := filepath.Join(outDir, name)
			took := execute(t, env, name, outDir)
			fmt.Fprintf(&summary, "%-31s %5.1f s\n", name, took.Seconds())
			t.Logf("%s ran in %.1f s (target: under 60 s)", name, took.Seconds())
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
	t.Logf("run times:\n%s", summary.String())
	_ = os.WriteFile(filepath.Join(outDir, "timings.txt"), []byte(summary.String()), 0o644)
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
		"--ExecutePreprocessor.timeout=120", // seconds per cell; every cell should take a few
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

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// numberRE matches a number as the notebooks print it.
const numberRE = `([-+]?(?:[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|NaN|Inf))`

// field finds the first line of out that starts with "label:" and returns
// the submatches of pattern in the rest of that line, failing the test when
// there is no such line or the line does not match.
func field(t *testing.T, out, label, pattern string) []string {
	t.Helper()
	line := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(label) + `:(.*)$`).FindStringSubmatch(out)
	if line == nil {
		t.Fatalf("the notebook printed no line starting %q", label+":")
	}
	m := regexp.MustCompile(pattern).FindStringSubmatch(line[1])
	if m == nil {
		t.Fatalf("the line %q does not match %q", label+":"+line[1], pattern)
	}
	return m[1:]
}

// float parses s, failing the test when it is not a number.
func float(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// num returns the number printed right after "label:".
func num(t *testing.T, out, label string) float64 {
	t.Helper()
	return float(t, field(t, out, label, `^\s*`+numberRE)[0])
}

// numAfter returns the number that follows the words before on the line
// that starts with "label:", e.g. numAfter(out, "lr 4e-07", "rose at").
func numAfter(t *testing.T, out, label, before string) float64 {
	t.Helper()
	return float(t, field(t, out, label, regexp.QuoteMeta(before)+`\s*`+numberRE)[0])
}

// fit returns the RMSE and extrema of a line "label: RMSE 0.0123, 3 extrema …",
// the form sinenet.Fit prints.
func fit(t *testing.T, out, label string) (rmse float64, extrema int) {
	t.Helper()
	m := field(t, out, label, `^\s*RMSE `+numberRE+`, (\d+) extrema`)
	return float(t, m[0]), int(float(t, m[1]))
}

// row returns the numbers of the table row that starts with name followed
// by spaces, e.g. "Adam   0.00436  0.0440   2  0.20s".
func row(t *testing.T, out, name string) []float64 {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` +([-+0-9.e ]+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the notebook printed no table row %q", name)
	}
	var vs []float64
	for _, f := range strings.Fields(m[1]) {
		vs = append(vs, float(t, f))
	}
	return vs
}

// has fails unless out contains s.
func has(t *testing.T, out, s string) {
	t.Helper()
	if !strings.Contains(out, s) {
		t.Errorf("the notebook did not print %q", s)
	}
}

// hidePath replaces the absolute path of this clone, which the setup
// cell's output names ("Added replace rule … to local directory /…"), by
// the ${GONB_DIR}/.. the cell's source wrote (${GONB_DIR}/../.. in a
// notebook deeper folders down), so that the committed notebooks do not
// show the folders of the machine that ran them.
func hidePath(nb []byte, deeper int) ([]byte, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	return bytes.ReplaceAll(nb, []byte(`\"`+abs+`\"`), []byte(`\"${GONB_DIR}/..`+strings.Repeat("/..", deeper)+`\"`)), nil
}

// between fails unless lo ≤ v ≤ hi: the range in which a number the text
// quotes still holds (its rounding, plus what may differ between builds).
// what names the claim.
func between(t *testing.T, what string, v, lo, hi float64) {
	t.Helper()
	record(t, what, v)
	if !(v >= lo && v <= hi) {
		t.Errorf("%s is %v; the text holds for %v to %v", what, v, lo, hi)
	}
}

// ints returns the integers in a printed list such as "[115 2060 2062]".
func ints(t *testing.T, s string) []int {
	t.Helper()
	var vs []int
	for _, f := range strings.Fields(strings.Trim(s, "[] ")) {
		vs = append(vs, int(float(t, f)))
	}
	return vs
}
