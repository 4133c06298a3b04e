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
const header = "# seed\tfirst loss\tfinal loss\tRMSE\tpair at step 0\tpair from step (≥ 1)\tsteps without it after\toutput saturated at init (%)\textrema at x\n"

// row is one seed's run.
type row struct {
	Seed         uint64
	First, Final float64
	RMSE         float64
	// At0 reports whether the untrained network's curve already has a
	// pair of extrema mirrored about x = 0 within [-1, 1].
	At0 bool
	// PairFrom is the first step after which the curve has a pair of
	// extrema mirrored about x = 0 within [-1, 1] (0: never), looked at
	// after every step from step 1 on, whether or not the untrained
	// network had one; Lost counts the steps after that without one.
	PairFrom, Lost int
	// Saturated is the share of the data's points at which the untrained
	// network's output pre-activation is beyond ±2, in percent: notebook
	// 2's measure of output saturation.
	Saturated float64
	Extrema   []float64 // x of each extremum, to 0.01
}

func (r row) String() string {
	xs := make([]string, len(r.Extrema))
	for i, x := range r.Extrema {
		xs[i] = fmt.Sprintf("%.2f", x)
	}
	at0 := 0
	if r.At0 {
		at0 = 1
	}
	return fmt.Sprintf("%d\t%.1f\t%.1f\t%.4f\t%d\t%d\t%d\t%.1f\t%s\n", r.Seed, r.First, r.Final, r.RMSE, at0, r.PairFrom, r.Lost, r.Saturated, strings.Join(xs, " "))
}

// run trains Model A from seed s as the question did.
func run(data sinenet.Data, s uint64) (row, error) {
	m, err := sinenet.New(sinenet.ModelA(s))
	if err != nil {
		return row{}, err
	}
	r := row{At0: mirrored(m), Saturated: 100 * saturated(m, data)}
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

// saturated returns the share of data's points at which the output
// pre-activation of m, a 1-H-1 network without biases, is beyond ±2: where
// tanh's slope is below 0.071 and passes almost no gradient back.
func saturated(m *sinenet.MLP, data sinenet.Data) float64 {
	W, V := m.Layers[0].W, m.Layers[1].W
	n := 0
	for _, x := range data.X {
		z := 0.0
		for j, w := range W {
			z += math.Tanh(w*x) * V[j]
		}
		if math.Abs(z) > 2 {
			n++
		}
	}
	return float64(n) / float64(len(data.X))
}
