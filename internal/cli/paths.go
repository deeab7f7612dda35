package cli

import (
	"os"
	"path/filepath"
	"strings"
)

// The checks on paths a user names, in one place: each says in Dutch what
// is wrong before any work starts, instead of a system message such as
// "mkdir out: not a directory".

// needFolder checks that dir, given with option (e.g. "--output"; "" for
// an argument), is a folder or does not exist yet (it will be made).
func needFolder(option, dir string) error {
	named := strings.TrimSpace(option + " " + dir)
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return usageError("%s is een bestand, geen map; geef een map op", named)
	}
	for p := filepath.Dir(filepath.Clean(dir)); p != "." && p != "/"; p = filepath.Dir(p) {
		if fi, err := os.Stat(p); err == nil {
			if !fi.IsDir() {
				return usageError("%s: %s is een bestand, geen map", named, p)
			}
			break
		}
	}
	return nil
}

// needFile checks that path, a file to be written, is not a folder and
// lies in a folder that exists.
func needFile(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usageError("%s is een map; geef een bestandsnaam op", path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	switch {
	case err != nil:
		return inputError("%s: map %s bestaat niet", path, dir)
	case !fi.IsDir():
		return usageError("%s: %s is een bestand, geen map", path, dir)
	}
	return nil
}
