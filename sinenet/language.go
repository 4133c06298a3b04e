package sinenet

import (
	"fmt"
	"os"

	"github.com/sinenet/sinenet/internal/lang"
)

// SetLanguage sets the language of the text this package and its
// subpackages (exercise, knobs) print for a reader: "en", English, the
// default, or "zh", Chinese. It returns the language in effect. Check
// results and hints, the knobs' messages, the live view's progress line
// and a Fit's summary follow it; error messages, and the labels of
// figures, stay English.
//
// Each notebook sets its own language in its declarations cell, so that
// every cell's program starts with it:
//
//	var language = sinenet.SetLanguage("zh")
//
// An unknown tag leaves the language as it was and prints, on stderr,
// which tags there are.
func SetLanguage(tag string) string {
	if err := lang.Set(tag); err != nil {
		fmt.Fprintln(os.Stderr, err)
	}
	return lang.Get()
}
