// Package e2e tests the sinenet Docker image the way a reader uses it.
//
// The tests carry the build tag e2e, so that go test ./... leaves them out.
// Run them as root on a machine with docker.io, debootstrap and chromium:
//
//	e2e/run.sh
//
// which is go test -tags e2e -count=1 -timeout 30m -v ./e2e. They fail, never
// skip, when a tool is missing. In order they:
//
//  1. start dockerd when none runs, make the base image debian:trixie-slim
//     with docker/base-image.sh when it is missing, and build the image with
//     --network host;
//  2. run the image with --network none and execute every notebook in it
//     headless through GoNB (jupyter nbconvert --execute); any error output
//     fails the test;
//  3. run the image on a free port and drive headless Chromium against
//     JupyterLab: open each notebook, run all cells, wait for the kernel to
//     go idle, check that there are no error outputs and that the plot cells
//     show images, move a slider and check that the plot it drives changes,
//     and stop the container, which must exit cleanly.
//
// The notebooks are notebooks/*.ipynb plus the fixture in testdata, which the
// tests copy into the container. Executed notebooks, screenshots and logs go
// to out/e2e.
//
// # Notebooks with a slider
//
// The browser test moves the first slider (input type=range, as made by
// gonbui/widgets) that appears in a running cell, and expects that cell to
// show a new image while it still runs. Then it interrupts the kernel
// (Kernel > Interrupt Kernel), as a reader would, so that the cells after it
// run. Such a cell must keep listening for a few seconds after it shows the
// slider. It must also give up on its widgets when no browser answers
// (widgets' Done waits for the browser), or the offline run hangs: see the
// fixture, or notebooks/06-knobs.ipynb.
package e2e
