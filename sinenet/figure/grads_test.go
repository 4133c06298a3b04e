package figure

import (
	"context"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
)

func TestPlotGradNorms(t *testing.T) {
	d := sinenet.NoisySine(200, 1)
	m := mustNew(t, sinenet.ModelB(1))
	var g sinenet.GradNorms
	calls := 0
	count := func(sinenet.Progress) error { calls++; return nil }
	_, err := sinenet.Train(context.Background(), m, d, sinenet.Options{Optimizer: sinenet.NewGD(1e-4), Loss: sinenet.SumSquared{}, Steps: 40, Every: 2, Hook: sinenet.Hooks(g.Hook, count)})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Steps) != 20 || calls != 20 || g.Steps[19] != 40 || len(g.Norms[0]) != 4 {
		t.Fatalf("recorded %d steps up to %d of %d layers, and counted %d calls; want 20 up to 40 of 4 layers, and 20",
			len(g.Steps), g.Steps[len(g.Steps)-1], len(g.Norms[0]), calls)
	}
	p, err := GradNorms(&g)
	if err != nil {
		t.Fatal(err)
	}
	checkTexts(t, p, "Gradient norm per layer", "layer 1", "layer 4")
	b, err := Render(p, "png", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "grad_norms", b, defaultWidth, defaultHeight)
	if _, err := GradNorms(&sinenet.GradNorms{}); err == nil {
		t.Error("no error for no norms")
	}
}
