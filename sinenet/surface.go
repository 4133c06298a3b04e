package sinenet

// Surface is a function of two variables to watch optimizers on: a
// loss landscape small enough to draw. RunPath runs an Optimizer on it and
// figure.Paths draws the paths over its contours.
type Surface struct {
	Name string
	// F is the value at (x, y) and Grad its gradient (∂F/∂x, ∂F/∂y).
	F    func(x, y float64) float64
	Grad func(x, y float64) (dx, dy float64)
	// Min is the minimum an optimizer from Start should reach.
	Min [2]float64
	// Start is a start point that shows what is hard about the surface.
	Start [2]float64
	// XMin, XMax, YMin and YMax are a good range to draw.
	XMin, XMax, YMin, YMax float64
}

// Rosenbrock is the banana valley f = (1-x)² + 100(y-x²)², minimum 0 at
// (1, 1). The valley is easy to fall into and slow to follow.
// H. H. Rosenbrock, The Computer Journal 3(3), 1960.
func Rosenbrock() Surface {
	return Surface{
		Name: "Rosenbrock",
		F: func(x, y float64) float64 {
			a, b := 1-x, y-x*x
			return a*a + 100*b*b
		},
		Grad: func(x, y float64) (dx, dy float64) {
			b := y - x*x
			return -2*(1-x) - 400*x*b, 200 * b
		},
		Min: [2]float64{1, 1}, Start: [2]float64{-1.5, -0.5},
		XMin: -2, XMax: 2, YMin: -1, YMax: 3,
	}
}

// Beale is f = (1.5 - x + xy)² + (2.25 - x + xy²)² + (2.625 - x + xy³)²,
// minimum 0 at (3, 0.5): flat plateaus and steep walls, with values from
// 0 to about 10⁵ in the range drawn.
func Beale() Surface {
	return Surface{
		Name: "Beale",
		F: func(x, y float64) float64 {
			a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
			return a*a + b*b + c*c
		},
		Grad: func(x, y float64) (dx, dy float64) {
			a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
			dx = 2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1)
			dy = 2*a*x + 2*b*2*x*y + 2*c*3*x*y*y
			return dx, dy
		},
		Min: [2]float64{3, 0.5}, Start: [2]float64{1, 1.5},
		XMin: -4.5, XMax: 4.5, YMin: -4.5, YMax: 4.5,
	}
}

// Saddle is f = x² + y⁴/4 - y²/2: a saddle point at the origin between
// two minima -1/4 at (0, ±1). From a start almost on the ridge y = 0 the
// gradient's y part is tiny, and an optimizer must escape the saddle.
func Saddle() Surface {
	return Surface{
		Name: "Saddle",
		F:    func(x, y float64) float64 { return x*x + y*y*y*y/4 - y*y/2 },
		Grad: func(x, y float64) (dx, dy float64) { return 2 * x, y*y*y - y },
		Min:  [2]float64{0, 1}, Start: [2]float64{-1.8, 1e-3},
		XMin: -2, XMax: 2, YMin: -1.5, YMax: 1.5,
	}
}

// Quadratic is the ill-conditioned bowl f = (x² + 25y²)/2, minimum 0 at
// the origin. Its curvature is 25 times larger along y than along x, so
// a learning rate that is fast along x makes gradient descent zigzag
// across y.
func Quadratic() Surface {
	return Surface{
		Name: "Quadratic",
		F:    func(x, y float64) float64 { return (x*x + 25*y*y) / 2 },
		Grad: func(x, y float64) (dx, dy float64) { return x, 25 * y },
		Min:  [2]float64{0, 0}, Start: [2]float64{-4.5, -1.5},
		XMin: -5, XMax: 1, YMin: -2, YMax: 2,
	}
}

// Surfaces returns every test surface of the package.
func Surfaces() []Surface { return []Surface{Rosenbrock(), Beale(), Saddle(), Quadratic()} }
