package sinenet

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync/atomic"
)

// defaultMaxParams is Config.MaxParams's default: a million parameters,
// a hundred times the tutorial's largest network.
const defaultMaxParams = 1 << 20

// Config describes an MLP.
type Config struct {
	Sizes     []int        // layer widths from the 1 input to the 1 output, e.g. {1, 128, 1}
	Acts      []Activation // one per layer after the input; nil means Tanh, with an Identity output
	NoBias    bool         // no bias b in any layer, as the question did
	Init      Init         // how W and b are drawn; "" means PyTorch
	Seed      uint64       // seeds Init: the same seed gives the same network
	MaxParams int          // a bound against typos that exhaust memory; 0 means 1<<20
}

// Validate reports what in c cannot make a network, and how to fix it.
func (c Config) Validate() error {
	if len(c.Sizes) < 2 {
		return fmt.Errorf("sinenet: a network needs at least 2 layer sizes (input and output), got %v; e.g. Sizes: []int{1, 128, 1}", c.Sizes)
	}
	if c.Sizes[0] != 1 || c.Sizes[len(c.Sizes)-1] != 1 {
		return fmt.Errorf("sinenet: Sizes %v map %d inputs to %d outputs, but the networks here fit one x to one y; use Sizes that start and end with 1, e.g. []int{1, 128, 1}",
			c.Sizes, c.Sizes[0], c.Sizes[len(c.Sizes)-1])
	}
	if c.MaxParams < 0 {
		return fmt.Errorf("sinenet: MaxParams is %d; use a positive number, or 0 for the default %d", c.MaxParams, defaultMaxParams)
	}
	limit := c.MaxParams
	if limit == 0 {
		limit = defaultMaxParams
	}
	params := 0
	for i, s := range c.Sizes {
		if s < 1 {
			return &InputError{Kind: "size", Layer: i, Size: s, msg: fmt.Sprintf("sinenet: layer %d has size %d; every size must be at least 1", i, s)}
		}
		if i == 0 {
			continue
		}
		// (Sizes[i-1]+1)·s more weights and biases must fit in what is left
		// of limit, asked without a product that could overflow.
		if c.Sizes[i-1] >= (limit-params)/s {
			return fmt.Errorf("sinenet: %v makes more than %d weights and biases; use smaller layers, or raise Config.MaxParams if you mean it", c.Sizes, limit)
		}
		params += (c.Sizes[i-1] + 1) * s
	}
	if c.Acts != nil && len(c.Acts) != len(c.Sizes)-1 {
		return fmt.Errorf("sinenet: %d layer sizes need %d activations (one per layer after the input), got %d: %v",
			len(c.Sizes), len(c.Sizes)-1, len(c.Acts), c.Acts)
	}
	for _, a := range c.Acts {
		if a == "" {
			return errors.New("sinenet: an empty activation; use one of " + fmt.Sprint(Activations))
		}
		if _, err := parseActivation(string(a)); err != nil {
			return err
		}
	}
	if c.Init != "" {
		if _, err := parseInit(string(c.Init)); err != nil {
			return err
		}
	}
	return nil
}

// Layer is one fully connected layer, a = act(x·W + b), its slices views
// into the MLP's Params and Grads.
type Layer struct {
	In, Out int
	Act     Activation
	W       []float64 // In×Out, row-major: W[i*Out+j] joins input i to output j
	B       []float64 // Out biases, or nil without biases
	DW, DB  []float64 // the gradient of the loss with respect to W and B
}

// MLP is a multilayer perceptron. Between runs a Layer's Act and the values
// in Params may change; the sizes and slices may not.
type MLP struct {
	Layers        []Layer
	Params, Grads []float64 // every W then b, layer by layer, and the loss's gradient

	cfg  Config      // Sizes, NoBias, Init, Seed and MaxParams as built; Acts come from Layers
	ws   workspace   // the reference pass's buffers
	busy atomic.Bool // set while a run trains m
}

// workspace keeps the forward pass's pre-activations z and activations a
// for the backward pass, so that training allocates nothing per step.
type workspace struct {
	n      int         // rows the buffers are sized for
	z, a   [][]float64 // per layer, n×Out
	da, dx []float64   // gradient with respect to a layer's output and input
}

// New builds an MLP from c, with weights drawn by c.Init from c.Seed.
func New(c Config) (*MLP, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return build(c), nil
}

// build is New for a valid c, or for inputs and outputs wider than 1,
// which the tests of the passes use.
func build(c Config) *MLP {
	c.Sizes = append([]int(nil), c.Sizes...)
	if c.Acts == nil {
		for i := 1; i < len(c.Sizes); i++ {
			c.Acts = append(c.Acts, Tanh)
		}
		c.Acts[len(c.Acts)-1] = Identity
	} else {
		c.Acts = append([]Activation(nil), c.Acts...)
		for i, a := range c.Acts {
			c.Acts[i], _ = parseActivation(string(a))
		}
	}
	if c.Init == "" {
		c.Init = PyTorch
	}
	c.Init, _ = parseInit(string(c.Init))

	np := 0
	for i := 1; i < len(c.Sizes); i++ {
		np += c.Sizes[i-1] * c.Sizes[i]
		if !c.NoBias {
			np += c.Sizes[i]
		}
	}
	m := &MLP{Params: make([]float64, np), Grads: make([]float64, np), cfg: c}
	rng := NewRand(c.Seed)
	off := 0
	take := func(k int) (p, g []float64) {
		p, g = m.Params[off:off+k:off+k], m.Grads[off:off+k:off+k]
		off += k
		return p, g
	}
	for i := 1; i < len(c.Sizes); i++ {
		l := Layer{In: c.Sizes[i-1], Out: c.Sizes[i], Act: c.Acts[i-1]}
		l.W, l.DW = take(l.In * l.Out)
		if !c.NoBias {
			l.B, l.DB = take(l.Out)
		}
		c.Init.fill(l.W, l.B, l.In, l.Out, rng)
		m.Layers = append(m.Layers, l)
	}
	return m
}

// Config returns the Config m was built from, defaults filled in, with
// each layer's activation as it is now.
func (m *MLP) Config() Config {
	c := m.cfg
	c.Sizes = append([]int(nil), c.Sizes...)
	c.Acts = make([]Activation, len(m.Layers))
	for i, l := range m.Layers {
		c.Acts[i] = l.Act
	}
	return c
}

// in and out are the widths of the input and the output.
func (m *MLP) in() int  { return m.Layers[0].In }
func (m *MLP) out() int { return m.Layers[len(m.Layers)-1].Out }

// NumParams returns len(m.Params), for sharpness.go until it uses that.
func (m *MLP) NumParams() int { return len(m.Params) }

// Clone returns an independent copy of m as it is now.
func (m *MLP) Clone() *MLP {
	c := build(m.Config())
	copy(c.Params, m.Params)
	return c
}

// check reports a model that cannot be trained: parameters that no longer
// match the layers (Params resliced or replaced after New), and a layer's
// Act that is not an activation.
func (m *MLP) check() error {
	n := 0
	for k, l := range m.Layers {
		if !l.Act.valid() {
			return badAct(k, l.Act)
		}
		if len(l.W) != l.In*l.Out || len(l.DW) != len(l.W) || (l.B != nil && (len(l.B) != l.Out || len(l.DB) != l.Out)) ||
			(k > 0 && l.In != m.Layers[k-1].Out) {
			return fmt.Errorf("sinenet: layer %d's sizes or slices were changed after New; build the network again with New (change its Config, not its Layers)", k)
		}
		n += len(l.W) + len(l.B)
	}
	if len(m.Layers) == 0 || len(m.Params) != n || len(m.Grads) != n || &m.Params[0] != &m.Layers[0].W[0] || &m.Grads[0] != &m.Layers[0].DW[0] {
		return fmt.Errorf("sinenet: the network has %d parameters, but Params holds %d and Grads %d, or they are no longer the layers' own; "+
			"change the values in m.Params, not the slice, or build a new network with New", n, len(m.Params), len(m.Grads))
	}
	return nil
}

// Validate reports a network that cannot be drawn or evaluated: an Act
// that is not an activation, sizes or slices changed after New, or a
// parameter that is NaN or infinite.
func (m *MLP) Validate() error {
	if err := m.check(); err != nil {
		return err
	}
	if i := firstNotFinite(m.Params); i >= 0 {
		return fmt.Errorf("sinenet: the network's parameter %d is %g, so it has no curve to draw; build it again with New, or set Params back to finite values", i, m.Params[i])
	}
	return nil
}

// claim marks m and opt as in use by one run, or reports that one of them
// already is. release ends the claim.
func claim(m *MLP, opt Optimizer) (release func(), err error) {
	busy := "sinenet: this model is already training in another run; a model belongs to one run at a time: wait for that run, or train m.Clone()"
	if m != nil && !m.busy.CompareAndSwap(false, true) {
		return nil, errors.New(busy)
	}
	releaseOpt, err := claimOptimizer(opt)
	if err != nil {
		if m != nil {
			m.busy.Store(false)
		}
		return nil, err
	}
	return func() {
		releaseOpt()
		if m != nil {
			m.busy.Store(false)
		}
	}, nil
}

func (m *MLP) String() string {
	var s strings.Builder
	s.WriteString("MLP(\n")
	for i, l := range m.Layers {
		fmt.Fprintf(&s, "  (%d): Linear(in=%d, out=%d, bias=%t) -> %s\n", i, l.In, l.Out, l.B != nil, l.Act)
	}
	fmt.Fprintf(&s, ") %d parameters, init %s", len(m.Params), m.cfg.Init)
	return s.String()
}

// Predict returns the output of m for every x, written into dst (allocated
// when nil or too short): NaN for an Act that is not an activation.
func (m *MLP) Predict(dst, x []float64) []float64 {
	if len(m.Layers) == 0 {
		dst = slices.Grow(dst[:0], len(x))[:len(x)]
		for i := range dst {
			dst[i] = math.NaN()
		}
		return dst
	}
	n := len(x) / m.in()
	m.forward(x, n)
	a := m.ws.a[len(m.Layers)-1][:n*m.out()]
	if cap(dst) < len(a) {
		dst = make([]float64, len(a))
	}
	dst = dst[:len(a)]
	copy(dst, a)
	return dst
}

// LossGrad returns the loss of m on the rows of x against the targets y
// and overwrites m.Grads with its gradient. There is no need to zero the
// gradient between steps, unlike in PyTorch.
func (m *MLP) LossGrad(x, y []float64, loss Loss) float64 {
	n := len(x) / m.in()
	if len(x)%m.in() != 0 || len(y) != n*m.out() {
		panic(fmt.Sprintf("sinenet: LossGrad with %d inputs and %d targets for a %d-in %d-out network",
			len(x), len(y), m.in(), m.out()))
	}
	m.forward(x, n)
	L := len(m.Layers) - 1
	p := m.ws.a[L][:n*m.out()]
	da := m.ws.da[:len(p)]
	v := loss.Eval(da, p, y)
	m.backward(x, n)
	return v
}

// grow sizes the workspace for n rows.
func (ws *workspace) grow(m *MLP, n int) {
	if ws.n >= n && len(ws.z) == len(m.Layers) {
		return
	}
	ws.n = n
	ws.z = make([][]float64, len(m.Layers))
	ws.a = make([][]float64, len(m.Layers))
	widest := m.in()
	for i, l := range m.Layers {
		ws.z[i] = make([]float64, n*l.Out)
		ws.a[i] = make([]float64, n*l.Out)
		widest = max(widest, l.Out)
	}
	ws.da = make([]float64, n*widest)
	ws.dx = make([]float64, n*widest)
}

// forward computes, layer by layer, z = x·W + b and a = act(z) for n rows.
func (m *MLP) forward(x []float64, n int) {
	m.ws.grow(m, n)
	for k, l := range m.Layers {
		z, a := m.ws.z[k][:n*l.Out], m.ws.a[k][:n*l.Out]
		for r := range n {
			xr, zr := x[r*l.In:(r+1)*l.In], z[r*l.Out:(r+1)*l.Out]
			if l.B != nil {
				copy(zr, l.B)
			} else {
				clear(zr)
			}
			for i, xi := range xr {
				Wi := l.W[i*l.Out : (i+1)*l.Out]
				for j, w := range Wi {
					zr[j] += float64(xi * w)
				}
			}
		}
		for j, zj := range z {
			a[j] = l.Act.apply(zj)
		}
		x = a
	}
}

// backward turns da = dL/da of the last layer (in ws.da) into dW and db
// for every layer, going from the output back to the input:
//
//	dz = da ⊙ act'(z)
//	dW = xᵀ·dz,  db = Σ_rows dz,  dx = dz·Wᵀ
//
// and dx becomes the previous layer's da.
func (m *MLP) backward(x0 []float64, n int) {
	da, dx := m.ws.da, m.ws.dx
	for k := len(m.Layers) - 1; k >= 0; k-- {
		l := m.Layers[k]
		x := x0
		if k > 0 {
			x = m.ws.a[k-1]
		}
		z, a := m.ws.z[k], m.ws.a[k]
		dz := da[:n*l.Out] // dz overwrites da in place
		for j := range dz {
			dz[j] *= l.Act.deriv(z[j], a[j])
		}
		clear(l.DW)
		clear(l.DB)
		for r := range n {
			xr, dzr := x[r*l.In:(r+1)*l.In], dz[r*l.Out:(r+1)*l.Out]
			for i, xi := range xr {
				dWi := l.DW[i*l.Out : (i+1)*l.Out]
				for j, g := range dzr {
					dWi[j] += float64(xi * g)
				}
			}
			if l.DB != nil {
				for j, g := range dzr {
					l.DB[j] += g
				}
			}
		}
		if k == 0 {
			break // the input needs no gradient
		}
		for r := range n {
			dzr, dxr := dz[r*l.Out:(r+1)*l.Out], dx[r*l.In:(r+1)*l.In]
			for i := range dxr {
				Wi := l.W[i*l.Out : (i+1)*l.Out]
				s := 0.0
				for j, g := range dzr {
					s += float64(g * Wi[j])
				}
				dxr[i] = s
			}
		}
		da, dx = dx, da
	}
}
