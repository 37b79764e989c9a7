# Two commands do all set-up on a fresh machine: `make book` and `make test`.
# Both create .venv when it is missing and install the pinned stack into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)

LAB    := $(VENV)/.lab-$(shell cat requirements.txt requirements-lab.txt pyproject.toml tools/lab/overrides.json | cksum | cut -d' ' -f1)

.PHONY: book test pdf pdf-only lab notebooks data bench freeze clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

## book: build the site into _build/html; any warning fails. Every page with code is executed (in
## parallel, into jupyter-cache) before Jupyter Book builds from that cache; while they run, the
## pages write their CSV downloads into _build/site-extra. When anything a page's numbers depend on
## changed (the respondent file in use, data/, the package, the requirements), the whole build is
## emptied first and every page runs afresh; otherwise only changed pages run and Sphinx rebuilds
## what changed. CLEAN=1 always starts from an empty build (the tests do).
book: $(STAMP)
	$(BIN)/python tools/preexecute.py $(if $(CLEAN),--clean)
	$(BIN)/jupyter-book build . -W -n --keep-going

## pdf: build the site, then print the whole book to two tagged PDFs with bookmarks, a title
## page, a table of contents with page numbers and a page number on every page: the book with the
## exercises' solutions in an appendix, _build/pdf/digitale-inclusie.pdf, and the student edition
## without them, _build/pdf/digitale-inclusie-leerlingen.pdf (Debian's chromium through
## playwright-core, tools/a11y). Copies of both go on the site (downloads/), where the introduction
## links them. The HTML pages are not changed.
pdf: book
	$(MAKE) --no-print-directory pdf-only

A11Y := tools/a11y/node_modules/.package-lock.json
$(A11Y): tools/a11y/package-lock.json
	cd tools/a11y && npm ci --no-audit --no-fund --loglevel=error

## pdf-only: the PDF step alone, from the _build/html already built (tests/test_pdf.py runs it on
## a copy of the site: make pdf-only SITE=copy PDF=copy.pdf; the student edition is written beside
## PDF, with -leerlingen before .pdf)
SITE ?= _build/html
PDF  ?= _build/pdf/digitale-inclusie.pdf
pdf-only: $(STAMP) $(A11Y)
	$(BIN)/python tools/print_pdf.py $(SITE) $(PDF)
	mkdir -p $(SITE)/downloads
	cp $(PDF) $(SITE)/downloads/digitale-inclusie.pdf
	cp $(basename $(PDF))-leerlingen.pdf $(SITE)/downloads/digitale-inclusie-leerlingen.pdf

## test: run every test, on two processes (pytest-xdist; the browser pass and the rest side by side).
## It installs requirements-lab.txt too: one test opens every chapter in JupyterLab.
test: $(LAB)
	$(BIN)/python -m pytest -n 2

## lab: JupyterLab with jupyterlab-myst (requirements-lab.txt) on the project, opened at chapter 1.
## First the chapters run once, live and unsaved (tools/execute_notebooks.py --downloads), so that
## the CSV files their links point to exist (downloads/, ignored by git) and follow the respondent
## file in use (DIGITALE_INCLUSIE_DATA). The server's root is the project, so that a chapter's links
## to the book's pages (../book/...) and to its CSV files (../downloads/...) open in JupyterLab.
## tools/lab/overrides.json (copied into the environment) keeps JupyterLab from asking to fetch news
## or updates from jupyter.org: it works offline, like the site.
$(LAB): $(STAMP) requirements-lab.txt tools/lab/overrides.json
	$(BIN)/python -m pip install --quiet -r requirements-lab.txt
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp tools/lab/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	rm -f $(VENV)/.lab-*
	touch $@

lab: $(LAB)
	$(BIN)/python tools/execute_notebooks.py --downloads
	$(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks/01_waarom.ipynb $(if $(filter 0,$(shell id -u)),--allow-root)

## notebooks: re-run the chapter notebooks in place, so their committed outputs are current
notebooks: $(STAMP)
	$(BIN)/python tools/execute_notebooks.py

## data: regenerate the respondent file, the register and the checksums from the printed numbers
data: $(STAMP)
	$(BIN)/python -m digitale_inclusie reconstruct
	$(BIN)/python -m digitale_inclusie audit
	$(BIN)/python -m digitale_inclusie checksums

## bench: print the reconstruction's solve time, the time and memory of validating and tabulating a
## 100 000-row respondent file (against pandas.read_csv), the book's build times, and what a
## browser downloads for each page of the built site (needs `make book` and tools/a11y's npm ci)
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_reconstruct.py
	$(BIN)/python benchmarks/bench_validate.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_weight.py

## freeze: re-pin requirements.txt from the current environment
freeze: $(STAMP)
	{ head -n 2 requirements.txt; $(BIN)/python -m pip freeze --exclude-editable | grep -iv '^digitale'; echo '-e .'; } > requirements.tmp
	mv requirements.tmp requirements.txt

clean:
	rm -rf _build .pytest_cache
