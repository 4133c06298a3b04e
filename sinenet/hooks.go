package sinenet

import (
	"fmt"
	"math"
)

// Hooks combines hooks into one Options.Hook, which calls each non-nil h
// of hs in turn, up to an error.
func Hooks(hs ...func(Progress) error) func(Progress) error {
	return func(p Progress) error {
		for _, h := range hs {
			if h == nil {
				continue
			}
			if err := h(p); err != nil {
				return err
			}
		}
		return nil
	}
}

// GradNorms records each layer's ‖dW‖, to watch gradients vanish in
// saturated layers: its Hook goes in Options.Hook.
type GradNorms struct {
	Steps []int       // the steps recorded
	Norms [][]float64 // Norms[i][k] is ‖dW‖ of layer k at Steps[i]
}

// Hook records the gradient norms of p.Model at step p.Step.
func (g *GradNorms) Hook(p Progress) error {
	if g == nil {
		return nilHook("GradNorms")
	}
	row := make([]float64, len(p.Model.Layers))
	for k, l := range p.Model.Layers {
		s := 0.0
		for _, v := range l.DW {
			s += float64(v * v)
		}
		row[k] = math.Sqrt(s)
	}
	g.Steps, g.Norms = append(g.Steps, p.Step), append(g.Norms, row)
	return nil
}

// nilHook is the error of a Hook method called on a nil pointer, as in
// "var norms *sinenet.GradNorms" followed by Options{Hook: norms.Hook}.
func nilHook(typ string) error {
	return fmt.Errorf("sinenet: the Hook of a nil *%s; make one first, e.g. x := &sinenet.%s{}", typ, typ)
}
