package notebooktest_test

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// A quantity is one number as the prose of a notebook writes it: 0.0175,
// 1.5·10⁻³, 4·10⁻⁷, 10⁻², 1e-2, 47%, 2999, 57,000, 1.22×, −0.12, ±0.18,
// or a range 0.72–0.83. An exponent belongs to its number, a sign, a %
// or a × to the number they touch, and a range is one quantity with two
// ends.
type quantity struct {
	text string // as written
	at   int    // where it starts in the prose, in bytes
	ends []end  // one, or two for a range
}

// end is one end of a quantity: its value, and half a unit of its last
// written digit, the rounding the prose allows when nothing else is
// stated (for 0.112, 0.0005; for 4·10⁻⁷, 0.5·10⁻⁷; for 2999, 0.5).
type end struct {
	v, half float64
}

// The parts of a quantity. mantissa takes thousands separators (57,000)
// only as groups of three digits; exponent is ·10ⁿ, ×10ⁿ or eN; a bare
// 10ⁿ is a mantissa with a superscript exponent.
const (
	sign     = `[−+±-]?`
	mantissa = `(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)`
	super    = `[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+`
	exponent = `(?:\s?[·×]\s?10` + super + `|` + super + `|[eE][-+]?[0-9]+)?`
	suffix   = `(?:\s?%|×)?`
	one      = sign + mantissa + exponent + suffix
)

// quantityRE matches a quantity: one number, or two joined by an en dash or
// a tilde (a range). A sign counts only where no letter or digit precedes
// it, so the hyphen of fan-in or 1-128-1 is no minus; the skip rules
// (prose_skip_test.go) take such strings out first anyway.
var quantityRE = regexp.MustCompile(`(^|[^\p{L}\p{N}.,_])(` + one + `(?:\s?[–~～]\s?` + one + `)?)`)

var oneRE = regexp.MustCompile(`^(` + sign + `)(` + mantissa + `)(` + exponent + `)(` + suffix + `)$`)

var superDigits = strings.NewReplacer("⁻", "-", "⁺", "+", "⁰", "0", "¹", "1", "²", "2", "³", "3", "⁴", "4", "⁵", "5", "⁶", "6", "⁷", "7", "⁸", "8", "⁹", "9")

// quantities returns the quantities of prose, in order.
func quantities(prose string) []quantity {
	var qs []quantity
	for _, m := range quantityRE.FindAllStringSubmatchIndex(prose, -1) {
		text := prose[m[4]:m[5]]
		q := quantity{text: text, at: m[4]}
		for _, part := range regexp.MustCompile(`\s?[–~～]\s?`).Split(text, -1) {
			e, ok := parseEnd(part)
			if !ok {
				panic("quantities: " + part + " matched but does not parse")
			}
			q.ends = append(q.ends, e)
		}
		qs = append(qs, q)
	}
	return qs
}

// parseEnd parses one number of a quantity.
func parseEnd(s string) (end, bool) {
	m := oneRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return end{}, false
	}
	sgn, mant, exp := m[1], strings.ReplaceAll(m[2], ",", ""), strings.TrimSpace(m[3])
	v, err := strconv.ParseFloat(mant, 64)
	if err != nil {
		return end{}, false
	}
	// half a unit of the last written digit of the mantissa
	half := 0.5
	if _, frac, ok := strings.Cut(mant, "."); ok {
		half = 0.5 * math.Pow(10, -float64(len(frac)))
	}
	scale := 1.0
	switch {
	case exp == "":
	case strings.HasPrefix(exp, "e") || strings.HasPrefix(exp, "E"):
		n, _ := strconv.Atoi(exp[1:])
		scale = math.Pow(10, float64(n))
	case strings.HasPrefix(exp, "·") || strings.HasPrefix(exp, "×"):
		n, _ := strconv.Atoi(superDigits.Replace(strings.TrimSpace(strings.TrimLeft(exp, "·× "))[2:]))
		scale = math.Pow(10, float64(n))
	default: // a superscript straight after the mantissa: 10⁻² is 10 to the -2
		n, _ := strconv.Atoi(superDigits.Replace(exp))
		v, half, scale = 1, 0.5, math.Pow(v, float64(n))
	}
	if sgn == "−" || sgn == "-" {
		v = -v
	}
	return end{v: v * scale, half: half * scale}, true
}

// TestQuantities checks the tokenizer on every form the notebooks write.
func TestQuantities(t *testing.T) {
	type e = end
	for _, tc := range []struct {
		prose string
		want  []quantity
	}{
		{"an RMSE of 0.0175.", []quantity{{text: "0.0175", ends: []e{{0.0175, 0.00005}}}}},
		{"lr 1.5·10⁻³ on the mean", []quantity{{text: "1.5·10⁻³", ends: []e{{1.5e-3, 0.05e-3}}}}},
		{"with learning rate 4·10⁻⁷ (", []quantity{{text: "4·10⁻⁷", ends: []e{{4e-7, 0.5e-7}}}}},
		{"2/lr = 5·10⁶,", []quantity{{text: "2", ends: []e{{2, 0.5}}}, {text: "5·10⁶", ends: []e{{5e6, 0.5e6}}}}},
		{"from 10⁻⁴ to 10⁻¹", []quantity{{text: "10⁻⁴", ends: []e{{1e-4, 0.5e-4}}}, {text: "10⁻¹", ends: []e{{1e-1, 0.5e-1}}}}},
		{"at lr 1e-2 it", []quantity{{text: "1e-2", ends: []e{{1e-2, 0.5e-2}}}}},
		{"(47%) are", []quantity{{text: "47%", ends: []e{{47, 0.5}}}}},
		{"about 90 % of them", []quantity{{text: "90 %", ends: []e{{90, 0.5}}}}},
		{"of the 2999 steps", []quantity{{text: "2999", ends: []e{{2999, 0.5}}}}},
		{"about 57,000, the most", []quantity{{text: "57,000", ends: []e{{57000, 0.5}}}}},
		{"it is 1.22× slower", []quantity{{text: "1.22×", ends: []e{{1.22, 0.005}}}}},
		{"at x ≈ −0.12", []quantity{{text: "−0.12", ends: []e{{-0.12, 0.005}}}}},
		{"a pair at x ≈ ±0.18,", []quantity{{text: "±0.18", ends: []e{{0.18, 0.005}}}}},
		{"from 0.72–0.83 and", []quantity{{text: "0.72–0.83", ends: []e{{0.72, 0.005}, {0.83, 0.005}}}}},
		{"fell from 1600–5020 to 55–81.", []quantity{{text: "1600–5020", ends: []e{{1600, 0.5}, {5020, 0.5}}}, {text: "55–81", ends: []e{{55, 0.5}, {81, 0.5}}}}},
		{"λmax 一直在 10 附近，3000 步里损失只从 5039 变到 5025。", []quantity{{text: "10", ends: []e{{10, 0.5}}}, {text: "3000", ends: []e{{3000, 0.5}}}, {text: "5039", ends: []e{{5039, 0.5}}}, {text: "5025", ends: []e{{5025, 0.5}}}}},
		{"RMSE 为 0.112，是噪声的两倍多", []quantity{{text: "0.112", ends: []e{{0.112, 0.0005}}}}},
		{"then 0.7–0.9× of it", []quantity{{text: "0.7–0.9×", ends: []e{{0.7, 0.05}, {0.9, 0.05}}}}},
		{"这只有初始时 λmax 的 1/113；", []quantity{{text: "1", ends: []e{{1, 0.5}}}, {text: "113", ends: []e{{113, 0.5}}}}},
		{"约 90% 发生在", []quantity{{text: "90%", ends: []e{{90, 0.5}}}}},
		{"fan-in and x-units, L1 and CS231n", nil},
	} {
		got := quantities(tc.prose)
		if len(got) != len(tc.want) {
			t.Errorf("quantities(%q) = %v, want %v", tc.prose, got, tc.want)
			continue
		}
		for i, q := range got {
			w := tc.want[i]
			if q.text != w.text || len(q.ends) != len(w.ends) {
				t.Errorf("quantities(%q)[%d] = %v, want %v", tc.prose, i, q, w)
				continue
			}
			for j, e := range q.ends {
				if !same(e.v, w.ends[j].v) || !same(e.half, w.ends[j].half) {
					t.Errorf("quantities(%q)[%d] end %d = %v, want %v", tc.prose, i, j, e, w.ends[j])
				}
			}
		}
	}
}

// same reports whether a and b agree to 1e-9, relative.
func same(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b)) }
