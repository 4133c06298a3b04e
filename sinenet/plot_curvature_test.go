package sinenet

import (
	"context"
	"math"
	"slices"
	"testing"
)

// TestPlotCurvature builds the sharpness plot from a short tracked run, a
// sweep with a diverged point and marks, and a loss plot with a level and
// a mark, and checks their legends and that they render.
func TestPlotCurvature(t *testing.T) {
	d := NoisySine(200, 1)
	m := mustNew(t, ModelA(1))
	s := &SharpnessTrack{Name: "Model A", Data: d, Loss: SumSquared{}, Options: SharpnessOptions{Float32: true, Tol: 1e-3}, Every: 10}
	if err := s.Hook(Progress{Model: m}); err != nil {
		t.Fatal(err)
	}
	h, err := Train(context.Background(), m, d, Options{Optimizer: NewGD(QuestionLR), Loss: SumSquared{}, Steps: 30, Every: 1, Hook: s.Hook})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Steps, []int{0, 1, 10, 11, 20, 21, 29, 30}) || s.Grads == 0 {
		t.Errorf("the track recorded steps %v with %d gradients; want 0, 1, 10, 11, 20, 21, 29, 30", s.Steps, s.Grads)
	}
	ps, err := PlotSharpness("", QuestionLR, s)
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, ps, "Sharpness λmax, the largest", "Model A", "2/lr = 5e+06")

	sw, err := PlotSweep(SweepOptions{Title: "sweep", Marks: []Mark{{X: 1e-3, Label: "the question's rate"}}},
		[]float64{1e-4, 1e-3, 1e-2}, []float64{0.1, 0.01, math.Inf(1)})
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, sw, "sweep", "finished", "diverged", "the question's rate")
	if _, err := PlotSweep(SweepOptions{}, []float64{1}, []float64{math.NaN()}); err == nil {
		t.Error("PlotSweep with every run diverged gave no error")
	}

	pl, err := PlotLoss(LossOptions{LogY: true}, h)
	if err != nil {
		t.Fatal(err)
	}
	if err := AddLevel(pl, 1, "noise floor"); err != nil {
		t.Fatal(err)
	}
	if err := AddMark(pl, Mark{X: 10, Label: "step 10"}); err != nil {
		t.Fatal(err)
	}
	checkTexts(t, pl, "noise floor", "step 10")
	for name, p := range map[string]Drawer{"sharpness": ps, "sweep": sw, "loss-level": pl} {
		b, err := Render(p, "png", 600, 400)
		if err != nil {
			t.Fatal(err)
		}
		checkPNG(t, name, b, 600, 400)
	}
}
