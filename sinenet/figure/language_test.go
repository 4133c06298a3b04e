package figure

import (
	"testing"
	"time"

	"github.com/sinenet/sinenet/internal/lang"
	"github.com/sinenet/sinenet/sinenet"
)

// TestLanguage checks that the text a reader sees follows SetLanguage, and
// that an unknown tag leaves the language as it was.
func TestLanguage(t *testing.T) {
	defer SetLanguage("en")
	p := sinenet.Progress{Step: 3000, Steps: 3000, Loss: 0.01, Elapsed: 3500 * time.Millisecond}
	f := sinenet.Evaluation{RMSE: 0.0123, Extrema: 3}
	for _, tc := range []struct {
		tag, progress, fit string
	}{
		{"zh", "第 3000/3000 步 · 损失 0.01 · 每秒 857 步 · 用时 3.5s，完成", "RMSE 0.0123，3 个极值点（真实曲线有 3 个）"},
		{"fr", "第 3000/3000 步 · 损失 0.01 · 每秒 857 步 · 用时 3.5s，完成", "RMSE 0.0123，3 个极值点（真实曲线有 3 个）"},
		{"en", "step 3000/3000 · loss 0.01 · 857 steps/s · done in 3.5s", "RMSE 0.0123, 3 extrema (the true curve has 3)"},
	} {
		SetLanguage(tc.tag)
		if got := progressLine(p); got != tc.progress {
			t.Errorf("after SetLanguage(%q): progressLine = %q, want %q", tc.tag, got, tc.progress)
		}
		if got := Summary(f); got != tc.fit {
			t.Errorf("after SetLanguage(%q): Summary = %q, want %q", tc.tag, got, tc.fit)
		}
	}
	if got := lang.Get(); got != "en" {
		t.Errorf("the language is %q after SetLanguage(\"en\")", got)
	}
}
