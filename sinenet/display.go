package sinenet

import (
	"encoding/base64"
	"fmt"

	"github.com/janpfeifer/gonb/gonbui"
)

// sink is where Show and the live view send what they display. The
// package sends it to GoNB; a test swaps in a recorder.
type sink interface {
	// enabled reports whether displaying does anything: in a GoNB
	// notebook. Callers skip rendering when it is false.
	enabled() bool
	// html shows html as a new output when id is "", and otherwise
	// creates the output id or replaces its content in place.
	html(id, html string)
	// png shows a PNG image as a new output.
	png(b []byte)
	// sync waits until everything sent so far is displayed.
	sync()
}

// display is the package's sink.
var display sink = gonbSink{}

// gonbSink displays through GoNB's gonbui package, which does nothing
// outside a notebook.
type gonbSink struct{}

func (gonbSink) enabled() bool { return gonbui.IsNotebook }
func (gonbSink) png(b []byte)  { gonbui.DisplayPNG(b) }
func (gonbSink) sync()         { gonbui.Sync() }
func (gonbSink) html(id, html string) {
	if id == "" {
		gonbui.DisplayHTML(html)
		return
	}
	gonbui.UpdateHTML(id, html)
}

// Show displays d inline in a GoNB notebook as a PNG of DefaultWidth ×
// DefaultHeight pixels. Outside a notebook it does nothing; use Save to
// write a file.
func Show(d Drawer) error { return ShowAs(d, "png", 0, 0) }

// ShowAs displays d inline in a GoNB notebook as a "png" or "svg" of w×h
// pixels (≤ 0 means the default size). SVG suits line plots; a scatter of
// thousands of points makes a large SVG, so show those as PNG. Outside a
// notebook it does nothing.
func ShowAs(d Drawer, format string, w, h int) error {
	if !display.enabled() {
		return nil
	}
	b, err := Render(d, format, w, h)
	if err != nil {
		return err
	}
	if format == "png" || format == "PNG" {
		display.png(b)
		return nil
	}
	// GoNB shows SVG as HTML too, which survives export to HTML.
	display.html("", "<div>"+string(b)+"</div>")
	return nil
}

// ShowGIF displays an animated GIF, such as PathsGIF makes, inline in a
// GoNB notebook. Outside a notebook it does nothing.
func ShowGIF(gif []byte) {
	if display.enabled() {
		display.html("", imgTag("image/gif", gif))
	}
}

// imgTag is an HTML <img> holding the image b inline.
func imgTag(mime string, b []byte) string {
	return fmt.Sprintf(`<img src="data:%s;base64,%s">`, mime, base64.StdEncoding.EncodeToString(b))
}
