package figure

import (
	"hash/fnv"
	"image/color"
	"strings"
)

// optimizerColors are the optimizers' colours in every figure, by the key
// that sinenet.OptimizerByName accepts.
var optimizerColors = map[string]uint32{
	"gd":       0x1f77b4, // blue
	"sgd":      0x1f77b4,
	"momentum": 0xff7f0e, // orange
	"nesterov": 0x8c564b, // brown
	"adagrad":  0x9467bd, // purple
	"rmsprop":  0x2ca02c, // green
	"adam":     0xd62728, // red
	"amsgrad":  0xe377c2, // pink
	"adamw":    0x17becf, // cyan
	"lbfgs":    0x000000, // black
}

// colorKey is the key of name: the first word, lower case, without "-"
// and "_". "Adam lr=0.1" and "adam" are "adam", "L-BFGS" is "lbfgs".
func colorKey(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	if i := strings.IndexAny(name, " (,:=+"); i > 0 {
		name = name[:i]
	}
	return strings.NewReplacer("-", "", "_", "").Replace(name)
}

// OptimizerColor returns the colour of an optimizer in every figure,
// matching its name without regard to case, "-" or "_", and looking only
// at the first word: "Adam", "adam" and "Adam lr=0.1" are all red,
// "AdamW+AMSGrad" is AdamW's cyan, "L-BFGS" and "lbfgs" black. Other names
// get a colour from a fallback palette, always the same one for the same
// name.
func OptimizerColor(name string) color.Color {
	key := colorKey(name)
	if c, ok := optimizerColors[key]; ok {
		return rgb(c)
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return fallbackColors[h.Sum32()%uint32(len(fallbackColors))]
}
