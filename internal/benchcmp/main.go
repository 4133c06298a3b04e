// Command benchcmp runs sinenet's seed suite (BenchmarkSeedSuite) and its
// PyTorch peer (torch_bench.py, beside this file) alternately on the same
// machine, and prints a table of time per training step, their ratio and
// the share of the machine's peak FLOP rate each reaches. It then times
// whole training runs (BenchmarkSeedRuns). `make bench` runs it from the
// module root:
//
//	go run ./internal/benchcmp [-rounds 3] [-benchtime 1s]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// config is one seed-suite configuration.
type config struct {
	name   string
	sizes  []int
	target float64 // the ratio sinenet/PyTorch to stay under
}

var configs = []config{
	{"question-shallow", []int{1, 128, 1}, 0.10},
	{"question-deep", []int{1, 32, 128, 32, 1}, 0.50},
	{"answer-shallow", []int{1, 128, 1}, 0.10},
	{"answer-deep", []int{1, 32, 128, 32, 1}, 0.50},
}

const rows = 4000 // the question's data set

// flops counts the floating-point operations of one training step's
// matrix products, 2 per multiply-add: the forward x·W, and the backward
// xᵀ·dz and dz·Wᵀ (the latter not for the first layer, whose input needs
// no gradient). Biases, activations, the loss and the update are left out.
func flops(sizes []int) float64 {
	f := 0.0
	for i := 1; i < len(sizes); i++ {
		mac := float64(rows * sizes[i-1] * sizes[i])
		f += 2 * mac * 2 // forward and dW
		if i > 1 {
			f += 2 * mac // dx
		}
	}
	return f
}

func main() {
	rounds := flag.Int("rounds", 3, "alternating rounds of sinenet and PyTorch")
	benchtime := flag.Duration("benchtime", 1e9, "time per configuration and round")
	python := flag.String("python", "/usr/bin/python3", "the Python with PyTorch")
	ghz := flag.Float64("ghz", 0, "clock for the peak FLOP rate; 0 measures it")
	cores := flag.Int("cores", runtime.NumCPU(), "cores for the peak FLOP rate")
	runs := flag.Bool("runs", true, "also time whole training runs (BenchmarkSeedRuns)")
	flag.Parse()
	log.SetFlags(0)

	tmp, err := os.MkdirTemp("", "benchcmp")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "sinenet.test")
	run("go", "test", "-c", "-o", bin, "./sinenet")
	script := filepath.Join("internal", "benchcmp", "torch_bench.py")

	goMS := map[string][]float64{}
	torchMS := map[string][]float64{}
	allocs := map[string]string{}
	var torchInfo string
	goLine := regexp.MustCompile(`^BenchmarkSeedSuite/(\S+?)(-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+\d+ B/op\s+(\d+) allocs/op)?`)
	for r := range *rounds {
		log.Printf("round %d of %d: sinenet, then PyTorch", r+1, *rounds)
		out := run(bin, "-test.run", "^$", "-test.bench", "^BenchmarkSeedSuite$", "-test.benchtime", benchtime.String())
		for _, line := range lines(out) {
			if m := goLine.FindStringSubmatch(line); m != nil {
				ns, _ := strconv.ParseFloat(m[3], 64)
				goMS[m[1]] = append(goMS[m[1]], ns/1e6)
				allocs[m[1]] = m[4]
			}
		}
		out = run(*python, script, "--seconds", fmt.Sprint(benchtime.Seconds()))
		for _, line := range lines(out) {
			f := strings.Fields(line)
			if strings.HasPrefix(line, "#") {
				torchInfo = strings.TrimSpace(strings.TrimPrefix(line, "#"))
			} else if len(f) == 2 {
				ms, _ := strconv.ParseFloat(f[1], 64)
				torchMS[f[0]] = append(torchMS[f[0]], ms)
			}
		}
	}

	clock, how := *ghz, "given"
	if clock == 0 {
		clock, how = measureGHz(), "measured"
	}
	// Zen and recent Intel cores issue 2 FMAs per cycle on 256-bit
	// vectors: 8 float32 lanes, 2 FLOP each.
	peak := float64(*cores) * 2 * 8 * 2 * clock // GFLOP/s

	fmt.Println()
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "config\tsinenet ms/step\tPyTorch ms/step\tratio\ttarget\tMFLOP/step\tsinenet % peak\tPyTorch % peak\tallocs/step\t")
	for _, c := range configs {
		g, t := median(goMS[c.name]), median(torchMS[c.name])
		f := flops(c.sizes)
		share := func(ms float64) string { return fmt.Sprintf("%.1f%%", 100*f/(ms*1e-3)/(peak*1e9)) }
		mark := ""
		if g/t > c.target {
			mark = " (missed)"
		}
		fmt.Fprintf(w, "%s\t%.3f\t%.3f\t%.3f%s\t≤ %.2f\t%.1f\t%s\t%s\t%s\t\n",
			c.name, g, t, g/t, mark, c.target, f/1e6, share(g), share(t), allocs[c.name])
	}
	w.Flush()
	fmt.Printf(`
Medians of %d alternating rounds of %v per configuration; one step is a
full-batch forward pass, backward pass and update on %d points, float32
in PyTorch (%s), float32 kernels with float64 parameters in sinenet
(GOMAXPROCS %d).
FLOP per step counts the matrix products only, 2 per multiply-add:
forward x·W, backward xᵀ·dz and dz·Wᵀ (not for the first layer).
Assumed peak: %d cores × 2 FMA units × 8 float32 lanes (AVX2) × 2 FLOP
× %.2f GHz (%s; /proc/cpuinfo says %.2f) = %.0f GFLOP/s.
`, *rounds, *benchtime, rows, torchInfo, runtime.GOMAXPROCS(0), *cores, clock, how, cpuinfoGHz(), peak)
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Printf("Load average at the end: %s", load)
	}

	if *runs {
		fmt.Println("\nWhole training runs through Train (question: 3000 steps, answer: 1000):")
		out := run(bin, "-test.run", "^$", "-test.bench", "^BenchmarkSeedRuns$", "-test.benchtime", "3x")
		runLine := regexp.MustCompile(`^BenchmarkSeedRuns/(\S+?)(-\d+)?\s+\d+\s+.*?([\d.]+) s/run`)
		for _, line := range lines(out) {
			if m := runLine.FindStringSubmatch(line); m != nil {
				s, _ := strconv.ParseFloat(m[3], 64)
				limit := 1.0
				if strings.HasSuffix(m[1], "deep") {
					limit = 10
				}
				fmt.Printf("  %-17s %6.3f s   (target < %g s)\n", m[1], s, limit)
			}
		}
	}
}

// run runs a command and returns its standard output, or exits.
func run(name string, args ...string) []byte {
	cmd := exec.Command(name, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.Bytes())
	}
	return out.Bytes()
}

func lines(b []byte) []string {
	var ls []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		ls = append(ls, sc.Text())
	}
	return ls
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// measureGHz estimates the clock under load: a chain of dependent
// multiply-adds on integers (IMUL, 3 cycles, then INC, 1 cycle) timed in
// CPU time, so that other processes on the machine do not count. The best
// of 5 runs.
func measureGHz() float64 {
	best := 0.0
	for range 5 {
		const n = 100_000_000
		t0 := cpuTime()
		sink += chain(n, 3)
		if s := (cpuTime() - t0).Seconds(); s > 0 {
			best = max(best, 4*n/s/1e9)
		}
	}
	return best
}

var sink uint64

//go:noinline
func chain(n int, x uint64) uint64 {
	for range n {
		x = x*x + 1
	}
	return x
}

func cpuTime() time.Duration {
	var r syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r)
	return time.Duration(r.Utime.Nano() + r.Stime.Nano())
}

// cpuinfoGHz reads the nominal clock of the first CPU from /proc/cpuinfo,
// or returns 0.
func cpuinfoGHz() float64 {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return 0
	}
	for _, line := range lines(b) {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "cpu MHz" {
			if mhz, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
				return mhz / 1000
			}
		}
	}
	return 0
}
