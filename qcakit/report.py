"""Write an fsQCA's results into a folder, ready for a paper or a reviewer.

One call of :func:`write_report` writes

- the configuration chart in the published notation (large / small filled circles for core /
  peripheral presence, crossed circles for absence; Ragin & Fiss 2008, Fiss 2011) as
  ``chart.png`` (matplotlib), ``chart.html`` and ``chart.tex``, for the reported model;
- the necessity table (if given), the truth table and every solution's parameters of fit as
  CSV and LaTeX (``necessity.*``, ``truth_table.*``, ``solution_<type>.*``), and every model
  of every solution with its fit (``models.csv``; several models are equally minimal);
- ``methods.md``: a methods paragraph stating the calibration, necessity rule, cuts,
  counterfactuals and reported model (:func:`qcakit.methods_paragraph`), necessity as the
  analysis used it (``necessary=``, ``necessity_cuts=``), and, when given, the impossible
  combinations, where the expectations come from and the robustness protocol;
- ``calibrated.csv`` (the memberships analysed) and ``analysis.R``, the same analysis for the
  R package QCA (:func:`qcakit.r_script`).

When no truth-table row passes the cuts there is no solution: pass ``None`` for both solutions
and the report holds the truth table, necessity, methods paragraph, data and R script.

**Safe to call on a learner's folder.** Every argument is checked and every file is made in
memory before the first byte is written, so a bad argument (or a figure that cannot be drawn)
leaves no half-written folder. Files are written to a hidden staging folder inside ``folder``
and then moved into place. ``write_report`` never overwrites a file it did not write: it keeps
a list of what it wrote, with a checksum of each file, in ``.qcakit_report.json``; a file
with one of its names that is not on that list, or that was changed since (e.g. an edited
``methods.md``), stops the call with an error naming the file, before anything is written.
Files it wrote in an earlier call and does not write now (e.g. ``solution_complex.*`` when no
complex solution is passed any more) are removed, so the folder always holds one analysis. A
path that is an existing file, or a folder that cannot be created or written, is a clear
:class:`~qcakit.QCAInputError`. The learner's data file is never touched.

>>> import tempfile, pandas as pd, qcakit
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> folder = tempfile.mkdtemp()
>>> files = write_report(folder, tt, qcakit.minimize(tt, "intermediate", {"A": 1}),
...                      qcakit.minimize(tt, "parsimonious"))
>>> sorted(files.table.index)[:4]
['analysis.R', 'calibrated.csv', 'chart.html', 'chart.png']
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import _display, latex
from . import _kinds as K
from ._spec import accepts
from .chart import configuration_chart
from .errors import QCAInputError
from .i18n import tr, tr_later
from .methods_text import SPECS, check_solutions, methods_paragraph
from .rscript import r_script

#: The list of files write_report wrote into a folder, with their checksums.
MANIFEST = ".qcakit_report.json"
#: Captions of the solutions' tables: one model, and one of several.
CAPTIONS = {"complex": tr_later("Complex solution: {expression}"),
            "parsimonious": tr_later("Parsimonious solution: {expression}"),
            "intermediate": tr_later("Intermediate solution: {expression}")}
CAPTIONS_MODEL = {
    "complex": tr_later("Complex solution, model M{number} of {count}: {expression}"),
    "parsimonious": tr_later("Parsimonious solution, model M{number} of {count}: {expression}"),
    "intermediate": tr_later("Intermediate solution, model M{number} of {count}: {expression}")}


@dataclass
class ReportFiles:
    """Result of :func:`write_report`: the folder and a table of the files written."""

    folder: Path
    table: pd.DataFrame

    def _title(self) -> str:
        return tr("Report written to {folder}").format(folder=self.folder)

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table)

    def __repr__(self):
        return _display.render_text(self._title(), self.table)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _truth_table_frame(tt) -> pd.DataFrame:
    table = tt.table.drop(columns=["inconsistent"]).copy()
    table.index.name = "row"
    return table


def _table_files(stem: str, df: pd.DataFrame, caption: str) -> dict:
    return {f"{stem}.csv": (df.to_csv().encode("utf-8"),
                            tr("{caption} (CSV)").format(caption=caption)),
            f"{stem}.tex": (latex.table(df, caption).encode("utf-8"),
                            tr("{caption} (LaTeX)").format(caption=caption))}


def _chart_files(chart) -> dict:
    import matplotlib.pyplot as plt

    ax = chart.plot()
    png = io.BytesIO()
    try:
        ax.figure.savefig(png, format="png", dpi=200, bbox_inches="tight")
    finally:
        plt.close(ax.figure)
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
            f"{html.escape(tr('Configuration chart'))}</title></head><body>{chart.to_html()}"
            "</body></html>")
    return {"chart.png": (png.getvalue(), tr("configuration chart (figure)")),
            "chart.html": (page.encode("utf-8"), tr("configuration chart (web page)")),
            "chart.tex": (latex.chart(chart).encode("utf-8"),
                          tr("configuration chart (LaTeX; booktabs, wasysym)"))}


def _models_frame(solutions, reported) -> pd.DataFrame:
    rows = []
    for sol in solutions:
        for i, expression in enumerate(sol.expressions):
            fit = sol.parameters(i).loc["solution"]
            rows.append({"solution": sol.kind, "model": f"M{i + 1}", "expression": expression,
                         "consistency": fit["consistency"], "PRI": fit["PRI"],
                         "coverage": fit["raw_coverage"],
                         "reported": i == (reported if sol.kind == "intermediate" else 0)})
    return pd.DataFrame(rows).set_index(["solution", "model"])


def _contents(truth_table, intermediate, parsimonious, complex_solution, necessity, necessary,
              necessity_cuts, calibration, model, impossible=None, expectations=None,
              robustness=None) -> dict:
    """Every file of the report as {name: (bytes, description)}, made in memory."""
    text = methods_paragraph(truth_table, intermediate, parsimonious, necessity=necessity,
                             necessary=necessary, necessity_cuts=necessity_cuts,
                             calibration=calibration, model=model, impossible=impossible,
                             expectations=expectations, robustness=robustness)
    solutions = [s for s in (complex_solution, parsimonious, intermediate) if s is not None]
    files: dict = {}
    if intermediate is not None:
        files.update(_chart_files(configuration_chart(intermediate, parsimonious, model)))
    if necessity is not None:
        files.update(_table_files("necessity", necessity.table, tr(
            "Necessity for {outcome}").format(outcome=necessity.outcome_label)))
    files.update(_table_files("truth_table", _truth_table_frame(truth_table), tr(
        "Truth table for {outcome} ({settings})").format(outcome=truth_table.outcome_label,
                                                         settings=truth_table.settings)))
    for sol in solutions:
        i = model if sol is intermediate else 0
        caption = tr(CAPTIONS_MODEL[sol.kind] if len(sol.models) > 1 else CAPTIONS[sol.kind])
        files.update(_table_files(f"solution_{sol.kind}", sol.parameters(i), caption.format(
            number=i + 1, count=len(sol.models), expression=sol.expressions[i])))
    if solutions:
        files["models.csv"] = (_models_frame(solutions, model).to_csv().encode("utf-8"),
                               tr("every model of every solution, with its fit"))
    files["methods.md"] = ((text + "\n").encode("utf-8"), tr("methods paragraph (Markdown)"))
    files["calibrated.csv"] = (truth_table.data.to_csv().encode("utf-8"),
                               tr("the memberships analysed"))
    files["analysis.R"] = (r_script(truth_table, solutions, necessity=necessity,
                                    calibration=calibration).encode("utf-8"),
                           tr("the same analysis for the R package QCA"))
    return files


def _folder(folder) -> Path:
    """``folder`` as a Path, refusing files and places that cannot be written."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise QCAInputError(tr(
            "{folder} is a file, not a folder: write_report writes several files into a "
            "folder. Give a folder name, e.g. 'my_study_report'.").format(folder=repr(str(folder))))
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise QCAInputError(tr("Cannot create the folder {folder}: {file} is a file. Choose "
                               "another folder name.").format(folder=repr(str(folder)),
                                                              file=repr(str(existing))))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise QCAInputError(tr("Cannot write into {folder} (no permission). Choose a folder you "
                               "may write to, e.g. one in your home folder.").format(
            folder=repr(str(existing))))
    return folder


def _manifest(folder: Path) -> dict:
    try:
        entries = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["files"]
        return {str(k): str(v) for k, v in entries.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _ours(path: Path, manifest: dict) -> bool:
    """True when ``path`` is a file write_report wrote and nobody changed since."""
    if not path.is_file() or path.name not in manifest:
        return False
    try:
        return _digest(path.read_bytes()) == manifest[path.name]
    except OSError:
        return False


def _refuse_foreign(folder: Path, names, manifest: dict) -> None:
    foreign = [n for n in sorted(names) if (folder / n).exists() and not _ours(folder / n,
                                                                               manifest)]
    if foreign:
        files = ", ".join(foreign[:6])
        if len(foreign) > 6:
            files = tr("{files} and {n} more").format(files=files, n=len(foreign) - 6)
        raise QCAInputError(tr(
            "write_report never overwrites a file it did not write, and {folder} already holds "
            "{files} (not written by write_report, or changed since). Move or rename them, or "
            "choose another folder. Nothing was written.").format(folder=repr(str(folder)),
                                                                 files=files))


def _write(folder: Path, files: dict, manifest: dict) -> None:
    """Stage every file in a hidden folder inside ``folder``, then move them into place."""
    created = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".qcakit-staging-", dir=folder))
    except OSError as err:
        if created and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
        raise QCAInputError(tr("Cannot create or write the folder {folder}: {reason}. Choose a "
                               "folder you may write to.").format(folder=repr(str(folder)),
                                                                  reason=err.strerror)) from None
    stale = [n for n in manifest if n not in files and _ours(folder / n, manifest)]
    record = {"files": {n: _digest(content) for n, (content, _) in files.items()}}
    try:
        for name, (content, _) in files.items():
            (staging / name).write_bytes(content)
        (staging / MANIFEST).write_text(json.dumps(record, indent=1), encoding="utf-8")
        for name in [*files, MANIFEST]:
            os.replace(staging / name, folder / name)
        for name in stale:
            (folder / name).unlink()
    except OSError as err:
        raise QCAInputError(tr("Writing the report into {folder} failed: {reason}. Check the "
                               "free space and your permissions.").format(
            folder=repr(str(folder)), reason=err)) from None

    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not any(folder.iterdir()):
            folder.rmdir()


@accepts(folder=K.Path(), **SPECS,
         complex_solution=K.SolutionArg(("complex",), "truth_table", optional=True))
def write_report(folder, truth_table, intermediate=None, parsimonious=None, *,
                 complex_solution=None, necessity=None, necessary=None, necessity_cuts=None,
                 calibration=None, model: int = 0, impossible=None, expectations=None,
                 robustness=None) -> ReportFiles:
    """Write chart, tables, methods paragraph and R script for one analysis into ``folder``.

    ``intermediate`` and ``parsimonious`` (and optionally ``complex_solution``) must be
    minimized from ``truth_table`` (both ``None`` when no row is coded 1); ``necessity`` is a
    :func:`qcakit.necessity` result, ``necessary`` the expressions the analysis treated as
    necessary and ``necessity_cuts`` the rule's cuts (see :func:`qcakit.methods_paragraph`);
    ``calibration`` is ``{column: anchors}`` or ``{column: {"thresholds": ..., "reason": ...}}``;
    ``model`` the reported model of the intermediate solution (from 0); ``impossible``,
    ``expectations`` and ``robustness`` as for :func:`qcakit.methods_paragraph`. The folder is
    created if needed; what is and is not overwritten: see the module docstring.
    """
    check_solutions(truth_table, intermediate, parsimonious)
    folder = _folder(folder)
    files = _contents(truth_table, intermediate, parsimonious, complex_solution, necessity,
                      necessary, necessity_cuts, calibration, model, impossible, expectations,
                      robustness)
    manifest = _manifest(folder) if folder.is_dir() else {}
    names = list(files)
    if (folder / MANIFEST).exists() and not manifest:  # a list we cannot read is not ours
        names.append(MANIFEST)
    _refuse_foreign(folder, names, manifest)
    _write(folder, files, manifest)
    table = pd.DataFrame({"contents": {n: d for n, (_, d) in files.items()}}).sort_index()
    table.index.name = "file"
    return ReportFiles(folder, table)
