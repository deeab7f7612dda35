package workbook

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Limits protect the machine from a file that is too large or a zip bomb.
// Going over one is reported as "te groot", with the limit and how to raise
// it, never as damage.
type Limits struct {
	// File is the largest .xlsx file read, in bytes.
	File int64
	// Unzipped is the most bytes the parts of one workbook may unzip to
	// together, counted as they are read.
	Unzipped int64
	// Ratio is the largest ratio of unzipped to zipped bytes of a part once
	// it has unzipped to more than ratioFrom bytes: worksheet XML unzips to
	// 10 to 30 times its size, a zip bomb to a thousand times or more.
	Ratio int64
}

// DefaultLimits allow a workbook of a few hundred thousand dossiers (100,000
// take some 90 MB zipped and 1.2 GB of worksheet XML).
var DefaultLimits = Limits{File: 2 << 30, Unzipped: 16 << 30, Ratio: 250}

// The environment variables that raise the limits (read by the CLI).
const (
	EnvMaxFile     = "POORTWACHTER_MAX_BESTAND"
	EnvMaxUnzipped = "POORTWACHTER_MAX_UITGEPAKT"
	EnvMaxRatio    = "POORTWACHTER_MAX_VERHOUDING"
)

// ratioFrom is how many unzipped bytes of a part are read before its ratio
// counts: small parts compress far beyond any real ratio.
const ratioFrom = 16 << 20

// tooLargeError is a limit that was exceeded.
type tooLargeError struct{ msg string }

func (e *tooLargeError) Error() string { return e.msg }

// errTokenTooLarge is one XML tag or text longer than maxToken.
var errTokenTooLarge = &tooLargeError{fmt.Sprintf("een enkel XML-element is groter dan %d MB", maxToken>>20)}

// pkg is an opened workbook package: its parts, read on demand.
type pkg struct {
	name   string
	files  map[string]*zip.File // by lower-case part name
	limits Limits
	budget *budget // unzipped bytes left, all parts together
}

func openPackage(name string, r io.ReaderAt, size int64, limits Limits) (*pkg, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%s is beschadigd of onvolledig (geen geldig zip-bestand); sla het opnieuw op als Excel-werkmap .xlsx", name)
	}
	p := &pkg{name: name, files: map[string]*zip.File{}, limits: limits, budget: &budget{}}
	p.budget.left.Store(limits.Unzipped)
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.TrimPrefix(f.Name, "/"))] = f
	}
	return p, nil
}

// open returns a reader of the unzipped part, counting its bytes against
// the limits.
func (p *pkg) open(part string) (io.ReadCloser, error) {
	f, ok := p.files[strings.ToLower(strings.TrimPrefix(part, "/"))]
	if !ok {
		return nil, fmt.Errorf("onderdeel %s ontbreekt", part)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	return &limitedPart{rc: rc, p: p, part: part, zipped: int64(f.CompressedSize64)}, nil
}

// read returns a whole part; for the small parts (workbook, relationships).
func (p *pkg) read(part string) ([]byte, error) {
	rc, err := p.open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// budget is the unzipped bytes left for the whole package; parts are read
// concurrently.
type budget struct{ left atomic.Int64 }

func (b *budget) take(n int64) bool { return b.left.Add(-n) >= 0 }

// limitedPart reads a part and stops with a tooLargeError when the
// package's unzipped bytes or the part's ratio go over the limits.
type limitedPart struct {
	rc     io.ReadCloser
	p      *pkg
	part   string
	zipped int64
	read   int64
}

func (l *limitedPart) Read(b []byte) (int, error) {
	n, err := l.rc.Read(b)
	l.read += int64(n)
	if !l.p.budget.take(int64(n)) {
		return n, &tooLargeError{fmt.Sprintf("uitgepakt groter dan %s (de grens); verhoog de grens met de omgevingsvariabele %s, bijvoorbeeld %s=%s",
			sizeText(l.p.limits.Unzipped), EnvMaxUnzipped, EnvMaxUnzipped, sizeText(2*l.p.limits.Unzipped))}
	}
	if l.read > ratioFrom && l.zipped > 0 && l.read/l.zipped > l.p.limits.Ratio {
		return n, &tooLargeError{fmt.Sprintf("onderdeel %s pakt uit tot meer dan %d keer zijn ingepakte grootte, zoals een zip-bom; vertrouwt u het bestand, verhoog dan de grens met de omgevingsvariabele %s, bijvoorbeeld %s=%d",
			l.part, l.p.limits.Ratio, EnvMaxRatio, EnvMaxRatio, 4*l.p.limits.Ratio)}
	}
	return n, err
}

func (l *limitedPart) Close() error { return l.rc.Close() }

// sizeText writes a byte count the way the limits are set: "16G", "512M".
func sizeText(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + "G"
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "M"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "K"
	}
	return strconv.FormatInt(n, 10)
}

// foundSize writes the size of a file: "6.566 bytes", "72 MB".
func foundSize(n int64) string {
	if n < 10<<20 {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	return strconv.FormatInt(n>>20, 10) + " MB"
}

// ParseSize reads a size as the limits take it: bytes, or a number with K,
// M or G (powers of 1024), e.g. "16G".
func ParseSize(size string) (int64, error) {
	s := strings.ToUpper(strings.TrimSpace(size))
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, s[:len(s)-1]
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, s[:len(s)-1]
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, s[:len(s)-1]
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("verwacht een positief aantal bytes, eventueel met K, M of G (bijvoorbeeld 16G), gevonden %q", size)
	}
	return n * mult, nil
}

// sheetEntry is one sheet of the workbook, in workbook order.
type sheetEntry struct {
	name   string
	part   string // the worksheet part, "" when the relationship is missing
	hidden bool
}

// structure reads the workbook part: its sheets, the date system and the
// shared string part ("" when there is none).
func (p *pkg) structure() (sheets []sheetEntry, date1904 bool, sharedStrings string, err error) {
	wbPath := "xl/workbook.xml"
	rels, err := p.read("_rels/.rels")
	if _, ok := isTooLarge(err); ok {
		return nil, false, "", err
	}
	if err == nil {
		for _, r := range parseRels(rels) {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	wb, err := p.read(wbPath)
	if err != nil {
		return nil, false, "", err
	}
	var doc struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string     `xml:"name,attr"`
			State string     `xml:"state,attr"`
			Attrs []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(wb, &doc); err != nil {
		return nil, false, "", err
	}
	date1904, _ = strconv.ParseBool(doc.Pr.Date1904)
	dir, base := path.Split(wbPath)
	targets := map[string]string{}
	relsData, err := p.read(dir + "_rels/" + base + ".rels")
	if _, ok := isTooLarge(err); ok {
		return nil, false, "", err
	}
	if err == nil {
		for _, r := range parseRels(relsData) {
			t := r.Target
			if strings.HasPrefix(t, "/") {
				t = strings.TrimPrefix(t, "/")
			} else {
				t = path.Join(dir, t)
			}
			targets[r.ID] = t
			if strings.HasSuffix(r.Type, "/sharedStrings") {
				sharedStrings = t
			}
		}
	}
	for _, s := range doc.Sheets {
		e := sheetEntry{name: s.Name, hidden: s.State == "hidden" || s.State == "veryHidden"}
		for _, a := range s.Attrs {
			if a.Name.Local == "id" {
				e.part = targets[a.Value]
			}
		}
		sheets = append(sheets, e)
	}
	return sheets, date1904, sharedStrings, nil
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

func parseRels(data []byte) []relationship {
	var doc struct {
		Rels []relationship `xml:"Relationship"`
	}
	_ = xml.Unmarshal(data, &doc) // a broken part yields no relationships
	return doc.Rels
}

// isTooLarge reports whether err is an exceeded limit, and its message.
func isTooLarge(err error) (string, bool) {
	var t *tooLargeError
	if errors.As(err, &t) {
		return t.msg, true
	}
	return "", false
}

// prefetchChunk is how much unzipped XML travels at a time from the
// unzipping goroutine to the scanner.
const prefetchChunk = 256 << 10

// prefetch reads r in its own goroutine, a chunk ahead of the reader, so
// unzipping a worksheet and scanning it use two cores: the largest sheet of
// a workbook is the longest path of a read. Close stops the goroutine.
func prefetch(r io.Reader) io.ReadCloser {
	p := &prefetcher{full: make(chan chunk, 2), free: make(chan []byte, 3), stop: make(chan struct{}), done: make(chan struct{})}
	for range cap(p.free) {
		p.free <- make([]byte, prefetchChunk)
	}
	go p.run(r)
	return p
}

type chunk struct {
	data []byte
	err  error
}

type prefetcher struct {
	full  chan chunk
	free  chan []byte
	stop  chan struct{}
	done  chan struct{} // closed when run has returned
	cur   []byte        // unread part of the chunk being read
	owned []byte        // the buffer cur lies in, to give back
	err   error
	once  sync.Once
}

func (p *prefetcher) run(r io.Reader) {
	defer close(p.done)
	defer close(p.full)
	for {
		var buf []byte
		select {
		case buf = <-p.free:
		case <-p.stop:
			return
		}
		n, err := io.ReadFull(r, buf)
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		select {
		case p.full <- chunk{buf[:n], err}:
		case <-p.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

func (p *prefetcher) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		if p.owned != nil {
			p.free <- p.owned[:cap(p.owned)]
			p.owned = nil
		}
		c, ok := <-p.full
		if !ok {
			return 0, io.EOF
		}
		p.cur, p.owned, p.err = c.data, c.data, c.err
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// Close stops the reading goroutine and waits for it, so the reader under
// it may be closed next.
func (p *prefetcher) Close() error {
	p.once.Do(func() { close(p.stop) })
	<-p.done
	return nil
}
