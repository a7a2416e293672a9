# qcakit: two commands do all set-up.
#   make lab    create .venv, install the kit, open the lessons in JupyterLab
#               (make lab KIT_LANG=zh: the Chinese lessons, JupyterLab's interface and the kit's
#               messages in Simplified Chinese)
#   make test   create .venv, install the kit and test tools, run every test
#               (notebooks run in a kernel with only the kit's wheel + ipykernel; a real JupyterHub
#               with two students runs from .hub/, made by scripts/ensure-hub)
# Both start from nothing but a Python >= 3.10 on PATH (override with PYTHON=...).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8888
LAB_ARGS ?=
# Language of `make lab`: en or zh. Not LANG, which is the POSIX locale of every program run
# (`make lab LANG=zh` would break the locale of Python and the kernels).
KIT_LANG ?= en
LAB_NOTEBOOK_en := notebooks/00_welcome.ipynb
LAB_NOTEBOOK_zh := notebooks/zh/00_welcome.ipynb
# deploy/lab-zh/overrides.json makes zh_CN JupyterLab's default interface language
# (a user's own choice in Settings > Language still wins).
LAB_SETTINGS_zh := --LabApp.app_settings_dir=deploy/lab-zh

.PHONY: lab test strip clean catalogs

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
	$(if $(LAB_NOTEBOOK_$(KIT_LANG)),,$(error KIT_LANG=$(KIT_LANG) is not a language of the kit: use en or zh))
	QCAKIT_LANG=$(KIT_LANG) $(BIN)/jupyter lab --port=$(PORT) $(AS_ROOT) $(LAB_ARGS) \
		$(LAB_SETTINGS_$(KIT_LANG)) --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/$(LAB_NOTEBOOK_$(KIT_LANG))

test: $(VENV)/.test
	scripts/ensure-browser
	VENV=$(VENV) PYTHON=$(PYTHON) scripts/ensure-hub
	$(BIN)/python -m pytest --nbval-kernel-name=qcakit-kernel-only

# Bring the message catalogs in step with the code (docs/translating.md): extract the marked
# strings into qcakit/locale/*/LC_MESSAGES/qcakit.po, compile the .mo, list what needs translating.
catalogs: $(VENV)/.test
	$(BIN)/python scripts/catalogs.py

# Remove outputs from every notebook (the tests refuse notebooks with outputs).
strip: $(VENV)/.test
	$(BIN)/python scripts/strip_notebooks.py

clean:
	[ ! -d .hub ] || chmod -R u+w .hub
	rm -rf $(VENV) .hub build *.egg-info
