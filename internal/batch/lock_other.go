//go:build !unix && !windows

package batch

import "os"

// lockFile does nothing where the operating system offers no file locks
// that Go can use (plan9, js, wasip1): there one writer per folder is up
// to the user.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}
