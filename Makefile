# epnbot — tâches courantes. Tout s'installe dans .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Démarre le bot dans le terminal sur la base d'exemple (SQLite, sans jeton).
run: $(STAMP)
	$(BIN)/epnbot demo

## Lance toute la suite de tests (PostgreSQL utilisé s'il répond sur 127.0.0.1:5432).
test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check bot handlers knowledge tests benchmarks scripts
	$(BIN)/mypy --strict bot handlers knowledge

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ask.py

## Qualité de compréhension sur le jeu de développement partagé.
eval: $(STAMP)
	$(BIN)/python scripts/eval_dev.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
