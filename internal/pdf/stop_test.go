package pdf

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/poortwachter/poortwachter/internal/document"
)

// TestRenderStops: laying out a document of thousands of pages (what a
// template may write within its 20 MB) stops once the context is done,
// with an error that wraps the context's and says so in Dutch. Without the
// checks between blocks and pages it would run to the end.
func TestRenderStops(t *testing.T) {
	line := strings.Repeat("woord ", 100)
	big := &document.Doc{Title: "Groot"}
	for range 20000 {
		big.Blocks = append(big.Blocks, para(sText(line)))
	}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel2()
	<-expired.Done()
	for _, tc := range []struct {
		ctx  context.Context
		is   error
		want string
	}{
		{canceled, context.Canceled, `pdf: opmaak van "Groot" onderbroken`},
		{expired, context.DeadlineExceeded, `pdf: opmaak van "Groot" afgebroken: de tijdslimiet per document is verstreken`},
	} {
		err := RenderContext(tc.ctx, io.Discard, big, testOpt)
		if !errors.Is(err, tc.is) || err.Error() != tc.want {
			t.Errorf("err = %v, want %q wrapping %v", err, tc.want, tc.is)
		}
	}
}
