package notebooktest_test

import (
	"fmt"
	"math"
	"strings"
)

// A binding ties a number of a notebook's prose, as written, to the value
// its output prints, as a check (checks_test.go) reads it and names it.
// Both editions share one table: the Chinese prose quotes the same numbers,
// and the checks read the Chinese output once english has put its labels
// back in English.
//
// prose is the quantity as written ("0.112", "47%", "0.7–0.9"), or a
// phrase around it when the same number means two things in one notebook
// ("4 extrema"); a quantity takes the longest binding whose prose occurs
// around it. A binding with no value declares a number that no cell prints,
// with the reason, in why.
type binding struct {
	prose string  // the quantity as written, or a phrase holding it
	value string  // the name of the printed value, as its check names it
	hi    string  // for a range, the name of the value of its upper end
	tol   float64 // how far the prose may be from the printed value; 0: as far as its rounding allows
	why   string  // for a number left unbound: why no printed value checks it
	setup string  // for a setting of this notebook's runs: what it sets
	in    string  // the notebook that prints the value, if another one
}

// is binds prose to the value named value, to the prose's rounding:
// is("0.112", "Model A RMSE") holds for a printed 0.1115 to 0.1125.
func is(prose, value string) binding { return binding{prose: prose, value: value} }

// about binds prose to the value named value, within tol: the prose says
// "about", or rounds further than its digits show.
func about(prose, value string, tol float64) binding {
	return binding{prose: prose, value: value, tol: tol}
}

// span binds a range to the values of its two ends, within tol (0: to the
// rounding of each end).
func span(prose, lo, hi string, tol float64) binding {
	return binding{prose: prose, value: lo, hi: hi, tol: tol}
}

// elsewhere binds prose to the value named value that another notebook,
// in, prints, to the prose's rounding: a notebook that quotes an earlier
// one's result.
func elsewhere(prose, in, value string) binding { return binding{prose: prose, value: value, in: in} }

// unbound declares a number of the prose that no printed value checks,
// and why: a reading of a figure, or a figure that depends on the machine.
func unbound(prose, why string) binding { return binding{prose: prose, why: why} }

// setting declares a number of the prose that sets up one of this
// notebook's runs or measurements ("every 20 steps"), what the global
// setupFacts are for the whole tutorial.
func setting(prose, what string) binding { return binding{prose: prose, setup: what} }

// bindings holds, for each notebook (both editions), its prose's bound
// numbers. The tables live one per notebook, in prose_bind_NN_test.go.
var bindings = map[string][]binding{
	"01-the-question.ipynb":           bind01,
	"02-why-it-wiggles.ipynb":         bind02,
	"02b-the-edge-of-stability.ipynb": bind02b,
	"03-the-answer.ipynb":             bind03,
	"04-optimizers-compared.ipynb":    bind04,
	"05-exercises.ipynb":              bind05,
	"05-solutions.ipynb":              bind05s,
	"06-knobs.ipynb":                  bind06,
}

// holds returns why the quantity q, as the prose writes it, does not match
// the printed values vals that b names; "" when it does.
func (b binding) holds(q quantity, vals map[string][]float64) string {
	if b.value == "" {
		return ""
	}
	names := []string{b.value}
	if b.hi != "" {
		names = append(names, b.hi)
	}
	if len(names) != len(q.ends) {
		return fmt.Sprintf("the binding names %d values for %d numbers", len(names), len(q.ends))
	}
	var why []string
	for i, name := range names {
		vs := vals[name]
		switch {
		case len(vs) == 0:
			why = append(why, fmt.Sprintf("no check reads a value named %q", name))
			continue
		case len(vs) > 1 && slicesDiffer(vs):
			why = append(why, fmt.Sprintf("the checks read %d different values named %q: %v", len(vs), name, vs))
			continue
		}
		e := q.ends[i]
		tol := b.tol
		if tol == 0 {
			tol = e.half
		}
		v := vs[0]
		if strings.HasPrefix(q.text, "±") {
			v = math.Abs(v)
		}
		if math.Abs(e.v-v) > tol*(1+1e-9) {
			why = append(why, fmt.Sprintf("the output prints %v (%s); the prose's %v is %v away, more than the %v allowed", v, name, e.v, math.Abs(e.v-v), tol))
		}
	}
	return strings.Join(why, "; ")
}

func slicesDiffer(vs []float64) bool {
	for _, v := range vs[1:] {
		if v != vs[0] {
			return true
		}
	}
	return false
}

// find returns the binding of the quantity q of prose among bs, the one
// with the longest prose that occurs around q; false if none does.
func find(bs []binding, prose string, q quantity) (binding, bool) {
	var best binding
	found := false
	for _, b := range bs {
		for k, from := 0, 0; ; from = k + 1 {
			i := strings.Index(b.prose[from:], q.text)
			if i < 0 {
				break
			}
			k = from + i
			start := q.at - k
			if start >= 0 && start+len(b.prose) <= len(prose) && prose[start:start+len(b.prose)] == b.prose &&
				(!found || len(b.prose) > len(best.prose)) {
				best, found = b, true
			}
		}
	}
	return best, found
}
