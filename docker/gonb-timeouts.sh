#!/bin/sh
# Give GoNB's widget connection time to open on a slow machine.
#
# GoNB's widgets talk to the browser over a "comm" that opens with a
# handshake: GoNB sends a script, the page answers with comm_open, and GoNB
# acknowledges. GoNB v0.11.5 allows 500 ms for that acknowledgement and for
# a heartbeat's reply, and 3 s for the comm_open. On a laptop that is busy,
# or in a container with half a CPU, the reply can take longer: then the
# page gives up for good ("comm_open_ack not received in time" in the
# browser's console), and every slider in the notebook stays dead, with no
# message in the notebook. These limits only bound a wait for a reply that
# normally comes in milliseconds, so longer ones cost nothing when it does.
#
# Usage: gonb-timeouts.sh DIR, where DIR holds GoNB's module source. Each
# replacement must match exactly once, so a GoNB upgrade that moves the
# lines stops the build here instead of leaving a limit unchanged.
set -eu
dir=$1

# replace FILE OLD NEW: OLD must occur exactly once in FILE.
replace() {
	n=$(grep -cF -- "$2" "$dir/$1" || true)
	if [ "$n" != 1 ]; then
		echo "gonb-timeouts.sh: '$2' occurs $n times in $1, not once: check the limits of this GoNB version" >&2
		exit 1
	fi
	old=$(printf '%s' "$2" | sed 's/[]|*.^$\\[]/\\&/g')
	sed -i "s|$old|$3|" "$dir/$1"
}

replace internal/websocket/websocket.js '500, // milliseconds' '30000, // milliseconds'
replace internal/comms/comms.go 'HeartbeatTimeout          = 500 * time.Millisecond' 'HeartbeatTimeout          = 5 * time.Second'
replace internal/comms/comms.go 'WaitForConnectionTimeout = 3 * time.Second' 'WaitForConnectionTimeout = 10 * time.Second'
