package main

import (
	"context"
	"fmt"
	"math"

	"github.com/sinenet/sinenet/sinenet"
)

// header names the columns of splits.tsv.
const header = "# split\ttraining MSE\tvalidation MSE\tgap\tgap's sampling error\n"

// row is Model B's final network on one split.
type row struct {
	Split        uint64
	Train, Valid float64 // mean squared error
	// Gap is Valid - Train; SE is its sampling error, each loss's spread
	// of squared errors over √points, combined.
	Gap, SE float64
}

func (r row) String() string {
	return fmt.Sprintf("%d\t%.4f\t%.4f\t%.4f\t%.4f\n", r.Split, r.Train, r.Valid, r.Gap, r.SE)
}

// run trains Model B on the training part of split s of data, as the
// question did, and measures its final network on both parts.
func run(data sinenet.Data, s uint64) (row, error) {
	train, valid, err := data.Split(0.2, s)
	if err != nil {
		return row{}, err
	}
	m, err := sinenet.New(sinenet.ModelB(seed))
	if err != nil {
		return row{}, err
	}
	if _, err := sinenet.Train(context.Background(), m, train, sinenet.QuestionOptions()); err != nil {
		return row{}, err
	}
	mt, st := meanSquares(m, train)
	mv, sv := meanSquares(m, valid)
	return row{Split: s, Train: mt, Valid: mv, Gap: mv - mt, SE: math.Hypot(st, sv)}, nil
}

// meanSquares returns m's mean squared error on d and that mean's sampling
// error: the squared errors' spread over the square root of their number.
func meanSquares(m *sinenet.MLP, d sinenet.Data) (mean, se float64) {
	var s2 float64
	for i, p := range m.Predict(nil, d.X) {
		e := (p - d.Y[i]) * (p - d.Y[i])
		mean, s2 = mean+e, s2+e*e
	}
	n := float64(d.Len())
	mean /= n
	return mean, math.Sqrt((s2/n - mean*mean) / n)
}
