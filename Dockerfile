# The sinenet tutorial: JupyterLab with the GoNB kernel, the sinenet package and
# its notebooks, ready to run offline.
#
#	docker build --network host -t sinenet .   # or docker/build.sh
#	docker run --rm -p 127.0.0.1:8888:8888 -p 127.0.0.1:8090:8090 sinenet
#
# JupyterLab listens on port 8888, and the browser playground (cmd/playground:
# the package compiled to WebAssembly) on port 8090.
#
# Where no image registry is reachable, docker/build.sh makes the base image
# locally first (docker/base-image.sh).
#
# Only the build uses the network (Debian's packages and the Go module proxy).
# At run time the go command is told not to fetch anything (GOPROXY=off,
# GOTOOLCHAIN=local): the toolchain, the modules and a warm build cache are in
# the image.

# The base image; docker/build.sh names another one to build for another
# architecture than the host's (PLATFORM=linux/arm64).
ARG BASE_IMAGE=debian:trixie-slim

# ---------------------------------------------------------------------------
# Stage 1: the Go toolchain go.mod names, the GoNB tools and the module cache.
FROM ${BASE_IMAGE} AS build

ARG GOPROXY=https://proxy.golang.org,direct
ARG GOPLS_VERSION=v0.23.0
# PEM certificates to trust besides Debian's, for networks that intercept TLS.
# Only this stage sees them; the image readers run does not.
ARG EXTRA_CA_CERTS=

RUN apt-get update \
 && apt-get install -y --no-install-recommends golang-go ca-certificates make \
 && rm -rf /var/lib/apt/lists/* \
 && if [ -n "$EXTRA_CA_CERTS" ]; then \
      printf '%s\n' "$EXTRA_CA_CERTS" >/usr/local/share/ca-certificates/extra.crt \
      && update-ca-certificates; \
    fi

WORKDIR /src
COPY go.mod go.sum ./

# Debian's Go 1.24 only bootstraps: the go line of go.mod makes it fetch that
# exact toolchain, for this platform (amd64 or arm64), through the module
# proxy; it becomes /usr/local/go. When the fetch fails, say why and stop.
RUN export GOTOOLCHAIN=auto GOMODCACHE=/tmp/toolchain GOFLAGS=-modcacherw \
 && if ! goroot=$(go env GOROOT) || [ ! -x "$goroot/bin/go" ]; then \
      echo "sinenet: could not fetch the Go toolchain that go.mod names (go $(sed -n 's/^go //p' go.mod)) from GOPROXY=$GOPROXY: see the go command's error above." >&2; \
      echo "sinenet: on a network that intercepts TLS, build with docker/build.sh, which passes this host's extra CA certificates (EXTRA_CA_CERTS)." >&2; \
      exit 1; \
    fi \
 && cp -a "$goroot" /usr/local/go \
 && rm -rf /tmp/toolchain /root/.cache \
 && /usr/local/go/bin/go version
# Building programs needs neither the sources of the go command and its tools
# (the binaries are in pkg/tool) nor the standard library's test data.
RUN rm -rf /usr/local/go/src/cmd \
 && find /usr/local/go/src -depth -type d -name testdata -exec rm -rf {} +

ENV PATH=/usr/local/go/bin:$PATH GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS=-modcacherw

# GoNB and goimports at the versions go.mod pins, and gopls (an editor's tool,
# not the tutorial's, so pinned here). Their modules are not kept. GoNB's
# source is first patched so that its widgets' handshake with the page
# survives a slow machine: see docker/gonb-patch.sh.
COPY docker/gonb-patch.sh docker/
RUN export GOMODCACHE=/tmp/tools GOBIN=/out \
 && go mod download github.com/janpfeifer/gonb \
 && docker/gonb-patch.sh "$(go list -m -f '{{.Dir}}' github.com/janpfeifer/gonb)" \
 && go build -trimpath -ldflags='-s -w' -o /out/ github.com/janpfeifer/gonb golang.org/x/tools/cmd/goimports \
 && go install -trimpath -ldflags='-s -w' golang.org/x/tools/gopls@${GOPLS_VERSION} \
 && rm -rf /tmp/tools /root/.cache

# The modules the package, its tests and notebook cells use. Their zip files
# are dropped: the go command builds from the extracted trees. The go.mod
# files of every module in the build list are kept too (about 1 MB): go doc
# (in the terminal) lists them all, and without them it printed "module
# lookup disabled by GOPROXY=off" 61 times and lost the package's import path.
COPY . .
RUN export GOMODCACHE=/modcache \
 && go list -deps -test ./... >/dev/null \
 && go list -deps $(cat docker/warm-packages.txt) >/dev/null \
 && go list -m all >/dev/null \
 && find /modcache/cache/download -name '*.zip' -delete

# The browser playground: the page as make playground builds it (the same
# target CI tests and the pages workflow publishes), and its static server
# (cmd/playground outside the browser), which docker/start.sh starts.
RUN export GOMODCACHE=/modcache \
 && make playground PLAYGROUND=/playground \
 && go build -trimpath -ldflags='-s -w' -o /out/sinenet-playground ./cmd/playground \
 && rm -rf /root/.cache

# ---------------------------------------------------------------------------
# Stage 2: the image readers run.
FROM ${BASE_IMAGE}

# JupyterLab is Debian's package, but unpacked without its Depends on ~1 GB of
# Node.js tools: they rebuild the front end, which the package ships prebuilt.
# Its Python dependencies are installed as usual.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini jupyter-core jupyter-nbconvert \
      python3-async-lru python3-jinja2 python3-jupyter-events python3-jupyter-server \
      python3-jupyterlab-server python3-notebook-shim python3-packaging python3-rpds-py \
      python3-tornado python3-traitlets \
 && cd /tmp && apt-get download jupyterlab \
 && dpkg-deb --fsys-tarfile jupyterlab_*.deb \
      | tar -x -C / --exclude=./usr/share/nodejs --exclude=./usr/share/doc \
 && rm jupyterlab_*.deb \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin \
 && jupyter-lab --version
# Debian's prebuilt front end asks for other versions of react and
# @jupyter/ydoc than the ones it ships and uses, and says so in the browser's
# console on every page: make it ask for those (docker/jupyterlab-patch.sh).
COPY docker/jupyterlab-patch.sh /tmp/
RUN sh /tmp/jupyterlab-patch.sh /usr/share/jupyter/lab/static && rm /tmp/jupyterlab-patch.sh

COPY --from=build /usr/local/go /usr/local/go
COPY --from=build /out/ /usr/local/bin/
COPY --from=build /playground /usr/local/share/sinenet/playground
COPY docker/start.sh /usr/local/bin/sinenet-start
# The image's settings. No news or update checks, and no Extension Manager:
# the image works offline, and asks nothing first. Markdown files open
# rendered (a notebook's link to docs/glossary.md opens the glossary, not its
# source). The interface is in English ("en"): its default, the server's
# locale, is "C" here, which JupyterLab rejects with a warning in the
# console ("Language pack 'C' not valid!"); there is no other language pack
# in the image. Notebooks attach all their cells at once (windowingMode
# none): JupyterLab 4.0's default, attaching cells as they scroll into view,
# makes its table of contents throw "Cannot read properties of undefined
# (reading 'type')" on every notebook it opens.
COPY docker/jupyterlab-overrides.json /usr/share/jupyter/lab/settings/overrides.json
# No language-server front end: the image has no jupyter-lsp server to answer
# it, and its polling of /lsp/status only filled the log with 404s (GoNB
# itself completes code with gopls). No check for a rebuild of the front end,
# which needs Node.js and only logged a warning.
COPY docker/page_config.json /etc/jupyter/labconfig/page_config.json
# The server's settings: the terminal (bash, with this image's PATH, in the
# repository), checkpoints in the home folder, the login page's help for a
# container (docker/login.html), and no banner with a masked token in the
# log. See docker/jupyter_server_config.py.
COPY docker/jupyter_server_config.py /etc/jupyter/jupyter_server_config.py
COPY docker/login.html /usr/local/share/sinenet/templates/login.html

# Nothing at run time may reach the network: modules come from the cache
# copied below, and the toolchain is the one installed above. The checksum
# database is off too: the cache was checked against it when it was filled,
# and a notebook whose temporary module requires a module (go mod edit
# -require) would otherwise ask it. To fetch new modules, run the image with
# both GOPROXY=https://proxy.golang.org and GOSUMDB=sum.golang.org.
ENV PATH=/usr/local/go/bin:$PATH GOTOOLCHAIN=local GOPROXY=off GOSUMDB=off CGO_ENABLED=0

# The GoNB kernel for every user of the image; the reader's account, uid 1000,
# which owns the repository's folder too: a reader's new files and folders
# go there from JupyterLab's file browser.
# The kernel logs to files in /tmp, not to the server's log (docker logs),
# which its start-up test lines and stack traces filled; fatal errors still
# reach the server's log.
RUN JUPYTER_DATA_DIR=/usr/local/share/jupyter gonb --install --logtostderr=false --stderrthreshold=FATAL \
 && useradd --create-home --uid 1000 --user-group --shell /bin/bash sinenet \
 && chmod 755 /home/sinenet \
 && install -d -o sinenet -g sinenet /home/sinenet/sinenet /home/sinenet/sinenet/notebooks

USER sinenet
# The Go caches stay here whoever runs the image (docker run --user gives
# another uid another HOME: see docker/start.sh).
ENV HOME=/home/sinenet GOPATH=/home/sinenet/go GOCACHE=/home/sinenet/.cache/go-build
COPY --from=build --chown=1000:1000 /modcache /home/sinenet/go/pkg/mod

# The module and both editions of the notebooks: notebooks/ (English) and
# notebooks/zh/ (Chinese; docker run -e SINENET_LANG=zh opens it).
WORKDIR /home/sinenet/sinenet
COPY --chown=1000:1000 . .

# Precompile, so the first cell is fast: the package and its tests, the
# packages cells import, then a GoNB cell run the way a notebook runs it.
# The build cache is then writable by every uid, as the one user of the
# container may have any uid.
RUN go build ./... \
 && go test -count=1 -run '^$' ./... >/dev/null \
 && go build $(cat docker/warm-packages.txt) \
 && cp docker/warmup.ipynb notebooks/.warmup.ipynb \
 && jupyter nbconvert --to notebook --execute notebooks/.warmup.ipynb --output-dir /tmp/warmup \
 && rm -rf notebooks/.warmup.ipynb /tmp/warmup /tmp/gonb_* \
 && go clean -testcache \
 && chmod -R a+rwX "$GOCACHE"

EXPOSE 8888 8090
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/sinenet-start"]
