package main

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/sinenet/sinenet/sinenet"
)

// header names the columns of seeds.tsv.
const header = "# seed\tfirst loss\tfinal loss\tRMSE\textrema at x\n"

// row is one seed's run.
type row struct {
	Seed         uint64
	First, Final float64
	RMSE         float64
	Extrema      []float64 // x of each extremum, to 0.01
}

func (r row) String() string {
	xs := make([]string, len(r.Extrema))
	for i, x := range r.Extrema {
		xs[i] = fmt.Sprintf("%.2f", x)
	}
	return fmt.Sprintf("%d\t%.1f\t%.1f\t%.4f\t%s\n", r.Seed, r.First, r.Final, r.RMSE, strings.Join(xs, " "))
}

// run trains Model A from seed s as the question did.
func run(data sinenet.Data, s uint64) (row, error) {
	m, err := sinenet.New(sinenet.ModelA(s))
	if err != nil {
		return row{}, err
	}
	h, err := sinenet.Train(context.Background(), m, data, sinenet.QuestionOptions())
	if err != nil {
		return row{}, err
	}
	r := row{Seed: s, First: h.Loss[0], Final: h.Final(), RMSE: sinenet.Evaluate(m).RMSE}
	g := sinenet.Grid(sinenet.EvalPoints)
	for _, i := range sinenet.Extrema(m.Predict(nil, g.X), sinenet.Prominence) {
		r.Extrema = append(r.Extrema, math.Round(g.X[i]*100)/100)
	}
	return r, nil
}
