// Package pdf lays out a document.Doc on A4 pages and writes it as PDF. It is
// the only package that imports fpdf. Layout and pagination are our own
// (see layout.go): they produce pages of drawing operations which Render
// replays on fpdf and TextDump prints, so the readable golden files show the
// real page breaks.
package pdf

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/poortwachter/poortwachter/internal/document"
	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// Options are the settings of Render that do not come from the document.
type Options struct {
	// Creator is written to the PDF metadata, e.g. "poortwachter 0.1.0".
	Creator string
}

// producer is the fixed /Producer of every PDF, so output does not depend on
// the fpdf version string.
const producer = "poortwachter (go-pdf/fpdf)"

// fallbackDate is the creation date of a document without one, so output
// stays reproducible.
var fallbackDate = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Render lays out doc and writes it as PDF to w. The same document always
// gives the same bytes.
func Render(w io.Writer, doc *document.Doc, opt Options) error {
	return RenderContext(context.Background(), w, doc, opt)
}

// RenderContext is Render that stops once ctx is done (Ctrl-C, the
// document's time limit): it checks between blocks and pages while laying
// out and drawing, and returns an error that wraps ctx.Err().
func RenderContext(ctx context.Context, w io.Writer, doc *document.Doc, opt Options) (err error) {
	if doc == nil {
		return errors.New("pdf: geen document")
	}
	fonts, err := loadFonts()
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	defer func() {
		switch r := recover().(type) {
		case nil:
		case stopped:
			err = stoppedError(doc, r.err)
		default:
			err = fmt.Errorf("pdf: opmaak van %q mislukt: %v", doc.Title, r)
		}
	}()
	pages := paginate(ctx, doc, fonts)
	f, err := newFpdf(doc, opt, fonts, pages)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return stoppedError(doc, err)
		}
		f.AddPage()
		draw(f, p)
	}
	if err := f.Output(w); err != nil {
		return errmsg.Wrap(err, "pdf: schrijven van %q mislukt: %s", doc.Title, errmsg.System(err))
	}
	return nil
}

// stoppedError says that the layout of doc stopped because of err.
func stoppedError(doc *document.Doc, err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return errmsg.Wrap(err, "pdf: opmaak van %q afgebroken: de tijdslimiet per document is verstreken", doc.Title)
	}
	return errmsg.Wrap(err, "pdf: opmaak van %q onderbroken", doc.Title)
}

func newFpdf(doc *document.Doc, opt Options, fonts *fontSet, pages []*page) (*fpdf.Fpdf, error) {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetMargins(marginL, bodyTop, marginR)
	f.SetAutoPageBreak(false, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	date := doc.Date
	if date.IsZero() {
		date = fallbackDate
	}
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	f.SetLang("nl-NL")
	f.SetProducer(producer, true)
	f.SetTitle(sanitizeMeta(doc.Title), true)
	f.SetSubject(sanitizeMeta(doc.Subject), true)
	f.SetAuthor(sanitizeMeta(doc.Author), true)
	f.SetCreator(sanitizeMeta(opt.Creator), true)
	if doc.Dossier != "" {
		f.SetKeywords(sanitizeMeta("Wet verbetering poortwachter, dossier "+doc.Dossier), true)
	}
	f.SetDisplayMode("fullwidth", "single")

	// Embed only the faces this document uses: fpdf parses each face it is
	// given, whether used or not.
	var used [numStyles]bool
	used[regular] = true
	for _, p := range pages {
		for _, o := range p.ops {
			if o.kind == opText {
				used[o.style] = true
			}
		}
	}
	for s, u := range used {
		if !u {
			continue
		}
		st := style(s).fpdfStyle()
		f.AddUTF8FontFromBytes(fontFamily, st, fonts.faces[s].data)
		// fpdf prints font errors instead of returning them; SetFont fails
		// on a face that was not added.
		f.SetFont(fontFamily, st, sizeBody)
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("pdf: lettertype %s: %w", fontFiles[s], err)
		}
	}
	f.SetFont(fontFamily, "", sizeBody)
	return f, nil
}

// draw replays the ops of one page.
func draw(f *fpdf.Fpdf, p *page) {
	for _, o := range p.ops {
		switch o.kind {
		case opText:
			f.SetFont(fontFamily, o.style.fpdfStyle(), o.size)
			f.SetTextColor(int(o.color.r), int(o.color.g), int(o.color.b))
			f.Text(o.x, o.y, o.text)
		case opLine:
			f.SetLineWidth(o.size)
			f.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
			f.Line(o.x, o.y, o.x2, o.y2)
		case opFill:
			f.SetFillColor(int(o.color.r), int(o.color.g), int(o.color.b))
			f.Rect(o.x, o.y, o.x2, o.y2, "F")
		case opStroke:
			f.SetLineWidth(o.size)
			f.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
			f.Rect(o.x, o.y, o.x2, o.y2, "D")
		case opBookmark:
			f.Bookmark(o.text, o.level, o.y)
		case opCircle, opTriangle:
			style := "D"
			if o.fill {
				style = "F"
				f.SetFillColor(int(o.color.r), int(o.color.g), int(o.color.b))
			} else {
				f.SetLineWidth(o.size)
				f.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
			}
			if o.kind == opCircle {
				f.Circle(o.x, o.y, o.x2, style)
			} else {
				r := o.x2
				f.Polygon([]fpdf.PointType{{X: o.x, Y: o.y - r}, {X: o.x + r, Y: o.y + 0.8*r}, {X: o.x - r, Y: o.y + 0.8*r}}, style)
			}
		case opDashLine, opDashRect:
			f.SetLineWidth(o.size)
			f.SetDrawColor(int(o.color.r), int(o.color.g), int(o.color.b))
			f.SetDashPattern([]float64{0.8, 0.6}, 0)
			if o.kind == opDashLine {
				f.Line(o.x, o.y, o.x2, o.y2)
			} else {
				f.Rect(o.x, o.y, o.x2, o.y2, "D")
			}
			f.SetDashPattern([]float64{}, 0)
		}
	}
}
