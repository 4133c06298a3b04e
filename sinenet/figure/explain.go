package figure

import (
	"errors"
	"fmt"
	"strings"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// Explain returns err's message in the language set by SetLanguage. The
// errors a learner is invited to make, a learning rate so large that
// training diverges (*sinenet.DivergedError), a layer size below 1 and an
// unknown name of an activation, initializer, loss or optimizer
// (*sinenet.InputError), are said from their fields; any other error, and
// every error in English, is err.Error(). A nil err gives "".
//
// A notebook prints an error with it:
//
//	fmt.Println("出错：" + figure.Explain(err))
func Explain(err error) string {
	if err == nil {
		return ""
	}
	if lang.Get() == lang.English {
		return err.Error()
	}
	var d *sinenet.DivergedError
	if errors.As(err, &d) {
		return explainDiverged(d, err.Error())
	}
	var in *sinenet.InputError
	if errors.As(err, &in) {
		return explainInput(in)
	}
	return err.Error()
}

// explainInput says e in Chinese.
func explainInput(e *sinenet.InputError) string {
	if e.Kind == "size" {
		return fmt.Sprintf("第 %d 层的宽度是 %d；每层的宽度至少为 1（第 0 层是输入层），例如 Sizes: []int{1, 128, 1}", e.Layer, e.Size)
	}
	var what, known string
	switch e.Kind {
	case "activation":
		what, known = "激活函数", fmt.Sprint(sinenet.Activations)
	case "initializer":
		what, known = "初始化方法", fmt.Sprint(sinenet.Inits)
	case "optimizer":
		what, known = "优化器", fmt.Sprint(sinenet.OptimizerNames())
	default:
		return e.Error()
	}
	return fmt.Sprintf("没有名为 %q 的%s；可用的有 %s", e.Name, what, known)
}

// explainDiverged says d in Chinese; msg is its English message, from
// which it reads what was not finite (the loss, a parameter or a
// gradient).
func explainDiverged(d *sinenet.DivergedError, msg string) string {
	what := notFinite(msg)
	if d.Step == 0 {
		if strings.HasPrefix(d.Cause, "the loss ") {
			return fmt.Sprintf("训练无法开始：%s为 %g。权重和数据都是有限数，是损失函数自己返回了它；请检查它的 Eval：它必须返回有限的损失，并把有限的梯度写入 dp", what, d.Loss)
		}
		return fmt.Sprintf("训练无法开始：%s为 %g。还没有做任何更新，所以不是学习率的问题；请检查初始权重（m.Params；用 New 重新构建模型）或数据中有没有 NaN、无穷大或极大的值", what, d.Loss)
	}
	lr := ""
	if d.LR != 0 {
		lr = fmt.Sprintf("（学习率 %.3g）", d.LR)
	}
	head := fmt.Sprintf("训练在第 %d 步发散%s：%s变成了 %g。", d.Step, lr, what, d.Loss)
	back := fmt.Sprintf("参数已退回第 %d 步之前的值，即最后一组有限的参数。", d.Step)
	if d.Suggest == 0 {
		return head + "Eps 为 0，梯度为 0 的参数会算出 0 除以 0。" + back + "把 Eps 留为 0 即用 PyTorch 的默认值（不要设为 Zero），或者设一个小的正数"
	}
	cause := "步长相对于这里的曲率太大了。"
	var from, to float64
	if _, err := fmt.Sscanf(d.Cause, "the schedule raised the learning rate from %g to %g", &from, &to); err == nil {
		cause = fmt.Sprintf("学习率调度把学习率从 %.3g 提高到了 %.3g，步长相对于这里的曲率变得太大。", from, to)
	}
	var why string
	switch d.Suggest {
	case d.LR / 10:
		why = "即发散时学习率的十分之一"
	case d.LR / 2:
		why = "即发散时学习率的一半"
	default:
		why = fmt.Sprintf("即稳定性边缘 %.2g 的一半；边缘由起点处损失的最大曲率 λmax 算出", 2*d.Suggest)
	}
	return head + cause + back + fmt.Sprintf("试试学习率 %.2g，%s", d.Suggest, why)
}

// notFinite reads, from a DivergedError's English message, what became
// NaN or infinite, and says it in Chinese: 损失, 参数 3, 参数 3 的梯度.
func notFinite(msg string) string {
	end := strings.Index(msg, " became ")
	if end < 0 {
		end = strings.Index(msg, " is ")
	}
	if end < 0 {
		return "损失"
	}
	what := msg[:end]
	what = what[strings.LastIndex(what, ": ")+2:]
	var i int
	switch {
	case what == "the loss":
		return "损失"
	case strings.HasPrefix(what, "the gradient of parameter "):
		fmt.Sscanf(what, "the gradient of parameter %d", &i)
		return fmt.Sprintf("参数 %d 的梯度", i)
	case strings.HasPrefix(what, "parameter "):
		fmt.Sscanf(what, "parameter %d", &i)
		return fmt.Sprintf("参数 %d ", i)
	}
	return "损失"
}

// InitName is in's name as the notebooks write it ("He", "Xavier normal", "Xavier 正态").
func InitName(in sinenet.Init) string { return lang.InitName(in) }

// InitLabel is in's name with the word for initialization: "init He", or in Chinese "He 初始化", "Xavier 正态初始化".
func InitLabel(in sinenet.Init) string { return lang.InitLabel(in) }

// Bool is b as a printed line says it: "true"/"false", or in Chinese "是"/"否".
func Bool(b bool) string { return lang.Bool(b) }

// Describe is m's String, the model summary, in the language set by
// SetLanguage: its last line, ") 256 parameters, init normal", is in
// Chinese ") 256 个参数，初始化：标准正态". The layers' lines stay as
// they are, like a PyTorch model's.
func Describe(m *sinenet.MLP) string {
	s := m.String()
	if lang.Get() == lang.English {
		return s
	}
	i := strings.LastIndex(s, "\n")
	return s[:i+1] + fmt.Sprintf(") %d 个参数，初始化：%s", m.NumParams(), InitName(m.Config().Init))
}
