"""Analysis of necessary conditions: consistency, coverage and relevance of necessity.

A condition X is necessary for Y when Y is a subset of X (every case's Y <= X). For every
condition and its negation (and for any expression such as ``"A + ~B"``) the table gives

- consistency (inclN): how nearly Y is a subset of X; papers usually call X necessary above 0.9;
- coverage (covN): how much of X is covered by Y; low coverage warns of a trivial condition;
- relevance (RoN, Schneider & Wagemann 2012): close to 0 when X is so big (nearly everybody is
  in it) that its necessity is trivial.

Formulas are in :mod:`qcakit.fit`.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.3], "B": [0.2, 0.7, 0.6], "Y": [0.8, 0.7, 0.2]})
>>> necessity(data, "Y").table.round(3)
    consistency  coverage    RoN
A         1.000     0.850  0.769
~A        0.294     0.500  0.800
B         0.647     0.733  0.789
~B        0.765     0.867  0.882
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from .sets import membership, names_in, parse


def _default_conditions(data: pd.DataFrame, outcome: str) -> list[str]:
    return [c for c in data.columns if c != outcome and pd.api.types.is_numeric_dtype(data[c])]


def _rows(conditions) -> list[str]:
    rows = []
    for cond in conditions:
        expr = parse(cond)
        if len(expr) == 1 and len(expr[0]) == 1 and expr[0][0][1] == 1 and "~" not in cond:
            name = expr[0][0][0]
            rows += [name, f"~{name}"]
        else:
            rows.append(cond.strip())
    return rows


@dataclass
class NecessityTable:
    """Result of :func:`necessity`: ``.table`` (a DataFrame) plus the settings that made it."""

    table: pd.DataFrame
    outcome: str
    negate_outcome: bool = False
    threshold: float = 0.9
    notes: list = field(default_factory=list)

    @property
    def outcome_label(self) -> str:
        return f"~{self.outcome}" if self.negate_outcome else self.outcome

    def necessary(self, threshold: float | None = None) -> list[str]:
        """Conditions whose consistency reaches ``threshold`` (default: the table's, 0.9)."""
        t = self.threshold if threshold is None else threshold
        return self.table.index[self.table["consistency"] >= t].tolist()

    def _title(self):
        return f"Necessity for {self.outcome_label} (consistency >= {self.threshold:g} shaded)"

    def _repr_html_(self):
        t = self.threshold
        styler = (
            _display.fmt_table(self.table)
            .style.apply(
                lambda row: [
                    "background-color:#d9ead3" if self.table.loc[row.name, "consistency"] >= t
                    else "" for _ in row
                ],
                axis=1,
            )
        )
        return _display.render_html(self._title(), None, self.notes, styler=styler)

    def __repr__(self):
        return _display.render_text(self._title(), self.table, self.notes)


def necessity(
    data: pd.DataFrame,
    outcome: str,
    conditions=None,
    negate_outcome: bool = False,
    threshold: float = 0.9,
) -> NecessityTable:
    """Necessity of every condition and its negation (or of expressions) for ``outcome``.

    Parameters
    ----------
    data : DataFrame of memberships (calibrated).
    outcome : name of the outcome column.
    conditions : list of names and/or expressions such as ``"A + ~B"``. A bare name adds both the
        condition and its negation; an expression adds just itself. Default: every numeric
        column but the outcome.
    negate_outcome : analyse necessity for ``~outcome`` (1 - outcome) instead.
    threshold : consistency from which a condition is reported as necessary (0.9 is the usual
        convention; Schneider & Wagemann 2012).
    """
    data = _checks.as_frame(data)
    _checks.known_columns(data, [outcome], "outcome")
    y = _checks.membership_column(data, outcome)
    if negate_outcome:
        y = 1.0 - y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    if conditions is None:
        conditions = _default_conditions(data, outcome)
    elif isinstance(conditions, str):
        conditions = [conditions]
    rows = _rows(conditions)
    for row in rows:
        _checks.known_columns(data, names_in(parse(row)), "condition")
    x = np.column_stack([membership(data, row).to_numpy() for row in rows])
    table = pd.DataFrame(
        {
            "consistency": fit.necessity_consistency(x, y),
            "coverage": fit.necessity_coverage(x, y),
            "RoN": fit.relevance(x, y),
        },
        index=pd.Index(rows, name=None),
    )
    return NecessityTable(table, outcome, negate_outcome, threshold)
