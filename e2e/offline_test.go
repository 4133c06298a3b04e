//go:build e2e

package e2e

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// testOffline executes the notebooks inside the image with no network at
// all, headless through the GoNB kernel: those inOffline picks.
func testOffline(t *testing.T, nbs []notebook) {
	c := startContainer(t, "offline", "--network", "none", "--entrypoint", "sleep", image, "infinity")
	copyFixtures(t, c, nbs)
	dir := filepath.Join(outDir, "offline")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, nb := range nbs {
		if !inOffline(nb, nbs) {
			continue
		}
		t.Run(nb.name, func(t *testing.T) {
			start := time.Now()
			// --allow-errors keeps the executed notebook even when a cell
			// fails, so every error output is reported below.
			docker(t, "exec", "-w", repoInImage+"/notebooks", c,
				"jupyter", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
				"--ExecutePreprocessor.timeout=600", "--output-dir", path.Dir("/tmp/e2e/"+nb.name), nb.name)
			t.Logf("executed in %v", since(start))
			executed := filepath.Join(dir, nb.name)
			if err := os.MkdirAll(filepath.Dir(executed), 0o755); err != nil {
				t.Fatal(err)
			}
			docker(t, "cp", c+":/tmp/e2e/"+nb.name, executed)
			nb, err := ipynb.Read(executed)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range nb.Problems() {
				t.Error(p)
			}
		})
	}
}

// clip shortens s for a test log.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 600 {
		s = s[:600] + "…"
	}
	return s
}
