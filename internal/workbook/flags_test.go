package workbook

import "flag"

// update makes golden-file tests rewrite their golden files.
var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")
