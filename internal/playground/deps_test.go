//go:build !(js && wasm)

package playground

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestWasmDeps checks that the page's wasm (cmd/playground, built for
// GOOS=js GOARCH=wasm) links neither GoNB nor gonum/plot nor
// sinenet/figure: any of them takes the page over its budget of 3 MB
// gzipped (measured: 1.4 MB without them, 4.8 MB with figure). Names the
// page prints in both languages live in internal/lang for this reason. It
// runs on the host only, since it starts go list.
func TestWasmDeps(t *testing.T) {
	list := exec.Command("go", "list", "-deps", "../../cmd/playground")
	list.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	deps, err := list.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, bad := range []string{"github.com/janpfeifer/gonb", "gonum.org/v1/plot", "github.com/sinenet/sinenet/sinenet/figure"} {
		for _, d := range strings.Fields(string(deps)) {
			if d == bad || strings.HasPrefix(d, bad+"/") {
				t.Errorf("the page's wasm links %s; move what it needs into internal/lang or the core", d)
				break
			}
		}
	}
}
