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
	"path/filepath"
	"runtime"
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
//
// The runs start from the question's data and initial parameters as
// amd64 makes them, read from testdata/bits/: Go's math.Sin and
// rand.NormFloat64 differ in the last bit between amd64 and arm64, so
// NoisySine and the StdNormal init do too. On amd64 the test checks that
// NoisySine and New still make exactly those.
func TestBits(t *testing.T) {
	golden := readBitsGolden(t)
	nd := NoisySine(QuestionN, 1)
	xy := bitsInput(t, "data", append(append([]float64(nil), nd.X...), nd.Y...))
	d := Data{X: xy[:QuestionN], Y: xy[QuestionN:]}
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
			copy(m.Params, bitsInput(t, r.name, m.Params))
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

// bitsInput returns the numbers that testdata/bits/name.f64 holds, which
// amd64 made as made. With -update-bits it writes made there instead.
func bitsInput(t *testing.T, name string, made []float64) []float64 {
	t.Helper()
	path := filepath.Join("testdata", "bits", name+".f64")
	if *updateBits {
		if runtime.GOARCH != "amd64" {
			t.Fatalf("-update-bits on %s: the inputs and hashes are amd64's", runtime.GOARCH)
		}
		b := make([]byte, 8*len(made))
		for i, v := range made {
			binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return made
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 8*len(made) {
		t.Fatalf("%s holds %d numbers, want %d; run go test -run TestBits ./sinenet -args -update-bits on amd64", path, len(b)/8, len(made))
	}
	v := make([]float64, len(made))
	same := true
	for i := range v {
		v[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
		same = same && math.Float64bits(v[i]) == math.Float64bits(made[i])
	}
	switch {
	case same:
	case runtime.GOARCH == "amd64":
		t.Errorf("%s: this build makes other numbers than the file; if on purpose, run go test -run TestBits ./sinenet -args -update-bits", name)
	default:
		t.Logf("%s: %s makes other numbers than amd64 (Go's math differs in the last bit); training from amd64's", name, runtime.GOARCH)
	}
	return v
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
