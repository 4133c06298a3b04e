#!/bin/sh
# Patch GoNB for the image: its widget connection opens reliably on a slow
# machine (1, 2), a kernel shuts down without a panic (3), and a notebook
# that cannot be saved says so in the page (4).
#
# GoNB's widgets talk to the browser over a "comm" that opens with a
# handshake: GoNB sends a script, the page opens a websocket of its own to
# the kernel and sends comm_open, and GoNB answers with comm_open_ack on the
# kernel's IOPub channel. GoNB v0.11.5 has two weak points there.
#
# 1. A lost acknowledgement. jupyter_server makes a new websocket's IOPub
#    subscription ready by "nudging" the kernel, but it skips that for a busy
#    kernel (services/kernels/connection/channels.py, nudge), and a kernel
#    that runs a widget cell is busy. So the page's comm_open goes out at
#    once, GoNB answers within milliseconds, and on a slow machine (half a
#    CPU) that answer can be published before the new subscription reaches
#    the kernel: ZeroMQ drops it, and the page waits in vain. Every slider
#    in the notebook then stays dead. The fix: the page repeats its
#    comm_open every second until it hears the acknowledgement (saying so
#    in the browser's console), and GoNB answers a repeated comm_open (the
#    same comm id) with the acknowledgement again, instead of closing the
#    connection and reopening it.
#
# 2. Short limits: 500 ms for that acknowledgement and for a heartbeat's
#    reply, and 3 s for the comm_open. They only bound a wait for a reply
#    that normally comes in milliseconds, so longer ones (30 s, 5 s, 10 s)
#    cost nothing when it does. Too short, they made the page re-install its
#    script ("gonb_comm already running" in the browser's console) or give
#    up for good ("comm_open_ack not received in time").
#
# 3. A panic at every shutdown. Kernel.Stop closes a channel, and a kernel
#    that the server shuts down (closing a notebook, restarting its kernel)
#    calls it twice: once for the shutdown_request, and once more from the
#    heartbeat loop (or the signal handler) when its sockets are closed. The
#    second close panics ("close of closed channel") and prints a goroutine
#    trace into the server's log (docker logs). The fix: Stop runs once
#    (sync.Once), and a second call does nothing.
#
# 4. A notebooks folder the kernel cannot write (mounted read-only, or
#    owned by another uid): JupyterLab greys out Save and says nothing, and
#    start.sh's warning is only in docker logs. The first cell a kernel runs
#    now shows a note that says so and what to do, above its own output
#    (stdout, not stderr: it is not an error of the cell). It is in Chinese
#    for notebooks/zh/.
#
# Usage: gonb-patch.sh DIR, where DIR holds GoNB's module source. Each
# replacement must match exactly once, so a GoNB upgrade that moves the
# lines stops the build here instead of leaving a weak point unchanged.
set -eu
dir=$1

# replace FILE OLD NEW: OLD, one line's text, must occur exactly once in
# FILE, and NEW replaces it (one line too).
replace() {
	n=$(grep -cF -- "$2" "$dir/$1" || true)
	if [ "$n" != 1 ]; then
		echo "gonb-patch.sh: '$2' occurs $n times in $1, not once: check this GoNB version" >&2
		exit 1
	fi
	old=$(printf '%s' "$2" | sed 's/[]|*.^$\\[]/\\&/g')
	new=$(printf '%s' "$3" | sed 's/[|&\\]/\\&/g')
	sed -i "s|$old|$new|" "$dir/$1"
}

# 1. The page repeats comm_open until the acknowledgement comes...
replace internal/websocket/websocket.js \
	'await this._wait_open_ack();' \
	'const resend = setInterval(() => { console.info("gonb_comm: no comm_open_ack after a second, sending comm_open again"); this._send(msg); }, 1000); try { await this._wait_open_ack(); } finally { clearInterval(resend); }'
# ... and GoNB acknowledges a repeated comm_open again.
replace internal/comms/comms.go \
	'	if s.Opened {' \
	'	if s.Opened && commId == s.CommId { return s.sendDataLocked(msg, map[string]any{"address": CommOpenAckAddress, "value": true}) }; if s.Opened {'

# 2. Longer limits.
replace internal/websocket/websocket.js '500, // milliseconds' '30000, // milliseconds'
replace internal/comms/comms.go 'HeartbeatTimeout          = 500 * time.Millisecond' 'HeartbeatTimeout          = 5 * time.Second'
replace internal/comms/comms.go 'WaitForConnectionTimeout = 3 * time.Second' 'WaitForConnectionTimeout = 10 * time.Second'

# 3. Kernel.Stop runs once.
replace internal/kernel/kernel.go \
	'	signalsChan chan os.Signal' \
	'	signalsChan chan os.Signal; stopOnce sync.Once'
replace internal/kernel/kernel.go \
	'func (k *Kernel) Stop() {' \
	'func (k *Kernel) Stop() { k.stopOnce.Do(k.stopNow) }; func (k *Kernel) stopNow() {'

# 4. A note when the notebook's folder cannot be written, with the first
# cell's output: a new file (which must not exist yet), and its call.
note=internal/dispatcher/sinenet_savenote.go
if [ -e "$dir/$note" ]; then
	echo "gonb-patch.sh: $note already exists: check this GoNB version" >&2
	exit 1
fi
cat >"$dir/$note" <<'GO'
package dispatcher

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"syscall"

	"github.com/janpfeifer/gonb/internal/kernel"
)

var saveNoteOnce sync.Once

// sinenetSaveNote shows, once per kernel and above the first cell's output,
// a note that the notebook's folder (the kernel's working directory) cannot
// be written, so JupyterLab cannot save the notebook.
func sinenetSaveNote(msg kernel.Message) {
	saveNoteOnce.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			return
		}
		err = syscall.Access(dir, 2) // W_OK
		if err == nil {
			return
		}
		zh := filepath.Base(dir) == "zh"
		var note string
		switch {
		case errors.Is(err, syscall.EROFS) && zh:
			note = fmt.Sprintf("**注意：这个笔记本无法保存**。它所在的文件夹 `%s` 是以只读方式挂载的（`:ro`）。笔记本照常运行，但“保存”不起作用，修改只留在这个页面里。要保留修改，请去掉 `:ro` 重新挂载这个文件夹，再重启容器（见 `docker logs`）。", dir)
		case errors.Is(err, syscall.EROFS):
			note = fmt.Sprintf("**Note: this notebook cannot be saved.** Its folder, `%s`, is mounted read-only (`:ro`). The notebook runs, but Save does nothing, and your edits live only in this page. To keep them, mount the folder without `:ro` and restart the container (see `docker logs`).", dir)
		case zh:
			note = fmt.Sprintf("**注意：这个笔记本无法保存**。当前用户（uid %d）不能写入它所在的文件夹 `%s`。笔记本照常运行，但“保存”不起作用，修改只留在这个页面里。解决办法见 `docker logs` 开头几行。", os.Getuid(), dir)
		default:
			note = fmt.Sprintf("**Note: this notebook cannot be saved.** This user (uid %d) cannot write its folder, `%s`. The notebook runs, but Save does nothing, and your edits live only in this page. The first lines of `docker logs` say how to fix it.", os.Getuid(), dir)
		}
		_ = kernel.PublishMarkdown(msg, note)
	})
}
GO
replace internal/dispatcher/dispatcher.go \
	'	// Dispatch to various executors.' \
	'	if !silent { sinenetSaveNote(msg) }; // Dispatch to various executors.'
