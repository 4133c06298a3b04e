package figure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sinenet/sinenet/sinenet"
	"gonum.org/v1/plot"
)

func TestPlotFit(t *testing.T) {
	qm, _, d := trained(t, sinenet.ModelA(1), sinenet.NewGD(sinenet.QuestionLR*10), sinenet.SumSquared{}, 100)
	am, _, _ := trained(t, shallowAnswer(1), sinenet.AnswerOptions().Optimizer, sinenet.L1{}, 120)
	for _, tc := range []struct {
		name   string
		m      *sinenet.MLP
		d      sinenet.Data
		o      FitOptions
		lo, hi float64
		legend []string
	}{
		{"fit_question", qm, d, FitOptions{Name: "GD"}, sinenet.XMin, sinenet.XMax, []string{"data (400)", "sin(x)/2.5", "GD", "extrema ("}},
		{"fit_answer", am, d, FitOptions{Name: "Adam"}, sinenet.XMin, sinenet.XMax, []string{"data (400)", "Adam", "extrema ("}},
		{"fit_zoom", qm, d, FitOptions{XMin: -1, XMax: 1, Title: "zoom"}, -1, 1, []string{"zoom", "network", "data in view (", "extrema in view ("}},
		{"fit_nodata", am, sinenet.Data{}, FitOptions{}, sinenet.XMin, sinenet.XMax, []string{"network · RMSE", "sin(x)/2.5"}},
		{"fit_label", am, d, FitOptions{DataLabel: "400 noisy points"}, sinenet.XMin, sinenet.XMax, []string{"400 noisy points"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Fit(tc.m, tc.d, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if p.X.Min != tc.lo || p.X.Max != tc.hi {
				t.Errorf("x range [%g, %g], want [%g, %g]", p.X.Min, p.X.Max, tc.lo, tc.hi)
			}
			checkTexts(t, p, tc.legend...)
			b, err := Render(p, "png", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkPNG(t, tc.name, b, defaultWidth, defaultHeight)
		})
	}
}

// TestPlotFitZoomCounts checks that a zoom says which counts cover the
// window and which the whole range.
func TestPlotFitZoomCounts(t *testing.T) {
	m, _, d := trained(t, sinenet.ModelA(1), sinenet.NewGD(sinenet.QuestionLR*10), sinenet.SumSquared{}, 100)
	p, err := Fit(m, d, FitOptions{XMin: -1, XMax: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(p.Title.Text, " extrema on all of [-1, 9]") {
		t.Errorf("zoom's title %q does not say that it counts the whole range", p.Title.Text)
	}
	checkTexts(t, p, "data in view (", "extrema in view (")
}

// TestTiles lays out fits and losses as small multiples.
func TestTiles(t *testing.T) {
	qm, qh, d := trained(t, sinenet.ModelA(1), sinenet.NewGD(sinenet.QuestionLR*10), sinenet.SumSquared{}, 50)
	am, ah, _ := trained(t, shallowAnswer(1), sinenet.AnswerOptions().Optimizer, sinenet.L1{}, 50)
	var plots []*plot.Plot
	for _, c := range []struct {
		m *sinenet.MLP
		h *sinenet.History
	}{{qm, qh}, {am, ah}} {
		f, err := Fit(c.m, d, FitOptions{Name: c.h.Name})
		if err != nil {
			t.Fatal(err)
		}
		l, err := Loss(LossOptions{LogY: true}, c.h)
		if err != nil {
			t.Fatal(err)
		}
		plots = append(plots, f, l)
	}
	for _, tc := range []struct {
		cols, rows int
	}{{2, 2}, {3, 2}, {0, 1}, {1, 4}} {
		g := NewTiles(tc.cols, plots...)
		if len(g.Plots) != tc.rows {
			t.Errorf("%d columns: %d rows, want %d", tc.cols, len(g.Plots), tc.rows)
		}
		for _, row := range g.Plots {
			if tc.cols > 0 && len(row) != tc.cols {
				t.Errorf("%d columns: a row of %d", tc.cols, len(row))
			}
		}
		b, err := Render(g, "png", 960, 640)
		if err != nil {
			t.Fatal(err)
		}
		checkPNG(t, fmt.Sprintf("tiles_%dcols", tc.cols), b, 960, 640)
	}
	checkTexts(t, NewTiles(2, plots...), "GD · RMSE", "Adam · RMSE", "Training loss")
}
