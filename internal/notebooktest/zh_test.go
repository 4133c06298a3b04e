package notebooktest_test

import (
	"fmt"
	"go/scanner"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// The Chinese edition of the notebooks, notebooks/zh/, is kept in step with
// the English one by the rules of drift, checked on every pair of twins
// (the same file name in notebooks/ and notebooks/zh/):
//
//   - cells: the same sequence of cell types;
//   - code: each code cell is token for token the same Go code (go/scanner),
//     once comments and string literals are set aside, and its GoNB magic
//     lines (%%, %goworkfix, !*…) are the same, except that a Chinese
//     notebook, one folder deeper, reaches the module with one more "/..";
//   - text: no paragraph of a markdown cell is left in English (minCJK), nor
//     an English sentence inside one (maxEnglishRun);
//   - numbers: every number the English markdown cell writes appears in its
//     Chinese twin too, with the same value (an exponent is part of it), so the numbers the notebook tests check
//     (checks_test.go) are quoted in both editions, and the same checks run
//     on both editions' outputs (TestNotebooks).

// zhDir is the Chinese edition's folder, from here.
const zhDir = nbDir + "/zh"

// minCJK is the least share of Chinese characters among the letters of a
// markdown paragraph's prose, counted after removing code (spans and
// blocks), formulas ($…$), links' addresses, HTML tags, and English terms
// in full-width parentheses, （gradient descent）, given at their first use.
// A paragraph left in English scores 0. One in Chinese scores 0.6 to 1
// with the names that stay English (RMSE, Adam, tanh, L-BFGS); the lowest,
// minCJKSeen, is a note that lists five activation functions. Chinese is
// dense (a sentence of 100 English letters is about 30 characters), so a
// Chinese paragraph whose last third is left in English still scores 0.37
// to 0.55, measured on 05-solutions: the share alone cannot see a sentence
// left behind, and maxEnglishRun does.
//
// maxEnglishRun is the most English words in a row that a paragraph's
// prose may hold (numbers and punctuation between them do not break a
// run): names and the figures' labels ("Loss so far") make runs of at most
// maxEnglishRunSeen; an English sentence makes a longer one.
const (
	minCJK            = 0.4
	minCJKSeen        = "0.49 (05-exercises, the playground's note)"
	maxEnglishRun     = 6
	maxEnglishRunSeen = 3
)

// minLetters is the fewest letters a paragraph needs for its share to
// count: shorter ones (a lone "**Note**", a formula's caption) say too
// little to tell the language by.
const minLetters = 12

// twinPairs returns the Chinese notebooks' file names, and the English
// notebooks' file names.
func twinPairs(t *testing.T) (zh, en []string) {
	t.Helper()
	for _, dir := range []struct {
		path  string
		names *[]string
	}{{zhDir, &zh}, {nbDir, &en}} {
		found, err := filepath.Glob(filepath.Join(dir.path, "*.ipynb"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range found {
			*dir.names = append(*dir.names, filepath.Base(p))
		}
	}
	return zh, en
}

// TestZhDrift checks every Chinese notebook against its English twin.
func TestZhDrift(t *testing.T) {
	zh, en := twinPairs(t)
	if len(zh) == 0 {
		t.Fatalf("no Chinese notebooks in notebooks/zh/")
	}
	for _, name := range zh {
		t.Run(strings.TrimSuffix(name, ".ipynb"), func(t *testing.T) {
			if !slices.Contains(en, name) {
				t.Fatalf("notebooks/zh/%s has no English twin notebooks/%s; name it as its twin", name, name)
			}
			e, z := readPair(t, name)
			for _, d := range drift(e, z) {
				t.Error(d)
			}
		})
	}
}

// TestZhTwins checks that every English notebook has a Chinese twin, so
// that the two editions cannot fall apart: a new English notebook needs its
// translation in the same change.
func TestZhTwins(t *testing.T) {
	zh, en := twinPairs(t)
	var missing []string
	for _, name := range en {
		if !slices.Contains(zh, name) {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d English notebooks have no Chinese twin in notebooks/zh/: %s", len(missing), strings.Join(missing, ", "))
	}
}

// TestZhDriftCatches checks that drift finds each kind of drift in broken
// copies of a real pair of twins, and passes a copy whose comments and
// strings alone changed.
func TestZhDriftCatches(t *testing.T) {
	zh, _ := twinPairs(t)
	if len(zh) == 0 {
		t.Fatalf("no Chinese notebooks in notebooks/zh/")
	}
	name := zh[len(zh)-1]
	en, good := readPair(t, name)
	if d := drift(en, good); len(d) > 0 {
		t.Fatalf("the pair %s drifts already: %v", name, d)
	}
	code, md := -1, -1 // a code cell with Go code, and a markdown cell with numbers
	for i, c := range good.Cells {
		if c.Type == "code" && code < 0 && len(goTokens(string(c.Source))) > 10 {
			code = i
		}
		if c.Type == "markdown" && md < 0 && len(numbers(string(en.Cells[i].Source))) > 0 {
			md = i
		}
	}
	if code < 0 || md < 0 {
		t.Fatalf("%s has no code cell or no markdown cell with numbers to break", name)
	}
	edit := func(f func(cells []ipynb.Cell) []ipynb.Cell) ipynb.Notebook {
		return ipynb.Notebook{Cells: f(slices.Clone(good.Cells))}
	}
	src := string(good.Cells[code].Source)
	firstIdent := regexp.MustCompile(`(?m)^\s*[a-zA-Z_]\w*`).FindStringIndex(src) // a magic line starts with % or !
	num := numbers(string(en.Cells[md].Source))[0]
	for _, tc := range []struct {
		name string
		nb   ipynb.Notebook
		says string // a part of the drift it must report; "" for none
	}{
		{"comments and strings changed", edit(func(cs []ipynb.Cell) []ipynb.Cell {
			s := regexp.MustCompile(`"[^"\n]*"`).ReplaceAllString(src, `"换了"`)
			cs[code].Source = ipynb.Text("// 新的注释\n" + s)
			return cs
		}), ""},
		{"a changed code token", edit(func(cs []ipynb.Cell) []ipynb.Cell {
			cs[code].Source = ipynb.Text(src[:firstIdent[1]] + "x" + src[firstIdent[1]:])
			return cs
		}), "the Go code differs"},
		{"a changed magic", edit(func(cs []ipynb.Cell) []ipynb.Cell {
			cs[code].Source = ipynb.Text("%%\n" + src)
			return cs
		}), "magic"},
		{"a dropped cell", edit(func(cs []ipynb.Cell) []ipynb.Cell { return cs[:len(cs)-1] }), "cells"},
		{"a cell of another type", edit(func(cs []ipynb.Cell) []ipynb.Cell {
			cs[md].Type = "raw"
			return cs
		}), "a raw cell"},
		{"an English markdown cell", edit(func(cs []ipynb.Cell) []ipynb.Cell {
			cs[md] = en.Cells[md]
			return cs
		}), "English"},
		{"an English sentence left in a Chinese paragraph", edit(func(cs []ipynb.Cell) []ipynb.Cell {
			cs[md].Source += ipynb.Text(" " + longestEnglishRun(string(en.Cells[md].Source)))
			return cs
		}), "English words in a row"},
		{"a missing number", edit(func(cs []ipynb.Cell) []ipynb.Cell {
			cs[md].Source = ipynb.Text(regexp.MustCompile(`(^|[^0-9.])`+regexp.QuoteMeta(num)+`([^0-9]|$)`).
				ReplaceAllString(string(cs[md].Source), "${1}若干${2}"))
			return cs
		}), "number " + num},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := drift(en, tc.nb)
			switch {
			case tc.says == "" && len(d) > 0:
				t.Errorf("drift reports %v; want none", d)
			case tc.says != "" && !strings.Contains(strings.Join(d, "\n"), tc.says):
				t.Errorf("drift reports %q; want a report that says %q", d, tc.says)
			}
		})
	}
}

func readPair(t *testing.T, name string) (en, zh ipynb.Notebook) {
	t.Helper()
	en, err := ipynb.Read(filepath.Join(nbDir, name))
	if err != nil {
		t.Fatal(err)
	}
	zh, err = ipynb.Read(filepath.Join(zhDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return en, zh
}

// drift returns how the Chinese notebook zh differs from its English twin
// en, by the rules at the top of this file; nothing when they are in step.
func drift(en, zh ipynb.Notebook) []string {
	var out []string
	if a, b := cellTypes(en), cellTypes(zh); !slices.Equal(a, b) {
		i := 0
		for i < min(len(a), len(b)) && a[i] == b[i] {
			i++
		}
		at := "at the end"
		if i < min(len(a), len(b)) {
			at = fmt.Sprintf("cell %d is a %s cell in English and a %s cell in Chinese", i, a[i], b[i])
		}
		return []string{fmt.Sprintf("the cells differ: %d in English, %d in Chinese; the first difference: %s", len(a), len(b), at)}
	}
	for i, e := range en.Cells {
		z := zh.Cells[i]
		es, zs := string(e.Source), string(z.Source)
		switch e.Type {
		case "code":
			if a, b := magics(es), magics(strings.ReplaceAll(zs, "${GONB_DIR}/../..", "${GONB_DIR}/..")); !slices.Equal(a, b) {
				out = append(out, fmt.Sprintf("cell %d: the GoNB magic lines differ: %q in English, %q in Chinese", i, a, b))
			}
			if a, b := goTokens(es), goTokens(zs); !slices.Equal(a, b) {
				j := 0
				for j < min(len(a), len(b)) && a[j] == b[j] {
					j++
				}
				out = append(out, fmt.Sprintf("cell %d: the Go code differs beyond comments and strings, from token %d: %q in English, %q in Chinese",
					i, j, window(a, j), window(b, j)))
			}
		case "markdown":
			for _, p := range paragraphs(zs) {
				if share, n := cjkShare(p); n >= minLetters && share < minCJK {
					out = append(out, fmt.Sprintf("cell %d: a paragraph is %.0f%% Chinese (want at least %.0f%%), still in English? %q", i, 100*share, 100*minCJK, clipText(p)))
				}
				if run := longestEnglishRun(p); len(englishWord.FindAllString(run, -1)) > maxEnglishRun {
					out = append(out, fmt.Sprintf("cell %d: a paragraph holds %d English words in a row, a sentence still in English? %q", i, len(englishWord.FindAllString(run, -1)), clipText(run)))
				}
			}
			have := map[float64]bool{}
			zq, _ := withoutNotQuantities(zs)
			for _, q := range quantities(zq) {
				for _, e := range q.ends {
					have[e.v] = true
				}
			}
			for _, n := range numbers(es) {
				for _, e := range quantities(" " + n)[0].ends {
					if !have[e.v] {
						out = append(out, fmt.Sprintf("cell %d: the English text quotes the number %s, the Chinese does not", i, n))
						break
					}
				}
			}
		}
	}
	return out
}

func cellTypes(nb ipynb.Notebook) []string {
	var ts []string
	for _, c := range nb.Cells {
		ts = append(ts, c.Type)
	}
	return ts
}

// isMagic reports whether a line of a code cell is for GoNB, not Go: %%,
// %goworkfix and other % commands, and shell lines (!, !*).
func isMagic(line string) bool {
	l := strings.TrimSpace(line)
	return strings.HasPrefix(l, "%") || strings.HasPrefix(l, "!")
}

// magics returns the magic lines of a code cell, trimmed.
func magics(src string) []string {
	var ms []string
	for _, l := range strings.Split(src, "\n") {
		if isMagic(l) {
			ms = append(ms, strings.TrimSpace(l))
		}
	}
	return ms
}

// goOnly returns src with its magic lines blanked, so that positions and
// line numbers stay.
func goOnly(src string) string {
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if isMagic(l) {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// goTokens returns the Go tokens of a code cell's Go lines, comments left
// out and every string literal written as "…". A scanning error is a token
// of its own, so it cannot hide a difference.
func goTokens(src string) []string {
	b := []byte(goOnly(src))
	var s scanner.Scanner
	var toks []string
	fset := token.NewFileSet()
	s.Init(fset.AddFile("cell", -1, len(b)), b, func(pos token.Position, msg string) {
		toks = append(toks, "error: "+msg)
	}, 0)
	for {
		_, tok, lit := s.Scan()
		switch {
		case tok == token.EOF:
			return toks
		case tok == token.STRING:
			toks = append(toks, `"…"`)
		case tok == token.SEMICOLON && lit == "\n":
			toks = append(toks, ";")
		case lit != "":
			toks = append(toks, lit)
		default:
			toks = append(toks, tok.String())
		}
	}
}

// window returns a few tokens of toks from i on, to show where two cells
// part.
func window(toks []string, i int) string {
	return strings.Join(toks[min(i, len(toks)):min(i+6, len(toks))], " ")
}

// paragraphs splits a markdown cell at its blank lines, keeping fenced
// code blocks whole.
func paragraphs(md string) []string {
	var ps []string
	var cur []string
	fenced := false
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fenced = !fenced
		}
		if strings.TrimSpace(l) == "" && !fenced {
			if len(cur) > 0 {
				ps = append(ps, strings.Join(cur, "\n"))
			}
			cur = nil
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		ps = append(ps, strings.Join(cur, "\n"))
	}
	return ps
}

// notProse matches what cjkShare leaves out of a paragraph: fenced code,
// code spans, formulas, links' addresses, bare addresses, HTML tags, and
// English terms in full-width parentheses.
var notProse = regexp.MustCompile("(?s)```.*?```|`[^`]*`|\\$\\$.*?\\$\\$|\\$[^$\n]+\\$|\\]\\([^)]*\\)|https?://\\S+|<[^>]+>|（[^（）\\p{Han}]*）")

// cjkShare returns the share of Chinese characters among the letters of
// p's prose, and how many letters there are.
func cjkShare(p string) (share float64, letters int) {
	han := 0
	for _, r := range notProse.ReplaceAllString(p, " ") {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if letters == 0 {
		return 1, 0
	}
	return float64(han) / float64(letters), letters
}

// englishWord is a word of Latin letters, and englishRun a run of them
// with nothing but spaces, numbers and ASCII punctuation between them.
var (
	englishWord = regexp.MustCompile(`[A-Za-z][A-Za-z'-]*`)
	englishRun  = regexp.MustCompile(`[A-Za-z][A-Za-z'-]*(?:[\s0-9.,;:!?"()/+=*-]+[A-Za-z][A-Za-z'-]*)*`)
)

// longestEnglishRun returns the longest run of English words in p's prose.
func longestEnglishRun(p string) string {
	longest, n := "", 0
	for _, r := range englishRun.FindAllString(notProse.ReplaceAllString(p, " "), -1) {
		if k := len(englishWord.FindAllString(r, -1)); k > n {
			longest, n = r, k
		}
	}
	return longest
}

// numbers returns the distinct quantities of a markdown cell, as written,
// in order (prose_number_test.go: 4·10⁻⁷ is one quantity, its exponent
// included), less the numbers that are not quantities (prose_skip_test.go:
// names, references, code). Two editions quote the same number when its value is the
// same, however written: 28× and 1/28, −0.12 and -0.12.
func numbers(md string) []string {
	var ns []string
	md, _ = withoutNotQuantities(md)
	for _, q := range quantities(md) {
		if !slices.Contains(ns, q.text) {
			ns = append(ns, q.text)
		}
	}
	return ns
}

func clipText(s string) string {
	r := []rune(s)
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// TestZhShares logs the CJK share of every markdown paragraph of the
// Chinese notebooks, lowest first, to keep minCJKSeen true.
func TestZhShares(t *testing.T) {
	zh, _ := twinPairs(t)
	type seen struct {
		share float64
		where string
	}
	var all []seen
	longest, where := 0, ""
	for _, name := range zh {
		nb, err := ipynb.Read(filepath.Join(zhDir, name))
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range nb.Cells {
			if c.Type != "markdown" {
				continue
			}
			for _, p := range paragraphs(string(c.Source)) {
				if s, n := cjkShare(p); n >= minLetters {
					all = append(all, seen{s, fmt.Sprintf("%s cell %d: %s", name, i, clipText(p))})
				}
				if run := longestEnglishRun(p); len(englishWord.FindAllString(run, -1)) > longest {
					longest, where = len(englishWord.FindAllString(run, -1)), fmt.Sprintf("%s cell %d: %q", name, i, run)
				}
			}
		}
	}
	slices.SortFunc(all, func(a, b seen) int {
		switch {
		case a.share < b.share:
			return -1
		case a.share > b.share:
			return 1
		}
		return 0
	})
	t.Logf("the longest run of English words: %d (maxEnglishRunSeen: %d; maxEnglishRun: %d), %s", longest, maxEnglishRunSeen, maxEnglishRun, where)
	t.Logf("the lowest shares (minCJKSeen: %s; minCJK: %v):", minCJKSeen, minCJK)
	for _, s := range all[:min(5, len(all))] {
		t.Logf("%.2f %s", s.share, s.where)
	}
}
