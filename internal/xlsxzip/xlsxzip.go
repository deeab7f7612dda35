// Package xlsxzip makes the bytes of an xlsx file reproducible. excelize
// writes the parts of sheets made with its StreamWriter in map order, so
// the same workbook comes out with its zip entries in a different order
// from one run to the next. Canonical puts them in a fixed order.
package xlsxzip

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"

	"github.com/xuri/excelize/v2"
)

// Canonical returns the zip archive data with its entries sorted by name
// ("[Content_Types].xml" sorts first, as Office writes it). Each entry's
// header and compressed bytes are copied unchanged, so the content is
// exactly the same and the result depends only on the content.
func Canonical(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("xlsxzip: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.SliceStable(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var out bytes.Buffer
	out.Grow(len(data))
	zw := zip.NewWriter(&out)
	for _, f := range files {
		hdr := f.FileHeader
		w, err := zw.CreateRaw(&hdr)
		if err != nil {
			return nil, fmt.Errorf("xlsxzip: %s: %w", f.Name, err)
		}
		r, err := f.OpenRaw()
		if err != nil {
			return nil, fmt.Errorf("xlsxzip: %s: %w", f.Name, err)
		}
		if _, err := io.Copy(w, r); err != nil {
			return nil, fmt.Errorf("xlsxzip: %s: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("xlsxzip: %w", err)
	}
	return out.Bytes(), nil
}

// Write writes the workbook f to w with its parts in canonical order, so the
// same workbook always gives the same bytes.
func Write(w io.Writer, f *excelize.File) error {
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	data, err := Canonical(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}
