// Command survey trains the question's Model A from seeds 1 to 80, each
// exactly as the question did (plain GD at lr 4e-7 on the summed squared
// error, 3000 steps), looks before training and after every step for the
// fake pair of extrema mirrored about x = 0, measures how saturated the
// untrained network's output is, and writes how each run went to seeds.tsv
// beside it, one row per seed. The seeds come in two batches: notebook 1
// draws its counts, and chose its cut of saturation, from seeds 1 to 40, and
// then checks them on seeds 41 to 80, which it had not looked at. The runs
// take minutes of CPU (235 s for all 80, measured on a loaded 2-core
// machine), far more than a notebook's budget.
// Run it from the repository's root:
//
//	go run ./internal/survey
//
// TestSurvey (survey_test.go) retrains some of the seeds and checks their
// rows.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/sinenet/sinenet/sinenet"
)

// firstSeed and lastSeed bound the seeds the survey trains; heldOut is the
// first seed of the second batch, the one notebook 1 checks its cut on.
const firstSeed, heldOut, lastSeed = 1, 41, 80

func main() {
	var b strings.Builder
	b.WriteString(header)
	data := sinenet.NoisySine(sinenet.QuestionN, 1)
	for s := uint64(firstSeed); s <= lastSeed; s++ {
		r, err := run(data, s)
		if err != nil {
			log.Fatal(err)
		}
		b.WriteString(r.String())
		fmt.Print(r.String())
	}
	if err := os.WriteFile(filepath.Join("internal", "survey", "seeds.tsv"), []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}
