package figure

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"

	"github.com/janpfeifer/gonb/gonbui"
)

// ShowDirEnv names the environment variable that, outside a notebook,
// makes Show and ShowGIF write each image into a folder as
// show-001.png, show-002.svg, … instead of doing nothing; for running a
// notebook's code as a plain Go program and still seeing its plots.
const ShowDirEnv = "SINENET_SHOW_DIR"

// sink is where Show and the live view send what they display: GoNB in
// a notebook, files when ShowDirEnv asks for them, or a recorder in a
// test.
type sink interface {
	// enabled reports whether displaying does anything. Callers skip
	// rendering when it is false.
	enabled() bool
	// image shows an image, of format "png", "svg" or "gif", as a new
	// output.
	image(format string, b []byte)
	// update creates the output id, or replaces its content in place,
	// with html.
	update(id, html string)
	// sync waits until everything sent so far is displayed.
	sync()
}

// display is the package's sink.
var display = newSink()

func newSink() sink {
	if dir := os.Getenv(ShowDirEnv); dir != "" && !gonbui.IsNotebook {
		return &fileSink{dir: dir}
	}
	return gonbSink{}
}

// gonbSink displays through GoNB's gonbui package, which does nothing
// outside a notebook.
type gonbSink struct{}

func (gonbSink) enabled() bool          { return gonbui.IsNotebook }
func (gonbSink) update(id, html string) { gonbui.UpdateHTML(id, html) }
func (gonbSink) sync()                  { gonbui.Sync() }
func (gonbSink) image(format string, b []byte) {
	switch format {
	case "png":
		gonbui.DisplayPNG(b)
	case "svg":
		gonbui.DisplaySVG(string(b)) // GoNB wraps it in HTML, which survives export
	default:
		gonbui.DisplayHTML(imgTag("image/"+format, b))
	}
	// Wait until GoNB has the image: a cell whose last statement shows a
	// plot may otherwise exit first, and the image is lost (seen in
	// JupyterLab in 2 of 6 runs of the notebooks).
	gonbui.Sync()
}

// fileSink writes every image into dir, numbered in order, and leaves
// out the live view.
type fileSink struct {
	dir string
	n   int
}

func (s *fileSink) enabled() bool      { return true }
func (s *fileSink) update(_, _ string) {}
func (s *fileSink) sync()              {}
func (s *fileSink) image(format string, b []byte) {
	s.n++
	path := filepath.Join(s.dir, fmt.Sprintf("show-%03d.%s", s.n, format))
	if err := os.WriteFile(path, b, 0o644); err != nil {
		fmt.Fprintf(os.Stderr, "sinenet: %v\n", err)
	}
}

// Show displays d inline in a GoNB notebook as a PNG of size[0] ×
// size[1] pixels; with no size, 720 × 450. (Render makes an SVG, and
// PNG or SVG bytes to save.) Outside a notebook it does nothing, unless
// ShowDirEnv names a folder to write it into.
func Show(d Drawer, size ...int) error {
	w, h := 0, 0
	switch len(size) {
	case 0:
	case 2:
		w, h = size[0], size[1]
	default:
		return fmt.Errorf("sinenet: Show(d, %v): give no size, or a width and a height in pixels", size)
	}
	if !display.enabled() {
		return nil
	}
	b, err := Render(d, "png", w, h)
	if err != nil {
		return err
	}
	display.image("png", b)
	return nil
}

// ShowGIF displays an animated GIF, such as PathsGIF makes, inline in a
// GoNB notebook. Outside a notebook it does what Show does. (A GIF's
// frames are drawn already, so it is bytes, not a Drawer for Show.)
func ShowGIF(gif []byte) {
	if display.enabled() {
		display.image("gif", gif)
	}
}

// imgTag is an HTML <img> holding the image b inline.
func imgTag(mime string, b []byte) string {
	return fmt.Sprintf(`<img src="data:%s;base64,%s">`, mime, base64.StdEncoding.EncodeToString(b))
}
