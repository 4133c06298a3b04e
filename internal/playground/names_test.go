package playground

import (
	"slices"
	"strings"
	"testing"
)

// TestChineseNames checks what a Chinese reader sees: the presets named
// after the forum question and its answer (原帖, 原回答), the summary and
// the menus naming initializers and optimizers ("He 初始化", "Adam"), and
// the links keeping their keys ("init=he", "opt=adam").
func TestChineseNames(t *testing.T) {
	titles := map[string]string{}
	for _, p := range Presets() {
		titles[p.Key] = p.Title.Zh
	}
	for key, want := range map[string]string{"question-shallow": "原帖", "question-deep": "原帖", "answer": "原回答"} {
		if !strings.HasPrefix(titles[key], want) || strings.Contains(titles[key], "问题") {
			t.Errorf("preset %s is %q in Chinese; want it to start with %s", key, titles[key], want)
		}
	}
	answer := Presets()[2]
	if got := both(answer.Settings.String).Zh; !strings.Contains(got, "，PyTorch 初始化，线性输出 · L1 · Adam lr ") || !strings.HasPrefix(got, "32-128-32 个") {
		t.Errorf("the answer's Chinese summary is %q", got)
	}
	for _, c := range Controls {
		var zh []string
		for _, l := range c.Labels {
			zh = append(zh, l.Zh)
		}
		switch c.Key {
		case "init":
			if i := slices.Index(c.Tokens, "he"); i < 0 || zh[i] != "He" || !slices.Contains(zh, "Xavier 正态") {
				t.Errorf("the init menu reads %q for the keys %q", zh, c.Tokens)
			}
		case "opt":
			if i := slices.Index(c.Tokens, "adam"); i < 0 || zh[i] != "Adam" {
				t.Errorf("the optimizer menu reads %q for the keys %q", zh, c.Tokens)
			}
		}
	}
	if q := answer.Settings.Query(); !strings.Contains(q, "init=pytorch") || !strings.Contains(q, "opt=adam") {
		t.Errorf("the answer's link is %q; want its keys init=pytorch, opt=adam", q)
	}
}
