package sinenet

// InputError is an unknown name (of an activation, initializer, loss or
// optimizer) or a layer size below 1. Its Error is English; its fields let
// a learner-facing package (sinenet/figure's Explain) say it in the
// notebook's language.
type InputError struct {
	Kind  string // "activation", "initializer", "optimizer" or "size"
	Name  string // the unknown name; "" for a size
	Layer int    // for a size: the layer, from 0 (the input), and its Size
	Size  int
	msg   string
}

func (e *InputError) Error() string { return e.msg }
