#!/bin/sh
# Make the base image debian:trixie-slim locally, for machines that reach
# Debian's package mirror but no image registry. Skips the work when the image
# already exists. Needs root, debootstrap and a running Docker engine.
set -eu

tag=${BASE_IMAGE:-debian:trixie-slim}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The architecture: this host's, or DEBIAN_ARCH (e.g. arm64 on an amd64 host,
# which runs the arm64 programs through QEMU's binfmt handlers; see
# docker/build.sh).
host_arch=$(dpkg --print-architecture 2>/dev/null) || case $(uname -m) in
	x86_64) host_arch=amd64 ;;
	aarch64) host_arch=arm64 ;;
	*) host_arch=$(uname -m) ;;
esac
arch=${DEBIAN_ARCH:-$host_arch}

if docker image inspect "$tag" >/dev/null 2>&1; then
	echo "base-image: $tag already present"
	exit 0
fi
command -v debootstrap >/dev/null || { echo "base-image: debootstrap not found (apt-get install debootstrap)" >&2; exit 1; }

dir=$(mktemp -d /tmp/trixie-rootfs.XXXXXX)
trap 'rm -rf "$dir" "$dir.log"' EXIT
echo "base-image: debootstrap trixie ($arch) into $dir"
if [ "$arch" = "$host_arch" ]; then
	debootstrap --variant=minbase trixie "$dir" "$mirror" >"$dir.log" 2>&1
else
	# Unpack here, then configure inside the tree, under emulation.
	debootstrap --arch "$arch" --foreign --variant=minbase trixie "$dir" "$mirror" >"$dir.log" 2>&1 &&
		chroot "$dir" /debootstrap/debootstrap --second-stage >>"$dir.log" 2>&1
fi || {
	tail -20 "$dir.log" >&2
	exit 1
}
rm -f "$dir.log"
# Like the official slim images: no documentation, manuals or translations
# from packages installed later, and none of what debootstrap left.
cat >"$dir"/etc/dpkg/dpkg.cfg.d/docker-slim <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
CFG
find "$dir"/usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete
rm -rf "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/* \
	"$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb
# (A daemon without experimental features ignores --platform and labels the
# image with its own architecture; docker build uses it all the same.)
tar -C "$dir" -c . | docker import --platform "linux/$arch" -c 'CMD ["bash"]' - "$tag"
echo "base-image: imported $tag"
