package main

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/sinenet/sinenet/sinenet"
)

// header names the columns of seeds.tsv.
const header = "# seed\tfirst loss\tfinal loss\tRMSE\tpair from step\tsteps without it after\textrema at x\n"

// row is one seed's run.
type row struct {
	Seed         uint64
	First, Final float64
	RMSE         float64
	// PairFrom is the first step after which the curve has a pair of
	// extrema mirrored about x = 0 within [-1, 1] (0: never), looked at
	// after every step; Lost counts the steps after that without one.
	PairFrom, Lost int
	Extrema        []float64 // x of each extremum, to 0.01
}

func (r row) String() string {
	xs := make([]string, len(r.Extrema))
	for i, x := range r.Extrema {
		xs[i] = fmt.Sprintf("%.2f", x)
	}
	return fmt.Sprintf("%d\t%.1f\t%.1f\t%.4f\t%d\t%d\t%s\n", r.Seed, r.First, r.Final, r.RMSE, r.PairFrom, r.Lost, strings.Join(xs, " "))
}

// run trains Model A from seed s as the question did.
func run(data sinenet.Data, s uint64) (row, error) {
	m, err := sinenet.New(sinenet.ModelA(s))
	if err != nil {
		return row{}, err
	}
	var r row
	o := sinenet.QuestionOptions()
	o.Every = 1
	o.Hook = func(p sinenet.Progress) error {
		switch pair := mirrored(p.Model); {
		case pair && r.PairFrom == 0:
			r.PairFrom = p.Step
		case !pair && r.PairFrom > 0:
			r.Lost++
		}
		return nil
	}
	h, err := sinenet.Train(context.Background(), m, data, o)
	if err != nil {
		return row{}, err
	}
	r.Seed, r.First, r.Final, r.RMSE = s, h.Loss[0], h.Final(), sinenet.Evaluate(m).RMSE
	g := sinenet.Grid(sinenet.EvalPoints)
	for _, i := range sinenet.Extrema(m.Predict(nil, g.X), sinenet.Prominence) {
		r.Extrema = append(r.Extrema, math.Round(g.X[i]*100)/100)
	}
	return r, nil
}

// mirrored reports whether m's curve has a pair of extrema at ±x within
// [-1, 1], on the grid of step 0.01 that Evaluate uses.
func mirrored(m *sinenet.MLP) bool {
	xs := make([]float64, 201)
	for i := range xs {
		xs[i] = float64(i-100) / 100
	}
	var at []float64
	for _, i := range sinenet.Extrema(m.Predict(nil, xs), sinenet.Prominence) {
		at = append(at, xs[i])
	}
	for _, a := range at {
		if a > 0 && slices.Contains(at, -a) {
			return true
		}
	}
	return false
}
