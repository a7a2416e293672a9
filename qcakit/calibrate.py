"""Calibration: turning raw scores into set memberships.

Three methods (Ragin 2008, ch. 5; Dusa 2019, ch. 4):

- ``"direct"``: three qualitative anchors (full exclusion, crossover, full inclusion) and a
  logistic curve. The log-odds of membership is 0 at the crossover and +3 / -3 at the inclusion /
  exclusion anchors (Ragin's metric, so the anchors score 0.953 and 0.047). Pass ``idm=0.95`` to
  use the R package QCA convention instead (anchors score exactly 0.95 / 0.05, log-odds 2.944).
  Anchors given in decreasing order (exclusion > inclusion) calibrate a set whose membership
  falls as the raw score rises.
- ``"crisp"``: one or more thresholds; a case scores the number of thresholds it reaches
  (``x >= t``), so one threshold gives a crisp set 0 / 1.
- ``"indirect"``: thresholds cut the raw scores into ordered groups, each group gets a target
  membership (by default evenly spaced from 0 to 1), and a fractional logit of the targets on
  the raw scores gives the memberships (Ragin 2008, pp. 94-97).

Scores of exactly 0.5 are flagged with a :class:`~qcakit.QCAWarning`: such a case is neither in
nor out of the set. What that costs depends on the column's role (``role=``): in a *condition*
the case sits in no truth-table row (rows are corners defined by the conditions) and silently
drops out of the sufficiency analysis; in the *outcome* it still sits in its row, but it is
neither a member nor a non-member of the outcome, so whether it agrees with its row or
contradicts it, and its case type (typical or deviant), are undefined. ``nudge_half=True``
turns them into 0.501, the convention of many fsQCA papers; it is a choice to report, not a
correction.

>>> import pandas as pd
>>> calibrate(pd.Series([2.0, 4.0, 8.0, 11.0]), thresholds=(2, 5, 8)).round(3).tolist()
[0.047, 0.269, 0.953, 0.998]
>>> calibrate(pd.Series([2.0, 8.0]), thresholds=(2, 5, 8), idm=0.95).round(3).tolist()
[0.05, 0.95]
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from . import _checks
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import sentences, tr, tr_later

#: Percentile definitions by name: Excel's two families and numpy's methods.
PERCENTILE_METHODS = {
    "excel_inc": "linear",  # Excel QUARTILE.INC / PERCENTILE.INC, R type 7, numpy default
    "excel_exc": "weibull",  # Excel QUARTILE.EXC / PERCENTILE.EXC, R type 6, SPSS default
}
#: numpy's percentile definitions (``numpy.percentile(method=...)``), as the explorers offer them.
NUMPY_METHODS = (
    "inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
    "hazen", "weibull", "linear", "median_unbiased", "normal_unbiased", "lower", "higher",
    "midpoint", "nearest",
)

RAGIN_LOG_ODDS = 3.0
HALF_NUDGED = 0.501


@accepts(x=K.RawScores(frames=True),
         percentiles=K.Numbers(0, 100, example="(25, 50, 75)"),
         method=K.OneOf(*PERCENTILE_METHODS, *NUMPY_METHODS, what="percentile method"))
def percentile_anchors(x, percentiles=(25, 50, 75), method: str = "excel_inc"):
    """Anchors at the given percentiles of the raw scores, with the percentile definition explicit.

    ``method`` is ``"excel_inc"`` (Excel QUARTILE.INC, numpy's default ``"linear"``),
    ``"excel_exc"`` (Excel QUARTILE.EXC, SPSS, numpy's ``"weibull"``) or any numpy percentile
    method name. Papers that say "we used quartiles" rarely say which: on small samples the
    definitions differ. For a DataFrame, returns a dict ``{column: anchors}`` ready for
    :func:`calibrate`. (Excel's .EXC functions return #NUM! where numpy's ``weibull`` clamps to
    the smallest / largest value; with 11 cases both work for the 25th and 75th percentiles.)

    >>> import pandas as pd
    >>> x = pd.Series([1, 2, 3, 4, 5, 6, 7], name="X")
    >>> percentile_anchors(x)
    (2.5, 4.0, 5.5)
    >>> percentile_anchors(x, method="excel_exc")
    (2.0, 4.0, 6.0)
    """
    numpy_method = PERCENTILE_METHODS.get(method, method)
    if isinstance(x, pd.DataFrame):
        return {col: percentile_anchors(x[col], percentiles, method) for col in x.columns}
    data = _checks.as_frame(x, "x")
    values = _checks.numeric_column(data, data.columns[0])
    return tuple(float(v) for v in np.percentile(values, percentiles, method=numpy_method))


# Long only for its docstring (every option explained); the code is under 40 lines.
@accepts(x=K.RawScores(frames=True), thresholds=K.Thresholds("x"),
         method=K.OneOf("direct", "crisp", "indirect", what="calibration method"),
         idm=K.Cut(0.5, 1.0, optional=True, open_low=True, open_high=True),
         targets=K.Targets(), digits=K.Count(0, optional=True), nudge_half=K.Switch(),
         ties=K.OneOf("refuse", "inclusion", "crossover"), role=K.Roles())
def calibrate(
    x,
    thresholds,
    method: str = "direct",
    *,
    idm: float | None = None,
    targets: Sequence[float] | None = None,
    digits: int | None = None,
    nudge_half: bool = False,
    ties: str = "refuse",
    role: str | None = None,
):
    """Calibrate raw scores into set memberships.

    Parameters
    ----------
    x : Series or DataFrame
        Raw scores. For a DataFrame, ``thresholds`` is a dict ``{column: thresholds}`` and only
        those columns are calibrated and returned, in that order.
    thresholds
        ``(exclusion, crossover, inclusion)`` for ``"direct"``; one or more increasing
        thresholds for ``"crisp"`` and ``"indirect"``.
    method : {"direct", "crisp", "indirect"}
    idm : float, optional
        Membership at the inclusion anchor for the direct method. ``None`` (default) uses
        Ragin's log-odds of +3 (0.953); ``0.95`` reproduces the R package QCA.
    targets : sequence of float, optional
        Indirect method only: target membership of each group (one more than thresholds).
    digits : int, optional
        Round memberships to this many decimals (fsQCA users often work with 2 or 3).
        Rounding happens before the 0.5 check, because rounding can create a 0.5.
    nudge_half : bool
        Replace memberships of exactly 0.5 by 0.501 instead of only warning about them.
    ties : {"refuse", "inclusion", "crossover"}
        Direct method only: what to do with tied anchors (exclusion = crossover or crossover =
        inclusion, common with percentile anchors on data with few distinct values).
        ``"refuse"`` (default) raises an error, because a tie is a problem of the data worth
        seeing. ``"inclusion"`` and ``"crossover"`` follow fsQCA 3.0 and the R package QCA:
        cases at or above the crossover are calibrated on the inclusion side, cases below it on
        the exclusion side, and where that divides by zero the limit is used (a case below a
        tied exclusion = crossover anchor scores 0; a case above a tied crossover = inclusion
        anchor scores 1). Only a case exactly *on* a tied crossover = inclusion anchor is
        undefined (fsQCA and R give NaN): ``"inclusion"`` gives it the inclusion anchor's
        membership (0.953, or ``idm``), ``"crossover"`` gives it 0.5.
    role : {None, "condition", "outcome"}
        Only words: the column's role in the analysis, so that the warning about scores of
        exactly 0.5 says what they cost (see the module docstring). ``None`` names both costs.
        For a DataFrame, one role for every column, or a dict ``{column: role}``.

    Returns
    -------
    Series or DataFrame of memberships, same index and names as ``x``.
    """
    if isinstance(x, pd.DataFrame):
        return _calibrate_frame(x, thresholds, method, idm=idm, targets=targets, digits=digits,
                                nudge_half=nudge_half, ties=ties, role=role)
    name = x.name if x.name is not None else "x"
    values = _checks.numeric_column(_checks.as_frame(x.rename(name), "x"), name)
    if np.all(values == values[0]):
        raise QCAInputError(
            tr("Column {name} is constant (every case scores {value}): calibration cannot tell "
               "cases apart. Leave it out, or check the data entry.").format(
                name=repr(name), value=f"{values[0]:g}"))
    if method == "direct":
        scores = _direct(values, thresholds, idm, name, ties)
    elif method == "crisp":
        scores = _crisp(values, thresholds, name)
    else:
        scores = _indirect(values, thresholds, targets, name)
    if digits is not None:
        scores = np.round(scores, digits)
    _one_sided(scores, values, thresholds, name, method)
    if method != "crisp":
        scores = _handle_half(scores, x.index, name, nudge_half, role)
    return pd.Series(scores, index=x.index, name=x.name)


def _calibrate_frame(x: pd.DataFrame, thresholds, method, **options) -> pd.DataFrame:
    roles = options.pop("role")
    if not isinstance(roles, Mapping):
        roles = dict.fromkeys(thresholds, roles)
    out = {col: calibrate(x[col], th, method, role=roles.get(col), **options)
           for col, th in thresholds.items()}
    return pd.DataFrame(out, index=x.index)


def _one_sided(scores, values, thresholds, name, method) -> None:
    """Warn when every case falls on the same side of the crossover (anchors outside the data);
    for crisp calibration, when every case gets the same score."""
    fuzzy = method != "crisp" and (np.all(scores < 0.5) or np.all(scores > 0.5))
    if fuzzy or np.all(scores == scores[0]):
        if method == "crisp" and len(np.atleast_1d(thresholds)) > 1:
            where = tr("Calibration of {name}: every case is in the same group of the set "
                       "(scores {low} to {high}), because the thresholds {thresholds} lie "
                       "outside the data (which run from {min} to {max}).")
        elif np.all(scores <= 0.5):
            where = tr("Calibration of {name}: every case is out of the set (scores {low} to "
                       "{high}), because the thresholds {thresholds} lie outside the data "
                       "(which run from {min} to {max}).")
        else:
            where = tr("Calibration of {name}: every case is in the set (scores {low} to "
                       "{high}), because the thresholds {thresholds} lie outside the data "
                       "(which run from {min} to {max}).")
        _checks.warn(sentences(
            where.format(name=repr(name), low=f"{scores.min():.3g}", high=f"{scores.max():.3g}",
                         thresholds=repr(thresholds), min=f"{values.min():g}",
                         max=f"{values.max():g}"),
            tr("A set that no case is in (or every case is in) cannot tell cases apart: check "
               "the units of the anchors against the data.")))


def _anchors(thresholds, name, ties: str = "refuse") -> tuple[float, float, float]:
    """The three anchors (numbers, as the spec of :func:`calibrate` checked), in order."""
    anchors = np.atleast_1d(np.asarray(thresholds, dtype=float))
    if anchors.size != 3:
        raise _checks.bad_thresholds(name, "direct", thresholds)
    e, c, i = (float(a) for a in anchors)
    tied_ok = ties != "refuse" and e != i and (e <= c <= i or e >= c >= i)
    if not (e < c < i or e > c > i or tied_ok):
        raise QCAInputError(
            tr("Anchors for {name} are out of order or equal: exclusion={e}, crossover={c}, "
               "inclusion={i}. The crossover must lie strictly between the other two "
               "(exclusion < crossover < inclusion, or all reversed for a set that shrinks as "
               "the score grows). With percentile anchors on data with many ties, try another "
               "percentile definition or choose the anchors from theory, or pass "
               "ties='inclusion' to calibrate tied anchors as fsQCA 3.0 does (and report it).")
            .format(name=repr(name), e=f"{e:g}", c=f"{c:g}", i=f"{i:g}"))
    return e, c, i


def _logistic(num, den=1.0):
    """1 / (1 + e^-z) for z = num / den, exactly 0 below z = -700 (where e^-z would overflow:
    anchors a hair apart) and 1 above 700 (as the formula gives there), with no warning."""
    with np.errstate(over="ignore"):
        z = np.clip(np.asarray(num, dtype=float) / den, -700, 700)
    return np.where(z <= -700, 0.0, 1.0 / (1.0 + np.exp(-z)))


def _direct(values, thresholds, idm, name, ties="refuse"):
    e, c, i = _anchors(thresholds, name, ties)
    log_odds = RAGIN_LOG_ODDS if idm is None else math.log(idm / (1 - idm))
    if e == c or c == i:
        return _tied(values, e, c, i, log_odds, ties)
    dev = values - c
    inclusion_side = np.sign(dev) == np.sign(i - c)
    scale = np.where(inclusion_side, i - c, c - e)
    return _logistic(log_odds * dev, scale)


def _tied(values, e, c, i, log_odds, ties):
    """Direct calibration with tied anchors, as fsQCA 3.0 / R QCA, using the limits where their
    arithmetic divides by zero (see ``ties`` in :func:`calibrate`)."""
    if e > i:  # a set that shrinks as the score grows: mirror it
        return _tied(-values, -e, -c, -i, log_odds, ties)
    out = np.empty_like(values)
    upper = values >= c
    if i > c:
        out[upper] = _logistic(log_odds * (values[upper] - c), i - c)
    else:
        on_anchor = 1.0 / (1.0 + math.exp(-log_odds)) if ties == "inclusion" else 0.5
        out[upper] = np.where(values[upper] > c, 1.0, on_anchor)
    lower = ~upper
    out[lower] = (_logistic(log_odds * (values[lower] - c), c - e) if c > e
                  else 0.0)
    return out


def _thresholds(thresholds, name, method) -> np.ndarray:
    """The thresholds (numbers, as the spec of :func:`calibrate` checked), strictly increasing."""
    th = np.atleast_1d(np.asarray(thresholds, dtype=float))
    if th.size == 0 or np.any(np.diff(th) <= 0):
        raise _checks.bad_thresholds(name, method, thresholds)
    return th


def _crisp(values, thresholds, name):
    th = _thresholds(thresholds, name, "crisp")
    return (values[:, None] >= th[None, :]).sum(axis=1).astype(float)


def _indirect(values, thresholds, targets, name):
    th = _thresholds(thresholds, name, "indirect")
    groups = (values[:, None] >= th[None, :]).sum(axis=1)
    targets = np.linspace(0, 1, th.size + 1) if targets is None else np.asarray(targets)
    fitted, converged = _fractional_logit(values, targets[groups])
    if not converged:
        _checks.warn(
            tr("Indirect calibration of {name} did not converge: the thresholds {thresholds} "
               "split the cases into groups whose targets a logistic curve can only approach as "
               "a step (e.g. two groups with targets 0 and 1), so the memberships returned are "
               "close to the crisp groups, not a fitted fuzzy set. Use more thresholds, targets "
               "strictly between 0 and 1 (e.g. targets=(0.05, 0.95)), or direct calibration.")
            .format(name=repr(name), thresholds=th.tolist()))
    return fitted


def _fractional_logit(x, target, iterations: int = 100):
    """Quasi-binomial logistic regression of target on x (IRLS).

    Returns the fitted values and whether the fit converged (the last step below 1e-8 in both
    coefficients, on standardised x). Perfectly separated targets (0 below a score, 1 above) have
    no finite fit: the coefficients grow without bound and the flag is False.
    """
    mean, sd = x.mean(), x.std()
    design = np.column_stack([np.ones_like(x), (x - mean) / sd])
    beta = np.zeros(2)
    converged = False
    for _ in range(iterations):
        mu = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -700, 700)))
        weight = np.clip(mu * (1 - mu), 1e-10, None)
        try:
            step = np.linalg.solve(design.T @ (design * weight[:, None]), design.T @ (target - mu))
        except np.linalg.LinAlgError:
            break
        beta = beta + step
        if np.max(np.abs(step)) < 1e-8:
            converged = True
            break
    return 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -700, 700))), converged


#: What a score of exactly 0.5 costs, by the column's role (see ``role`` in :func:`calibrate`).
HALF_COSTS = {
    "condition": tr_later("In a condition, a case at 0.5 is neither in nor out of the set, so it belongs "
                 "to no truth-table row and drops out of the sufficiency analysis."),
    "outcome": tr_later("In the outcome, a case at 0.5 still belongs to its truth-table row (rows are "
               "defined by the conditions), but it is neither in nor out of the outcome: "
               "whether it agrees with its row or contradicts it, and its case type (typical or "
               "deviant), are undefined."),
}
HALF_COSTS[None] = tr_later("A case at 0.5 is neither in nor out of the set. As a condition it belongs to "
                    "no truth-table row and drops out of the sufficiency analysis; as the outcome "
                    "it stays in its row, but its case type (typical or deviant) is undefined.")



def _handle_half(scores, index, name, nudge, role=None):
    half = scores == 0.5
    if not half.any():
        return scores
    cases = ", ".join(map(repr, index[half][:6])) + (" ..." if half.sum() > 6 else "")
    if nudge:
        _checks.warn(
            tr("{n} case(s) scored exactly 0.5 in {name} ({cases}) and were set to {value} "
               "(nudge_half=True). Report this choice.").format(
                n=int(half.sum()), name=repr(name), cases=cases, value=HALF_NUDGED))
        return np.where(half, HALF_NUDGED, scores)
    _checks.warn(sentences(
        tr("{n} case(s) score exactly 0.5 in {name} ({cases}).").format(
            n=int(half.sum()), name=repr(name), cases=cases),
        tr(HALF_COSTS[role]),
        tr("Choose a crossover no case sits on, or pass nudge_half=True to score them {value} "
           "(and report it).").format(value=HALF_NUDGED)))
    return scores
