# Two entry points for a fresh machine: `make reproduce` and `make test`.
# Both install npm dependencies when node_modules is missing or older than the lockfile.

NODE_DEPS := node_modules/.package-lock.json
CAPE := node bin/cape.mjs

.PHONY: reproduce test bench clean deps fonts browser typecheck diff snapshot check-reference dashboard

reproduce: $(NODE_DEPS) fonts
	$(CAPE) reproduce

test: $(NODE_DEPS) fonts browser
	@mkdir -p .tmp
	@npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json; status=$$?; \
	node tests/summary.mjs .tmp/vitest.json; exit $$status

# make diff A=<version> B=<version>: every changed cell and ledger status; exit 0 same, 1 changed, 2 bad arguments.
diff: $(NODE_DEPS)
	@if [ -z "$(A)" ] || [ -z "$(B)" ]; then echo "usage: make diff A=<version> B=<version>  (versions under results/, e.g. reference, latest)" >&2; exit 2; fi
	@$(CAPE) diff "$(A)" "$(B)"

dashboard: $(NODE_DEPS) fonts browser
	$(CAPE) dashboard

snapshot: $(NODE_DEPS) fonts
	$(CAPE) snapshot

check-reference: $(NODE_DEPS) fonts
	$(CAPE) check-reference

bench: $(NODE_DEPS)
	npx tsx bench/run.ts

typecheck: $(NODE_DEPS)
	npx tsc --noEmit

clean:
	find results -mindepth 1 -maxdepth 1 ! -name reference ! -name README.md -exec rm -rf {} +
	rm -rf .tmp

deps: $(NODE_DEPS)

$(NODE_DEPS): package.json package-lock.json
	npm ci
	@touch $@

# Fonts for figure text (resvg draws no text without them) and Chromium for the
# dashboard's browser tests and screenshots. Installed from Debian only when missing.
fonts:
	@bash .ci/system-deps fonts

browser:
	@bash .ci/system-deps chromium
