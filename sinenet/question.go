package sinenet

// ModelA is the question's network 1-128-1: tanh, no biases, N(0, 1) weights.
func ModelA(seed uint64) Config {
	return Config{Sizes: []int{1, 128, 1}, Acts: []Activation{Tanh, Tanh}, NoBias: true, Init: StdNormal, Seed: seed}
}

// ModelB is the question's deeper network: ModelA with sizes 1-32-128-32-1.
func ModelB(seed uint64) Config {
	return Config{Sizes: []int{1, 32, 128, 32, 1}, Acts: []Activation{Tanh, Tanh, Tanh, Tanh}, NoBias: true, Init: StdNormal, Seed: seed}
}

// AnswerModel is our reconstruction of the answer's network: ModelB's sizes
// as nn.Linear layers (biases, PyTorch's init), tanh, a linear output.
func AnswerModel(seed uint64) Config {
	return Config{Sizes: []int{1, 32, 128, 32, 1}, Acts: []Activation{Tanh, Tanh, Tanh, Identity}, Init: PyTorch, Seed: seed}
}

// QuestionOptions trains as the question did: NewGD(QuestionLR) on
// SumSquared for QuestionSteps.
func QuestionOptions() Options {
	return Options{Optimizer: NewGD(QuestionLR), Loss: SumSquared{}, Steps: QuestionSteps}
}

// AnswerOptions trains as the answer did: NewAdam(AnswerLR) on L1 for
// AnswerSteps.
func AnswerOptions() Options {
	return Options{Optimizer: NewAdam(AnswerLR), Loss: L1{}, Steps: AnswerSteps}
}
