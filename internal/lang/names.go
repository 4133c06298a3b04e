// The names printed for the core's values, in the current language.
// They live here, not in sinenet/figure, so that the page's wasm (which
// must not link gonum/plot) can print them too.

package lang

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sinenet/sinenet/sinenet"
)

// InitName is in's name as the notebooks write it: "He", "Xavier normal",
// or in Chinese "Xavier 正态". An unknown in is itself.
func InitName(in sinenet.Init) string {
	switch in {
	case sinenet.PyTorch:
		return "PyTorch"
	case sinenet.XavierUniform:
		return Say("Xavier uniform", "Xavier 均匀")
	case sinenet.XavierNormal:
		return Say("Xavier normal", "Xavier 正态")
	case sinenet.He:
		return "He"
	case sinenet.StdNormal:
		return Say("standard normal", "标准正态")
	}
	return string(in)
}

// InitLabel is in's name with the word for initialization, as a printed
// line names a run by its initializer: "init He", "init Xavier normal", or
// in Chinese "He 初始化", "Xavier 正态初始化". Chinese puts a space between
// a Latin word and a Chinese one, and none between two Chinese words.
func InitLabel(in sinenet.Init) string {
	if Get() == English {
		return "init " + InitName(in)
	}
	n := InitName(in)
	if last, _ := utf8.DecodeLastRuneInString(n); unicode.Is(unicode.Han, last) {
		return n + "初始化"
	}
	return n + " 初始化"
}

// Bool is b as a printed line says it: "true" or "false", or in Chinese
// "是" or "否".
func Bool(b bool) string {
	if b {
		return Say("true", "是")
	}
	return Say("false", "否")
}

// Rate writes a learning rate in the learner's units, as the notebooks'
// prose, the knobs' slider and the playground do: a power of ten below
// 0.1 (1e-2, 5e-3, 2.5e-4, 4e-7), a decimal from 0.1 up (0.1, 0.5, 2).
func Rate(lr float64) string {
	a := math.Abs(lr)
	if a >= 0.1 || a == 0 || math.IsNaN(lr) || math.IsInf(lr, 0) {
		return strconv.FormatFloat(lr, 'g', -1, 64)
	}
	m, e, _ := strings.Cut(strconv.FormatFloat(lr, 'e', -1, 64), "e") // "1e-02"
	exp, _ := strconv.Atoi(e)
	return m + "e" + strconv.Itoa(exp)
}
