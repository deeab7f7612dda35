package fpdf

// poortwachter: tests of the patches (PATCHES.md); upstream's own tests are
// not copied.

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestTextFormat checks patch 6: Text writes what upstream's
// fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", ...) writes, at the edges of
// %.2f (negative zero, rounding, huge values, NaN, infinities) and with
// characters that need escaping.
func TestTextFormat(t *testing.T) {
	xs := []float64{0, 1, -1, 0.004, -0.004, 0.005, 2.675, 1e21, -1e-9, 123456.789, math.NaN(), math.Inf(1), math.Inf(-1)}
	for _, x := range xs {
		for _, txt := range []string{"", "abc", `a(b)c\d`, "r\rn"} {
			f := New("P", "mm", "A4", "")
			f.AddPage()
			f.SetFont("Helvetica", "", 10)
			before := f.pages[f.page].Len()
			f.Text(x, x, txt)
			got := f.pages[f.page].String()[before:]
			want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET\n", x*f.k, (f.h-x)*f.k, f.escape(txt))
			if got != want {
				t.Errorf("Text(%v, %v, %q) wrote %q, want %q", x, x, txt, got, want)
			}
			if strings.Count(got, "BT") != 1 {
				t.Errorf("Text(%v, %q) wrote %q", x, txt, got)
			}
		}
	}
}

// TestSetFontFormat checks patch 6 for SetFont: it writes what upstream's
// outf("BT /F%s %.2f Tf ET", ...) writes, for sizes at the edges of %.2f
// (size 0 means "keep the current size").
func TestSetFontFormat(t *testing.T) {
	for _, size := range []float64{1, 9.5, 10.005, 10.004999, 2.675, 72, 1e21, math.NaN(), math.Inf(1)} {
		f := New("P", "mm", "A4", "")
		f.AddPage()
		f.SetFont("Helvetica", "B", 12)
		before := f.pages[f.page].Len()
		f.SetFont("Helvetica", "", size)
		got := f.pages[f.page].String()[before:]
		want := fmt.Sprintf("BT /F%s %.2f Tf ET\n", f.currentFont.i, size)
		if got != want {
			t.Errorf("SetFont(%v) wrote %q, want %q", size, got, want)
		}
	}
}
