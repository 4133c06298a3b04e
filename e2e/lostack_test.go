//go:build e2e

package e2e

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// testLostAck runs the fixture in a page that drops the first
// comm_open_ack GoNB sends, as a slow machine can: jupyter_server does not
// nudge a busy kernel's new websocket, so its IOPub subscription may not be
// ready for GoNB's answer (see docker/gonb-patch.sh). The page must repeat
// its comm_open, and the fixture's slider must still redraw its plot.
func testLostAck(t *testing.T, browser context.Context, l *lab, i int, nb notebook) {
	slid, console := runNotebook(t, browser, l, i, nb, "lost-ack", dropFirstAckJS)
	said := func(s string) bool {
		return slices.ContainsFunc(console, func(line string) bool { return strings.Contains(line, s) })
	}
	if !said("e2e: dropped the first comm_open_ack") {
		t.Error("the page dropped no comm_open_ack: the test no longer reaches GoNB's handshake (out/e2e/lost-ack-console.log)")
	}
	if !said("sending comm_open again") {
		t.Error("after a lost comm_open_ack the page did not repeat its comm_open (out/e2e/lost-ack-console.log)")
	}
	if !slid {
		t.Error("after a lost comm_open_ack the fixture's slider did not redraw its plot")
	}
}

// dropFirstAckJS wraps the page's WebSocket so that the first message
// holding GoNB's "#comm_open_ack" never reaches the socket's onmessage.
// GoNB's own socket is the one whose address ends in /channels: JupyterLab's
// carry a session_id.
const dropFirstAckJS = `(() => {
	const Native = window.WebSocket;
	let dropped = false;
	function Wrapped(url, protocols) {
		const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
		if (!/\/channels$/.test(String(url))) return ws;
		let handler = null;
		Object.defineProperty(ws, 'onmessage', {get: () => handler, set: (h) => { handler = h; }});
		ws.addEventListener('message', (ev) => {
			if (!dropped && typeof ev.data === 'string' && ev.data.includes('#comm_open_ack')) {
				dropped = true;
				console.info('e2e: dropped the first comm_open_ack, as a slow machine can');
				return;
			}
			if (handler) handler.call(ws, ev);
		});
		return ws;
	}
	Wrapped.prototype = Native.prototype;
	for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Wrapped[k] = Native[k];
	window.WebSocket = Wrapped;
})()`
