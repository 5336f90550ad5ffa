# Thin entry points over npm scripts and scripts/. `make demo` and `make test` set up everything they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The tested row (scripts/rows/rows.json: Node.js, @pulumi/pulumi, Pulumi CLI) that these targets run in:
# by default the row of the Node.js on PATH; `make test ROW=current` picks one. scripts/row.sh installs what
# the row needs and runs the same target again inside it, where RTK_ROW is set.
ROW ?=
ROW_TARGETS := test test-unit test-e2e demo bench bench-scale

.PHONY: help setup build typecheck lint lint-workflows test-rows rows-lock emulator clean sdks check-generated plugin python-venv $(ROW_TARGETS)

help:
	@echo "make demo   - pulumi up of the example roster against the local emulator (no account needed)"
	@echo "make test   - the whole suite: unit, emulator, provider, real-engine end-to-end"
	@echo "make test-rows - the whole suite in every tested row (floor, node22, node24, current), as CI runs it"
	@echo "ROW=floor|node22|node24|current selects the row of test, test-unit, test-e2e, demo, bench, bench-scale"
	@echo "make plugin - dist-plugin/pulumi-resource-realtimekit-v<version>-<os>-<arch>.tar.gz (the native provider plugin)"
	@echo "make sdks   - regenerate generated/ (schema.json, Go and Python SDKs, reference docs)"
	@echo "make lint | build | emulator | bench (includes bench-scale) | bench-scale | rows-lock | clean | check-generated"

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

setup: node_modules/.package-lock.json python-venv

# The pinned Python packages of the Python SDK test (tests/sdks/python.test.ts) and of Cloudflare's official
# Python SDK against the emulator (tests/emulator/cloudflare-python-sdk.test.ts), each in a cached venv.
python-venv:
	@bash scripts/python-venv.sh >/dev/null
	@bash scripts/python-venv.sh tests/emulator/python/requirements.txt >/dev/null

build: node_modules/.package-lock.json
	npm run build

typecheck: build
	npm run typecheck

lint: typecheck lint-workflows
	npm run lint

# The GitOps example's workflow, with actionlint (pinned, built from its Go module into the cache).
lint-workflows:
	"$$(bash scripts/install-actionlint.sh | tail -n1)/actionlint" -color examples/gitops/.github/workflows/*.yml

test-rows:
	bash scripts/test-rows.sh

# Regenerates scripts/rows/pulumi-<version>.package-lock.json after a dependency change in package.json.
rows-lock:
	bash scripts/rows-lock.sh

ifeq ($(RTK_ROW),)
$(ROW_TARGETS):
	@bash scripts/row.sh "$(ROW)" $(MAKE) --no-print-directory $@
else
# Inside a row: PATH holds the row's node and pulumi, and the working directory is the row's tree.
test: setup typecheck
	@status=0; npx jest --json --outputFile=.jest-results.json || status=$$?; \
	  node scripts/rows/summary.js .jest-results.json; exit $$status

test-unit: build
	npx jest --testPathIgnorePatterns tests/e2e

test-e2e: setup build
	npx jest tests/e2e

# No rebuild when no source changed since the last build (a second run's time is the CLI's own).
demo: node_modules/.package-lock.json
	@node scripts/build-if-stale.js
	@node scripts/rows/summary.js
	@bash scripts/demo.sh

bench: build
	node --expose-gc -r ts-node/register/transpile-only scripts/bench.ts
	node -r ts-node/register/transpile-only scripts/bench-roster-aliases.ts
	node -r ts-node/register/transpile-only scripts/bench-emulator-state.ts
	$(MAKE) --no-print-directory bench-scale

# The large-roster figures: N = 500, 1,000, 2,000 (BENCH_SCALE_SIZES) against as many no-op dynamic resources.
bench-scale: build
	node -r ts-node/register/transpile-only scripts/bench-scale.ts
endif

# The native plugin: one esbuild bundle plus launchers, packed for `pulumi plugin install --file`.
plugin: node_modules/.package-lock.json
	npx ts-node --transpile-only plugin/package.ts

# generated/ comes from the runtime's input description; check-generated fails when the committed copy is stale.
sdks: node_modules/.package-lock.json
	bash scripts/sdks.sh

check-generated: node_modules/.package-lock.json
	bash scripts/sdks.sh --check

emulator: build
	node dist/emulator/cli.js --port $${PORT:-8787} --state-file $${STATE_FILE:-.emulator-state.json}

clean:
	rm -rf dist dist-plugin .pulumi-state .emulator-state.json bench-results
