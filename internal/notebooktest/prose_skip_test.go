package notebooktest_test

import (
	"regexp"
	"strings"
)

// notQuantities lists, in one place, every rule by which a number in a
// notebook's markdown is not a quantity that the prose test checks: names,
// references and markup that carry digits. Each rule blanks what it matches
// before the prose is tokenized (prose_number_test.go), and says why. A
// number no rule takes must be a setup fact (prose_setup_test.go) or bound
// to a printed value (prose_bind_test.go); there is no other way out.
var notQuantities = []struct {
	re  *regexp.Regexp
	why string
}{
	{regexp.MustCompile("(?s)```.*?```|`[^`\n]*`"), "code, not prose: a code span or block names a call or a setting"},
	{regexp.MustCompile(`\]\([^)]*\)|https?://\S+|<[^>]+>`), "an address or an HTML tag"},
	{regexp.MustCompile(`(?m)^#+ [0-9]+[a-z]? ·`), "the notebook's number in its title"},
	{regexp.MustCompile(`(?m)^\s*[0-9]+\. |(?m)^#+ [0-9]+\. `), "a list or section marker"},
	{regexp.MustCompile(`(?i)\bnotebooks? [0-9]+[a-z]?(?:(?:, | and | or )[0-9]+[a-z]?)*|笔记本 ?[0-9]+[a-z]?(?:(?:、| 和 |和| 或 )[0-9]+[a-z]?)*`), "a reference to a notebook"},
	{regexp.MustCompile(`(?i)\bexercises? [0-9]+(?:(?:, | and | or |–)[0-9]+)*|练习 ?[0-9]+(?:(?:、| 和 |和|–)[0-9]+)*`), "a reference to an exercise"},
	{regexp.MustCompile(`(?i)\bsections? [0-9]+(?:(?:, | and |–)[0-9]+)*|第 ?[0-9]+ ?节`), "a reference to a section"},
	{regexp.MustCompile(`(?i)\bseeds? [0-9]+(?:(?:, | and | or |–)[0-9]+)*|(?:随机)?种子(?:（seed）)? ?[0-9]+(?:(?:、| 和 |和| 或 |–)[0-9]+)*`), "a seed's name: which draw, not a result"},
	{regexp.MustCompile(`\b(?:ICLR|NeurIPS|ICML|COLT|JMLR|arXiv) (?:19|20)[0-9]{2}\b|\((?:19|20)[0-9]{2}\)|\b[A-Z][a-z]+ (?:19|20)[0-9]{2}[)）]|（(?:19|20)[0-9]{2}）`), "a citation's year"},
	{regexp.MustCompile(`\b[0-9]+(?:-[0-9]+){2,}\b|\b[0-9]+(?: ?→ ?[0-9]+)+`), "a network's layer sizes (1-128-1, 1 → 128 → 1): its configuration, set up, not measured"},
	{regexp.MustCompile(`\b[0-9]-D\b`), "a dimension's name (2-D)"},
	{regexp.MustCompile(`\bpart [0-9]+:`), "a part of a cited work's title"},
	{regexp.MustCompile(`\b[A-Za-z]+[0-9]+[A-Za-z0-9]*\b`), "a name with digits in it (CS231n, float32, AVX2, arm64)"},
	{regexp.MustCompile(`N\(0, ?1\)`), "the standard normal's name, N(0, 1)"},
	{regexp.MustCompile(`\b2/|\b1 − |[\[(]−1, 1[\])]|±1/√|\|z\| (?:[≈=]|超过约) 2\b|\b1/|√128 ≈ 11\b`), "a constant of a formula: the 2 of 2/λmax and 2/lr, the 1 of 1 − lr·λ and of a fraction 1/n, tanh's range (−1, 1), √128 ≈ 11"},
	{regexp.MustCompile(`\bx [=≈] 0\b|\b(?:around|at|near|of|from|through|past) 0\b([^.]|$)|\b0 ?(?:处|附近|右边|左边|较远)|(?:穿过|离|在|从) ?0(?:[^.0-9]|$)`), "the origin x = 0, where a unit without a bias bends"},
}

// withoutNotQuantities returns md with what the rules of notQuantities
// match blanked (positions kept), and how many quantities they took out.
func withoutNotQuantities(md string) (string, int) {
	n := 0
	for _, rule := range notQuantities {
		md = rule.re.ReplaceAllStringFunc(md, func(m string) string {
			n += len(quantities(" " + m))
			return strings.Repeat(" ", len(m))
		})
	}
	return md, n
}
