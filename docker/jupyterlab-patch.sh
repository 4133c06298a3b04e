#!/bin/sh
# Make Debian's prebuilt JupyterLab front end ask for the versions it ships.
#
# Debian builds JupyterLab 4.0.11 against its own packages of react and
# react-dom (18.1.0) and @jupyter/ydoc (2.0.1), but the bundle still asks
# for upstream's ranges (^18.2.0, ~1.1.1). Webpack's module federation
# then uses the versions it has all the same (they are shared singletons,
# not strict), and prints "Unsatisfied version … of shared singleton
# module …" in the browser's console on every page: three warnings a
# reader cannot act on. This makes the three ranges those of the versions
# in use, which is what runs (the e2e test runs every notebook on them).
#
# Usage: jupyterlab-patch.sh DIR, where DIR holds the front end's static
# files (/usr/share/jupyter/lab/static). Each replacement must occur
# exactly once, in the one main.*.js, so that another JupyterLab build
# stops the image's build here instead of being patched blindly.
set -eu
dir=$1

set -- "$dir"/main.*.js
if [ $# != 1 ] || [ ! -f "$1" ]; then
	echo "jupyterlab-patch.sh: want one main.*.js in $dir, found: $*" >&2
	exit 1
fi
main=$1

# replace OLD NEW: OLD must occur exactly once in main.*.js (one long line,
# so occurrences are counted, not lines).
replace() {
	python3 - "$main" "$1" "$2" <<'PY'
import sys
path, old, new = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    text = f.read()
n = text.count(old)
if n != 1:
    sys.exit(f"jupyterlab-patch.sh: '{old}' occurs {n} times in {path}, not once: check this JupyterLab build")
with open(path, "w", encoding="utf-8") as f:
    f.write(text.replace(old, new))
PY
}

# Each one only where the version shipped is the one named in the bundle's
# list of what it provides.
provides() {
	if ! grep -qF -- "\"$1\",\"$2\"" "$main"; then
		echo "jupyterlab-patch.sh: $main does not provide $1 $2: check this JupyterLab build" >&2
		exit 1
	fi
}

# Webpack writes a range as [kind, major, minor, patch]: kind 1 is ^, 2 is ~.
provides react 18.1.0
replace 'k("default","react",false,[1,18,2,0]' 'k("default","react",false,[1,18,1,0]'
provides react-dom 18.1.0
replace 'k("default","react-dom",false,[1,18,2,0]' 'k("default","react-dom",false,[1,18,1,0]'
provides @jupyter/ydoc 2.0.1
replace 'k("default","@jupyter/ydoc",false,[2,1,1,1]' 'k("default","@jupyter/ydoc",false,[1,2,0,1]'
