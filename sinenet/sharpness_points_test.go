package sinenet

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// TestSharpnessPoints writes, when SINENET_SHARPNESS_POINTS names a file,
// the parameters of Model B (seeds 1 and 2, the question's run) at the
// steps notebook 2b quotes, with λmax as the float32 track measures it, and
// at the midpoints of consecutive steps. testdata/torch/sharpness_check.py
// recomputes λmax there in float64 with PyTorch, independently:
//
//	SINENET_SHARPNESS_POINTS=/tmp/points.json go test ./sinenet -run SharpnessPoints
//	/usr/bin/python3 sinenet/testdata/torch/sharpness_check.py /tmp/points.json
//
// It trains 6000 steps of Model B, about a minute; without the variable it
// is skipped.
func TestSharpnessPoints(t *testing.T) {
	out := os.Getenv("SINENET_SHARPNESS_POINTS")
	if out == "" {
		t.Skip("set SINENET_SHARPNESS_POINTS to a file to write the points for the PyTorch check")
	}
	d := NoisySine(QuestionN, 1)
	type point struct {
		Seed     uint64    `json:"seed"`
		Step     int       `json:"step"`
		Midpoint bool      `json:"midpoint"` // of steps Step-1 and Step
		Params   []float64 `json:"params"`
		Go       float64   `json:"go_lambda_max"`
		GoLoss   float64   `json:"go_loss"`
	}
	var pts []point
	for _, c := range []struct {
		seed  uint64
		steps []int
	}{{1, []int{68, 119, 2998, 2999}}, {2, []int{54, 183, 1000, 1001}}} {
		track := &SharpnessTrack{Data: d, Loss: SumSquared{}, Options: SharpnessOptions{Float32: true, Tol: 1e-3, Iters: 10}, Every: 5000, Midpoints: true}
		for _, s := range c.steps {
			track.Windows = append(track.Windows, [2]int{s, s})
		}
		var prev []float64
		o := QuestionOptions()
		o.Every = 1
		o.Hook = func(p Progress) error {
			if err := track.Hook(p); err != nil {
				return err
			}
			k := len(track.Steps) - 1
			if k >= 0 && track.Steps[k] == p.Step && slices.Contains(c.steps, p.Step) {
				x := append([]float64(nil), p.Model.Params...)
				pts = append(pts, point{Seed: c.seed, Step: p.Step, Params: x, Go: track.Max[k], GoLoss: lossAt(p.Model, x, d, SumSquared{}, true)})
				if len(pts) > 1 && pts[len(pts)-2].Step == p.Step-1 && !pts[len(pts)-2].Midpoint {
					mid := make([]float64, len(x))
					for i := range mid {
						mid[i] = (prev[i] + x[i]) / 2
					}
					pts = append(pts, point{Seed: c.seed, Step: p.Step, Midpoint: true, Params: mid, Go: track.MidMax[k], GoLoss: track.MidLoss[k]})
				}
			}
			prev = append(prev[:0], p.Model.Params...)
			return nil
		}
		m := mustNew(t, ModelB(c.seed))
		if _, err := Train(t.Context(), m, d, o); err != nil {
			t.Fatal(err)
		}
	}
	b, err := json.Marshal(map[string]any{"x": d.X, "y": d.Y, "sizes": ModelB(1).Sizes, "lr": QuestionLR, "points": pts})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d points to %s", len(pts), out)
}
