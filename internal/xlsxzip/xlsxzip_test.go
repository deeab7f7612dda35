package xlsxzip

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

func makeZip(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, "inhoud van "+n)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCanonical(t *testing.T) {
	a := makeZip(t, "xl/worksheets/sheet2.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml", "_rels/.rels")
	b := makeZip(t, "_rels/.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "[Content_Types].xml")
	if bytes.Equal(a, b) {
		t.Fatal("test archives should differ in order")
	}
	ca, err := Canonical(a)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := Canonical(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ca, cb) {
		t.Error("same entries in another order give different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(ca), int64(len(ca)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"}
	for i, f := range zr.File {
		if f.Name != want[i] {
			t.Errorf("entry %d = %s, want %s", i, f.Name, want[i])
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		if string(got) != "inhoud van "+f.Name {
			t.Errorf("%s: content %q", f.Name, got)
		}
	}
	if _, err := Canonical([]byte("geen zip")); err == nil {
		t.Error("Canonical of non-zip data: no error")
	}
}
