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

# PLATFORM=linux/arm64 builds for an architecture other than this host's,
# through QEMU's binfmt handlers (Debian's qemu-user-static), from a base
# image of that architecture tagged debian:trixie-slim-arm64.
base=debian:trixie-slim
arch=
platform=
if [ -n "${PLATFORM:-}" ]; then
	arch=${PLATFORM#linux/}
	base=debian:trixie-slim-$arch
	platform="--platform $PLATFORM --build-arg BASE_IMAGE=$base"
fi
if ! docker image inspect "$base" >/dev/null 2>&1 && command -v debootstrap >/dev/null; then
	BASE_IMAGE=$base DEBIAN_ARCH=$arch docker/base-image.sh
fi
certs=$(cat /usr/local/share/ca-certificates/*.crt 2>/dev/null || true)
if [ -n "$certs" ]; then
	exec docker build --network host $platform --build-arg "EXTRA_CA_CERTS=$certs" -t "$tag" .
fi
exec docker build --network host $platform -t "$tag" .
