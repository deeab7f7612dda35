package cli

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progressInterval is the shortest time between two redraws of a progress
// bar: about ten a second is smooth without flooding a slow terminal.
const progressInterval = 100 * time.Millisecond

// progressBar draws "dossiers done/total, rate, ETA" on one terminal line,
// redrawn with \r. Use it only when the stream is a terminal.
type progressBar struct {
	w     io.Writer
	now   func() time.Time
	what  string // the unit counted, plural ("dossiers")
	start time.Time
	last  time.Time
	drawn bool
}

func newProgressBar(w io.Writer, now func() time.Time, what string) *progressBar {
	t := now()
	return &progressBar{w: w, now: now, what: what, start: t}
}

// Update redraws the bar for done of total, unless it was redrawn less than
// progressInterval ago (the last update, done == total, always draws).
func (p *progressBar) Update(done, total int) {
	t := p.now()
	if p.drawn && done < total && t.Sub(p.last) < progressInterval {
		return
	}
	p.last, p.drawn = t, true
	fmt.Fprint(p.w, "\r"+progressLine(done, total, t.Sub(p.start), p.what)+"\x1b[K")
}

// Clear removes the bar, so what follows starts on a clean line.
func (p *progressBar) Clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

// progressLine formats the bar: "[#####-----]  120/1000 dossiers  45,2/s  nog 0:19".
func progressLine(done, total int, elapsed time.Duration, what string) string {
	const width = 24
	frac := 1.0
	if total > 0 {
		frac = float64(done) / float64(total)
	}
	n := int(frac * width)
	bar := "[" + strings.Repeat("#", n) + strings.Repeat("-", width-n) + "]"
	s := fmt.Sprintf("%s %*d/%d %s", bar, len(fmt.Sprint(total)), done, total, what)
	if secs := elapsed.Seconds(); secs > 0 && done > 0 {
		rate := float64(done) / secs
		s += "  " + strings.Replace(fmt.Sprintf("%.1f/s", rate), ".", ",", 1)
		if done < total {
			eta := time.Duration(float64(total-done) / rate * float64(time.Second))
			s += "  nog " + clock(eta)
		}
	}
	return s
}

// clock formats d as m:ss, or h:mm:ss from an hour.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// activity shows on one terminal line what a long step without a count is
// doing ("werkboek lezen …  0:04"), its clock redrawn every
// progressInterval until Stop, so the user sees the tool is working.
type activity struct {
	w     io.Writer
	now   func() time.Time
	text  string
	start time.Time
	stop  chan struct{}
	done  chan struct{}
}

// startActivity draws text on w and keeps its clock running.
func startActivity(w io.Writer, now func() time.Time, text string) *activity {
	a := &activity{w: w, now: now, text: text, start: now(), stop: make(chan struct{}), done: make(chan struct{})}
	a.draw()
	go func() {
		defer close(a.done)
		tick := time.NewTicker(progressInterval)
		defer tick.Stop()
		for {
			select {
			case <-a.stop:
				return
			case <-tick.C:
				a.draw()
			}
		}
	}()
	return a
}

func (a *activity) draw() {
	fmt.Fprint(a.w, "\r"+activityLine(a.text, a.now().Sub(a.start))+"\x1b[K")
}

// Stop stops the clock and erases the line; after Stop nothing more is
// written.
func (a *activity) Stop() {
	close(a.stop)
	<-a.done
	fmt.Fprint(a.w, "\r\x1b[K")
}

// activityLine formats an activity: "werkboek lezen …  0:04".
func activityLine(text string, elapsed time.Duration) string {
	return text + " …  " + clock(elapsed)
}
