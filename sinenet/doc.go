// Package sinenet, the training core of the sinenet tutorial, trains small
// networks on a noisy sine. It holds the maths and prints English or
// nothing; sinenet/figure, sinenet/knobs and sinenet/exercise, built on it,
// hold the figures, the widgets and the Chinese text.
//
// NoisySine makes the question's data and New an MLP (parameters in one
// slice, Params; the gradient in Grads). Train runs an Optimizer, a Stepper
// or a Minimizer, under a Loss through one driver (driver.go) and returns a
// History. Evaluate measures a fit.
//
// # Speed and the same bits everywhere
//
// MLP.LossGrad (mlp.go) is the readable float64 pass. Train runs it in
// float32 (fast.go) through internal/kernel's SIMD kernels (AVX2 on amd64,
// NEON on arm64, else plain Go) on up to 8 cores (the least of NumCPU,
// GOMAXPROCS and 8), its gradient within 3e-4 of the largest element, and a
// step allocates nothing. Options.Reference, a Loss of the reader's own and
// LBFGS make Train choose LossGrad, in one place (newEngine, train.go).
// Training gives the same bits whatever GOMAXPROCS is, in every build, on
// amd64 and arm64: float64(x*y) + z stops arm64's fused multiply-add, and
// internal/portable gives amd64's sine, normal draws, tanh and e^z everywhere
// (docs/speed.md says what is not covered: Softplus, the gonum code).
//
// # Errors, defaults and concurrency
//
// A mistake a notebook cell can make returns an error that names the fix;
// panics are for programmer errors. A zero field means the default. A model
// and one of this package's optimizers belong to one run at a time (Train
// refuses a second); read a model while it trains only from a Hook.
package sinenet
