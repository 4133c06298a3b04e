package sinenet

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps checks that the training core links no figures, no notebook
// UI and no translation: its imports (go list -deps) contain no GoNB, no
// gonum/plot and no internal/lang. Those belong to sinenet/figure, knobs
// and exercise, above it.
func TestDeps(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"github.com/janpfeifer/gonb", "gonum.org/v1/plot", "github.com/sinenet/sinenet/internal/lang"} {
			if dep == banned || strings.HasPrefix(dep, banned+"/") {
				t.Errorf("sinenet imports %s; the core imports only the standard library, gonum's numerical packages, x/sys/cpu and internal/kernel, internal/portable", dep)
			}
		}
	}
}
