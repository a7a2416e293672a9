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
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr
from .sets import membership, parse


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

    @accepts(threshold=K.Cut(optional=True))
    def necessary(self, threshold: float | None = None) -> list[str]:
        """Conditions whose consistency reaches ``threshold`` (default: the table's, 0.9)."""
        t = self.threshold if threshold is None else threshold
        return self.table.index[self.table["consistency"] >= t].tolist()

    def _title(self):
        return tr("Necessity for {outcome} (consistency >= {threshold} shaded)").format(
            outcome=self.outcome_label, threshold=f"{self.threshold:g}")

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


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(expressions=True),
         negate_outcome=K.Switch(), threshold=K.Cut())
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
    y = _checks.membership_column(data, outcome)
    if negate_outcome:
        y = 1.0 - y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    rows = _checked_rows(data, outcome, conditions)
    x = np.column_stack([membership(data, row).to_numpy() for row in rows])
    _defined(x, y, rows, outcome)
    table = pd.DataFrame(
        {
            "consistency": fit.necessity_consistency(x, y),
            "coverage": fit.necessity_coverage(x, y),
            "RoN": fit.relevance(x, y),
        },
        index=pd.Index(rows, name=None),
    )
    return NecessityTable(table, outcome, negate_outcome, threshold)


def _checked_rows(data: pd.DataFrame, outcome, conditions) -> list[str]:
    """The table's rows: names and their negations, expressions (checked by the spec), each
    row once."""
    if conditions is None:
        conditions = _checks.default_conditions(data, outcome)
        _checks.notation_names(conditions)
        if not conditions:
            raise QCAInputError(tr("necessity() needs at least one condition, and the data "
                                   "have no numeric column besides the outcome; pass "
                                   "conditions=[...]."))
    rows = _rows(conditions)
    dup = sorted({r for r in rows if rows.count(r) > 1})
    if dup:
        raise QCAInputError(
            tr("Condition {names} given more than once (a bare name already adds its "
               "negation); list each condition once.").format(names=", ".join(map(repr, dup))))
    return rows


def _defined(x: np.ndarray, y: np.ndarray, rows: list[str], outcome: str) -> None:
    """Name the set whose coverage or relevance would divide by zero."""
    for j, row in enumerate(rows):
        if x[:, j].sum() <= 0:
            text = (tr("Condition {row} has no membership in any case (every case scores 0), so "
                       "its necessity coverage is undefined and it cannot be necessary for an "
                       "outcome with members. Check the calibration; {set} scores 1 for every "
                       "case, a constant: leave it out of conditions. (With one case every "
                       "crisp score makes one side 0.)") if row.startswith("~") else
                    tr("Condition {row} has no membership in any case (every case scores 0), so "
                       "its necessity coverage is undefined and it cannot be necessary for an "
                       "outcome with members. Check the calibration; to keep only its negation, "
                       "pass '~{name}' (an expression adds only itself). (With one case every "
                       "crisp score makes one side 0.)"))
            raise QCAInputError(text.format(row=repr(row), set=repr(row[1:]), name=row))
        if (1.0 - np.minimum(x[:, j], y)).sum() <= 0:
            raise QCAInputError(
                tr("Condition {row} and the outcome {outcome} are both 1 in every case, so the "
                   "relevance of necessity (RoN) is undefined: a set that includes every case is "
                   "trivially necessary. Leave it out, or check the calibration.").format(
                    row=repr(row), outcome=repr(outcome)))
