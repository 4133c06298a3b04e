package notebooktest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/internal/ipynb"
)

// termsFile is the term list of the Chinese edition: data, so that it can
// be re-run on any text (see the file's own notes).
const termsFile = "zh_terms.txt"

// zhText is one text the term list reads: a markdown cell of a Chinese
// notebook, the Chinese README or the Chinese glossary.
type zhText struct{ where, text string }

// termRule is one line of the term list.
type termRule struct {
	line               int
	kind, term, phrase string
	re                 *regexp.Regexp // for avoid
}

// readTerms reads the term list: its rules, and the notebooks it skips.
func readTerms(t *testing.T, path string) (rules []termRule, skip []string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		r := termRule{line: i + 1, kind: f[0]}
		switch {
		case r.kind == "skip" && len(f) == 2:
			skip = append(skip, f[1])
			continue
		case (r.kind == "use" || r.kind == "avoid" || r.kind == "comment") && len(f) == 3:
			r.term, r.phrase = f[1], f[2]
		default:
			t.Fatalf("%s:%d: not a rule (use, avoid, comment with 3 tab-separated fields, or skip with 2): %q", path, i+1, l)
		}
		if r.kind == "avoid" {
			if r.re, err = regexp.Compile(r.phrase); err != nil {
				t.Fatalf("%s:%d: %v", path, i+1, err)
			}
		}
		rules = append(rules, r)
	}
	return rules, skip
}

// zhTexts returns the markdown cells of the Chinese notebooks (but those
// skipped), the Chinese README and glossary, and the code cells' lines.
func zhTexts(t *testing.T, skip []string) (md []zhText, code []zhText) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(zhDir, "*.ipynb"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Chinese notebooks in %s (%v)", zhDir, err)
	}
	for _, p := range names {
		if slices.Contains(skip, filepath.Base(p)) {
			continue
		}
		nb, err := ipynb.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range nb.Cells {
			where := fmt.Sprintf("%s c%d", filepath.Base(p), i)
			if c.Type == "markdown" {
				md = append(md, zhText{where, string(c.Source)})
			} else if c.Type == "code" {
				code = append(code, zhText{where, string(c.Source)})
			}
		}
	}
	for _, p := range []string{filepath.Join(zhDir, "README.md"), filepath.Join(root, "docs", "zh", "glossary.md")} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		md = append(md, zhText{strings.TrimPrefix(p, root+"/"), string(b)})
	}
	return md, code
}

// TestZhTerms checks the term list (zh_terms.txt) on the Chinese edition:
// each chosen rendering appears (in the notebooks, the README or the
// glossary), no wrong one does (in the notebooks or the README: the
// glossary's English column names the English terms), and the helpers'
// comments read the same in every notebook.
func TestZhTerms(t *testing.T) {
	rules, skip := readTerms(t, termsFile)
	md, code := zhTexts(t, skip)
	for _, p := range termProblems(rules, md, code) {
		t.Error(p)
	}
	if len(skip) > 0 {
		t.Logf("%s skips %v: apply the list to it once its prose lands", termsFile, skip)
	}
}

// termProblems returns where the texts break the rules.
func termProblems(rules []termRule, md, code []zhText) []string {
	var out []string
	for _, r := range rules {
		switch r.kind {
		case "use":
			if !slices.ContainsFunc(md, func(x zhText) bool { return strings.Contains(x.text, r.phrase) }) {
				out = append(out, fmt.Sprintf("%s:%d: %s: %q appears nowhere in the Chinese edition", termsFile, r.line, r.term, r.phrase))
			}
		case "avoid":
			for _, x := range md {
				if strings.HasSuffix(x.where, "glossary.md") {
					continue // its English column names the English terms (fan-in)
				}
				for _, m := range r.re.FindAllStringIndex(x.text, -1) {
					out = append(out, fmt.Sprintf("%s:%d: %s: %s says %q: %q", termsFile, r.line, r.term, x.where, x.text[m[0]:m[1]], termContext(x.text, m[0], m[1])))
				}
			}
		case "comment":
			prefix := "// " + r.term + " "
			for _, x := range code {
				for _, l := range strings.Split(x.text, "\n") {
					if l = strings.TrimSpace(l); strings.HasPrefix(l, prefix) && l != r.phrase {
						out = append(out, fmt.Sprintf("%s:%d: %s: the comment reads %q, not %q", termsFile, r.line, x.where, l, r.phrase))
					}
				}
			}
		}
	}
	return out
}

// termContext returns the text around [i, j), some characters each side.
func termContext(s string, i, j int) string {
	r := []rune(s[:i])
	a := string(r[max(0, len(r)-12):])
	r = []rune(s[j:])
	return a + "«" + s[i:j] + "»" + string(r[:min(len(r), 12)])
}

// TestZhTermsCatch checks that the rules find what they are for: a
// wrong rendering, a missing one, a comment worded another way.
func TestZhTermsCatch(t *testing.T) {
	rules, _ := readTerms(t, termsFile)
	md := []zhText{{"good", "原帖与原回答"}}
	code := []zhText{{"good", "// check 遇到错误时打印一条易读的消息并结束本单元格，而不是 panic。"}}
	for _, tc := range []struct{ md, code, want string }{
		{"每个单元一个拐点", "", "拐点"},
		{"先运行下面两个设置单元，之后", "", "设置单元，"},
		{"改动这个单元里的任何内容", "", "这个单元里"},
		{"它的三个原因", "", "三个原因"},
		{"原问题的学习率", "", "原问题"},
		{"权重的方差为 2/(fan-in + fan-out)", "", "(fan-in"},
		{"", "// check 出错时打印一条易读的消息并停止这个单元，而不是 panic。", "the comment reads"},
	} {
		ps := termProblems(rules, append(md, zhText{"broken", tc.md}), append(code, zhText{"broken", tc.code}))
		if !slices.ContainsFunc(ps, func(p string) bool { return strings.Contains(p, "broken") && strings.Contains(p, tc.want) }) {
			t.Errorf("%q / %q: no problem that names %q in %q", tc.md, tc.code, tc.want, ps)
		}
	}
	for _, ok := range []string{"每个隐藏单元一个折点", "一个单元格", "每个单元都平平地停在 ±1", "扇入（fan-in）为 1"} {
		for _, p := range termProblems(rules, []zhText{{"ok", ok}}, nil) {
			if strings.Contains(p, "ok says") {
				t.Errorf("%q is right, but: %s", ok, p)
			}
		}
	}
}

// TestZhFurtherReading checks that the further-reading block is
// translated once: an entry that cites a link reads the same in every
// Chinese notebook that the term list reads (02b cites one paper more,
// and a notebook's last line, on the glossary, may differ).
func TestZhFurtherReading(t *testing.T) {
	_, skip := readTerms(t, termsFile)
	md, _ := zhTexts(t, skip)
	link := regexp.MustCompile(`\]\((https?://[^)]+)\)`)
	seen := map[string][2]string{} // link → the entry citing it first, and where
	blocks := 0
	for _, x := range md {
		i := strings.Index(x.text, "## 延伸阅读")
		if i < 0 || !strings.Contains(x.where, ".ipynb") {
			continue
		}
		blocks++
		for _, entry := range strings.Split(x.text[i:], "\n") {
			m := link.FindStringSubmatch(entry)
			if m == nil {
				continue
			}
			entry = strings.TrimSpace(entry)
			if first, ok := seen[m[1]]; !ok {
				seen[m[1]] = [2]string{entry, x.where}
			} else if entry != first[0] {
				t.Errorf("%s cites %s as\n%s\nbut %s as\n%s", x.where, m[1], entry, first[1], first[0])
			}
		}
	}
	if blocks == 0 {
		t.Error("no Chinese notebook has a further-reading block (## 延伸阅读)")
	}
}
