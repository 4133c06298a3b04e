package notebooktest_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// setupFact is a number of the setup, as the prose writes it, its value,
// and what it is.
type setupFact struct {
	prose string
	v     float64
	what  string
}

// setupFacts are the numbers the prose may quote without a printed value
// beside them: facts of the question's setup, which the notebooks build
// rather than measure, and constants of the maths they explain. Each is
// declared once, as written in the prose, with its value (from the package
// where it has one) and what it is. The prose test accepts a quantity whose
// text is one of these, in any notebook.
var setupFacts = []setupFact{
	{"4000", sinenet.QuestionN, "the data's points"},
	{"3200", sinenet.QuestionN * 4 / 5, "the training points when a fifth is held out"},
	{"800", sinenet.QuestionN / 5, "the validation points, a fifth of the data"},
	{"4·10⁻⁷", sinenet.QuestionLR, "the question's learning rate, on the summed loss"},
	{"1.6·10⁻³", sinenet.QuestionLR * sinenet.QuestionN, "the question's learning rate on the mean loss, 4·10⁻⁷ × 4000"},
	{"3000", sinenet.QuestionSteps, "the question's steps"},
	{"2999", sinenet.QuestionSteps - 1, "the steps between the question's 3000 recorded losses"},
	{"128", 128, "the hidden units of Model A, and Model B's widest layer"},
	{"32", 32, "Model B's narrow layers"},
	{"0.05", 0.05, "the noise's standard deviation σ"},
	{"0.0025", 0.0025, "the noise floor σ² of the MSE"},
	{"2.5", 2.5, "the true curve sin(x)/2.5 divides by it"},
	{"9", 9, "the right end of the data's range [-1, 9)"},
	{"−1", -1, "the left end of the data's range [-1, 9)"},
	{"1.57", 1.57, "the true curve's first peak, π/2"},
	{"4.71", 4.71, "the true curve's trough, 3π/2"},
	{"7.85", 7.85, "the true curve's last peak, 5π/2"},
	{"3", sinenet.TrueExtrema, "the true curve's extrema"},
	{"5·10⁶", 2 / sinenet.QuestionLR, "the stability limit 2/lr at the question's rate"},
	{"1250", 2 / (sinenet.QuestionLR * sinenet.QuestionN), "the stability limit 2/lr on the mean loss"},
	{"±1", 1, "the range of tanh"},
	{"+1", 1, "the top of tanh's range"},
	{"±2", 2, "the pre-activation past which tanh counts as saturated, as the output's label says"},
	{"0.071", 0.071, "1 − tanh²(2), tanh's slope at the saturation threshold, 0.0707"},
	{"1000", 1000, "the steps of a short run: notebook 2's sweep, notebook 3's answer"},
	{"999", 999, "the steps between 1000 recorded losses"},
	{"2000", 2000, "the steps of the longer Adam runs (notebooks 3, 4, 5)"},
	{"10000", 10000, "the steps of notebook 2's long run"},
	{"16", 16, "the rates of notebook 2's sweep"},
	{"10⁻⁴", 1e-4, "the lowest rate of notebook 2's sweep"},
	{"10⁻¹", 1e-1, "the highest rate of notebook 2's sweep"},
	{"6.3·10⁻³", 6.3e-3, "a rate of notebook 2's sweep, 10⁻⁴·10^(k/5), rounded"},
	{"4·10⁻²", 4e-2, "a rate of notebook 2's sweep, 10⁻⁴·10^(k/5), rounded"},
	{"5%", 5, "the rise of the loss that the notebooks count as a jump, as their output's label says"},
}

// TestSetupFacts checks that each setup fact, as written, reads as its
// value.
func TestSetupFacts(t *testing.T) {
	for _, f := range setupFacts {
		qs := quantities(" " + f.prose)
		if len(qs) != 1 || qs[0].text != f.prose || len(qs[0].ends) != 1 || !same(qs[0].ends[0].v, f.v) {
			t.Errorf("the setup fact %q (%s) reads as %v, want one quantity %v", f.prose, f.what, qs, f.v)
		}
	}
}

// isSetupFact reports whether a quantity, as written, is a setup fact; a
// hyphen stands for a minus sign.
func isSetupFact(text string) bool {
	return slices.ContainsFunc(setupFacts, func(f setupFact) bool {
		return strings.ReplaceAll(f.prose, "-", "−") == strings.ReplaceAll(text, "-", "−")
	})
}
