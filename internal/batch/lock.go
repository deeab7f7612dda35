package batch

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// LockName is the file in the output folder that a running batch holds a
// lock on. It stays in the folder (verify ignores it); it holds a line
// about the process that holds the lock, and is empty after a run that
// ended cleanly.
const LockName = ".poortwachter.lock"

// Lock is a batch's lock on its output folder: one writer per folder. The
// operating system releases it when the process ends, however it ends, so
// a run that was killed never blocks the next.
type Lock struct {
	f *os.File
	// Stale is what the lock file said about the run that held it last,
	// when that run did not end cleanly (it was killed, crashed, or lost
	// power); "" when it ended cleanly or there was none.
	Stale string
}

// LockedError says that another process holds the lock on Dir.
type LockedError struct {
	Dir    string
	Holder string // the holder's own line: "proces 1234 op host, ..."
}

func (e *LockedError) Error() string {
	holder := e.Holder
	if holder == "" {
		holder = "een proces dat zich nog niet heeft gemeld"
	}
	return "map " + e.Dir + " is in gebruik door een andere batch (" + holder + "); wacht tot die klaar is, of stop die eerst"
}

// errLocked is what lockFile returns when another process holds the lock.
var errLocked = errors.New("vergrendeld door een ander proces")

// LockDir takes the lock on the existing folder dir for owner, a line that
// says in Dutch which process this is (shown to a second run). It fails
// at once, with a *LockedError, when another process holds it.
func LockDir(dir, owner string) (*Lock, error) {
	path := filepath.Join(dir, LockName)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, writeErr(path, err)
	}
	if err := lockFile(f); err != nil {
		holder, _ := io.ReadAll(io.LimitReader(f, 4096))
		f.Close()
		if errors.Is(err, errLocked) {
			return nil, &LockedError{Dir: dir, Holder: strings.TrimSpace(string(holder))}
		}
		return nil, errmsg.Wrap(err, "%s kan niet worden vergrendeld: %s", path, errmsg.System(err))
	}
	old, _ := io.ReadAll(io.LimitReader(f, 4096))
	if err := f.Truncate(0); err == nil {
		_, err = f.WriteAt([]byte(strings.TrimSpace(owner)+"\n"), 0)
		if err == nil {
			err = f.Sync()
		}
		if err != nil {
			unlockFile(f)
			f.Close()
			return nil, writeErr(path, err)
		}
	}
	return &Lock{f: f, Stale: strings.TrimSpace(string(old))}, nil
}

// Unlock releases the lock after emptying the lock file, which tells the
// next run that this one ended cleanly.
func (l *Lock) Unlock() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Truncate(0)
	unlockFile(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}
