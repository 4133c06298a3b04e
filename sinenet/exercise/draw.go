package exercise

import (
	crand "crypto/rand"
	"encoding/binary"
	"fmt"
	"math/rand/v2"

	"github.com/sinenet/sinenet/internal/lang"
)

// Draw, when not 0, is the seed of the next check's draw instead of a
// fresh one: set it to the seed a failing check printed to repeat that
// check on the same data, networks or matrices.
//
// The exercises where the learner writes code (4 to 7) check it on data,
// networks or matrices drawn when the check runs, from crypto/rand, and
// compute the expected answer then. The source is open, so a fixed seed
// would not be hidden; a fresh draw cannot be precomputed, and a number
// read off an earlier output does not pass.
var Draw uint64

// draw returns the seed of a check's draw: Draw, or a fresh one.
func draw() uint64 {
	if Draw != 0 {
		return Draw
	}
	var b [8]byte
	if _, err := crand.Read(b[:]); err != nil {
		panic("exercise: crypto/rand: " + err.Error()) // crypto/rand does not fail on the systems Go supports
	}
	return binary.LittleEndian.Uint64(b[:])>>1 | 1 // positive, never 0
}

// rng is the random source of a draw.
func rng(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x5eed)) }

// seedLine is the line a failing check on a draw prints under its hint.
func seedLine(seed uint64) string {
	return fmt.Sprintf(lang.Say("\n  draw: seed %d (exercise.Draw = %d repeats it)", "\n  抽样：随机种子 %d（令 exercise.Draw = %d 即可重现）"), seed, seed)
}
