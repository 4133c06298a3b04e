// Command sweep writes the learning-rate sweep that notebook 04 reads:
// every optimizer of its race, on notebook 3's network (seed 1), trained
// 1000 full-batch steps of the mean squared error at each rate of a grid,
// 10⁻⁴ to 1 in steps of 1, 2, 5 per decade. Each line of rates04.csv is
// one run: the optimizer, the rate, the final training loss (NaN for a run
// that diverged), the RMSE against the true curve, the extrema count and
// the mean training loss over the last Late steps (NaN if it diverged).
// The notebook takes each optimizer's rate with the lowest late mean, which
// one lucky or unlucky last step cannot decide as it can the final loss.
//
//	go run ./internal/sweep            # rewrites internal/sweep/rates04.csv (about 70 s of CPU)
//	go run ./internal/sweep -seeds     # rewrites internal/sweep/seeds04.csv (about 30 s of CPU)
//
// seeds04.csv is the race itself, each optimizer at the rate chosen on
// seed 1 (and L-BFGS), run on the other seeds of Seeds: whether what the
// notebook finds on seed 1 holds on them.
//
// The runs use the fast engine, whose results are the same bits on every
// build; sweep_test.go re-runs the chosen rates and their neighbours on
// the grid and checks their lines.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"strings"

	"github.com/sinenet/sinenet/sinenet"
)

// Steps is each run's length, Late the steps at its end whose mean loss
// picks the rate, and Seed the data's and the network's seed.
const (
	Steps = 1000
	Late  = 100
	Seed  = 1
)

// Rates is the grid: 1, 2 and 5 times each power of ten from 10⁻⁴ to 1.
func Rates() []float64 {
	var r []float64
	for e := -4; e < 0; e++ {
		for _, m := range []float64{1, 2, 5} {
			r = append(r, m*math.Pow(10, float64(e)))
		}
	}
	return append(r, 1)
}

// Optimizers returns the race's optimizers, by name, at learning rate lr:
// momentum 0.9 for Momentum and Nesterov, weight decay 10⁻² for AdamW.
func Optimizers(lr float64) []sinenet.Optimizer {
	return []sinenet.Optimizer{
		sinenet.NewGD(lr),
		sinenet.NewMomentum(lr, 0.9),
		sinenet.NewNesterov(lr, 0.9),
		sinenet.NewAdagrad(lr),
		sinenet.NewRMSprop(lr),
		sinenet.NewAdam(lr),
		sinenet.NewAdamW(lr, 1e-2),
	}
}

// Fixed is notebook 3's network, as notebook 04 builds it.
var Fixed = sinenet.Config{
	Sizes: []int{1, 128, 1},
	Acts:  []sinenet.Activation{sinenet.Tanh, sinenet.Identity},
	Init:  sinenet.PyTorch,
	Seed:  Seed,
}

// Run trains Fixed with opt and returns the line of the CSV for it.
func Run(opt sinenet.Optimizer, lr float64) (string, error) {
	m, err := sinenet.New(Fixed)
	if err != nil {
		return "", err
	}
	h, err := sinenet.Train(context.Background(), m, sinenet.NoisySine(sinenet.QuestionN, Seed), sinenet.Options{Optimizer: opt, Steps: Steps})
	loss, late := h.Final(), math.NaN()
	if _, ok := err.(*sinenet.DivergedError); ok {
		loss = math.NaN()
	} else if err != nil {
		return "", err
	} else {
		late = 0
		for _, l := range h.Loss[len(h.Loss)-Late:] {
			late += l / Late
		}
	}
	f := sinenet.Evaluate(m)
	return fmt.Sprintf("%s,%g,%.6g,%.6g,%d,%.6g", opt.Name(), lr, loss, f.RMSE, f.Extrema, late), nil
}

// Header is the CSV's first line.
const Header = "optimizer,lr,loss,rmse,extrema,late"

func main() {
	seeds := flag.Bool("seeds", false, "write seeds04.csv, the race on other seeds, instead of the sweep")
	flag.Parse()
	if *seeds {
		writeSeeds()
		return
	}
	lines := []string{Header}
	for i := range Optimizers(1) {
		for _, lr := range Rates() {
			opt := Optimizers(lr)[i]
			l, err := Run(opt, lr)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println(l)
			lines = append(lines, l)
		}
	}
	if err := os.WriteFile("internal/sweep/rates04.csv", []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}

// writeSeeds writes seeds04.csv: every optimizer of Chosen on every seed
// of Seeds.
func writeSeeds() {
	lines := []string{SeedsHeader}
	for _, seed := range Seeds {
		for i := range Chosen() {
			l, err := RunSeed(Chosen()[i], seed)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Println(l)
			lines = append(lines, l)
		}
	}
	if err := os.WriteFile("internal/sweep/seeds04.csv", []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		log.Fatal(err)
	}
}
