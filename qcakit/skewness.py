"""Skewed set memberships: the share of cases in each set, checked before the analysis.

When nearly every case is in a set (or nearly none is), subset relations become trivial: a set
that almost everybody belongs to is "necessary" for anything, and a set almost nobody belongs to
is "sufficient" (Schneider & Wagemann 2012, ch. 9; Oana, Schneider & Thomann 2021).
:func:`skewness` gives, per set, the number and share of cases with membership **above 0.5**
and warns when the share is above 80 % or below 20 % (both strict).

Exactly 0.5 (the point of maximum ambiguity) is counted as *not* above 0.5, as in SetMethods'
``skew.check`` (``data > 0.5``); such cases are shown in their own column so they are not
hidden. The share's denominator is every case, as in ``skew.check``.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.7, 0.6, 0.9], "B": [0.2, 0.5, 0.7, 0.1, 0.9]})
>>> check = skewness(data)
>>> check.table[["above_0.5", "at_0.5", "share_above"]]
   above_0.5  at_0.5  share_above
A          5       0          1.0
B          2       1          0.4
>>> check.skewed, check.table.loc["A", "warning"]
(['A'], 'over 80 % of cases above 0.5')
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _display
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr
from .sets import membership

HIGH, LOW = 0.8, 0.2


@dataclass
class Skewness:
    """Result of :func:`skewness`: ``.table`` (one row per set) and ``.skewed`` (flagged sets)."""

    table: pd.DataFrame
    notes: list = field(default_factory=list)

    @property
    def skewed(self) -> list[str]:
        return self.table.index[self.table["warning"] != ""].tolist()

    def _title(self):
        return tr("Skewness: share of cases with membership above 0.5 in each set")

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table, self.notes)

    def __repr__(self):
        return _display.render_text(self._title(), self.table, self.notes)


@accepts(data=K.Frame(), sets=K.Expressions("data", at_least=1), high=K.Cut(), low=K.Cut())
def skewness(data: pd.DataFrame, sets=None, high: float = HIGH, low: float = LOW) -> Skewness:
    """Share of cases above 0.5 per set, with a warning outside ``(low, high)``.

    Parameters
    ----------
    data : DataFrame of calibrated memberships.
    sets : column names or expressions such as ``"~A"`` or ``"A*B"`` (default: every numeric
        column).
    high, low : the share above which / below which a set is flagged (0.8 and 0.2).
    """
    if sets is None:
        sets = [c for c in data.columns if pd.api.types.is_numeric_dtype(data[c])]
    if not len(sets):
        raise QCAInputError(tr("No sets to check: data has no numeric columns; pass "
                               "sets=[...]."))
    if not 0 <= low < high <= 1:
        raise QCAInputError(
            tr("Need 0 <= low < high <= 1 (shares of cases), got low={low}, high={high}.")
            .format(low=repr(low), high=repr(high)))
    values = np.column_stack([membership(data, s).to_numpy() for s in sets])
    above = (values > 0.5).sum(axis=0)
    share = above / len(data)
    warning = np.where(share > high, tr("over {share} of cases above 0.5").format(
        share=f"{high:.0%}".replace("%", " %")), np.where(share < low, tr(
            "under {share} of cases above 0.5").format(share=f"{low:.0%}".replace("%", " %")),
            ""))
    table = pd.DataFrame({"cases": len(data), "above_0.5": above,
                          "at_0.5": (values == 0.5).sum(axis=0), "share_above": share,
                          "warning": warning}, index=[str(s) for s in sets])
    notes = []
    if table["at_0.5"].any():
        notes.append(tr("Memberships of exactly 0.5 are counted as not above 0.5 (as "
                        "skew.check)."))
    if (warning != "").any():
        notes.append(tr("Skewed sets make necessity and sufficiency trivial; consider "
                        "recalibrating or reading their fit with care (Oana, Schneider & "
                        "Thomann 2021)."))
    return Skewness(table, notes)
