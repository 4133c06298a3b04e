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
	{regexp.MustCompile(`^练习 (\d+)：✓ 达成目标：(.*)。目标：(.*)$`), "Exercise $1: ✓ goal met: $2 (goal: $3)"},
	{regexp.MustCompile(`^练习 (\d+)：✓ 达成目标：(.*)（目标：(.*)）$`), "Exercise $1: ✓ goal met: $2 (goal: $3)"},
	{regexp.MustCompile(`^练习 (\d+)：✗ 尚未达成：(.*)。目标：(.*)$`), "Exercise $1: ✗ not yet: $2 (goal: $3)"},
	{regexp.MustCompile(`^练习 (\d+)：✗ 尚未达成：(.*)（目标：(.*)）$`), "Exercise $1: ✗ not yet: $2 (goal: $3)"},
	{regexp.MustCompile(`^  提示：`), "  hint: "},
	{regexp.MustCompile(`^  抽样：随机种子 (\d+)（令 exercise\.Draw = (\d+) 即可重现）$`), "  draw: seed $1 (exercise.Draw = $2 repeats it)"},
	{regexp.MustCompile(`损失最终为初始值的 `), "the loss ends at "},
	{regexp.MustCompile(`^Xavier 正态 ?初始化`), "Xavier normal 初始化"},
	{regexp.MustCompile(`^Xavier 均匀 ?初始化`), "Xavier uniform 初始化"},
	{regexp.MustCompile(`^标准正态 ?初始化`), "standard normal 初始化"},
	// figure.Describe, the model summary's last line
	{regexp.MustCompile(`^\) (\d+) 个参数，初始化：`), ") $1 parameters, init "},
	{regexp.MustCompile(`跑完了全部 (\d+) 步`), "ran all $1 steps"},
	{regexp.MustCompile(`（(\d+)/(\d+) 组正确）`), "($1 of $2 pairs right)"},
	{regexp.MustCompile(`你的学习率是稳定的，但不是最大的`), "your rate is safe but not the largest"},
	{regexp.MustCompile(`第 (\d+)/(\d+) 关`), "stage $1 of $2"},
	// knobs
	{regexp.MustCompile(`^knobs：显示的是默认设置；滑块只在实时运行的笔记本（JupyterLab）中响应$`), "knobs: showing the default settings; the sliders answer only in a live notebook (JupyterLab)"},

	// 05-exercises, 05-solutions
	// (fmt.Println put a space after "出错：" as after "error:" before
	// the notebooks printed "出错："+figure.Explain(err))
	{regexp.MustCompile(`^出错： ?`), "error: "},
	// figure.Explain's divergence, in Chinese, as the core says it
	{regexp.MustCompile(`^error: 训练在第 (\d+) 步发散`), "error: sinenet: training diverged at step $1"},
	// figure.Bool's 是 and 否
	{regexp.MustCompile(`^训练顺利完成：否$`), "trained without error: false"},
	{regexp.MustCompile(`^训练顺利完成：是$`), "trained without error: true"},
	{regexp.MustCompile(`^ReLU \[([0-9 ]+)\]，(\d+) 步：`), "ReLU [$1], $2 steps: "},
	// 06-knobs
	{regexp.MustCompile(`^实时训练：`), "live run: "},
	// 04-optimizers-compared
	{regexp.MustCompile(`^Nesterov 前 100 步中的最高损失：`), "Nesterov, highest loss in the first 100 steps: "},
	{regexp.MustCompile(`^开始时的 λmax：`), "λmax at the start: "},
	{regexp.MustCompile(`^(\S+) 开始时学习率的稳定性极限：`), "$1, stability limit on the rate at the start: "},
	{regexp.MustCompile(`^(\S+)：最佳学习率 (\S+)，损失 `), "$1: best rate $2, loss "},
	{regexp.MustCompile(`^开始时的损失：`), "loss at the start: "},
	{regexp.MustCompile(`^随机种子 (\d+)：Adam 损失 (\S+)，(\d+) 个极值点；L-BFGS 损失 (\S+)，(\d+) 个极值点，(\d+) 次梯度计算$`), "seed $1: Adam loss $2, $3 extrema; L-BFGS loss $4, $5 extrema, $6 evaluations"},
	{regexp.MustCompile(`^学习率 0\.05 的 Adam 错过第三个波峰的随机种子：`), "Adam at 0.05 misses the third peak on seeds: "},
	{regexp.MustCompile(`^L-BFGS 最终损失低于 Adam 的随机种子：`), "L-BFGS ends below Adam on seeds: "},
	{regexp.MustCompile(`^L-BFGS 最终损失高于 Adam 的随机种子：`), "L-BFGS ends above Adam on seeds: "},
	{regexp.MustCompile(`^GD 最终损失最高的随机种子：`), "GD ends with the highest loss on seeds: "},
	{regexp.MustCompile(`^L-BFGS 在这些随机种子上，最少的极值点：(\d+)，最多的梯度计算次数：`), "L-BFGS on these seeds, fewest extrema: $1, most gradient evaluations: "},
	{regexp.MustCompile(`^RMSprop 在各个学习率下最后 100 步的平均损失：`), "RMSprop, mean of the last 100 steps at each rate: "},
	{regexp.MustCompile(`^Adam 学习率 0\.01 跑 1000 步后的极值点：`), "Adam at 0.01, extrema after 1000 steps: "},
	{regexp.MustCompile(`^(\S+)，(\d+) 次梯度计算后的损失：`), "$1, loss after $2 evaluations: "},
	{regexp.MustCompile(`^(\S+)，参考引擎，每次梯度计算的 CPU 时间与 GD 之比：`), "$1, reference engine, CPU time per evaluation over GD's: "},
	{regexp.MustCompile(`^GD 每次梯度计算的 CPU 时间，参考引擎与快速引擎之比：`), "GD, CPU time per evaluation, reference engine over fast engine: "},
	{regexp.MustCompile(`^(\S+) 在旋转后的二次函数上：学习率 (\S+?)，μ (\S+?)，50 步后离最小值的距离 `), "$1 on the turned quadratic: lr $2, μ $3, distance from the minimum after 50 steps "},
	{regexp.MustCompile(`^(\S+) 在旋转后的二次函数上：学习率 (\S+?)，50 步后离最小值的距离 `), "$1 on the turned quadratic: lr $2, distance from the minimum after 50 steps "},
	{regexp.MustCompile(`^(\S+) 在第 40-50 步每步距离缩小的倍数：(\S+?)，理论值 `), "$1, distance factor per step over steps 40-50: $2, theory "},
	{regexp.MustCompile(`^(\S+) 在 (Quadratic|Rotated quadratic) 上选中的学习率：(\S+?)，最后 10 步的平均距离 `), "$1 on $2, chosen rate: $3, mean distance over the last 10 steps "},
	{regexp.MustCompile(`^(\S+) 在 (Quadratic|Rotated quadratic) 上，平均距离低于 1e-12 的学习率从这里起：`), "$1 on $2, mean distance below 1e-12 at every rate from: "},
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
	{regexp.MustCompile(`^(\S+) 在 (Rosenbrock|Saddle|Quadratic|Rotated quadratic) 上：终点 \(([^)]*)\)，f = (\S+?)，离最小值的距离 `), "$1 on $2: ends at ($3), f = $4, distance from the minimum "},
	{regexp.MustCompile(`，最后 10 步的平均距离 `), ", mean over the last 10 steps "},

	// 03-the-answer
	{regexp.MustCompile(`^原(?:答案|回答)（Adam \+ L1，1000 步）：`), "The answer (Adam + L1, 1000 steps): "},
	{regexp.MustCompile(`^原(?:答案|回答)最终的 L1 损失：`), "The answer's final L1 loss: "},
	{regexp.MustCompile(`^L1 损失的噪声下限：`), "L1 noise floor: "},
	{regexp.MustCompile(`^原(?:答案|回答)的损失升幅超过 5% 的步：`), "The answer's loss jumps of more than 5%: at steps "},
	{regexp.MustCompile(`^(reconstruction|Model A|Model B)，留出验证：训练集 L1 (\S+)，验证集 L1 (\S+)$`), "$1 held out: training L1 $2, validation L1 $3"},
	{regexp.MustCompile(`^Model ([AB]) 用 Adam \+ L1：`), "Model $1 with Adam + L1: "},
	{regexp.MustCompile(`^Model ([AB]) 用 Adam \+ L1，极值点位于 x = `), "Model $1 with Adam + L1, extrema at x = "},
	{regexp.MustCompile(`^Adam \+ MSE：`), "Adam + MSE: "},
	{regexp.MustCompile(`^(reconstruction|Model A|Model B)，参数：(\d+) 个，每个训练点 (\S+) 个$`), "$1, parameters: $2, $3 per training point"},
	{regexp.MustCompile(`^(reconstruction|Model A|Model B)，验证集 L1 最低在第几步：(\d+)（共 (\d+) 步）$`), "$1, validation L1 lowest at step: $2 of $3"},
	{regexp.MustCompile(`^第三个波峰 x = 7\.85 处：拟合 (\S+?)，真实曲线 (\S+)$`), "at the third peak, x = 7.85: fit $1, true curve $2"},
	{regexp.MustCompile(`^PyTorch 初始化，原始 x：初始 λmax (\S+?)，2/λmax (\S+)$`), "PyTorch init, raw x: λmax at the start $1, 2/λmax $2"},
	{regexp.MustCompile(`^PyTorch 初始化，标准化的 x：初始 λmax (\S+?)，2/λmax (\S+)$`), "PyTorch init, standardized x: λmax at the start $1, 2/λmax $2"},
	{regexp.MustCompile(`^GD 学习率 (\S+?)，原始 x：`), "GD lr $1, raw x: "},
	{regexp.MustCompile(`^GD 学习率 (\S+?)，原始 x，损失：第 0 步 (\S+)，最高 (\S+)（第 (\d+) 步），(\d+) 步中有 (\d+) 步上升$`), "GD lr $1, raw x, loss: $2 at step 0, highest $3 at step $4, rose at $6 of $5 steps"},
	{regexp.MustCompile(`^GD 学习率 (\S+?)，标准化的 x，损失：第 0 步 (\S+)，最高 (\S+)（第 (\d+) 步），(\d+) 步中有 (\d+) 步上升$`), "GD lr $1, standardized x, loss: $2 at step 0, highest $3 at step $4, rose at $6 of $5 steps"},
	{regexp.MustCompile(`^GD 学习率 (\S+?)，原始 x，结束时：λmax (\S+?)，2/lr (\S+)$`), "GD lr $1, raw x, at the end: λmax $2, 2/lr $3"},
	{regexp.MustCompile(`^(reconstruction|Model A|Model B)，验证集减训练集 L1 的标准误：`), "$1, standard error of validation minus training L1: "},
	{regexp.MustCompile(`^真实曲线：训练部分的 L1 (\S+?)，验证部分的 L1 (\S+)$`), "true curve: L1 on the training part $1, on the validation part $2"},
	{regexp.MustCompile(`^GD 学习率 4e-2，标准化的 x：`), "GD lr 4e-2, standardized x: "},
	{regexp.MustCompile(`^Adam 学习率 1e-2，Xavier，标准化的 x：`), "Adam lr 1e-2, Xavier, standardized x: "},
	{regexp.MustCompile(`^随机种子 (\d+)，原始 x 上的 GD：初始 λmax (\S+?)，学习率 (\S+?)，RMSE (\S+?)，(\d+) 个极值点，损失上升 (\d+) 步$`), "seed $1, GD on raw x: λmax at the start $2, lr $3, RMSE $4, $5 extrema, loss rose at $6 steps"},
	{regexp.MustCompile(`^随机种子 (\d+)，标准化的 x 上的 GD：初始 λmax (\S+?)，学习率 (\S+?)，RMSE (\S+?)，(\d+) 个极值点，损失上升 (\d+) 步$`), "seed $1, GD on standardized x: λmax at the start $2, lr $3, RMSE $4, $5 extrema, loss rose at $6 steps"},
	{regexp.MustCompile(`^离群点，(\S+?)，平均高出真实曲线：`), "outliers, $1, mean height above the true curve: "},
	{regexp.MustCompile(`^离群点，(\S+)：`), "outliers, $1: "},
	{regexp.MustCompile(`^原(?:问题|帖)的设置：`), "question: "},
	{regexp.MustCompile(`^\+ 偏置：`), "+ biases: "},
	{regexp.MustCompile(`^\+ 较小的初始化：`), "+ small init: "},
	{regexp.MustCompile(`^\+ 线性输出：`), "+ linear output: "},
	{regexp.MustCompile(`^四项修正全用上，(GD|Adam) 学习率 1e-2：`), "all four fixes, $1 lr 1e-2: "},
	{regexp.MustCompile(`^(.+?) 初始化：开始时隐藏层预激活超出 ±2 的比例：`), "init $1: hidden pre-activations past ±2 at the start: "},
	{regexp.MustCompile(`^(.+?) 初始化，Adam \+ MSE：`), "init $1, Adam + MSE: "},

	// 01-the-question
	{regexp.MustCompile(`^数据点数：`), "points: "},
	{regexp.MustCompile(`^(Model [AB])：`), "$1: "},
	{regexp.MustCompile(`^极值点位于 x = `), "extrema at x = "},
	{regexp.MustCompile(`^(Model [AB]) 损失：`), "$1 loss: "},
	{regexp.MustCompile(`^(Model [AB]) 损失上升：(\d+) 次（共 (\d+) 步）$`), "$1 loss rises: $2 of $3 steps"},
	{regexp.MustCompile(`^(Model [AB]) 损失跳升超过 5% 的步：`), "$1 loss jumps of more than 5%: at steps "},
	{regexp.MustCompile(`^Model B 最后 40 步的损失：上升 (\d+) 次，在 (\S+) 到 (\S+) 之间$`), "Model B loss in the last 40 steps: rose at $1, between $2 and $3"},
	{regexp.MustCompile(`^随机种子 (\d+)：(.*)，极值点位于 `), "seed $1: $2, extrema at "},
	{regexp.MustCompile(`^随机种子 (\d+) 损失：`), "seed $1 loss: "},
	{regexp.MustCompile(`^(Model [AB]) 留出验证：训练 MSE (\S+?)，验证 MSE (\S+?)，`), "$1 held out: training MSE $2, validation MSE $3, "},
	{regexp.MustCompile(`^噪声下限（真实曲线在数据上的 MSE）：`), "noise floor, MSE of the true curve on the data: "},
	{regexp.MustCompile(`^第 (\d+) 步：极值点位于 x = `), "step $1: extrema at x = "},
	{regexp.MustCompile(`^这一对首次出现在第几步：`), "the pair first appears at step: "},
	{regexp.MustCompile(`^此后没有这一对的步数：`), "steps without the pair after that: "},
	{regexp.MustCompile(`^这一对最宽时：±(\S+?)，在第 (\d+) 步$`), "the pair at its widest: ±$1, at step $2"},
	{regexp.MustCompile(`^这一对最后一次移动在第几步：(\d+)，移到 ±`), "the pair last moves at step: $1, to ±"},
	{regexp.MustCompile(`^读到的运行：(\d+) 次$`), "runs read: $1"},
	{regexp.MustCompile(`^(pair|stuck|other)：(\d+) 次，随机种子 `), "$1: $2, seeds "},
	{regexp.MustCompile(`^在 x = 5 右边有极值点的运行：(\d+) 次$`), "runs with an extremum right of x = 5: $1"},
	{regexp.MustCompile(`^pair 类运行中，那一对首次出现在第几步：从 (\d+) 到 (\d+)$`), "pair runs, the step the pair first appears: from $1 to $2"},
	{regexp.MustCompile(`^曾有那一对、后来又失去的 other 类运行：(\d+) 次（共 (\d+) 次）$`), "other runs that had the pair and lost it: $1 of $2"},
	{regexp.MustCompile(`^曲线上带着那一对的 stuck 类运行：(\d+) 次，随机种子 `), "stuck runs whose curve has the pair: $1, seeds "},
	{regexp.MustCompile(`^第 0 步就带着那一对的运行：(\d+) 次，随机种子 `), "runs with the pair at step 0: $1, seeds "},
	{regexp.MustCompile(`^它们按结局分：pair (\d+) 次，stuck (\d+) 次，other (\d+) 次$`), "of those, by how they end: pair $1, stuck $2, other $3"},
	{regexp.MustCompile(`^在训练中形成那一对的运行：(\d+) 次；按结局分：pair (\d+) 次，stuck (\d+) 次，other (\d+) 次$`), "runs that form the pair in training: $1; by how they end: pair $2, stuck $3, other $4"},
	{regexp.MustCompile(`^随机种子 1 初始时输出饱和的比例：`), "output saturated at init, seed 1: "},
	{regexp.MustCompile(`^(\d+) 次抽样初始时输出饱和比例的中位数：`), "output saturated at init, median of the $1: "},
	{regexp.MustCompile(`^饱和比例低于随机种子 1 的抽样：(\d+) 次$`), "draws less saturated than seed 1: $1"},
	{regexp.MustCompile(`^(Model [AB]) 最终的网络：验证 MSE 减训练 MSE 为 (\S+?)，其抽样误差为 (\S+)$`), "$1 final network: validation - training MSE $2, its sampling error $3"},
	{regexp.MustCompile(`^Model B 在划分 (\d+) 上（internal/splits）：训练 MSE (\S+?)，验证 MSE (\S+?)，差 (\S+?)，其抽样误差 (\S+)$`), "Model B on split $1 (internal/splits): training MSE $2, validation MSE $3, gap $4, its sampling error $5"},
	{regexp.MustCompile(`^各列：随机种子 1-40，随机种子 41-80，全部 80$`), "columns: seeds 1-40, seeds 41-80, all 80"},
	{regexp.MustCompile(`^以那一对收场(\s+\d+\s+\d+\s+\d+)$`), "end with the pair$1"},
	{regexp.MustCompile(`^卡住(\s+\d+\s+\d+\s+\d+)$`), "stuck$1"},
	{regexp.MustCompile(`^以其他形状结束(\s+\d+\s+\d+\s+\d+)$`), "other shapes$1"},
	{regexp.MustCompile(`^第 0 步就带着那一对(\s+\d+\s+\d+\s+\d+)$`), "pair at step 0$1"},
	{regexp.MustCompile(`^其中以那一对收场(\s+\d+\s+\d+\s+\d+)$`), "pair at step 0, end with it$1"},
	{regexp.MustCompile(`^饱和比例超过 95%(\s+\d+\s+\d+\s+\d+)$`), "more than 95% saturated$1"},
	{regexp.MustCompile(`^超过 95% 且卡住(\s+\d+\s+\d+\s+\d+)$`), "more than 95% saturated, stuck$1"},
	{regexp.MustCompile(`^饱和比例不超过 95%(\s+\d+\s+\d+\s+\d+)$`), "at most 95% saturated$1"},
	{regexp.MustCompile(`^不超过 95% 且卡住(\s+\d+\s+\d+\s+\d+)$`), "at most 95% saturated, stuck$1"},
	{regexp.MustCompile(`^饱和比例不超过 95% 而卡住的随机种子：(\[[0-9 ]*\]) 和 (\[[0-9 ]*\])$`), "seeds at most 95% saturated that get stuck: $1 and $2"},
	{regexp.MustCompile(`^随机种子 41-80 中第 0 步就带着那一对的：(\[[0-9 ]*\])$`), "seeds 41-80 with the pair at step 0: $1"},
	// 02b-the-edge-of-stability
	{regexp.MustCompile(`^lr·λ = (\S+)：每步损失乘以 (\S+)，(\d+) 步中上升 (\d+) 步，x 变号 (\d+) 次$`), "lr·λ = $1: loss × $2 per step, $3 steps, the loss rose at $4, x changed sign at $5"},
	{regexp.MustCompile(`^(Model [AB] seed \d+) λmax/\(2/lr\)：起点 (\S+?)，首次超过 1：从未，`), "$1 λmax/(2/lr): start $2, first above 1: never, "},
	{regexp.MustCompile(`^(Model [AB] seed \d+) λmax/\(2/lr\)：起点 (\S+?)，首次超过 1：第 (\d+) 步，`), "$1 λmax/(2/lr): start $2, first above 1: step $3, "},
	{regexp.MustCompile(`(first above 1: [^,]+, )峰值 (\S+?)（第 (\d+) 步），最后两步 (\S+) 和 (\S+)$`), "${1}peak $2 (step $3), last two steps $4 and $5"},
	{regexp.MustCompile(`^(Model [AB] seed \d+) λmax/\(2/lr\) 第 300 步之后：偶数步 (\S+?)，奇数步 (\S+)$`), "$1 λmax/(2/lr) after step 300: even steps $2, odd steps $3"},
	{regexp.MustCompile(`^(Model [AB] seed \d+) 损失：(\S+) -> (\S+?)，有 (\d+) 步上升；起始步测量过的 (\d+) 次上升中，(\d+) 次从 λmax ≥ 2/lr 出发`), "$1 loss: $2 -> $3, rose at $4 steps; of the $5 rises whose start was measured, $6 from λmax ≥ 2/lr"},
	{regexp.MustCompile(`；跳升超过 5% 的步：`), "; jumps of more than 5% at steps "},
	{regexp.MustCompile(`^(Model [AB] seed \d+) 从第 (\d+)-(\d+) 步出发的上升：(\d+) 次，其中 (\d+) 次从 λmax ≥ 2/lr 出发$`), "$1 rises starting in steps $2-$3: $4, of them $5 from λmax ≥ 2/lr"},
	{regexp.MustCompile(`^(Model [AB] seed \d+) 开销：(\d+) 次估计，每次 (\S+) 次梯度计算，(\d+) 次未收敛$`), "$1 cost: $2 estimates, $3 gradient evaluations each, $4 not converged"},
	{regexp.MustCompile(`^(Model [AB] seed \d+) 第 (\d+) 步和第 (\d+) 步：λmax/\(2/lr\) 为 (\S+) 和 (\S+?)，两者中点处 (\S+?)；损失 (\S+) 和 (\S+?)，中点处 (\S+)$`),
		"$1 steps $2 and $3: λmax/(2/lr) $4 and $5, at their midpoint $6; loss $7 and $8, at the midpoint $9"},
	{regexp.MustCompile(`^第 (\d+) 步：损失 (\S+?)，微调后的训练 (\S+?)，相差 (\S+)$`), "step $1: loss $2, nudged run $3, difference $4"},
	{regexp.MustCompile(`^(.+)，从第 100 步起的 λmax\(P⁻¹H\)/\(38/lr\)：(\d+) 次估计中有 (\d+) 次超过 1，最高 (\S+?)（第 (\d+) 步），第 1000 步 (\S+)$`),
		"$1, λmax(P⁻¹H)/(38/lr) from step 100 on: above 1 at $3 of $2 estimates, highest $4 (step $5), at step 1000 $6"},
	{regexp.MustCompile(`^(.+)，第 1000 步之后最大的损失尖峰：(\S+?)，在第 (\d+) 步$`), "$1, largest loss spike after step 1000: $2, at step $3"},

	// 02-why-it-wiggles
	{regexp.MustCompile(`^按原问题训练的 Model A：`), "Model A as in the question: "},
	{regexp.MustCompile(`^\[0, 1\] 上的 max \|f\(x\) \+ f\(-x\)\|：`), "max |f(x) + f(-x)| on [0, 1]: "},
	{regexp.MustCompile(`^在 x = 9 处仍有坡度（\|w·9\| < 2）的单元：(\d+) 个（共 (\d+) 个）$`), "units still sloped at x = 9, |w·9| < 2: $1 of $2"},
	{regexp.MustCompile(`^有偏置时，中心落在 \[-1, 9\] 内的单元：`), "unit centres inside [-1, 9] with biases: "},
	{regexp.MustCompile(`^中心落在 \[-1, 2\.5\] 内的单元：(\d+) 个（共 (\d+) 个）$`), "unit centres in [-1, 2.5]: $1 of $2"},
	{regexp.MustCompile(`^中心落在 \(3, 9\] 内的单元：(\d+) 个（共 (\d+) 个）$`), "unit centres in (3, 9]: $1 of $2"},
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
		{") 256 个参数，初始化：标准正态", ") 256 parameters, init 标准正态"},
		{"Model B，留出验证：训练集 L1 0.0481，验证集 L1 0.0496", "Model B held out: training L1 0.0481, validation L1 0.0496"},
		{"he 初始化，Adam + MSE：RMSE 0.0216，3 个极值点（真实曲线有 3 个）", "init he, Adam + MSE: RMSE 0.0216, 3 extrema (the true curve has 3)"},
		{"Xavier 正态 初始化，Adam + MSE：RMSE 0.0135，3 个极值点（真实曲线有 3 个）", "init Xavier normal, Adam + MSE: RMSE 0.0135, 3 extrema (the true curve has 3)"},
		{"Xavier 正态初始化，Adam + MSE：RMSE 0.0135，3 个极值点（真实曲线有 3 个）", "init Xavier normal, Adam + MSE: RMSE 0.0135, 3 extrema (the true curve has 3)"},
		{"Xavier 正态初始化：开始时隐藏层预激活超出 ±2 的比例：1%", "init Xavier normal: hidden pre-activations past ±2 at the start: 1%"},
		{"训练顺利完成：否", "trained without error: false"},
		{"练习 4：✓ 达成目标：RMSE 0.0257，3 个极值点（真实曲线有 3 个），共 385 个参数。目标：3 个极值点，RMSE < 0.04，训练设置不变",
			"Exercise 4: ✓ goal met: RMSE 0.0257, 3 extrema (the true curve has 3)，共 385 个参数 (goal: 3 个极值点，RMSE < 0.04，训练设置不变)"},

		{"随机种子 3：RMSE 1.1172，0 个极值点（真实曲线有 3 个），极值点位于 []",
			"seed 3: RMSE 1.1172, 0 extrema (the true curve has 3), extrema at []"},
		{"Model B 留出验证：训练 MSE 0.0089，验证 MSE 0.0121，RMSE 0.0875，13 个极值点（真实曲线有 3 个）",
			"Model B held out: training MSE 0.0089, validation MSE 0.0121, RMSE 0.0875, 13 extrema (the true curve has 3)"},
		{"Model B seed 1 λmax/(2/lr)：起点 0.01，首次超过 1：第 68 步，峰值 1.217（第 119 步），最后两步 0.966 和 1.034",
			"Model B seed 1 λmax/(2/lr): start 0.01, first above 1: step 68, peak 1.217 (step 119), last two steps 0.966 and 1.034"},
		{"Model A seed 3 λmax/(2/lr)：起点 1.2e-06，首次超过 1：从未，峰值 0.000（第 3000 步），最后两步 0.000 和 0.000",
			"Model A seed 3 λmax/(2/lr): start 1.2e-06, first above 1: never, peak 0.000 (step 3000), last two steps 0.000 and 0.000"},
		{"Model B seed 1 损失：3461 -> 23.6，有 549 步上升；起始步测量过的 82 次上升中，39 次从 λmax ≥ 2/lr 出发；跳升超过 5% 的步：[124 2063 2065 2067]",
			"Model B seed 1 loss: 3461 -> 23.6, rose at 549 steps; of the 82 rises whose start was measured, 39 from λmax ≥ 2/lr; jumps of more than 5% at steps [124 2063 2065 2067]"},
		{"Model B seed 1 从第 50-200 步出发的上升：47 次，其中 7 次从 λmax ≥ 2/lr 出发",
			"Model B seed 1 rises starting in steps 50-200: 47, of them 7 from λmax ≥ 2/lr"},
		{"Model B seed 2 第 1000 步和第 1001 步：λmax/(2/lr) 为 0.724 和 1.313，两者中点处 1.004；损失 463.23 和 452.97，中点处 434.14",
			"Model B seed 2 steps 1000 and 1001: λmax/(2/lr) 0.724 and 1.313, at their midpoint 1.004; loss 463.23 and 452.97, at the midpoint 434.14"},
		{"Adam, constant lr，从第 100 步起的 λmax(P⁻¹H)/(38/lr)：192 次估计中有 23 次超过 1，最高 1.050（第 881 步），第 1000 步 1.008",
			"Adam, constant lr, λmax(P⁻¹H)/(38/lr) from step 100 on: above 1 at 23 of 192 estimates, highest 1.050 (step 881), at step 1000 1.008"},
	} {
		if got := english(tc.zh); got != tc.en {
			t.Errorf("english(%q)\n = %q\nwant %q", tc.zh, got, tc.en)
		}
	}
}
