package sinenet

// The setups of the original question and its answer.
const (
	QuestionLR    = 4e-7 // plain gradient descent on the summed squared error
	QuestionSteps = 3000
	AnswerLR      = 1e-2 // Adam on the L1 loss
	AnswerSteps   = 1000
)

// ModelA is the question's shallow network: sizes 1-128-1, tanh on the
// hidden layer and on the output, no biases, N(0, 1) weights.
func ModelA(seed uint64) Config {
	return Config{Sizes: []int{1, 128, 1}, Acts: []Activation{Tanh, Tanh}, NoBias: true, Init: StdNormal, Seed: seed}
}

// ModelB is the question's deeper network: sizes 1-32-128-32-1, otherwise
// like ModelA.
func ModelB(seed uint64) Config {
	return Config{Sizes: []int{1, 32, 128, 32, 1}, Acts: []Activation{Tanh, Tanh, Tanh, Tanh}, NoBias: true, Init: StdNormal, Seed: seed}
}

// AnswerModel is the network the answer trained with Adam: sizes
// 1-128-1 built from nn.Linear layers, so with biases and PyTorch's
// default init, tanh on the hidden layer and a linear output.
func AnswerModel(seed uint64) Config {
	return Config{Sizes: []int{1, 128, 1}, Acts: []Activation{Tanh, Identity}, Init: PyTorch, Seed: seed}
}
