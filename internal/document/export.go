package document

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// Export writes the built-in templates and their guide (README.md) to dir,
// creating it, so they can be edited and used with --templates. It refuses
// to overwrite an existing file unless force is set, and then writes
// nothing. It returns the paths written.
func (l *Loader) Export(dir string, force bool) ([]string, error) {
	fsys := l.builtIn()
	names, err := fs.Glob(fsys, "*")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	if !force {
		var exist []string
		for _, n := range names {
			if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
				exist = append(exist, n)
			}
		}
		if len(exist) > 0 {
			return nil, fmt.Errorf("%s bevat al %s; gebruik --force om te overschrijven", dir, strings.Join(exist, ", "))
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &errmsg.WriteError{Path: dir, Dir: true, Err: err}
	}
	var written []string
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return written, err
		}
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return written, &errmsg.WriteError{Path: p, Err: err}
		}
		written = append(written, p)
	}
	return written, nil
}
