# poortwachter: the two commands a fresh machine needs are `make run` and
# `make test`; everything else is for developers.
GO      ?= go
BIN     := bin/poortwachter
EXAMPLE := fixtures/voorbeeld.xlsx
PEILDATUM ?= 2026-12-31

.PHONY: run test build bench fmt check-fmt vet update-flag pdfcheck fuzz fpdf-equivalence clean

# The build records the VCS revision (-buildvcs=auto, whatever GOFLAGS
# says); a release sets its version: make build VERSION=1.2.0.
VERSION ?=
LDFLAGS := $(if $(VERSION),-X github.com/poortwachter/poortwachter/internal/cli.version=$(VERSION))
build:
	$(GO) build -buildvcs=auto -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/poortwachter

# The main job on the bundled example: validate the workbook, check every
# dossier (exit 1 = some dossier is onvolledig, which the example shows on
# purpose), then the year-end batch into out/voorbeeld and its verification.
run: build
	$(BIN) validate $(EXAMPLE)
	$(BIN) check --peildatum $(PEILDATUM) $(EXAMPLE) || [ $$? -eq 1 ]
	$(BIN) batch --peildatum $(PEILDATUM) --output out/voorbeeld $(EXAMPLE)
	$(BIN) verify out/voorbeeld

test: check-fmt vet update-flag
	$(GO) test ./...

check-fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# 'go test ./... -update' rewrites the golden files (README); every test
# package must accept the flag, or that command fails. Runs no test.
update-flag:
	@out=$$($(GO) test -run '^$$' ./... -update 2>&1) || { echo "$$out" | grep -E '^(FAIL|flag provided)'; \
		echo "every test package must accept -update (see internal/golden/update_test.go)"; exit 1; }

fmt:
	gofmt -w $$(git ls-files '*.go')

# Check every rendered PDF of the example with real readers: qpdf --check and
# pdftotext (headings in reading order, page numbering). Installs the tools
# with apt when they are missing; make test runs the same checks when the
# tools are there (CI installs them, and there they must be).
pdfcheck:
	@command -v qpdf >/dev/null && command -v pdftotext >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils qpdf)
	CI=true $(GO) test -count=1 -run 'TestExampleDocuments|TestExternalTools' ./internal/batch ./internal/pdf

# Each fuzz target for FUZZTIME (CI: 10s); by hand, for a long run:
# make fuzz FUZZTIME=10m. See .ci/fuzz.
FUZZTIME ?= 10s
fuzz:
	GO=$(GO) .ci/fuzz $(FUZZTIME)

# The patched copy of go-pdf/fpdf (internal/thirdparty/fpdf) must write the
# same bytes as upstream v0.9.0: a test module of its own, with upstream
# fpdf from the module proxy, renders the example documents and compares
# them with the main module's (internal/fpdfequiv).
# The copy's own tests (of its patches) run here too: it is a module of
# its own, outside ./... of the main module.
fpdf-equivalence:
	cd internal/fpdfequiv && $(GO) test -count=1 ./...
	cd internal/thirdparty/fpdf && $(GO) test -count=1 ./...

clean:
	rm -rf bin out

# The example workbooks, generated from fixtures/voorbeeld.txtar (see
# fixtures/README.md). fixtures-copies re-makes the copies written by other
# programs (LibreOffice, openpyxl, an HR export) from fixtures/voorbeeld.xlsx;
# run it after every change to the example. It needs soffice and openpyxl
# (Debian: libreoffice-calc-nogui, python3-openpyxl) and is not part of
# fixtures, so the copies stay as saved.
PYTHON ?= /usr/bin/python3
.PHONY: fixtures fixtures-copies fixtures-libreoffice fixtures-openpyxl
fixtures:
	$(GO) run ./fixtures/gen

fixtures-copies: fixtures-libreoffice fixtures-openpyxl

fixtures-openpyxl: fixtures
	$(PYTHON) fixtures/gen/export.py fixtures

fixtures-libreoffice: fixtures
	rm -rf /tmp/poortwachter-lo && mkdir -p /tmp/poortwachter-lo
	soffice --headless -env:UserInstallation=file:///tmp/poortwachter-lo/profile \
		--convert-to xlsx:"Calc MS Excel 2007 XML" --outdir /tmp/poortwachter-lo/out fixtures/voorbeeld.xlsx
	cp /tmp/poortwachter-lo/out/voorbeeld.xlsx fixtures/voorbeeld-libreoffice.xlsx

# Benchmarks (see README, "Prestaties"): synthetic workbooks in tmp/bench
# (git-ignored; cmd/synth, fixed seed) of BENCH_SIZES dossiers, the Go
# benchmarks, then per size: the floor (unzip -p of the same workbook to
# /dev/null), check --format json, and batch, each with wall time, CPU time
# and peak memory (GNU time), batch also PDFs per second. check exits 1 on
# onvolledig dossiers; that is expected. All four sizes take about 40
# minutes on 2 cores (batch of 100,000 alone 16 minutes and 15 GB of PDFs,
# removed afterwards); set BENCH_SIZES to measure fewer.
BENCH_DIR := tmp/bench
BENCH_SIZES ?= 1000 10000 50000 100000
BENCH_TIME := /usr/bin/time -f '%e s wall, %U s user + %S s sys, %M KB max RSS'
bench: build
	@mkdir -p $(BENCH_DIR)
	@for n in $(BENCH_SIZES); do \
		$(GO) run ./cmd/synth -n $$n -o $(BENCH_DIR)/synth-$$n.xlsx; \
	done
	$(GO) test -run '^$$' -bench . -benchmem ./...
	@for n in $(BENCH_SIZES); do \
		echo "== $$n dossiers: unzip -p (the floor)"; \
		$(BENCH_TIME) sh -c "unzip -p $(BENCH_DIR)/synth-$$n.xlsx > /dev/null"; \
		echo "== $$n dossiers: check --format json"; \
		$(BENCH_TIME) $(BIN) check --peildatum $(PEILDATUM) --format json $(BENCH_DIR)/synth-$$n.xlsx > /dev/null || [ $$? -eq 1 ]; \
		echo "== $$n dossiers: batch"; rm -rf $(BENCH_DIR)/out-$$n; \
		start=$$(date +%s.%N); \
		$(BENCH_TIME) $(BIN) batch --peildatum $(PEILDATUM) --output $(BENCH_DIR)/out-$$n $(BENCH_DIR)/synth-$$n.xlsx || exit 1; \
		end=$$(date +%s.%N); \
		pdfs=$$(grep -c '"pad": ".*\.pdf"' $(BENCH_DIR)/out-$$n/manifest.json); \
		awk -v p=$$pdfs -v s=$$start -v e=$$end 'BEGIN { printf "%d PDFs, %.0f PDFs/s\n", p, p / (e - s) }'; \
		rm -rf $(BENCH_DIR)/out-$$n; \
	done
