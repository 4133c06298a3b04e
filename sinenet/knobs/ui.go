//go:build !(js && wasm)

// The widgets need GoNB, which the browser playground (cmd/playground, built
// for js/wasm) does not link: it draws its own controls and figures.

package knobs

import (
	"context"
	"fmt"
	"html"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/dom"
	"github.com/janpfeifer/gonb/gonbui/widgets"
	"github.com/sinenet/sinenet/internal/lang"
)

// pageWait is how long Show waits for its widgets when a JupyterLab page
// runs the kernel. Their first answer took over 5 s in a container with
// half a CPU; if GoNB's connection to the page fails all the same (the
// image's GoNB repeats a lost handshake, see docker/gonb-patch.sh, but
// another install of GoNB may not), it never comes, and the reader should
// not wait longer.
const pageWait = time.Minute

// widget is a built slider or menu.
type widget any

// Show shows the knobs in a GoNB notebook and retrains on every change
// until the cell is stopped (■, an interrupt), or until idle passes
// without a change. Stopping is the normal way to end it: Show then
// prints one line saying so and returns, so the cell ends without an
// error.
//
// When it stops, the widgets give way to a table of the last settings,
// which a saved notebook keeps with the last figure.
//
// A widget waits for the front end's first answer, so Show builds them in
// the background and gives up after wait: without a live front end (a
// static rendering, or a headless run as in the tests) it shows the
// default settings as a table and their trained fit, and returns. When a
// JupyterLab page runs the kernel (the server names the notebook in
// JPY_SESSION_NAME), a front end is coming: its first answer can take
// longer than wait on a busy machine or a container with half a CPU, so
// Show waits for it for at least a minute (pageWait), or until the cell is
// stopped.
func Show(wait, idle time.Duration) {
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	defer signal.Stop(stop)

	id := gonbui.UniqueId()
	panel, figure := "knobs-panel-"+id, "knobs-figure-"+id
	s := Defaults()
	gonbui.UpdateHTML(panel, panelHTML(id, s, true))
	gonbui.UpdateHTML(figure, "<p>"+lang.Say("training the default settings…", "正在训练默认设置…")+"</p>")
	gonbui.Sync()

	ready := make(chan []widget, 1)
	go func() { ready <- build(id, s) }()
	if _, page := os.LookupEnv("JPY_SESSION_NAME"); page {
		wait = max(wait, pageWait)
	}
	var ws []widget
	select {
	case ws = <-ready:
	case <-time.After(wait):
		gonbui.UpdateHTML(panel, panelHTML(id, s, false))
		Run(context.Background(), s, time.Now(), func(f Frame) { gonbui.UpdateHTML(figure, f.HTML()) })
		gonbui.Sync()
		fmt.Println(lang.Say("knobs: showing the default settings; the sliders answer only in a live notebook (JupyterLab)",
			"knobs：显示的是默认设置；滑块只在实时运行的笔记本（JupyterLab）中响应"))
		return
	case <-stop:
		fmt.Println(lang.Say("knobs: stopped before the widgets were ready; run the cell again to continue",
			"knobs：控件就绪之前已停止；再次运行本单元即可继续"))
		return
	}

	ctx, cancel := context.WithCancel(context.Background())
	in := make(chan Settings, 1)
	loopDone := make(chan struct{})
	var last Frame // the last frame drawn; read only after loopDone
	go func() {
		defer close(loopDone)
		Loop(ctx, in, func(f Frame) {
			last = f
			gonbui.UpdateHTML(figure, f.HTML())
		})
	}()
	// stopped redraws a run that a stop cut short, so that its caption
	// no longer says it is refining.
	stopped := func() {
		if f, ok := last.Stop(); ok {
			gonbui.UpdateHTML(figure, f.HTML())
		}
	}
	in <- s
	// Each widget reports its new position here; the widget's own Value
	// is updated by another listener, which may not have run yet.
	moved := make(chan [2]int, 16)
	for i, w := range ws {
		var c <-chan int
		switch w := w.(type) {
		case *widgets.SliderBuilder:
			c = w.Listen().C
		case *widgets.SelectBuilder:
			c = w.Listen().C
		}
		go func() {
			for v := range c {
				moved <- [2]int{i, v}
			}
		}()
	}
	idleTimer := time.NewTimer(idle)
	defer idleTimer.Stop()
	for {
		select {
		case m := <-moved:
			i, v := m[0], m[1]
			if v < 0 || v >= len(All[i].Labels) {
				continue
			}
			All[i].Set(&s, v)
			dom.SetInnerHtml(valueID(id, i), html.EscapeString(All[i].Choices()[v]))
			select {
			case <-in: // replace a setting not yet taken
			default:
			}
			in <- s
			idleTimer.Reset(idle)
		case <-stop:
			cancel()
			<-loopDone
			stopped()
			gonbui.UpdateHTML(panel, panelHTML(id, s, false)) // what a saved notebook keeps
			fmt.Println(lang.Say("knobs: stopped (■); the figure shows the last settings; run the cell again to continue",
				"knobs：已停止（■）；图中是最后一次的设置；再次运行本单元即可继续"))
			return
		case <-idleTimer.C:
			cancel()
			<-loopDone
			stopped()
			gonbui.UpdateHTML(panel, panelHTML(id, s, false))
			fmt.Printf(lang.Say("knobs: stopped after %v without a change; run the cell again to continue\n",
				"knobs：%v 内没有改动，已停止；再次运行本单元即可继续\n"), idle)
			return
		}
	}
}

// build makes the widgets, one per knob, in the panel's cells. It returns
// when the front end has answered for all of them.
func build(id string, s Settings) []widget {
	ws := make([]widget, len(All))
	for i, k := range All {
		cur := max(k.Index(s), 0)
		if k.Menu {
			ws[i] = widgets.Select(k.Choices()).SetDefault(cur).AppendTo(widgetID(id, i)).Done()
		} else {
			ws[i] = widgets.Slider(0, len(k.Labels)-1, cur).AppendTo(widgetID(id, i)).Done()
		}
	}
	return ws
}

func widgetID(id string, i int) string { return fmt.Sprintf("knobs-w-%s-%d", id, i) }
func valueID(id string, i int) string  { return fmt.Sprintf("knobs-v-%s-%d", id, i) }

// panelHTML is the table of knobs: with empty cells for the widgets when
// live, or with every knob's choices and the current one in bold when not.
func panelHTML(id string, s Settings, live bool) string {
	var b strings.Builder
	b.WriteString(`<table style="font-size:90%">`)
	for i, k := range All {
		cur := k.Index(s)
		fmt.Fprintf(&b, `<tr><td style="text-align:right"><b>%s</b></td>`, html.EscapeString(k.Title()))
		if live {
			label := ""
			if cur >= 0 {
				label = k.Choices()[cur]
			}
			fmt.Fprintf(&b, `<td><div id="%s"></div></td><td><span id="%s">%s</span></td></tr>`,
				widgetID(id, i), valueID(id, i), html.EscapeString(label))
			continue
		}
		var cs []string
		for j, l := range k.Choices() {
			l = html.EscapeString(l)
			if j == cur {
				l = "<b>[" + l + "]</b>"
			}
			cs = append(cs, l)
		}
		fmt.Fprintf(&b, `<td style="text-align:left">%s</td></tr>`, strings.Join(cs, " · "))
	}
	b.WriteString("</table>")
	return b.String()
}
