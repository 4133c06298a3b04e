package portable

import "math"

// Sin returns sin(x), with the bits of Go's math.Sin on amd64.
//
// The method is Cephes' sin (Stephen L. Moshier, Cephes Math Library,
// sin.c, 1985-2000): reduce x to z in [-π/4, π/4] and an octant, then
// evaluate a degree-13 odd polynomial for sin(z) or a degree-14 even one
// for cos(z), with Cephes' published coefficients.
func Sin(x float64) float64 {
	switch {
	case x == 0 || math.IsNaN(x):
		return x // ±0 or NaN
	case math.IsInf(x, 0):
		return math.NaN()
	}
	neg := x < 0
	if neg {
		x = -x
	}
	oct, z := reduce(x)
	if oct >= 4 { // sin(z + π) = -sin(z)
		neg = !neg
		oct -= 4
	}
	y := sinPoly(z)
	if oct == 2 { // sin(z + π/2) = cos(z)
		y = cosPoly(z)
	}
	if neg {
		return -y
	}
	return y
}

// Cos returns cos(x), with the bits of Go's math.Cos on amd64 (Cephes'
// cos, as Sin).
func Cos(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return math.NaN()
	}
	oct, z := reduce(math.Abs(x))
	neg := false
	if oct >= 4 { // cos(z + π) = -cos(z)
		neg = true
		oct -= 4
	}
	y := cosPoly(z)
	if oct == 2 { // cos(z + π/2) = -sin(z)
		neg = !neg
		y = sinPoly(z)
	}
	if neg {
		return -y
	}
	return y
}

// Cephes' minimax coefficients, highest degree first.
var (
	sinCoef = [6]float64{
		1.58962301576546568060e-10,
		-2.50507477628578072866e-8,
		2.75573136213857245213e-6,
		-1.98412698295895385996e-4,
		8.33333333332211858878e-3,
		-1.66666666666666307295e-1,
	}
	cosCoef = [6]float64{
		-1.13585365213876817300e-11,
		2.08757008419747316778e-9,
		-2.75573141792967388112e-7,
		2.48015872888517045348e-5,
		-1.38888888888730564116e-3,
		4.16666666666665929218e-2,
	}
)

// horner evaluates c[0]·t⁵ + c[1]·t⁴ + … + c[5], rounding every product.
func horner(c *[6]float64, t float64) float64 {
	p := c[0]
	for _, ck := range c[1:] {
		p = float64(p*t) + ck
	}
	return p
}

// sinPoly returns sin(z) ≈ z + z³·P(z²) for |z| ≤ π/4.
func sinPoly(z float64) float64 {
	zz := z * z
	return z + float64(float64(z*zz)*horner(&sinCoef, zz))
}

// cosPoly returns cos(z) ≈ 1 - z²/2 + z⁴·Q(z²) for |z| ≤ π/4.
func cosPoly(z float64) float64 {
	zz := z * z
	return (1 - float64(0.5*zz)) + float64(float64(zz*zz)*horner(&cosCoef, zz))
}
