package sinenet

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// torchKwargs are the keyword arguments of a torch.optim constructor, as
// testdata/torch/make_reference.py writes them. A nil field was not given,
// so PyTorch's default applies.
type torchKwargs struct {
	LR                      float64    `json:"lr"`
	Momentum                *float64   `json:"momentum"`
	Dampening               *float64   `json:"dampening"`
	Nesterov                *bool      `json:"nesterov"`
	WeightDecay             *float64   `json:"weight_decay"`
	LRDecay                 *float64   `json:"lr_decay"`
	InitialAccumulatorValue *float64   `json:"initial_accumulator_value"`
	Eps                     *float64   `json:"eps"`
	Alpha                   *float64   `json:"alpha"`
	Centered                *bool      `json:"centered"`
	Betas                   *[]float64 `json:"betas"`
	AMSGrad                 *bool      `json:"amsgrad"`
}

// torchSchedule is a torch.optim.lr_scheduler and its keyword arguments.
type torchSchedule struct {
	Kind     string  `json:"kind"`
	StepSize int     `json:"step_size"`
	Gamma    float64 `json:"gamma"`
	TMax     int     `json:"T_max"`
	EtaMin   float64 `json:"eta_min"`
}

// torchRun is one reference run: the loss before each step, the learning
// rate used at each step and the parameters after the last step.
type torchRun struct {
	Name      string         `json:"name"`
	Optimizer string         `json:"optimizer"`
	Kwargs    torchKwargs    `json:"kwargs"`
	Schedule  *torchSchedule `json:"schedule"`
	Loss      []float64      `json:"loss"`
	LR        []float64      `json:"lr"`
	X         []float64      `json:"x"`
}

// readJSON decodes a file of testdata/torch into v, refusing unknown fields
// so that a setting the Go side would ignore cannot pass unnoticed.
func readJSON(t *testing.T, name string, v any) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "torch", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// set copies *v into *dst when the keyword was given.
func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

// newTorchOptimizer builds the sinenet optimizer that matches a torch.optim
// class and its keyword arguments.
func newTorchOptimizer(class string, kw torchKwargs) (Stepper, error) {
	switch class {
	case "SGD":
		o := NewGD(kw.LR)
		set(&o.Momentum, kw.Momentum)
		set(&o.Dampening, kw.Dampening)
		set(&o.Nesterov, kw.Nesterov)
		set(&o.WeightDecay, kw.WeightDecay)
		return o, o.Validate()
	case "Adagrad":
		o := NewAdagrad(kw.LR)
		set(&o.LRDecay, kw.LRDecay)
		set(&o.WeightDecay, kw.WeightDecay)
		set(&o.InitialAccumulatorValue, kw.InitialAccumulatorValue)
		setExplicit(&o.Eps, kw.Eps)
		return o, o.Validate()
	case "RMSprop":
		o := NewRMSprop(kw.LR)
		setExplicit(&o.Alpha, kw.Alpha)
		setExplicit(&o.Eps, kw.Eps)
		set(&o.WeightDecay, kw.WeightDecay)
		set(&o.Momentum, kw.Momentum)
		set(&o.Centered, kw.Centered)
		return o, o.Validate()
	case "Adam":
		o := NewAdam(kw.LR)
		setAdam(&o.Beta1, &o.Beta2, &o.Eps, &o.AMSGrad, kw)
		set(&o.WeightDecay, kw.WeightDecay)
		return o, o.Validate()
	case "AdamW":
		o := NewAdamW(kw.LR, 1e-2)
		setAdam(&o.Beta1, &o.Beta2, &o.Eps, &o.AMSGrad, kw)
		set(&o.WeightDecay, kw.WeightDecay)
		return o, o.Validate()
	}
	return nil, fmt.Errorf("no sinenet optimizer for torch.optim.%s", class)
}

// setAdam sets the keywords Adam and AdamW share.
func setAdam(beta1, beta2, eps *float64, amsgrad *bool, kw torchKwargs) {
	if kw.Betas != nil {
		*beta1, *beta2 = explicit((*kw.Betas)[0]), explicit((*kw.Betas)[1])
	}
	setExplicit(eps, kw.Eps)
	set(amsgrad, kw.AMSGrad)
}

// explicit returns v, or ExplicitZero for 0: PyTorch's 0 is an explicit 0, where
// sinenet's zero value means the default.
func explicit(v float64) float64 {
	if v == 0 {
		return ExplicitZero
	}
	return v
}

// setExplicit sets *dst to explicit(*v) if v is given.
func setExplicit(dst, v *float64) {
	if v != nil {
		*dst = explicit(*v)
	}
}

// newTorchSchedule builds the sinenet schedule matching a PyTorch one.
func newTorchSchedule(s *torchSchedule) (Schedule, error) {
	var sched Schedule
	switch {
	case s == nil:
		return nil, nil
	case s.Kind == "StepLR":
		sched = StepLR{StepSize: s.StepSize, Gamma: s.Gamma}
	case s.Kind == "ExponentialLR":
		sched = ExponentialLR{Gamma: s.Gamma}
	case s.Kind == "CosineAnnealingLR":
		sched = CosineAnnealingLR{TMax: s.TMax, EtaMin: s.EtaMin}
	default:
		return nil, fmt.Errorf("no sinenet schedule for %s", s.Kind)
	}
	return sched, sched.Validate()
}

// build returns the optimizer and schedule (nil for none) of the run.
func (r torchRun) build(t *testing.T) (Stepper, Schedule) {
	t.Helper()
	opt, err := newTorchOptimizer(r.Optimizer, r.Kwargs)
	if err != nil {
		t.Fatal(err)
	}
	sched, err := newTorchSchedule(r.Schedule)
	if err != nil {
		t.Fatal(err)
	}
	return opt, sched
}

// run takes the given number of steps of opt under sched (nil for none) on the
// loss f, the way the PyTorch script does, and returns the loss before each
// step, the learning rate of each step and the final parameters.
func run(opt Stepper, sched Schedule, f func(x, dx []float64) float64, x0 []float64, steps int) (loss, lr, x []float64) {
	x = append([]float64(nil), x0...)
	dx := make([]float64, len(x))
	base := opt.LR()
	for t := range steps {
		rate := base
		if sched != nil {
			rate = sched.LR(base, t)
		}
		loss = append(loss, f(x, dx))
		lr = append(lr, rate)
		opt.Step(x, dx, rate)
	}
	return loss, lr, x
}

// maxRelErr returns the largest relative difference between got and want,
// or +Inf if their lengths differ.
func maxRelErr(got, want []float64) float64 {
	if len(got) != len(want) {
		return math.Inf(1)
	}
	var worst float64
	for i := range got {
		d := math.Abs(got[i] - want[i])
		if d != 0 {
			d /= math.Max(math.Abs(got[i]), math.Abs(want[i]))
		}
		worst = math.Max(worst, d)
	}
	return worst
}

// parityTol is the largest relative difference from PyTorch allowed. Runs
// differ only by rounding: measured over all 160 comparisons of the
// optimizer and network parity tests, up to 2e-11 (the worst: RMSprop
// with momentum on the network under Huber); 1e-9 leaves 50× headroom.
const parityTol = 1e-9

// parity is a result to compare with PyTorch's.
type parity struct {
	what      string
	got, want []float64
}

// checkParity compares results with PyTorch's and logs the worst relative
// difference.
func checkParity(t *testing.T, results ...parity) {
	t.Helper()
	worst := 0.0
	for _, c := range results {
		e := maxRelErr(c.got, c.want)
		if !(e <= parityTol) {
			t.Errorf("%s differs from PyTorch by %.3g relative (allowed %g)\n got: %v\nwant: %v", c.what, e, parityTol, c.got, c.want)
		}
		worst = math.Max(worst, e)
	}
	t.Logf("max relative error vs PyTorch: %.2g", worst)
}

// torchOptimizers is testdata/torch/optimizers.json.
type torchOptimizers struct {
	TorchVersion string `json:"torch_version"`
	Steps        int    `json:"steps"`
	Problem      struct {
		A, C, X0 []float64
	} `json:"problem"`
	Cases     []torchRun `json:"cases"`
	Schedules []struct {
		Schedule torchSchedule `json:"schedule"`
		Base     float64       `json:"base"`
		LR       []float64     `json:"lr"`
	} `json:"schedules"`
}

// TestOptimizerParityVector runs every optimizer configuration of
// testdata/torch/optimizers.json on the script's vector problem
// f(x) = Σ a_i (x_i - c_i)² + Σ sin(x_i) and compares with PyTorch.
func TestOptimizerParityVector(t *testing.T) {
	var ref torchOptimizers
	readJSON(t, "optimizers.json", &ref)
	a, c := ref.Problem.A, ref.Problem.C
	f := func(x, dx []float64) float64 {
		var f float64
		for i := range x {
			d := x[i] - c[i]
			f += a[i]*d*d + math.Sin(x[i])
			dx[i] = 2*a[i]*d + math.Cos(x[i])
		}
		return f
	}
	if len(ref.Cases) == 0 {
		t.Fatal("no cases in optimizers.json")
	}
	for _, tc := range ref.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			opt, sched := tc.build(t)
			loss, lr, x := run(opt, sched, f, ref.Problem.X0, ref.Steps)
			checkParity(t, parity{"loss", loss, tc.Loss}, parity{"learning rate", lr, tc.LR}, parity{"parameters", x, tc.X})
		})
	}
}

func TestOptimizerByName(t *testing.T) {
	for _, tc := range []struct {
		name, want string // want is the Name() of the result
	}{
		{"gd", "GD"},
		{"SGD", "GD"},
		{" Momentum ", "Momentum"},
		{"nesterov", "Nesterov"},
		{"Adagrad", "Adagrad"},
		{"RMSprop", "RMSprop"},
		{"ADAM", "Adam"},
		{"amsgrad", "AMSGrad"},
		{"AdamW", "AdamW"},
	} {
		opt, err := OptimizerByName(tc.name, 0.01)
		if err != nil {
			t.Errorf("OptimizerByName(%q): %v", tc.name, err)
			continue
		}
		if opt.Name() != tc.want || opt.(Stepper).LR() != 0.01 {
			t.Errorf("OptimizerByName(%q) = %s with lr %g, want %s with lr 0.01", tc.name, opt.Name(), opt.(Stepper).LR(), tc.want)
		}
	}
	if len(OptimizerNames()) != len(optimizers) {
		t.Errorf("OptimizerNames() = %v", OptimizerNames())
	}
	for _, name := range OptimizerNames() {
		if _, err := OptimizerByName(name, 1e-3); err != nil {
			t.Errorf("OptimizerByName(%q): %v", name, err)
		}
	}
	_, err := OptimizerByName("adamax", 1e-3)
	if err == nil || !strings.Contains(err.Error(), "adamw") || !strings.HasPrefix(err.Error(), "sinenet: ") {
		t.Errorf("unknown name: got error %v, want one that lists the known names", err)
	}
	if _, err := OptimizerByName("adam", 0); err == nil {
		t.Error("OptimizerByName with lr 0: no error")
	}
}

func TestOptimizerValidate(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name string
		opt  Optimizer
		want string // a part of the error; "" for none
	}{
		{"gd", NewGD(0.1), ""},
		{"gd lr 0", NewGD(0), "learning rate must be a positive number, got 0; try e.g. 1e-3"},
		{"gd lr negative", NewGD(-1), "got -1"},
		{"gd lr NaN", NewGD(nan), "got NaN"},
		{"gd lr Inf", NewGD(math.Inf(1)), "got +Inf"},
		{"momentum negative", NewMomentum(0.1, -0.9), "Momentum must be in [0, 1)"},
		{"momentum 1.5", NewMomentum(0.1, 1.5), "Momentum must be in [0, 1), got 1.5"},
		{"dampening 2", &SGD{LearningRate: 0.1, Momentum: 0.9, Dampening: 2}, "Dampening must be in [0, 1]"},
		{"nesterov without momentum", NewNesterov(0.1, 0), "Nesterov needs Momentum > 0"},
		{"nesterov with dampening", &SGD{LearningRate: 0.1, Momentum: 0.9, Dampening: 0.1, Nesterov: true}, "Dampening = 0"},
		{"sgd weight decay negative", &SGD{LearningRate: 0.1, WeightDecay: -1}, "WeightDecay must be a number ≥ 0"},
		{"adagrad", NewAdagrad(0.01), ""},
		{"adagrad eps NaN", &Adagrad{LearningRate: 0.01, Eps: nan}, "Eps must be a number ≥ 0, got NaN; PyTorch's default is 1e-10"},
		{"adagrad lr decay", &Adagrad{LearningRate: 0.01, LRDecay: -1}, "LRDecay"},
		{"adagrad accumulator", &Adagrad{LearningRate: 0.01, InitialAccumulatorValue: -1}, "InitialAccumulatorValue"},
		{"rmsprop", NewRMSprop(0.01), ""},
		{"rmsprop alpha 1", &RMSprop{LearningRate: 0.01, Alpha: 1}, "Alpha must be in [0, 1), got 1; PyTorch's default is 0.99"},
		{"rmsprop momentum", &RMSprop{LearningRate: 0.01, Alpha: 0.9, Momentum: -1}, "Momentum"},
		{"adam", NewAdam(1e-3), ""},
		{"adam beta1", &Adam{LearningRate: 1e-3, Beta1: 1, Beta2: 0.999}, "Adam Beta1 must be in [0, 1), got 1; PyTorch's default is 0.9"},
		{"adam beta2", &Adam{LearningRate: 1e-3, Beta1: 0.9, Beta2: -0.1}, "Beta2"},
		{"adam eps", &Adam{LearningRate: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: -1}, "Eps"},
		{"adam weight decay", &Adam{LearningRate: 1e-3, Beta1: 0.9, Beta2: 0.999, WeightDecay: -1}, "WeightDecay"},
		{"adamw", NewAdamW(1e-3, 1e-2), ""},
		{"adamw weight decay", NewAdamW(1e-3, -1), "AdamW WeightDecay must be a number ≥ 0, got -1; PyTorch's default is 0.01"},
		{"adam zero value", &Adam{LearningRate: 1e-3}, ""},
		{"adam explicit zeros", &Adam{LearningRate: 1e-3, Beta1: ExplicitZero, Beta2: ExplicitZero, Eps: ExplicitZero}, ""},
		{"rmsprop momentum 1", &RMSprop{LearningRate: 0.01, Momentum: 1}, "Momentum must be in [0, 1)"},
	} {
		checkError(t, tc.name, tc.opt.Validate(), tc.want)
	}
}

// checkError reports an error unless err contains want and starts with
// "sinenet: ", or unless err is nil when want is "".
func checkError(t *testing.T, what string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("%s: unexpected error %v", what, err)
	case want != "" && err == nil:
		t.Errorf("%s: no error, want one containing %q", what, want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("%s: error %q, want one containing %q", what, err, want)
	case err != nil && !strings.HasPrefix(err.Error(), "sinenet: "):
		t.Errorf("%s: error %q lacks the sinenet: prefix", what, err)
	}
}

// TestOptimizerReset checks that an optimizer after Reset steps exactly as
// a new one, and that a new parameter length is then accepted.
func TestOptimizerReset(t *testing.T) {
	f := func(x, dx []float64) float64 {
		var f float64
		for i := range x {
			f += math.Cosh(x[i])
			dx[i] = math.Sinh(x[i])
		}
		return f
	}
	x0 := []float64{1, -2, 0.5}
	for _, name := range OptimizerNames() {
		o, err := OptimizerByName(name, 0.05)
		if err != nil {
			t.Fatal(err)
		}
		opt, ok := o.(Stepper)
		if !ok {
			continue // no Step: Train runs it through Minimize
		}
		_, _, first := run(opt, nil, f, x0, 5)
		opt.Reset()
		run(opt, nil, f, []float64{1, 2}, 3) // another length after Reset
		opt.Reset()
		_, _, again := run(opt, nil, f, x0, 5)
		if maxRelErr(first, again) != 0 {
			t.Errorf("%s: after Reset got %v, want %v", name, again, first)
		}
	}
}

// TestOptimizerStepPanics checks the programmer errors Step reports.
func TestOptimizerStepPanics(t *testing.T) {
	for _, name := range OptimizerNames() {
		o, _ := OptimizerByName(name, 0.1)
		opt, ok := o.(Stepper)
		if !ok {
			continue // no Step: Train runs it through Minimize
		}
		mustPanic(t, name+" len(x) != len(dx)", func() { opt.Step(make([]float64, 2), make([]float64, 3), 0.1) })
		if name == "gd" {
			continue // plain GD keeps no state, so any length will do
		}
		opt.Step(make([]float64, 2), make([]float64, 2), 0.1)
		mustPanic(t, name+" length changed without Reset", func() { opt.Step(make([]float64, 3), make([]float64, 3), 0.1) })
	}
}

// mustPanic reports an error unless f panics with a "sinenet: " message.
func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if s, ok := r.(string); !ok || !strings.HasPrefix(s, "sinenet: ") {
			t.Errorf("%s: recovered %v, want a sinenet: panic", what, r)
		}
	}()
	f()
}

func TestOptimizerNames(t *testing.T) {
	for _, tc := range []struct {
		opt  Optimizer
		want string
	}{
		{NewGD(1), "GD"},
		{&SGD{LearningRate: 1, WeightDecay: 0.1}, "GD"},
		{NewMomentum(1, 0.9), "Momentum"},
		{NewNesterov(1, 0.9), "Nesterov"},
		{NewAdagrad(1), "Adagrad"},
		{NewRMSprop(1), "RMSprop"},
		{NewAdam(1), "Adam"},
		{&Adam{AMSGrad: true}, "AMSGrad"},
		{NewAdamW(1, 0.1), "AdamW"},
		{&AdamW{AMSGrad: true}, "AdamW+AMSGrad"},
		{&LBFGS{}, "L-BFGS"},
	} {
		if got := tc.opt.Name(); got != tc.want {
			t.Errorf("Name() = %q, want %q", got, tc.want)
		}
	}
}

// TestZeroValueIsDefault checks, for every optimizer whose settings have a
// PyTorch default other than 0, that leaving them at their zero value
// steps exactly as PyTorch's defaults, written out, do, and that
// ExplicitZero asks for an explicit 0 instead.
func TestZeroValueIsDefault(t *testing.T) {
	for _, tc := range []struct {
		name               string
		zero, made, zeroed Stepper
	}{
		{"Adagrad Eps", &Adagrad{LearningRate: 0.1}, &Adagrad{LearningRate: 0.1, Eps: 1e-10}, &Adagrad{LearningRate: 0.1, Eps: ExplicitZero}},
		{"RMSprop Alpha", &RMSprop{LearningRate: 0.1}, &RMSprop{LearningRate: 0.1, Alpha: 0.99, Eps: 1e-8}, &RMSprop{LearningRate: 0.1, Alpha: ExplicitZero}},
		{"RMSprop Eps", &RMSprop{LearningRate: 0.1}, &RMSprop{LearningRate: 0.1, Alpha: 0.99, Eps: 1e-8}, &RMSprop{LearningRate: 0.1, Eps: ExplicitZero}},
		{"Adam Beta1", &Adam{LearningRate: 0.1}, &Adam{LearningRate: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, &Adam{LearningRate: 0.1, Beta1: ExplicitZero}},
		{"Adam Beta2", &Adam{LearningRate: 0.1}, &Adam{LearningRate: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, &Adam{LearningRate: 0.1, Beta2: ExplicitZero}},
		{"Adam Eps", &Adam{LearningRate: 0.1}, &Adam{LearningRate: 0.1, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, &Adam{LearningRate: 0.1, Eps: ExplicitZero}},
		{"AdamW Beta1", &AdamW{LearningRate: 0.1, WeightDecay: 0.01}, &AdamW{LearningRate: 0.1, WeightDecay: 0.01, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, &AdamW{LearningRate: 0.1, WeightDecay: 0.01, Beta1: ExplicitZero}},
		{"AdamW Beta2", &AdamW{LearningRate: 0.1, WeightDecay: 0.01}, &AdamW{LearningRate: 0.1, WeightDecay: 0.01, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, &AdamW{LearningRate: 0.1, WeightDecay: 0.01, Beta2: ExplicitZero}},
		{"AdamW Eps", &AdamW{LearningRate: 0.1, WeightDecay: 0.01}, &AdamW{LearningRate: 0.1, WeightDecay: 0.01, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, &AdamW{LearningRate: 0.1, WeightDecay: 0.01, Eps: ExplicitZero}},
	} {
		run := func(o Stepper) []float64 {
			if err := o.Validate(); err != nil {
				t.Fatalf("%s: %v", tc.name, err)
			}
			x := []float64{1, -2, 0.5}
			for k := range 3 { // a few steps, so that every average is used
				o.Step(x, []float64{0.3 + float64(k), 1e-12, -0.7}, o.LR())
			}
			return x
		}
		zero, made, zeroed := run(tc.zero), run(tc.made), run(tc.zeroed)
		if !slices.Equal(zero, made) {
			t.Errorf("%s: the zero value steps to %v, the constructor's defaults to %v", tc.name, zero, made)
		}
		if slices.Equal(zeroed, made) {
			t.Errorf("%s: ExplicitZero steps as the default does, to %v", tc.name, zeroed)
		}
	}
}
