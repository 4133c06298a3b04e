// Command gen writes the AVX2 assembly of package kernel with avo.
// It lives in its own module so that avo stays out of sinenet's go.mod.
//
//	cd internal/kernel/asm && go run . -out ../kernel_amd64.s -stubs ../kernel_amd64.go -pkg kernel
//
// Every kernel here has a pure-Go twin in ../generic.go that computes
// the same bits: ../semantics.go states each kernel's operations and
// order, and the tests in package kernel compare the two bit for bit.
// Nothing here fuses a multiply and an add (see semantics.go for why):
// madd, msub and nmadd below emit a rounded product and then a sum.
package main

import (
	"fmt"
	"math"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

func main() {
	ConstraintExpr("!purego")
	consts()
	for _, mr := range []int{6, 4, 2, 1} {
		gemmTile(mr)
	}
	tanh8()
	mulDTanh8()
	dotRows4()
	gemvT32()
	shallowFwd()
	shallowBwd()
	Generate()
}

// The constants of tanh, each repeated in 8 lanes: the same as
// ../generic.go's (see Tanh32 there). tanh(|x|) is em/(em+2) below
// tanhSwitch and 1 - 2/(em+2) from there on, with em = e^y - 1 for
// y = 2·min(|x|, tanhCap), as 2^n·(e^r - 1) + (2^n - 1) with
// r = y - n·ln 2, and e^r - 1 = r + r²·(1/2 + r/6 + … + r⁵/5040).
const (
	tanhSwitch = 0.625
	tanhCap    = 9.5
	expMagic   = 12582912 // 1.5·2²³: v + expMagic rounds v to an integer, which ends its bits
	expLog2e   = 1.44269504088896340736
	expLn2Hi   = 0.693359375 // ln 2 in 9 bits, so that n·expLn2Hi is exact
	expLn2Lo   = -2.12194440e-4
	signMask   = 0x80000000
)

// expm1Coef are the coefficients of (e^r - 1 - r)/r², from r⁰ up.
var expm1Coef = []float64{1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040}

var constMem Mem

// const offsets in constMem, in units of 32 bytes; the DATA must be
// written in this order
const (
	cOne = iota
	cTwo
	cAbs
	cSign
	cSwitch
	cCap
	cMagic
	cLog2e
	cLn2Hi
	cLn2Lo
	cExpm1 // 6 of them
	cEnd   = cExpm1 + 6
)

func consts() {
	constMem = GLOBL("kconst", RODATA|NOPTR)
	put := func(slot int, bits uint32) {
		for l := 0; l < 8; l++ {
			DATA(32*slot+4*l, U32(bits))
		}
	}
	put(cOne, math.Float32bits(1))
	put(cTwo, math.Float32bits(2))
	put(cAbs, signMask-1)
	put(cSign, signMask)
	put(cSwitch, math.Float32bits(tanhSwitch))
	put(cCap, math.Float32bits(tanhCap))
	put(cMagic, math.Float32bits(expMagic))
	put(cLog2e, math.Float32bits(expLog2e))
	put(cLn2Hi, math.Float32bits(expLn2Hi))
	put(cLn2Lo, math.Float32bits(expLn2Lo))
	for i, c := range expm1Coef {
		put(cExpm1+i, math.Float32bits(float32(c)))
	}
}

func cm(slot int) Mem { return constMem.Offset(32 * slot) }

// gemmTile generates gemm<mr>x16, which computes C (+)= A·B on an m×n
// block whose sizes are multiples of mr and 16, with mr×16 register tiles:
// 2·mr accumulators, two vectors of a row of B, and A's elements
// broadcast one at a time.
func gemmTile(mr int) {
	name := fmt.Sprintf("gemm%dx16", mr)
	TEXT(name, NOSPLIT, "func(m, n, k int, a *float32, rsa, csa int, b *float32, ldb int, c *float32, ldc int, acc bool)")
	Pragma("noescape")
	Doc(name+" sets C[i*ldc+j] (or adds to it when acc) Σ_p A[i*rsa+p*csa]·B[p*ldb+j]",
		fmt.Sprintf("for i < m, j < n; m%%%d == 0, n%%16 == 0, k ≥ 1.", mr))
	rsa := Load(Param("rsa"), GP64())
	SHLQ(Imm(2), rsa)
	var rsa3 Register
	if mr >= 4 {
		rsa3 = GP64()
		LEAQ(Mem{Base: rsa, Index: rsa, Scale: 2}, rsa3)
	}
	csa := Load(Param("csa"), GP64())
	SHLQ(Imm(2), csa)
	ldb := Load(Param("ldb"), GP64())
	SHLQ(Imm(2), ldb)

	// rowMems returns the addresses of mr rows from base, with stride st
	// (and 3·st in st3), using a second base for rows 4 and 5.
	rowMems := func(base, st, st3 Register) []Mem {
		ms := []Mem{{Base: base}, {Base: base, Index: st, Scale: 1}, {Base: base, Index: st, Scale: 2}, {Base: base, Index: st3, Scale: 1}}
		if mr > 4 {
			b4 := GP64()
			LEAQ(Mem{Base: base, Index: st, Scale: 4}, b4)
			ms = append(ms, Mem{Base: b4}, Mem{Base: b4, Index: st, Scale: 1})
		}
		return ms[:mr]
	}
	cRows := func(pc Register) []Mem {
		ldc := Load(Param("ldc"), GP64())
		SHLQ(Imm(2), ldc)
		var ldc3 Register
		if mr >= 4 {
			ldc3 = GP64()
			LEAQ(Mem{Base: ldc, Index: ldc, Scale: 2}, ldc3)
		}
		return rowMems(pc, ldc, ldc3)
	}

	i := Load(Param("m"), GP64())
	paRow := Load(Param("a"), GP64())
	pcRow := Load(Param("c"), GP64())

	Label("rows")
	TESTQ(i, i)
	JLE(LabelRef("done"))
	j := Load(Param("n"), GP64())
	pbCol := Load(Param("b"), GP64())
	pc := GP64()
	MOVQ(pcRow, pc)

	Label("cols")
	TESTQ(j, j)
	JLE(LabelRef("nextrow"))

	y := make([]VecVirtual, 2*mr)
	for t := range y {
		y[t] = YMM()
	}
	{
		accf := Load(Param("acc"), GP8())
		TESTB(accf, accf)
		JZ(LabelRef("zero"))
		rows := cRows(pc)
		for r := range mr {
			VMOVUPS(rows[r], y[2*r])
			VMOVUPS(rows[r].Offset(32), y[2*r+1])
		}
		JMP(LabelRef("kloop0"))
		Label("zero")
		for t := range y {
			VXORPS(y[t], y[t], y[t])
		}
	}
	Label("kloop0")
	pa := GP64()
	MOVQ(paRow, pa)
	pb := GP64()
	MOVQ(pbCol, pb)
	kk := Load(Param("k"), GP64())
	Label("kloop")
	b0, b1 := YMM(), YMM()
	VMOVUPS(Mem{Base: pb}, b0)
	VMOVUPS(Mem{Base: pb, Disp: 32}, b1)
	arows := rowMems(pa, rsa, rsa3)
	for r := range mr {
		av := YMM()
		VBROADCASTSS(arows[r], av)
		acc231(b0, av, y[2*r])
		acc231(b1, av, y[2*r+1])
	}
	ADDQ(csa, pa)
	ADDQ(ldb, pb)
	DECQ(kk)
	JNZ(LabelRef("kloop"))
	{
		rows := cRows(pc)
		for r := range mr {
			VMOVUPS(y[2*r], rows[r])
			VMOVUPS(y[2*r+1], rows[r].Offset(32))
		}
	}
	ADDQ(Imm(64), pc)
	ADDQ(Imm(64), pbCol)
	SUBQ(Imm(16), j)
	JMP(LabelRef("cols"))

	Label("nextrow")
	{
		t := GP64()
		MOVQ(rsa, t)
		IMUL3Q(Imm(uint64(mr)), t, t)
		ADDQ(t, paRow)
		ldc := Load(Param("ldc"), GP64())
		IMUL3Q(Imm(uint64(4*mr)), ldc, ldc)
		ADDQ(ldc, pcRow)
	}
	SUBQ(Imm(uint64(mr)), i)
	JMP(LabelRef("rows"))

	Label("done")
	VZEROUPPER()
	RET()
}

// tanhY sets ts[u] = tanh(xs[u]) lane by lane, in the order of
// ../generic.go's Tanh32; capv holds tanhCap in every lane. Both of
// Tanh32's cases share the division, its numerator blended on
// |x| ≥ tanhSwitch; a NaN lane stays NaN (VMINPS returns its second
// source, x, when one is NaN). The vectors go one after the other (the
// CPU overlaps them), which leaves registers for the callers.
func tanhY(xs, ts []VecVirtual, capv VecVirtual) {
	for u, x := range xs {
		ax, y := YMM(), YMM()
		VANDPS(cm(cAbs), x, ax)
		VMINPS(ax, capv, y)
		VADDPS(y, y, y) // y = 2·min(|x|, tanhCap)
		k, n := YMM(), YMM()
		VMULPS(cm(cLog2e), y, k)
		VADDPS(cm(cMagic), k, k) // k's bits end in n = round(y·log2 e)
		VSUBPS(cm(cMagic), k, n)
		msub(cm(cLn2Hi), n, y) // y -= n·ln2Hi
		msub(cm(cLn2Lo), n, y) // r = y - n·ln2Lo

		// p = e^r - 1 = r + r²·(1/2 + r/6 + … + r⁵/5040)
		p, r2 := YMM(), YMM()
		VMOVUPS(cm(cExpm1+5), p)
		for i := 4; i >= 0; i-- {
			madd(cm(cExpm1+i), y, p) // p = p·r + c_i
		}
		VMULPS(y, y, r2)
		VMULPS(r2, p, p)
		VADDPS(y, p, p)

		// em = s·p + (s - 1) with s = 2^n, from k's bits.
		VPSLLD(Imm(23), k, k)
		VPADDD(cm(cOne), k, k)
		sm1 := n
		VSUBPS(cm(cOne), k, sm1)
		VMULPS(k, p, p)
		VADDPS(sm1, p, p)

		big, den := YMM(), YMM()
		VADDPS(cm(cTwo), p, den)
		VCMPPS(Imm(0x1d), cm(cSwitch), ax, big) // |x| ≥ tanhSwitch (GE_OQ)
		VBLENDVPS(big, cm(cTwo), p, p)          // numerator: 2 or em
		VDIVPS(den, p, p)
		one := YMM()
		VMOVUPS(cm(cOne), one)
		VSUBPS(p, one, one) // 1 - 2/(em+2)
		VBLENDVPS(big, one, p, p)
		VANDPS(cm(cSign), x, ax)
		VORPS(ax, p, ts[u]) // with the sign of x
	}
}

// tanh8 sets dst[i] = tanh(src[i]) for i < n, n%8 == 0.
func tanh8() {
	TEXT("tanh8", NOSPLIT, "func(dst, src *float32, n int)")
	Pragma("noescape")
	Doc("tanh8 sets dst[i] = tanh(src[i]) for i < n, n%8 == 0.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	n := Load(Param("n"), GP64())
	const U = 2
	capv := YMM()
	VMOVUPS(cm(cCap), capv)
	Label("loop2")
	CMPQ(n, Imm(uint64(8*U)))
	JL(LabelRef("loop1"))
	xs, ts := make([]VecVirtual, U), make([]VecVirtual, U)
	for u := range U {
		xs[u], ts[u] = YMM(), YMM()
		VMOVUPS(Mem{Base: src, Disp: 32 * u}, xs[u])
	}
	tanhY(xs, ts, capv)
	for u := range U {
		VMOVUPS(ts[u], Mem{Base: dst, Disp: 32 * u})
	}
	ADDQ(Imm(uint64(32*U)), src)
	ADDQ(Imm(uint64(32*U)), dst)
	SUBQ(Imm(uint64(8*U)), n)
	JMP(LabelRef("loop2"))

	Label("loop1")
	TESTQ(n, n)
	JLE(LabelRef("done"))
	x, t := YMM(), YMM()
	VMOVUPS(Mem{Base: src}, x)
	tanhY([]VecVirtual{x}, []VecVirtual{t}, capv)
	VMOVUPS(t, Mem{Base: dst})
	ADDQ(Imm(32), src)
	ADDQ(Imm(32), dst)
	SUBQ(Imm(8), n)
	JMP(LabelRef("loop1"))
	Label("done")
	VZEROUPPER()
	RET()
}

// mulDTanh8 sets dz[i] *= 1 - a[i]² for i < n, n%8 == 0.
func mulDTanh8() {
	TEXT("mulDTanh8", NOSPLIT, "func(dz, a *float32, n int)")
	Pragma("noescape")
	Doc("mulDTanh8 sets dz[i] *= 1 - a[i]² for i < n, n%8 == 0: the chain rule through tanh.")
	dz := Load(Param("dz"), GP64())
	a := Load(Param("a"), GP64())
	n := Load(Param("n"), GP64())
	one := YMM()
	VMOVUPS(cm(cOne), one)
	Label("loop")
	TESTQ(n, n)
	JLE(LabelRef("done"))
	av, d := YMM(), YMM()
	VMOVUPS(Mem{Base: a}, av)
	VMULPS(av, av, av)
	VSUBPS(av, one, av) // 1 - a²
	VMULPS(Mem{Base: dz}, av, d)
	VMOVUPS(d, Mem{Base: dz})
	ADDQ(Imm(32), dz)
	ADDQ(Imm(32), a)
	SUBQ(Imm(8), n)
	JMP(LabelRef("loop"))
	Label("done")
	VZEROUPPER()
	RET()
}

// dotRows4 adds to z[r] the dot product of row r of x with w.
func dotRows4() {
	TEXT("dotRows4", NOSPLIT, "func(z, x *float32, ld, rows, k int, w *float32)")
	Pragma("noescape")
	Doc("dotRows4 sets z[r] += Σ_p x[r*ld+p]·w[p] for r < rows, p < k; rows%4 == 0, k%8 == 0, k ≥ 8.")
	z := Load(Param("z"), GP64())
	x := Load(Param("x"), GP64())
	ld := Load(Param("ld"), GP64())
	SHLQ(Imm(2), ld)
	ld3 := GP64()
	LEAQ(Mem{Base: ld, Index: ld, Scale: 2}, ld3)
	rows := Load(Param("rows"), GP64())
	Label("rows")
	TESTQ(rows, rows)
	JLE(LabelRef("done"))
	var acc [4]VecVirtual
	for r := range acc {
		acc[r] = YMM()
		VXORPS(acc[r], acc[r], acc[r])
	}
	px := GP64()
	MOVQ(x, px)
	pw := Load(Param("w"), GP64())
	kk := Load(Param("k"), GP64())
	Label("kloop")
	wv := YMM()
	VMOVUPS(Mem{Base: pw}, wv)
	xr := []Mem{{Base: px}, {Base: px, Index: ld, Scale: 1}, {Base: px, Index: ld, Scale: 2}, {Base: px, Index: ld3, Scale: 1}}
	for r := range acc {
		acc231(xr[r], wv, acc[r])
	}
	ADDQ(Imm(32), px)
	ADDQ(Imm(32), pw)
	SUBQ(Imm(8), kk)
	JNZ(LabelRef("kloop"))
	// Horizontal sums of the 4 accumulators into one xmm: [s0 s1 s2 s3].
	h01, h23 := YMM(), YMM()
	VHADDPS(acc[1], acc[0], h01)
	VHADDPS(acc[3], acc[2], h23)
	VHADDPS(h23, h01, h01)
	hi := XMM()
	VEXTRACTF128(Imm(1), h01, hi)
	s := XMM()
	VADDPS(hi, h01.AsX(), s)
	VADDPS(Mem{Base: z}, s, s)
	VMOVUPS(s, Mem{Base: z})
	ADDQ(Imm(16), z)
	LEAQ(Mem{Base: x, Index: ld, Scale: 4}, x)
	SUBQ(Imm(4), rows)
	JMP(LabelRef("rows"))
	Label("done")
	VZEROUPPER()
	RET()
}

// gemvT32 adds aᵀ·B to c, 32 columns at a time.
func gemvT32() {
	TEXT("gemvT32", NOSPLIT, "func(c, a, b *float32, ldb, k, n int)")
	Pragma("noescape")
	Doc("gemvT32 sets c[j] += Σ_p a[p]·b[p*ldb+j] for j < n, p < k; n%32 == 0, k ≥ 1.")
	c := Load(Param("c"), GP64())
	bcol := Load(Param("b"), GP64())
	ldb := Load(Param("ldb"), GP64())
	SHLQ(Imm(2), ldb)
	n := Load(Param("n"), GP64())
	Label("cols")
	TESTQ(n, n)
	JLE(LabelRef("done"))
	var acc [4]VecVirtual
	for t := range acc {
		acc[t] = YMM()
		VMOVUPS(Mem{Base: c, Disp: 32 * t}, acc[t])
	}
	pa := Load(Param("a"), GP64())
	pb := GP64()
	MOVQ(bcol, pb)
	kk := Load(Param("k"), GP64())
	Label("kloop")
	av := YMM()
	VBROADCASTSS(Mem{Base: pa}, av)
	for t := range acc {
		acc231(Mem{Base: pb, Disp: 32 * t}, av, acc[t])
	}
	ADDQ(Imm(4), pa)
	ADDQ(ldb, pb)
	DECQ(kk)
	JNZ(LabelRef("kloop"))
	for t := range acc {
		VMOVUPS(acc[t], Mem{Base: c, Disp: 32 * t})
	}
	ADDQ(Imm(128), c)
	ADDQ(Imm(128), bcol)
	SUBQ(Imm(32), n)
	JMP(LabelRef("cols"))
	Label("done")
	VZEROUPPER()
	RET()
}

// shallowFwd is the forward pass of a 1-h-1 network with tanh hidden
// units, row by row, 16 hidden units at a time.
func shallowFwd() {
	TEXT("shallowFwd", NOSPLIT, "func(z, a, x *float32, rows int, w1, b1, w2 *float32, h int)")
	Pragma("noescape")
	Doc("shallowFwd sets a[r*h+j] = tanh(x[r]·w1[j] + b1[j]) and z[r] = Σ_j a[r*h+j]·w2[j]",
		"for r < rows, j < h; h%16 == 0, h ≥ 16.")
	z := Load(Param("z"), GP64())
	a := Load(Param("a"), GP64())
	x := Load(Param("x"), GP64())
	rows := Load(Param("rows"), GP64())
	capv := YMM()
	VMOVUPS(cm(cCap), capv)
	Label("rows")
	TESTQ(rows, rows)
	JLE(LabelRef("done"))
	xr := YMM()
	VBROADCASTSS(Mem{Base: x}, xr)
	acc := []VecVirtual{YMM(), YMM()}
	for _, v := range acc {
		VXORPS(v, v, v)
	}
	w1 := Load(Param("w1"), GP64())
	b1 := Load(Param("b1"), GP64())
	w2 := Load(Param("w2"), GP64())
	j := Load(Param("h"), GP64())
	Label("cols")
	zs, ts := []VecVirtual{YMM(), YMM()}, []VecVirtual{YMM(), YMM()}
	for u := range 2 {
		VMOVUPS(Mem{Base: w1, Disp: 32 * u}, zs[u])
		madd(Mem{Base: b1, Disp: 32 * u}, xr, zs[u]) // z = x·w1 + b1
	}
	tanhY(zs, ts, capv)
	for u := range 2 {
		VMOVUPS(ts[u], Mem{Base: a, Disp: 32 * u})
		acc231(Mem{Base: w2, Disp: 32 * u}, ts[u], acc[u])
	}
	ADDQ(Imm(64), w1)
	ADDQ(Imm(64), b1)
	ADDQ(Imm(64), w2)
	ADDQ(Imm(64), a)
	SUBQ(Imm(16), j)
	JNZ(LabelRef("cols"))
	// z = sum8(acc0 + acc1): pairs, then pairs of pairs, then the halves.
	VADDPS(acc[1], acc[0], acc[0])
	VHADDPS(acc[0], acc[0], acc[0])
	VHADDPS(acc[0], acc[0], acc[0])
	top := XMM()
	VEXTRACTF128(Imm(1), acc[0], top)
	s := XMM()
	VADDPS(top, acc[0].AsX(), s)
	VMOVSS(s, Mem{Base: z})
	ADDQ(Imm(4), z)
	ADDQ(Imm(4), x)
	DECQ(rows)
	JMP(LabelRef("rows"))
	Label("done")
	VZEROUPPER()
	RET()
}

// shallowBwd is the backward pass of a 1-h-1 network with tanh hidden
// units, 16 hidden units at a time, summing over the rows in registers.
func shallowBwd() {
	TEXT("shallowBwd", NOSPLIT, "func(gw1, gb1, gw2, x, dz *float32, rows int, a, w2 *float32, h int)")
	Pragma("noescape")
	Doc("shallowBwd adds, for r < rows and j < h, with t = dz[r]·(1 - a[r*h+j]²):",
		"gw2[j] += Σ_r dz[r]·a[r*h+j], gw1[j] += w2[j]·Σ_r x[r]·t and gb1[j] += w2[j]·Σ_r t;",
		"h%16 == 0, h ≥ 16, rows ≥ 1.")
	gw1 := Load(Param("gw1"), GP64())
	gb1 := Load(Param("gb1"), GP64())
	gw2 := Load(Param("gw2"), GP64())
	acol := Load(Param("a"), GP64())
	w2 := Load(Param("w2"), GP64())
	j := Load(Param("h"), GP64())
	ld := Load(Param("h"), GP64())
	SHLQ(Imm(2), ld)
	Label("cols")
	g2, sx, sb := []VecVirtual{YMM(), YMM()}, []VecVirtual{YMM(), YMM()}, []VecVirtual{YMM(), YMM()}
	for u := range 2 {
		VXORPS(g2[u], g2[u], g2[u])
		VXORPS(sx[u], sx[u], sx[u])
		VXORPS(sb[u], sb[u], sb[u])
	}
	x := Load(Param("x"), GP64())
	dz := Load(Param("dz"), GP64())
	pa := GP64()
	MOVQ(acol, pa)
	r := Load(Param("rows"), GP64())
	Label("rows")
	d, xr := YMM(), YMM()
	VBROADCASTSS(Mem{Base: dz}, d)
	VBROADCASTSS(Mem{Base: x}, xr)
	for u := range 2 {
		av, t := YMM(), YMM()
		VMOVUPS(Mem{Base: pa, Disp: 32 * u}, av)
		acc231(av, d, g2[u]) // g2 += d·a
		VMULPS(av, av, t)
		VMULPS(d, t, t)
		VSUBPS(t, d, t) // t = d - d·a²
		VADDPS(t, sb[u], sb[u])
		acc231(t, xr, sx[u]) // sx += x·t
	}
	ADDQ(ld, pa)
	ADDQ(Imm(4), dz)
	ADDQ(Imm(4), x)
	DECQ(r)
	JNZ(LabelRef("rows"))
	for u := range 2 {
		w, o := YMM(), YMM()
		VMOVUPS(Mem{Base: w2, Disp: 32 * u}, w)
		VADDPS(Mem{Base: gw2, Disp: 32 * u}, g2[u], o)
		VMOVUPS(o, Mem{Base: gw2, Disp: 32 * u})
		madd(Mem{Base: gw1, Disp: 32 * u}, w, sx[u]) // gw1 + w·sx
		VMOVUPS(sx[u], Mem{Base: gw1, Disp: 32 * u})
		madd(Mem{Base: gb1, Disp: 32 * u}, w, sb[u])
		VMOVUPS(sb[u], Mem{Base: gb1, Disp: 32 * u})
	}
	ADDQ(Imm(64), gw1)
	ADDQ(Imm(64), gb1)
	ADDQ(Imm(64), gw2)
	ADDQ(Imm(64), w2)
	ADDQ(Imm(64), acol)
	SUBQ(Imm(16), j)
	JNZ(LabelRef("cols"))
	VZEROUPPER()
	RET()
}

// acc231 sets acc += x·y, the product rounded first.
func acc231(x Op, y, acc VecVirtual) {
	t := YMM()
	VMULPS(x, y, t)
	VADDPS(t, acc, acc)
}

// madd sets y = y·x + c, the product rounded first.
func madd(c Op, x, y VecVirtual) {
	VMULPS(x, y, y)
	VADDPS(c, y, y)
}

// msub sets y = y - x·c, the product rounded first.
func msub(c Op, x, y VecVirtual) {
	t := YMM()
	VMULPS(c, x, t)
	VSUBPS(t, y, y)
}
