// Command standardize writes the seeds that notebook 3 reads for its
// claim about plain GD on a standardized input: notebook 3's fixed network
// (1-128-1, tanh then a linear output, PyTorch's init, biases) on the
// question's data, for seeds 1 to 6 (each seed draws both the data and the
// network, as notebook 3's own seed does), trained 3000 steps of plain GD on
// the mean squared error, once on raw x and once on x standardized to mean 0
// and variance 1, each at 0.9 × its own limit 2/λmax at the start. Each row
// of gd03.tsv is one run: the seed, the input, λmax at the start, the
// learning rate, the RMSE against the true curve and the count of extrema
// after training (the standardized network folded back to take raw x), and
// at how many steps the loss rose. The twelve runs take about 22 s of CPU,
// more than notebook 3 has left of its budget. Run it from the
// repository's root:
//
//	go run ./internal/standardize
//
// TestStandardize (standardize_test.go) retrains seed 2 and checks its rows.
package main

import (
	"context"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/sinenet/sinenet/sinenet"
)

// firstSeed and lastSeed bound the seeds; Steps is each run's length.
const (
	firstSeed, lastSeed = 1, 6
	Steps               = 3000
)

// xMean and xStd are the mean and standard deviation of x uniform on
// [-1, 9), as in notebook 3.
var xMean, xStd = 4.0, 10 / math.Sqrt(12)

// header is gd03.tsv's first line.
const header = "seed\tinput\tlambda0\tlr\trmse\textrema\trises\n"

// run trains seed's network on seed's data, standardized or raw, and
// returns its row of gd03.tsv.
func run(seed uint64, standardized bool) (string, error) {
	d := sinenet.NoisySine(sinenet.QuestionN, seed)
	input := "raw"
	if standardized {
		input = "standardized"
		z := sinenet.Data{X: make([]float64, d.Len()), Y: d.Y}
		for i, x := range d.X {
			z.X[i] = (x - xMean) / xStd
		}
		d = z
	}
	m, err := sinenet.New(sinenet.Config{Sizes: []int{1, 128, 1}, Acts: []sinenet.Activation{sinenet.Tanh, sinenet.Identity}, Init: sinenet.PyTorch, Seed: seed})
	if err != nil {
		return "", err
	}
	r, err := sinenet.Sharpness(m, d, sinenet.MeanSquared{}, nil)
	if err != nil {
		return "", err
	}
	lr := 0.9 * 2 / r.Max
	h, err := sinenet.Train(context.Background(), m, d, sinenet.Options{Optimizer: sinenet.NewGD(lr), Loss: sinenet.MeanSquared{}, Steps: Steps})
	if err != nil {
		return "", fmt.Errorf("seed %d, %s x: %w", seed, input, err)
	}
	if standardized { // w·(x−μ)/s + b = (w/s)·x + (b − w·μ/s)
		l := m.Layers[0]
		for j := range l.W {
			l.B[j] -= l.W[j] * xMean / xStd
			l.W[j] /= xStd
		}
	}
	rises := 0
	for i := 1; i < len(h.Loss); i++ {
		if h.Loss[i] > h.Loss[i-1] {
			rises++
		}
	}
	f := sinenet.Evaluate(m)
	return fmt.Sprintf("%d\t%s\t%.4g\t%.4g\t%.4g\t%d\t%d\n", seed, input, r.Max, lr, f.RMSE, f.Extrema, rises), nil
}

func main() {
	var b strings.Builder
	b.WriteString(header)
	for s := uint64(firstSeed); s <= lastSeed; s++ {
		for _, st := range []bool{false, true} {
			row, err := run(s, st)
			if err != nil {
				log.Fatal(err)
			}
			b.WriteString(row)
			fmt.Print(row)
		}
	}
	if err := os.WriteFile(filepath.Join("internal", "standardize", "gd03.tsv"), []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}
