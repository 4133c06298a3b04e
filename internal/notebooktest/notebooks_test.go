// Package notebooktest runs every tutorial notebook in notebooks/, and its
// Chinese twin in notebooks/zh/, from top to bottom, headless, through the
// GoNB kernel pinned in go.mod and Debian's Jupyter, and checks the numbers
// the text of each notebook claims. It also keeps the two editions in step
// (zh_test.go).
//
//	go test -tags notebooks ./internal/notebooktest -v -timeout 30m             # run and check every notebook
//	go test -tags notebooks ./internal/notebooktest -v -run 'Notebooks/01-'     # just one
//	go test -tags notebooks ./internal/notebooktest -v -run 'Notebooks/zh/01-'  # just its Chinese twin
//	go test -tags notebooks ./internal/notebooktest -v -timeout 30m -args -update   # or: make notebooks
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
// Executing the notebooks (TestNotebooks, run_test.go) and the knobs'
// interrupt (TestKnobsInterrupt) needs Jupyter and takes minutes, so those
// tests build only with the tag notebooks, which make unit, make test and
// make notebooks set; a bare go test ./... runs the checks that read the
// committed notebooks. The notebooks run two at a time, side by side, and
// the run time of each is logged, and written to out/notebooks/timings.txt.
//
// The tests live here, not in notebooks/, so that a learner who opens or
// mounts notebooks/ sees only the notebooks.
package notebooktest_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// nbDir is the folder of the notebooks, and root the module's, from here.
const (
	nbDir = "../../notebooks"
	root  = "../.."
)

// TestChecksCover checks, without running anything, that every notebook
// in notebooks/ has an entry in checks (checks_test.go), and every entry a
// notebook, so that TestNotebooks (build tag notebooks) checks them all.
func TestChecksCover(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(nbDir, "*.ipynb"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no notebooks found in notebooks/ (%v)", err)
	}
	for i, n := range names {
		names[i] = filepath.Base(n)
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

// tableRow returns the three numbers of the table line that starts with
// label and ends with them, e.g. "stuck   13   20   33".
func tableRow(t *testing.T, out, label string) [3]float64 {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(label) + `\s+(\d+)\s+(\d+)\s+(\d+)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("the notebook printed no table line %q followed by three numbers", label)
	}
	return [3]float64{float(t, m[1]), float(t, m[2]), float(t, m[3])}
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
// the form sinenet.Evaluation prints.
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
