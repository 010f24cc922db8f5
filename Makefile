# aesbench: see README.md. `make run` measures this host as is and with
# AES-NI masked; `make test` runs the tests.
GO      ?= go
BIN     := bin/aesbench
LABEL   ?= $(shell hostname)
RUNARGS ?=

.PHONY: all build test run bench lint fuzz clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/aesbench

test: lint
	$(GO) test ./...

# The knight/padawan experiment on one machine: probe, the default suite as
# is and with Go's hardware AES masked, then the AES-NI slowdown.
run: build
	$(BIN) probe
	$(BIN) run --label "$(LABEL)" $(RUNARGS)
	$(BIN) run --no-aesni --label "$(LABEL)-noaesni" $(RUNARGS)
	$(BIN) compare "results/$(LABEL).json" "results/$(LABEL)-noaesni.json"

bench:
	$(GO) test -run '^$$' -bench . -benchtime 200ms ./bench

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change: $$out" >&2; exit 1; fi
	$(GO) vet ./...
	@if command -v shellcheck >/dev/null; then shellcheck scripts/*.sh; \
	else echo "lint: shellcheck not installed; scripts/ not checked (apt-get install shellcheck)" >&2; fi

fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParseProcCPUInfo -fuzztime 20s ./cpuinfo

clean:
	rm -rf bin
