"""Parameters of fit: the set-relational measures every other module uses.

All functions take membership arrays ``x`` (the condition or expression) and ``y`` (the outcome)
of equal length; for 2-D ``x`` (cases x sets) they return one value per column.

Sufficiency (X is a subset of Y; Ragin 2006, 2008):

- consistency ``inclS = sum(min(x, y)) / sum(x)``
- coverage ``covS = sum(min(x, y)) / sum(y)``
- PRI, proportional reduction in inconsistency,
  ``(sum(min(x, y)) - sum(min(x, y, 1-y))) / (sum(x) - sum(min(x, y, 1-y)))``: how much of the
  consistency is not shared with the negated outcome (simultaneous subset relations).

Necessity (Y is a subset of X; Schneider & Wagemann 2012, ch. 9):

- consistency ``inclN = sum(min(x, y)) / sum(y)``
- coverage ``covN = sum(min(x, y)) / sum(x)``
- relevance ``RoN = sum(1 - x) / sum(1 - min(x, y))``: near 0 when X is almost a constant
  (trivially necessary), near 1 when X is a relevant necessary condition.

These are the formulas of the R package QCA (``pof``) and fsQCA 3.0. Nothing is rounded here;
round only for display. A zero denominator (a set nobody belongs to) raises an error instead of
returning NaN.

>>> import numpy as np
>>> x, y = np.array([0.8, 0.6, 0.2]), np.array([0.9, 0.4, 0.3])
>>> round(consistency(x, y), 3), round(coverage(x, y), 3), round(pri(x, y), 3)
(0.875, 0.875, 0.778)
>>> round(consistency(y, x), 3)  # necessity of X for Y = sufficiency of Y for X
0.875
"""
from __future__ import annotations

import numpy as np

from . import _checks
from .errors import QCAInputError
from .i18n import tr, tr_later

#: The measures as an error about a zero denominator names them.
CONSISTENCY, COVERAGE, PRI = tr_later("Consistency"), tr_later("Coverage"), "PRI"
NECESSITY_CONSISTENCY = tr_later("Necessity consistency")
NECESSITY_COVERAGE = tr_later("Necessity coverage")
RELEVANCE = tr_later("Relevance of necessity")


def _ratio(num, den, what: str):
    den = np.asarray(den, dtype=float)
    if np.any(den <= 0):
        raise QCAInputError(tr(
            "{measure} is undefined: the set in the denominator has no membership at all (every "
            "case scores 0). Check the calibration, or leave this set out.").format(
            measure=what if what == PRI else tr(what)))
    out = num / den
    return float(out) if np.ndim(out) == 0 else out


def _col(y, x):
    y = np.asarray(y, dtype=float)
    x = np.asarray(x, dtype=float)
    return y if x.ndim == 1 else y[:, None]


def _share_of_x_in_y(x, y, what: str):
    # sum(min(X, Y)) / sum(X): sufficiency consistency and necessity coverage are this one ratio.
    x = np.asarray(x, dtype=float)
    both = np.minimum(x, _col(y, x)).sum(axis=0)
    return _ratio(both, x.sum(axis=0), what)


def consistency(x, y):
    """Sufficiency consistency: share of X that lies inside Y."""
    return _share_of_x_in_y(x, y, CONSISTENCY)


def coverage(x, y):
    """Sufficiency coverage: share of Y accounted for by X."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    both = np.minimum(x, _col(y, x)).sum(axis=0)
    return _ratio(both, y.sum(), COVERAGE)


def pri(x, y, undefined: str = "raise"):
    """Proportional reduction in inconsistency of X as a subset of Y.

    PRI = (sum min(X, Y) - sum min(X, Y, ~Y)) / (sum X - sum min(X, Y, ~Y)). The denominator is
    zero when X <= min(Y, ~Y) in every case (then every membership in X is at most 0.5 and X is a
    subset of both Y and ~Y): PRI is undefined. ``undefined="raise"`` (default) raises
    :class:`QCAInputError`; ``undefined="nan"`` returns NaN for such columns and warns, as
    R's QCA does (NaN) for reports that list many expressions.
    """
    x = np.asarray(x, dtype=float)
    yc = _col(y, x)
    both = np.minimum(x, yc)
    overlap = np.minimum(both, 1.0 - yc).sum(axis=0)
    num, den = both.sum(axis=0) - overlap, x.sum(axis=0) - overlap
    bad = np.asarray(den <= 1e-12)
    if not bad.any():
        return _ratio(num, den, PRI)
    if undefined != "nan":
        raise QCAInputError(tr(
            "PRI is undefined: in every case the membership in X is no higher than in both Y and "
            "~Y (so X is a subset of Y and of ~Y at once). Report consistency and coverage only, "
            "or pass undefined='nan'."))
    _checks.warn(tr("PRI is undefined (X <= min(Y, ~Y) in every case); reported as NaN."))
    out = np.where(bad, np.nan, num / np.where(bad, 1.0, den))
    return float(out) if np.ndim(out) == 0 else out


def necessity_consistency(x, y):
    """Necessity consistency of X for Y (equals the sufficiency consistency of Y for X)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    both = np.minimum(x, _col(y, x)).sum(axis=0)
    return _ratio(both, y.sum(), NECESSITY_CONSISTENCY)


def necessity_coverage(x, y):
    """Necessity coverage of X for Y: how much of X is covered by Y (low = trivial)."""
    return _share_of_x_in_y(x, y, NECESSITY_COVERAGE)


def relevance(x, y):
    """Relevance of necessity (Schneider & Wagemann 2012): sum(1-x) / sum(1-min(x, y))."""
    x = np.asarray(x, dtype=float)
    both = np.minimum(x, _col(y, x))
    return _ratio((1.0 - x).sum(axis=0), (1.0 - both).sum(axis=0), RELEVANCE)
