"""Write an fsQCA's results into a folder, ready for a paper or a reviewer.

One call of :func:`write_report` writes

- the configuration chart in the published notation (large / small filled circles for core /
  peripheral presence, crossed circles for absence; Ragin & Fiss 2008, Fiss 2011) as
  ``chart.png`` (matplotlib), ``chart.html`` and ``chart.tex``;
- the necessity table (if given), the truth table and every solution's parameters of fit as
  CSV and LaTeX (``necessity.*``, ``truth_table.*``, ``solution_<type>.*``);
- ``methods.md``: a methods paragraph stating every choice (:func:`qcakit.methods_paragraph`);
- ``calibrated.csv`` (the memberships analysed) and ``analysis.R``, the same analysis for the
  R package QCA (:func:`qcakit.r_script`).

Only these files are written, into ``folder``; the learner's data file is never touched.

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

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import _display, latex
from . import _kinds as K
from ._spec import accepts
from .chart import configuration_chart
from .methods_text import methods_paragraph
from .rscript import r_script


@dataclass
class ReportFiles:
    """Result of :func:`write_report`: the folder and a table of the files written."""

    folder: Path
    table: pd.DataFrame

    def _repr_html_(self):
        return _display.render_html(f"Report written to {self.folder}", self.table)

    def __repr__(self):
        return _display.render_text(f"Report written to {self.folder}", self.table)


def _truth_table_frame(tt) -> pd.DataFrame:
    table = tt.table.drop(columns=["inconsistent"]).copy()
    table.index.name = "row"
    return table


def _write_table(folder: Path, stem: str, df: pd.DataFrame, caption: str, written: dict):
    df.to_csv(folder / f"{stem}.csv")
    (folder / f"{stem}.tex").write_text(latex.table(df, caption), encoding="utf-8")
    written[f"{stem}.csv"] = caption + " (CSV)"
    written[f"{stem}.tex"] = caption + " (LaTeX)"


def _write_chart(folder: Path, chart, written: dict):
    import matplotlib.pyplot as plt

    ax = chart.plot()
    ax.figure.savefig(folder / "chart.png", dpi=200, bbox_inches="tight")
    plt.close(ax.figure)
    page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Configuration chart"
            f"</title></head><body>{chart.to_html()}</body></html>")
    (folder / "chart.html").write_text(page, encoding="utf-8")
    (folder / "chart.tex").write_text(latex.chart(chart), encoding="utf-8")
    written.update({"chart.png": "configuration chart (figure)",
                    "chart.html": "configuration chart (web page)",
                    "chart.tex": "configuration chart (LaTeX; booktabs, wasysym)"})


@accepts(folder=K.Path(), truth_table=K.TruthTableArg(),
         intermediate=K.SolutionArg(("intermediate",), "truth_table"),
         parsimonious=K.SolutionArg(("parsimonious",), "truth_table"),
         complex_solution=K.SolutionArg(("complex",), "truth_table", optional=True),
         necessity=K.necessity_result(), calibration=K.Calibration(optional=True, entries=True))
def write_report(folder, truth_table, intermediate, parsimonious, *, complex_solution=None,
                 necessity=None, calibration=None) -> ReportFiles:
    """Write chart, tables, methods paragraph and R script for one analysis into ``folder``.

    ``intermediate`` and ``parsimonious`` (and optionally ``complex_solution``) must be
    minimized from ``truth_table``; ``necessity`` is a :func:`qcakit.necessity` result;
    ``calibration`` is ``{column: anchors}`` or ``{column: {"thresholds": ..., "reason": ...}}``
    (see :func:`qcakit.methods_paragraph`). The folder is created if needed.
    """
    solutions = [s for s in (complex_solution, parsimonious, intermediate) if s is not None]
    text = methods_paragraph(truth_table, intermediate, parsimonious, necessity=necessity,
                             calibration=calibration)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: dict = {}
    _write_chart(folder, configuration_chart(intermediate, parsimonious), written)
    if necessity is not None:
        _write_table(folder, "necessity", necessity.table,
                     f"Necessity for {necessity.outcome_label}", written)
    _write_table(folder, "truth_table", _truth_table_frame(truth_table),
                 f"Truth table for {truth_table.outcome_label} ({truth_table.settings})", written)
    for sol in solutions:
        _write_table(folder, f"solution_{sol.kind}", sol.parameters(),
                     f"{sol.kind.capitalize()} solution: {sol.expression}", written)
    (folder / "methods.md").write_text(text + "\n", encoding="utf-8")
    written["methods.md"] = "methods paragraph (Markdown)"
    truth_table.data.to_csv(folder / "calibrated.csv")
    written["calibrated.csv"] = "the memberships analysed"
    (folder / "analysis.R").write_text(
        r_script(truth_table, solutions, necessity=necessity, calibration=calibration),
        encoding="utf-8")
    written["analysis.R"] = "the same analysis for the R package QCA"
    table = pd.DataFrame({"contents": written}).sort_index()
    table.index.name = "file"
    return ReportFiles(folder, table)
