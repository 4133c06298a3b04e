# sinenet: the tutorial and its tests.
#   make tutorial   build the Docker image and open the tutorial on http://127.0.0.1:8888
#   make test       run every test (needs `make deps` once, as root, on Debian)
#   make deps       install the Debian packages the tests need

SHELL := /bin/bash
GO ?= go

.PHONY: test unit deps notebooks

test: unit

unit:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# Debian packages: Jupyter (nbconvert + nbclient) to execute the notebooks
# headless through the GoNB kernel.
deps:
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		jupyter-nbconvert python3-nbclient

# Run every notebook headless through the GoNB kernel, check the figures
# its text claims, and write the tested outputs back into notebooks/.
notebooks:
	$(GO) test -count=1 -v -timeout 30m ./notebooks -args -update
