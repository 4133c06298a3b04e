// Package sinenet trains small fully connected neural networks on a noisy
// sine curve. It is the library behind the sinenet tutorial notebooks.
//
// The package is small and flat on purpose: every algorithm fits on a
// screen, and names follow the maths (W, b, x in the forward pass; dW, db,
// dx in the backward pass).
//
// # The problem
//
// NoisySine makes the data set of the original question: n points with x
// uniform in [-1, 9) and y = sin(x)/2.5 + N(0, 0.05²). TrueCurve and Grid
// give the noise-free curve to measure a fit against.
//
// # The network
//
// New builds an MLP from a Config: layer sizes, one activation per layer,
// biases on or off and an initializer. Its parameters live in one flat
// slice, Params, with the gradient beside it in Grads; each Layer holds
// views into both.
//
// # Training
//
// Train runs an Optimizer for a number of steps under a Loss, with an
// optional learning-rate Schedule, and returns a History of the loss at
// every step. An Optimizer is a Stepper, which steps from one gradient
// (GD, Momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW), or a Minimizer,
// which runs whole-batch iterations of its own (LBFGS, through gonum's
// optimize package); one driver runs both.
//
// # Speed
//
// MLP.LossGrad (mlp.go) is the readable forward and backward pass, in
// float64. Train runs the same pass faster (fast.go): in float32, through
// SIMD kernels (AVX2 assembly on amd64, NEON on arm64, plain Go
// elsewhere, in package internal/kernel), on all cores, while the parameters, the gradient and
// the optimizers stay float64. Its gradient agrees with LossGrad's to
// 3e-4 of the gradient's largest element (measured: up to 1.6e-4 on the
// question's saturated networks), it gives bit-identical results whatever
// GOMAXPROCS is and in every build (the assembly and plain Go compute the
// same bits), and a step allocates nothing. Train chooses between the two in one place (train.go) at the
// start of every run: Options.Reference, a custom Loss, an activation the
// fast path does not know, and L-BFGS make it use LossGrad. `make bench` times both against PyTorch.
//
// # Same numbers on every machine
//
// Where this package writes float64(x*y) + z rather than x*y + z, the
// conversion is there for arm64. Go may compute x*y + z as one fused
// multiply-add, rounded once, and does so on arm64 (not on amd64); an
// explicit conversion rounds the product first, on every machine (the Go
// spec, "Floating-point operators"). Without it, the optimizers, losses
// and reductions would differ in the last bit between an Apple Silicon
// Mac and a PC, and training grows such a difference into other numbers.
// TestNoFusedMultiplyAdd finds any that is left.
//
// Go's own math functions differ too: the standard library's Go code
// fuses on arm64 as well, and math.Exp is assembly with other code on
// amd64 and arm64. So the sine of TrueCurve and NoisySine, the normal
// draws of NoisySine, the initializers and Sharpness's start,
// CosineAnnealingLR's cosine, and the float64 reference path's tanh and
// e^z come from internal/portable: the same methods as math.Sin, rand's
// NormFloat64, math.Cos, math.Tanh and math.Exp use on amd64, giving
// amd64's bits on every machine. TestBits and TestBitsInputs check the
// data, the initial parameters and trained ones against amd64's hashes
// in every build. Not covered: the 2-D test surfaces, which keep their
// textbook formulas; Softplus, which uses math.Log1p and math.Expm1; and
// the gonum code that LBFGS and Sharpness call (optimize, mat). Their
// last bits may differ on arm64.
//
// # Measuring a fit
//
// RMSE compares a model with the true curve on a grid, and Extrema
// finds the local extrema of the fitted curve: the true curve has 3 on
// [-1, 9], and the question's network has more.
//
// # Pictures and translations
//
// This package draws nothing and prints English or nothing. Figures,
// the live view, the knobs and the exercises, with the text a learner
// reads in Chinese, live in the packages above it: sinenet/figure,
// sinenet/knobs and sinenet/exercise. The core imports only the standard
// library, gonum's numerical packages, golang.org/x/sys/cpu and
// internal/, and builds for the browser (GOOS=js GOARCH=wasm); TestDeps
// checks its imports.
//
// # Errors
//
// Anything a user can get wrong in a notebook cell (sizes, names, learning
// rates, a loss that turns NaN) returns an error that names the problem and
// the fix. Panics are kept for programmer errors inside the package. A run
// whose loss turns NaN or infinite returns a *DivergedError that names the
// cause and leaves the model at its last finite parameters.
//
// # Zero values
//
// A zero field means the default, in Options, Config and the optimizers
// alike: &Adam{LearningRate: 1e-2} is PyTorch's Adam(lr=1e-2). Zero asks
// for an explicit 0 where the default is not 0 (Adam's Beta1, say).
//
// # Concurrency
//
// A model and an optimizer belong to one run at a time. Train and RunPath
// return an error when either is already in use by another run; runs with
// a model and an optimizer each may go in parallel. Reading a model while
// it trains (Predict, Evaluate, a figure) is a data race: do it from a Hook,
// which runs between steps.
package sinenet
