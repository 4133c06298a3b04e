package notebooktest_test

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// TestProse reads the markdown of every notebook, in both editions, and
// checks each number it quotes: it must be bound (prose_bind_NN_test.go)
// to a value that the notebook's checks read from its stored output, and
// agree with it within the binding's tolerance, or be declared there as a
// setting of the notebook or as unbound, with the reason, or else be a
// setup fact of the tutorial (prose_setup_test.go). Numbers that are not quantities are taken
// out first, by the rules of prose_skip_test.go. It reads the committed
// notebooks only, and runs no kernel: an edit to the prose is checked in
// seconds. It also runs every notebook's checks on its stored output.
func TestProse(t *testing.T) {
	used := map[string]map[string]bool{} // notebook → bound prose used, in either edition
	ran := map[string]int{}              // notebook → editions checked (fewer under -run)
	var summary []string
	for _, dir := range []string{nbDir, zhDir} {
		names, err := filepath.Glob(filepath.Join(dir, "*.ipynb"))
		if err != nil || len(names) == 0 {
			t.Fatalf("no notebooks in %s (%v)", dir, err)
		}
		for _, path := range names {
			name := filepath.Base(path)
			edition := strings.TrimPrefix(filepath.Join(strings.TrimPrefix(dir, nbDir), name), "/")
			t.Run(strings.TrimSuffix(edition, ".ipynb"), func(t *testing.T) {
				nb, err := ipynb.Read(path)
				if err != nil {
					t.Fatal(err)
				}
				r := checkProse(t, name, nb, dir == zhDir)
				for _, p := range r.problems {
					t.Error(p)
				}
				ran[name]++
				if used[name] == nil {
					used[name] = map[string]bool{}
				}
				for p := range r.used {
					used[name][p] = true
				}
				summary = append(summary, fmt.Sprintf("%-38s %3d bound, %3d setup facts, %3d settings, %3d unbound, %3d not quantities", edition, r.bound, r.facts, r.settings, len(r.unbound), r.skipped))
				for _, u := range r.unbound {
					t.Logf("unbound: %s", u)
				}
			})
		}
	}
	for name, bs := range bindings {
		if ran[name] < 2 {
			continue
		}
		for _, b := range bs {
			if !used[name][b.prose] {
				t.Errorf("%s: the binding of %q is used by neither edition's prose; remove it", name, b.prose)
			}
		}
	}
	t.Logf("prose numbers per notebook:\n%s", strings.Join(summary, "\n"))
}

// proseReport is what checkProse found in one notebook.
type proseReport struct {
	bound, facts, settings, skipped int
	used                            map[string]bool // the bound prose that occurs
	unbound                         []string        // numbers declared unbound, where, and why
	problems                        []string
}

// checkProse checks the numbers of nb's markdown (name is its file name,
// zh whether it is the Chinese edition) against the values its checks read
// from its stored output.
func checkProse(t *testing.T, name string, nb ipynb.Notebook, zh bool) proseReport {
	t.Helper()
	out := nb.Stdout()
	if zh {
		out = english(out)
	}
	vals := printedValues(t, name, out)
	r := proseReport{used: map[string]bool{}}
	for i, c := range nb.Cells {
		if c.Type != "markdown" {
			continue
		}
		prose, skipped := withoutNotQuantities(string(c.Source))
		r.skipped += skipped
		for _, q := range quantities(prose) {
			where := fmt.Sprintf("cell %d: %q (%s)", i, q.text, around(prose, q))
			b, ok := find(bindings[name], prose, q)
			switch {
			case !ok && isSetupFact(q.text):
				r.facts++
			case !ok:
				r.problems = append(r.problems, fmt.Sprintf("%s is neither a setup fact nor bound to a printed value%s", where, candidates(q, vals)))
			case b.setup != "":
				r.settings++
			case b.value == "":
				r.unbound = append(r.unbound, fmt.Sprintf("%s: %s", where, b.why))
			default:
				r.bound++
				in := vals
				if b.in != "" {
					in = otherValues(t, b.in, zh)
				}
				if why := b.holds(q, in); why != "" {
					r.problems = append(r.problems, where+": "+why)
				}
			}
			if ok {
				r.used[b.prose] = true
			}
		}
	}
	return r
}

// around returns a few words of prose around q.
func around(prose string, q quantity) string {
	r := []rune(prose[:q.at])
	before := string(r[max(0, len(r)-30):])
	r = []rune(prose[q.at:])
	return strings.Join(strings.Fields(before+string(r[:min(len(r), len([]rune(q.text))+30)])), " ")
}

// candidates names the values the checks read that q could be bound to,
// as a hint for a new binding.
func candidates(q quantity, vals map[string][]float64) string {
	var cs []string
	for name, vs := range vals {
		for _, v := range vs {
			if math.Abs(math.Abs(v)-math.Abs(q.ends[0].v)) <= math.Max(q.ends[0].half, 0.1*math.Abs(q.ends[0].v)) {
				cs = append(cs, fmt.Sprintf("%q = %v", name, v))
				break
			}
		}
	}
	if len(cs) == 0 {
		return "; no check reads a value near it"
	}
	slices.Sort(cs)
	return "; checks read " + strings.Join(cs, ", ")
}

// otherValues returns the values that the checks of notebook name (a file
// name) read from its stored output, in the edition zh says, for a
// binding to a number that another notebook prints.
func otherValues(t *testing.T, name string, zh bool) map[string][]float64 {
	t.Helper()
	dir := nbDir
	if zh {
		dir = zhDir
	}
	nb, err := ipynb.Read(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	out := nb.Stdout()
	if zh {
		out = english(out)
	}
	var vals map[string][]float64
	t.Run("of "+strings.TrimSuffix(name, ".ipynb"), func(t *testing.T) { vals = printedValues(t, name, out) })
	return vals
}
