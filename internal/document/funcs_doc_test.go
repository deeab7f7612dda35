package document

import (
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestSprigFuncsDocumented: templates/README.md documents exactly the Sprig
// functions a template may call (sprigFuncs), in its table under
// "### Functies van Sprig".
func TestSprigFuncsDocumented(t *testing.T) {
	data, err := os.ReadFile("../../templates/README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "### Functies van Sprig\n")
	if !ok {
		t.Fatal(`templates/README.md has no section "### Functies van Sprig"`)
	}
	section, _, _ = strings.Cut(section, "\n#")
	var documented []string
	first := regexp.MustCompile("^\\| ((?:`[A-Za-z0-9]+`(?:, )?)+) \\|")
	name := regexp.MustCompile("`([A-Za-z0-9]+)`")
	for _, line := range strings.Split(section, "\n") {
		if m := first.FindStringSubmatch(line); m != nil {
			for _, n := range name.FindAllStringSubmatch(m[1], -1) {
				documented = append(documented, n[1])
			}
		}
	}
	allowed := slices.Clone(sprigFuncs)
	sort.Strings(allowed)
	sort.Strings(documented)
	if !slices.Equal(allowed, documented) {
		t.Errorf("templates/README.md documents\n%v\nbut templates may call\n%v", documented, allowed)
	}
	all := baseFuncs()
	for _, n := range sprigFuncs {
		if all[n] == nil {
			t.Errorf("%s is in the allow-list but not in Sprig", n)
		}
	}
}
