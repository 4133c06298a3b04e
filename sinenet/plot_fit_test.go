package sinenet

import (
	"testing"
)

func TestPlotFit(t *testing.T) {
	qm, _, d := trained(t, ModelA(1), &testGD{lr: QuestionLR * 10}, SumSquared{}, 100)
	am, _, _ := trained(t, AnswerModel(1), &testAdam{lr: AnswerLR}, L1{}, 300)
	for _, tc := range []struct {
		name   string
		m      *MLP
		d      Data
		o      FitOptions
		lo, hi float64
		legend []string
	}{
		{"fit_question", qm, d, FitOptions{Name: "GD"}, XMin, XMax, []string{"data (400)", "sin(x)/2.5", "GD", "extrema ("}},
		{"fit_answer", am, d, FitOptions{Name: "Adam"}, XMin, XMax, []string{"data (400)", "Adam", "extrema ("}},
		{"fit_zoom", qm, d, FitOptions{XMin: -1, XMax: 1, Title: "zoom"}, -1, 1, []string{"zoom", "network"}},
		{"fit_nodata", am, Data{}, FitOptions{}, XMin, XMax, []string{"network · RMSE", "sin(x)/2.5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := PlotFit(tc.m, tc.d, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if p.X.Min != tc.lo || p.X.Max != tc.hi {
				t.Errorf("x range [%g, %g], want [%g, %g]", p.X.Min, p.X.Max, tc.lo, tc.hi)
			}
			checkTexts(t, p, tc.legend...)
			b, err := Render(p, "png", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, tc.name, b, DefaultWidth, DefaultHeight)
		})
	}
}
