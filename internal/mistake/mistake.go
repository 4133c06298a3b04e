// Package mistake runs the table tests of the mistakes a learner can make
// with sinenet and its figures: each one must end in an error that starts
// with "sinenet: " and names the problem, never in a panic or a silent
// success.
package mistake

import (
	"strings"
	"testing"
)

// Check runs one mistake as a subtest: run makes it and returns the error
// the learner sees; want is a stable part of that error, or "" when run
// checks the wording itself and only an error with the prefix is required.
func Check(t *testing.T, name string, run func() error, want string) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		var err error
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panicked: %v", r)
				}
			}()
			err = run()
		}()
		switch {
		case err == nil:
			t.Errorf("no error, want one containing %q", want)
		case !strings.HasPrefix(err.Error(), "sinenet: "):
			t.Errorf("error %q lacks the sinenet: prefix", err)
		case !strings.Contains(err.Error(), want):
			t.Errorf("error %q, want one containing %q", err, want)
		}
	})
}
