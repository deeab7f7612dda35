package workbook

import (
	"archive/zip"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"syscall"

	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// damage says in Dutch what is wrong with a part of a damaged workbook,
// for the brackets of "... is beschadigd (...)": the zip, XML and
// decompression errors of the standard library are English.
func damage(err error) string {
	var se *xml.SyntaxError
	var ue xml.UnmarshalError
	var te *xml.TagPathError
	var ce flate.CorruptInputError
	var pe *fs.PathError
	var errno syscall.Errno
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("ongeldige XML op regel %d", se.Line)
	case errors.As(err, &ue), errors.As(err, &te), strings.HasPrefix(err.Error(), "xml: "):
		return "ongeldige XML"
	case errors.As(err, &ce):
		return fmt.Sprintf("de ingepakte gegevens zijn beschadigd vanaf byte %d", int64(ce))
	case errors.Is(err, zip.ErrChecksum):
		return "het controlegetal van een onderdeel klopt niet"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm):
		return "geen geldig zip-bestand"
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "een onderdeel houdt onverwacht op"
	case errors.As(err, &pe), errors.As(err, &errno):
		return errmsg.System(err)
	}
	return "de inhoud is onleesbaar"
}

// panicked is the error for a panic while reading: a fault of the reader,
// not of the file, which the fuzz tests look for.
func panicked(name string, p any) error {
	return errmsg.Wrap(fmt.Errorf("panic: %v", p), "%s kan niet worden gelezen door een interne fout van poortwachter; open het in Excel, sla het opnieuw op en probeer het nog eens", name)
}
