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
// SIMD kernels (AVX2+FMA assembly on amd64, plain Go elsewhere, in package
// internal/kernel), on all cores, while the parameters, the gradient and
// the optimizers stay float64. Its gradient agrees with LossGrad's to
// 3e-4 of the gradient's largest element (measured: 3e-5), it gives
// bit-identical results whatever GOMAXPROCS is, and a step allocates
// nothing. Options.Reference makes Train use LossGrad instead; L-BFGS
// always does. `make bench` times both against PyTorch.
//
// # Measuring a fit
//
// RMSE compares a model with the true curve on a grid, and Extrema
// finds the local extrema of the fitted curve: the true curve has 3 on
// [-1, 9], and the question's network has more.
//
// # Pictures
//
// The plot helpers build gonum.org/v1/plot plots and return them, so that
// a reader can adjust them: PlotFit (data, fit, true curve and the fit's
// extrema), PlotLoss (training histories), PlotUnits and PlotPreacts
// (inside the first layer: every unit's output, and how saturated they
// are), PlotGradNorms, and PlotPaths (optimizers on the 2-D test Surfaces,
// run by RunPath; PathsGIF animates them). NewTiles lays plots out side by
// side. Every optimizer keeps its colour everywhere (OptimizerColor).
// A plot's key names every encoding it uses (a shaded band, a ring, a
// reference line from LossOptions.Marks or AddMark) and sits where it
// covers no data, at the size the plot is drawn: the plot makes room for
// it if it must, raising the top of its y-axis.
//
// Render turns a plot into PNG or SVG bytes, Save writes a file, and Show
// displays a plot inline in a GoNB notebook (and does nothing elsewhere).
// A LiveView's Hook, as Options.Hook, shows the loss and the fit while
// training runs, updated in place.
//
// # Errors
//
// Anything a user can get wrong in a notebook cell (sizes, names, learning
// rates, a loss that turns NaN) returns an error that names the problem and
// the fix. Panics are kept for programmer errors inside the package.
package sinenet
