//go:build !(js && wasm)

package playground

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotebook runs the notebook code of a preset with a shape (the
// answer, cut to 20 steps on 200 points) as a program, and checks that
// it prints the fingerprint of Run.
func TestNotebook(t *testing.T) {
	s := Presets()[2].Settings
	s.Steps, s.Points = 20, 200
	m := Run(context.Background(), s, func(Start) {}, func(Frame) {})
	dir, err := os.MkdirTemp(".", "notebook")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	prog := "package main\n\nimport (\n\t\"context\"\n\t\"fmt\"\n\n\t\"github.com/sinenet/sinenet/sinenet\"\n\t\"github.com/sinenet/sinenet/sinenet/knobs\"\n)\n\nfunc main() {\n" + s.Notebook() + "}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "run", "./"+dir).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s\n%s", err, out, prog)
	}
	if got := strings.TrimSpace(string(out)); got != m.Fingerprint() {
		t.Errorf("the notebook code prints %q, want Run's fingerprint %s\n%s", got, m.Fingerprint(), prog)
	}
}
