package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"strings"
)

// sheetPaths maps each sheet name of the workbook to its worksheet part,
// following xl/workbook.xml and its relationships.
func sheetPaths(part func(string) ([]byte, error)) (paths map[string]string, err error) {
	wbPath := "xl/workbook.xml"
	if rels, err := part("_rels/.rels"); err == nil {
		for _, r := range parseRels(rels) {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	wb, err := part(wbPath)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &doc); err != nil {
		return nil, err
	}
	dir, base := path.Split(wbPath)
	relsData, err := part(dir + "_rels/" + base + ".rels")
	if err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range parseRels(relsData) {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		targets[r.ID] = t
	}
	paths = map[string]string{}
	for _, s := range doc.Sheets {
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				if t, ok := targets[a.Value]; ok {
					paths[s.Name] = t
				}
			}
		}
	}
	return paths, nil
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func parseRels(data []byte) []relationship {
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	_ = xml.Unmarshal(data, &doc) // a broken part yields no relationships
	return doc.Rels
}

// zipParts returns a function that reads a part from the package: from
// excelize's unzipped parts when it holds them, else from the zip itself
// (excelize keeps large worksheets in temporary files instead).
func zipParts(data []byte, loaded func(string) ([]byte, bool)) func(string) ([]byte, error) {
	var zr *zip.Reader
	return func(name string) ([]byte, error) {
		if b, ok := loaded(name); ok {
			return b, nil
		}
		if zr == nil {
			var err error
			if zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
				return nil, err
			}
		}
		for _, zf := range zr.File {
			if strings.EqualFold(strings.TrimPrefix(zf.Name, "/"), name) {
				if zf.UncompressedSize64 > unzipSizeLimit {
					return nil, fmt.Errorf("onderdeel %s is te groot", name)
				}
				rc, err := zf.Open()
				if err != nil {
					return nil, err
				}
				defer rc.Close()
				return io.ReadAll(io.LimitReader(rc, unzipSizeLimit))
			}
		}
		return nil, fmt.Errorf("onderdeel %s ontbreekt", name)
	}
}
