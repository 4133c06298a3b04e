#!/bin/sh
# Make the base image debian:trixie-slim locally, for machines that reach
# Debian's package mirror but no image registry. Skips the work when the image
# already exists. Needs root, debootstrap and a running Docker engine.
set -eu

tag=${BASE_IMAGE:-debian:trixie-slim}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if docker image inspect "$tag" >/dev/null 2>&1; then
	echo "base-image: $tag already present"
	exit 0
fi
command -v debootstrap >/dev/null || { echo "base-image: debootstrap not found (apt-get install debootstrap)" >&2; exit 1; }

dir=$(mktemp -d /tmp/trixie-rootfs.XXXXXX)
trap 'rm -rf "$dir" "$dir.log"' EXIT
echo "base-image: debootstrap trixie into $dir"
debootstrap --variant=minbase trixie "$dir" "$mirror" >"$dir.log" 2>&1 || {
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
tar -C "$dir" -c . | docker import -c 'CMD ["bash"]' - "$tag"
echo "base-image: imported $tag"
