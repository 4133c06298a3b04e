package figure

import (
	"math"
	"strconv"
	"strings"
)

// Rate writes a learning rate in the learner's units, as the notebooks'
// prose, the knobs' slider and the playground do: a power of ten below 0.1 (1e-2, 5e-3,
// 2.5e-4, 4e-7), a decimal from 0.1 up (0.1, 0.5, 2).
func Rate(lr float64) string {
	a := math.Abs(lr)
	if a >= 0.1 || a == 0 || math.IsNaN(lr) || math.IsInf(lr, 0) {
		return strconv.FormatFloat(lr, 'g', -1, 64)
	}
	m, e, _ := strings.Cut(strconv.FormatFloat(lr, 'e', -1, 64), "e") // "1e-02"
	exp, _ := strconv.Atoi(e)
	return m + "e" + strconv.Itoa(exp)
}
