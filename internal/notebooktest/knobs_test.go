//go:build notebooks

package notebooktest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// interruptPy runs the code cells of a notebook in a GoNB kernel through
// jupyter_client, and interrupts the last one as soon as it shows its first
// output, as a learner pressing ■ would. It prints the outputs of that cell
// as JSON lines: ["stream", "stdout", text], ["error", name, value], or
// [msg_type, "", html].
const interruptPy = `
import json, sys, time, queue
from jupyter_client.manager import start_new_kernel

nb = json.load(open(sys.argv[1]))
cells = [''.join(c['source']) for c in nb['cells'] if c['cell_type'] == 'code'][:int(sys.argv[3])]
cells[-1] = cells[-1].replace(sys.argv[4], sys.argv[5])
km, kc = start_new_kernel(kernel_name='gonb', cwd=sys.argv[2])
try:
    for i, src in enumerate(cells):
        last = i == len(cells) - 1
        msg_id = kc.execute(src)
        interrupted = False
        deadline = time.time() + 240
        while time.time() < deadline:
            try:
                m = kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            if m['parent_header'].get('msg_id') != msg_id:
                continue
            t, c = m['msg_type'], m['content']
            if t == 'status' and c['execution_state'] == 'idle':
                break
            if not last:
                continue
            if t == 'stream':
                print(json.dumps([t, c['name'], c['text']]), flush=True)
            elif t == 'error':
                print(json.dumps([t, c['ename'], c['evalue']]), flush=True)
            elif t in ('display_data', 'update_display_data', 'execute_result'):
                print(json.dumps([t, '', c.get('data', {}).get('text/html', '')]), flush=True)
                if not interrupted:
                    km.interrupt_kernel()
                    interrupted = True
                    print(json.dumps(['interrupt', '', '']), flush=True)
        else:
            print(json.dumps(['timeout', '', 'cell %d did not finish' % i]), flush=True)
finally:
    km.shutdown_kernel(now=True)
`

// TestKnobsInterrupt stops 06-knobs' knobs cell the way a learner does,
// with an interrupt (■), and checks that the cell ends quietly: one line
// saying it stopped, and no error output (GoNB prints "signal: interrupt"
// on stderr for a program the interrupt kills). The cell is given two
// minutes to find a front end, so that the interrupt arrives while it
// waits for its widgets, as it would in a browser.
func TestKnobsInterrupt(t *testing.T) {
	k := setupKernel(t)
	py := interpreter(k.jupyter)
	if py == "" {
		py = "/usr/bin/python3"
	}
	script := filepath.Join(t.TempDir(), "interrupt.py")
	if err := os.WriteFile(script, []byte(interruptPy), 0o644); err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs(nbDir)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), perNotebook)
	defer cancel()
	// The knobs cell is the third code cell: setup, imports, knobs.
	cmd := exec.CommandContext(ctx, py, script, filepath.Join(dir, "06-knobs.ipynb"), dir, "3", "5*time.Second", "120*time.Second")
	cmd.Env = k.env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("running the knobs cell through jupyter_client failed: %v\n%s", err, tail(stderr.String(), 4000))
	}
	var interrupted, stopped bool
	var text []string // what the cell printed, without its HTML
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var m [3]string
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("unexpected line %q: %v", line, err)
		}
		if m[1] != "" {
			text = append(text, m[0]+" "+m[1]+": "+strings.TrimSpace(m[2]))
		}
		switch {
		case m[0] == "interrupt":
			interrupted = true
		case m[0] == "timeout" || m[0] == "error" || m[0] == "stream" && m[1] == "stderr":
			t.Errorf("the knobs cell printed %s %s: %q", m[0], m[1], m[2])
		case m[0] == "stream" && strings.HasPrefix(m[2], "knobs: stopped"):
			stopped = true
			t.Logf("the cell ended with: %s", strings.TrimSpace(m[2]))
		}
	}
	if !interrupted {
		t.Errorf("the knobs cell showed nothing to interrupt")
	}
	if !stopped {
		t.Errorf("the knobs cell did not say it stopped; it printed:\n%s", strings.Join(text, "\n"))
	}
}
