package lang

import "testing"

func TestRate(t *testing.T) {
	for _, tc := range []struct {
		lr   float64
		want string
	}{
		{1e-2, "1e-2"}, {5e-3, "5e-3"}, {2.5e-4, "2.5e-4"}, {4e-7, "4e-7"}, {1e-10, "1e-10"},
		{0.05, "5e-2"}, {0.1, "0.1"}, {0.5, "0.5"}, {2, "2"}, {0, "0"}, {-1e-3, "-1e-3"},
	} {
		if got := Rate(tc.lr); got != tc.want {
			t.Errorf("Rate(%g) = %q, want %q", tc.lr, got, tc.want)
		}
	}
}
