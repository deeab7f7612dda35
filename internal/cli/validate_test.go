package cli

import (
	"testing"

	"github.com/poortwachter/poortwachter/internal/dossier"
)

func TestValidationSummary(t *testing.T) {
	fout := dossier.Errorf("Dossiers!A2", "x")
	waarschuwing := dossier.Warnf("Dossiers!B1", "y")
	tests := []struct {
		dossiers int
		problems dossier.Problems
		want     string
	}{
		{0, nil, "0 dossiers gelezen, 0 fouten, 0 waarschuwingen"},
		{1, dossier.Problems{fout, waarschuwing}, "1 dossier gelezen, 1 fout, 1 waarschuwing"},
		{12, dossier.Problems{fout, fout, fout, waarschuwing}, "12 dossiers gelezen, 3 fouten, 1 waarschuwing"},
		{2, dossier.Problems{waarschuwing, waarschuwing}, "2 dossiers gelezen, 0 fouten, 2 waarschuwingen"},
	}
	for _, tt := range tests {
		if got := validationSummary(tt.dossiers, tt.problems); got != tt.want {
			t.Errorf("validationSummary(%d, %d problems) = %q, want %q", tt.dossiers, len(tt.problems), got, tt.want)
		}
	}
}
