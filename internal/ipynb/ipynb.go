// Package ipynb reads executed Jupyter notebooks and finds the errors in
// them. The notebook tests and the Docker end-to-end test share it.
package ipynb

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// Notebook is the part of the .ipynb format the tests read.
type Notebook struct {
	Cells []Cell `json:"cells"`
}

// Cell is one notebook cell.
type Cell struct {
	Type           string   `json:"cell_type"` // "code" or "markdown"
	Source         Text     `json:"source"`
	ExecutionCount *int     `json:"execution_count"` // nil for a code cell that did not run
	Outputs        []Output `json:"outputs"`
}

// Output is one output of a code cell.
type Output struct {
	Type   string          `json:"output_type"` // stream, display_data, execute_result or error
	Name   string          `json:"name"`        // stream: stdout or stderr
	Text   Text            `json:"text"`
	Data   map[string]Text `json:"data"` // by MIME type
	Ename  string          `json:"ename"`
	Evalue string          `json:"evalue"`
}

// Text is a notebook string, which .ipynb files store whole or as a list
// of lines. Structured data (application/json and the like) stays JSON.
type Text string

func (s *Text) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = Text(one)
		return nil
	}
	var lines []string
	if err := json.Unmarshal(b, &lines); err == nil {
		*s = Text(strings.Join(lines, ""))
		return nil
	}
	*s = Text(b)
	return nil
}

// Read reads the notebook at path.
func Read(path string) (Notebook, error) {
	var nb Notebook
	b, err := os.ReadFile(path)
	if err != nil {
		return nb, err
	}
	if err := json.Unmarshal(b, &nb); err != nil {
		return nb, fmt.Errorf("%s is not a notebook: %v", path, err)
	}
	return nb, nil
}

// ErrorText matches stderr text that reports a failure.
var ErrorText = regexp.MustCompile(`(?i)panic|error|fail|fatal|exception|traceback|exit status|cannot|undefined|not used|goroutine`)

// Problems lists what went wrong in an executed notebook: code cells that
// did not run, error outputs, stderr text that reads like an error, and
// GoNB's HTML error reports. Cells are numbered from 1, as a reader counts.
func (nb Notebook) Problems() []string {
	var ps []string
	for i, c := range nb.Cells {
		if c.Type != "code" {
			continue
		}
		where := fmt.Sprintf("cell %d (%q)", i+1, firstLine(string(c.Source)))
		if c.ExecutionCount == nil {
			ps = append(ps, where+": did not run")
		}
		for _, o := range c.Outputs {
			html := string(o.Data["text/html"])
			switch {
			case o.Type == "error":
				ps = append(ps, fmt.Sprintf("%s: error output %s: %s", where, o.Ename, clip(o.Evalue)))
			case o.Type == "stream" && o.Name == "stderr" && ErrorText.MatchString(string(o.Text)):
				ps = append(ps, fmt.Sprintf("%s: error on stderr: %s", where, clip(string(o.Text))))
			case strings.Contains(html, "gonb-err"), strings.Contains(html, "application/vnd.jupyter.stderr"):
				ps = append(ps, fmt.Sprintf("%s: GoNB reported an error: %s", where, clip(stripTags(html))))
			}
		}
	}
	return ps
}

// Stdout returns everything the code cells printed as text, in order.
func (nb Notebook) Stdout() string {
	var b strings.Builder
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			switch {
			case o.Type == "stream" && o.Name == "stdout":
				b.WriteString(string(o.Text))
			case o.Data["text/plain"] != "":
				b.WriteString(string(o.Data["text/plain"]))
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// ImageCells returns the indices, from 0, of the cells whose outputs hold
// an image.
func (nb Notebook) ImageCells() []int {
	var idx []int
	for i, c := range nb.Cells {
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

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}

var tags = regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>|\s+`)

func stripTags(html string) string { return strings.TrimSpace(tags.ReplaceAllString(html, " ")) }

// clip shortens s for a test log.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 2000 {
		s = s[:2000] + "…"
	}
	return s
}
