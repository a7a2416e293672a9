"""What changed between two settings of the cuts: :class:`ChangeReport`,
:func:`compare_settings`, and :func:`threshold_update` (everything the threshold explorer
redraws after a control moves).

>>> import pandas as pd
>>> from qcakit.explore import analyse
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> report = compare_analyses(analyse(data, "Y", ["A", "B"], 0.8, solution="complex"),
...                           analyse(data, "Y", ["A", "B"], 0.95, solution="complex"))
>>> report.appeared, report.vanished
(['A*B'], ['A'])
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from .. import _display
from .. import _kinds as K
from .._spec import accepts
from ..i18n import tr
from . import render
from .analysis import Analysis, analyse


@dataclass
class ChangeReport:
    """What changed between a reference setting and the current one (see
    :func:`compare_settings`).

    ``rows``: truth-table rows whose OUT differs (row id, conditions, OUT before and after,
    n, incl, PRI, cases); ``appeared`` / ``vanished`` / ``kept``: terms of the first solution
    model; ``fit``: solution consistency and coverage under both settings.
    """

    rows: pd.DataFrame
    appeared: list
    vanished: list
    kept: list
    fit: pd.DataFrame
    expressions: tuple
    labels: tuple = ("reference", "current")

    @property
    def changed(self) -> bool:
        """True when a row switched or a term appeared or vanished."""
        return bool(len(self.rows) or self.appeared or self.vanished)

    def summary(self) -> list[str]:
        """The report as short sentences."""
        ref, cur = self.labels
        if not self.changed:
            return [tr("Same truth-table coding and the same solution as the {label} settings.")
                    .format(label=_display.label(ref))]
        lines = []
        if len(self.rows):
            move = tr("row {row} ({before} → {after})")
            moves = tr(", ").join(move.format(row=i, before=r[f"OUT ({ref})"],
                                              after=r[f"OUT ({cur})"])
                                  for i, r in self.rows.iterrows())
            lines.append(tr("{n} row(s) switched: {moves}.").format(n=len(self.rows),
                                                                     moves=moves))
        else:
            lines.append(tr("No truth-table row switched."))
        if self.appeared:
            lines.append(tr("Terms that appeared: {terms}.").format(terms=", ".join(self.appeared)))
        if self.vanished:
            lines.append(tr("Terms that vanished: {terms}.").format(terms=", ".join(self.vanished)))
        if not self.appeared and not self.vanished:
            lines.append(tr("The solution's terms are unchanged."))
        return lines

    def _repr_html_(self):
        return render.change_report_html(self)

    def __repr__(self):
        title = tr("Compared with the {label} settings").format(
            label=_display.label(self.labels[0]))
        return _display.render_text(title, self.fit, self.summary())


@accepts(tt_a=K.TruthTableArg(), sol_a=K.SolutionArg(optional=True), tt_b=K.TruthTableArg(),
         sol_b=K.SolutionArg(optional=True), labels=K.Labels(), fit_a=K.Frame(optional=True),
         fit_b=K.Frame(optional=True))
def compare_settings(tt_a, sol_a, tt_b, sol_b, labels=("reference", "current"), *,
                     fit_a: pd.DataFrame | None = None,
                     fit_b: pd.DataFrame | None = None) -> ChangeReport:
    """Change report from setting ``a`` (the reference, e.g. the paper's) to setting ``b``.

    ``sol_a`` / ``sol_b`` may be ``None`` (no row reached the cuts). Rows are matched by row id;
    a row present in one table only (other data) shows ``"-"`` on the other side. Terms are
    those of each solution's first model. ``fit_a`` / ``fit_b``: the solutions' parameter
    tables when already computed (saves recomputing them).

    >>> import pandas as pd
    >>> from qcakit import truth_table, minimize
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> a = truth_table(data, "Y", ["A", "B"])
    >>> compare_settings(a, minimize(a), a, minimize(a)).changed
    False
    """
    ref, cur = labels
    rows = _switched_rows(tt_a, tt_b, labels)
    terms_a = sol_a.terms if sol_a is not None else []
    terms_b = sol_b.terms if sol_b is not None else []
    fa, fb = _fit(sol_a, fit_a), _fit(sol_b, fit_b)
    fit = pd.DataFrame(
        {ref: [fa[0], fa[1], len(terms_a)], cur: [fb[0], fb[1], len(terms_b)]},
        index=["solution consistency", "solution coverage", "terms"],
    )
    return ChangeReport(
        rows,
        [t for t in terms_b if t not in terms_a],
        [t for t in terms_a if t not in terms_b],
        [t for t in terms_b if t in terms_a],
        fit,
        (sol_a.expression if sol_a is not None else "", sol_b.expression if sol_b is not None
         else ""),
        (ref, cur),
    )


def _switched_rows(tt_a, tt_b, labels) -> pd.DataFrame:
    """Rows whose OUT differs between the two truth tables (matched by row id)."""
    ref, cur = labels
    a, b = tt_a.table, tt_b.table
    ids = list(b.index) + [i for i in a.index if i not in b.index]
    out_a = a["OUT"].reindex(ids).fillna("-")
    out_b = b["OUT"].reindex(ids).fillna("-")
    conditions = list(tt_b.conditions)
    records = []
    for i in ids:
        if out_a[i] == out_b[i]:
            continue
        src = b.loc[i] if i in b.index else a.loc[i]
        rec = {c: int(src[c]) for c in conditions}
        rec.update({f"OUT ({ref})": out_a[i], f"OUT ({cur})": out_b[i], "n": int(src["n"]),
                    "incl": float(src["incl"]), "PRI": float(src["PRI"]),
                    "cases": src["cases"]})
        records.append((i, rec))
    columns = conditions + [f"OUT ({ref})", f"OUT ({cur})", "n", "incl", "PRI", "cases"]
    return pd.DataFrame([r for _, r in records], index=[i for i, _ in records],
                        columns=columns)


def _fit(sol, params) -> tuple[float, float]:
    if sol is None:
        return float("nan"), float("nan")
    if params is None:
        params = sol.parameters()
    return (float(params.loc["solution", "consistency"]),
            float(params.loc["solution", "raw_coverage"]))


ANALYSIS = K.Result("Analysis", "qcakit.explore.analyse(data, outcome, conditions, ...)")


@accepts(reference=ANALYSIS, current=ANALYSIS, labels=K.Labels())
def compare_analyses(reference: Analysis, current: Analysis,
                     labels=("reference", "current")) -> ChangeReport:
    """:func:`compare_settings` for two :class:`Analysis` results."""
    return compare_settings(reference.truth_table, reference.solution, current.truth_table,
                            current.solution, labels, fit_a=reference.parameters,
                            fit_b=current.parameters)


@dataclass
class ThresholdView:
    """What the threshold explorer shows after one change: the analysis, the change report
    against the reference, and the HTML of each panel (``changes``, ``truth_table``,
    ``solution``)."""

    analysis: Analysis
    report: ChangeReport
    html: dict


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(), incl_cut=K.Cut(),
         pri_cut=K.Cut(optional=True), n_cut=K.Count(1),
         solution=K.OneOf("complex", "parsimonious", "intermediate", what="solution type"),
         directional=K.Directional("conditions"), reference=ANALYSIS, cache=K.Cache(),
         labels=K.Labels(), names=K.NameMap())
def threshold_update(
    data: pd.DataFrame,
    outcome: str,
    conditions,
    incl_cut: float,
    pri_cut: float | None,
    n_cut: int,
    solution: str,
    directional,
    reference: Analysis,
    *,
    cache: dict | None = None,
    labels=("reference", "current"),
    names: Mapping[str, str] | None = None,
) -> ThresholdView:
    """Everything the threshold explorer redraws when a control moves (a pure function: the
    explorer's update callback is this plus assigning the HTML to its panels). ``names``:
    the paper's name of each configuration, for the chart (see
    :meth:`qcakit.chart.ConfigurationChart.renamed`).

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> ref = analyse(data, "Y", ["A", "B"], 0.8, solution="complex")
    >>> view = threshold_update(data, "Y", ["A", "B"], 0.95, None, 1, "complex", None, ref)
    >>> view.report.summary()[0]
    '1 row(s) switched: row 3 (1 → 0).'
    >>> "was 1" in view.html["truth_table"]
    True
    """
    current = analyse(data, outcome, conditions, incl_cut, pri_cut, n_cut, solution,
                      directional, cache=cache)
    report = compare_analyses(reference, current, labels)
    parts = {
        "changes": render.change_report_html(report),
        "truth_table": render.truth_table_html(current.truth_table, reference.truth_table,
                                               labels)
        + "".join(render.note(w, warn=True) for w in current.warnings),
        "solution": render.solution_html(current, names),
    }
    return ThresholdView(current, report, parts)
