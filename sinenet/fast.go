package sinenet

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/sinenet/sinenet/internal/kernel"
)

// This file is the fast path of training: the same forward and backward
// pass as MLP.LossGrad in mlp.go, computed in float32 with SIMD kernels
// (package internal/kernel) on up to fastMaxSlices cores at once (the
// smallest of runtime.NumCPU, GOMAXPROCS and fastMaxSlices; both cores of a
// 2-core machine). Train uses it unless
// Options.Reference is set. Reading mlp.go is enough to follow the maths;
// this file only reorganises the work:
//
//   - The parameters stay float64 in m.Params and m.Grads, and are
//     rounded to float32 at every step ("mixed precision"; the question
//     itself trained in float32).
//   - The batch is cut into at most fastMaxSlices slices whose size
//     depends only on the batch size. Each slice sums its own partial
//     gradient, block of fastBlock rows after block, and the partial
//     gradients are added in slice order in float64. The result is
//     therefore bit-identical however many goroutines run the slices.
//   - A block's activations stay in the CPU cache between the forward
//     and the backward pass.

const (
	fastBlock     = 64  // rows per block
	fastMaxSlices = 8   // slices of a batch, each with its own partial gradient
	fastSliceMin  = 256 // fewest rows worth a slice of their own
)

// newFastNet returns the fast path for m and loss, built from m's layers
// as they are now, or nil when it does not know the loss or one of the
// activations: Train then runs the reference pass of mlp.go.
func newFastNet(m *MLP, loss Loss) *fastNet {
	known, mean := fastLoss(loss)
	if !known {
		return nil
	}
	for _, l := range m.Layers {
		if !fastAct(l.Act) {
			return nil
		}
	}
	f := &fastNet{m: m, loss: loss, mean: mean}
	f.job.run = f.slice
	off := 0
	widest := m.in()
	for k, l := range m.Layers {
		fl := fastLayer{in: l.In, out: l.Out, act: l.Act, off: off, w: make([]float32, l.In*l.Out)}
		if k > 0 {
			fl.wt = make([]float32, l.In*l.Out)
		}
		off += l.In * l.Out
		if l.B != nil {
			fl.b = make([]float32, l.Out)
			off += l.Out
		}
		f.layers = append(f.layers, fl)
		widest = max(widest, l.Out)
	}
	f.nparams = off
	f.shallow = len(m.Layers) == 2 && m.in() == 1 && m.Layers[0].Act == Tanh && m.out() == 1
	if f.shallow {
		f.zeros = make([]float32, m.Layers[0].Out)
	}
	pool.once.Do(startPool)
	for range pool.size {
		sc := &fastScratch{
			x:    make([]float32, fastBlock*m.in()),
			da:   make([]float32, fastBlock*widest),
			dx:   make([]float32, fastBlock*widest),
			ones: make([]float32, fastBlock),
			p:    make([]float64, fastBlock*m.out()),
			dp:   make([]float64, fastBlock*m.out()),
			db:   make([]float32, m.Layers[0].Out),
		}
		for _, l := range m.Layers {
			sc.a = append(sc.a, make([]float32, fastBlock*l.Out))
		}
		for i := range sc.ones {
			sc.ones[i] = 1
		}
		f.scratch = append(f.scratch, sc)
	}
	return f
}

// lossGrad is MLP.LossGrad in float32: the loss on the rows of x against
// the targets y, with its gradient written into m.Grads.
func (f *fastNet) lossGrad(x, y []float64) float64 {
	n := len(x) / f.m.in()
	if n == 0 {
		return f.m.LossGrad(x, y, f.loss)
	}
	ns := f.run(batch{x: x, y: y})
	g := f.m.Grads
	clear(g)
	L := 0.0
	for s := range ns {
		L += f.sums[s]
		for i, v := range f.grads[s] {
			g[i] += float64(v)
		}
	}
	if f.mean {
		L /= float64(len(y))
	}
	return L
}

// predict is MLP.Predict in float32, written into dst (allocated when
// too short).
func (f *fastNet) predict(dst, x []float64) []float64 {
	n := len(x) / f.m.in()
	if cap(dst) < n*f.m.out() {
		dst = make([]float64, n*f.m.out())
	}
	dst = dst[:n*f.m.out()]
	if n > 0 {
		f.run(batch{x: x, pred: dst})
	}
	return dst
}

// batch is the work of one call: the rows x, and either the targets y
// (for the loss and gradient) or pred, where the predictions go.
type batch struct {
	x, y, pred []float64
	n          int // rows
	per        int // rows per slice
}

// run loads m's parameters, cuts the rows of b into slices and runs them
// on the worker pool. It returns the number of slices.
func (f *fastNet) run(b batch) int {
	f.load()
	b.n = len(b.x) / f.m.in()
	ns := min(fastMaxSlices, max(1, b.n/fastSliceMin))
	b.per = (b.n + ns - 1) / ns
	b.per = (b.per + 7) &^ 7
	ns = (b.n + b.per - 1) / b.per
	f.grow(ns)
	f.job.b, f.job.n = b, ns
	f.job.do()
	return ns
}

// fastNet is the fast path of one run: the float32 copy of a model's
// layers, and every worker's buffers.
type fastNet struct {
	m       *MLP
	loss    Loss
	mean    bool // loss is a mean over the batch
	layers  []fastLayer
	nparams int
	grads   [][]float32 // per slice, laid out like m.Params
	sums    []float64   // per slice, the summed loss
	scratch []*fastScratch
	// shallow is set for a 1-h-1 network with tanh hidden units, which
	// block runs through fused kernels; zeros stands in for its missing
	// hidden biases.
	shallow bool
	zeros   []float32
	job     job
}

// fastLayer is a layer in float32: W (In×Out), its transpose WT
// (Out×In, for dx = dz·Wᵀ) and b.
type fastLayer struct {
	in, out  int
	act      Activation
	off      int // W starts at Params[off], b at Params[off+in*out]
	w, wt, b []float32
}

// fastScratch is one worker's buffers for a block of rows.
type fastScratch struct {
	x      []float32   // the block's inputs
	a      [][]float32 // per layer, the activations
	da, dx []float32
	ones   []float32 // for db = Σ_rows dz
	p, dp  []float64 // the block's predictions and dL/dp, for Loss.Eval
	db     []float32 // the hidden biases' gradient of a shallow network without them
}

// grow makes room for ns slices.
func (f *fastNet) grow(ns int) {
	for len(f.grads) < ns {
		f.grads = append(f.grads, make([]float32, f.nparams))
		f.sums = append(f.sums, 0)
	}
}

// load rounds the parameters of m to float32.
func (f *fastNet) load() {
	for k := range f.layers {
		l, ml := &f.layers[k], &f.m.Layers[k]
		for i, v := range ml.W {
			l.w[i] = float32(v)
		}
		if l.wt != nil {
			for i := range l.in {
				for j := range l.out {
					l.wt[j*l.in+i] = l.w[i*l.out+j]
				}
			}
		}
		for j, v := range ml.B {
			l.b[j] = float32(v)
		}
	}
}

// slice computes the loss and partial gradient of slice s of b on
// worker w, or only the predictions when b.pred is set.
func (f *fastNet) slice(b *batch, w, s int) {
	sc, g := f.scratch[w], f.grads[s]
	lo, hi := s*b.per, min((s+1)*b.per, b.n)
	if b.pred != nil {
		out := len(b.pred) / b.n
		for r0 := lo; r0 < hi; r0 += fastBlock {
			for i, v := range f.forward(sc, b.x, r0, min(r0+fastBlock, hi)) {
				b.pred[r0*out+i] = float64(v)
			}
		}
		return
	}
	clear(g)
	L := 0.0
	for r0 := lo; r0 < hi; r0 += fastBlock {
		L += f.block(sc, g, b, r0, min(r0+fastBlock, hi))
	}
	f.sums[s] = L
}

// forward runs rows r0 to r1 through the network and returns the
// outputs, keeping every layer's activations in sc for the backward pass:
// z = x·W + b and a = act(z), overwriting z with a.
func (f *fastNet) forward(sc *fastScratch, x0 []float64, r0, r1 int) []float32 {
	nb := r1 - r0
	in0 := f.layers[0].in
	x := sc.x[:nb*in0]
	for i, v := range x0[r0*in0 : r1*in0] {
		x[i] = float32(v)
	}
	if f.shallow {
		// The fused kernel keeps a row's hidden units in registers.
		l1, l2 := &f.layers[0], &f.layers[1]
		b1 := f.zeros
		if l1.b != nil {
			b1 = l1.b
		}
		a, z := sc.a[0][:nb*l1.out], sc.a[1][:nb]
		kernel.ShallowForward(z, a, x, l1.w, b1, l2.w)
		if l2.b != nil {
			for r := range z {
				z[r] += l2.b[0]
			}
		}
		activate32(l2.act, z)
		return z
	}
	for k := range f.layers {
		l := &f.layers[k]
		a := sc.a[k][:nb*l.out]
		if l.b != nil {
			for r := range nb {
				copy(a[r*l.out:(r+1)*l.out], l.b)
			}
		}
		kernel.Gemm(nb, l.out, l.in, x, l.in, 1, l.w, l.out, a, l.out, l.b != nil)
		activate32(l.act, a)
		x = a
	}
	return x
}

// block adds the gradient of rows r0 to r1 to g and returns their loss
// (summed, not averaged). It is mlp.go's forward and backward on a block.
func (f *fastNet) block(sc *fastScratch, g []float32, b *batch, r0, r1 int) float64 {
	nb := r1 - r0
	p := f.forward(sc, b.x, r0, r1)
	out := len(p) / nb
	da := sc.da[:len(p)]
	L := f.blockLoss(sc, da, p, b.y[r0*out:r1*out], len(b.y))
	xb := sc.x[:nb*f.layers[0].in]

	if f.shallow {
		// The fused kernel sums over the rows in registers.
		l1, l2 := &f.layers[0], &f.layers[1]
		h := l1.out
		db1 := sc.db
		if l1.b != nil {
			db1 = g[l1.off+h : l1.off+2*h]
		}
		derive32(l2.act, da, p)
		kernel.ShallowBackward(g[l1.off:l1.off+h], db1, g[l2.off:l2.off+h], xb, da, sc.a[0][:nb*h], l2.w)
		if l2.b != nil {
			for _, d := range da {
				g[l2.off+h] += d
			}
		}
		return L
	}

	// Backward: dz = da ⊙ act'(z); dW += xᵀ·dz; db += Σ dz; dx = dz·Wᵀ.
	dx := sc.dx
	for k := len(f.layers) - 1; k >= 0; k-- {
		l := &f.layers[k]
		dz := da[:nb*l.out]
		derive32(l.act, dz, sc.a[k][:nb*l.out])
		x := xb
		if k > 0 {
			x = sc.a[k-1][:nb*l.in]
		}
		dW := g[l.off : l.off+l.in*l.out]
		kernel.Gemm(l.in, l.out, nb, x, 1, l.in, dz, l.out, dW, l.out, true)
		if l.b != nil {
			db := g[l.off+l.in*l.out : l.off+l.in*l.out+l.out]
			kernel.Gemm(1, l.out, nb, sc.ones[:nb], 0, 1, dz, l.out, db, l.out, true)
		}
		if k == 0 {
			break
		}
		kernel.Gemm(nb, l.in, l.out, dz, l.out, 1, l.wt, l.in, dx[:nb*l.in], l.in, false)
		da, dx = dx, da
	}
	return L
}

// fastLoss reports whether the fast path knows loss, and whether the
// loss is a mean over the batch (rather than a sum), which a block must
// rescale. A Loss it does not know might not add up over rows.
func fastLoss(loss Loss) (known, mean bool) {
	switch loss.(type) {
	case SumSquared:
		return true, false
	case MeanSquared, L1, Huber:
		return true, true
	}
	return false, false
}

// blockLoss evaluates the loss on a block: it returns the block's summed
// loss and writes dL/dp to dp, for the mean over the whole batch of ny
// targets when the loss is a mean.
func (f *fastNet) blockLoss(sc *fastScratch, dp, p []float32, y []float64, ny int) float64 {
	p64, dp64 := sc.p[:len(p)], sc.dp[:len(p)]
	for i, v := range p {
		p64[i] = float64(v)
	}
	L := f.loss.Eval(dp64, p64, y)
	scale := 1.0
	if f.mean {
		// Eval averaged over the block; the batch is larger.
		L *= float64(len(p))
		scale = float64(len(p)) / float64(ny)
	}
	for i, v := range dp64 {
		dp[i] = float32(v * scale)
	}
	return L
}

// activate32 overwrites z with act(z).
func activate32(act Activation, z []float32) {
	switch act {
	case Tanh:
		kernel.Tanh(z, z)
	case Identity:
	case ReLU:
		for i, v := range z {
			z[i] = max(v, 0)
		}
	case LeakyReLU:
		for i, v := range z {
			if !(v > 0) {
				z[i] = leakySlope * v
			}
		}
	case Sigmoid:
		// σ(z) = (1 + tanh(z/2)) / 2, through the fast tanh.
		for i := range z {
			z[i] *= 0.5
		}
		kernel.Tanh(z, z)
		for i, v := range z {
			z[i] = 0.5 + float32(0.5*v)
		}
	case Softplus:
		for i, v := range z {
			z[i] = float32(act.apply(float64(v)))
		}
	}
}

// derive32 multiplies dz by act'(z), computed from a = act(z) alone.
func derive32(act Activation, dz, a []float32) {
	switch act {
	case Tanh:
		kernel.MulDTanh(dz, a)
	case Identity:
	case ReLU:
		for i, v := range a {
			if !(v > 0) {
				dz[i] = 0
			}
		}
	case LeakyReLU:
		for i, v := range a {
			if !(v > 0) {
				dz[i] *= leakySlope
			}
		}
	case Sigmoid:
		for i, v := range a {
			dz[i] *= v * (1 - v)
		}
	case Softplus:
		// a = ln(1+e^z), so σ(z) = 1 - e^-a.
		for i, v := range a {
			dz[i] *= float32(-math.Expm1(-float64(v)))
		}
	}
}

// fastAct reports whether activate32 and derive32 know act. Train runs a
// network with any other activation through the reference pass.
func fastAct(act Activation) bool {
	switch act {
	case Tanh, Identity, ReLU, LeakyReLU, Sigmoid, Softplus:
		return true
	}
	return false
}

// pool is a few long-lived goroutines that run the slices of a step, so
// that a step starts no goroutine and allocates nothing.
var pool struct {
	once  sync.Once
	size  int // workers, counting the goroutine that calls job.do
	tasks chan task
}

type task struct {
	j *job
	w int // the worker's scratch index
}

func startPool() {
	pool.size = max(1, min(runtime.NumCPU(), fastMaxSlices))
	pool.tasks = make(chan task)
	for range pool.size - 1 {
		go func() {
			for t := range pool.tasks {
				t.j.work(t.w)
				t.j.wg.Done()
			}
		}()
	}
}

// job runs run(&b, w, s) for every slice s < n of the batch b.
type job struct {
	run  func(b *batch, w, s int)
	b    batch
	n    int
	next atomic.Int64
	wg   sync.WaitGroup
}

// do runs the job on up to GOMAXPROCS workers and returns when every
// slice is done. Which worker runs which slice varies; the results do not.
func (j *job) do() {
	pool.once.Do(startPool)
	nw := min(pool.size, runtime.GOMAXPROCS(0), j.n)
	j.next.Store(0)
	j.wg.Add(nw - 1)
	for w := 1; w < nw; w++ {
		pool.tasks <- task{j, w}
	}
	j.work(0)
	j.wg.Wait()
}

func (j *job) work(w int) {
	for {
		s := int(j.next.Add(1) - 1)
		if s >= j.n {
			return
		}
		j.run(&j.b, w, s)
	}
}
