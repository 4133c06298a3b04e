package notebooktest_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// TestProseCatchesProse changes one number in the prose of a copy of a real
// notebook, and checks that checkProse reports it; the unchanged copy must
// pass.
func TestProseCatchesProse(t *testing.T) {
	for _, tc := range []struct {
		name     string
		path     string // under notebooks/
		old, new string // in a markdown cell; "" for the unchanged copy
	}{
		{"unchanged", "01-the-question.ipynb", "", ""},
		{"a fake pair moved", "01-the-question.ipynb", "x ≈ ±0.18, right where", "x ≈ ±0.25, right where"},
		{"the rises as they were before", "01-the-question.ipynb", "In 549 of the 2999 steps", "In 550 of the 2999 steps"},
		{"an exponent changed", "02b-the-edge-of-stability.ipynb", "1.1·10⁻⁵", "1.1·10⁻⁴"},
		{"a range's end changed", "03-the-answer.ipynb", "at steps 230–236", "at steps 230–246"},
		{"a new number", "04-optimizers-compared.ipynb", "(loss 0.021, RMSE 0.135)", "(loss 0.021, RMSE 0.135, 7 extrema)"},
		{"a number quoted from notebook 1", "02-why-it-wiggles.ipynb", "(16372 against 2932)", "(16372 against 2942)"},
		{"the Chinese edition", "zh/01-the-question.ipynb", "x ≈ ±0.18", "x ≈ ±0.25"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nb := readNotebook(t, tc.path)
			if tc.old != "" {
				changeMarkdown(t, nb, tc.old, tc.new)
			}
			r := checkProse(t, filepath.Base(tc.path), nb, strings.HasPrefix(tc.path, "zh/"))
			switch {
			case tc.old == "" && len(r.problems) > 0:
				t.Errorf("the unchanged copy of %s has problems: %q", tc.path, r.problems)
			case tc.old != "" && !reports(r.problems, changedQuantity(tc.old, tc.new)):
				t.Errorf("changing %q to %q in %s: checkProse reports %q; want a report on %s", tc.old, tc.new, tc.path, r.problems, changedQuantity(tc.old, tc.new))
			}
		})
	}
}

// TestProseCatchesOutput changes one printed number in the output of a copy
// of a real notebook, within the range its check allows (what may differ
// between builds), and checks that checkProse reports that the prose no
// longer says what the output prints.
func TestProseCatchesOutput(t *testing.T) {
	for _, tc := range []struct {
		name     string
		path     string
		old, new string // in a stdout output
		quoted   string // the prose's number that no longer holds
	}{
		// the check allows 540 to 560 rises; the prose quotes 549
		{"the rises", "01-the-question.ipynb", "Model B loss rises: 549 of", "Model B loss rises: 545 of", "549"},
		{"the rises, in Chinese", "zh/01-the-question.ipynb", "Model B 损失上升：549 次", "Model B 损失上升：545 次", "549"},
		// the check allows 0.093 to 0.103; the prose quotes 0.098
		{"an RMSE", "03-the-answer.ipynb", "Model A with Adam + L1: RMSE 0.0977", "Model A with Adam + L1: RMSE 0.0990", "0.098"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nb := readNotebook(t, tc.path)
			changeOutput(t, nb, tc.old, tc.new)
			r := checkProse(t, filepath.Base(tc.path), nb, strings.HasPrefix(tc.path, "zh/"))
			if !reports(r.problems, `"`+tc.quoted+`"`) {
				t.Errorf("printing %q instead of %q in %s: checkProse reports %q; want a report on the prose's %s", tc.new, tc.old, tc.path, r.problems, tc.quoted)
			}
		})
	}
}

func readNotebook(t *testing.T, path string) ipynb.Notebook {
	t.Helper()
	nb, err := ipynb.Read(filepath.Join(nbDir, path))
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

// changeMarkdown replaces old by new in the one markdown cell of nb that
// holds old.
func changeMarkdown(t *testing.T, nb ipynb.Notebook, old, new string) {
	t.Helper()
	n := 0
	for i, c := range nb.Cells {
		if c.Type == "markdown" && strings.Contains(string(c.Source), old) {
			nb.Cells[i].Source = ipynb.Text(strings.Replace(string(c.Source), old, new, 1))
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d markdown cells hold %q; want one", n, old)
	}
}

// changeOutput replaces old by new in the one stdout output of nb that
// holds old.
func changeOutput(t *testing.T, nb ipynb.Notebook, old, new string) {
	t.Helper()
	n := 0
	for i, c := range nb.Cells {
		for j, o := range c.Outputs {
			if o.Type == "stream" && o.Name == "stdout" && strings.Contains(string(o.Text), old) {
				nb.Cells[i].Outputs[j].Text = ipynb.Text(strings.Replace(string(o.Text), old, new, 1))
				n++
			}
		}
	}
	if n != 1 {
		t.Fatalf("%d outputs hold %q; want one", n, old)
	}
}

// changedQuantity returns, quoted as checkProse quotes it, the quantity of
// new that old does not have.
func changedQuantity(old, new string) string {
	for _, q := range quantities(new) {
		if !strings.Contains(old, q.text) {
			return `"` + q.text + `"`
		}
	}
	return "(nothing changed)"
}

// reports reports whether a problem names s.
func reports(problems []string, s string) bool {
	for _, p := range problems {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}
