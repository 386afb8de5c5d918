# Two commands do all the set-up on a fresh Debian machine (see README):
#   make build   — install what is missing, then build the default briefs into output/
#   make test    — install what is missing, then run the test suite
# Everything installs into .venv/; system libraries come from Debian (apt-get, as root).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test setup bytecode system-deps clean bench pictures

build: $(STAMP) bytecode
	$(BIN)/inbrief build

test: $(STAMP) bytecode
	@./.ci/system-deps --test
	$(BIN)/python -m pytest -q -n auto --dist worksteal

setup: $(STAMP)

# The checkout's modules compiled once, as pip compiles an installed wheel's: where
# PYTHONDONTWRITEBYTECODE is set (CI images often set it), every process would otherwise
# compile them again, about 0.35 s of each cold command. Up-to-date files are skipped.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q src

$(STAMP): pyproject.toml
	@./.ci/system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps:
	@./.ci/system-deps

# Prints the performance table (a few minutes; see docs/performance.md).
bench: $(STAMP)
	$(BIN)/python bench/bench.py

# Rebuilds the pictures in README.md and docs/ from the current code (see docs/pictures.py).
pictures: $(STAMP)
	$(BIN)/python docs/pictures.py

clean:
	rm -rf $(VENV) output/*/ output/manifest.json dist build
