package sinenet_test

import (
	"context"
	"fmt"

	"github.com/sinenet/sinenet/sinenet"
)

// Adam minimizes f(x) = (x₀ - 3)² + 10·(x₁ + 1)², a bowl whose two
// directions have different curvature. Adam's per-parameter scaling takes
// both to the minimum at the same pace.
func ExampleAdam() {
	opt := sinenet.NewAdam(0.1)
	x := []float64{0, 0}
	dx := make([]float64, 2)
	for range 500 {
		dx[0] = 2 * (x[0] - 3)
		dx[1] = 20 * (x[1] + 1)
		opt.Step(x, dx, opt.LearningRate)
	}
	fmt.Printf("%s: x = (%.4f, %.4f)\n", opt.Name(), x[0], x[1])
	// Output:
	// Adam: x = (3.0000, -1.0000)
}

// A schedule sets the learning rate before each step. Here the cosine
// schedule anneals Adam's rate from 0.1 to 0.001 over 100 steps.
func ExampleCosineAnnealingLR() {
	sched := sinenet.CosineAnnealingLR{TMax: 100, EtaMin: 0.001}
	if err := sched.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range []int{0, 25, 50, 75, 100} {
		fmt.Printf("step %3d: lr %.5f\n", t, sched.LR(0.1, t))
	}
	// Output:
	// step   0: lr 0.10000
	// step  25: lr 0.08550
	// step  50: lr 0.05050
	// step  75: lr 0.01550
	// step 100: lr 0.00100
}

// OptimizerByName turns a name from a notebook cell into an optimizer, and
// says which names exist when it does not know one.
func ExampleOptimizerByName() {
	opt, err := sinenet.OptimizerByName("AdamW", 1e-3)
	fmt.Println(opt.Name(), opt.(sinenet.Stepper).LR(), err)
	_, err = sinenet.OptimizerByName("adamax", 1e-3)
	fmt.Println(err)
	_, err = sinenet.OptimizerByName("adam", 0)
	fmt.Println(err)
	// Output:
	// AdamW 0.001 <nil>
	// sinenet: unknown optimizer "adamax"; use one of gd, momentum, nesterov, adagrad, rmsprop, adam, amsgrad, adamw, lbfgs (or sgd for gd)
	// sinenet: learning rate must be a positive number, got 0; try e.g. 1e-3
}

// L-BFGS minimizes the Rosenbrock function, whose curved valley defeats
// plain gradient descent, from its classic start (-1.2, 1).
func ExampleLBFGS_Minimize() {
	rosenbrock := func(x, dx []float64) float64 {
		a, b := 1-x[0], x[1]-x[0]*x[0]
		dx[0] = -2*a - 400*x[0]*b
		dx[1] = 200 * b
		return a*a + 100*b*b
	}
	x := []float64{-1.2, 1}
	var fs []float64 // the loss at the start and after each iteration
	err := (&sinenet.LBFGS{}).Minimize(context.Background(), rosenbrock, x, 100, func(_ int, _ []float64, f float64) error {
		fs = append(fs, f)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("f at the start: %.1f; below 1e-12 at the end: %t\n", fs[0], fs[len(fs)-1] < 1e-12)
	fmt.Printf("x = (%.6f, %.6f)\n", x[0], x[1])
	// Output:
	// f at the start: 24.2; below 1e-12 at the end: true
	// x = (1.000000, 1.000000)
}
