package sinenet

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestNoFusedMultiplyAdd compiles this package, exercise, knobs,
// internal/kernel and internal/portable (the data's sine and noise) for
// arm64 and fails on any fused multiply-add in their assembly: the Go
// compiler fuses x*y + z there (not on amd64), which would give arm64
// other numbers than amd64 (see docs/speed.md, "In the code"). It lists each line to rewrite as float64(x*y) + z. A line that
// calls math.FMA fuses on purpose, on every machine.
//
// Left out: the 2-D test surfaces and their paths (surface.go, path.go),
// whose formulas stay as the textbooks write them, and the plots' layout
// (plot_*.go), nor code inlined from other modules. Their last bits may differ on arm64; training does not use
// them.
var fusedAllowed = regexp.MustCompile(`^sinenet/(surface|path|plot_\w+)\.go:`)

func TestNoFusedMultiplyAdd(t *testing.T) {
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-gcflags=-S", ".", "./exercise", "./knobs", "../internal/kernel", "../internal/portable")
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH=arm64", "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("GOARCH=arm64 go build -gcflags=-S: %v\n%s", err, out)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	fused := regexp.MustCompile(`\(([^()]+\.go:\d+)\)\s+(FN?M(ADD|SUB)[SD])\s`)
	seen := map[string]bool{}
	for _, m := range fused.FindAllSubmatch(out, -1) {
		if !strings.HasPrefix(string(m[1]), root+string(filepath.Separator)) {
			continue // inlined from a dependency, e.g. gonum/plot's layout
		}
		at := filepath.Base(filepath.Dir(string(m[1]))) + "/" + filepath.Base(string(m[1]))
		if fusedAllowed.MatchString(at) || callsFMA(string(m[1])) {
			continue
		}
		if !seen[at] {
			seen[at] = true
			t.Errorf("%s: %s, a fused multiply-add on arm64", at, m[2])
		}
	}
	if len(out) < 10000 {
		t.Fatalf("the arm64 assembly listing is %d bytes; expected the packages' whole listing", len(out))
	}
}

// callsFMA reports whether the source line at "file.go:n" calls math.FMA,
// whose fused multiply-add is meant (and the same on every machine).
func callsFMA(at string) bool {
	file, line, _ := strings.Cut(at, ".go:")
	b, err := os.ReadFile(file + ".go")
	n, _ := strconv.Atoi(line)
	lines := strings.Split(string(b), "\n")
	return err == nil && n >= 1 && n <= len(lines) && strings.Contains(lines[n-1], "math.FMA(")
}
