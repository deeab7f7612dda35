package batch

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"reflect"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/dossier"
)

// Fingerprint returns the SHA-256 of everything the files of dossier d
// depend on: every field of d (by reflection, so a field added to
// dossier.Dossier later counts without anyone remembering to add it here,
// including the workbook places, which findings quote), the peildatum, the
// tool version and the hash of the template set. Equal fingerprints mean the
// documents would come out byte for byte the same.
func Fingerprint(d *dossier.Dossier, peildatum dossier.Date, version, templates string) string {
	h := sha256.New()
	writeString(h, "poortwachter-vingerafdruk-1")
	writeString(h, version)
	writeString(h, peildatum.String())
	writeString(h, templates)
	canonical(h, reflect.ValueOf(d).Elem())
	return hex.EncodeToString(h.Sum(nil))
}

var dateType = reflect.TypeOf(dossier.Date{})

// canonical writes an unambiguous encoding of v: strings length-prefixed,
// slices count-prefixed, struct fields by name, dates as jjjj-mm-dd.
func canonical(h hash.Hash, v reflect.Value) {
	if v.Type() == dateType {
		writeString(h, v.Interface().(dossier.Date).String())
		return
	}
	var buf [8]byte
	switch v.Kind() {
	case reflect.String:
		writeString(h, v.String())
	case reflect.Bool:
		if v.Bool() {
			h.Write([]byte{1})
		} else {
			h.Write([]byte{0})
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		binary.BigEndian.PutUint64(buf[:], uint64(v.Int()))
		h.Write(buf[:])
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		binary.BigEndian.PutUint64(buf[:], v.Uint())
		h.Write(buf[:])
	case reflect.Float32, reflect.Float64:
		binary.BigEndian.PutUint64(buf[:], math.Float64bits(v.Float()))
		h.Write(buf[:])
	case reflect.Slice, reflect.Array:
		binary.BigEndian.PutUint64(buf[:], uint64(v.Len()))
		h.Write(buf[:])
		for i := 0; i < v.Len(); i++ {
			canonical(h, v.Index(i))
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if !t.Field(i).IsExported() {
				continue
			}
			writeString(h, t.Field(i).Name)
			canonical(h, v.Field(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			h.Write([]byte{0})
			return
		}
		h.Write([]byte{1})
		canonical(h, v.Elem())
	default:
		// A kind the dossier types do not use today; fail loudly in tests
		// rather than silently leave data out of the fingerprint.
		panic(fmt.Sprintf("batch: vingerafdruk van %s wordt niet ondersteund", v.Type()))
	}
}

func writeString(h hash.Hash, s string) {
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(len(s)))
	h.Write(buf[:])
	h.Write([]byte(s))
}

// TemplateSetHash returns the SHA-256 of the template files the loader
// would use (the built-in ones, or the overrides in its folder), by name.
func TemplateSetHash(l *document.Loader) (string, error) {
	names, err := l.Names()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, name := range names {
		text, _, err := l.Read(name)
		if err != nil {
			return "", err
		}
		writeString(h, name)
		writeString(h, text)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
