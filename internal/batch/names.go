package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// maxNameLen bounds a sanitised dossiernummer, so that a file name built
// from it (plus document, date and a hash suffix) stays well under the 255
// bytes file systems allow.
const maxNameLen = 80

// reserved are the device names Windows refuses as file names, whatever
// the extension.
var reserved = map[string]bool{
	"CON": true, "PRN": true, "AUX": true, "NUL": true,
	"COM1": true, "COM2": true, "COM3": true, "COM4": true, "COM5": true,
	"COM6": true, "COM7": true, "COM8": true, "COM9": true,
	"LPT1": true, "LPT2": true, "LPT3": true, "LPT4": true, "LPT5": true,
	"LPT6": true, "LPT7": true, "LPT8": true, "LPT9": true,
}

// SafeName turns a dossiernummer into a name that is safe as a folder or
// file name on every common file system: ASCII letters, digits, '-' and '_'
// are kept, every other character (path separators, dots, spaces, accented
// letters) becomes '_'. So "..", "a/b" and "C:\x" can never leave the output
// folder. An empty result becomes "dossier", a Windows device name (CON,
// NUL, COM1, ...) gets a trailing '_', and long names are cut. Different
// nummers may give the same SafeName; Names resolves that.
func SafeName(nummer string) string {
	var b strings.Builder
	for _, r := range nummer {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= maxNameLen {
			break
		}
	}
	s := b.String()
	if s == "" {
		return "dossier"
	}
	if reserved[strings.ToUpper(s)] {
		s += "_"
	}
	return s
}

// Names returns, for each of the distinct dossiernummers nummers, a safe
// name (SafeName) that no other nummer of the list gets, compared without
// regard to case (macOS and Windows file systems ignore case). When several
// nummers share a SafeName, each gets a suffix of eight hex digits of the
// SHA-256 of its nummer, except the one nummer, if any, whose SafeName is
// the nummer itself: "D-001" stays "D-001" even when "D/001" is in the
// workbook too. The result does not depend on the order of nummers.
func Names(nummers []string) map[string]string {
	groups := map[string][]string{}
	for _, n := range nummers {
		k := strings.ToLower(SafeName(n))
		groups[k] = append(groups[k], n)
	}
	out := make(map[string]string, len(nummers))
	for _, group := range groups {
		if len(group) == 1 {
			out[group[0]] = SafeName(group[0])
			continue
		}
		exact := 0
		for _, n := range group {
			if SafeName(n) == n {
				exact++
			}
		}
		for _, n := range group {
			safe := SafeName(n)
			if safe == n && exact == 1 {
				out[n] = safe
				continue
			}
			out[n] = safe + "-" + shortHash(n)
		}
	}
	return out
}

func shortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}
