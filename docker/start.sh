#!/bin/sh
# Start JupyterLab on the sinenet notebooks, listening on port 8888 of all the
# container's interfaces. It opens on the first notebook: the English one, or
# with SINENET_LANG=zh the Chinese one in notebooks/zh/ (the file browser
# shows both). The token is $SINENET_TOKEN when set, else a random one.
# Before JupyterLab starts, it prints the address that opens the first
# notebook and the playground's, which it serves on port 8090, and says so
# when the notebooks cannot be saved; in Chinese with SINENET_LANG=zh. Extra
# arguments go to jupyter-lab.
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

# The reader's language: en, or zh (中文), which opens the Chinese edition
# and says everything below in Chinese. say EN ZH prints the line in it.
lang=en
case ${SINENET_LANG:-en} in
en) ;;
zh) lang=zh ;;
*)
	echo "sinenet: SINENET_LANG=$SINENET_LANG is not an edition of the notebooks; use en (English, the default) or zh (中文). Opening the English edition." ;;
esac
say() {
	if [ "$lang" = zh ]; then
		printf '%s\n' "$2"
	else
		printf '%s\n' "$1"
	fi
}

# The edition to open: notebooks/ (English), or notebooks/zh/ (Chinese).
edition=notebooks
if [ "$lang" = zh ]; then
	if ls notebooks/zh/*.ipynb >/dev/null 2>&1; then
		edition=notebooks/zh
	else
		echo "sinenet：SINENET_LANG=zh，但 notebooks/zh/ 里没有笔记本（挂载的 notebooks 文件夹里没有它？），所以打开英文版。"
	fi
fi
first=$(ls "$edition"/*.ipynb 2>/dev/null | head -n 1 || true)
open=/lab/tree/$edition${first:+/${first#"$edition"/}}

# The address that opens the first notebook. A token of the reader's own
# stays out of the log: the line says where to paste it instead.
port="(8888 is the port inside the container: use the host port you published with docker run -p)"
port_zh="（8888 是容器内的端口，请换成你用 docker run -p 发布的主机端口）"
if [ -z "${SINENET_TOKEN:-}" ]; then
	SINENET_TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
	url=http://127.0.0.1:8888$open?token=$SINENET_TOKEN
	say "sinenet: open $url in your browser $port" \
		"sinenet：在浏览器中打开 $url $port_zh"
else
	say "sinenet: open http://127.0.0.1:8888$open in your browser, and paste your SINENET_TOKEN into \"Password or token\" $port" \
		"sinenet：在浏览器中打开 http://127.0.0.1:8888$open ，再把你的 SINENET_TOKEN 粘贴到“Password or token”框中$port_zh"
fi

# The browser playground (cmd/playground): the package compiled to
# WebAssembly, with notebook 6's knobs, served as static files by the
# project's own server (.wasm as application/wasm) on port 8090. It runs
# beside JupyterLab, and ends with the container.
playground=/usr/local/share/sinenet/playground
sinenet-playground -dir "$playground" -addr 0.0.0.0:8090 >/dev/null &
say "sinenet: the playground (the package in your browser, no kernel) is at http://127.0.0.1:8090/ (8090 is the port inside the container: use the host port you published with docker run -p)" \
	"sinenet：游乐场（在浏览器里运行本包，不用内核）在 http://127.0.0.1:8090/ （8090 是容器内的端口，请换成你用 docker run -p 发布的主机端口）"

# Saving needs the notebooks folders (notebooks/ and notebooks/zh/) and their
# notebooks writable by this uid. Without that, JupyterLab greys out Save and
# says nothing, so say it here.
unwritable=$(find notebooks -maxdepth 2 \( -path notebooks -o -path notebooks/zh -o -name '*.ipynb' \) ! -writable 2>/dev/null | sed 's|^notebooks\(/zh\)\{0,1\}$|&/|' | head -n 3 | tr '\n' ' ')
if [ -n "$unwritable" ]; then
	uid=$(id -u) gid=$(id -g)
	mount=$(awk -v m="$repo/notebooks" '$2 == m { print $4 }' /proc/self/mounts)
	case $mount in
	ro | ro,*)
		say "sinenet: notebooks/ is mounted read-only: the notebooks run, but Save will not work. To keep your edits, mount the folder without :ro." \
			"sinenet：notebooks/ 是以只读方式挂载的。笔记本可以运行，但无法保存。要保留你的修改，请去掉 :ro 再挂载这个文件夹。" ;;
	"")
		say "sinenet: uid $uid cannot write the image's notebooks/, which belongs to uid 1000: Save will not work. Run without --user, or mount a folder of yours there: -v \"\$PWD/notebooks:$repo/notebooks\"" \
			"sinenet：uid $uid 不能写入镜像里属于 uid 1000 的 notebooks/，所以无法保存。请去掉 --user 运行，或者把你自己的文件夹挂载到那里：-v \"\$PWD/notebooks:$repo/notebooks\"" ;;
	*)
		owner=$(stat -c %u:%g notebooks)
		say "sinenet: uid $uid cannot write $unwritable(owner $owner): Save will not work. On the host, run sudo chown -R $uid:$gid on the folder you mounted, or run the container as yourself: docker run --user \"\$(id -u):\$(id -g)\" …" \
			"sinenet：uid $uid 不能写入 $unwritable（属主 $owner），所以无法保存。请在主机上对你挂载的文件夹运行 sudo chown -R $uid:$gid，或者以你自己的身份运行容器：docker run --user \"\$(id -u):\$(id -g)\" …" ;;
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
