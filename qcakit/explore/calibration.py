"""One choice of anchors for one raw variable and what follows from it:
:class:`CalibrationState` and :func:`calibration_state` (the calibration explorer's logic)."""
from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .. import _checks, _display
from .. import _kinds as K
from .._spec import accepts
from ..calibrate import NUMPY_METHODS, PERCENTILE_METHODS, calibrate, percentile_anchors
from ..errors import QCAInputError, QCAWarning
from ..i18n import tr
from ..necessity import necessity
from . import render
from .analysis import unique_messages

#: Percentile definitions offered by the calibration explorer (Excel's two first).
PERCENTILE_CHOICES = tuple(PERCENTILE_METHODS) + tuple(
    m for m in NUMPY_METHODS if m not in PERCENTILE_METHODS.values()
)


@dataclass
class CalibrationState:
    """One choice of anchors for one raw variable and what follows from it (see
    :func:`calibration_state`). ``source`` says where the anchors came from, in the language
    current when the state was computed."""

    raw: pd.Series
    scores: pd.Series
    anchors: tuple
    source: str
    half_cases: list
    warnings: list
    necessity: object | None
    options: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return str(self.raw.name)

    @property
    def table(self) -> pd.DataFrame:
        """Raw score and membership of every case, sorted by raw score."""
        out = pd.DataFrame({"raw": self.raw, "membership": self.scores})
        return out.sort_values("raw", kind="stable")

    def title(self) -> str:
        return tr("Calibration of {name}: anchors {anchors} ({source})").format(
            name=self.name, anchors=", ".join(f"{a:g}" for a in self.anchors),
            source=self.source)

    def warnings_html(self) -> str:
        return render.calibration_warnings_html(self)

    def scores_html(self) -> str:
        return render.calibration_scores_html(self)

    def necessity_html(self) -> str:
        return render.calibration_necessity_html(self)

    def _repr_html_(self):
        return "\n".join(["<div class='qcakit'>", self.warnings_html(), self.scores_html(),
                          self.necessity_html(), "</div>"])

    def __repr__(self):
        notes = list(self.warnings)
        text = _display.render_text(self.title(), self.table, notes)
        if self.necessity is not None:
            text += "\n" + repr(self.necessity)
        return text


#: The arguments the calibration explorer and :func:`calibration_state` share.
SPEC = dict(
    raw=K.RawScores(series=True), anchors=K.Numbers(count=3, optional=True,
                                                   example="(exclusion, crossover, inclusion)"),
    percentile_method=K.OneOf(*PERCENTILE_METHODS, *NUMPY_METHODS, what="percentile method", optional=True),
    percentiles=K.Numbers(0, 100, example="(25, 50, 75)"),
    idm=K.Cut(0.5, 1.0, optional=True, open_low=True, open_high=True), nudge_half=K.Switch(),
    sets=K.Frame(optional=True), outcome=K.Text(optional=True),
    conditions=K.Columns(None, outcome="outcome"), set_name=K.Text(optional=True))


@accepts(method=K.OneOf("direct", "crisp", "indirect", what="calibration method"),
         digits=K.Count(0, optional=True), **SPEC)
def calibration_state(
    raw: pd.Series,
    anchors: Sequence[float] | None = None,
    *,
    percentile_method: str | None = None,
    percentiles: Sequence[float] = (25, 50, 75),
    method: str = "direct",
    idm: float | None = None,
    digits: int | None = None,
    nudge_half: bool = False,
    sets: pd.DataFrame | None = None,
    outcome: str | None = None,
    conditions=None,
    set_name: str | None = None,
) -> CalibrationState:
    """Memberships of one raw variable for one choice of anchors, and what follows downstream.

    Give ``anchors`` (exclusion, crossover, inclusion), or ``percentile_method`` (e.g.
    ``"excel_inc"``, ``"excel_exc"``) to take them at ``percentiles`` of the raw scores. Cases
    scoring exactly 0.5 are listed in ``half_cases`` and the calibration warnings are collected
    in ``warnings`` (not printed), so an explorer can show them.

    With ``sets`` (calibrated memberships of the other conditions and the outcome) and
    ``outcome``, the new memberships replace (or join) the column ``raw.name`` and ``necessity``
    is the necessity table for the outcome over ``conditions`` (default: every column of
    ``sets`` but the outcome). When ``raw`` is the outcome itself, every row changes.
    ``set_name``: the set's name (the column of ``sets``) when the raw variable has another
    one, e.g. ``calibration_state(raw["GROWTH"], set_name="CAPACITY", ...)``; the figure's x
    axis keeps naming the raw variable.

    Raises :class:`~qcakit.QCAInputError` for anchors out of order or an unknown percentile
    definition (an explorer shows the message).

    >>> import pandas as pd
    >>> raw = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], name="X", index=list("abcde"))
    >>> state = calibration_state(raw, percentile_method="excel_inc")
    >>> state.anchors, state.half_cases
    ((2.0, 3.0, 4.0), ['c'])
    >>> calibration_state(raw, (1.5, 3.5, 4.5)).half_cases
    []
    """
    raw, raw_name = _raw_series(raw, set_name)
    name = raw.name
    anchors, source = _anchors(raw, anchors, percentile_method, percentiles)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", QCAWarning)
        scores = calibrate(raw, anchors, method, idm=idm, digits=digits, nudge_half=nudge_half,
                           role=_role(name, sets, outcome))
    messages = unique_messages(caught)
    raw_half = (calibrate_half(raw, anchors, method, idm, digits) if nudge_half
                else scores.to_numpy() == 0.5)
    half_cases = [str(c) for c in raw.index[raw_half]]
    nt = None
    if sets is not None:
        nt = _downstream_necessity(scores.rename(name), sets, outcome, conditions)
    options = {"method": method, "idm": idm, "digits": digits, "nudge_half": nudge_half,
               "percentile_method": percentile_method, "percentiles": tuple(percentiles),
               "raw_name": None if raw_name == name else raw_name}
    return CalibrationState(raw, scores, anchors, source, half_cases, messages, nt, options)


def _role(name, sets, outcome):
    """The column's role for the 0.5 warning: the outcome, a condition (with ``sets``), or
    unknown."""
    if outcome is not None and name == outcome:
        return "outcome"
    return "condition" if sets is not None else None


def _raw_series(raw, set_name) -> tuple[pd.Series, object]:
    """``raw`` named after the set, and the raw variable's own name; checks it is numeric."""
    name = set_name or (raw.name if raw.name is not None else "x")
    _checks.numeric_column(raw.rename(name).to_frame(), name)
    return raw.rename(name), raw.name


def _anchors(raw, anchors, percentile_method, percentiles) -> tuple[tuple, str]:
    """The three anchors as floats and where they came from."""
    if anchors is None and percentile_method is None:
        raise QCAInputError(tr("Give anchors=(exclusion, crossover, inclusion) or "
                               "percentile_method= ('excel_inc', 'excel_exc', ...)."))
    if anchors is None:
        anchors = percentile_anchors(raw, percentiles, percentile_method)
        source = tr("percentiles {percentiles}, {method}").format(
            percentiles=", ".join(f"{p:g}" for p in percentiles), method=percentile_method)
    else:
        source = tr("chosen anchors")
    return tuple(float(a) for a in anchors), source


def _downstream_necessity(scores: pd.Series, sets, outcome, conditions):
    """Necessity table for ``outcome`` once ``scores`` replace (or join) their column."""
    name = scores.name
    if outcome is None:
        raise QCAInputError(tr("With sets=..., name the outcome column (outcome=...)."))
    if not sets.index.equals(scores.index):
        raise QCAInputError(tr("The raw variable {name} and sets must have the same cases in "
                               "the same order (same index).").format(name=repr(name)))
    data = sets.copy()
    data[name] = scores
    if outcome not in data.columns:
        _checks.known_columns(data, [outcome], "outcome")
    if conditions is None:
        conditions = [c for c in data.columns if c != outcome]
    return necessity(data, outcome, conditions)


@accepts(raw=K.RawScores(), anchors=K.Thresholds("raw"),
         method=K.OneOf("direct", "crisp", "indirect", what="calibration method"),
         idm=K.Cut(0.5, 1.0, optional=True, open_low=True, open_high=True),
         digits=K.Count(0, optional=True))
def calibrate_half(raw, anchors, method="direct", idm=None, digits=None) -> np.ndarray:
    """Boolean mask of the cases that the calibration puts at exactly 0.5 (before any nudge)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        scores = calibrate(raw, anchors, method, idm=idm, digits=digits)
    return scores.to_numpy() == 0.5

