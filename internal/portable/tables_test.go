package portable

import (
	"math"
	"math/rand/v2"
	"testing"
)

// script is a rand.Source that returns given numbers, then zeros, and
// counts the draws.
type script struct {
	next  []uint64
	drawn int
}

func (s *script) Uint64() uint64 {
	s.drawn++
	if len(s.next) == 0 {
		return 0
	}
	v := s.next[0]
	s.next = s.next[1:]
	return v
}

// draw returns what sample makes of the draws u (then zeros), and how
// many draws it took.
func draw(sample func(*rand.Rand) float64, u ...uint64) (float64, int) {
	s := &script{next: u}
	return sample(rand.New(s)), s.drawn
}

// layer returns the first draw that picks layer i and abscissa j.
func layer(i int, j int32) uint64 { return uint64(i)<<32 | uint64(uint32(j)) }

// TestZigguratTables checks gen.go's tables against what math/rand/v2's
// NormFloat64 implies, through draws chosen for it:
//   - zigK[i]: the smallest j ≥ 0 for which NormFloat64 takes a second
//     draw (binary search);
//   - zigW[i]: NormFloat64 returns 1·wn[i] for j = 1 (in layer 1, whose
//     zigK is 0, through the wedge with a second draw of 0);
//   - zigF: in the wedge with a second draw of 0 (height zigF[i]) and of
//     2^64-1 (height about zigF[i-1]), NormFloat64 and Normal accept the
//     same j. Each accepts the j from zigK[i] up to some bound (the curve
//     falls as |j| grows), so finding NormFloat64's bound by binary
//     search and trying Normal on both sides of it covers every j.
func TestZigguratTables(t *testing.T) {
	std := (*rand.Rand).NormFloat64
	for i := range 128 {
		lo, hi := int32(0), int32(math.MaxInt32) // the first j with a second draw is in (lo, hi]
		if _, n := draw(std, layer(i, hi)); n == 1 {
			hi = -1 // never: zigK[i] would be 2^31
		}
		for hi > 0 && hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if _, n := draw(std, layer(i, mid)); n > 1 {
				hi = mid
			} else {
				lo = mid
			}
		}
		if _, n := draw(std, layer(i, 0)); n > 1 {
			hi = 0
		}
		if int64(hi) != int64(zigK[i]) {
			t.Errorf("zigK[%d] = %#x, NormFloat64 implies %#x", i, zigK[i], hi)
		}
		if w, _ := draw(std, layer(i, 1)); w != float64(zigW[i]) {
			t.Errorf("zigW[%d] = %v, NormFloat64 implies %v", i, zigW[i], w)
		}
		if i == 0 {
			continue // the base layer has no wedge: its rest is the tail
		}
		for _, u := range []uint64{0, math.MaxUint64} {
			accepts := func(sample func(*rand.Rand) float64, j int32) bool {
				_, n := draw(sample, layer(i, j), u, layer(0, 0))
				return n == 2
			}
			// The first j ≥ zigK[i] that NormFloat64 rejects, or 2^31.
			lo, hi := int64(zigK[i])-1, int64(math.MaxInt32)+1 // accepted at lo (or below the wedge), rejected at hi
			for hi-lo > 1 {
				mid := lo + (hi-lo)/2
				if accepts(std, int32(mid)) {
					lo = mid
				} else {
					hi = mid
				}
			}
			if lo >= int64(zigK[i]) && !accepts(Normal, int32(lo)) || hi <= math.MaxInt32 && accepts(Normal, int32(hi)) {
				t.Errorf("layer %d, second draw %#x: NormFloat64 accepts j from %d to %d, Normal does not (zigF[%d] = %v)", i, u, zigK[i], lo, i, zigF[i])
			}
		}
	}
}
