package ipynb

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

const executed = `{"cells": [
 {"cell_type": "markdown", "source": ["# Title\n"]},
 {"cell_type": "code", "execution_count": 1, "source": "fmt.Println(1)", "outputs": [
   {"output_type": "stream", "name": "stdout", "text": ["one\n", "two\n"]},
   {"output_type": "stream", "name": "stderr", "text": "go: note\n"}]},
 {"cell_type": "code", "execution_count": 2, "source": "plot", "outputs": [
   {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": "<Figure>", "application/json": {"a": 1}}}]},
 {"cell_type": "code", "execution_count": 3, "source": ["x := 1\n", "panic(x)"], "outputs": [
   {"output_type": "stream", "name": "stderr", "text": "panic: 1\n"}]},
 {"cell_type": "code", "execution_count": 4, "source": "bad", "outputs": [
   {"output_type": "error", "ename": "ERROR", "evalue": "failed", "traceback": []}]},
 {"cell_type": "code", "execution_count": 5, "source": "typo", "outputs": [
   {"output_type": "display_data", "data": {"text/html": "<div class=\"gonb-err\">undefined: y</div>"}}]},
 {"cell_type": "code", "execution_count": null, "source": "later", "outputs": []}
]}`

func TestNotebook(t *testing.T) {
	var nb Notebook
	if err := json.Unmarshal([]byte(executed), &nb); err != nil {
		t.Fatal(err)
	}
	if got, want := nb.Stdout(), "one\ntwo\n<Figure>\n"; got != want {
		t.Errorf("Stdout() = %q, want %q", got, want)
	}
	if got := nb.ImageCells(); !slices.Equal(got, []int{2}) {
		t.Errorf("ImageCells() = %v, want [2]", got)
	}
	ps := nb.Problems()
	want := []string{`cell 4 ("x := 1"): error on stderr: panic: 1`, `cell 5 ("bad"): error output ERROR: failed`,
		`cell 6 ("typo"): GoNB reported an error: undefined: y`, `cell 7 ("later"): did not run`}
	if !slices.Equal(ps, want) {
		t.Errorf("Problems() =\n%s\nwant\n%s", strings.Join(ps, "\n"), strings.Join(want, "\n"))
	}
}
