package cli

import (
	"strings"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	for _, tc := range []struct {
		done, total int
		elapsed     time.Duration
		want        string
	}{
		{0, 1000, 0, "[------------------------]    0/1000 dossiers"},
		{250, 1000, 5 * time.Second, "[######------------------]  250/1000 dossiers  50,0/s  nog 0:15"},
		{1000, 1000, 4 * time.Second, "[########################] 1000/1000 dossiers  250,0/s"},
		{1, 10000, 2 * time.Second, "[------------------------]     1/10000 dossiers  0,5/s  nog 5:33:18"},
		{0, 0, time.Second, "[########################] 0/0 dossiers"},
	} {
		if got := progressLine(tc.done, tc.total, tc.elapsed, "dossiers"); got != tc.want {
			t.Errorf("progressLine(%d, %d, %v):\n got %q\nwant %q", tc.done, tc.total, tc.elapsed, got, tc.want)
		}
	}
}

// TestProgressBarThrottles checks that updates closer together than
// progressInterval are skipped, except the last, and that Clear erases.
func TestProgressBarThrottles(t *testing.T) {
	var out strings.Builder
	now := time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	bar := newProgressBar(&out, clock, "dossiers")
	steps := []struct {
		advance time.Duration
		done    int
		draws   bool
	}{
		{0, 1, true},
		{10 * time.Millisecond, 2, false},
		{50 * time.Millisecond, 3, false},
		{60 * time.Millisecond, 4, true},
		{time.Millisecond, 10, true}, // the last one always draws
	}
	for _, s := range steps {
		now = now.Add(s.advance)
		before := out.Len()
		bar.Update(s.done, 10)
		if drew := out.Len() > before; drew != s.draws {
			t.Errorf("Update(%d): drew %v, want %v", s.done, drew, s.draws)
		}
	}
	if !strings.HasPrefix(out.String(), "\r[") || strings.Contains(out.String(), "\n") {
		t.Errorf("the bar must redraw one line with \\r, got %q", out.String())
	}
	bar.Clear()
	if !strings.HasSuffix(out.String(), "\r\x1b[K") {
		t.Errorf("Clear did not erase the line: %q", out.String())
	}
}

// TestActivity: an activity draws its text with a clock at once, and Stop
// erases the line (Stop waits for the clock's goroutine to end, so nothing
// follows it).
func TestActivity(t *testing.T) {
	if got, want := activityLine("verzuim.xlsx lezen", 4*time.Second), "verzuim.xlsx lezen …  0:04"; got != want {
		t.Errorf("activityLine = %q, want %q", got, want)
	}
	var out strings.Builder
	now := time.Date(2026, 12, 31, 12, 0, 0, 0, time.UTC)
	a := startActivity(&out, func() time.Time { return now }, "manifest.json schrijven")
	a.Stop()
	s := out.String()
	if !strings.HasPrefix(s, "\rmanifest.json schrijven …  0:00\x1b[K") || !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("activity wrote %q", s)
	}
}
