package workbook

import (
	"fmt"
	"strings"
)

// ParseRowsText reads workbook content kept as readable text: a txtar
// archive with one file per sheet, named "<Sheet>.tsv", each a header row
// and data rows separated by tabs. Headers name Contract columns (matched
// like the reader matches them) in any order; columns left out stay empty.
// Blank lines and lines starting with # are skipped, so the text can explain
// itself. The result is ready for Write, which checks the cell values.
func ParseRowsText(data []byte) (Rows, error) {
	rows := Rows{}
	for _, file := range splitArchive(data) {
		name, ok := strings.CutSuffix(file.Name, ".tsv")
		sh := SheetByName(name)
		if !ok || sh == nil {
			return nil, fmt.Errorf("%s: verwacht een bestand <tabblad>.tsv met een tabblad uit het contract", file.Name)
		}
		if _, dup := rows[name]; dup {
			return nil, fmt.Errorf("%s: tabblad komt twee keer voor", file.Name)
		}
		var index []int // source column -> contract column
		sheetRows := [][]string{}
		for i, line := range strings.Split(strings.ReplaceAll(string(file.Data), "\r", ""), "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cells := strings.Split(line, "\t")
			if index == nil {
				var err error
				if index, err = headerIndex(sh, cells); err != nil {
					return nil, fmt.Errorf("%s:%d: %w", file.Name, i+1, err)
				}
				continue
			}
			if len(cells) > len(index) {
				return nil, fmt.Errorf("%s:%d: %d cellen, maar %d kolomkoppen", file.Name, i+1, len(cells), len(index))
			}
			row := make([]string, len(sh.Columns))
			for j, v := range cells {
				row[index[j]] = strings.TrimSpace(v)
			}
			sheetRows = append(sheetRows, trimRow(row))
		}
		rows[name] = sheetRows
	}
	return rows, nil
}

func headerIndex(sh *Sheet, headers []string) ([]int, error) {
	index := make([]int, len(headers))
	seen := map[int]bool{}
	for i, h := range headers {
		index[i] = sh.ColumnIndex(h)
		if index[i] < 0 {
			return nil, fmt.Errorf("onbekende kolom %q in tabblad %s", h, sh.Name)
		}
		if seen[index[i]] {
			return nil, fmt.Errorf("kolom %q staat twee keer in tabblad %s", h, sh.Name)
		}
		seen[index[i]] = true
	}
	return index, nil
}

// trimRow drops trailing empty cells, so rows carry only what was given.
func trimRow(row []string) []string {
	n := len(row)
	for n > 0 && row[n-1] == "" {
		n--
	}
	return row[:n]
}

type archiveFile struct {
	Name string
	Data []byte
}

// splitArchive splits a txtar archive ("-- name --" marker lines) into its
// files; the comment before the first marker is dropped. It is the few lines
// of the format we need, without a module for it.
func splitArchive(data []byte) []archiveFile {
	var files []archiveFile
	for _, line := range strings.SplitAfter(string(data), "\n") {
		t := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			files = append(files, archiveFile{Name: strings.TrimSpace(t[3 : len(t)-3])})
			continue
		}
		if len(files) > 0 {
			f := &files[len(files)-1]
			f.Data = append(f.Data, line...)
		}
	}
	return files
}
