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
// The first entries are what the package prints (figure.SetLanguage("zh"):
// a Fit, an exercise's result); then come the labels the Chinese notebooks'
// own cells print, grouped by notebook. A label that a check parses and a
// translator changes needs an entry here; a check fails when one is missing.
var zhLabels = []struct {
	zh *regexp.Regexp
	en string
}{
	// sinenet.Evaluation
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
	// 04-optimizers-compared
	{regexp.MustCompile(`^Nesterov 前 100 步中的最高损失：`), "Nesterov, highest loss in the first 100 steps: "},
	{regexp.MustCompile(`^(GD|Momentum)，学习率 3e-3，最终损失：`), "$1, lr 3e-3, final loss: "},
	{regexp.MustCompile(`^Model B，Adam：`), "Model B, Adam: "},
	{regexp.MustCompile(`^Model B，AdamW 衰减 0\.5：`), "Model B, AdamW decay 0.5: "},
	{regexp.MustCompile(`^Model B，(AdamW?)，\[-1, 1\] 内的极值点：`), "Model B, $1, extrema in [-1, 1]: "},
	{regexp.MustCompile(`^Model B，AdamW，极值点位于 x = `), "Model B, AdamW, extrema at x = "},
	{regexp.MustCompile(`^Model B，AdamW 衰减 0\.1，极值点位于 x = `), "Model B, AdamW decay 0.1, extrema at x = "},
	{regexp.MustCompile(`^Model B，(AdamW?)，权重范数：`), "Model B, $1, weight norm: "},
	{regexp.MustCompile(`^Model B，AdamW 衰减 0\.1，权重范数：`), "Model B, AdamW decay 0.1, weight norm: "},
	{regexp.MustCompile(`^恒定学习率，第 1000 步之后的最大尖峰：`), "constant lr, largest spike after step 1000: "},
	{regexp.MustCompile(`^余弦衰减，第 1000 步之后的最大尖峰：`), "cosine decay, largest spike after step 1000: "},
	{regexp.MustCompile(`^恒定学习率，最终损失：`), "constant lr, final loss: "},
	{regexp.MustCompile(`^余弦衰减，最终损失：`), "cosine decay, final loss: "},
	{regexp.MustCompile(`^(\S+) 在 (Rosenbrock|Saddle|Quadratic) 上：终点 \(([^)]*)\)，f = `), "$1 on $2: ends at ($3), f = "},

	// 03-the-answer
	{regexp.MustCompile(`^原答案（Adam \+ L1，1000 步）：`), "The answer (Adam + L1, 1000 steps): "},
	{regexp.MustCompile(`^原答案最终的 L1 损失：`), "The answer's final L1 loss: "},
	{regexp.MustCompile(`^L1 损失的噪声下限：`), "L1 noise floor: "},
	{regexp.MustCompile(`^原答案的损失升幅超过 5% 的步：`), "The answer's loss jumps of more than 5%: at steps "},
	{regexp.MustCompile(`^(reconstruction|Model A|Model B)，留出验证：训练集 L1 (\S+)，验证集 L1 (\S+)$`), "$1 held out: training L1 $2, validation L1 $3"},
	{regexp.MustCompile(`^Model ([AB]) 用 Adam \+ L1：`), "Model $1 with Adam + L1: "},
	{regexp.MustCompile(`^Model ([AB]) 用 Adam \+ L1，极值点位于 x = `), "Model $1 with Adam + L1, extrema at x = "},
	{regexp.MustCompile(`^Adam \+ MSE：`), "Adam + MSE: "},
	{regexp.MustCompile(`^离群点，(\S+)：`), "outliers, $1: "},
	{regexp.MustCompile(`^原问题的设置：`), "question: "},
	{regexp.MustCompile(`^\+ 偏置：`), "+ biases: "},
	{regexp.MustCompile(`^\+ 较小的初始化：`), "+ small init: "},
	{regexp.MustCompile(`^\+ 线性输出：`), "+ linear output: "},
	{regexp.MustCompile(`^四项修正全用上，(GD|Adam) 学习率 1e-2：`), "all four fixes, $1 lr 1e-2: "},
	{regexp.MustCompile(`^(\S+) 初始化：开始时隐藏层预激活超出 ±2 的比例：`), "init $1: hidden pre-activations past ±2 at the start: "},
	{regexp.MustCompile(`^(\S+) 初始化，Adam \+ MSE：`), "init $1, Adam + MSE: "},

	// 01-the-question
	{regexp.MustCompile(`^数据点数：`), "points: "},
	{regexp.MustCompile(`^(Model [AB])：`), "$1: "},
	{regexp.MustCompile(`^极值点位于 x = `), "extrema at x = "},
	{regexp.MustCompile(`^(Model [AB]) 损失：`), "$1 loss: "},
	{regexp.MustCompile(`^(Model [AB]) 损失上升：(\d+) 次（共 (\d+) 步）$`), "$1 loss rises: $2 of $3 steps"},
	{regexp.MustCompile(`^(Model [AB]) 损失跳升超过 5% 的步：`), "$1 loss jumps of more than 5%: at steps "},
	{regexp.MustCompile(`^随机种子 (\d+)：(.*)，极值点位于 `), "seed $1: $2, extrema at "},
	{regexp.MustCompile(`^随机种子 (\d+) 损失：`), "seed $1 loss: "},
	{regexp.MustCompile(`^(Model [AB]) 留出验证：训练 MSE (\S+?)，验证 MSE (\S+?)，`), "$1 held out: training MSE $2, validation MSE $3, "},
	{regexp.MustCompile(`^噪声下限（真实曲线在数据上的 MSE）：`), "noise floor, MSE of the true curve on the data: "},
	// 02b-the-edge-of-stability
	{regexp.MustCompile(`^(Model [AB] seed \d+) λmax/\(2/lr\)：起点 (\S+?)，峰值 (\S+?)（第 (\d+) 步），峰值之后最低 (\S+?)（第 (\d+) 步），终点 (\S+)$`),
		"$1 λmax/(2/lr): start $2, peak $3 (step $4), lowest after it $5 (step $6), end $7"},
	{regexp.MustCompile(`^(Model [AB] seed \d+) λmax 超过 2/lr：(\d+) 次（共 (\d+) 次估计）$`), "$1 λmax above 2/lr: at $2 of $3 estimates"},
	{regexp.MustCompile(`^(Model [AB] seed \d+) 损失：(\S+) -> (\S+?)，有 (\d+) 步上升`), "$1 loss: $2 -> $3, rose at $4 steps"},
	{regexp.MustCompile(`，其中 (\d+)% 发生在 λmax ≥ 0\.9·2/lr 时；跳升超过 5% 的步：`), ", $1% of them with λmax ≥ 0.9·2/lr; jumps of more than 5% at steps "},
	{regexp.MustCompile(`^(Model [AB] seed \d+) 开销：每次估计 (\S+) 次梯度计算$`), "$1 cost: $2 gradient evaluations per estimate"},

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
		{"Model B，留出验证：训练集 L1 0.0481，验证集 L1 0.0496", "Model B held out: training L1 0.0481, validation L1 0.0496"},
		{"he 初始化，Adam + MSE：RMSE 0.0216，3 个极值点（真实曲线有 3 个）", "init he, Adam + MSE: RMSE 0.0216, 3 extrema (the true curve has 3)"},

		{"随机种子 3：RMSE 1.1172，0 个极值点（真实曲线有 3 个），极值点位于 []",
			"seed 3: RMSE 1.1172, 0 extrema (the true curve has 3), extrema at []"},
		{"Model B 留出验证：训练 MSE 0.0089，验证 MSE 0.0121，RMSE 0.0875，13 个极值点（真实曲线有 3 个）",
			"Model B held out: training MSE 0.0089, validation MSE 0.0121, RMSE 0.0875, 13 extrema (the true curve has 3)"},
		{"Model A seed 2 λmax/(2/lr)：起点 1.1e-05，峰值 0.63（第 780 步），峰值之后最低 0.57（第 1490 步），终点 0.58",
			"Model A seed 2 λmax/(2/lr): start 1.1e-05, peak 0.63 (step 780), lowest after it 0.57 (step 1490), end 0.58"},
		{"Model B seed 1 损失：3461 -> 23.6，有 549 步上升，其中 89% 发生在 λmax ≥ 0.9·2/lr 时；跳升超过 5% 的步：[124 2063 2065 2067]",
			"Model B seed 1 loss: 3461 -> 23.6, rose at 549 steps, 89% of them with λmax ≥ 0.9·2/lr; jumps of more than 5% at steps [124 2063 2065 2067]"},
	} {
		if got := english(tc.zh); got != tc.en {
			t.Errorf("english(%q)\n = %q\nwant %q", tc.zh, got, tc.en)
		}
	}
}
