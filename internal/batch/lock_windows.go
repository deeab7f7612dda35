//go:build windows

package batch

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// lockedByte is the byte of the lock file that LockFileEx locks: far past
// its content, so a second process can still read who holds the lock
// (Windows locks are mandatory for the bytes they cover).
var lockedByte = windows.Overlapped{OffsetHigh: 1}

// lockFile locks one byte of f exclusively, without waiting.
func lockFile(f *os.File) error {
	ol := lockedByte
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return errLocked
	}
	return err
}

func unlockFile(f *os.File) {
	ol := lockedByte
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
