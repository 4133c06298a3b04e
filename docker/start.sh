#!/bin/sh
# Start JupyterLab on the sinenet notebooks, listening on port 8888 of all the
# container's interfaces. It opens on the first notebook. The token is
# $SINENET_TOKEN when set, else a random one printed below. Extra arguments go
# to jupyter-lab.
set -eu
cd "$HOME/sinenet"

first=$(ls notebooks/*.ipynb 2>/dev/null | head -n 1 || true)
open=/lab/tree/notebooks${first:+/${first#notebooks/}}

if [ -n "${SINENET_TOKEN:-}" ]; then
	echo "sinenet: JupyterLab at http://127.0.0.1:8888/ (token from SINENET_TOKEN)"
else
	SINENET_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
	echo "sinenet: JupyterLab at http://127.0.0.1:8888/?token=$SINENET_TOKEN"
fi
# jupyter-server reads its token from JUPYTER_TOKEN.
export JUPYTER_TOKEN="$SINENET_TOKEN"
unset SINENET_TOKEN

# exec: JupyterLab gets the signals tini forwards, and shuts its kernels down.
# No stdin: with docker run -it, JupyterLab would otherwise ask before it
# stops on Ctrl-C.
exec </dev/null
exec jupyter-lab \
	--ip=0.0.0.0 --port=8888 --no-browser \
	--ServerApp.root_dir="$HOME/sinenet" \
	--LabApp.default_url="$open" \
	--MappingKernelManager.default_kernel_name=gonb \
	--KernelSpecManager.ensure_native_kernel=False \
	"$@"
