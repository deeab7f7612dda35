// Package errmsg makes the errors a user reads. Everything the tool says is
// Dutch, also when the cause is an error of the operating system or of a
// library, whose text is English: Wrap gives an error a Dutch message and
// keeps the cause for errors.Is and errors.As, and System describes the
// common system errors in Dutch.
package errmsg

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"syscall"
)

// Error is a Dutch message with the error that caused it.
type Error struct {
	msg   string
	cause error
}

func (e *Error) Error() string { return e.msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.cause }

// Wrap returns an error whose message is the Dutch text of format and args
// and whose cause is cause. The message must say what the cause means;
// System gives the words for a system error.
func Wrap(cause error, format string, args ...any) error {
	return &Error{msg: fmt.Sprintf(format, args...), cause: cause}
}

// WriteError is a file or folder that could not be written (full disk,
// read-only folder, a file where a folder should be).
type WriteError struct {
	Path string // the file or folder that was to be written
	Dir  bool   // Path is a folder to be made
	Err  error  // the cause, usually a system error
}

func (e *WriteError) Error() string {
	if e.Dir {
		return "map " + e.Path + " kan niet worden gemaakt: " + System(e.Err)
	}
	return e.Path + " kan niet worden geschreven: " + System(e.Err)
}

// Unwrap returns the cause.
func (e *WriteError) Unwrap() error { return e.Err }

// errnoText describes the system errors a user can meet when reading or
// writing files, in words that fit after "kan niet worden geschreven: ".
var errnoText = map[syscall.Errno]string{
	syscall.ENOSPC:       "de schijf is vol",
	syscall.EDQUOT:       "het schijfquotum is op",
	syscall.EROFS:        "het bestandssysteem is alleen-lezen",
	syscall.EACCES:       "geen toestemming",
	syscall.EPERM:        "geen toestemming",
	syscall.ENOTDIR:      "er staat een bestand waar een map moet staan",
	syscall.EISDIR:       "er staat een map waar een bestand moet staan",
	syscall.ENOENT:       "bestaat niet",
	syscall.EEXIST:       "bestaat al",
	syscall.ENOTEMPTY:    "de map is niet leeg",
	syscall.ENAMETOOLONG: "de naam is te lang",
	syscall.EIO:          "invoer-/uitvoerfout van het apparaat",
	syscall.EMFILE:       "te veel bestanden tegelijk open",
	syscall.ENFILE:       "te veel bestanden tegelijk open",
	syscall.EFBIG:        "het bestand wordt te groot voor het bestandssysteem",
	syscall.EXDEV:        "verplaatsen naar een ander bestandssysteem kan niet",
	syscall.EBUSY:        "het bestand of de map is in gebruik",
	syscall.ELOOP:        "te veel symbolische koppelingen na elkaar",
	syscall.ENOMEM:       "onvoldoende geheugen",
	syscall.EINVAL:       "ongeldige bewerking voor dit bestand",
	syscall.ENOLCK:       "het bestandssysteem kan geen vergrendeling geven",
	syscall.EAGAIN:       "tijdelijk niet beschikbaar",
	syscall.EINTR:        "onderbroken",
	syscall.EPIPE:        "de ontvanger leest niet meer (de pijp is gesloten)",
}

// System returns a Dutch description of err, an error of the operating
// system or the standard library, without the path it concerns (the
// caller's message names that). An error it does not know is described as
// such, with its own text in brackets.
func System(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if s, ok := errnoText[errno]; ok {
			return s
		}
	}
	var de *Error
	switch {
	case err == nil:
		return "geen fout"
	case errors.As(err, &de):
		return de.msg
	case errors.Is(err, fs.ErrNotExist):
		return "bestaat niet"
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming"
	case errors.Is(err, fs.ErrExist):
		return "bestaat al"
	case errors.Is(err, fs.ErrClosed):
		return "het bestand is al gesloten"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "het bestand houdt onverwacht op"
	case errors.Is(err, io.ErrShortWrite):
		return "onvolledig geschreven"
	case errors.Is(err, context.Canceled):
		return "onderbroken"
	case errors.Is(err, context.DeadlineExceeded):
		return "de tijd is op"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Sprintf("onverwachte fout van het systeem (%v)", err)
}
