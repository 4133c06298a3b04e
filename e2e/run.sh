#!/bin/sh
# Build the sinenet image, run every notebook in it offline and in headless
# Chromium. Needs root, docker.io, debootstrap and chromium. Artifacts go to
# out/e2e. Extra arguments go to go test (e.g. -run Offline).
set -eu
cd "$(dirname "$0")/.."
exec go test -tags e2e -count=1 -timeout 30m -v "$@" ./e2e
