// Package e2e tests the sinenet Docker image the way a reader uses it.
//
// The tests carry the build tag e2e, so that go test ./... leaves them out.
// Run them as root on a machine with docker.io, debootstrap and chromium:
//
//	e2e/run.sh
//
// which is go test -tags e2e -count=1 -timeout 30m -v ./e2e. They fail, never
// skip, when a tool is missing, and never retry. In order they:
//
//  1. start dockerd when none runs, make the base image debian:trixie-slim
//     with docker/base-image.sh when it is missing, and build the image with
//     --network host;
//  2. run the image with --network none and execute in it, headless through
//     GoNB (jupyter nbconvert --execute), every Chinese notebook
//     (notebooks/zh/) and the fixture: the English twins' code is the same
//     token for token (see inOffline); any error output fails the test;
//  3. meanwhile (side by side with 2), run the image as the README does (no
//     capabilities, no-new-privileges), limited to E2E_CPUS CPUs (half a
//     CPU when unset, as make e2e and CI run it; empty lifts the limit), and
//     drive headless Chromium against JupyterLab: open the address the
//     container prints (no error or warning in its console), and the one it
//     prints with SINENET_LANG=zh, which must open the first Chinese
//     notebook; the browser playground the container serves on its port
//     8090 (playground_test.go): the address it prints, the wasm sent as
//     application/wasm, the default run drawn to its end with no console
//     error; then the edge of the workshop
//     (workshop_test.go): a kernel started, restarted and shut down through
//     the server's API, twice, with no goroutine trace or Python traceback
//     in the container's log after it; a terminal, where go version and go
//     doc ./sinenet must work; the glossary link of the first notebook,
//     which must open docs/glossary.md rendered, and README.md and go.mod
//     opened from the file browser, with no failed request; the login page
//     for a wrong token, which must name docker logs; then, for each English
//     notebook, one Chinese one (browserZh) and the fixture, clear its
//     outputs, run all cells, move a slider and check that its plot changes,
//     stop the slider's cell, and check the outputs, the plots (where the
//     saved notebook has them) and the browser console; run the fixture
//     once more in a page that drops GoNB's first comm_open_ack (lost-ack:
//     the page must repeat its comm_open, see docker/gonb-patch.sh, and the
//     slider must still work); then stop the container, which must exit
//     cleanly, with no trace, no kernel's debugging and no masked token in
//     its log;
//  4. run the image with the reader's own token (the login page leads to the
//     notebook), and on notebooks folders the reader cannot save to (a
//     read-only mount, a folder uid 1000 cannot write), which it must say at
//     start (and, for the read-only mount, in the first notebook's setup
//     cell too), in Chinese with SINENET_LANG=zh, and as another uid
//     (docker run --user) on the reader's folder.
//
// E2E_IMAGE names the image (sinenet:e2e), E2E_OUT the artifacts' folder
// (out/e2e), and E2E_PREBUILT=1 skips step 1's builds and runs the image as
// it is, to repeat the tests quickly.
//
// The notebooks are notebooks/*.ipynb, notebooks/zh/*.ipynb (named zh/NAME)
// and the fixture in testdata, which the
// tests copy into the container. Executed notebooks, screenshots, browser
// consoles and logs go to out/e2e; a failed notebook adds the server's log
// and every kernel's state (NAME-state.txt).
//
// # Waiting
//
// The browser test waits on events, never for a fixed time: for the kernel
// of the page on show to be idle with the page connected (the server reports
// a kernel no page connects to as "starting" forever, jupyter_server issue
// #305), for each cell's execute reply (its prompt shows a number once
// JupyterLab has the reply and the outputs before it), for each plot to
// load, and for a moved slider's plot to be redrawn. Each notebook has one
// deadline for all of it (notebookDeadline). After each notebook the test
// closes the page, then shuts its kernel down and waits until the server
// lists none.
//
// # Notebooks with a slider
//
// The browser test moves the first slider (input type=range, as made by
// gonbui/widgets) that appears in a running cell, and expects that cell to
// show a new image while it still runs. Then it interrupts the kernel
// (Kernel > Interrupt Kernel), as a reader would, so that the cells after it
// run. Such a cell must keep listening until it is stopped; stopped, it must
// end quietly, with no error output and a line that says it stopped. It must
// also give up on its widgets when no browser answers (widgets' Done waits
// for the browser), or the offline run hangs: see the fixture, or
// notebooks/06-knobs.ipynb.
package e2e
