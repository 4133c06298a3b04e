package sinenet

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// docBudget is the most lines `go doc -all` may print for this package:
// a reader should be able to hold the training core in one sitting
// (issue 18). Later changes to the core stay within it.
const docBudget = 800

// TestDocBudget runs `go doc -all` on the package and fails above
// docBudget lines.
func TestDocBudget(t *testing.T) {
	gocmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := exec.LookPath(gocmd); err != nil {
		if gocmd, err = exec.LookPath("go"); err != nil {
			t.Skip("no go command to run go doc")
		}
	}
	out, err := exec.Command(gocmd, "doc", "-all", ".").Output()
	if err != nil {
		t.Fatalf("go doc -all: %v", err)
	}
	if n := strings.Count(string(out), "\n"); n > docBudget {
		t.Errorf("go doc -all ./sinenet prints %d lines, above the budget of %d: "+
			"tighten a doc comment or unexport what no notebook or package above the core uses", n, docBudget)
	} else {
		t.Logf("go doc -all ./sinenet: %d of %d lines", n, docBudget)
	}
}
