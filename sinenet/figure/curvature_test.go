package figure

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

// TestPlotCurvature builds the sharpness plot from a short tracked run, a
// sweep with a diverged point and marks, and a loss plot with a level and
// a mark, and checks their legends and that they render.
func TestPlotCurvature(t *testing.T) {
	d := sinenet.NoisySine(200, 1)
	m := mustNew(t, sinenet.ModelA(1))
	s := &sinenet.SharpnessTrack{Name: "Model A", Data: d, Loss: sinenet.SumSquared{}, Options: sinenet.SharpnessOptions{Float32: true, Tol: 1e-3}, Every: 10}
	if err := s.Hook(sinenet.Progress{Model: m}); err != nil {
		t.Fatal(err)
	}
	h, err := sinenet.Train(context.Background(), m, d, sinenet.Options{Optimizer: sinenet.NewGD(sinenet.QuestionLR), Loss: sinenet.SumSquared{}, Steps: 30, Every: 1, Hook: s.Hook})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Steps, []int{0, 1, 10, 11, 20, 21, 29, 30}) || s.Grads == 0 {
		t.Errorf("the track recorded steps %v with %d gradients; want 0, 1, 10, 11, 20, 21, 29, 30", s.Steps, s.Grads)
	}
	ps, err := Sharpness("", sinenet.QuestionLR, s)
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, ps, "Sharpness λmax, the largest", "Model A", "2/lr = 5e+06")

	sw, err := Sweep(SweepOptions{Title: "sweep", Marks: []Mark{{X: 1e-3, Label: "the question's rate"}}},
		[]float64{1e-4, 1e-3, 1e-2}, []float64{0.1, 0.01, math.Inf(1)})
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, sw, "sweep", "finished", "diverged", "the question's rate")
	own, err := Sweep(SweepOptions{Diverged: "diverging"}, []float64{1e-4, 1e-3}, []float64{0.1, math.NaN()})
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, own, "finished", "diverging")
	// YMax: a y above it is a cross at the top, and the axis ends there.
	top, err := Sweep(SweepOptions{YMax: 1, Diverged: "above 1"}, []float64{1e-4, 1e-3, 1e-2}, []float64{0.01, 0.1, 5000})
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, top, "finished", "above 1")
	if top.Y.Max < 1 || top.Y.Max > 2 {
		t.Errorf("Sweep with YMax 1 and a y of 5000 has its y-axis end at %g; want just above 1", top.Y.Max)
	}
	if _, err := Sweep(SweepOptions{}, []float64{1}, []float64{math.NaN()}); err == nil {
		t.Error("Sweep with every run diverged gave no error")
	}

	pl, err := Loss(LossOptions{LogY: true, Marks: []Mark{{Y: 1, Label: "noise floor"}, {X: 10, Label: "step 10"}}}, h)
	if err != nil {
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
