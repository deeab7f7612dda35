package errmsg

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestSystem(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "bestand")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, notExist := os.Open(filepath.Join(dir, "geen"))
	notDir := os.MkdirAll(filepath.Join(file, "map"), 0o755)
	isDir := os.WriteFile(dir, nil, 0o644)
	for _, tc := range []struct {
		err  error
		want string
	}{
		{notExist, "bestaat niet"},
		{notDir, "er staat een bestand waar een map moet staan"},
		{isDir, "er staat een map waar een bestand moet staan"},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "de schijf is vol"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, "het bestandssysteem is alleen-lezen"},
		{fs.ErrPermission, "geen toestemming"},
		{Wrap(syscall.ENOSPC, "eigen tekst"), "de schijf is vol"},
		{Wrap(nil, "eigen tekst"), "eigen tekst"},
		{errors.New("something odd"), "onverwachte fout van het systeem (something odd)"},
	} {
		if got := System(tc.err); got != tc.want {
			t.Errorf("System(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
}

func TestWrapKeepsCause(t *testing.T) {
	cause := &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}
	err := Wrap(cause, "%s kan niet worden geschreven: %s", "x", System(cause))
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("errors.Is(ENOSPC) = false for %v", err)
	}
	if got := err.Error(); got != "x kan niet worden geschreven: de schijf is vol" || strings.Contains(got, "no space") {
		t.Errorf("message %q", got)
	}
}
