package sinenet

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// torchNetwork is testdata/torch/network.json: a 1-4-3-1 network, its
// starting weights in sinenet's layout, 8 points, and one run per loss and
// optimizer configuration.
type torchNetwork struct {
	TorchVersion string       `json:"torch_version"`
	Steps        int          `json:"steps"`
	Sizes        []int        `json:"sizes"`
	Acts         []Activation `json:"acts"`
	X            []float64    `json:"x"`
	Y            []float64    `json:"y"`
	Layers       []struct {
		W [][]float64 `json:"W"` // In×Out
		B []float64   `json:"b"`
	} `json:"layers"`
	Cases []struct {
		torchRun
		LossFn string    `json:"loss_fn"`
		Params []float64 `json:"params"`
	} `json:"cases"`
}

// newTorchNetwork builds the reference network with its starting weights.
func newTorchNetwork(t *testing.T, ref *torchNetwork) *MLP {
	t.Helper()
	m, err := New(Config{Sizes: ref.Sizes, Acts: ref.Acts})
	if err != nil {
		t.Fatal(err)
	}
	for k, l := range m.Layers {
		W := ref.Layers[k].W
		for i := range l.In {
			copy(l.W[i*l.Out:(i+1)*l.Out], W[i])
		}
		copy(l.B, ref.Layers[k].B)
	}
	return m
}

// TestOptimizerParityNetwork trains the reference network with Train under
// every loss and optimizer configuration and compares the loss at every
// step and the final weights with PyTorch's.
func TestOptimizerParityNetwork(t *testing.T) {
	var ref torchNetwork
	readJSON(t, "network.json", &ref)
	if len(ref.Cases) == 0 {
		t.Fatal("no cases in network.json")
	}
	data := Data{X: ref.X, Y: ref.Y}
	for _, tc := range ref.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			opt, sched := tc.build(t)
			loss, err := parseLoss(tc.LossFn)
			if err != nil {
				t.Fatal(err)
			}
			m := newTorchNetwork(t, &ref)
			o := Options{Optimizer: opt, Loss: loss, Schedule: sched, Steps: ref.Steps, Reference: true}
			h, err := Train(context.Background(), m, data, o)
			if err != nil {
				t.Fatal(err)
			}
			checkParity(t, parity{"loss", h.Loss, tc.Loss}, parity{"weights", m.Params, tc.Params})
		})
	}
}

// parseLoss returns the loss with the given name, ignoring case: "sse"
// (or "sum"), "mse", "l1" (or "mae") and "huber" (or "smoothl1").
func parseLoss(name string) (Loss, error) {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "")) {
	case "sse", "sum", "sumsquared":
		return SumSquared{}, nil
	case "mse", "meansquared":
		return MeanSquared{}, nil
	case "l1", "mae":
		return L1{}, nil
	case "huber", "smoothl1":
		return Huber{Delta: huberDelta}, nil
	}
	return nil, fmt.Errorf("sinenet: unknown loss %q; use one of sse, mse, l1, huber", name)
}
