# aesbench: see README.md. `make run` measures this host as is and with
# AES-NI masked; `make test` runs the tests.
GO      ?= go
BIN     := bin/aesbench
LABEL   ?= $(shell hostname)
ALGOS   ?= aes-256-cbc,aes-256-gcm,3des-cbc,chacha20-poly1305
# ENGINES is run's --engine: go, or go,openssl for openssl speed beside
# Go (both sides in the same rounds; about nine minutes more).
ENGINES ?= go
CORPUS  ?= results/corpus/access-80MB.log.gz
# COUNT, when set, is run's --count; unset, run's defaults (16 samples of
# 0.05 s a cell, 9 runs of each file).
COUNT   ?=
RUNARGS ?=

.PHONY: all build install test run bench lint fuzz time-to-answer repro clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/aesbench

# go install puts aesbench in $(go env GOBIN), or $(go env GOPATH)/bin
# when GOBIN is unset (~/go/bin by default).
install:
	$(GO) install ./cmd/aesbench

test: lint
	$(GO) test ./...

# The knight/padawan experiment on one machine: probe, the suite (block
# sizes and an 80 MB compressed log) as is and with AES-NI masked in the
# same rounds (run --interleave), then the comparison, paired round by
# round, and a report with charts in results/report/.
run: build $(CORPUS)
	$(BIN) probe
	$(BIN) run --interleave noaesni $(if $(COUNT),--count $(COUNT)) --label "$(LABEL)" --engine "$(ENGINES)" --algos "$(ALGOS)" --file "$(CORPUS)" $(RUNARGS)
	$(BIN) compare "results/$(LABEL).json" "results/$(LABEL)-noaesni.json"
	$(BIN) report "results/$(LABEL).json" "results/$(LABEL)-noaesni.json" --out results/report

# The log corpus is made once and reused (git-ignored).
$(CORPUS): | build
	mkdir -p "$(dir $(CORPUS))"
	$(BIN) logs --size 80MB --out "$(CORPUS)"

bench:
	$(GO) test -run '^$$' -bench . -benchtime 200ms ./bench

# How far the figures can be trusted on this host: interval coverage of
# a rerun's median, run-to-run spread, false positives of compare and of
# three interleaved A/As, and the time taken (a benchmark, not a test).
repro: build
	$(GO) run ./internal/repro --aesbench $(BIN) $(REPROARGS)

# aesbench --precision 2% against openssl speed -evp on the same suite.
time-to-answer: build
	AESBENCH=$(BIN) scripts/time-to-answer.sh

lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt would change: $$out" >&2; exit 1; fi
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...
	GOOS=freebsd $(GO) vet ./...
	@if command -v shellcheck >/dev/null; then shellcheck scripts/*.sh; \
	else echo "lint: shellcheck not installed; scripts/ not checked (apt-get install shellcheck)" >&2; fi

# Every fuzz target of every package, FUZZTIME each (not in make test);
# a package whose tests do not build stops it (the list is taken as an
# assignment, which set -e sees fail, not as the words of a for).
# Minimizing an input the fuzzer found interesting is held to 2 s: at its
# default of 60 s, on inputs the size of a results file, FuzzCompare ran
# 12 inputs in a minute, against 402,974 in 45 s so.
FUZZTIME ?= 20s
fuzz:
	@set -e; pkgs=$$($(GO) list ./...); for pkg in $$pkgs; do \
		list=$$($(GO) test -list '^Fuzz' "$$pkg"); \
		for f in $$(printf '%s\n' "$$list" | grep '^Fuzz'); do \
			echo "fuzz: $$pkg $$f" >&2; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s "$$pkg"; \
		done; \
	done

clean:
	rm -rf bin
