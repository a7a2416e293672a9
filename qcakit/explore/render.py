"""HTML of the explorers' panels, written by hand rather than with a pandas Styler because it
is redrawn on every control change: truth table, solution, change report, calibration tables
and the runs of a sweep. Every panel and table sets its text to 14 px (JupyterLab's widgets and
tables default to 13 px), readable on a projector. Titles, headers and notes are in the current
language (:func:`qcakit.set_language`).

>>> note("Two cases score exactly 0.5.", warn=True)[:24]
"<p class='qcakit-note' s"
"""
from __future__ import annotations

import html

import pandas as pd

from .. import _display
from .. import _kinds as K
from .._spec import accepts
from ..i18n import tr
from ..truthtable import OUT_COLOURS

#: Text size of every panel, table and note (JupyterLab's widgets and tables default to 13 px).
FONT = "font-size:14px"


def panel(css_class: str, title: str | None, *parts: str) -> str:
    """A panel: ``<div class='css_class'>`` with a bold title (if any) and the parts."""
    head = f"<p><b>{html.escape(title)}</b></p>" if title is not None else ""
    return f"<div class='{css_class}' style='{FONT}'>{head}{''.join(parts)}</div>"


def table_html(header: str, rows, css_class: str | None = None) -> str:
    """A table with the header cells ``header`` (HTML) and the rows (HTML ``<tr>`` strings)."""
    cls = f"class='{css_class}' " if css_class else ""
    return (f"<table {cls}style='{FONT}'><thead><tr>{header}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _header(labels) -> str:
    """Header cells of ``labels``, the kit's words in the current language."""
    return "".join(f"<th>{html.escape(str(_display.label(c)))}</th>" for c in labels)


def note(text: str, warn: bool = False) -> str:
    """A one-line note; ``warn=True`` draws it as a warning (red bar)."""
    style = ("background:#fdecea;border-left:4px solid #c62828;padding:2px 6px;"
             if warn else "")
    return f"<p class='qcakit-note' style='margin:2px 0;{FONT};{style}'>" \
           f"{html.escape(text)}</p>"


@accepts(tt=K.TruthTableArg(), reference=K.TruthTableArg(optional=True), labels=K.Labels())
def truth_table_html(tt, reference=None, labels=("reference", "current")) -> str:
    """The truth table as HTML, rows coloured by OUT; with ``reference`` (another truth table
    of the same data) rows whose OUT switched are marked bold with their old code.

    Written by hand rather than with a pandas Styler: it is redrawn on every slider move.
    """
    table = tt.table
    conds = list(tt.conditions)
    old = None
    if reference is not None:
        old = reference.table["OUT"].reindex(table.index).fillna("-")
    head = _header(conds + ["OUT", "n", "incl", "PRI", "cases"])
    if old is not None:
        head += _header([tr("vs {label}").format(label=_display.label(labels[0]))])
    was_code = tr("was {code}")
    body = []
    values = table[conds].to_numpy()
    for j, (row_id, out, n, incl, pri, cases) in enumerate(zip(
            table.index, table["OUT"], table["n"], table["incl"], table["PRI"],
            table["cases"])):
        cells = "".join(f"<td>{v}</td>" for v in values[j])
        was = None if old is None else old.iloc[j]
        switched = was is not None and was != out
        style = f"background-color:{OUT_COLOURS.get(out, '#ffffff')}"
        if switched:
            style += ";font-weight:bold;outline:2px solid #e65100"
        mark = ""
        if old is not None:
            mark = f"<td>{html.escape(was_code.format(code=was)) if switched else ''}</td>"
        body.append(
            f"<tr style='{style}' data-out='{out}'><th>{row_id}</th>{cells}<td>{out}</td>"
            f"<td>{n}</td><td>{incl:.3f}</td><td>{pri:.3f}</td>"
            f"<td style='text-align:left'>{html.escape(str(cases))}</td>{mark}</tr>"
        )
    title = tr("Truth table for {outcome}: {rows} rows with cases, {remainders} remainders "
               "({settings})").format(outcome=tt.outcome_label, rows=len(table),
                                      remainders=tt.n_remainders, settings=tt.settings)
    legend = html.escape(tr("Rows: green OUT = 1 (sufficient), red OUT = 0, orange C "
                            "(contradiction), grey ? (below the frequency cut)."))
    return panel("qcakit qcakit-truth-table", title,
                 table_html(_header(["row"]) + head, body, "qcakit-tt"),
                 f"<p style='margin:2px 0;{FONT}'>{legend}</p>")


@accepts(analysis=K.Result("Analysis", "qcakit.explore.analyse(data, outcome, conditions, ...)"),
         names=K.NameMap())
def solution_html(analysis, names=None) -> str:
    """The solution (expression, parameters) and the configuration chart as HTML; ``names``:
    the paper's name of each configuration (name -> term) for the chart's columns."""
    if analysis.solution is None:
        return panel("qcakit qcakit-solution", None, note(analysis.message, warn=True))
    sol = analysis.solution
    title = f"{sol.title}: {sol.expression}"
    chart = analysis.chart.renamed(names) if names else analysis.chart
    return panel("qcakit qcakit-solution", None,
                 _display.render_html(title, analysis.parameters, sol.display_notes()), "\n",
                 chart.to_html())


def change_report_html(report) -> str:
    """A :class:`~qcakit.explore.ChangeReport` as HTML: its sentences and the fit table,
    shaded yellow when something changed, green when not."""
    ref, _ = report.labels
    colour = "#fff3cd" if report.changed else "#e8f5e9"
    title = html.escape(tr("Compared with the {label} settings").format(
        label=_display.label(ref)))
    parts = [f"<div class='qcakit qcakit-changes' style='{FONT};background:{colour};"
             f"padding:4px 8px;border-radius:4px'><p><b>{title}</b></p>"]
    parts += [f"<p style='margin:2px 0'>{html.escape(s)}</p>" for s in report.summary()]
    head = _header(report.fit.columns)
    body = []
    for key, row in report.fit.iterrows():
        cells = "".join(
            "<td></td>" if pd.isna(v) else
            f"<td>{int(v)}</td>" if key == "terms" else f"<td>{v:.3f}</td>"
            for v in row)
        body.append(f"<tr><th style='text-align:left'>{html.escape(str(_display.label(key)))}"
                    f"</th>{cells}</tr>")
    parts.append(table_html(f"<th></th>{head}", body))
    parts.append("</div>")
    return "\n".join(parts)


def calibration_warnings_html(state) -> str:
    """The calibration warnings of a :class:`~qcakit.explore.CalibrationState` (or a green
    line saying no case scores exactly 0.5)."""
    if not state.warnings:
        none = html.escape(tr("No case scores exactly 0.5."))
        return panel("qcakit-warnings", None,
                     f"<p style='margin:2px 0;color:#2e7d32'>{none}</p>")
    return panel("qcakit-warnings", None, *(note(w, warn=True) for w in state.warnings))


def calibration_scores_html(state) -> str:
    """Raw score and membership of every case, cases at exactly 0.5 highlighted."""
    rows = []
    for case, raw, score in zip(state.table.index, state.table["raw"],
                                state.table["membership"]):
        style = " style='background:#fdecea;font-weight:bold'" if score == 0.5 else ""
        rows.append(f"<tr{style}><th style='text-align:left'>{html.escape(str(case))}</th>"
                    f"<td>{raw:g}</td><td>{score:.3f}</td></tr>")
    return panel("qcakit qcakit-scores", state.title(),
                 table_html(_header(["case", "raw", "membership"]), rows))


def calibration_necessity_html(state) -> str:
    """The downstream necessity table ('' without one): rows at or above the threshold
    shaded, the calibrated set and its negation bold."""
    if state.necessity is None:
        return ""
    nt = state.necessity
    t = nt.threshold
    rows = []
    for label, r in nt.table.iterrows():
        style = []
        if r["consistency"] >= t:
            style.append("background:#d9ead3")
        if label in (state.name, f"~{state.name}"):
            style.append("font-weight:bold")
        attr = f" style='{';'.join(style)}'" if style else ""
        rows.append(f"<tr{attr}><th style='text-align:left'>{html.escape(str(label))}</th>"
                    f"<td>{r['consistency']:.3f}</td><td>{r['coverage']:.3f}</td>"
                    f"<td>{r['RoN']:.3f}</td></tr>")
    title = tr("Necessity for {outcome} with this calibration of {name} (consistency >= "
               "{threshold} shaded)").format(outcome=nt.outcome_label, name=state.name,
                                             threshold=f"{t:g}")
    return panel("qcakit qcakit-necessity", title,
                 table_html(_header(["", "consistency", "coverage", "RoN"]), rows))


def sweep_ranges_html(runs: pd.DataFrame, reference: float | None = None) -> str:
    """The runs of :func:`~qcakit.explore.sweep_ranges` as HTML, the run holding the
    ``reference`` cut in bold."""
    rows, span = [], tr("{low} to {high}")
    for _, r in runs.iterrows():
        here = reference is not None and r["from"] - 1e-9 <= reference <= r["to"] + 1e-9
        style = " style='font-weight:bold;background:#fff3cd'" if here else ""
        cons = "" if pd.isna(r["consistency"]) else f"{r['consistency']:.3f}"
        cov = "" if pd.isna(r["coverage"]) else f"{r['coverage']:.3f}"
        cuts = html.escape(span.format(low=f"{r['from']:.2f}", high=f"{r['to']:.2f}"))
        expression = html.escape(_display.shown_value(r["expression"]))
        rows.append(f"<tr{style}><td style='white-space:nowrap'>{cuts}</td>"
                    f"<td style='text-align:left'>{expression}</td>"
                    f"<td>{cons}</td><td>{cov}</td></tr>")
    footer = ("" if reference is None else html.escape(
        tr("Bold: the run that holds the reference cut {cut}.").format(cut=f"{reference:g}")))
    return panel("qcakit qcakit-sweep", tr("Solution by range of consistency cuts"),
                 table_html(_header([tr("cuts"), "solution", "consistency", "coverage"]), rows),
                 f"<p style='{FONT}'>{footer}</p>")
