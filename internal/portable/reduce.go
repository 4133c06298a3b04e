package portable

import (
	"math"
	"math/bits"
)

// reduce returns, for x ≥ 0, an even octant oct in {0, 2, 4, 6} and z in
// about [-π/4, π/4] with x = oct·π/4 + z modulo 2π.
//
// Below 2^29 it subtracts the nearest even multiple of π/4 in three
// pieces (Cody & Waite, "Software Manual for the Elementary Functions",
// 1980): π/4 = a + b + c, where a and b have few enough bits that their
// products with the multiple are exact. Above, the multiple has too many
// bits for that, and reduceLarge takes over.
func reduce(x float64) (oct uint64, z float64) {
	const (
		a = 7.85398125648498535156e-1  // π/4 in three parts, as Cephes splits it
		b = 3.77489470793079817668e-8  //
		c = 2.69515142907905952645e-15 //
	)
	if x >= 1<<29 {
		return reduceLarge(x)
	}
	oct = uint64(x * (4 / math.Pi))
	m := float64(oct)
	if oct%2 == 1 { // round up to even: z then lies in [-π/4, π/4]
		oct++
		m++
	}
	oct %= 8
	z = float64(float64(x-float64(m*a))-float64(m*b)) - float64(m*c)
	return oct, z
}

// reduceLarge is reduce for x ≥ 2^29, after Payne & Hanek, "Radian
// reduction for trigonometric functions", SIGNUM Newsletter 18(1), 1983:
// only the bits of 4/π near x's own exponent matter for x·4/π modulo 8,
// so x's 53-bit mantissa is multiplied by a 192-bit window of
// fourOverPi, in integers. The product's top 3 bits are the octant, the
// next ones the fraction, truncated to a float64 as the standard library
// does.
func reduceLarge(x float64) (oct uint64, z float64) {
	xb := math.Float64bits(x)
	e := int(xb>>52&0x7ff) - 1075 // x = m·2^e
	m := xb&(1<<52-1) | 1<<52
	// The window starts at bit e+61 of fourOverPi (bit 0 is the top bit of
	// word 0), so that m·window/2^64 has the units of 2^-61.
	at := uint(e + 61)
	window := func(k uint) uint64 {
		i, s := (at+64*k)/64, (at+64*k)%64
		return fourOverPi[i]<<s | fourOverPi[i+1]>>(64-s)
	}
	w0, w1, w2 := window(0), window(1), window(2)
	// hi:lo = ⌊m·(w0:w1:w2) / 2^64⌋ modulo 2^128.
	h2, _ := bits.Mul64(w2, m)
	h1, l1 := bits.Mul64(w1, m)
	lo, carry := bits.Add64(l1, h2, 0)
	hi := w0*m + h1 + carry
	oct = hi >> 61
	// The fraction: shift out its leading 1, keep 52 bits (truncating).
	// Like the standard library, the bits below hi's come from lo's top
	// bits, which only matters for fractions below 2^-12.
	f := hi<<3 | lo>>61
	n := uint(bits.LeadingZeros64(f)) + 1
	mant := (f<<n | lo>>(64-n)) >> 12
	z = math.Float64frombits(uint64(1023-n)<<52 | mant)
	if oct%2 == 1 {
		oct = (oct + 1) % 8
		z--
	}
	return oct, float64(z * (math.Pi / 4))
}
