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
// (The figures' own imports show that the check sees what it looks for.)
func TestDeps(t *testing.T) {
	for _, tc := range []struct {
		pkg  string
		want int // banned imports
	}{{".", 0}, {"./figure", 3}} {
		out, err := exec.Command("go", "list", "-deps", tc.pkg).Output()
		if err != nil {
			t.Skipf("go list: %v", err)
		}
		var found []string
		for _, banned := range []string{"github.com/janpfeifer/gonb", "gonum.org/v1/plot", "github.com/sinenet/sinenet/internal/lang"} {
			for _, dep := range strings.Fields(string(out)) {
				if dep == banned || strings.HasPrefix(dep, banned+"/") {
					found = append(found, dep)
					break
				}
			}
		}
		if len(found) != tc.want {
			t.Errorf("%s imports %d of GoNB, gonum/plot and internal/lang (%v), want %d; the core imports only the standard library, gonum's numerical packages, x/sys/cpu and internal/kernel, internal/portable", tc.pkg, len(found), found, tc.want)
		}
	}
}
