package sinenet

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"flag"
	"fmt"
	"maps"
	"math"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
)

var updateBits = flag.Bool("update-bits", false, "write the hashes of TestBits and TestBitsInputs into testdata/")

// The golden hashes: per run, the SHA-256 of the trained parameters
// (TestBits), and of the data and initial parameters (TestBitsInputs).
const (
	bitsGolden   = "testdata/bits.golden"
	inputsGolden = "testdata/inputs.golden"
)

// TestBits trains the seed suite's four configs for 200 steps and, unless
// -short, the notebooks' main runs in full (the question's two networks,
// 3000 steps each, and the answer's recipe, 1000 steps), and compares a
// hash of the final float64 parameters with testdata/bits.golden. The
// same hashes must come out of every build: the AVX2 assembly, -tags
// purego, and arm64. A run whose hash differs names its first
// parameters, to compare with another build's output. Each build makes
// its own data and initial parameters, which TestBitsInputs checks.
func TestBits(t *testing.T) {
	if *updateBits && runtime.GOARCH != "amd64" {
		t.Fatalf("-update-bits on %s: the hashes are amd64's", runtime.GOARCH)
	}
	golden := readGolden(t, bitsGolden)
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
		key := fmt.Sprintf("%s/%d", r.name, r.steps)
		t.Run(key, func(t *testing.T) {
			s := seedRunNamed(r.name)
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
				return
			}
			if want, ok := golden[key]; !ok {
				t.Errorf("no hash in %s; run go test -run TestBits ./sinenet -args -update-bits", bitsGolden)
			} else if got[key] != want {
				t.Errorf("parameters hash to %s, want %s (Params[:3] = %v)", got[key][:16], want[:16], m.Params[:3])
			}
		})
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

// TestBitsInputs compares hashes of what training starts from with the
// ones amd64 made (inputsGolden): the question's data NoisySine(4000,
// seed) for the seeds the notebooks use, the initial parameters of the
// seed suite's networks, and those of every initializer. NoisySine and
// the normal initializers draw through internal/portable, so every build
// must make the same bits; with Go's math.Sin and rand's NormFloat64,
// arm64 made others.
func TestBitsInputs(t *testing.T) {
	golden := readGolden(t, inputsGolden)
	got := map[string]string{}
	check := func(name string, v []float64) {
		got[name] = paramsHash(v)
		if *updateBits {
			return
		}
		if want, ok := golden[name]; !ok {
			t.Errorf("%s: no hash in %s; run go test -run TestBitsInputs ./sinenet -args -update-bits", name, inputsGolden)
		} else if got[name] != want {
			t.Errorf("%s: hashes to %s, want %s (amd64's); first values %v", name, got[name][:16], want[:16], v[:3])
		}
	}
	for seed := uint64(1); seed <= 10; seed++ {
		d := NoisySine(QuestionN, seed)
		check(fmt.Sprintf("data/%d", seed), append(append([]float64(nil), d.X...), d.Y...))
		for _, s := range seedSuite() {
			cfg := s.cfg
			cfg.Seed = seed
			check(fmt.Sprintf("%s/%d", s.name, seed), build(cfg).Params)
		}
	}
	for _, in := range Inits {
		cfg := ModelB(1)
		cfg.NoBias, cfg.Init = false, in
		check("init/"+string(in), build(cfg).Params)
	}
	if *updateBits {
		if runtime.GOARCH != "amd64" {
			t.Fatalf("-update-bits on %s: the hashes are amd64's", runtime.GOARCH)
		}
		writeGolden(t, inputsGolden, "# SHA-256 of the float64 data and initial parameters, per name/seed (TestBitsInputs).", got, slices.Sorted(maps.Keys(got)))
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

func readGolden(t *testing.T, path string) map[string]string {
	m := map[string]string{}
	f, err := os.Open(path)
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
			t.Fatalf("%s: line %q is not \"name hash\"", path, line)
		}
		m[k] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}

func writeBitsGolden(t *testing.T, m map[string]string) {
	var keys []string
	for _, s := range seedSuite() {
		for _, steps := range []int{200, s.opts().Steps} {
			if k := fmt.Sprintf("%s/%d", s.name, steps); m[k] != "" {
				keys = append(keys, k)
			}
		}
	}
	writeGolden(t, bitsGolden, "# SHA-256 of the float64 parameters after training, per run/steps (TestBits).\n# Every build must give these: AVX2 assembly, -tags purego, arm64.", m, keys)
}

// writeGolden writes "key hash" lines for keys, after a comment.
func writeGolden(t *testing.T, path, comment string, m map[string]string, keys []string) {
	var b strings.Builder
	b.WriteString(comment + "\n")
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %s\n", k, m[k])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
