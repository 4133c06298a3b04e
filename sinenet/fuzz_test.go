package sinenet

import (
	"context"
	"errors"
	"math"
	"testing"
)

// FuzzTrain trains a small network with fuzzed Options (optimizer, loss,
// schedule, steps, batch size, Every, validation data, a hook, the
// reference path) and optimizer settings, zero values and nil pointers
// included, and wants no panic: either an error or
// a run whose parameters are finite. A *DivergedError must leave them
// finite too.
func FuzzTrain(f *testing.F) {
	f.Add(uint8(0), 10, 0, 0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, uint8(0), uint8(0), 0.0, false, false)
	f.Add(uint8(5), 20, 7, 3, 1e-2, 0.9, 0.999, 1e-8, 0.0, 0.0, uint8(1), uint8(1), 0.5, true, true)
	f.Add(uint8(1), 5, 0, 1, 10.0, 1.5, 0.0, 0.0, 0.0, 0.0, uint8(0), uint8(2), 2.0, false, false)
	f.Add(uint8(8), 15, 0, 5, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, uint8(2), uint8(0), 0.0, false, true)
	f.Add(uint8(6), 8, 0, 2, 1e-2, math.Copysign(0, -1), math.Copysign(0, -1), math.Copysign(0, -1), 0.0, 0.0, uint8(3), uint8(3), 0.0, false, false)
	f.Add(uint8(9), 10, 0, 0, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, uint8(0), uint8(0), 0.0, false, false)
	f.Add(uint8(10), 10, 0, 3, 0.1, 0.0, 0.0, 0.0, 0.0, 0.0, uint8(0), uint8(12), 0.0, false, false)
	f.Add(uint8(3), 30, 8, 4, 1e-2, 0.0, 0.0, 0.0, 0.0, 0.0, uint8(2), uint8(13), 0.9, true, false)
	d := NoisySine(40, 1)
	f.Fuzz(func(t *testing.T, kind uint8, steps, batch, every int, lr, a, b, eps, wd, damp float64, loss, sched uint8, gamma float64, flag, ref bool) {
		m := mustNew(t, Config{Sizes: []int{1, 6, 1}, Seed: 1})
		var opt Optimizer
		switch kind % 11 {
		case 0:
			opt = &SGD{LearningRate: lr, Momentum: a, Dampening: damp, Nesterov: flag, WeightDecay: wd}
		case 1:
			opt = &Adagrad{LearningRate: lr, LRDecay: a, WeightDecay: wd, InitialAccumulatorValue: b, Eps: eps}
		case 2:
			opt = &RMSprop{LearningRate: lr, Alpha: a, Eps: eps, WeightDecay: wd, Momentum: b, Centered: flag}
		case 3, 4:
			opt = &Adam{LearningRate: lr, Beta1: a, Beta2: b, Eps: eps, WeightDecay: wd, AMSGrad: flag}
		case 5, 6:
			opt = &AdamW{LearningRate: lr, Beta1: a, Beta2: b, Eps: eps, WeightDecay: wd, AMSGrad: flag}
		case 7:
			opt = &LBFGS{HistorySize: int(a * 10), GradTol: eps}
		case 8:
			opt = nil
		case 9:
			opt = (*Adam)(nil) // declared, never made
		case 10:
			opt = (*LBFGS)(nil)
		}
		o := Options{Optimizer: opt, Steps: steps % 40, BatchSize: batch % 60, Every: every % 20, Seed: uint64(batch), Reference: ref}
		o.Loss = []Loss{nil, MeanSquared{}, SumSquared{}, L1{}, Huber{Delta: 1}}[loss%5]
		switch sched % 4 {
		case 1:
			o.Schedule = ExponentialLR{Gamma: gamma}
		case 2:
			o.Schedule = StepLR{StepSize: every % 7, Gamma: gamma}
		case 3:
			o.Schedule = CosineAnnealingLR{TMax: steps % 50, EtaMin: gamma}
		}
		if sched&4 != 0 {
			o.Valid = NoisySine(10, 2)
		}
		if sched&8 != 0 { // a hook that stops the run
			o.Hook = Hooks(nil, func(p Progress) error {
				if p.Step >= every%7 {
					return ErrStop
				}
				return nil
			})
		}
		_, err := Train(context.Background(), m, d, o)
		var de *DivergedError
		if err == nil || errors.As(err, &de) {
			if i := firstNotFinite(m.Params); i >= 0 {
				t.Errorf("error %v, yet parameter %d is %g", err, i, m.Params[i])
			}
		}
		if de != nil && de.Suggest != 0 && !(de.Suggest > 0 && de.Suggest < de.LR) {
			t.Errorf("suggested rate %g after lr %g", de.Suggest, de.LR)
		}
	})
}
