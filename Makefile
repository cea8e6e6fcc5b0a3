# shadowscan — see README.md. Every target works on a clean clone.
GO        ?= go
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)
BIN       := bin/shadowscan
DEMO_DB   ?= demo.db
FUZZTIME  ?= 10s
STATICCHECK_VERSION := v0.8.2

.PHONY: all build test demo bench bench-pipeline bench-distributed eval fuzz lint tidy-check clean

all: build

build: ## build bin/shadowscan
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/shadowscan

# The race detector slows the crawler about tenfold, so the end-to-end tests
# (a full demo scan, rescans, resume after a kill, the browser, ReplayWeb.page
# replay, the near-duplicate photo set, the crawler's fetch: browser tests,
# the scan use case's crawls of the demo marketplace, the distributed scans
# on NATS JetStream, one on a 3-node cluster losing a server) skip under
# -short in the race run and run once more without it.
E2E_PKGS := ./cmd/... ./evidence/... ./photo/... ./scan/...
test: ## every test: unit tests with the race detector, then the end-to-end tests
	$(GO) test -race -short -count=1 ./...
	$(GO) test -count=1 $(E2E_PKGS)
	$(GO) test -count=1 -run '^TestBrowser' ./crawler/

demo: build ## serve the embedded demo marketplace, scan it, print the hits
	./$(BIN) --db $(DEMO_DB) demo

# Each package's benchmarks get an iteration count that makes their figures
# mean something: per-listing rates need thousands of listings, latency
# percentiles hundreds of requests, whole-crawl runs only a couple.
BENCH := $(GO) test -run '^$$' -benchmem
bench: ## benchmarks that print figures (throughput, memory, latency)
	$(BENCH) -bench . ./catalog/ ./rules/ ./photo/ ./demo/...
	$(BENCH) -bench . -benchtime 20000x ./matcher/
	$(BENCH) -bench . -benchtime 200x ./store/
	$(BENCH) -bench BenchmarkServe100k -benchtime 200x ./cmd/shadowscan/
	@$(MAKE) --no-print-directory bench-pipeline
	$(BENCH) -bench . -benchtime 2x ./crawler/
	$(BENCH) -bench . -benchtime 1x ./evidence/

# The full scan (a first scan into a new store, then a rescan of the same
# listings) against a bare colly fetch+parse crawler on the same local
# marketplace, in the same run (the machine's load moves all alike), at
# each latency; the ratios of listing pages a second end the output.
bench-pipeline: ## full pipeline vs bare colly, same run: prints the ratio
	@out=$$($(BENCH) -bench BenchmarkPipeline -benchtime 2x ./scan/ 2>&1); rc=$$?; echo "$$out"; \
	  [ $$rc -eq 0 ] || exit $$rc; \
	  echo; echo "full pipeline / bare colly, listing pages/s, measured in the same run:"; \
	  echo "$$out" | awk '/^--- BENCH:/ {name=$$3} /RATIO/ {what=$$0; sub(/.*RATIO /, "", what); sub(/ \/ bare colly.*/, "", what); sub(/.*same run: /, ""); print "  " name "  " what ": " $$0}'

# A local scan, then distributed scans (NATS JetStream, embedded) with 1, 2
# and 4 in-process workers, of the same generated marketplace answering
# after 10 ms, each into a new store, in the same run; the ratios of
# listing pages a second to the local scan end the output. The site's
# parallelism is shared by all workers: more workers add CPU, not
# politeness (see BenchmarkDistributed).
bench-distributed: ## distributed scans at 1, 2, 4 workers vs a local scan, same run: prints the ratios
	@out=$$($(BENCH) -bench BenchmarkDistributed -benchtime 1x ./scan/ 2>&1); rc=$$?; echo "$$out"; \
	  [ $$rc -eq 0 ] || exit $$rc; \
	  echo; echo "distributed / local scan, listing pages/s, measured in the same run:"; \
	  echo "$$out" | awk '/RATIO/ {sub(/.*RATIO /, ""); sub(/ \/ local scan, listing pages\/s, same run:/, ":"); print "  " $$0}'

eval: ## precision, recall and F1 of the matcher on the labelled worlds
	$(GO) run ./cmd/shadowscan-eval

fuzz: ## every fuzz target for $(FUZZTIME) each
	@set -e; for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg; \
	  done; \
	done

# layercheck: the import direction of README "Architecture" (root stdlib only,
# siblings never import each other, only cmd/ wires); funclen: no function
# over 80 lines outside tests, generated code and fixtures. Both need no
# network.
# The held-out worlds (cmd/shadowscan-eval/worldN) are fixtures written by
# people who never read the code and must not be edited to suit it: gofmt
# and go vet check them, staticcheck's style and dead-code findings don't.
lint: ## gofmt, the layering and function-length checks, go vet, staticcheck
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) run ./tools/layercheck
	$(GO) run ./tools/funclen
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) $$($(GO) list ./... | grep -v '/cmd/shadowscan-eval/world[0-9]*$$')

tidy-check: ## go.mod and go.sum are tidy
	$(GO) mod tidy -diff

clean:
	rm -rf bin $(DEMO_DB)
