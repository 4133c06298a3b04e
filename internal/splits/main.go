// Command splits trains the question's Model B (seed 1, plain GD as the
// question did, 3000 steps) on three different splits of the question's
// data into 3200 training and 800 validation points, and writes, for each,
// the final network's training and validation mean squared error, their
// gap and the gap's sampling error to splits.tsv beside it. Notebook 1's
// rule asks for a gap of about twice its sampling error on more than one
// split before calling it overfitting; the notebook trains on split 1 and
// reads the other two here, because three Model B runs would take it past
// its CPU budget.
// Run it from the repository's root:
//
//	go run ./internal/splits
//
// TestSplits (splits_test.go) retrains one split and checks its row.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/sinenet/sinenet/sinenet"
)

// seed draws the data and Model B's weights, as in notebook 1; splits are
// the seeds of the splits, the first of them notebook 1's own.
const seed = 1

var splits = []uint64{1, 2, 3}

func main() {
	var b strings.Builder
	b.WriteString(header)
	data := sinenet.NoisySine(sinenet.QuestionN, seed)
	for _, s := range splits {
		r, err := run(data, s)
		if err != nil {
			log.Fatal(err)
		}
		b.WriteString(r.String())
		fmt.Print(r.String())
	}
	if err := os.WriteFile(filepath.Join("internal", "splits", "splits.tsv"), []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}
