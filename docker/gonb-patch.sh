#!/bin/sh
# Make GoNB's widget connection open reliably on a slow machine.
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
