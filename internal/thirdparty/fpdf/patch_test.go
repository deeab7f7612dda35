package fpdf

// poortwachter: tests of the patches (PATCHES.md); upstream's own tests are
// not copied.

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
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

// TestBuffersReused checks patch 7: a document built in buffers another
// document has used and given back has the same bytes as one built in new
// buffers, whether the earlier document was larger or smaller.
func TestBuffersReused(t *testing.T) {
	doc := func(pages, lines int) []byte {
		t.Helper()
		f := New("P", "mm", "A4", "")
		f.SetCompression(false) // the page buffers' bytes go out as they are
		// Both dates fixed: fpdf writes time.Now() for a date left zero,
		// and a second boundary between two documents would change the
		// bytes (CI failed on that once).
		when := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
		f.SetCreationDate(when)
		f.SetModificationDate(when)
		f.SetFont("Helvetica", "", 10)
		for p := 0; p < pages; p++ {
			f.AddPage()
			for i := 0; i < lines; i++ {
				f.Text(10, float64(10+i%250), fmt.Sprintf("pagina %d regel %d", p, i))
			}
		}
		var b bytes.Buffer
		if err := f.Output(&b); err != nil {
			t.Fatal(err)
		}
		if n := f.PageCount(); n != pages {
			t.Errorf("PageCount after Output = %d, want %d", n, pages)
		}
		return b.Bytes()
	}
	small, large := doc(1, 3), doc(5, 2000)
	for i := 0; i < 3; i++ {
		if got := doc(1, 3); !bytes.Equal(got, small) {
			t.Fatalf("small document after a large one differs (%d bytes, want %d)", len(got), len(small))
		}
		if got := doc(5, 2000); !bytes.Equal(got, large) {
			t.Fatalf("large document after a small one differs (%d bytes, want %d)", len(got), len(large))
		}
	}
}

// TestUTF16Escaped checks patch 8's encoder against upstream's
// f.escape(utf8toutf16(s, false)) for every BMP rune alone and in text
// with the characters escape handles, and that fastText leaves invalid
// UTF-8 and runes beyond the BMP to upstream's path.
func TestUTF16Escaped(t *testing.T) {
	f := New("P", "mm", "A4", "")
	var all strings.Builder
	check := func(s string) {
		t.Helper()
		if !fastText(s) {
			t.Fatalf("fastText(%q) = false", s)
		}
		if got, want := string(appendUTF16Escaped(nil, s)), f.escape(utf8toutf16(s, false)); got != want {
			t.Fatalf("appendUTF16Escaped(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not valid UTF-8
		}
		check(string(r))
		all.WriteRune(r)
	}
	check(all.String())
	check("")
	check(`(a) \ b` + "\r\n" + "Ĩ\u5c5c\u2929\u0d0d€ç")
	for _, s := range []string{"\xff", "a\xc3", "\xed\xa0\x80", "lach 😀", "\U0001F4A9"} {
		if fastText(s) {
			t.Errorf("fastText(%q) = true", s)
		}
	}
}

// TestTextUTF8 checks patch 8 in Text: with a UTF-8 font current, the page
// gets the same bytes and usedRunes the same entries as upstream's path
// (taken when a font has no usedBits), also for text repeated, text
// upstream's path must take, and runes fpdf pre-sets to 0.
func TestTextUTF8(t *testing.T) {
	checkTextUTF8(t, []string{"Plan van aanpak", "(concept) \\ 12,5 €", "Şükrü Yılmaz", "Plan van aanpak", "lach 😀", "0 1 2 9 : ;", "\xff ongeldig", "Ĩ\u5c5c"})
}

// FuzzTextUTF8 is TestTextUTF8 for any text, cut into several calls of
// Text at its line breaks (so that runes repeat across calls).
func FuzzTextUTF8(f *testing.F) {
	for _, s := range []string{"Plan van aanpak\nPlan", "(a) \\ b\r\n€", "lach 😀\n\xff\xfe", "\u0000\u0001\u00ff\u0100", "Ĩ\u5c5c\u2929\u0d0d", "\ufeff\ufffd\uffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTextUTF8(t, strings.Split(s, "\n"))
	})
}

// checkTextUTF8 writes texts with Text on a page with a UTF-8 font, once
// through patch 8 and once through upstream's path (taken when a font has
// no usedBits), and compares the page bytes and usedRunes. Upstream's
// utf8toutf16 panics on some invalid UTF-8 ("\xff\xfe"); patch 8 leaves
// such text to it, so both must panic alike, with the same page and runes
// up to the panic (internal/pdf sanitizes text before fpdf sees it).
func checkTextUTF8(t *testing.T, texts []string) {
	t.Helper()
	run := func(bits bool) (page string, runes map[int]int, panicked any) {
		var f *Fpdf
		defer func() {
			panicked = recover()
			page, runes = f.pages[f.page].String(), f.currentFont.usedRunes
		}()
		f = New("P", "mm", "A4", "")
		f.AddPage()
		f.isCurrentUTF8 = true
		f.currentFont.usedRunes = makeSubsetRange(57)
		if bits {
			f.currentFont.usedBits = new([0x10000 / 64]uint64)
		}
		for i, s := range texts {
			f.Text(float64(10+i), float64(20+i), s)
		}
		return "", nil, nil // set by the deferred function
	}
	gotPage, gotRunes, gotPanic := run(true)
	wantPage, wantRunes, wantPanic := run(false)
	if (gotPanic != nil) != (wantPanic != nil) {
		t.Fatalf("panic %v, upstream's path: panic %v", gotPanic, wantPanic)
	}
	if gotPage != wantPage {
		t.Errorf("page content differs:\n got %q\nwant %q", gotPage, wantPage)
	}
	if !reflect.DeepEqual(gotRunes, wantRunes) {
		t.Errorf("usedRunes differ:\n got %v\nwant %v", gotRunes, wantRunes)
	}
}

// TestTextDecorated checks patch 6's single buffer in Text with what
// upstream adds around the text operator: underline, strike-out and the
// colour wrapper, alone and together, twice in a row (the buffer is reused).
func TestTextDecorated(t *testing.T) {
	for _, style := range []string{"", "U", "S", "US"} {
		for _, colour := range []bool{false, true} {
			f := New("P", "mm", "A4", "")
			f.AddPage()
			f.SetFont("Helvetica", style, 10)
			if colour {
				f.SetTextColor(200, 0, 0)
				if !f.colorFlag {
					t.Fatal("SetTextColor did not set colorFlag")
				}
			}
			for i, txt := range []string{`a(b)\c`, "tweede regel"} {
				x, y := 12.5+float64(i), 30.25+float64(i)
				before := f.pages[f.page].Len()
				f.Text(x, y, txt)
				got := f.pages[f.page].String()[before:]
				want := fmt.Sprintf("BT %.2f %.2f Td (%s) Tj ET", x*f.k, (f.h-y)*f.k, f.escape(txt))
				if f.underline {
					want += " " + f.dounderline(x, y, txt)
				}
				if f.strikeout {
					want += " " + f.dostrikeout(x, y, txt)
				}
				if f.colorFlag {
					want = fmt.Sprintf("q %s %s Q", f.color.text.str, want)
				}
				want += "\n"
				if got != want {
					t.Errorf("style %q, colour %v: Text(%q) wrote %q, want %q", style, colour, txt, got, want)
				}
			}
		}
	}
}
