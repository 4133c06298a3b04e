//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// testOffline executes every notebook inside the image with no network at
// all, headless through the GoNB kernel.
func testOffline(t *testing.T, nbs []notebook) {
	c := startContainer(t, "offline", "--network", "none", "--entrypoint", "sleep", image, "infinity")
	copyFixtures(t, c, nbs)
	dir := filepath.Join(outDir, "offline")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, nb := range nbs {
		t.Run(nb.name, func(t *testing.T) {
			start := time.Now()
			// --allow-errors keeps the executed notebook even when a cell
			// fails, so every error output is reported below.
			docker(t, "exec", "-w", repoInImage+"/notebooks", c,
				"jupyter", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
				"--ExecutePreprocessor.timeout=600", "--output-dir", "/tmp/e2e", nb.name)
			t.Logf("executed in %v", since(start))
			executed := filepath.Join(dir, nb.name)
			docker(t, "cp", c+":/tmp/e2e/"+nb.name, executed)
			cells, err := readNotebook(executed)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems(cells) {
				t.Error(p)
			}
		})
	}
}

// cell is a notebook cell, with the fields the tests read.
type cell struct {
	Type           string   `json:"cell_type"`
	ExecutionCount *int     `json:"execution_count"`
	Outputs        []output `json:"outputs"`
}

type output struct {
	Type   string          `json:"output_type"`
	Name   string          `json:"name"` // stream: stdout or stderr
	Text   text            `json:"text"`
	Data   map[string]text `json:"data"`
	Ename  string          `json:"ename"`
	Evalue string          `json:"evalue"`
}

// text is a notebook string: one string, or a list of lines.
type text string

func (s *text) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = text(one)
		return nil
	}
	var lines []string
	if err := json.Unmarshal(b, &lines); err == nil {
		*s = text(strings.Join(lines, ""))
		return nil
	}
	// Structured data (application/json and the like): keep it as JSON.
	*s = text(b)
	return nil
}

func readNotebook(path string) ([]cell, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb struct {
		Cells []cell `json:"cells"`
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return nb.Cells, nil
}

// errorLike matches stderr text that reports a failure. Warnings and
// progress notes on stderr pass.
var errorLike = regexp.MustCompile(`(?i)\b(error|panic|fatal|failed|exception|traceback)\b|cannot |undefined: `)

// problems lists the error outputs of executed cells, and the code cells
// that did not run.
func problems(cells []cell) []string {
	var ps []string
	for i, c := range cells {
		if c.Type != "code" {
			continue
		}
		if c.ExecutionCount == nil {
			ps = append(ps, fmt.Sprintf("cell %d did not run", i))
		}
		for _, o := range c.Outputs {
			switch {
			case o.Type == "error":
				ps = append(ps, fmt.Sprintf("cell %d: error output %s: %s", i, o.Ename, clip(o.Evalue)))
			case o.Type == "stream" && o.Name == "stderr" && errorLike.MatchString(string(o.Text)):
				ps = append(ps, fmt.Sprintf("cell %d: stderr: %s", i, clip(string(o.Text))))
			case strings.Contains(string(o.Data["text/html"]), "gonb-err"):
				ps = append(ps, fmt.Sprintf("cell %d: GoNB error: %s", i, clip(stripTags(string(o.Data["text/html"])))))
			}
		}
	}
	return ps
}

// imageCells returns the indices of the cells whose outputs hold an image.
func imageCells(cells []cell) []int {
	var idx []int
	for i, c := range cells {
		for _, o := range c.Outputs {
			html := string(o.Data["text/html"])
			if o.Data["image/png"] != "" || o.Data["image/svg+xml"] != "" || o.Data["image/jpeg"] != "" ||
				strings.Contains(html, "<img") || strings.Contains(html, "<svg") {
				idx = append(idx, i)
				break
			}
		}
	}
	return idx
}

var tags = regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>|\s+`)

func stripTags(html string) string { return strings.TrimSpace(tags.ReplaceAllString(html, " ")) }

// clip shortens s for a test log.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 600 {
		s = s[:600] + "…"
	}
	return s
}
