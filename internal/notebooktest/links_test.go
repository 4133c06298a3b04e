package notebooktest_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// TestLinks follows every relative link in the notebooks' markdown cells
// (both editions), the READMEs and docs/: its file must exist, and a
// fragment (#…) must name a heading of the Markdown file it points into.
// A notebook is read in JupyterLab as well as on GitHub, so a notebook's
// fragment must name the heading in both: GitHub lowercases the heading
// (#glossary), JupyterLab keeps its case (#Glossary), and a link that only
// one of them honours opens the file at its top in the other. The
// glossaries have files of their own for that reason (docs/glossary.md,
// docs/zh/glossary.md): a link to one needs no fragment.
func TestLinks(t *testing.T) {
	type doc struct {
		path  string
		texts []string // markdown
		lab   bool     // also read in JupyterLab
	}
	var docs []doc
	for _, dir := range []string{nbDir, zhDir} {
		names, err := filepath.Glob(filepath.Join(dir, "*.ipynb"))
		if err != nil || len(names) == 0 {
			t.Fatalf("no notebooks in %s: %v", dir, err)
		}
		for _, name := range names {
			nb, err := ipynb.Read(name)
			if err != nil {
				t.Fatal(err)
			}
			d := doc{path: name, lab: true}
			for _, c := range nb.Cells {
				if c.Type == "markdown" {
					d.texts = append(d.texts, string(c.Source))
				}
			}
			docs = append(docs, d)
		}
	}
	mds, _ := filepath.Glob("../../docs/*.md")
	zhMDs, _ := filepath.Glob("../../docs/zh/*.md")
	for _, name := range append(append([]string{"../../README.md", zhDir + "/README.md"}, mds...), zhMDs...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{path: name, texts: []string{string(b)}})
	}

	checked := 0
	for _, d := range docs {
		for _, text := range d.texts {
			for _, m := range mdLink.FindAllStringSubmatch(withoutCode(text), -1) {
				target := m[1]
				if strings.Contains(target, ":") || strings.HasPrefix(target, "#") {
					continue // an address, or a heading of the same page
				}
				file, frag, _ := strings.Cut(target, "#")
				p := filepath.Join(filepath.Dir(d.path), file)
				checked++
				if _, err := os.Stat(p); err != nil {
					t.Errorf("%s: the link %s leads nowhere: %v", d.path, target, err)
					continue
				}
				if frag == "" {
					continue
				}
				if !strings.HasSuffix(file, ".md") {
					t.Errorf("%s: the link %s has a fragment into a file that is not Markdown", d.path, target)
					continue
				}
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				github, lab := false, false
				for _, h := range mdHeading.FindAllStringSubmatch(string(b), -1) {
					github = github || githubSlug(h[1]) == frag
					lab = lab || labID(h[1]) == frag
				}
				switch {
				case !github:
					t.Errorf("%s: the link %s names no heading of %s", d.path, target, file)
				case d.lab && !lab:
					t.Errorf("%s: the link %s names a heading GitHub finds but JupyterLab does not (it keeps the heading's case: #%s)", d.path, target, labIDOf(string(b), frag))
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no relative links found: the pattern no longer matches")
	}
}

var (
	mdLink    = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	mdHeading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+(.+?)[ \t]*$`)
	codeSpan  = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")
)

// withoutCode removes code blocks and spans, where brackets are code.
func withoutCode(md string) string { return codeSpan.ReplaceAllString(md, "") }

// githubSlug is the anchor GitHub gives a heading: lowercase, punctuation
// dropped, spaces as hyphens.
func githubSlug(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// labID is the id JupyterLab 4 gives a heading it renders: its text with
// spaces as hyphens, case kept.
func labID(h string) string { return strings.ReplaceAll(h, " ", "-") }

// labIDOf returns JupyterLab's id of the heading whose GitHub slug is frag.
func labIDOf(md, frag string) string {
	for _, h := range mdHeading.FindAllStringSubmatch(md, -1) {
		if githubSlug(h[1]) == frag {
			return labID(h[1])
		}
	}
	return frag
}
