package figure

import (
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestClipMeets checks the test's own clipping, and the key's, on
// segments that meet a rectangle or pass by it.
func TestClipMeets(t *testing.T) {
	r := vg.Rectangle{Min: vg.Point{X: 0, Y: 0}, Max: vg.Point{X: 10, Y: 5}}
	for _, tc := range []struct {
		a, b  vg.Point
		meets bool
		gap   vg.Length // segmentGap, 0 where they meet
	}{
		{vg.Point{X: 1, Y: 1}, vg.Point{X: 2, Y: 2}, true, 0},      // inside
		{vg.Point{X: -5, Y: 2}, vg.Point{X: 15, Y: 2}, true, 0},    // across
		{vg.Point{X: -1, Y: 6}, vg.Point{X: 1, Y: 4}, true, 0},     // across a corner
		{vg.Point{X: -3, Y: 6}, vg.Point{X: 1, Y: 10}, false, 3},   // by a corner: from (0,5) to the line y = x + 9
		{vg.Point{X: 12, Y: -5}, vg.Point{X: 12, Y: 10}, false, 2}, // beside
		{vg.Point{X: 3, Y: 7}, vg.Point{X: 3, Y: 7}, false, 2},     // a point above
		{vg.Point{X: 3, Y: 5}, vg.Point{X: 3, Y: 5}, true, 0},      // a point on the edge
	} {
		if got := clipMeets(tc.a, tc.b, r); got != tc.meets {
			t.Errorf("clipMeets(%v, %v) = %t, want %t", tc.a, tc.b, got, tc.meets)
		}
		if got := crosses(tc.a, tc.b, r); got != tc.meets {
			t.Errorf("crosses(%v, %v) = %t, want %t", tc.a, tc.b, got, tc.meets)
		}
		if got := segmentGap(tc.a, tc.b, r); got < tc.gap*0.7 || got > tc.gap*1.01+1e-9 {
			t.Errorf("segmentGap(%v, %v) = %g, want about %g", tc.a, tc.b, got, tc.gap)
		}
	}
	square := []vg.Point{{X: 0, Y: 0}, {X: 4, Y: 0}, {X: 4, Y: 4}, {X: 0, Y: 4}}
	if !inside(vg.Point{X: 2, Y: 2}, square) || inside(vg.Point{X: 5, Y: 2}, square) {
		t.Error("inside is wrong about a square")
	}
}
