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

// AnswerModel is the network of the answer: ModelB's sizes 1-32-128-32-1
// built as PyTorch's nn.Linear layers would be, so with biases and
// PyTorch's default init, tanh on the hidden layers and a linear output.
// (The shallow 1-128-1 version, trained the same way, reaches only two of
// the three bumps in 1000 steps.)
func AnswerModel(seed uint64) Config {
	return Config{Sizes: []int{1, 32, 128, 32, 1}, Acts: []Activation{Tanh, Tanh, Tanh, Identity}, Init: PyTorch, Seed: seed}
}

// QuestionOptions trains as the question did: plain full-batch gradient
// descent with lr 4e-7 on the summed squared error, for 3000 steps.
func QuestionOptions() Options {
	return Options{Optimizer: NewGD(QuestionLR), Loss: SumSquared{}, Steps: QuestionSteps}
}

// AnswerOptions trains as the answer did: Adam with lr 1e-2 on the L1
// loss, for 1000 steps.
func AnswerOptions() Options {
	return Options{Optimizer: NewAdam(AnswerLR), Loss: L1{}, Steps: AnswerSteps}
}
