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
	gemmWide(1, 8, 0)
	gemmWide(3, 4, 2)
	gemmWide(1, 4, 0)
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
	c2Log2e
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
	put(c2Log2e, math.Float32bits(2*expLog2e)) // 2·float32(log2e), exactly
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

	i, paRow, pcRow, j, pbCol, pc := panelLoops()

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

	nextRows(mr, rsa, paRow, pcRow, i)
}

// gemmWide generates gemm<mr>x<8·nv>, C (+)= A·B with mr×(8·nv) register
// tiles whose B vectors come from memory as the multiplications' second
// operands, except the first bR, loaded into registers once per k.
//
// Why: without fused multiply-adds, a k step of gemm6x16 is 24
// arithmetic operations and 8 loads (2 of B, 6 broadcasts of A), and the
// CPU this was tuned on (the 2-core Zen of semantics.go) dispatches 4
// vector operations a cycle, loads among them: 8 cycles for 192 flops,
// 24 a cycle, where 12 VFMADD231PS and the same loads take 6 cycles. A
// multiplication that reads B from memory is one operation, so a tile
// with few rows and many columns spends fewer operations on loads: 1×64
// is 16 arithmetic operations and 9 loads a k step (the load ports, 2 a
// cycle, then bound it: 4.5 cycles for 128 flops, 28 a cycle), and 3×32
// with 2 of B's vectors in registers 24 and 11 (7.25 cycles for 192, 26
// a cycle). Every C element still sums its k products in order, as in
// semantics.go, whatever the tile.
func gemmWide(mr, nv, bR int) {
	nc := 8 * nv
	name := fmt.Sprintf("gemm%dx%d", mr, nc)
	TEXT(name, NOSPLIT, "func(m, n, k int, a *float32, rsa, csa int, b *float32, ldb int, c *float32, ldc int, acc bool)")
	Pragma("noescape")
	Doc(name+" sets C[i*ldc+j] (or adds to it when acc) Σ_p A[i*rsa+p*csa]·B[p*ldb+j]",
		fmt.Sprintf("for i < m, j < n; m%%%d == 0, n%%%d == 0, k ≥ 1.", mr, nc))
	rsa := Load(Param("rsa"), GP64())
	SHLQ(Imm(2), rsa)
	csa := Load(Param("csa"), GP64())
	SHLQ(Imm(2), csa)
	ldb := Load(Param("ldb"), GP64())
	SHLQ(Imm(2), ldb)
	rowMem := func(base, st Register, r int) Mem {
		if r == 0 {
			return Mem{Base: base}
		}
		return Mem{Base: base, Index: st, Scale: uint8(r)}
	}
	if mr > 3 {
		panic("gemmWide: rows are addressed as base + r·stride, r ≤ 2")
	}

	i, paRow, pcRow, j, pbCol, pc := panelLoops()

	y := make([][]VecVirtual, mr)
	for r := range y {
		y[r] = make([]VecVirtual, nv)
		for v := range nv {
			y[r][v] = YMM()
		}
	}
	ldc := Load(Param("ldc"), GP64())
	SHLQ(Imm(2), ldc)
	{
		accf := Load(Param("acc"), GP8())
		TESTB(accf, accf)
		JZ(LabelRef("zero"))
		for r := range mr {
			for v := range nv {
				VMOVUPS(rowMem(pc, ldc, r).Offset(32*v), y[r][v])
			}
		}
		JMP(LabelRef("kloop0"))
		Label("zero")
		for r := range mr {
			for v := range nv {
				VXORPS(y[r][v], y[r][v], y[r][v])
			}
		}
	}
	Label("kloop0")
	pa := GP64()
	MOVQ(paRow, pa)
	pb := GP64()
	MOVQ(pbCol, pb)
	kk := Load(Param("k"), GP64())
	Label("kloop")
	bv := make([]Op, nv)
	for v := range nv {
		bv[v] = Mem{Base: pb, Disp: 32 * v}
		if v < bR {
			reg := YMM()
			VMOVUPS(bv[v], reg)
			bv[v] = reg
		}
	}
	for r := range mr {
		av := YMM()
		VBROADCASTSS(rowMem(pa, rsa, r), av)
		for v := range nv {
			acc231(bv[v], av, y[r][v])
		}
	}
	ADDQ(csa, pa)
	ADDQ(ldb, pb)
	DECQ(kk)
	JNZ(LabelRef("kloop"))
	for r := range mr {
		for v := range nv {
			VMOVUPS(y[r][v], rowMem(pc, ldc, r).Offset(32*v))
		}
	}
	ADDQ(U32(4*nc), pc)
	ADDQ(U32(4*nc), pbCol)
	SUBQ(U32(nc), j)
	JMP(LabelRef("cols"))

	nextRows(mr, rsa, paRow, pcRow, i)
}

// panelLoops starts a GEMM kernel's loops over panels of rows ("rows",
// counting i down from m) and over blocks of columns ("cols", counting j
// down from n), with pointers to A's and C's panel and B's and C's block.
func panelLoops() (i, paRow, pcRow, j, pbCol, pc Register) {
	i = Load(Param("m"), GP64())
	paRow = Load(Param("a"), GP64())
	pcRow = Load(Param("c"), GP64())

	Label("rows")
	TESTQ(i, i)
	JLE(LabelRef("done"))
	j = Load(Param("n"), GP64())
	pbCol = Load(Param("b"), GP64())
	pc = GP64()
	MOVQ(pcRow, pc)

	Label("cols")
	TESTQ(j, j)
	JLE(LabelRef("nextrow"))
	return
}

// nextRows ends a GEMM kernel's loop over panels of mr rows: it moves
// the pointers to A's and C's next panel and goes back to "rows".
func nextRows(mr int, rsa, paRow, pcRow, i Register) {
	Label("nextrow")
	t := GP64()
	MOVQ(rsa, t)
	IMUL3Q(Imm(uint64(mr)), t, t)
	ADDQ(t, paRow)
	ldc := Load(Param("ldc"), GP64())
	IMUL3Q(Imm(uint64(4*mr)), ldc, ldc)
	ADDQ(ldc, pcRow)
	SUBQ(Imm(uint64(mr)), i)
	JMP(LabelRef("rows"))

	Label("done")
	VZEROUPPER()
	RET()
}

// tanhY sets ts[u] = tanh(xs[u]) lane by lane, in the order of
// ../generic.go's Tanh32; capv holds tanhCap in every lane. An x is a
// register or, to save registers, memory that tanhY reads three times.
// Both of Tanh32's cases share the division, its numerator blended on
// |x| ≥ tanhSwitch; a NaN lane stays NaN (VMINPS returns its second
// source, x, when one is NaN). k = min(|x|, tanhCap)·(2·log2e) is the
// same product as y·log2e (y = 2·min(|x|, tanhCap) exactly), one
// addition earlier.
//
// The vectors go in lockstep, one step of the formula for all of them
// before the next: one tanh is a chain of about 40 dependent operations
// (some 80 cycles), so a single chain leaves the pipes idle and fills
// the scheduler with operations that wait. Each vector keeps at most 3
// registers live besides its x, so 4 vectors read from memory and capv
// fit in the 16 of AVX2. Measured in CPU time on this package's
// BenchmarkTanh: 3 vectors in lockstep took 9% more than 4, and 2 took
// 9% more than 3.
func tanhY(xs []Op, ts []VecVirtual, capv VecVirtual) {
	U := len(xs)
	// andX sets dst = x & c for vector u, loading x first when it is in memory.
	andX := func(c Mem, u int, dst VecVirtual) {
		if m, ok := xs[u].(Mem); ok {
			VMOVUPS(m, dst)
			VANDPS(c, dst, dst)
			return
		}
		VANDPS(c, xs[u], dst)
	}
	each := func(f func(u int)) {
		for u := range U {
			f(u)
		}
	}
	y, k, n := make([]VecVirtual, U), make([]VecVirtual, U), make([]VecVirtual, U)
	each(func(u int) {
		y[u], k[u] = YMM(), YMM()
		andX(cm(cAbs), u, y[u])
	})
	each(func(u int) { VMINPS(y[u], capv, y[u]) }) // min(|x|, tanhCap)
	each(func(u int) { VMULPS(cm(c2Log2e), y[u], k[u]) })
	each(func(u int) { VADDPS(y[u], y[u], y[u]) })       // y = 2·min(|x|, tanhCap)
	each(func(u int) { VADDPS(cm(cMagic), k[u], k[u]) }) // k's bits end in n = round(y·log2 e)
	each(func(u int) {                                   // one vector at a time, to keep n's registers few
		n[u] = YMM()
		VSUBPS(cm(cMagic), k[u], n[u])
		msub(cm(cLn2Hi), n[u], y[u]) // y -= n·ln2Hi
		msub(cm(cLn2Lo), n[u], y[u]) // r = y - n·ln2Lo
	})

	// p = e^r - 1 = r + r²·(1/2 + r/6 + … + r⁵/5040)
	p := make([]VecVirtual, U)
	each(func(u int) {
		p[u] = YMM()
		VMULPS(cm(cExpm1+5), y[u], p[u]) // 1/5040·r
	})
	for i := 4; i >= 0; i-- {
		if i < 4 {
			each(func(u int) { VMULPS(y[u], p[u], p[u]) })
		}
		each(func(u int) { VADDPS(cm(cExpm1+i), p[u], p[u]) }) // p = p·r + c_i
	}
	each(func(u int) {
		r2 := YMM()
		VMULPS(y[u], y[u], r2)
		VMULPS(r2, p[u], p[u])
	})
	each(func(u int) { VADDPS(y[u], p[u], p[u]) })

	// em = s·p + (s - 1) with s = 2^n, from k's bits.
	each(func(u int) { VPSLLD(Imm(23), k[u], k[u]) })
	each(func(u int) { VPADDD(cm(cOne), k[u], k[u]) })
	each(func(u int) { VMULPS(k[u], p[u], p[u]) })
	each(func(u int) { VSUBPS(cm(cOne), k[u], k[u]) })
	each(func(u int) { VADDPS(k[u], p[u], p[u]) })

	den, big := make([]VecVirtual, U), make([]VecVirtual, U)
	each(func(u int) {
		den[u], big[u] = YMM(), YMM()
		VADDPS(cm(cTwo), p[u], den[u])
	})
	each(func(u int) {
		andX(cm(cAbs), u, big[u])
		VCMPPS(Imm(0x1d), cm(cSwitch), big[u], big[u]) // |x| ≥ tanhSwitch (GE_OQ)
	})
	each(func(u int) { VBLENDVPS(big[u], cm(cTwo), p[u], p[u]) }) // numerator: 2 or em
	each(func(u int) { VDIVPS(den[u], p[u], p[u]) })
	each(func(u int) {
		one := den[u]
		VMOVUPS(cm(cOne), one)
		VSUBPS(p[u], one, one) // 1 - 2/(em+2)
		VBLENDVPS(big[u], one, p[u], p[u])
	})
	each(func(u int) {
		andX(cm(cSign), u, big[u])
		VORPS(big[u], p[u], ts[u]) // with the sign of x
	})
}

// tanh8 sets dst[i] = tanh(src[i]) for i < n, n%8 == 0.
func tanh8() {
	TEXT("tanh8", NOSPLIT, "func(dst, src *float32, n int)")
	Pragma("noescape")
	Doc("tanh8 sets dst[i] = tanh(src[i]) for i < n, n%8 == 0.")
	dst := Load(Param("dst"), GP64())
	src := Load(Param("src"), GP64())
	n := Load(Param("n"), GP64())
	// Four vectors at a time, x read from memory where tanhY needs it
	// (dst may be src: the stores come after every read).
	const U = 4
	capv := YMM()
	VMOVUPS(cm(cCap), capv)
	Label("loop4")
	CMPQ(n, Imm(uint64(8*U)))
	JL(LabelRef("loop1"))
	xs, ts := make([]Op, U), make([]VecVirtual, U)
	for u := range U {
		xs[u], ts[u] = Mem{Base: src, Disp: 32 * u}, YMM()
	}
	tanhY(xs, ts, capv)
	for u := range U {
		VMOVUPS(ts[u], Mem{Base: dst, Disp: 32 * u})
	}
	ADDQ(Imm(uint64(32*U)), src)
	ADDQ(Imm(uint64(32*U)), dst)
	SUBQ(Imm(uint64(8*U)), n)
	JMP(LabelRef("loop4"))

	Label("loop1")
	TESTQ(n, n)
	JLE(LabelRef("done"))
	t := YMM()
	tanhY([]Op{Mem{Base: src}}, []VecVirtual{t}, capv)
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
// units, row by row: first the row's activations, 32 hidden units at a
// time (four vectors in lockstep, as tanh8), then their sum against w2
// in 16 lanes from the activations just stored (they are in L1).
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
	w1 := Load(Param("w1"), GP64())
	b1 := Load(Param("b1"), GP64())
	pa := GP64()
	MOVQ(a, pa)
	j := Load(Param("h"), GP64())

	// preact sets zs[u] = x·w1 + b1 for the vectors from w1 and b1 on.
	preact := func(zs []VecVirtual) {
		for u := range zs {
			VBROADCASTSS(Mem{Base: x}, zs[u])
		}
		for u := range zs {
			VMULPS(Mem{Base: w1, Disp: 32 * u}, zs[u], zs[u]) // x·w1
		}
		for u := range zs {
			VADDPS(Mem{Base: b1, Disp: 32 * u}, zs[u], zs[u]) // + b1
		}
	}
	// Four vectors at a time, as tanh8: the pre-activations go to a
	// first, where tanhY reads them, and the activations over them.
	const U = 4
	Label("act4")
	CMPQ(j, Imm(8*U))
	JL(LabelRef("act1"))
	{
		zs, xs, ts := make([]VecVirtual, U), make([]Op, U), make([]VecVirtual, U)
		for u := range U {
			zs[u], xs[u], ts[u] = YMM(), Mem{Base: pa, Disp: 32 * u}, YMM()
		}
		preact(zs)
		for u := range U {
			VMOVUPS(zs[u], xs[u])
		}
		tanhY(xs, ts, capv)
		for u := range U {
			VMOVUPS(ts[u], xs[u])
		}
	}
	ADDQ(Imm(32*U), w1)
	ADDQ(Imm(32*U), b1)
	ADDQ(Imm(32*U), pa)
	SUBQ(Imm(8*U), j)
	JMP(LabelRef("act4"))
	Label("act1")
	TESTQ(j, j)
	JZ(LabelRef("dot"))
	{
		zs, ts := []VecVirtual{YMM()}, []VecVirtual{YMM()}
		preact(zs)
		tanhY(ops(zs), ts, capv)
		VMOVUPS(ts[0], Mem{Base: pa})
	}
	ADDQ(Imm(32), w1)
	ADDQ(Imm(32), b1)
	ADDQ(Imm(32), pa)
	SUBQ(Imm(8), j)
	JMP(LabelRef("act1"))

	// z = Σ_j a·w2 in 16 lanes: acc0 holds the lanes j%16 < 8, acc1 the rest.
	Label("dot")
	acc := []VecVirtual{YMM(), YMM()}
	for _, v := range acc {
		VXORPS(v, v, v)
	}
	w2 := Load(Param("w2"), GP64())
	Load(Param("h"), j)
	Label("dotloop")
	for u := range 2 {
		av := YMM()
		VMOVUPS(Mem{Base: a, Disp: 32 * u}, av)
		acc231(Mem{Base: w2, Disp: 32 * u}, av, acc[u])
	}
	ADDQ(Imm(64), w2)
	ADDQ(Imm(64), a)
	SUBQ(Imm(16), j)
	JNZ(LabelRef("dotloop"))
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

// ops returns vs as operands.
func ops(vs []VecVirtual) []Op {
	o := make([]Op, len(vs))
	for i, v := range vs {
		o[i] = v
	}
	return o
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
