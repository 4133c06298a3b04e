# sinenet: the tutorial and its tests.
#   make tutorial   build the Docker image and open the tutorial on http://127.0.0.1:8888 (the playground on :8090)
#   make test       run every test: unit, notebooks and e2e (needs `make deps` once, as root, on Debian)
#   make unit       the package's and the notebooks' tests (tag notebooks: executes them), without Docker
#   make arm64      the arm64 build's tests under user-mode QEMU (qemu-aarch64)
#   make e2e        build the image, run the notebooks in it offline and in Chromium
#   make deps       install the Debian packages the tests need
#   make bench      time the seed suite against PyTorch (needs python3-torch)
#   make asm        regenerate internal/kernel's assembly from asm/gen.go (avo)
#   make notebooks  re-run the notebooks and write the tested outputs into notebooks/
#   make playground        build the browser playground into out/playground
#   make serve-playground  build it and serve it on http://127.0.0.1:8090/

SHELL := /bin/bash
GO ?= go

.PHONY: test unit arm64 deps bench asm notebooks tutorial e2e playground serve-playground wasm-test playground-test

test: unit wasm-test playground-test e2e

# The core must build for the browser (GOOS=js GOARCH=wasm). The tag
# notebooks adds the tests that execute the notebooks in Jupyter
# (internal/notebooktest), which a bare go test ./... leaves out.
# The tests run with the AVX2 assembly kernels, then the kernels' and
# the fast path's tests again with their pure-Go twins (the purego build
# tag), which every other platform uses; TestBits there trains the seed
# suite and the notebooks' main runs and wants the assembly's bits (about
# 4 minutes of CPU in pure Go). (The whole suite under purego takes
# longer: the question's training runs are slow in pure Go.) The race
# detector then checks that a model or optimizer shared by two runs at once
# gives an error, not a data race.
unit:
	$(GO) vet ./...
	$(GO) vet -tags purego ./...
	GOOS=js GOARCH=wasm $(GO) build ./sinenet
	$(GO) test -count=1 -timeout 30m -tags notebooks ./...
	$(GO) test -count=1 -tags purego ./internal/kernel/...
	$(GO) test -count=1 -timeout 30m -tags purego -run 'Fast|Allocs|Bits' ./sinenet
	$(GO) test -count=1 -race -run 'TestConcurrentRuns|TestActChangeBetweenRuns' ./sinenet
	$(MAKE) arm64

# The arm64 build (NEON kernels) on this amd64 machine, under user-mode
# QEMU: the kernels against the pure-Go ones bit for bit and against the
# amd64 hashes; internal/portable's sine, log, exp, tanh and normal draws
# against amd64's hashes; the data and initial parameters that arm64 makes
# itself against amd64's (TestBitsInputs); the fast path against the
# float64 reference; and the seed suite's four configs trained for 200 steps
# against amd64's hashes (TestBits). Left out as slow under emulation:
# TestTanhError (TestBitsTanh checks the NEON tanh against Tanh32 bit for
# bit on the same inputs) and TestFastSeeds (86 s of CPU). Measured: the
# four 200-step runs take about 290 s of CPU under QEMU (13.6 minutes of
# wall time on the 2 cores at load 10-17).
ARM64_SINENET_TESTS = TestFastAgrees$$|TestTrainFastMatchesReference|TestBitsInputs|TestBits$$
arm64:
	@command -v qemu-aarch64 >/dev/null || { echo "make arm64: qemu-aarch64 not found; install qemu-user (make deps)" >&2; exit 1; }
	mkdir -p out/arm64
	GOARCH=arm64 $(GO) test -c -o out/arm64/kernel.test ./internal/kernel
	GOARCH=arm64 $(GO) test -c -o out/arm64/portable.test ./internal/portable
	GOARCH=arm64 $(GO) test -c -o out/arm64/sinenet.test ./sinenet
	qemu-aarch64 out/arm64/kernel.test -test.skip TestTanhError
	qemu-aarch64 out/arm64/portable.test
	cd sinenet && qemu-aarch64 ../out/arm64/sinenet.test -test.short -test.run '$(ARM64_SINENET_TESTS)'

# Debian packages (nodejs runs the WebAssembly tests: Debian 12's v18,
# or the v20 these machines ship): Jupyter (nbconvert + nbclient) to execute the notebooks
# headless through the GoNB kernel; Docker, debootstrap and Chromium for e2e
# and the playground's test, with a CJK font (fonts-noto-cjk) so that its
# screenshots of Chinese pages show characters, not boxes; qemu-user to run
# the arm64 tests.
deps:
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		jupyter-nbconvert python3-nbclient docker.io debootstrap chromium fonts-noto-cjk qemu-user nodejs

# The tutorial in Docker: build the image, then serve JupyterLab on
# 127.0.0.1:8888, and the browser playground on 127.0.0.1:8090, until
# Ctrl-C. SINENET_TOKEN, when set, is the token.
# The container runs as uid 1000 with no capabilities and cannot gain any
# (no-new-privileges); JupyterLab, the kernels and the terminal need none.
tutorial:
	docker/build.sh sinenet
	docker run --rm -p 127.0.0.1:8888:8888 -p 127.0.0.1:8090:8090 -e SINENET_TOKEN -e SINENET_LANG \
		--security-opt no-new-privileges --cap-drop ALL sinenet

# The image as a reader uses it (see e2e/doc.go): as root. It builds the image,
# runs the Chinese notebooks offline, and all the English ones in Chromium
# against the container limited to half a CPU (E2E_CPUS; empty: no limit).
# No retry: a failure fails the target, and keeps its screenshots, the
# server's log and every kernel's state in out/e2e.
e2e:
	e2e/run.sh

# sinenet's BenchmarkSeedSuite and its PyTorch peer, alternating, then a table.
bench:
	$(GO) run ./internal/benchcmp

asm:
	cd internal/kernel && $(GO) generate

# Run every notebook headless through the GoNB kernel, check the figures
# its text claims, and write the tested outputs back into notebooks/.
notebooks:
	$(GO) test -count=1 -v -timeout 30m -tags notebooks -run TestNotebooks ./internal/notebooktest -args -update

# The browser playground (cmd/playground): sinenet compiled to WebAssembly,
# Go's wasm_exec.js and the page's static files, in one folder that any
# static file server can serve.
PLAYGROUND = out/playground
playground:
	mkdir -p $(PLAYGROUND)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o $(PLAYGROUND)/sinenet.wasm ./cmd/playground
	cp cmd/playground/*.html cmd/playground/*.js cmd/playground/*.css "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" $(PLAYGROUND)/

# The playground on http://127.0.0.1:8090/ (PLAYGROUND_ADDR), until Ctrl-C.
PLAYGROUND_ADDR = 127.0.0.1:8090
serve-playground: playground
	$(GO) run ./cmd/playground -dir $(PLAYGROUND) -addr $(PLAYGROUND_ADDR)

# The core's tests compiled to WebAssembly, under Node: the bit-identity
# checks (TestBits -short: the seed suite's four configs for 200 steps,
# giving amd64's hashes; TestBitsInputs; TestFingerprint), the gradient,
# the fast path against the reference, the optimizers' PyTorch parity,
# Train's contracts and the bad inputs' errors. Left out: the tests that
# start processes (os/exec: TestNoFusedMultiplyAdd, TestREADMEProgram),
# the plots, TestTrainAllocs, and the slowest (TestFastSeeds,
# TestFastAgrees, TestQuestionReproduced, ExampleTrain and
# ExampleDivergedError). Measured: 92 s of CPU for the whole target (6
# minutes of wall time at load 16-19). They fail, not skip, without Node.
# TestTrainAllocs is flaky under wasm, not wrong: alone it passed 10 runs
# of 10 (about 24 s each), but in this target it failed once, question-deep
# allocating 64 times for 2 steps and 69 for 34 (at commit 4f123fd, 78 and
# 83, in 1 run of 4 alone). Both times the extra was 5 allocations, not
# one per step, and the failing run in this target was slow (54 s, beside
# another test): a one-off of the Go runtime under wasm, it seems, landing
# in the measured run. A GC forced in mid-run adds none, and wasm's single
# thread starts no worker goroutine of the fast path's pool. The cause is
# not pinned down. The native builds check it (make unit, with and without
# purego).
WASM_SINENET_TESTS = ^(TestBits|TestBitsInputs|TestFingerprint|TestGradient|TestFastDeterministic|TestFastFallsBack|TestTrainFastMatchesReference|TestOptimizerParityVector|TestOptimizerParityNetwork|TestOptimizerByName|TestOptimizerValidate|TestOptimizerReset|TestOptimizerNames|TestZeroValueIsDefault|TestMistakes|TestScheduleParity|TestScheduleValidate|TestTrainErrors|TestDiverges|TestTrainCancel|TestTrainHistory|TestTrainStopHook|TestTrainDeterministic|TestInitScale|TestConfigErrors|TestDataErrors|TestParseNames|TestNewDeterministic|TestActChangeBetweenRuns|TestConcurrentRuns|TestMinimizerKeepsTrainsPromises|TestStepAllocs|ExampleMLP_Fingerprint|ExampleNew|ExampleNew_error|ExampleNoisySine|ExampleAdam|ExampleOptimizerByName|ExampleCosineAnnealingLR)$$
wasm-test:
	@command -v node >/dev/null || { echo "make wasm-test: node not found; install nodejs (make deps)" >&2; exit 1; }
	PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 -short -timeout 20m -run '$(WASM_SINENET_TESTS)' ./sinenet
	PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./internal/portable ./internal/playground

# The page in headless Chromium (cmd/playground/page_test.go, build tag
# playground): it builds the page, serves it and drives it; it fails, not
# skips, without /usr/bin/chromium.
playground-test:
	$(GO) test -count=1 -tags playground -timeout 15m ./cmd/playground
