package main

import (
	"context"
	"fmt"
	"math"

	"github.com/sinenet/sinenet/sinenet"
)

// Seeds are the other seeds the race runs on, for seeds04.csv: the data's
// and the network's seed, both, as seed 1 is in rates04.csv.
var Seeds = []uint64{2, 3, 4, 5}

// SeedsHeader is the first line of seeds04.csv.
const SeedsHeader = "seed,optimizer,lr,loss,rmse,extrema,evals"

// LBFGSIterations is L-BFGS's budget in the race, as notebook 04 gives it.
const LBFGSIterations = 200

// Chosen is each stepping optimizer at the rate rates04.csv chose for it on
// seed 1, in the race's order, then L-BFGS.
func Chosen() []sinenet.Optimizer {
	return []sinenet.Optimizer{
		sinenet.NewGD(1e-2),
		sinenet.NewMomentum(2e-2, 0.9),
		sinenet.NewNesterov(1e-2, 0.9),
		sinenet.NewAdagrad(0.1),
		sinenet.NewRMSprop(5e-4),
		sinenet.NewAdam(5e-2),
		sinenet.NewAdamW(5e-2, 1e-2),
		&sinenet.LBFGS{},
	}
}

// RunSeed runs the race's opt on seed's data and network, as notebook 04
// does on seed 1 (1000 steps, or 200 iterations of L-BFGS), and returns
// the line of seeds04.csv for it: the final loss (NaN if the run
// diverged), the RMSE against the true curve, the extrema and the
// gradient evaluations.
func RunSeed(opt sinenet.Optimizer, seed uint64) (string, error) {
	c := Fixed
	c.Seed = seed
	m, err := sinenet.New(c)
	if err != nil {
		return "", err
	}
	steps, lr := Steps, "line search"
	if st, ok := opt.(sinenet.Stepper); ok {
		lr = fmt.Sprintf("%g", st.LR())
	} else {
		steps = LBFGSIterations
	}
	h, err := sinenet.Train(context.Background(), m, sinenet.NoisySine(sinenet.QuestionN, seed), sinenet.Options{Optimizer: opt, Steps: steps})
	loss := h.Final()
	if _, ok := err.(*sinenet.DivergedError); ok {
		loss = math.NaN()
	} else if err != nil {
		return "", err
	}
	f := sinenet.Evaluate(m)
	return fmt.Sprintf("%d,%s,%s,%.6g,%.6g,%d,%d", seed, opt.Name(), lr, loss, f.RMSE, f.Extrema, h.Evals[len(h.Evals)-1]), nil
}
