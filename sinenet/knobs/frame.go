//go:build !(js && wasm)

// A frame is drawn with gonum/plot, which the browser playground (cmd/playground, built
// for js/wasm) does not link: it draws its own controls and figures.

package knobs

import (
	"encoding/base64"
	"fmt"
	"html"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
	"github.com/sinenet/sinenet/sinenet/figure"
)

// Caption sums up f in one line: the fit so far, and how long after the
// change the first and this frame came.
func (f Frame) Caption() string {
	timing := fmt.Sprintf(lang.Say("this frame %.2f s after the change", "本帧在改动后 %.2f 秒"), f.Since.Seconds())
	if f.First > 0 {
		timing = fmt.Sprintf(lang.Say("first frame shown %.2f s after the change, this one %.2f s", "首帧在改动后 %.2f 秒显示，本帧 %.2f 秒"), f.First.Seconds(), f.Since.Seconds())
	}
	switch {
	case f.Err != nil:
		return fmt.Sprintf(lang.Say("stopped at step %d: %v", "在第 %d 步停止：%v"), f.Step, f.Err)
	case f.Final:
		return fmt.Sprintf(lang.Say("done, %d steps: %v · %s · %s", "完成，共 %d 步：%v · %s · %s"), f.Step, figure.Summary(sinenet.Evaluate(f.Model)), f.losses(), timing)
	case f.Stopped:
		return fmt.Sprintf(lang.Say("stopped (■) at step %d of %d: %v · %s", "在第 %d 步（共 %d 步）停止（■）：%v · %s"), f.Step, f.Settings.Steps, figure.Summary(sinenet.Evaluate(f.Model)), f.losses())
	}
	return fmt.Sprintf(lang.Say("step %d of %d: %v · %s · %s · refining…", "第 %d 步（共 %d 步）：%v · %s · %s · 继续细化…"), f.Step, f.Settings.Steps, figure.Summary(sinenet.Evaluate(f.Model)), f.losses(), timing)
}

// losses gives the training and validation losses of f's last recorded
// step, as TensorFlow Playground shows its training and test losses.
func (f Frame) losses() string {
	h := f.History
	if h == nil || len(h.Loss) == 0 {
		return ""
	}
	s := fmt.Sprintf(lang.Say("training loss %.3g", "训练损失 %.3g"), h.Loss[len(h.Loss)-1])
	if len(h.ValLoss) > 0 {
		s += fmt.Sprintf(lang.Say(", validation loss %.3g", "，验证损失 %.3g"), h.ValLoss[len(h.ValLoss)-1])
	}
	return s
}

// HTML returns f as the notebook shows it: its settings, its caption and
// a figure of the fit beside the loss so far.
func (f Frame) HTML() string {
	head := fmt.Sprintf(`<div style="font-family:monospace;font-size:90%%">%s<br>%s</div>`,
		html.EscapeString(f.Settings.String()), html.EscapeString(f.Caption()))
	if f.Model == nil || f.History == nil || len(f.History.Loss) == 0 {
		return head
	}
	fit, err := figure.Fit(f.Model, f.Data, figure.FitOptions{})
	if err != nil {
		return head + "<pre>" + lang.Say("error: ", "出错：") + html.EscapeString(err.Error()) + "</pre>"
	}
	loss, err := figure.Loss(figure.LossOptions{LogY: true, Title: "Training and validation loss"}, f.History)
	if err != nil {
		return head + "<pre>" + lang.Say("error: ", "出错：") + html.EscapeString(err.Error()) + "</pre>"
	}
	loss.X.Max = float64(f.Settings.Steps) // the curve grows to the right
	png, err := figure.Render(figure.NewTiles(2, fit, loss), "png", 1000, 360)
	if err != nil {
		return head + "<pre>" + lang.Say("error: ", "出错：") + html.EscapeString(err.Error()) + "</pre>"
	}
	return head + `<img src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(png) + `">`
}
