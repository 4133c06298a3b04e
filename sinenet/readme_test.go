package sinenet

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestREADMEProgram builds and runs the README's ten-line program, which
// must be a complete program, and checks what it prints.
func TestREADMEProgram(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(b), "## The package in ten lines")
	if !ok {
		t.Fatal(`README.md has no "## The package in ten lines"`)
	}
	m := regexp.MustCompile("(?s)```go\n(.*?)```").FindStringSubmatch(after)
	if m == nil {
		t.Fatal("no Go block after the heading")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte(m[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "readme")
	if out, err := exec.Command("go", "build", "-o", bin, src).CombinedOutput(); err != nil {
		t.Fatalf("the README's program does not build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin).CombinedOutput()
	if err != nil {
		t.Fatalf("the README's program failed: %v\n%s", err, out)
	}
	if !regexp.MustCompile(`^\S+ RMSE \d\.\d{4}, \d+ extrema \(the true curve has 3\)\n$`).Match(out) {
		t.Errorf("the README's program printed %q", out)
	}
}
