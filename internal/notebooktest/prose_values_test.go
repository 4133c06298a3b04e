package notebooktest_test

import (
	"strings"
	"sync"
	"testing"
)

// The checks (checks_test.go) are the one place where a printed value is
// read out of a notebook's output: each passes it to between under a name,
// the claim it checks ("Model A RMSE (text: 0.112)"). While printedValues
// runs a notebook's checks, between also records each value under that
// name, less its "(text: …)" part, for the prose bindings to refer to.

// recorders holds, for a test running the checks under printedValues,
// where to record: *testing.T → map[string][]float64.
var recorders sync.Map

// record notes v under the name of the claim what, if t is recording.
func record(t *testing.T, what string, v float64) {
	m, ok := recorders.Load(t)
	if !ok {
		return
	}
	name, _, _ := strings.Cut(what, " (text:")
	vals := m.(map[string][]float64)
	vals[name] = append(vals[name], v)
}

// printedValues runs the checks of notebook name on out, its stored
// output (with English labels), in a subtest "checks", which fails as the
// checks do, and returns the values they read, by name.
func printedValues(t *testing.T, name, out string) map[string][]float64 {
	t.Helper()
	check, ok := checks[name]
	if !ok {
		t.Fatalf("%s has no checks in checks_test.go", name)
	}
	vals := map[string][]float64{}
	t.Run("checks", func(t *testing.T) {
		recorders.Store(t, vals)
		defer recorders.Delete(t)
		check(t, out)
	})
	return vals
}
