package sinenet_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/sinenet/sinenet/sinenet"
)

// The question's shallow network, printed like a PyTorch model.
func ExampleNew() {
	m, err := sinenet.New(sinenet.ModelA(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m)
	// Output:
	// MLP(
	//   (0): Linear(in=1, out=128, bias=false) -> tanh
	//   (1): Linear(in=128, out=1, bias=false) -> tanh
	// ) 256 parameters, init normal
}

// Mistakes in a configuration come back as errors that say how to fix them.
func ExampleNew_error() {
	_, err := sinenet.New(sinenet.Config{Sizes: []int{1, 128, 1}, Acts: []sinenet.Activation{"tanh"}})
	fmt.Println(err)
	_, err = sinenet.New(sinenet.Config{Sizes: []int{1, 128, 1}, Acts: []sinenet.Activation{"tanh", "tahn"}})
	fmt.Println(err)
	// Output:
	// sinenet: 3 layer sizes need 2 activations (one per layer after the input), got 1: [tanh]
	// sinenet: unknown activation "tahn"; use one of [tanh sigmoid relu leakyrelu softplus identity]
}

// The true curve has three local extrema on [-1, 9]: a maximum at π/2, a
// minimum at 3π/2 and a maximum at 5π/2.
func ExampleExtrema() {
	g := sinenet.Grid(sinenet.EvalPoints)
	for _, i := range sinenet.Extrema(g.Y, sinenet.Prominence) {
		fmt.Printf("x = %.2f, y = %+.2f\n", g.X[i], g.Y[i])
	}
	// Output:
	// x = 1.57, y = +0.40
	// x = 4.71, y = -0.40
	// x = 7.85, y = +0.40
}

// NoisySine makes the question's data; the same seed gives the same points.
func ExampleNoisySine() {
	d := sinenet.NoisySine(sinenet.QuestionN, 1)
	lo, hi := d.X[0], d.X[0]
	for _, x := range d.X {
		lo, hi = min(lo, x), max(hi, x)
	}
	fmt.Printf("%d points, x in [%.2f, %.2f]\n", d.Len(), lo, hi)
	// Output:
	// 4000 points, x in [-1.00, 9.00]
}

// Train a small network with Adam and measure the fit against the true
// curve.
func ExampleTrain() {
	d := sinenet.NoisySine(400, 1)
	m, err := sinenet.New(sinenet.Config{Sizes: []int{1, 16, 16, 1}, Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	h, err := sinenet.Train(context.Background(), m, d, sinenet.Options{
		Optimizer: sinenet.NewAdam(1e-2),
		Loss:      sinenet.MeanSquared{},
		Steps:     1500,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fit := sinenet.Evaluate(m)
	fmt.Printf("%d steps, loss fell over 100-fold: %t\n", len(h.Loss), h.Loss[0]/h.Final() > 100)
	fmt.Printf("%d extrema, RMSE below 0.03: %t\n", fit.Extrema, fit.RMSE < 0.03)
	// Output:
	// 1500 steps, loss fell over 100-fold: true
	// 3 extrema, RMSE below 0.03: true
}

// A learning rate far too large makes the loss overflow; Train stops with
// an error that says what to do.
func ExampleDivergedError() {
	m, _ := sinenet.New(sinenet.Config{Sizes: []int{1, 128, 1}, Acts: []sinenet.Activation{"tanh", "identity"}, Init: sinenet.StdNormal})
	_, err := sinenet.Train(context.Background(), m, sinenet.NoisySine(4000, 1), sinenet.Options{
		Optimizer: sinenet.NewGD(1), Loss: sinenet.SumSquared{}, Steps: 100,
	})
	var de *sinenet.DivergedError
	if errors.As(err, &de) {
		fmt.Printf("diverged with lr %g; the error suggests %g\n", de.LR, de.LR/10)
	}
	// Output:
	// diverged with lr 1; the error suggests 0.1
}
