# Two entry points for a fresh machine: `make reproduce` and `make test`.
# Both install npm dependencies when node_modules is missing or older than the
# lockfile, and build dist/ (the compiled `cape`) when a source is newer than it.

NODE_DEPS := node_modules/.package-lock.json
DIST := dist/cape.mjs
DIST_SOURCES := $(shell find pipeline figures steer -type f 2>/dev/null) package-lock.json scripts/build-dist.mjs
CAPE := node bin/cape.mjs

.PHONY: reproduce test bench clean deps dist fonts browser typecheck diff snapshot check-reference dashboard lint format

reproduce: $(NODE_DEPS) $(DIST) fonts
	$(CAPE) reproduce

test: $(NODE_DEPS) $(DIST) fonts browser
	@mkdir -p .tmp
	@npx vitest run --reporter=default --reporter=json --outputFile=.tmp/vitest.json; status=$$?; \
	node tests/summary.mjs .tmp/vitest.json; exit $$status

# make diff A=<version> B=<version>: every changed cell and ledger status; exit 0 same, 1 changed, 2 bad arguments.
# make exits 2 whenever a recipe fails, so `diff` runs in question mode (-q), where make's own exit status
# is 1 for "something to do": the one recipe line is marked `+` so it still runs, and cape's 0, 1 and 2
# come out of make unchanged. Dependencies are installed and dist/ built inside that line, since question
# mode runs no other recipe.
ifeq ($(MAKECMDGOALS),diff)
MAKEFLAGS += -q
endif
diff:
	+@if [ -z "$(A)" ] || [ -z "$(B)" ]; then echo "usage: make diff A=<version> B=<version>  (versions under results/, e.g. reference, latest)" >&2; exit 2; fi; \
	[ -f $(NODE_DEPS) ] || npm ci >&2 || exit 2; \
	$(CAPE) diff "$(A)" "$(B)"

dashboard: $(NODE_DEPS) $(DIST) fonts browser
	$(CAPE) dashboard

snapshot: $(NODE_DEPS) $(DIST) fonts
	$(CAPE) snapshot

check-reference: $(NODE_DEPS) $(DIST) fonts
	$(CAPE) check-reference

dist: $(DIST)

$(DIST): $(NODE_DEPS) $(DIST_SOURCES)
	node scripts/build-dist.mjs

bench: $(NODE_DEPS) $(DIST)
	npx tsx bench/run.ts

typecheck: $(NODE_DEPS)
	npx tsc --noEmit

# Biome: `make lint` checks formatting and lint rules; `make format` rewrites files (line width 160).
lint: $(NODE_DEPS)
	npx biome check .

format: $(NODE_DEPS)
	npx biome format --write .

clean:
	find results -mindepth 1 -maxdepth 1 ! -name reference ! -name README.md -exec rm -rf {} +
	rm -rf .tmp dist

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
