package sinenet

import (
	"math"
	"strings"
	"testing"
)

func TestConfigErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  Config
		want string // a part of the error message
	}{
		{"no sizes", Config{}, "at least 2 layer sizes"},
		{"one size", Config{Sizes: []int{1}}, "at least 2 layer sizes"},
		{"zero size", Config{Sizes: []int{1, 0, 1}}, "layer 1 has size 0"},
		{"negative size", Config{Sizes: []int{1, -3, 1}}, "at least 1"},
		{"huge", Config{Sizes: []int{1, 1 << 30, 1}}, "use smaller layers"},
		{"too few acts", Config{Sizes: []int{1, 8, 1}, Acts: []Activation{Tanh}}, "need 2 activations"},
		{"too many acts", Config{Sizes: []int{1, 1}, Acts: []Activation{Tanh, Tanh}}, "need 1 activations"},
		{"unknown act", Config{Sizes: []int{1, 1}, Acts: []Activation{"swish"}}, `unknown activation "swish"`},
		{"empty act", Config{Sizes: []int{1, 1}, Acts: []Activation{""}}, "empty activation"},
		{"unknown init", Config{Sizes: []int{1, 1}, Init: "lecun"}, `unknown initializer "lecun"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := New(c.cfg)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("New(%+v) = %v, %v; want an error containing %q", c.cfg, m, err, c.want)
			}
		})
	}
}

func TestDataErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		d    Data
		want string
	}{
		{"empty", Data{}, "data is empty"},
		{"lengths", Data{X: []float64{1, 2}, Y: []float64{1}}, "x has 2 values but y has 1"},
		{"nan", Data{X: []float64{1, math.NaN()}, Y: []float64{1, 2}}, "sample 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if err := c.d.Validate(); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Validate() = %v; want an error containing %q", err, c.want)
			}
		})
	}
	if _, _, err := NoisySine(10, 1).Split(1.5, 1); err == nil {
		t.Error("Split(1.5) gave no error")
	}
}

func TestParseNames(t *testing.T) {
	for in, want := range map[string]Activation{"TANH": Tanh, "Leaky_ReLU": LeakyReLU, "linear": Identity, "none": Identity} {
		if got, err := parseActivation(in); err != nil || got != want {
			t.Errorf("parseActivation(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]Init{"kaiming": He, "Xavier_Uniform": XavierUniform, "randn": StdNormal, "": PyTorch} {
		if got, err := parseInit(in); err != nil || got != want {
			t.Errorf("parseInit(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{"MSE": "MSE", "l1": "L1", "smooth_l1": "Huber", "sum": "SSE"} {
		if got, err := parseLoss(in); err != nil || got.Name() != want {
			t.Errorf("parseLoss(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	if _, err := parseLoss("hinge"); err == nil {
		t.Error(`parseLoss("hinge") gave no error`)
	}
}

// FuzzConfig shows that New never panics: it builds a network whose
// prediction works, or returns an error.
func FuzzConfig(f *testing.F) {
	f.Add([]byte{1, 128, 1}, "tanh,tanh", "normal", true)
	f.Add([]byte{1, 0, 1}, "relu", "he", false)
	f.Add([]byte{}, "", "", false)
	f.Add([]byte{3, 4, 5, 2}, "sigmoid,,identity", "xavier", false)
	f.Fuzz(func(t *testing.T, sizes []byte, acts, init string, noBias bool) {
		c := Config{NoBias: noBias, Init: Init(init)}
		for _, s := range sizes {
			c.Sizes = append(c.Sizes, int(int8(s))) // negative sizes too
		}
		if acts != "" {
			for _, a := range strings.Split(acts, ",") {
				c.Acts = append(c.Acts, Activation(a))
			}
		}
		m, err := New(c)
		if err != nil {
			return
		}
		x := make([]float64, 3*m.in())
		if p := m.Predict(nil, x); len(p) != 3*m.out() {
			t.Fatalf("Predict gave %d outputs, want %d", len(p), 3*m.out())
		}
	})
}

func TestNewDeterministic(t *testing.T) {
	for _, in := range Inits {
		a, _ := New(Config{Sizes: []int{1, 16, 1}, Init: in, Seed: 7})
		b, _ := New(Config{Sizes: []int{1, 16, 1}, Init: in, Seed: 7})
		c, _ := New(Config{Sizes: []int{1, 16, 1}, Init: in, Seed: 8})
		for i := range a.Params {
			if a.Params[i] != b.Params[i] {
				t.Fatalf("%s: seed 7 twice differs at %d", in, i)
			}
		}
		same := true
		for i := range a.Params {
			same = same && a.Params[i] == c.Params[i]
		}
		if same {
			t.Errorf("%s: seeds 7 and 8 give the same weights", in)
		}
	}
}
