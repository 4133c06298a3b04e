package sinenet

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

var updateBits = flag.Bool("update-bits", false, "write the parameters' hashes of TestBits into testdata/bits.golden")

// bitsGolden holds, per run, the SHA-256 of the trained parameters.
const bitsGolden = "testdata/bits.golden"

// TestBits trains the seed suite's four configs for 200 steps and, unless
// -short, the notebooks' main runs in full (the question's two networks,
// 3000 steps each, and the answer's recipe, 1000 steps), and compares a
// hash of the final float64 parameters with testdata/bits.golden. The
// same hashes must come out of every build: the AVX2 assembly, -tags
// purego, and arm64. A run whose hash differs names its first
// parameters, to compare with another build's output.
func TestBits(t *testing.T) {
	golden := readBitsGolden(t)
	d := NoisySine(QuestionN, 1)
	type run struct {
		name  string
		steps int
	}
	var runs []run
	for _, s := range seedSuite() {
		runs = append(runs, run{s.name, 200})
	}
	if !testing.Short() {
		runs = append(runs, run{"question-shallow", QuestionSteps}, run{"question-deep", QuestionSteps}, run{"answer-deep", AnswerSteps})
	}
	got := map[string]string{}
	for _, r := range runs {
		s := seedRunNamed(r.name)
		key := fmt.Sprintf("%s/%d", r.name, r.steps)
		m, err := New(s.cfg)
		if err != nil {
			t.Fatal(err)
		}
		o := s.opts()
		o.Steps = r.steps
		if _, err := Train(context.Background(), m, d, o); err != nil {
			t.Fatal(err)
		}
		got[key] = paramsHash(m.Params)
		if *updateBits {
			continue
		}
		if want, ok := golden[key]; !ok {
			t.Errorf("%s: no hash in %s; run go test -run TestBits ./sinenet -args -update-bits", key, bitsGolden)
		} else if got[key] != want {
			t.Errorf("%s: parameters hash to %s, want %s (Params[:3] = %v)", key, got[key][:16], want[:16], m.Params[:3])
		}
	}
	if *updateBits {
		for k, v := range golden {
			if _, ok := got[k]; !ok {
				got[k] = v
			}
		}
		writeBitsGolden(t, got)
	}
}

func seedRunNamed(name string) seedRun {
	for _, s := range seedSuite() {
		if s.name == name {
			return s
		}
	}
	panic("sinenet: no seed run " + name)
}

// paramsHash returns the hex SHA-256 of p's float64 bits, little-endian.
func paramsHash(p []float64) string {
	h := sha256.New()
	var b [8]byte
	for _, v := range p {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))
}

func readBitsGolden(t *testing.T) map[string]string {
	m := map[string]string{}
	f, err := os.Open(bitsGolden)
	if os.IsNotExist(err) && *updateBits {
		return m
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("%s: line %q is not \"run/steps hash\"", bitsGolden, line)
		}
		m[k] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}

func writeBitsGolden(t *testing.T, m map[string]string) {
	var b strings.Builder
	b.WriteString("# SHA-256 of the float64 parameters after training, per run/steps (TestBits).\n")
	b.WriteString("# Every build must give these: AVX2 assembly, -tags purego, arm64.\n")
	for _, s := range seedSuite() {
		for _, steps := range []int{200, s.opts().Steps} {
			k := fmt.Sprintf("%s/%d", s.name, steps)
			if v, ok := m[k]; ok {
				fmt.Fprintf(&b, "%s %s\n", k, v)
				delete(m, k)
			}
		}
	}
	if err := os.WriteFile(bitsGolden, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
