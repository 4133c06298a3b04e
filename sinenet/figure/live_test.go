package figure

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sinenet/sinenet/sinenet"
)

// recorder is a sink that keeps what would be displayed.
type recorder struct{ msgs []message }

type message struct {
	kind, id, content string // kind is "update", "sync" or an image format
}

func (r *recorder) enabled() bool          { return true }
func (r *recorder) update(id, html string) { r.msgs = append(r.msgs, message{"update", id, html}) }
func (r *recorder) image(format string, b []byte) {
	r.msgs = append(r.msgs, message{format, "", string(b)})
}
func (r *recorder) sync() { r.msgs = append(r.msgs, message{kind: "sync"}) }

// record makes the package display into a recorder until the test ends.
func record(t testing.TB) *recorder {
	r := &recorder{}
	old := display
	display = r
	t.Cleanup(func() { display = old })
	return r
}

var (
	stepRE = regexp.MustCompile(`step (\d+)/(\d+) · loss `)
	imgRE  = regexp.MustCompile(`<img src="data:image/png;base64,([^"]+)">`)
)

func TestLiveView(t *testing.T) {
	d := sinenet.NoisySine(200, 2)
	for _, tc := range []struct {
		name         string
		v            LiveView
		steps, every int
		updates      []string // the steps each update shows
	}{
		{"every call, default size", LiveView{Interval: -1}, 120, 40, []string{"40", "80", "120"}},
		{"rate limited", LiveView{Interval: time.Hour, Width: 480, Height: 180}, 120, 10, []string{"10", "120"}},
		{"hook period not dividing steps", LiveView{Interval: -1, Width: 480, Height: 180}, 50, 20, []string{"20", "40", "50"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := record(t)
			m := mustNew(t, shallowAnswer(1))
			v := tc.v
			v.Data = d
			firstID := ""
			for run := range 2 { // a second run makes a second output
				if run == 1 {
					firstID = v.id
				}
				r.msgs = nil
				_, err := sinenet.Train(context.Background(), m, d, sinenet.Options{Optimizer: sinenet.NewAdam(1e-2), Steps: tc.steps, Every: tc.every, Hook: v.Hook})
				if err != nil {
					t.Fatal(err)
				}
				var steps []string
				for i, msg := range r.msgs[:len(r.msgs)-1] {
					if msg.kind != "update" || msg.id == "" || msg.id != r.msgs[0].id {
						t.Fatalf("run %d message %d: %s to %q, want updates of one output %q", run, i, msg.kind, msg.id, r.msgs[0].id)
					}
					s := stepRE.FindStringSubmatch(msg.content)
					if s == nil || s[2] != itoa(tc.steps) {
						t.Fatalf("run %d message %d has no progress line for %d steps: %.200q", run, i, tc.steps, msg.content)
					}
					steps = append(steps, s[1])
				}
				if got := strings.Join(steps, " "); got != strings.Join(tc.updates, " ") {
					t.Errorf("run %d: updates at steps %s, want %s", run, got, strings.Join(tc.updates, " "))
				}
				if last := r.msgs[len(r.msgs)-1]; last.kind != "sync" {
					t.Errorf("run %d: last message is %s, want a sync after the final update", run, last.kind)
				}
				final := r.msgs[len(r.msgs)-2].content
				if !strings.Contains(final, "done in") {
					t.Errorf("run %d: final update lacks 'done in': %.200q", run, final)
				}
				img := imgRE.FindStringSubmatch(final)
				if img == nil {
					t.Fatalf("run %d: final update has no inline PNG", run)
				}
				b, err := base64.StdEncoding.DecodeString(img[1])
				if err != nil {
					t.Fatal(err)
				}
				w, h := tc.v.Width, tc.v.Height
				if w == 0 {
					w, h = 960, 360
				}
				checkPNG(t, "live", b, w, h)
			}
			if v.id == "" || v.id == firstID {
				t.Errorf("output ids %q then %q, want a new one for the second run", firstID, v.id)
			}
		})
	}
}

// TestShow checks what Show and ShowGIF send, and that they send nothing
// outside a notebook.
func TestShow(t *testing.T) {
	p, err := Loss(LossOptions{}, &sinenet.History{Name: "GD", Loss: []float64{3, 2, 1}})
	if err != nil {
		t.Fatal(err)
	}
	r := record(t)
	if err := Show(p); err != nil {
		t.Fatal(err)
	}
	if err := Show(p, 300, 200); err != nil {
		t.Fatal(err)
	}
	ShowGIF([]byte("GIF89a"))
	if err := Show(p, 300); err == nil {
		t.Error("Show with a width and no height: no error")
	}
	var kinds []string
	for _, m := range r.msgs {
		kinds = append(kinds, m.kind)
	}
	if got := strings.Join(kinds, " "); got != "png png gif" {
		t.Fatalf("sent %s, want png png gif", got)
	}
	checkPNG(t, "show", []byte(r.msgs[0].content), defaultWidth, defaultHeight)
	checkPNG(t, "show_sized", []byte(r.msgs[1].content), 300, 200)

	display = gonbSink{}
	if display.enabled() {
		t.Skip("running inside a notebook")
	}
	if err := Show(p); err != nil {
		t.Error(err)
	}
}

// TestShowDir checks that ShowDirEnv makes Show write numbered files.
func TestShowDir(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(ShowDirEnv, dir)
	old := display
	display = newSink()
	defer func() { display = old }()
	if _, ok := display.(*fileSink); !ok {
		t.Skipf("the sink is %T, not files (inside a notebook?)", display)
	}
	p, err := Loss(LossOptions{}, &sinenet.History{Name: "GD", Loss: []float64{3, 2, 1}})
	if err != nil {
		t.Fatal(err)
	}
	if err := Show(p); err != nil {
		t.Fatal(err)
	}
	if err := Show(p, 300, 200); err != nil {
		t.Fatal(err)
	}
	ShowGIF([]byte("GIF89a"))
	b, err := os.ReadFile(filepath.Join(dir, "show-001.png"))
	if err != nil {
		t.Fatal(err)
	}
	checkPNG(t, "show_file", b, defaultWidth, defaultHeight)
	for _, name := range []string{"show-002.png", "show-003.gif"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
}

func TestLiveOutsideNotebook(t *testing.T) {
	old := display
	display = gonbSink{}
	defer func() { display = old }()
	if display.enabled() {
		t.Skip("running inside a notebook")
	}
	v := &LiveView{Interval: -1}
	if err := v.Hook(sinenet.Progress{Step: 1, Steps: 1}); err != nil || v.id != "" {
		t.Errorf("outside a notebook the hook did something: err %v, id %q", err, v.id)
	}
}

func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		p    sinenet.Progress
		want string
	}{
		{sinenet.Progress{Step: 1000, Steps: 3000, Loss: 12.3456, Elapsed: 2 * time.Second}, "step 1000/3000 · loss 12.35 · 500 steps/s · 4s left"},
		{sinenet.Progress{Step: 3000, Steps: 3000, Loss: 0.01, Elapsed: 3500 * time.Millisecond}, "step 3000/3000 · loss 0.01 · 857 steps/s · done in 3.5s"},
		{sinenet.Progress{Step: 0, Steps: 10, Loss: 1}, "step 0/10 · loss 1"},
	} {
		if got := progressLine(tc.p); got != tc.want {
			t.Errorf("progressLine(%+v) = %q, want %q", tc.p, got, tc.want)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// BenchmarkLiveOverhead measures what the live view costs on the
// question's run (Model A, 4000 points, 3000 steps of GD with the hook
// called every 10 steps): each iteration times a run without the view and
// one with it, drawing into a recorder, and reports the ratio, the number
// of redraws per run and the time of one redraw.
// go test -run X -bench LiveOverhead -benchtime 2x ./sinenet/
func BenchmarkLiveOverhead(b *testing.B) {
	d := sinenet.NoisySine(sinenet.QuestionN, 1)
	run := func(hook func(sinenet.Progress) error) time.Duration {
		m := mustNew(b, sinenet.ModelA(1))
		o := sinenet.QuestionOptions()
		o.Every, o.Hook = 10, hook
		start := time.Now()
		if _, err := sinenet.Train(context.Background(), m, d, o); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	r := record(b)
	var plain, live, redraw time.Duration
	draws := 0
	for b.Loop() {
		plain += run(nil)
		v := &LiveView{Data: d, LogY: true}
		timed := func(p sinenet.Progress) error {
			n, start := len(r.msgs), time.Now()
			err := v.Hook(p)
			if len(r.msgs) > n {
				redraw += time.Since(start)
				draws++
			}
			return err
		}
		live += run(timed)
	}
	b.ReportMetric(plain.Seconds()/float64(b.N), "s/plain")
	b.ReportMetric(live.Seconds()/float64(b.N), "s/live")
	b.ReportMetric(float64(draws)/float64(b.N), "redraws/run")
	b.ReportMetric(redraw.Seconds()*1000/float64(max(draws, 1)), "ms/redraw")
	b.ReportMetric(100*(live.Seconds()/plain.Seconds()-1), "%overhead")
}

func TestThinData(t *testing.T) {
	d := sinenet.NoisySine(4000, 1)
	for _, n := range []int{1000, 4000, 5000} {
		got := thinData(d, n)
		if want := min(n, 4000); got.Len() != want || got.Validate() != nil || got.X[0] != d.X[0] {
			t.Errorf("thinData(4000 points, %d) has %d, want %d from the first on", n, got.Len(), want)
		}
	}
}
