#!/bin/sh
# Build the sinenet image: docker/build.sh [TAG], TAG defaulting to sinenet.
#
# Where debootstrap is installed, the base image debian:trixie-slim is made
# locally when missing (docker/base-image.sh); elsewhere docker build pulls it.
# The build uses the host's network, and passes the certificates this host
# trusts besides Debian's (/usr/local/share/ca-certificates) to the build
# stage, for networks that intercept TLS.
set -eu
cd "$(dirname "$0")/.."
tag=${1:-sinenet}

if ! docker image inspect debian:trixie-slim >/dev/null 2>&1 && command -v debootstrap >/dev/null; then
	docker/base-image.sh
fi
certs=$(cat /usr/local/share/ca-certificates/*.crt 2>/dev/null || true)
if [ -n "$certs" ]; then
	exec docker build --network host --build-arg "EXTRA_CA_CERTS=$certs" -t "$tag" .
fi
exec docker build --network host -t "$tag" .
