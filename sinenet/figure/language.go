package figure

import (
	"fmt"
	"os"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// SetLanguage sets the language of the text that figure, knobs and
// exercise print for a reader: "en", English, the default, or "zh",
// Chinese. It returns the language in effect. Check results and hints,
// the knobs' messages, the live view's progress line and Summary follow
// it; error messages, the labels of figures and everything the core
// package sinenet prints stay English.
//
// Each notebook sets its own language in its declarations cell, so that
// every cell's program starts with it:
//
//	var language = figure.SetLanguage("zh")
//
// An unknown tag leaves the language as it was and prints, on stderr,
// which tags there are.
func SetLanguage(tag string) string {
	if err := lang.Set(tag); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	return lang.Get()
}

// Summary is f's String in the language set by SetLanguage: for
// example "RMSE 0.0123, 3 extrema (the true curve has 3)".
func Summary(f sinenet.Evaluation) string {
	if f.Extrema < 0 {
		return lang.Say(f.String(), "无法评估：模型为 nil 或无法运行（某层的 Act 不是激活函数，或 New 之后改动了 Params）；Train 的错误信息说明了如何修正")
	}
	return fmt.Sprintf(lang.Say("RMSE %.4f, %d extrema (the true curve has %d)", "RMSE %.4f，%d 个极值点（真实曲线有 %d 个）"), f.RMSE, f.Extrema, sinenet.TrueExtrema)
}
