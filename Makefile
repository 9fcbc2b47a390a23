# Every target is one line that calls a script or a tool. `make test` is what CI runs.
.PHONY: install demo test test-clients unasync lint lint-spec check-generated generate check-breaking check-upstream serve fuzz bench docs typescript

VENV := .venv/bin

install:
	@scripts/install

demo: install
	scripts/demo

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error && touch node_modules

generate: install node_modules
	scripts/generate && scripts/generate-typescript && scripts/generate-go && scripts/generate-java

check-generated: install node_modules
	scripts/check-generated && scripts/check-generated-typescript && scripts/check-generated-go && scripts/check-generated-java

lint-spec: install node_modules
	scripts/lint-spec

lint: install node_modules
	scripts/lint

test: install node_modules
	scripts/test

test-clients:
	scripts/test-clients

unasync: install
	scripts/unasync

check-breaking: install
	scripts/check-breaking $(if $(BASE),--base $(BASE))

check-upstream: install
	scripts/check-upstream $(if $(URL),--upstream $(URL))

typescript: install node_modules
	scripts/test-typescript

docs: node_modules
	scripts/docs

serve: install
	.venv/bin/ionq-mock serve --host 127.0.0.1 --port 8000 --api-key dev-key

fuzz: install
	scripts/fuzz $(ARGS)

bench: install
	scripts/bench
