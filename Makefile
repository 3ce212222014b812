# Two commands matter to a newcomer: `make demo` (run the sandbox) and `make test` (run every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION := 1
# Newer jsii names Node 20 end-of-life under its own variable (a list of silenced major versions).
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
# The CDK CLI, pinned to a v2 release; fetched by npx on first use.
CDK := npx --yes aws-cdk@2.1148.1

.PHONY: demo test lint bench synth deploy destroy clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/understudy sandbox --host $(HOST) --port $(PORT) --stand-ins

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

synth: $(STAMP)
	$(BIN)/python -m infra.synth $(if $(filter 1 true yes,$(BUNDLE)),--bundle)

deploy: $(STAMP)
	$(CDK) deploy --app '$(BIN)/python -m infra.app' $(CDK_ARGS)

destroy: $(STAMP)
	$(CDK) destroy --app '$(BIN)/python -m infra.app' $(CDK_ARGS)

clean:
	rm -rf $(VENV) cdk.out .pytest_cache .ruff_cache test-artifacts
