package notebooks_test

import (
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// checks holds, for every notebook, the claims its text makes about the
// numbers it prints. Each reads the notebook's printed output.
var checks = map[string]func(t *testing.T, out string){
	"01-the-question.ipynb": func(t *testing.T, out string) {
		if n := num(t, out, "points"); n != sinenet.QuestionN {
			t.Errorf("the data has %v points, want %d", n, sinenet.QuestionN)
		}
		if _, e := fit(t, out, "Model A"); e <= sinenet.TrueExtrem {
			t.Errorf("the question's Model A shows %d extrema; the text says more than %d", e, sinenet.TrueExtrem)
		}
		if _, e := fit(t, out, "Model B"); e <= sinenet.TrueExtrem {
			t.Errorf("the question's Model B shows %d extrema; the text says more than %d", e, sinenet.TrueExtrem)
		}
		if r := num(t, out, "Model B loss rises"); r < 100 {
			t.Errorf("Model B's loss rose at %v steps; the text calls it noisy", r)
		}
	},
}
