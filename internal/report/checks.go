package report

import (
	"runtime"
	"sync"

	"github.com/poortwachter/poortwachter/internal/dossier"
	"github.com/poortwachter/poortwachter/internal/rules"
)

// Checks are the checks of a list of dossiers, in order. A writer asks for
// each once and lets it go, so the findings of a workbook of 100,000
// dossiers (some 5 KB each) need not all be in memory at once.
type Checks interface {
	Len() int
	// Check returns the check of dossier i. It is safe for concurrent use.
	Check(i int) rules.Result
}

// Results are checks already made.
type Results []rules.Result

// Len returns the number of results.
func (r Results) Len() int { return len(r) }

// Check returns result i.
func (r Results) Check(i int) rules.Result { return r[i] }

// Lazy returns the checks of ds at peildatum p, each made when asked.
func Lazy(ds []*dossier.Dossier, p dossier.Date) Checks { return lazy{ds, p} }

type lazy struct {
	ds []*dossier.Dossier
	p  dossier.Date
}

func (l lazy) Len() int                 { return len(l.ds) }
func (l lazy) Check(i int) rules.Result { return rules.Check(l.ds[i], l.p) }

// Summary is what a writer saw of the checks: the verdicts counted and the
// warnings each check found, for the exit status and the meldingen.
type Summary struct {
	Oordelen  map[rules.Oordeel]int
	Meldingen dossier.Problems // the checks' warnings, unsorted
}

// Onvolledig reports whether any dossier is onvolledig.
func (s Summary) Onvolledig() bool { return s.Oordelen[rules.Onvolledig] > 0 }

// Add counts r.
func (s *Summary) Add(r rules.Result) {
	if s.Oordelen == nil {
		s.Oordelen = map[rules.Oordeel]int{}
	}
	s.Oordelen[r.Oordeel]++
	s.Meldingen = append(s.Meldingen, r.Meldingen...)
}

// checkChunk is how many checks are made in parallel at a time, and so how
// many are in memory at once.
const checkChunk = 512

// eachChunk makes the checks a chunk at a time, spread over the cores, and
// calls fn for each in order; what fn returns is kept per chunk position
// and handed to flush with the chunk, in order. The checks of a chunk are
// let go before the next is made.
func eachChunk[T any](c Checks, work func(i int, r rules.Result) T, flush func(start int, out []T) error) error {
	return inChunks(c.Len(), checkChunk, func(i int) T { return work(i, c.Check(i)) }, flush)
}

// inChunks calls work for 0 … n-1, size at a time spread over the cores,
// and hands each chunk's results to flush in order, starting at index
// start; a flush error stops it. A chunk's results are let go before the
// next chunk is made, so at most size are in memory at once.
func inChunks[T any](n, size int, work func(i int) T, flush func(start int, out []T) error) error {
	out := make([]T, min(size, n))
	for start := 0; start < n; start += size {
		end := min(start+size, n)
		var wg sync.WaitGroup
		workers := min(runtime.NumCPU(), end-start)
		for wk := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := start + wk; i < end; i += workers {
					out[i-start] = work(i)
				}
			}()
		}
		wg.Wait()
		if err := flush(start, out[:end-start]); err != nil {
			return err
		}
		clear(out)
	}
	return nil
}
