package notebooktest_test

import (
	"regexp"
	"strings"
	"testing"
)

// zhLabels turns the labels a Chinese notebook prints back into the English
// ones its twin prints, so that one set of checks (checks_test.go) reads
// both editions: the numbers are the same, only the words around them
// differ. Each entry matches a Chinese label, with the numbers it carries
// as groups, and gives its English form; they apply in order, one line at
// a time.
//
// The first entries are what the package prints (sinenet.SetLanguage("zh"):
// a Fit, an exercise's result); then come the labels the Chinese notebooks'
// own cells print, grouped by notebook. A label that a check parses and a
// translator changes needs an entry here; a check fails when one is missing.
var zhLabels = []struct {
	zh *regexp.Regexp
	en string
}{
	// sinenet.Fit
	{regexp.MustCompile(`RMSE (\S+?)，(-?\d+) 个极值点（真实曲线有 (\d+) 个）`), "RMSE $1, $2 extrema (the true curve has $3)"},
	// exercise.Result
	{regexp.MustCompile(`^练习 (\d+)：✓ 达成目标：(.*)（目标：(.*)）$`), "Exercise $1: ✓ goal met: $2 (goal: $3)"},
	{regexp.MustCompile(`^练习 (\d+)：✗ 尚未达成：(.*)（目标：(.*)）$`), "Exercise $1: ✗ not yet: $2 (goal: $3)"},
	{regexp.MustCompile(`^  提示：`), "  hint: "},
	{regexp.MustCompile(`损失最终为初始值的 `), "the loss ends at "},
	// knobs
	{regexp.MustCompile(`^knobs：显示的是默认设置；滑块只在实时运行的笔记本（JupyterLab）中响应$`), "knobs: showing the default settings; the sliders answer only in a live notebook (JupyterLab)"},

	// 05-exercises, 05-solutions
	// (fmt.Println puts a space after "出错：" as after "error:")
	{regexp.MustCompile(`^出错： ?`), "error: "},
	{regexp.MustCompile(`^训练未出错： ?`), "trained without error: "},
	// 06-knobs
	{regexp.MustCompile(`^实时训练：`), "live run: "},
	// 02-why-it-wiggles
	{regexp.MustCompile(`^按原问题训练的 Model A：`), "Model A as in the question: "},
	{regexp.MustCompile(`^\[0, 1\] 上的 max \|f\(x\) \+ f\(-x\)\|：`), "max |f(x) + f(-x)| on [0, 1]: "},
	{regexp.MustCompile(`^有偏置时，中心落在 \[-1, 9\] 内的单元：`), "unit centres inside [-1, 9] with biases: "},
	{regexp.MustCompile(`^随机种子 (\d+)，隐藏层饱和：`), "seed $1 hidden saturated: "},
	{regexp.MustCompile(`^随机种子 (\d+)，输出层饱和：`), "seed $1 output saturated: "},
	{regexp.MustCompile(`^梯度之比，求和/平均：`), "gradient ratio sum/mean: "},
	{regexp.MustCompile(`^Model A，平均损失，lr 1\.6e-3：`), "Model A, mean loss, lr 1.6e-3: "},
	{regexp.MustCompile(`^Model A，线性输出：`), "Model A, linear output: "},
	{regexp.MustCompile(`^线性输出的损失：`), "loss: "},
	{regexp.MustCompile(`^(Model [AB]) 初始时，极限 2/λmax 与原问题学习率之比：`), "$1 at init, limit 2/λmax over the question's lr: "},
	{regexp.MustCompile(`^Model A 初始时，平均损失：`), "Model A at init, mean loss: "},
	{regexp.MustCompile(`^lr (\S+)：最终损失 (\S+)，损失上升的步数 (\d+)$`), "lr $1: final loss $2, loss rose at $3 steps"},
	{regexp.MustCompile(`^损失上升的步数超过三分之一的第一个学习率：`), "first rate whose loss rose at more than a third of the steps: "},
	{regexp.MustCompile(`^Model A，10000 步：`), "Model A, 10000 steps: "},
}

// english returns out, the printed output of a Chinese notebook, with its
// labels put back in English by zhLabels.
func english(out string) string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		for _, r := range zhLabels {
			l = r.zh.ReplaceAllString(l, r.en)
		}
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// TestEnglish checks that english puts the package's Chinese lines back
// into the English ones the checks parse.
func TestEnglish(t *testing.T) {
	for _, tc := range []struct{ zh, en string }{
		{"练习 4：✓ 达成目标：RMSE 0.0257，3 个极值点（真实曲线有 3 个）（385 个参数）（目标：3 个极值点，RMSE < 0.04，训练设置不变）",
			"Exercise 4: ✓ goal met: RMSE 0.0257, 3 extrema (the true curve has 3)（385 个参数） (goal: 3 个极值点，RMSE < 0.04，训练设置不变)"},
		{"练习 2：✗ 尚未达成：normal 初始化：损失最终为初始值的 99.7%，RMSE 1.1172，0 个极值点（真实曲线有 3 个）（目标：损失降到初始值的 2/3 以下）\n  提示：N(0, 1)",
			"Exercise 2: ✗ not yet: normal 初始化：the loss ends at 99.7%，RMSE 1.1172, 0 extrema (the true curve has 3) (goal: 损失降到初始值的 2/3 以下)\n  hint: N(0, 1)"},
		{"实时训练：RMSE 0.0058，3 个极值点（真实曲线有 3 个）", "live run: RMSE 0.0058, 3 extrema (the true curve has 3)"},
	} {
		if got := english(tc.zh); got != tc.en {
			t.Errorf("english(%q)\n = %q\nwant %q", tc.zh, got, tc.en)
		}
	}
}
