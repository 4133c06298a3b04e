package figure

import (
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

func TestPlotUnits(t *testing.T) {
	q, a, b := mustNew(t, sinenet.ModelA(1)), mustNew(t, sinenet.AnswerModel(1)), mustNew(t, sinenet.ModelB(1))
	for _, tc := range []struct {
		name  string
		m     *sinenet.MLP
		o     UnitsOptions
		texts []string
	}{
		{"units_question", q, UnitsOptions{}, []string{"Layer 1: 128 tanh units, no biases", "colour: a unit's output at x = 9, blue lowest … red highest", "x      (| marks a unit's centre -b/w: 128 of 128 units)"}},
		{"units_answer", a, UnitsOptions{XMin: -3, XMax: 3}, []string{"Layer 1: 32 tanh units", "x      (| marks"}},
		{"units_deep", b, UnitsOptions{Layer: 2}, []string{"Layer 3: 32 tanh units"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Units(tc.m, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if p.Y.Min < -1.3 || p.Y.Max > 1.01 {
				t.Errorf("y range [%g, %g] is wider than tanh's (-1, 1) and the centres' rug", p.Y.Min, p.Y.Max)
			}
			checkTexts(t, p, tc.texts...)
			img, err := Render(p, "png", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, tc.name, img, defaultWidth, defaultHeight)
		})
	}
	if _, err := Units(q, UnitsOptions{Layer: 2}); err == nil {
		t.Error("layer 2 of a 2-layer network: no error")
	}
}

func TestPlotPreacts(t *testing.T) {
	q, a := mustNew(t, sinenet.ModelA(1)), mustNew(t, sinenet.AnswerModel(1))
	d := sinenet.NoisySine(300, 1)
	for _, tc := range []struct {
		name  string
		m     *sinenet.MLP
		d     sinenet.Data
		texts []string
	}{
		{"preacts_question", q, d, []string{"Layer 1 pre-activations: 47%", "z of 128 units × 300 inputs", "|z| = 2"}},
		{"preacts_answer", a, sinenet.Data{}, []string{"Layer 1 pre-activations: ", "z of 32 units × 401 inputs"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Preacts(tc.m, tc.d, UnitsOptions{})
			if err != nil {
				t.Fatal(err)
			}
			checkTexts(t, p, tc.texts...)
			img, err := Render(p, "png", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, tc.name, img, defaultWidth, defaultHeight)
		})
	}
}
