package playground

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/knobs"
)

// TestQueryRoundTrip checks that every choice of every control, the
// defaults and every preset come back from their URL query unchanged.
func TestQueryRoundTrip(t *testing.T) {
	check := func(name string, s Settings) {
		t.Helper()
		got, problems := Parse(s.Query())
		if len(problems) > 0 || !reflect.DeepEqual(got, s) {
			t.Errorf("%s: %q parses to %+v (%v), want %+v", name, s.Query(), got, problems, s)
		}
		if strings.Contains(s.Query(), "=%3F") {
			t.Errorf("%s: %q has a setting that is not a choice", name, s.Query())
		}
	}
	check("defaults", Defaults())
	for _, p := range Presets() {
		check(p.Key, p.Settings)
	}
	for _, c := range Controls {
		for i := range c.Tokens {
			s := Defaults()
			c.set(&s, i)
			if c.Index(s) != i {
				t.Errorf("%s: choice %d (%s) reads back as %d", c.Key, i, c.Tokens[i], c.Index(s))
			}
			check(c.Key+"="+c.Tokens[i], s)
		}
	}
}

// TestParseProblems checks that a link's unknown values are reported,
// in both languages, and keep the defaults.
func TestParseProblems(t *testing.T) {
	s, problems := Parse("?lr=3&width=32-128-32&lang=zh&steps=100")
	want := Defaults()
	want.Shape, want.Depth, want.Width, want.Steps = Deep, 3, 128, 100
	if !reflect.DeepEqual(s, want) {
		t.Errorf("got %+v, want %+v", s, want)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].En, "lr=3") || !strings.Contains(problems[0].Zh, "lr=3") {
		t.Errorf("problems %v, want one about lr=3", problems)
	}
	if s, _ := Parse("?OPT=SGD&opt=Momentum"); s.Optimizer != "momentum" {
		t.Errorf("opt=Momentum gives %q, want momentum", s.Optimizer)
	}
}

// TestPresets checks the presets against the notebooks' setups.
func TestPresets(t *testing.T) {
	byKey := map[string]Settings{}
	for _, p := range Presets() {
		byKey[p.Key] = p.Settings
	}
	sameNet := func(key string, want sinenet.Config) {
		t.Helper()
		got := byKey[key].Config()
		want.Seed = knobs.Seed
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: network %+v, want %+v", key, got, want)
		}
	}
	sameNet("question-shallow", sinenet.ModelA(1))
	sameNet("question-deep", sinenet.ModelB(1))
	sameNet("answer", sinenet.AnswerModel(1))
	if !reflect.DeepEqual(byKey["notebook-3"].Settings, knobs.Defaults()) {
		t.Errorf("notebook-3 is %+v, want knobs.Defaults()", byKey["notebook-3"])
	}
	for key, recipe := range map[string]sinenet.Options{"question-shallow": sinenet.QuestionOptions(), "question-deep": sinenet.QuestionOptions(), "answer": sinenet.AnswerOptions()} {
		o, err := byKey[key].Options()
		if err != nil {
			t.Fatal(err)
		}
		if o.Steps != recipe.Steps || o.Loss.Name() != recipe.Loss.Name() || !reflect.DeepEqual(o.Optimizer, recipe.Optimizer) {
			t.Errorf("%s: trains with %+v, want %+v", key, o, recipe)
		}
	}
}

// TestRun checks a run of the page's defaults: frames in order with the
// whole history between them, a fit with the true curve's 3 extrema,
// and a fingerprint equal to that of a plain Train of the same settings
// (the validation set and the hook change no bit). It also checks that
// L-BFGS gets no fingerprint, and that a diverging run says so.
func TestRun(t *testing.T) {
	s := Defaults()
	var st Start
	var frames []Frame
	m := Run(context.Background(), s, func(x Start) { st = x }, func(f Frame) { frames = append(frames, f) })
	if m == nil || len(frames) < 2 {
		t.Fatalf("model %v, %d frames", m, len(frames))
	}
	n := 0
	for _, f := range frames {
		if f.From != n || len(f.Loss) != f.Step-n || len(f.ValLoss) != len(f.Loss) {
			t.Errorf("frame at step %d starts at %d with %d losses, %d validation losses; want it to start at %d", f.Step, f.From, len(f.Loss), len(f.ValLoss), n)
		}
		n = f.Step
	}
	last := frames[len(frames)-1]
	if frames[0].Step != 1 || !last.Final || last.Step != s.Steps || last.Err != "" || last.Extrema != sinenet.TrueExtrema {
		t.Errorf("first frame at step %d; last at step %d of %d, final %v, error %q, %d extrema", frames[0].Step, last.Step, s.Steps, last.Final, last.Err, last.Extrema)
	}
	if st.Floor[0] <= 0 || st.Floor[0] > 1.5*s.Noise*s.Noise || !st.Exact || len(st.X) != s.Points {
		t.Errorf("start: floor %v, exact %v, %d points", st.Floor, st.Exact, len(st.X))
	}

	plain, _ := sinenet.New(s.Config())
	o, _ := s.Options()
	if _, err := sinenet.Train(context.Background(), plain, s.Data(), o); err != nil {
		t.Fatal(err)
	}
	if last.Fingerprint != plain.Fingerprint() || len(last.Fingerprint) != 12 {
		t.Errorf("fingerprint %q, want %q as a plain Train gives", last.Fingerprint, plain.Fingerprint())
	}

	s.Optimizer, s.Steps = "lbfgs", 5
	if ok, why := s.Exact(); ok || !strings.Contains(why, "L-BFGS") {
		t.Errorf("L-BFGS: exact %v (%s)", ok, why)
	}
	frames = frames[:0]
	Run(context.Background(), s, func(Start) {}, func(f Frame) { frames = append(frames, f) })
	if f := frames[len(frames)-1]; f.Fingerprint != "" || !f.Final {
		t.Errorf("L-BFGS run ends with final %v, fingerprint %q", f.Final, f.Fingerprint)
	}

	s = Defaults()
	s.Optimizer, s.Loss, s.LR, s.Steps = "gd", "SSE", 0.5, 50
	frames = frames[:0]
	Run(context.Background(), s, func(Start) {}, func(f Frame) { frames = append(frames, f) })
	if f := frames[len(frames)-1]; !f.Diverged || f.Fingerprint != "" || f.Suggest <= 0 || f.Suggest >= s.LR {
		t.Errorf("GD at lr 0.5 on the summed loss ends with diverged %v, fingerprint %q, suggest %g (error %q); want a divergence", f.Diverged, f.Fingerprint, f.Suggest, f.Err)
	}
}

// TestTexts checks that every text has both languages, and that the
// Chinese keeps the English's verbs in order.
func TestTexts(t *testing.T) {
	for k, v := range Texts() {
		if v.En == "" || v.Zh == "" || v.En == v.Zh {
			t.Errorf("%s: %q / %q", k, v.En, v.Zh)
		}
		verbs := func(s string) []string {
			var vs []string
			for i := 0; i+1 < len(s); i++ {
				if s[i] == '%' {
					vs = append(vs, s[i:i+2])
				}
			}
			return vs
		}
		if !slices.Equal(verbs(v.En), verbs(v.Zh)) {
			t.Errorf("%s: verbs %v in English, %v in Chinese", k, verbs(v.En), verbs(v.Zh))
		}
	}
	for _, c := range Controls {
		if c.Title.En == c.Title.Zh || len(c.Labels) != len(c.Tokens) {
			t.Errorf("control %s: title %v, %d labels, %d tokens", c.Key, c.Title, len(c.Labels), len(c.Tokens))
		}
	}
}
