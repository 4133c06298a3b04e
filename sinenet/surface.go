package sinenet

// Surface is a loss landscape of two variables, small enough to draw, for
// RunPath to run optimizers on.
type Surface struct {
	Name                   string
	F                      func(x, y float64) float64          // f(x, y)
	Grad                   func(x, y float64) (dx, dy float64) // (∂f/∂x, ∂f/∂y)
	Min                    [2]float64                          // the minimum to reach from Start
	Start                  [2]float64                          // a start that shows what is hard
	XMin, XMax, YMin, YMax float64                             // a range to draw
}

// Rosenbrock is the banana valley f = (1-x)² + 100(y-x²)² (1960), minimum
// 0 at (1, 1).
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

// Beale is f = (1.5 - x + xy)² + (2.25 - x + xy²)² + (2.625 - x + xy³)².
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

// Saddle is f = x² + y⁴/4 - y²/2, a saddle between minima at (0, ±1).
func Saddle() Surface {
	return Surface{
		Name: "Saddle",
		F:    func(x, y float64) float64 { return x*x + y*y*y*y/4 - y*y/2 },
		Grad: func(x, y float64) (dx, dy float64) { return 2 * x, y*y*y - y },
		Min:  [2]float64{0, 1}, Start: [2]float64{-1.8, 1e-3},
		XMin: -2, XMax: 2, YMin: -1.5, YMax: 1.5,
	}
}

// Quadratic is the bowl f = (x² + 25y²)/2, 25 times more curved along y.
func Quadratic() Surface {
	return Surface{
		Name: "Quadratic",
		F:    func(x, y float64) float64 { return (x*x + 25*y*y) / 2 },
		Grad: func(x, y float64) (dx, dy float64) { return x, 25 * y },
		Min:  [2]float64{0, 0}, Start: [2]float64{-4.5, -1.5},
		XMin: -5, XMax: 1, YMin: -2, YMax: 2,
	}
}

// Surfaces returns the four surfaces above.
func Surfaces() []Surface { return []Surface{Rosenbrock(), Beale(), Saddle(), Quadratic()} }
