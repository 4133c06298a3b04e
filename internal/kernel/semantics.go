package kernel

// What each kernel computes, operation by operation. Every implementation
// (the AVX2 assembly from asm/gen.go, the arm64 assembly, the pure-Go
// twin in generic.go) computes exactly this, whatever its tiles and
// however many vectors it keeps in flight, so that training gives the
// same bits on every machine and in every build. Every operation is one
// IEEE-754 float32 operation rounded to nearest even: a·b, a+b, a-b, a/b,
// and min. "+=" is s = s + v with v already rounded.
//
// # No fused multiply-add
//
// No kernel fuses a multiply and an add: a·b + c is round(round(a·b) + c)
// everywhere. In Go that is written float32(a*b) + c, because the
// compiler may fuse a*b + c on arm64, ppc64, s390x and riscv64 (never on
// amd64); the explicit conversion forbids it. Measured on the 2-core
// Zen 5 this was written on (issue 11):
//   - AVX2 with VMULPS+VADDPS instead of VFMADD231PS: the GEMM benchmark
//     (64×32 by 32×128) ran at 24–29 GFLOP/s either way (Zen 5 adds on
//     pipes of their own), and the seed suite's steps did not change
//     beyond the machine's noise.
//   - Pure Go with an exact float32 fused multiply-add (the product in
//     float64, which is exact, the sum in float64, and a check for the
//     one case where rounding that to float32 rounds twice): the same
//     GEMM 2.6–4× slower than with float32(a*b) + c.
//
// Measured again for issue 26, on the CPU these machines show their
// guests (CPUID family 17h model 31h, AVX2 and FMA, no AVX-512; 3.38 GHz
// at best on one core), with loops of independent register operations:
// 12 VFMADD231PS or 12 VMULPS+VADDPS pairs both reach 32 flops a cycle
// (108 GFLOP/s). But the core dispatches 4 vector operations a cycle,
// loads among them, so the 6×16 GEMM tile, whose k step has 8 loads,
// reaches 32 flops a cycle with FMA and 24 without (81 GFLOP/s). The
// wide tiles of asm/gen.go's gemmWide read B from memory inside the
// multiplications and get back part of that (about 28 a cycle at best);
// the rest is the price of the same bits everywhere.
//
// On arm64 (4 pipes that each do FMLA, FMUL or FADD) the separate
// multiply and add cost up to twice the fused one in a GEMM-bound loop.
// We pay that rather than make every non-amd64, non-arm64 platform run
// 3× slower in pure Go.
//
// # Summation order
//
// Sums run in index order, one accumulator per output, except where a
// kernel states lanes. "8 lanes" means lane l sums the terms whose index
// is ≡ l (mod 8), each lane in index order from +0; then sum8 below adds
// the lanes: ((l0+l1)+(l2+l3)) + ((l4+l5)+(l6+l7)).
//
// # Gemm(m, n, k, A, rsa, csa, B, ldb, C, ldc, acc)
//
// If !acc, C's m×n block is first set to +0 (then +0 + v = v, and -0
// becomes +0). Then:
//
//   - When n == 1, csa == 1, ldb == 1, ldc == 1 and k ≥ 8 (a matrix
//     times a vector), for each row i, with k8 = k &^ 7: the products
//     A[i,p]·B[p] for p < k8 are summed in 8 lanes into s;
//     C[i] = C[i] + s; then C[i] += A[i,p]·B[p] for p = k8 … k-1.
//   - Otherwise, for each element: C[i,j] += A[i,p]·B[p,j] for
//     p = 0 … k-1, in order.
//
// The shape alone decides between the two, never the build.
//
// # Tanh(dst, src), Tanh32(x)
//
// With ax = |x| (the sign bit cleared):
//
//	m = min(ax, 9.5)            (NaN stays NaN)
//	y = m + m
//	k = m·(2·log2e) + 1.5·2²³    (k's low bits hold n = round(y·log2e))
//	n = k - 1.5·2²³
//	r = (y - n·ln2Hi) - n·ln2Lo
//	p = 1/5040, then p = p·r + c for c = 1/720, 1/120, 1/24, 1/6, 1/2
//	p = (r·r)·p + r              (e^r - 1)
//	s = the float32 whose bits are (bits(k) << 23) + bits(1.0), i.e. 2ⁿ
//	em = s·p + (s - 1)           (e^y - 1)
//	t = 1 - 2/(em + 2) if ax ≥ 0.625, else em/(em + 2)
//	tanh = t with its sign bit ORed with x's.
//
// The constants are float32(the values in generic.go's const block and
// of the fractions). m·(2·log2e) is the product y·log2e, rounded once:
// y = 2m exactly, and float32(2·log2e) = 2·float32(log2e); it lets k
// start one addition earlier. (Until issue 26 the text said k = y·log2e;
// the bits are the same.) A vector version may compute the numerator as a
// blend of 2 and em, divide once by em + 2, and blend t from the
// quotient q and 1 - q: the same operations on the lanes it keeps.
//
// # MulDTanh(dz, a)
//
// dz[i] = dz[i]·(1 - a[i]·a[i]).
//
// # ShallowForward(z, a, x, w1, b1, w2), h = len(w1), h16 = h &^ 15
//
// For each row r: a[r,j] = tanh(x[r]·w1[j] + b1[j]) as Tanh32 does. Then
// 16 lanes: lane l (l < 16) sums a[r,j]·w2[j] for j ≡ l (mod 16), j < h16,
// in order from +0; c_l = lane_l + lane_{l+8} for l < 8; z[r] = sum8(c);
// then z[r] += a[r,j]·w2[j] for j = h16 … h-1.
//
// # ShallowBackward(gw1, gb1, gw2, x, dz, a, w2), h = len(w2)
//
// For each j, from g2 = sx = sb = +0, over the rows r in order:
// g2 += dz[r]·a[r,j]; t = dz[r] - dz[r]·(a[r,j]·a[r,j]); sb += t;
// sx += x[r]·t. Then gw2[j] = gw2[j] + g2, gw1[j] = gw1[j] + w2[j]·sx,
// gb1[j] = gb1[j] + w2[j]·sb.

// sum8 adds 8 lanes in the order of the kernels' horizontal sums.
func sum8(s *[8]float32) float32 {
	return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]))
}
