# qcakit: two commands do all set-up.
#   make lab    create .venv, install the kit, open the lessons in JupyterLab
#   make test   create .venv, install the kit and test tools, run every test
#               (notebooks run in a kernel with only the kit's wheel + ipykernel; a real JupyterHub
#               with two students runs from .hub/, made by scripts/ensure-hub)
# Both start from nothing but a Python >= 3.10 on PATH (override with PYTHON=...).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
LAB_ARGS ?=

.PHONY: lab test strip clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip

$(VENV)/.lab: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -e '.[lab]'
	touch $@

$(VENV)/.test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -e '.[lab,test]'
	touch $(VENV)/.lab $@

# Jupyter refuses to run as root unless told; containers and CI machines often are root.
AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(VENV)/.lab
	$(BIN)/jupyter lab --port=$(PORT) $(AS_ROOT) $(LAB_ARGS) \
		--ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb

test: $(VENV)/.test
	scripts/ensure-browser
	VENV=$(VENV) PYTHON=$(PYTHON) scripts/ensure-hub
	$(BIN)/python -m pytest --nbval-kernel-name=qcakit-kernel-only

# Remove outputs from every notebook (the tests refuse notebooks with outputs).
strip: $(VENV)/.test
	$(BIN)/python scripts/strip_notebooks.py

clean:
	[ ! -d .hub ] || chmod -R u+w .hub
	rm -rf $(VENV) .hub build *.egg-info
