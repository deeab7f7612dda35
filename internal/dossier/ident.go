package dossier

import (
	"fmt"
	"regexp"
	"strings"
)

// NormalizeBSN validates a BSN (burgerservicenummer) and returns it as nine
// digits. An eight-digit number gets its leading zero back (spreadsheets
// drop it). The 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11);
// 000000000 is invalid. The error is Dutch and says what was expected.
func NormalizeBSN(s string) (string, error) {
	v := strings.TrimSpace(s)
	v = strings.NewReplacer(" ", "", ".", "").Replace(v)
	for _, c := range v {
		if c < '0' || c > '9' {
			return "", fmt.Errorf("verwacht een BSN van 9 cijfers, gevonden %q", s)
		}
	}
	if len(v) == 8 {
		v = "0" + v
	}
	if len(v) != 9 {
		return "", fmt.Errorf("verwacht een BSN van 9 cijfers, gevonden %q (%d cijfers)", s, len(v))
	}
	if v == "000000000" {
		return "", fmt.Errorf("BSN %q is ongeldig", v)
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += (9 - i) * int(v[i]-'0')
	}
	sum -= int(v[8] - '0')
	if sum%11 != 0 {
		return "", fmt.Errorf("BSN %s voldoet niet aan de 11-proef", v)
	}
	return v, nil
}

var reLoonheffingennummer = regexp.MustCompile(`^\d{9}L\d{2}$`)

// NormalizeLoonheffingennummer validates the form 123456789L01 (an upper- or
// lower-case L is accepted) and returns it with a capital L.
func NormalizeLoonheffingennummer(s string) (string, error) {
	v := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	if !reLoonheffingennummer.MatchString(v) {
		return "", fmt.Errorf("verwacht een loonheffingennummer als 123456789L01 (9 cijfers, L, 2 cijfers), gevonden %q", s)
	}
	return v, nil
}

// ParseJaNee reads the Ja/Nee variants of the workbook contract: Ja, Nee,
// J, N, Yes, No, TRUE, FALSE, 1, 0 and X (= ja); empty is nee.
func ParseJaNee(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ja", "j", "yes", "y", "true", "waar", "1", "x":
		return true, nil
	case "nee", "n", "no", "false", "onwaar", "0", "":
		return false, nil
	}
	return false, fmt.Errorf("verwacht Ja of Nee (ook J/N, Yes/No, TRUE/FALSE, 1/0, X), gevonden %q", s)
}
