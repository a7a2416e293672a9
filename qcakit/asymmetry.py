"""The outcome and its negation side by side (causal asymmetry).

Set relations are asymmetric (Ragin 2008; Schneider & Wagemann 2012, ch. 3.3 and 8.2): the
conditions sufficient for ``~Y`` are not the negation of those sufficient for ``Y``, so ``~Y``
gets its own truth table (same data, conditions and cuts, memberships ``1 - Y``) and its own
minimization. :func:`outcome_and_negation` runs the whole chain for both and lists the
*contradictory simplifying assumptions*: remainders that the parsimonious solutions for ``Y``
and ``~Y`` both assume (:func:`qcakit.counterfactuals.contradictory_assumptions`), and the
observed rows coded 1 for both, *simultaneous subset relations*
(:func:`qcakit.counterfactuals.simultaneous_subset_rows`).

>>> import qcakit
>>> lipset = qcakit.datasets.load("lipset_fuzzy")
>>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
>>> both = outcome_and_negation(tt, {"DEV": 1, "URB": 1, "LIT": 1, "IND": 1, "STB": 1})
>>> both.summary().loc["parsimonious"].tolist()
['DEV*~IND + URB*STB', '~DEV + ~STB']
>>> both.contradictory.rows
[10, 12, 14, 16, 17, 21, 25, 29]
>>> both.simultaneous.index.tolist()  # no observed row is coded 1 for both at incl_cut 0.8
[]
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _display
from . import _kinds as K
from ._spec import accepts
from .chart import configuration_chart
from .i18n import tr
from .counterfactuals import (Exclusions, contradictory_assumptions, negated,
                              simultaneous_subset_rows)
from .minimize import SOLUTION_TYPES, minimize
from .truthtable import TruthTable


@dataclass
class OutcomeAndNegation:
    """Truth tables, solutions (``solutions[label][kind]``), configuration charts and fit for
    the outcome and its negation, with the contradictory simplifying assumptions and the
    observed rows coded 1 for both (``simultaneous``)."""

    truth_tables: dict
    solutions: dict
    charts: dict
    contradictory: Exclusions
    simultaneous: pd.DataFrame

    def summary(self) -> pd.DataFrame:
        """First model of each solution type, outcome and negation as columns."""
        return pd.DataFrame({label: {kind: s.expression for kind, s in sols.items()}
                             for label, sols in self.solutions.items()})

    def fit(self) -> pd.DataFrame:
        """Consistency and coverage of each solution (first model)."""
        rows = {}
        for label, sols in self.solutions.items():
            for kind, s in sols.items():
                p = s.parameters().loc["solution"]
                rows[(label, kind)] = {"consistency": p["consistency"], "PRI": p["PRI"],
                                       "coverage": p["raw_coverage"]}
        return pd.DataFrame(rows).T

    def _notes(self) -> list:
        n = len(self.contradictory.table)
        if n == 0:
            notes = [tr("No remainder is a simplifying assumption for both outcomes.")]
        else:
            notes = [tr("{n} contradictory simplifying assumption(s), rows {rows}: exclude them "
                        "with minimize(..., exclude=result.contradictory) for both outcomes.")
                     .format(n=n, rows=", ".join(str(r) for r in self.contradictory.rows))]
        if len(self.simultaneous):
            notes.append(
                tr("Observed row(s) {rows} are coded 1 for both outcomes (simultaneous subset "
                   "relations, result.simultaneous): look at their cases; a pri_cut above 0.5 "
                   "codes each 1 for one outcome at most.").format(
                    rows=", ".join(str(r) for r in self.simultaneous.index)))
        return notes

    def _title(self) -> str:
        return tr("Outcome and negated outcome: {outcomes}").format(
            outcomes=tr(" vs ").join(self.truth_tables))

    def _repr_html_(self):
        parts = [_display.render_html(self._title(), self.summary(), self._notes()),
                 _display.render_html(tr("Fit of each solution"), self.fit())]
        parts += [chart._repr_html_() for chart in self.charts.values()]
        return "\n".join(parts)

    def __repr__(self):
        return "\n\n".join([_display.render_text(self._title(), self.summary(), self._notes()),
                            _display.render_text(tr("Fit of each solution"), self.fit())])


@accepts(tt=K.TruthTableArg(), directional=K.Directional("tt"),
         directional_negated=K.Directional("tt"))
def outcome_and_negation(tt: TruthTable, directional=None, *,
                         directional_negated=None) -> OutcomeAndNegation:
    """Truth table, the three solutions, chart and fit for ``tt``'s outcome and its negation.

    ``directional`` are the expectations for the outcome; for the negation they rarely carry
    over (give ``directional_negated``; without it the negation's intermediate solution uses no
    expectations and equals its complex solution). A side whose truth table has no positive
    row gets no solutions (noted in ``solutions`` as an empty dict).
    """
    tables = {tt.outcome_label: tt}
    other = negated(tt)
    tables[other.outcome_label] = other
    solutions, charts = {}, {}
    for (label, table), expect in zip(tables.items(), (directional, directional_negated)):
        if table.codes("1").size == 0:
            solutions[label] = {}
            continue
        solutions[label] = {kind: minimize(table, kind, expect if kind == "intermediate" else None)
                            for kind in SOLUTION_TYPES}
        charts[label] = configuration_chart(solutions[label]["intermediate"],
                                            solutions[label]["parsimonious"])
    return OutcomeAndNegation(tables, solutions, charts, contradictory_assumptions(tt),
                              simultaneous_subset_rows(tt))
