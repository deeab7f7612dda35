package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/poortwachter/poortwachter/internal/errmsg"
)

// ManifestName is the manifest's file name in the output folder.
const ManifestName = "manifest.json"

// Manifest lists every file a batch wrote, so the output can be verified
// later (poortwachter verify) and a re-run can skip unchanged dossiers. It
// holds no timestamps other than the peildatum: the same input gives the
// same bytes.
type Manifest struct {
	Versie    string `json:"versie"`    // tool version that wrote the files
	Peildatum string `json:"peildatum"` // jjjj-mm-dd
	// Sjablonen is the SHA-256 of the template set the documents were
	// rendered with.
	Sjablonen string          `json:"sjablonen,omitempty"`
	Dossiers  []DossierEntry  `json:"dossiers"`  // sorted by Map
	Bestanden []FileEntry     `json:"bestanden"` // sorted by Pad
	Mislukt   []FailedDossier `json:"mislukt,omitempty"`
}

// DossierEntry is one dossier whose documents are all in the manifest.
type DossierEntry struct {
	Dossiernummer string `json:"dossiernummer"`
	Map           string `json:"map"` // folder, relative to the output folder
	// Vingerafdruk is the SHA-256 of everything the dossier's files depend
	// on: its data, the peildatum, the tool version and the templates.
	Vingerafdruk string `json:"vingerafdruk"`
}

// FileEntry is one file of the output.
type FileEntry struct {
	Pad      string `json:"pad"`               // slash-separated, relative to the output folder
	Dossier  string `json:"dossier,omitempty"` // dossiernummer; "" for the overview workbook
	Document string `json:"document"`          // e.g. "plan-van-aanpak", "bijstelling-plan-van-aanpak", "overzicht"
	// Datum is the document's own date, jjjj-mm-dd: its row's date, or the
	// peildatum for a concept and the overview; "" for the workbook.
	Datum string `json:"datum,omitempty"`
	// Concept marks a document that is due but has no row in the workbook
	// yet: a draft to complete and sign.
	Concept   bool   `json:"concept,omitempty"`
	SHA256    string `json:"sha256"`
	Grootte   int64  `json:"grootte"` // bytes
	Peildatum string `json:"peildatum"`
	Versie    string `json:"versie"`
}

// FailedDossier is a dossier that got no (complete) set of documents.
type FailedDossier struct {
	Dossiernummer string `json:"dossiernummer"`
	Reden         string `json:"reden"`
}

// sort puts every list in its deterministic order.
func (m *Manifest) sort() {
	sort.Slice(m.Dossiers, func(i, j int) bool { return m.Dossiers[i].Map < m.Dossiers[j].Map })
	sort.Slice(m.Bestanden, func(i, j int) bool { return m.Bestanden[i].Pad < m.Bestanden[j].Pad })
	sort.Slice(m.Mislukt, func(i, j int) bool { return m.Mislukt[i].Dossiernummer < m.Mislukt[j].Dossiernummer })
	if m.Dossiers == nil {
		m.Dossiers = []DossierEntry{}
	}
	if m.Bestanden == nil {
		m.Bestanden = []FileEntry{}
	}
}

// Encode writes m as indented JSON, its lists sorted.
func (m *Manifest) Encode(w io.Writer) error {
	m.sort()
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(m)
}

// WriteManifest writes m to dir/manifest.json atomically (and fsynced, as
// it is the record of the run). It does so also when the run was
// interrupted: it takes no context.
func WriteManifest(dir string, m *Manifest) error {
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return err
	}
	_, err := writeAtomic(context.Background(), filepath.Join(dir, ManifestName), true, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
	return err
}

// ErrNoManifest is returned by ReadManifest when the folder has none.
var ErrNoManifest = errors.New("geen manifest")

// ReadManifest reads dir/manifest.json. A missing file is ErrNoManifest;
// a file that is not a manifest is an error saying so, in Dutch.
func ReadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, ManifestName)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s bestaat niet: %w", path, ErrNoManifest)
	}
	if err != nil {
		return nil, errmsg.Wrap(err, "%s kan niet worden gelezen: %s", path, errmsg.System(err))
	}
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&m); err != nil {
		return nil, errmsg.Wrap(err, "%s is geen geldig manifest: %s", path, jsonProblem(err))
	}
	if m.Versie == "" || m.Peildatum == "" {
		return nil, fmt.Errorf("%s is geen geldig manifest: versie of peildatum ontbreekt", path)
	}
	for _, f := range m.Bestanden {
		if !fs.ValidPath(f.Pad) || f.Pad == "." {
			return nil, fmt.Errorf("%s is geen geldig manifest: ongeldig pad %q", path, f.Pad)
		}
	}
	return &m, nil
}

// jsonProblem says in Dutch what is wrong with JSON that did not decode.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("geen geldige JSON (bij byte %d)", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("veld %q heeft de verkeerde soort waarde", te.Field)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "het bestand is leeg of houdt onverwacht op"
	}
	return "onleesbaar (" + err.Error() + ")"
}
