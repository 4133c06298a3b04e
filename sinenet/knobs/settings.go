// Package knobs retrains a small network live as a learner moves sliders
// and menus in a GoNB notebook (notebook 6): every knob of the tutorial's
// lessons, from biases and the initialization to the loss, the noise and
// the number of points.
//
// The parts that do not need a front end are here and tested headless:
// the knobs and their choices (this file), and the loop that retrains on
// every change, cancels the run in flight when a new setting arrives, and
// draws a quick first frame before refining it (loop.go). The widgets
// themselves are in ui.go.
package knobs

import (
	"fmt"
	"strings"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/internal/portable"
	"github.com/sinenet/sinenet/sinenet"
)

// Seed seeds the data and the network.
const Seed = 1

// Settings are the knobs' values, in the units a learner thinks in.
type Settings struct {
	Depth     int          // hidden layers
	Width     int          // units per hidden layer
	Bias      bool         // biases on
	Init      sinenet.Init // the initializer
	Output    sinenet.Activation
	Loss      string  // a name from Losses
	Optimizer string  // a name from sinenet.OptimizerNames()
	LR        float64 // learning rate
	Steps     int
	Noise     float64 // standard deviation of the noise on y
	Points    int     // data points
}

// Defaults are notebook 3's network and Adam at 5e-2: one tanh layer of
// 128 units with biases, nn.Linear's init and a linear output, trained on
// the question's data. At Adam's usual 1e-2 this network ends its 1000
// steps with 2 extrema (RMSE 0.0443); at 5e-2 it has the true curve's 3
// (RMSE 0.0261), so the knobs open on a fit that works.
func Defaults() Settings {
	return Settings{
		Depth: 1, Width: 128, Bias: true, Init: sinenet.PyTorch, Output: sinenet.Identity,
		Loss: "MSE", Optimizer: "adam", LR: 5e-2, Steps: 1000,
		Noise: sinenet.NoiseStd, Points: sinenet.QuestionN,
	}
}

// Losses maps the loss menu's names to the losses.
var Losses = map[string]sinenet.Loss{
	"MSE":       sinenet.MeanSquared{},
	"L1":        sinenet.L1{},
	"Huber 0.1": sinenet.Huber{Delta: 0.1},
	"SSE":       sinenet.SumSquared{},
}

// LossNames lists the loss menu in order.
var LossNames = []string{"MSE", "L1", "Huber 0.1", "SSE"}

// Config returns the network of s.
func (s Settings) Config() sinenet.Config {
	c := sinenet.Config{Sizes: []int{1}, Init: s.Init, NoBias: !s.Bias, Seed: Seed}
	for range s.Depth {
		c.Sizes = append(c.Sizes, s.Width)
		c.Acts = append(c.Acts, sinenet.Tanh)
	}
	c.Sizes = append(c.Sizes, 1)
	c.Acts = append(c.Acts, s.Output)
	return c
}

// Options returns the training of s, with Valid() as its validation set,
// or an error for an unknown optimizer, loss or an unusable learning rate.
func (s Settings) Options() (sinenet.Options, error) {
	opt, err := sinenet.OptimizerByName(s.Optimizer, s.LR)
	if err != nil {
		return sinenet.Options{}, err
	}
	loss, ok := Losses[s.Loss]
	if !ok {
		return sinenet.Options{}, fmt.Errorf("knobs: no loss %q; choose one of %s", s.Loss, strings.Join(LossNames, ", "))
	}
	return sinenet.Options{Optimizer: opt, Loss: loss, Steps: s.Steps, Valid: s.Valid()}, nil
}

// ValidPoints is the size of the validation set.
const ValidPoints = 1000

// Valid returns the validation set: ValidPoints points drawn like Data's,
// with the same noise, that the network never trains on. Its loss, beside
// the training loss, shows when a network fits the noise of a few points
// rather than the curve.
func (s Settings) Valid() sinenet.Data {
	d := sinenet.NoisySine(ValidPoints, Seed+2)
	rng := sinenet.NewRand(Seed + 3)
	for i := range d.Y {
		d.Y[i] = float64(sinenet.TrueCurve(d.X[i])) + float64(s.Noise*portable.Normal(rng))
	}
	return d
}

// Data returns s.Points points of the question's curve, x uniform in
// [-1, 9), with Gaussian noise of standard deviation s.Noise.
func (s Settings) Data() sinenet.Data {
	d := sinenet.NoisySine(s.Points, Seed)
	rng := sinenet.NewRand(Seed + 1)
	for i := range d.Y {
		d.Y[i] = float64(sinenet.TrueCurve(d.X[i])) + float64(s.Noise*portable.Normal(rng))
	}
	return d
}

// String sums s up in one line, e.g. "1 × 128 tanh units, biases, PyTorch
// init, identity output · MSE · Adam lr 1e-2 · 1000 steps · 4000 points,
// noise 0.05", or in Chinese "1 × 128 个 tanh 单元，有偏置，PyTorch 初始化，
// 线性输出 · MSE · Adam lr 1e-2 · …". Initializers and optimizers are named
// as the notebooks' prose names them, not by their keys ("he", "adam").
func (s Settings) String() string {
	bias := lang.Say("biases", "有偏置")
	if !s.Bias {
		bias = lang.Say("no biases", "无偏置")
	}
	lr := " lr " + lang.Rate(s.LR)
	if s.Optimizer == "lbfgs" {
		lr = ""
	}
	return fmt.Sprintf(lang.Say("%d × %d tanh units, %s, %s, %s · %s · %s%s · %d steps · %d points, noise %g",
		"%d × %d 个 tanh 单元，%s，%s，%s · %s · %s%s · %d 步 · %d 个数据点，噪声 %g"),
		s.Depth, s.Width, bias, initLabel(s.Init), outputLabel(s.Output), s.Loss, optimizerName(s.Optimizer), lr, s.Steps, s.Points, s.Noise)
}
