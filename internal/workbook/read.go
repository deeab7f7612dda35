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

	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// ReadFile reads the input workbook at path within DefaultLimits. The
// error is only for a file that cannot be read as a workbook at all
// (missing, empty, not an xlsx, encrypted, damaged, too large); its message
// is Dutch and names the file. Everything wrong inside a readable workbook
// is in Result.Problems.
func ReadFile(path string) (*Result, error) { return ReadFileLimits(path, DefaultLimits) }

// ReadFileLimits is ReadFile within limits. The file is not loaded into
// memory: its worksheets are unzipped and scanned as streams.
func ReadFileLimits(path string, limits Limits) (*Result, error) {
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s bestaat niet", path)
	case err != nil:
		return nil, errmsg.Wrap(err, "%s kan niet worden geopend: %s", path, errmsg.System(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, errmsg.Wrap(err, "%s kan niet worden gelezen: %s", path, errmsg.System(err))
	case fi.IsDir():
		return nil, fmt.Errorf("%s is een map, geen xlsx-werkboek", path)
	case fi.Size() > limits.File:
		return nil, fmt.Errorf("%s is te groot (%s; de grens is %s); verhoog de grens met de omgevingsvariabele %s, bijvoorbeeld %s=%s",
			path, foundSize(fi.Size()), sizeText(limits.File), EnvMaxFile, EnvMaxFile, sizeText(2*limits.File))
	}
	return read(path, f, fi.Size(), limits)
}

// Read reads the input workbook from r, like ReadFile; messages call it
// "de invoer". The input is held in memory.
func Read(r io.Reader) (*Result, error) {
	data, err := io.ReadAll(io.LimitReader(r, DefaultLimits.File+1))
	if err != nil {
		return nil, errmsg.Wrap(err, "de invoer kan niet worden gelezen: %s", errmsg.System(err))
	}
	if int64(len(data)) > DefaultLimits.File {
		return nil, fmt.Errorf("de invoer is te groot (de grens is %s)", sizeText(DefaultLimits.File))
	}
	return read("de invoer", bytes.NewReader(data), int64(len(data)), DefaultLimits)
}

// read opens the package and reads it. A panic while reading a damaged
// file becomes an ordinary error.
func read(name string, r io.ReaderAt, size int64, limits Limits) (res *Result, err error) {
	if err := sniff(name, r, size); err != nil {
		return nil, err
	}
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, panicked(name, p)
		}
	}()
	p, err := openPackage(name, r, size, limits)
	if err != nil {
		return nil, err
	}
	b, err := newZipBook(p)
	if err != nil {
		if msg, ok := isTooLarge(err); ok {
			return nil, fmt.Errorf("%s is te groot: %s", name, msg)
		}
		return nil, errmsg.Wrap(err, "%s is beschadigd: de lijst met tabbladen kan niet worden gelezen (%s); open het in Excel en sla het opnieuw op", name, damage(err))
	}
	return newReader(name, b).read()
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
func sniff(name string, r io.ReaderAt, size int64) error {
	head := make([]byte, min(size, 4096))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return errmsg.Wrap(err, "%s kan niet worden gelezen: %s", name, errmsg.System(err))
	}
	switch {
	case size == 0:
		return fmt.Errorf("%s is leeg (0 bytes); verwacht een xlsx-werkboek", name)
	case bytes.HasPrefix(head, oleMagic):
		if size <= 64<<20 {
			data := make([]byte, size)
			if _, err := r.ReadAt(data, 0); (err == nil || err == io.EOF) &&
				(bytes.Contains(data, oleEncryptionInfo) || bytes.Contains(data, oleEncryptedPkg)) {
				return fmt.Errorf("%s is met een wachtwoord beveiligd; sla het op zonder wachtwoord", name)
			}
		}
		return fmt.Errorf("%s is geen xlsx-werkboek (het lijkt een oud .xls-bestand; sla het op als Excel-werkmap .xlsx)", name)
	case bytes.HasPrefix(head, zipMagic):
		zr, err := zip.NewReader(r, size)
		if err != nil {
			return fmt.Errorf("%s is beschadigd of onvolledig (geen geldig zip-bestand); sla het opnieuw op als Excel-werkmap .xlsx", name)
		}
		return sniffZip(name, zr)
	case looksLikeText(head, size > int64(len(head))):
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

// looksLikeText reports whether head, the start of a file, is UTF-8 text
// without control characters other than white space (a CSV or text
// export); more says the file goes on after head.
func looksLikeText(head []byte, more bool) bool {
	if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
		head = head[3:]
	}
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size == 1 {
			// A multi-byte rune cut off at the 4096-byte boundary is fine.
			return len(head) < utf8.UTFMax && more
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
