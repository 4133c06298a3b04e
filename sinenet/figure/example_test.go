package figure_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"

	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// Fit draws a network against the data and the true curve; its title
// carries the numbers of the fit. Show displays it in GoNB.
func ExampleFit() {
	d := sinenet.NoisySine(sinenet.QuestionN, 1)
	m, err := sinenet.New(sinenet.ModelA(1))
	if err != nil {
		panic(err)
	}
	p, err := figure.Fit(m, d, figure.FitOptions{Name: "untrained"})
	if err != nil {
		panic(err)
	}
	fmt.Println(p.Title.Text)
	p.Title.Text = "Model A before training" // the plot is a gonum *plot.Plot to adjust
	if err := figure.Show(p); err != nil {   // does nothing outside a notebook
		panic(err)
	}
	// Output:
	// untrained · RMSE 0.855 · 1 extrema
}

// Render turns any plot into PNG or SVG bytes of the size asked for, in
// pixels; os.WriteFile saves them.
func ExampleRender() {
	h := &sinenet.History{Name: "GD", Loss: []float64{8, 4, 2, 1, 0.5}}
	p, err := figure.Loss(figure.LossOptions{LogY: true}, h)
	if err != nil {
		panic(err)
	}
	b, err := figure.Render(p, "png", 640, 400)
	if err != nil {
		panic(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		panic(err)
	}
	fmt.Println(img.Bounds().Size())
	// Output:
	// (640,400)
}

// OptimizerColor keeps an optimizer's colour the same in every plot.
func ExampleOptimizerColor() {
	for _, name := range []string{"GD", "adam", "Adam lr=0.1", "L-BFGS"} {
		r, g, b, _ := figure.OptimizerColor(name).RGBA()
		fmt.Printf("%-12s #%02x%02x%02x\n", name, r>>8, g>>8, b>>8)
	}
	// Output:
	// GD           #1f77b4
	// adam         #d62728
	// Adam lr=0.1  #d62728
	// L-BFGS       #000000
}

// sinenet.RunPath follows an optimizer on a 2-D surface; Paths draws the
// paths over its contours and PathsGIF animates them. On the
// ill-conditioned Quadratic, gradient descent zigzags: its y changes sign
// at every step.
func ExamplePaths() {
	s := sinenet.Quadratic()
	var paths []sinenet.Path
	for _, opt := range []sinenet.Optimizer{sinenet.NewGD(0.075), sinenet.NewMomentum(0.02, 0.9), sinenet.NewAdam(0.3)} {
		p, err := sinenet.RunPath(s, opt, 100)
		if err != nil {
			panic(err)
		}
		zigzags := 0
		for i := 1; i < p.Len(); i++ {
			if p.Y[i]*p.Y[i-1] < 0 {
				zigzags++
			}
		}
		n := p.Len() - 1
		fmt.Printf("%-8s %3d steps, y changes sign %3d times, f = %.1g\n", p.Name, n, zigzags, s.F(p.X[n], p.Y[n]))
		paths = append(paths, p)
	}
	plt, err := figure.Paths(s, paths...)
	if err != nil {
		panic(err)
	}
	figure.Show(plt)
	// Output:
	// GD       100 steps, y changes sign 100 times, f = 2e-06
	// Momentum 100 steps, y changes sign  24 times, f = 0.0004
	// Adam     100 steps, y changes sign   9 times, f = 0.0008
}

// A LiveView shows the loss and the fit as the question's run goes, updated in
// place in the notebook; outside a notebook it does nothing. (This
// example is compiled, not run: the run takes a while.)
func ExampleLiveView() {
	d := sinenet.NoisySine(sinenet.QuestionN, 1)
	m, err := sinenet.New(sinenet.ModelA(1))
	if err != nil {
		panic(err)
	}
	o := sinenet.QuestionOptions()
	view := &figure.LiveView{Data: d, LogY: true}
	o.Hook = view.Hook
	o.Every = 10 // call the hook often; it redraws at most every 250 ms
	if _, err := sinenet.Train(context.Background(), m, d, o); err != nil {
		panic(err)
	}
	fmt.Println(sinenet.Evaluate(m))
}

// NewTiles puts plots side by side, to compare runs.
func ExampleNewTiles() {
	d := sinenet.NoisySine(sinenet.QuestionN, 1)
	a, _ := sinenet.New(sinenet.ModelA(1))
	b, _ := sinenet.New(sinenet.ModelB(1))
	fa, err := figure.Fit(a, d, figure.FitOptions{Title: "Model A"})
	if err != nil {
		panic(err)
	}
	fb, err := figure.Fit(b, d, figure.FitOptions{Title: "Model B"})
	if err != nil {
		panic(err)
	}
	t := figure.NewTiles(2, fa, fb)
	fmt.Println(len(t.Plots), "row of", len(t.Plots[0]))
	figure.Show(t, 1000, 400)
	// Output:
	// 1 row of 2
}

// Loss marks a step and a level with Marks: here where a measurement
// starts, and the noise floor of the mean squared error, σ² for noise of
// standard deviation σ = NoiseStd. The scale is logarithmic because the
// losses span more than a factor of 10.
func ExampleLoss_marks() {
	h := &sinenet.History{Name: "Adam"}
	for i := range 2000 {
		h.Loss = append(h.Loss, sinenet.NoiseStd*sinenet.NoiseStd+1/float64(1+i))
	}
	p, err := figure.Loss(figure.LossOptions{
		Title: "Adam",
		Marks: []figure.Mark{
			{X: 1000, Label: "measured from here"},
			{Y: sinenet.NoiseStd * sinenet.NoiseStd, Label: "noise floor σ² = 0.0025"},
		},
	}, h)
	if err != nil {
		panic(err)
	}
	fmt.Printf("y from %.4f to %.2f\n", p.Y.Min, p.Y.Max)
	// Output:
	// y from 0.0025 to 1.20
}
