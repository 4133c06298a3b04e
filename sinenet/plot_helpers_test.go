package sinenet

import (
	"bytes"
	"context"
	"encoding/xml"
	"flag"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// plotDir, when set (go test -run Plot -args -plotdir=/tmp/plots), makes
// the plot tests write every plot they build as a PNG there, to look at.
var plotDir = flag.String("plotdir", "", "write every plot the tests build as PNG into this folder")

// testAdam is a minimal Adam for the plot tests, until the package's
// optimizers are in. m = β1·m + (1-β1)·g, v = β2·v + (1-β2)·g²,
// x -= lr·m̂/(√v̂ + ε).
type testAdam struct {
	lr   float64
	t    int
	m, v []float64
}

func (o *testAdam) Name() string     { return "Adam" }
func (o *testAdam) LR() float64      { return o.lr }
func (o *testAdam) SetLR(lr float64) { o.lr = lr }
func (o *testAdam) Reset()           { o.t, o.m, o.v = 0, nil, nil }
func (o *testAdam) Validate() error  { return nil }
func (o *testAdam) Step(x, dx []float64) {
	if o.m == nil {
		o.m, o.v = make([]float64, len(x)), make([]float64, len(x))
	}
	o.t++
	c1, c2 := 1-math.Pow(0.9, float64(o.t)), 1-math.Pow(0.999, float64(o.t))
	for i, g := range dx {
		o.m[i] = 0.9*o.m[i] + 0.1*g
		o.v[i] = 0.999*o.v[i] + 0.001*g*g
		x[i] -= o.lr * (o.m[i] / c1) / (math.Sqrt(o.v[i]/c2) + 1e-8)
	}
}

// testGD is plain gradient descent, x -= lr·g.
type testGD struct{ lr float64 }

func (o *testGD) Name() string     { return "GD" }
func (o *testGD) LR() float64      { return o.lr }
func (o *testGD) SetLR(lr float64) { o.lr = lr }
func (o *testGD) Reset()           {}
func (o *testGD) Validate() error  { return nil }
func (o *testGD) Step(x, dx []float64) {
	for i, g := range dx {
		x[i] -= o.lr * g
	}
}

// mustNew builds a network or fails the test.
func mustNew(t testing.TB, c Config) *MLP {
	t.Helper()
	m, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// trained returns a network trained for a few steps, its history and
// the data, small enough to keep the tests fast.
func trained(t testing.TB, c Config, opt Optimizer, loss Loss, steps int) (*MLP, *History, Data) {
	t.Helper()
	d := NoisySine(400, 1)
	m := mustNew(t, c)
	h, err := Train(context.Background(), m, d, Options{Optimizer: opt, Loss: loss, Steps: steps})
	if err != nil {
		t.Fatal(err)
	}
	return m, h, d
}

// checkPNG checks that b decodes as a PNG of w×h pixels, and writes it
// into plotDir when that is set.
func checkPNG(t testing.TB, name string, b []byte, w, h int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := img.Bounds(); got != image.Rect(0, 0, w, h) {
		t.Errorf("%s: image is %v, want %dx%d", name, got, w, h)
	}
	if *plotDir != "" {
		if err := os.WriteFile(filepath.Join(*plotDir, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// checkSVG checks that b parses as an SVG of w×h pixels (its width and
// height are in points, 3/4 of a pixel at 96 dpi).
func checkSVG(t testing.TB, b []byte, w, h int) {
	t.Helper()
	var root struct {
		XMLName xml.Name
		Width   string `xml:"width,attr"`
		Height  string `xml:"height,attr"`
	}
	if err := xml.Unmarshal(b, &root); err != nil {
		t.Fatal(err)
	}
	if root.XMLName.Local != "svg" {
		t.Fatalf("root element is %q, want svg", root.XMLName.Local)
	}
	px := func(s string) int {
		v, err := strconv.ParseFloat(strings.TrimSuffix(s, "pt"), 64)
		if err != nil {
			t.Fatalf("SVG size %q: %v", s, err)
		}
		return int(math.Round(v * DPI / 72))
	}
	if gw, gh := px(root.Width), px(root.Height); gw != w || gh != h {
		t.Errorf("SVG is %dx%d px, want %dx%d", gw, gh, w, h)
	}
}

// svgTexts returns every text the SVG rendering of d shows.
func svgTexts(t testing.TB, d Drawer) []string {
	t.Helper()
	b, err := Render(d, "svg", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	dec := xml.NewDecoder(bytes.NewReader(b))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		}
	}
	return texts
}

// checkTexts checks that d shows each of want, as the start of a text
// (a title, axis label or legend entry).
func checkTexts(t testing.TB, d Drawer, want ...string) {
	t.Helper()
	texts := svgTexts(t, d)
	for _, w := range want {
		found := false
		for _, s := range texts {
			found = found || strings.HasPrefix(s, w)
		}
		if !found {
			t.Errorf("no text starts with %q; texts: %q", w, texts)
		}
	}
}
