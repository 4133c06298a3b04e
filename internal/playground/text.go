package playground

import "github.com/sinenet/sinenet/internal/lang"

// Texts are the page's own words, by key, in both languages; the page
// fills each %s and %d in order. The knobs' names and choices come with
// Controls, from the same tables as notebook 6's (sinenet/knobs).
func Texts() map[string]Text {
	t := map[string]Text{}
	say := func(key, en, zh string) { t[key] = both(func() string { return lang.Say(en, zh) }) }
	say("title", "sinenet playground", "sinenet 游乐场")
	say("intro", "The tutorial's Go package, compiled to WebAssembly, trains a small tanh network on the noisy sine in this page. Every change stops the run and starts again; the address holds every setting, so a link opens the same experiment.",
		"教程的 Go 包被编译成 WebAssembly，在本页中用带噪声的正弦数据训练一个小型 tanh 网络。每次改动都会停止当前训练并重新开始；地址栏保存全部设置，所以一个链接就能打开同一个实验。")
	say("network", "network", "网络")
	say("training", "training", "训练")
	say("data", "data", "数据")
	say("presets", "presets", "预设")
	say("language", "language", "语言")
	say("fitTitle", "the fit", "拟合")
	say("lossTitle", "the loss", "损失")
	say("dataKey", "data", "数据")
	say("trueKey", "true curve sin(x)/2.5", "真实曲线 sin(x)/2.5")
	say("fitKey", "network", "网络")
	say("trainKey", "training loss", "训练损失")
	say("validKey", "validation loss", "验证损失")
	say("floorKey", "noise floor (the true curve's loss)", "噪声下限（真实曲线的损失）")
	say("stepAxis", "step", "步数")
	say("loading", "loading the WebAssembly module…", "正在加载 WebAssembly 模块…")
	say("noWorker", "This page needs a browser with JavaScript, WebAssembly and Web Workers.", "本页需要支持 JavaScript、WebAssembly 和 Web Worker 的浏览器。")
	say("starting", "starting…", "正在开始…")
	say("step", "step %d of %d", "第 %d 步（共 %d 步）")
	say("done", "done: %d steps in %s s", "完成：%d 步，用时 %s 秒")
	say("fitLine", "RMSE %s against the true curve, %d extrema (the true curve has 3)", "相对真实曲线的 RMSE 为 %s，%d 个极值点（真实曲线有 3 个）")
	say("firstFrame", "first frame %s s after the change", "首帧在改动后 %s 秒显示")
	say("diverged", "This run diverged at step %d: the loss became infinite or NaN, and the network keeps the last finite parameters. Try a smaller learning rate, such as %s.",
		"本次训练在第 %d 步发散：损失变成了无穷大或 NaN，网络保留最后一组有限的参数。请尝试更小的学习率，例如 %s。")
	say("failed", "This run could not train:", "本次训练无法进行：")
	say("fingerprint", "fingerprint", "指纹")
	say("fingerprintHelp", "a hash of the final parameters: the same settings give the same one in a notebook, m.Fingerprint(), on every machine",
		"最终参数的哈希值：同样的设置在笔记本中用 m.Fingerprint() 得到同一个值，在任何机器上都一样")
	say("params", "%d parameters", "%d 个参数")
	say("reset", "defaults", "默认设置")
	say("notebook", "the same run in a notebook: this cell prints the same fingerprint", "在笔记本中做同样的训练：这个单元格打印出同样的指纹")
	return t
}
