"""Haesebrouck's consistency of sufficiency (consH), beside the usual consistency and PRI.

Ragin's consistency ``sum min(X, Y) / sum X`` counts each case's excess ``X - Y`` as it is.
Haesebrouck (2015) weighs it by the case's membership in X instead, counting
``sqrt((X - Y) * X)`` (0 where X <= Y), so

    consH = sum min(X, Y) / (sum min(X, Y) + sum sqrt(max(X - Y, 0) * X)),

as SetMethods ``QCAfit(..., consH = TRUE)`` computes it ("Cons.Suf(H)"). It equals 1 exactly
when X <= Y in every case, like Ragin's measure. Reference: SetMethods 4.0 on the Lipset data
(``tests/test_haesebrouck.py``).

>>> import pandas as pd
>>> d = pd.DataFrame({"A": [0.9, 0.6, 0.2], "Y": [0.8, 0.7, 0.1]})
>>> consistency_h(d, "A", "Y").round(3)
   consistency  consistency_H    PRI  coverage
A        0.882          0.773  0.818     0.938
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr
from .sets import membership, parse, resolve_one, to_string


@accepts(x=K.MembershipTable("y"), y=K.Numbers(0, 1))
def haesebrouck(x, y) -> np.ndarray | float:
    """consH of memberships ``x`` (one column, or cases x sets) as subsets of ``y``.

    >>> round(haesebrouck([0.9, 0.6, 0.2], [0.8, 0.7, 0.1]), 4)  # 1.5 / (1.5 + 0.3 + 0.1414)
    0.7726
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    yy = y if x.ndim == 1 else y[:, None]
    inside = np.minimum(x, yy).sum(axis=0)
    excess = np.sqrt(np.maximum(x - yy, 0.0) * x).sum(axis=0)
    total = inside + excess
    if np.any(total == 0):
        raise QCAInputError(tr("consH is undefined for a set with no membership in any case."))
    out = inside / total
    return float(out) if np.ndim(out) == 0 else out


@accepts(data=K.Frame(), expressions=K.Expressions("data", optional=False, at_least=1),
         outcome=K.Column(), negate_outcome=K.Switch())
def consistency_h(data: pd.DataFrame, expressions, outcome: str, *,
                  negate_outcome: bool = False) -> pd.DataFrame:
    """Consistency, Haesebrouck's consistency, PRI and coverage of each expression for
    ``outcome`` (one row per expression; ``expressions`` is one expression or a list).

    ``data`` holds memberships; expressions use ``*``, ``+`` and ``~`` (``"A*~B + C"``).
    """
    y = _checks.membership_column(data, outcome)
    y = 1.0 - y if negate_outcome else y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    rows, labels = [], []
    for item in expressions:
        expr = resolve_one(parse(item), data.columns)
        if any(outcome == name for term in expr for name, _ in term):
            raise QCAInputError(tr("The outcome {outcome} appears in the expression {value}; "
                                   "evaluate an expression of the conditions only.").format(
                outcome=repr(outcome), value=repr(item)))
        rows.append(membership(data, expr).to_numpy())
        labels.append(to_string(expr))
    x = np.column_stack(rows)
    return _display.Table({"consistency": fit.consistency(x, y),
                           "consistency_H": haesebrouck(x, y),
                           "PRI": fit.pri(x, y, undefined="nan"),
                           "coverage": fit.coverage(x, y)}, index=labels)
