#!/bin/sh
# Start JupyterLab on the sinenet notebooks, listening on port 8888 of all the
# container's interfaces. It opens on the first notebook: the English one, or
# with SINENET_LANG=zh the Chinese one in notebooks/zh/ (the file browser
# shows both). The token is $SINENET_TOKEN when set, else a random one.
# Before JupyterLab starts, it prints the address that opens the first
# notebook, and says so when the notebooks cannot be saved. Extra arguments go
# to jupyter-lab.
set -eu
repo=/home/sinenet/sinenet
cd "$repo"

# Any uid may run the image (docker run --user "$(id -u):$(id -g)"). The
# image's home belongs to uid 1000; another uid gets a fresh one, and shares
# the Go caches, which the image makes writable by all.
if [ ! -w "$HOME" ]; then
	HOME=$(mktemp -d /tmp/home.XXXXXX)
	export HOME
fi

# The edition to open: notebooks/ (English), or notebooks/zh/ (Chinese).
edition=notebooks
case ${SINENET_LANG:-en} in
en) ;;
zh)
	if ls notebooks/zh/*.ipynb >/dev/null 2>&1; then
		edition=notebooks/zh
	else
		echo "sinenet: SINENET_LANG=zh, but notebooks/zh/ holds no notebooks (a notebooks folder mounted without it?): opening the English edition."
	fi ;;
*)
	echo "sinenet: SINENET_LANG=$SINENET_LANG is not an edition of the notebooks; use en (English, the default) or zh (中文). Opening the English edition." ;;
esac
first=$(ls "$edition"/*.ipynb 2>/dev/null | head -n 1 || true)
open=/lab/tree/$edition${first:+/${first#"$edition"/}}

# The address that opens the first notebook. A token of the reader's own
# stays out of the log: the line says where to paste it instead.
# The Chinese edition gets it in Chinese.
port="(8888 is the port inside the container: use the host port you published with docker run -p)"
port_zh="（8888 是容器内的端口：请换成你用 docker run -p 发布的主机端口）"
if [ -z "${SINENET_TOKEN:-}" ]; then
	SINENET_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
	url=http://127.0.0.1:8888$open?token=$SINENET_TOKEN
	if [ "$edition" = notebooks/zh ]; then
		echo "sinenet：在浏览器中打开 $url $port_zh"
	else
		echo "sinenet: open $url in your browser $port"
	fi
elif [ "$edition" = notebooks/zh ]; then
	echo "sinenet：在浏览器中打开 http://127.0.0.1:8888$open ，再把你的 SINENET_TOKEN 粘贴到“Password or token”框中$port_zh"
else
	echo "sinenet: open http://127.0.0.1:8888$open in your browser, and paste your SINENET_TOKEN into \"Password or token\" $port"
fi

# Saving needs the notebooks folders (notebooks/ and notebooks/zh/) and their
# notebooks writable by this uid. Without that, JupyterLab greys out Save and
# says nothing, so say it here.
unwritable=$(find notebooks -maxdepth 2 \( -path notebooks -o -path notebooks/zh -o -name '*.ipynb' \) ! -writable 2>/dev/null | sed 's|^notebooks\(/zh\)\{0,1\}$|&/|' | head -n 3 | tr '\n' ' ')
if [ -n "$unwritable" ]; then
	uid=$(id -u) gid=$(id -g)
	mount=$(awk -v m="$repo/notebooks" '$2 == m { print $4 }' /proc/self/mounts)
	case $mount in
	ro | ro,*)
		echo "sinenet: notebooks/ is mounted read-only: the notebooks run, but Save will not work. To keep your edits, mount the folder without :ro." ;;
	"")
		echo "sinenet: uid $uid cannot write the image's notebooks/, which belongs to uid 1000: Save will not work. Run without --user, or mount a folder of yours there: -v \"\$PWD/notebooks:$repo/notebooks\"" ;;
	*)
		echo "sinenet: uid $uid cannot write $unwritable(owner $(stat -c %u:%g notebooks)): Save will not work. On the host, run sudo chown -R $uid:$gid on the folder you mounted, or run the container as yourself: docker run --user \"\$(id -u):\$(id -g)\" …" ;;
	esac
fi

# jupyter-server reads its token from JUPYTER_TOKEN.
export JUPYTER_TOKEN="$SINENET_TOKEN"
unset SINENET_TOKEN

# exec: JupyterLab gets the signals tini forwards, and shuts its kernels down.
# No stdin: with docker run -it, JupyterLab would otherwise ask before it
# stops on Ctrl-C. The token is the only way in: no password form on the
# login page. The Extension Manager lists what is installed and searches no
# index, since the image is offline.
exec </dev/null
exec jupyter-lab \
	--ip=0.0.0.0 --port=8888 --no-browser \
	--ServerApp.root_dir="$repo" \
	--LabApp.default_url="$open" \
	--MappingKernelManager.default_kernel_name=gonb \
	--KernelSpecManager.ensure_native_kernel=False \
	--PasswordIdentityProvider.allow_password_change=False \
	--LabApp.extension_manager=readonly \
	"$@"
