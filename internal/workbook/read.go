package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Size limits for opening a workbook. excelize's defaults are 16 GB; ours
// keep a hostile or broken file from exhausting memory while leaving ample
// room for 10,000 dossiers (about 20 MB of worksheet XML).
const (
	maxFileSize       = 256 << 20 // the .xlsx file itself
	unzipSizeLimit    = 256 << 20 // all parts together, unzipped
	unzipXMLSizeLimit = 64 << 20  // one worksheet kept in memory, unzipped
)

// ReadFile reads the input workbook at path. The error is only for a file
// that cannot be read as a workbook at all (missing, empty, not an xlsx,
// encrypted, damaged); its message is Dutch and names the file. Everything
// wrong inside a readable workbook is in Result.Problems.
func ReadFile(path string) (*Result, error) {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s bestaat niet", path)
	case err != nil:
		return nil, fmt.Errorf("%s kan niet worden geopend: %v", path, err)
	case fi.IsDir():
		return nil, fmt.Errorf("%s is een map, geen xlsx-werkboek", path)
	case fi.Size() > maxFileSize:
		return nil, fmt.Errorf("%s is te groot (%d MB; maximaal %d MB)", path, fi.Size()>>20, maxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s kan niet worden gelezen: %v", path, err)
	}
	return read(path, data)
}

// Read reads the input workbook from r, like ReadFile; messages call it
// "de invoer".
func Read(r io.Reader) (*Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("de invoer kan niet worden gelezen: %v", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("de invoer is te groot (maximaal %d MB)", maxFileSize>>20)
	}
	return read("de invoer", data)
}

// read opens data as a workbook and reads it. excelize is not trusted to
// never panic on damaged input, so a panic becomes an ordinary error.
func read(name string, data []byte) (res *Result, err error) {
	if err := sniff(name, data); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("%s is beschadigd en kan niet worden gelezen (%v); open het in Excel en sla het opnieuw op", name, p)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    unzipSizeLimit,
		UnzipXMLSizeLimit: unzipXMLSizeLimit,
	})
	if err != nil {
		return nil, openError(name, err)
	}
	defer f.Close()
	return newReader(name, f, data).read()
}

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
	// An encrypted xlsx is an OLE2 compound file holding these streams;
	// directory entry names are UTF-16LE.
	oleEncryptionInfo = utf16le("EncryptionInfo")
	oleEncryptedPkg   = utf16le("EncryptedPackage")
)

// sniff recognises the common wrong files by their first bytes, so the
// user gets a message about what the file is instead of a zip error.
func sniff(name string, data []byte) error {
	switch {
	case len(data) == 0:
		return fmt.Errorf("%s is leeg (0 bytes); verwacht een xlsx-werkboek", name)
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, oleEncryptionInfo) || bytes.Contains(data, oleEncryptedPkg) {
			return fmt.Errorf("%s is met een wachtwoord beveiligd; sla het op zonder wachtwoord", name)
		}
		return fmt.Errorf("%s is geen xlsx-werkboek (het lijkt een oud .xls-bestand; sla het op als Excel-werkmap .xlsx)", name)
	case bytes.HasPrefix(data, zipMagic):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return fmt.Errorf("%s is beschadigd of onvolledig (geen geldig zip-bestand); sla het opnieuw op als Excel-werkmap .xlsx", name)
		}
		return sniffZip(name, zr)
	case looksLikeText(data):
		return fmt.Errorf("%s is geen xlsx-werkboek maar een tekstbestand (bijvoorbeeld CSV); open het in Excel en sla het op als Excel-werkmap .xlsx", name)
	}
	return fmt.Errorf("%s is geen xlsx-werkboek (onbekend bestandsformaat); sla het op als Excel-werkmap .xlsx", name)
}

// sniffZip tells an xlsx from the other zip-based formats.
func sniffZip(name string, zr *zip.Reader) error {
	var contentTypes, workbook bool
	for _, zf := range zr.File {
		switch {
		case zf.Name == "mimetype":
			if rc, err := zf.Open(); err == nil {
				b, _ := io.ReadAll(io.LimitReader(rc, 200))
				rc.Close()
				if bytes.Contains(b, []byte("opendocument.spreadsheet")) {
					return fmt.Errorf("%s is geen xlsx-werkboek (het lijkt een OpenDocument-rekenblad, .ods); sla het op als Excel-werkmap .xlsx", name)
				}
			}
		case zf.Name == "[Content_Types].xml":
			contentTypes = true
		case strings.HasPrefix(zf.Name, "xl/") && strings.HasSuffix(zf.Name, "workbook.xml"):
			workbook = true
		}
	}
	if !contentTypes || !workbook {
		return fmt.Errorf("%s is een zip-bestand maar geen xlsx-werkboek; sla het op als Excel-werkmap .xlsx", name)
	}
	return nil
}

// openError turns an excelize open error into a Dutch message.
func openError(name string, err error) error {
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return fmt.Errorf("%s is met een wachtwoord beveiligd; sla het op zonder wachtwoord", name)
	case errors.Is(err, excelize.ErrWorkbookFileFormat), errors.Is(err, zip.ErrFormat):
		return fmt.Errorf("%s is geen xlsx-werkboek; sla het op als Excel-werkmap .xlsx", name)
	case strings.Contains(err.Error(), "size limit"), errors.Is(err, zip.ErrInsecurePath):
		return fmt.Errorf("%s is te groot of ongeldig om te lezen (%v)", name, err)
	}
	return fmt.Errorf("%s is beschadigd en kan niet worden gelezen (%v); open het in Excel en sla het opnieuw op", name, err)
}

// looksLikeText reports whether the start of data is UTF-8 text without
// control characters other than white space (a CSV or text export).
func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 4096)]
	if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
		head = head[3:]
	}
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 {
			// A multi-byte rune cut off at the 4096-byte boundary is fine.
			return len(head) < utf8.UTFMax && len(data) > 4096
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' {
			return false
		}
		head = head[size:]
	}
	return true
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for _, c := range []byte(s) {
		b = append(b, c, 0)
	}
	return b
}
