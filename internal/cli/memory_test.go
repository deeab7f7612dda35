package cli

import "testing"

// TestRenderMemoryLimit: the soft limit while batch renders is 300 MiB up
// to 12,800 dossiers and 24 KiB per dossier from there.
func TestRenderMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	tests := []struct {
		n    int
		want int64
	}{
		{0, 300 * mib},
		{1000, 300 * mib},
		{10000, 300 * mib},
		{12800, 300 * mib},
		{12801, 300*mib + 24<<10},
		{50000, 50000 * 24 << 10},
		{100000, 100000 * 24 << 10},
	}
	for _, tt := range tests {
		if got := renderMemoryLimit(tt.n); got != tt.want {
			t.Errorf("renderMemoryLimit(%d) = %d MiB, want %d MiB", tt.n, got/mib, tt.want/mib)
		}
	}
}
