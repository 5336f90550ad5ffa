# Thin entry points over npm scripts and scripts/. `make demo` and `make test` set up everything they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PULUMI_BIN = $$(bash scripts/install-pulumi-cli.sh)

.PHONY: help setup pulumi-cli build typecheck test test-unit test-e2e lint emulator demo bench clean sdks check-generated plugin python-venv

help:
	@echo "make demo   - pulumi up of the example roster against the local emulator (no account needed)"
	@echo "make test   - the whole suite: unit, emulator, provider, real-engine end-to-end"
	@echo "make plugin - dist-plugin/pulumi-resource-realtimekit-v<version>-<os>-<arch>.tar.gz (the native provider plugin)"
	@echo "make sdks   - regenerate generated/ (schema.json, Go and Python SDKs, reference docs)"
	@echo "make lint | build | emulator | bench | clean | check-generated"

node_modules/.package-lock.json: package-lock.json
	npm ci

setup: node_modules/.package-lock.json pulumi-cli python-venv

pulumi-cli:
	@bash scripts/install-pulumi-cli.sh >/dev/null

# The pinned Python packages of the Python SDK test (tests/sdks/python.test.ts), in a cached venv.
python-venv:
	@bash scripts/python-venv.sh >/dev/null

build: node_modules/.package-lock.json
	npm run build

typecheck: build
	npm run typecheck

lint: typecheck
	npm run lint

test: setup build
	PATH="$(PULUMI_BIN):$$PATH" npx jest --json --outputFile=.jest-results.json
	@node -e 'const r = require("./.jest-results.json"); console.log(`tests: $${r.numPassedTests} passed, $${r.numFailedTests} failed`)'

test-unit: build
	npx jest --testPathIgnorePatterns tests/e2e

test-e2e: setup build
	PATH="$(PULUMI_BIN):$$PATH" npx jest tests/e2e

emulator: build
	node dist/emulator/cli.js --port $${PORT:-8787} --state-file $${STATE_FILE:-.emulator-state.json}

demo: setup build
	PATH="$(PULUMI_BIN):$$PATH" bash scripts/demo.sh

bench: setup build
	PATH="$(PULUMI_BIN):$$PATH" node --expose-gc -r ts-node/register/transpile-only scripts/bench.ts

# The native plugin: one esbuild bundle plus launchers, packed for `pulumi plugin install --file`.
plugin: node_modules/.package-lock.json
	npx ts-node --transpile-only plugin/package.ts

# generated/ comes from the runtime's input description; check-generated fails when the committed copy is stale.
sdks: node_modules/.package-lock.json
	bash scripts/sdks.sh

check-generated: node_modules/.package-lock.json
	bash scripts/sdks.sh --check

clean:
	rm -rf dist dist-plugin .pulumi-state .emulator-state.json bench-results
