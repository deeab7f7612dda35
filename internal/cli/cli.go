// Package cli wires the poortwachter commands: flags, input and output
// streams, the clock and exit codes. It is the only package that reads the
// clock, the environment and os.Args; every command writes only to the
// streams in its Env, so each is testable in-process.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	ucli "github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/poortwachter/poortwachter/internal/errmsg"
	"github.com/poortwachter/poortwachter/internal/nearest"
)

// MemoryLimit is the process's soft memory limit unless the environment
// variable GOMEMLIMIT sets another.
const MemoryLimit = 450 << 20

// Exit codes, like diff and grep: 0 all well, 1 the input was read and
// something is wrong with it (a dossier is onvolledig, a file differs), 2 the
// input could not be read or the command was used wrongly.
const (
	ExitOK       = 0
	ExitFindings = 1
	ExitInput    = 2
	// ExitWrite: the output could not be written (full disk, read-only
	// folder, a file where a folder should be); batch stopped cleanly and
	// its manifest lists what was completed.
	ExitWrite = 3
	// ExitBusy: another batch is writing into the same output folder.
	ExitBusy = 4
)

// Env is everything a command may touch outside its arguments.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// IsTerminal reports whether w is an interactive terminal (for colour and
	// progress bars).
	IsTerminal func(w io.Writer) bool
	// TerminalWidth returns the width in columns of the terminal w writes
	// to, or 0 when w is no terminal or its width is unknown.
	TerminalWidth func(w io.Writer) int
	// Build identifies the running program (version, revision); the zero
	// Build is an ontwikkelversie.
	Build Build
}

// build returns env's Build.
func (env Env) build() Build {
	if env.Build.Version == "" {
		return Build{Version: develVersion}
	}
	return env.Build
}

// Main runs the tool with the process's real environment and returns the
// exit status.
func Main(args []string) int {
	ctx, stop := SignalContext()
	defer stop()
	if os.Getenv("GOMEMLIMIT") == "" {
		// A whole year-end workbook is read into memory, and rendering
		// allocates 15-20 MB of short-lived garbage per PDF. A soft limit
		// makes the garbage collector work harder only near it, keeping the
		// peak under 500 MB for 10,000 dossiers (see README, Performance).
		debug.SetMemoryLimit(MemoryLimit)
	}
	env := Env{
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		Now:    time.Now,
		IsTerminal: func(w io.Writer) bool {
			f, ok := w.(*os.File)
			return ok && term.IsTerminal(int(f.Fd()))
		},
		TerminalWidth: func(w io.Writer) int {
			f, ok := w.(*os.File)
			if !ok || !term.IsTerminal(int(f.Fd())) {
				return 0
			}
			width, _, err := term.GetSize(int(f.Fd()))
			if err != nil {
				return 0
			}
			return width
		},
		Build: readBuild(),
	}
	return Run(ctx, env, args)
}

// SignalContext returns a context that the first Ctrl-C (SIGINT) or
// SIGTERM cancels, with the signal as its cause; a second one ends the
// process at once, as it would without this handler. stop releases it.
func SignalContext() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		if sig, ok := <-sigs; ok {
			signal.Stop(sigs)
			cancel(interrupted{sig})
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}

// interrupted is the cause of a context cancelled by a signal.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "onderbroken door signaal " + i.sig.String() }

// interruptedExit ends a command that stopped because ctx was cancelled:
// exit status 128 plus the signal's number, as shells report a process
// ended by it (130 for Ctrl-C, 143 for SIGTERM); 130 when no signal is
// known (a test cancelling the context).
func interruptedExit(ctx context.Context, msg string) error {
	code := ExitInterrupted
	var in interrupted
	if errors.As(context.Cause(ctx), &in) {
		if s, ok := in.sig.(syscall.Signal); ok {
			code = 128 + int(s)
		}
	}
	return &exitError{code: code, msg: msg}
}

// exitError carries an exit code and a Dutch message for the user. An empty
// message means the command already said what it had to say.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageError reports wrong use of the command (exit 2).
func usageError(format string, args ...any) error {
	return &exitError{code: ExitInput, msg: fmt.Sprintf(format, args...)}
}

// inputError reports input that could not be read (exit 2).
func inputError(format string, args ...any) error {
	return &exitError{code: ExitInput, msg: fmt.Sprintf(format, args...)}
}

// outputError reports an output that could not be written: exit 3 for a
// file system error (errmsg.WriteError: full disk, read-only folder), else
// exit 2.
func outputError(err error) error {
	var we *errmsg.WriteError
	if errors.As(err, &we) {
		return &exitError{code: ExitWrite, msg: err.Error()}
	}
	return inputError("%v", err)
}

// stdoutError reports that writing to standard output failed (a closed
// pipe, a full disk behind a redirection).
func stdoutError(err error) error {
	return &exitError{code: ExitWrite, msg: "uitvoer schrijven mislukt: " + errmsg.System(err)}
}

// findingsExit ends a command with status 1 without a further message.
func findingsExit() error { return &exitError{code: ExitFindings} }

// silentExit ends a command with status code without a further message.
func silentExit(code int) error { return &exitError{code: code} }

// Run runs the tool with args (args[0] is the program name) in env.
func Run(ctx context.Context, env Env, args []string) int {
	app := newApp(env)
	err := app.RunContext(ctx, flagsFirst(app.Commands, args))
	if err == nil {
		return ExitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(env.Stderr, "poortwachter: %s\n", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintf(env.Stderr, "poortwachter: %s\n", err)
	return ExitInput
}

// commands lists the command constructors; each command file adds its own
// in an init function, so commands stay independent of one another.
var commands []func(env Env) *ucli.Command

func newApp(env Env) *ucli.App {
	app := &ucli.App{
		Name:                 "poortwachter",
		Usage:                "verzuimdossiers toetsen aan de Wet verbetering poortwachter",
		Description:          appDescription,
		Version:              env.build().String(),
		Reader:               env.Stdin,
		Writer:               env.Stdout,
		ErrWriter:            env.Stderr,
		HideHelpCommand:      true,
		EnableBashCompletion: false,
		ExitErrHandler:       func(*ucli.Context, error) {},
		Action: func(c *ucli.Context) error {
			if c.NArg() > 0 {
				return unknownCommand(c.Args().First(), "", c.App.Commands)
			}
			return ucli.ShowAppHelp(c)
		},
	}
	// urfave/cli adds --help only when there is no command named help;
	// ours is one, so the flag is added here.
	app.Flags = []ucli.Flag{ucli.HelpFlag}
	app.OnUsageError = usageErrorFor([]ucli.Flag{ucli.HelpFlag, ucli.VersionFlag})
	for _, mk := range append(commands, helpCommand, versionCommand) {
		cmd := mk(env)
		prepareCommand(cmd, "")
		app.Commands = append(app.Commands, cmd)
	}
	return app
}

// prepareCommand gives cmd and its subcommands Dutch usage errors with a
// suggestion, hides urfave/cli's English help command, and lets a command
// with subcommands name a mistyped one.
func prepareCommand(cmd *ucli.Command, parent string) {
	cmd.OnUsageError = usageErrorFor(cmd.Flags)
	cmd.HideHelpCommand = true
	cmd.Before = checkEmptyOptions
	path := strings.TrimSpace(parent + " " + cmd.Name)
	for _, sub := range cmd.Subcommands {
		prepareCommand(sub, path)
	}
	if len(cmd.Subcommands) > 0 && cmd.Action == nil {
		subs := cmd.Subcommands
		cmd.Action = func(c *ucli.Context) error {
			if c.NArg() > 0 {
				return unknownCommand(c.Args().First(), path, subs)
			}
			return ucli.ShowSubcommandHelp(c)
		}
	}
}

// unknownCommand is the usage error for a command name that is not one of
// cmds (below parent, "" at the top), with the nearest name when it looks
// like a typing error.
func unknownCommand(name, parent string, cmds []*ucli.Command) error {
	var names []string
	for _, c := range cmds {
		names = append(names, c.Names()...)
	}
	full, help := name, "poortwachter --help"
	if parent != "" {
		full, help = parent+" "+name, "poortwachter "+parent+" --help"
	}
	if near := nearest.Word(name, names); near != "" {
		return usageError("onbekend commando %q; bedoelt u %q? zie '%s'", full, strings.TrimSpace(parent+" "+near), help)
	}
	return usageError("onbekend commando %q; zie '%s'", full, help)
}

// usageErrorFor returns the handler of urfave/cli's usage errors for a
// command with flags: the message in Dutch, with the nearest option when
// an unknown one looks like a typing error.
func usageErrorFor(flags []ucli.Flag) ucli.OnUsageErrorFunc {
	return func(_ *ucli.Context, err error, _ bool) error {
		var names []string
		for _, f := range append(flags, ucli.HelpFlag) {
			names = append(names, f.Names()...)
		}
		return usageError("%s", dutchUsage(err, names))
	}
}

// dutchUsage translates urfave/cli's English flag errors; names are the
// options the command knows, for "bedoelt u …?".
func dutchUsage(err error, names []string) string {
	s := err.Error()
	if m := reInvalidValue.FindStringSubmatch(s); m != nil {
		why := "verwacht een geheel getal"
		if m[3] == "value out of range" {
			why = "het getal is te groot"
		}
		return "ongeldige waarde " + m[1] + " voor " + optionName(strings.TrimLeft(m[2], "-")) + ": " + why
	}
	switch {
	case strings.HasPrefix(s, "flag provided but not defined: "):
		name := strings.TrimLeft(strings.TrimPrefix(s, "flag provided but not defined: "), "-")
		msg := "onbekende optie " + optionName(name)
		if near := nearestOption(name, names); near != "" {
			msg += "; bedoelt u " + optionName(near) + "?"
		}
		return msg
	case strings.HasPrefix(s, "flag needs an argument: "):
		name := strings.TrimLeft(strings.TrimPrefix(s, "flag needs an argument: "), "-")
		return "optie " + optionName(name) + " heeft een waarde nodig"
	}
	return "verkeerd gebruik (" + s + "); zie 'poortwachter --help'"
}

// reInvalidValue matches urfave/cli's message for an option value that
// does not parse (only --jobs takes a number).
var reInvalidValue = regexp.MustCompile(`^invalid value (".*") for flag (-\S+): (.*)$`)

// checkEmptyOptions refuses an option given with an empty value, such as
// --peildatum "": leaving it out means something (today, the built-in
// templates), an empty value does not.
func checkEmptyOptions(c *ucli.Context) error {
	for _, f := range c.Command.Flags {
		name := f.Names()[0]
		if !c.IsSet(name) {
			continue
		}
		var vals []string
		switch f.(type) {
		case *ucli.StringFlag:
			vals = []string{c.String(name)}
		case *ucli.StringSliceFlag:
			vals = c.StringSlice(name)
		}
		for _, v := range vals {
			if strings.TrimSpace(v) == "" {
				return usageError("%s heeft een lege waarde; geef een waarde of laat de optie weg", optionName(name))
			}
		}
	}
	return nil
}

// optionName writes an option as users type it: -o, --peildatum.
func optionName(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// nearestOption returns the option of names that name abbreviates (when
// only one starts with it) or is a typing error of; "" when none.
func nearestOption(name string, names []string) string {
	var prefixed []string
	for _, n := range names {
		if len(name) >= 2 && len(n) > 1 && strings.HasPrefix(n, name) {
			prefixed = append(prefixed, n)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	var long []string
	for _, n := range names {
		if len(n) > 1 {
			long = append(long, n)
		}
	}
	return nearest.Word(name, long)
}

// oneArg returns the single positional argument (a workbook or folder) or a
// usage error naming what was expected.
func oneArg(c *ucli.Context, what string) (string, error) {
	switch c.NArg() {
	case 1:
		return c.Args().First(), nil
	case 0:
		return "", usageError("%s ontbreekt; gebruik: poortwachter %s", what, c.Command.UsageText)
	default:
		return "", usageError("verwacht één %s, gevonden %d argumenten", what, c.NArg())
	}
}

// flagsFirst moves the options of a command that follow its arguments to
// before them, so "poortwachter check werkboek.xlsx --peildatum 2026-12-31"
// works as users type it: urfave/cli stops reading options at the first
// argument. Everything after "--" stays an argument.
func flagsFirst(cmds []*ucli.Command, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	// Walk down the command names (workbook new, templates export).
	var cmd *ucli.Command
	for len(rest) > 0 {
		next := findCommand(cmds, rest[0])
		if next == nil {
			break
		}
		cmd, cmds = next, next.Subcommands
		out = append(out, rest[0])
		rest = rest[1:]
	}
	if cmd == nil {
		return args
	}
	var flags, positional []string
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		switch {
		case a == "--":
			positional = append(positional, rest[i+1:]...)
			i = len(rest)
		case len(a) > 1 && a[0] == '-':
			flags = append(flags, a)
			if !strings.Contains(a, "=") && takesValue(cmd, strings.TrimLeft(a, "-")) && i+1 < len(rest) {
				i++
				flags = append(flags, rest[i])
			}
		default:
			positional = append(positional, a)
		}
	}
	out = append(out, flags...)
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}

func findCommand(cmds []*ucli.Command, name string) *ucli.Command {
	for _, c := range cmds {
		for _, n := range c.Names() {
			if n == name {
				return c
			}
		}
	}
	return nil
}

// takesValue reports whether the option name of cmd needs a value (every
// option but the on/off ones).
func takesValue(cmd *ucli.Command, name string) bool {
	for _, f := range cmd.Flags {
		for _, n := range f.Names() {
			if n == name {
				_, isBool := f.(*ucli.BoolFlag)
				return !isBool
			}
		}
	}
	return false
}
