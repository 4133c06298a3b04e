package figure

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

	"github.com/sinenet/sinenet/sinenet"
)

// plotDir, when set (go test -run Plot -args -plotdir=/tmp/plots), makes
// the plot tests write every plot they build as a PNG there, to look at.
var plotDir = flag.String("plotdir", "", "write every plot the tests build as PNG into this folder")

// mustNew builds a network or fails the test.
func mustNew(t testing.TB, c sinenet.Config) *sinenet.MLP {
	t.Helper()
	m, err := sinenet.New(c)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// shallowAnswer is the answer's kind of network (biases, PyTorch's init,
// linear output) at the question's shallow size 1-128-1: a quicker fit
// for the plot tests than AnswerModel.
func shallowAnswer(seed uint64) sinenet.Config {
	return sinenet.Config{Sizes: []int{1, 128, 1}, Acts: []sinenet.Activation{sinenet.Tanh, sinenet.Identity}, Init: sinenet.PyTorch, Seed: seed}
}

// trained returns a network trained for a few steps, its history and
// the data, small enough to keep the tests fast.
func trained(t testing.TB, c sinenet.Config, opt sinenet.Optimizer, loss sinenet.Loss, steps int) (*sinenet.MLP, *sinenet.History, sinenet.Data) {
	t.Helper()
	d := sinenet.NoisySine(400, 1)
	m := mustNew(t, c)
	h, err := sinenet.Train(context.Background(), m, d, sinenet.Options{Optimizer: opt, Loss: loss, Steps: steps})
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
		return int(math.Round(v * dpi / 72))
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
