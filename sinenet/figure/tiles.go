package figure

import (
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Tiles lays out plots side by side in rows, as small multiples: fits of
// several configurations, or their loss curves, to compare at a glance.
// It is a Drawer, so Render and Show take it like a single plot.
type Tiles struct {
	// Plots holds the rows of plots; a nil plot leaves its tile empty.
	Plots [][]*plot.Plot
	// Pad is the space between tiles; 0 means 8 points.
	Pad vg.Length
}

// NewTiles arranges plots in rows of cols, left to right and top to
// bottom. cols ≤ 0 puts them all in one row.
func NewTiles(cols int, plots ...*plot.Plot) *Tiles {
	if cols <= 0 {
		cols = max(len(plots), 1)
	}
	g := &Tiles{}
	for i := 0; i < len(plots); i += cols {
		row := make([]*plot.Plot, cols)
		copy(row, plots[i:min(i+cols, len(plots))])
		g.Plots = append(g.Plots, row)
	}
	return g
}

// Draw draws the plots into c, one tile each, with their axes aligned
// along rows and columns.
func (g *Tiles) Draw(c draw.Canvas) {
	if len(g.Plots) == 0 {
		return
	}
	pad := g.Pad
	if pad == 0 {
		pad = vg.Points(8)
	}
	t := draw.Tiles{
		Rows: len(g.Plots), Cols: len(g.Plots[0]),
		PadX: pad, PadY: pad, PadTop: pad / 2, PadBottom: pad / 2, PadLeft: pad / 2, PadRight: pad / 2,
	}
	// Make room for each key in its tile, then align again: the y-axes
	// may have changed.
	for i, row := range plot.Align(g.Plots, t, c) {
		for j, tc := range row {
			if p := g.Plots[i][j]; p != nil {
				fitKey(p, tc)
			}
		}
	}
	tiles := plot.Align(g.Plots, t, c)
	for i, row := range g.Plots {
		for j, p := range row {
			if p != nil {
				p.Draw(tiles[i][j])
			}
		}
	}
}
