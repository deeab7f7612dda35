package nearest

import "flag"

// The -update flag rewrites golden files in the packages that have them.
// This package has none; it accepts the flag so that 'go test ./... -update'
// runs here too (make test checks that every package does).
var _ = flag.Bool("update", false, "rewrite golden files (this package has none)")
