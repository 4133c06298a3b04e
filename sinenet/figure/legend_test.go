package figure

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"unsafe"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// TestLegendClear draws every kind of plot of the package at the sizes
// the notebooks show it, alone and in tiles, and checks that no key box
// covers a data point, a line segment, a shaded band or a bar of its
// plot. It reads what each plot draws from the plot's own list of
// plotters (not from what the key was told to avoid), and checks it
// against the box the key was drawn in, in canvas coordinates, with its
// own clipping code.
func TestLegendClear(t *testing.T) {
	d := sinenet.NoisySine(sinenet.QuestionN, 1) // as dense as the notebooks' data
	fit := func(m *sinenet.MLP, o FitOptions) *plot.Plot { return must(t)(Fit(m, d, o)) }
	loss := func(o LossOptions, hs ...*sinenet.History) *plot.Plot { return must(t)(Loss(o, hs...)) }

	// Fits of several shapes: a curve that ends high at the right (as
	// RMSprop's did under the key), one too flat, a good one, and the
	// question's wiggly one.
	var fits []*plot.Plot
	var hs []*sinenet.History
	for _, opt := range []sinenet.Optimizer{sinenet.NewRMSprop(1e-3), sinenet.NewGD(1e-2), sinenet.NewAdam(1e-2), sinenet.NewMomentum(1e-2, 0.9)} {
		m, h, _ := trained(t, shallowAnswer(1), opt, sinenet.MeanSquared{}, 300)
		fits, hs = append(fits, fit(m, FitOptions{Name: h.Name})), append(hs, h)
	}
	qm, qh, _ := trained(t, sinenet.ModelA(1), sinenet.NewGD(sinenet.QuestionLR*10), sinenet.SumSquared{}, 200)
	fits = append(fits, fit(qm, FitOptions{Name: "Model A"}))
	hs = append(hs, qh)

	adam1, adam2 := spiky("Adam, constant lr", 2000, 0.01), spiky("Adam, cosine decay", 2000, 0.012)
	valid := spiky("Adam", 300, 0.5)
	valid.ValLoss = spiky("", 300, 0.6).Loss
	mom := &sinenet.History{Name: "Momentum"}
	for i := range 1000 { // falls fast, then flat: the curve fills the bottom
		mom.Loss = append(mom.Loss, 0.04+2/(1+float64(i)))
	}

	saddle := sinenet.Saddle()
	var saddleRace []sinenet.Path
	for _, opt := range []sinenet.Optimizer{sinenet.NewGD(1e-2), sinenet.NewMomentum(1e-2, 0.9), sinenet.NewRMSprop(1e-2), sinenet.NewAdam(0.1)} {
		p, err := sinenet.RunPath(saddle, opt, 200)
		if err != nil {
			t.Fatal(err)
		}
		saddleRace = append(saddleRace, p)
	}
	var paths []*plot.Plot
	for _, s := range sinenet.Surfaces() {
		paths = append(paths, must(t)(Paths(s, race(t, s, raceSteps)...)))
	}
	paths = append(paths, must(t)(Paths(saddle, saddleRace...)))

	q, b := mustNew(t, sinenet.ModelA(1)), mustNew(t, sinenet.ModelB(1))
	norms := &sinenet.GradNorms{}
	for i := range 50 {
		norms.Steps = append(norms.Steps, i)
		norms.Norms = append(norms.Norms, []float64{1 / (1 + float64(i)), 0.1, 3 - float64(i)/25})
	}

	// Sharpness tracks rising to the limit 2/lr, as GD's do at the edge
	// of stability; a sweep with diverged runs; marks added after.
	var tracks []*sinenet.SharpnessTrack
	for i, name := range []string{"GD", "GD lr 2e-3"} {
		tr := &sinenet.SharpnessTrack{Name: name}
		for k := 1; k <= 50; k++ {
			tr.Steps = append(tr.Steps, 20*k)
			tr.Max = append(tr.Max, (1000+float64(i)*300)*(1-math.Exp(-float64(k)/8)))
		}
		tracks = append(tracks, tr)
	}
	rates := []float64{1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1}
	finals := []float64{0.3, 0.08, 0.01, 0.004, 0.003, math.Inf(1), math.NaN()}
	// Notebook 02b: a two-cycle measured at pairs of steps, as markers
	// against a limit at 1 that runs under the key's corner; and GD on a
	// quadratic, joined, ending high at the right.
	var pairs []Series
	for i := range 2 {
		s := Series{Name: fmt.Sprintf("Model B seed %d", i+1)}
		for k := 0; k <= 3000; k += 100 {
			s.X = append(s.X, float64(k), float64(k+1))
			s.Y = append(s.Y, 1-0.2*float64(i+1)*float64(k%200)/200, 1.03+0.3*float64(i))
		}
		pairs = append(pairs, s)
	}
	var quad []Series
	for _, r := range []float64{0.5, 1.5, 2.05} {
		s, x := Series{Name: fmt.Sprintf("lr·λ = %.2f", r)}, 1.0
		for k := 0; k <= 20; k++ {
			s.X, s.Y = append(s.X, float64(k)), append(s.Y, x)
			x -= r * x
		}
		quad = append(quad, s)
	}
	marked := loss(LossOptions{Marks: []Mark{{X: 1000, Label: "from here"}, {Y: 0.0025, Label: "noise floor"}}}, adam1)

	type sized struct {
		d    Drawer
		w, h int
	}
	cases := map[string][]sized{
		"fit": {{fits[0], 0, 0}, {fits[4], 0, 0}, {fits[0], 600, 400}},
		"fit zoomed": {{fit(qm, FitOptions{XMin: -1, XMax: 3}), 0, 0},
			{fit(qm, FitOptions{XMin: -0.3, XMax: 0.3, Name: "Adam"}), 0, 0}},
		"fit without data":              {{must(t)(Fit(qm, sinenet.Data{}, FitOptions{})), 0, 0}},
		"fits in 4 columns":             {{NewTiles(4, fits...), 1600, 640}},
		"fits in 2 columns":             {{NewTiles(2, fits[0], fits[1]), 1200, 420}},
		"loss of 5 runs":                {{loss(LossOptions{}, hs...), 0, 0}, {loss(LossOptions{LogY: true}, hs...), 600, 400}},
		"loss thinned with a step mark": {{loss(LossOptions{Marks: []Mark{{X: 1000, Label: "from here"}}}, adam1, adam2), 0, 0}},
		"loss with a noise floor":       {{loss(LossOptions{Marks: []Mark{{Y: 0.0399, Label: "noise floor"}}}, mom), 0, 0}},
		// Notebook 4's learning-rate decay and exercise 6: a key too wide
		// to fit beside the step mark.
		"loss with a wide key over a step mark": {{loss(LossOptions{LogY: true, MaxPoints: 2000, Marks: []Mark{{X: 1000, Label: "step 1000: spikes measured from here"}}}, adam1, adam2), 0, 0}},
		"loss with validation":                  {{loss(LossOptions{LinearY: true}, valid), 0, 0}},
		"fit and loss in 2 columns":             {{NewTiles(2, fits[2], loss(LossOptions{LogY: true}, hs[2])), 1100, 380}},
		"live view":                             {{NewTiles(2, loss(LossOptions{LogY: true, Title: "Loss so far"}, hs[2]), fits[2]), 960, 360}},
		"paths":                                 {{NewTiles(3, paths[0], paths[2], paths[3]), 1500, 460}, {paths[1], 0, 0}, {paths[4], 440, 340}},
		"units":                                 {{must(t)(Units(q, UnitsOptions{})), 0, 0}},
		"pre-activations":                       {{must(t)(Preacts(q, d, UnitsOptions{})), 0, 0}, {must(t)(Preacts(b, sinenet.Data{}, UnitsOptions{})), 0, 0}},
		"gradient norms":                        {{must(t)(GradNorms(norms)), 0, 0}},
		"sharpness":                             {{must(t)(Sharpness("", 1.5e-3, tracks...)), 0, 0}},
		"sweep":                                 {{must(t)(Sweep(SweepOptions{Marks: []Mark{{X: 1e-3, Label: "the question's rate"}, {Y: 0.0025, Label: "noise floor"}}}, rates, finals)), 0, 0}},
		"loss with marks added":                 {{marked, 0, 0}},
		"points against a limit":                {{must(t)(Points(PointsOptions{YMin: 0.5, YMax: 2, Marks: []Mark{{Y: 1, Label: "limit"}}}, pairs...)), 700, 400}},
		"points joined":                         {{must(t)(Points(PointsOptions{Join: true}, quad...)), 900, 380}},
	}
	for name, cs := range cases {
		for _, c := range cs {
			name := fmt.Sprintf("%s %dx%d", name, c.w, c.h)
			t.Run(name, func(t *testing.T) {
				b, err := Render(c.d, "png", c.w, c.h)
				if err != nil {
					t.Fatal(err)
				}
				w, h := c.w, c.h
				if w == 0 {
					w, h = defaultWidth, defaultHeight
				}
				checkPNG(t, "legend "+name, b, w, h)
				checkLegends(t, c.d)
			})
		}
	}

	// Every frame of an animation, drawn as PathsGIF draws it.
	c, err := newContour(saddle)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := contourImage(saddle, c, saddleRace, 440, 340)
	if err != nil {
		t.Fatal(err)
	}
	for k := 0; k <= 200; k += 10 {
		p, err := pathsFrame(saddle, bg, saddleRace, nil, k)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Render(p, "png", 440, 340); err != nil {
			t.Fatal(err)
		}
		checkLegends(t, p)
	}
}

// must returns a function that returns p, or fails the test on err.
func must(t testing.TB) func(p *plot.Plot, err error) *plot.Plot {
	return func(p *plot.Plot, err error) *plot.Plot {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
}

// checkLegends checks the keys of the plots of d, just drawn.
func checkLegends(t *testing.T, d Drawer) {
	t.Helper()
	switch d := d.(type) {
	case *plot.Plot:
		checkLegend(t, d)
	case *Tiles:
		for _, row := range d.Plots {
			for _, p := range row {
				if p != nil {
					checkLegend(t, p)
				}
			}
		}
	default:
		t.Fatalf("cannot check the legends of a %T", d)
	}
}

// checkLegend checks that the key of p, as last drawn, lies inside the
// data area and covers nothing that p draws there.
func checkLegend(t *testing.T, p *plot.Plot) {
	t.Helper()
	var key *legend
	for _, x := range plotters(p) {
		if l, ok := x.(*legend); ok {
			key = l
		}
	}
	if key == nil || len(key.entries) == 0 {
		return // nothing to cover the data
	}
	c, box := draw.Canvas{Rectangle: key.area}, key.box
	if box.Min.X < c.Min.X || box.Min.Y < c.Min.Y || box.Max.X > c.Max.X || box.Max.Y > c.Max.Y {
		t.Errorf("%q: key %v sticks out of the data area %v", p.Title.Text, box, c.Rectangle)
	}
	tx, ty := p.Transforms(&c)
	at := func(xy plotter.XY) vg.Point { return vg.Point{X: tx(xy.X), Y: ty(xy.Y)} }
	grow := func(r vg.Rectangle, d vg.Length) vg.Rectangle {
		return vg.Rectangle{Min: vg.Point{X: r.Min.X - d, Y: r.Min.Y - d}, Max: vg.Point{X: r.Max.X + d, Y: r.Max.Y + d}}
	}
	covered := 0
	report := func(what string, i int) {
		covered++
		if covered <= 3 {
			t.Errorf("%q: the key %v covers %s (%d)", p.Title.Text, box, what, i)
		}
	}
	for _, x := range plotters(p) {
		switch x := x.(type) {
		case *plotter.Line:
			r := grow(box, x.Width/2)
			for i := 1; i < len(x.XYs); i++ {
				if clipMeets(at(x.XYs[i-1]), at(x.XYs[i]), r) {
					report(fmt.Sprintf("segment %v–%v of a line", x.XYs[i-1], x.XYs[i]), i)
				}
			}
		case *plotter.Scatter:
			r := grow(box, x.GlyphStyle.Radius)
			for i, xy := range x.XYs {
				if q := at(xy); c.Contains(q) && clipMeets(q, q, r) {
					report(fmt.Sprintf("point %v", xy), i)
				}
			}
		case *plotter.Polygon:
			for _, ring := range x.XYs {
				for i := range ring {
					if clipMeets(at(ring[i]), at(ring[(i+1)%len(ring)]), box) {
						report(fmt.Sprintf("the edge of a band at %v", ring[i]), i)
					}
				}
			}
		case *plotter.Histogram:
			for i, b := range x.Bins {
				bar := vg.Rectangle{Min: at(plotter.XY{X: b.Min, Y: 0}), Max: at(plotter.XY{X: b.Max, Y: b.Weight})}
				if b.Weight > 0 && bar.Min.X < box.Max.X && box.Min.X < bar.Max.X && bar.Min.Y < box.Max.Y && box.Min.Y < bar.Max.Y {
					report(fmt.Sprintf("bar %d", i), i)
				}
			}
		case vline:
			if a, b, ok := x.ends(c, p); ok && clipMeets(a, b, grow(box, x.style.Width/2)) {
				report("a vertical mark", 0)
			}
		case hline:
			if vy, w := ty(x.y), x.style.Width/2; box.Min.Y-w <= vy && vy <= box.Max.Y+w {
				report("a horizontal mark", 0)
			}
		case *legend, *plotter.Contour, *plotter.Grid, *plotter.Image:
		default:
			t.Errorf("%q: the test does not know the plotter %T; teach it", p.Title.Text, x)
		}
	}
	if covered > 3 {
		t.Errorf("%q: … %d in all", p.Title.Text, covered)
	}
}

// plotters returns the plotters of p, read from its unexported field:
// what p draws, whatever its key was told.
func plotters(p *plot.Plot) []plot.Plotter {
	f := reflect.ValueOf(p).Elem().FieldByName("plotters")
	return *(*[]plot.Plotter)(unsafe.Pointer(f.UnsafeAddr()))
}

// clipMeets reports whether the segment a–b meets the rectangle r, by
// Cohen–Sutherland clipping.
func clipMeets(a, b vg.Point, r vg.Rectangle) bool {
	code := func(q vg.Point) int {
		c := 0
		switch {
		case q.X < r.Min.X:
			c |= 1
		case q.X > r.Max.X:
			c |= 2
		}
		switch {
		case q.Y < r.Min.Y:
			c |= 4
		case q.Y > r.Max.Y:
			c |= 8
		}
		return c
	}
	for range 8 {
		ca, cb := code(a), code(b)
		switch {
		case ca|cb == 0:
			return true
		case ca&cb != 0:
			return false
		}
		if ca == 0 { // move the end that is outside
			a, b, ca = b, a, cb
		}
		switch {
		case ca&1 != 0:
			a = vg.Point{X: r.Min.X, Y: a.Y + (b.Y-a.Y)*(r.Min.X-a.X)/(b.X-a.X)}
		case ca&2 != 0:
			a = vg.Point{X: r.Max.X, Y: a.Y + (b.Y-a.Y)*(r.Max.X-a.X)/(b.X-a.X)}
		case ca&4 != 0:
			a = vg.Point{X: a.X + (b.X-a.X)*(r.Min.Y-a.Y)/(b.Y-a.Y), Y: r.Min.Y}
		default:
			a = vg.Point{X: a.X + (b.X-a.X)*(r.Max.Y-a.Y)/(b.Y-a.Y), Y: r.Max.Y}
		}
	}
	return false
}

// TestLegendSpot checks that the key goes where the data is not: over
// data filling all but one corner of the plot, it takes that corner.
func TestLegendSpot(t *testing.T) {
	for _, tc := range []struct {
		empty      string
		xmin, ymin float64 // the empty quarter
	}{{"top right", 0.5, 0.5}, {"top left", 0, 0.5}, {"bottom right", 0.5, 0}, {"bottom left", 0, 0}} {
		var pts plotter.XYs
		for i := range 41 {
			for j := range 41 {
				x, y := float64(i)/40, float64(j)/40
				if !(tc.xmin <= x && x <= tc.xmin+0.5 && tc.ymin <= y && y <= tc.ymin+0.5) {
					pts = append(pts, plotter.XY{X: x, Y: y})
				}
			}
		}
		p := newPlot(tc.empty, "x", "y")
		s, err := plotter.NewScatter(pts)
		if err != nil {
			t.Fatal(err)
		}
		s.GlyphStyle.Radius = vg.Points(1)
		key := &legend{}
		key.plot(p, s)
		key.add("points", s)
		key.attach(p, growNone)
		if _, err := Render(p, "png", 0, 0); err != nil {
			t.Fatal(err)
		}
		c := key.area
		mid := vg.Point{X: (key.box.Min.X + key.box.Max.X) / 2, Y: (key.box.Min.Y + key.box.Max.Y) / 2}
		right, top := mid.X > (c.Min.X+c.Max.X)/2, mid.Y > (c.Min.Y+c.Max.Y)/2
		if right != (tc.xmin > 0) || top != (tc.ymin > 0) {
			t.Errorf("data everywhere but the %s: the key is at %v in %v", tc.empty, key.box, c)
		}
		checkLegend(t, p)
	}
}
