// Package lang holds the language of the text that sinenet's learner-facing
// packages (figure, knobs, exercise) print for a reader: check results and
// hints, the knobs' messages, the live view's progress line, a fit's
// summary. Error messages, and the core package sinenet, stay English.
//
// There are two languages, English (the default) and Chinese, one for each
// edition of the notebooks. A notebook chooses its language once, in its
// declarations cell, with figure.SetLanguage; every printing site then
// writes both texts side by side, Say("…", "…"), so that the two stay in
// step where a reader of the code can see them.
package lang

import (
	"fmt"
	"sync/atomic"
)

// The languages, by their tags.
const (
	English = "en"
	Chinese = "zh"
)

// current is Chinese when chinese is true, else English. Cells of a
// notebook may print from several goroutines (the knobs), so it is atomic.
var chinese atomic.Bool

// Set makes tag the language of printed text. An unknown tag is an error
// that names the known ones, and leaves the language as it was.
func Set(tag string) error {
	switch tag {
	case English:
		chinese.Store(false)
	case Chinese:
		chinese.Store(true)
	default:
		return fmt.Errorf("sinenet: no language %q; use %q (English) or %q (中文)", tag, English, Chinese)
	}
	return nil
}

// Get returns the tag of the current language.
func Get() string {
	if chinese.Load() {
		return Chinese
	}
	return English
}

// Say returns en, or zh when the language is Chinese. Formats passed
// through Say keep their verbs in the same order in both languages, or
// index them ("%[2]d").
func Say(en, zh string) string {
	if chinese.Load() {
		return zh
	}
	return en
}

// Both returns f's text in English and in Chinese, for a page or a menu
// that holds both and shows one. It sets the language while f runs, so it
// is for set-up code, not for text printed while a notebook's goroutines
// run; the language is as it was when Both returns.
func Both(f func() string) (en, zh string) {
	old := Get()
	defer Set(old)
	Set(English)
	en = f()
	Set(Chinese)
	return en, f()
}
