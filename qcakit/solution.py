"""Solutions and their parameters of fit.

A solution *model* is a disjunction of terms (prime implicants), e.g. ``A*~B + C``. For every
term and for the whole model the parameters table gives (Ragin 2006; formulas in
:mod:`qcakit.fit`):

- ``consistency`` and ``PRI`` of the term as a subset of the outcome;
- ``raw_coverage``: share of the outcome's membership covered by the term;
- ``unique_coverage``: coverage of the model minus coverage of the model without this term
  (what only this term explains);
- ``cases``: cases with membership > 0.5 in the term and in the outcome; ``deviant_cases``:
  cases in the term (> 0.5) but out of the outcome (< 0.5), deviant for consistency in kind.

:func:`evaluate` computes the same table for any expression, so a published configuration can
be checked directly against the data.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2], "B": [0.7, 0.1, 0.8], "Y": [0.8, 0.7, 0.3]},
...                     index=["p", "q", "r"])
>>> evaluate(data, "A + B", "Y").table[["consistency", "raw_coverage", "cases"]].round(3)
          consistency  raw_coverage cases
A               0.895         0.944  p, q
B               0.687         0.611     p
solution        0.720         1.000  p, q
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .i18n import tr, tr_later
from .sets import (Expression, _parsed, names_in, resolve_one, term_membership, term_to_string,
                   to_string)


#: Headings of the solutions, by type.
TITLES = {"complex": tr_later("Complex solution for {outcome}"),
          "parsimonious": tr_later("Parsimonious solution for {outcome}"),
          "intermediate": tr_later("Intermediate solution for {outcome}")}


def fit_table(data: pd.DataFrame, expression: Expression, y: np.ndarray) -> pd.DataFrame:
    """Parameters of fit of every term of ``expression`` and of their union, for outcome ``y``."""
    n = len(data)
    values = {name: data[name].to_numpy(dtype=float) for name in names_in(expression)}
    terms = np.column_stack([term_membership(values, t, n) for t in expression])
    union = terms.max(axis=1)
    cov_all = fit.coverage(union, y)
    unique = []
    for j in range(terms.shape[1]):
        others = np.delete(terms, j, axis=1)
        rest = others.max(axis=1) if others.shape[1] else np.zeros(n)
        unique.append(cov_all - float(np.minimum(rest, y).sum() / y.sum()))
    both = np.column_stack([terms, union])
    names = _checks.case_labels(data.index)
    table = pd.DataFrame(
        {
            "consistency": fit.consistency(both, y),
            "PRI": fit.pri(both, y, undefined="nan"),
            "raw_coverage": fit.coverage(both, y),
            "unique_coverage": unique + [np.nan],
            "cases": [", ".join(names[(both[:, j] > 0.5) & (y > 0.5)])
                      for j in range(both.shape[1])],
            "deviant_cases": [", ".join(names[(both[:, j] > 0.5) & (y < 0.5)])
                              for j in range(both.shape[1])],
        },
        index=[term_to_string(t) for t in expression] + ["solution"],
    )
    return table


@dataclass
class Fit:
    """Parameters of fit of an expression (see :func:`evaluate`)."""

    table: pd.DataFrame
    expression: str
    outcome_label: str

    def _title(self):
        return tr("Fit of {expression} for {outcome}").format(expression=self.expression,
                                                               outcome=self.outcome_label)

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table)

    def __repr__(self):
        return _display.render_text(self._title(), self.table)


@accepts(data=K.Frame(), expression=K.Expression("data", "outcome"), outcome=K.Column(),
         negate_outcome=K.Switch())
def evaluate(data: pd.DataFrame, expression: str, outcome: str,
             negate_outcome: bool = False) -> Fit:
    """Consistency, PRI and coverage of any expression (e.g. a published configuration).

    ``expression`` uses ``*``, ``+``, ``~`` (``"A*~B + C"``); ``data`` holds memberships.
    ``"1"`` is the solution every case is in (as :func:`qcakit.minimize` writes it).
    """
    expr = resolve_one(_parsed(expression), data.columns)
    for name in names_in(expr):
        _checks.membership_column(data, name)
    y = _checks.membership_column(data, outcome)
    if negate_outcome:
        y = 1.0 - y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    label = f"~{outcome}" if negate_outcome else outcome
    return Fit(fit_table(data, expr, y), to_string(expr), label)


@dataclass
class Solution:
    """Result of :func:`qcakit.minimize`.

    ``models`` lists every equally minimal model (usually one) in R QCA's order (see
    :mod:`qcakit.minimize`); ``expression`` is the first.
    ``parameters(i)`` is the fit table of model ``i``. Intermediate solutions also carry the
    directional expectations and the easy / difficult counterfactuals; parsimonious ones the
    simplifying assumptions (remainders their first model uses). ``excluded`` lists the remainders
    barred as counterfactuals (``minimize(exclude=...)``) with the reason for each.
    """

    kind: str
    truth_table: object
    models: list
    prime_implicants: list
    essential: list
    complete: bool = True
    directional: dict | None = None
    simplifying_assumptions: pd.DataFrame | None = None
    easy_counterfactuals: pd.DataFrame | None = None
    difficult_counterfactuals: pd.DataFrame | None = None
    parents: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)
    excluded: pd.DataFrame | None = None  # remainders barred as counterfactuals, with reasons

    @property
    def expressions(self) -> list[str]:
        return [to_string(m) for m in self.models]

    @property
    def expression(self) -> str:
        return self.expressions[0]

    @property
    def terms(self) -> list[str]:
        """Terms of the first model, in standard notation."""
        return [term_to_string(t) for t in self.models[0]]

    @accepts(model=K.Model("self"))
    def parameters(self, model: int = 0) -> pd.DataFrame:
        """Fit of each term of ``models[model]`` and of the whole model."""
        tt = self.truth_table
        return fit_table(tt.data, self.models[model], tt.y)

    @property
    def consistency(self) -> float:
        return float(self.parameters().loc["solution", "consistency"])

    @property
    def coverage(self) -> float:
        return float(self.parameters().loc["solution", "raw_coverage"])

    def pi_chart(self) -> pd.DataFrame:
        """Which prime implicant covers which positive truth-table row (row ids as columns)."""
        tt = self.truth_table
        rows = tt.table.index[tt.table["OUT"] == "1"]
        member = tt.memberships[rows]
        data = tt.data
        n = len(data)
        values = {c: data[c].to_numpy(dtype=float) for c in tt.conditions}
        out = {}
        for pi in self.prime_implicants:
            m = term_membership(values, pi, n)
            out[term_to_string(pi)] = [bool(((member[r].to_numpy() > 0.5) & (m > 0.5)).any())
                                       for r in rows]
        return pd.DataFrame(out, index=rows).T

    @property
    def title(self) -> str:
        """Heading: solution type, outcome and, if several, the number of models."""
        tt = self.truth_table
        head = tr(TITLES[self.kind]).format(outcome=tt.outcome_label)
        if len(self.models) > 1:
            head = tr("{title} ({n} equally minimal models)").format(title=head,
                                                                    n=len(self.models))
        return head

    def display_notes(self) -> list[str]:
        """Notes shown under the table: stored notes, the models, whether the list is complete."""
        notes = list(self.notes)
        if len(self.models) > 1:
            notes.append(tr("Models: {models}").format(models=" | ".join(
                f"M{i + 1}: {e}" for i, e in enumerate(self.expressions))))
        if not self.complete:
            notes.append(tr("More equally minimal models exist than were listed."))
        return notes

    def _repr_html_(self):
        title = f"{self.title}: {self.expression}"
        return _display.render_html(title, self.parameters(), self.display_notes())

    def __repr__(self):
        return _display.render_text(f"{self.title}: {self.expression}",
                                    self.parameters(), self.display_notes())

    def __str__(self):
        return self.expression
