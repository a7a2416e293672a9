"""The two figures the explorers share with the lessons, each described once: what is drawn,
the labels and the colours. :mod:`qcakit.plot` renders a description with matplotlib (lessons,
reports); :mod:`qcakit.svg` renders the same description as an inline SVG string, which the
explorers redraw in a few milliseconds (a matplotlib figure takes tenths of a second).

- :func:`calibration_figure`: the calibration function over the range of the raw scores, the
  cases as points (hollow red at exactly 0.5), the anchors as dotted lines, the 0.5 line;
- :func:`sweep_figure`: solution consistency and coverage across consistency cuts, dotted lines
  where the solution changes, the reference cut, and the terms present at each cut.

>>> import pandas as pd
>>> fig = calibration_figure(pd.Series([1.0, 6.0, 9.0], name="X", index=list("abc")), (2, 5, 8))
>>> fig.title, fig.xlabel, [label for _, _, label in fig.labels]
('Calibration of X (direct; anchors 2, 5, 8)', 'X (raw)', ['a', 'b', 'c'])
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .calibrate import calibrate
from .errors import QCAInputError, QCAWarning
from .i18n import tr, tr_later

#: Colours of both figures (matplotlib and SVG).
COLOURS = {
    "curve": "#777777",        # calibration function, anchors, change lines, 0.5 line
    "case": "#1565c0",         # a case's membership
    "half": "#c62828",         # a case at exactly 0.5
    "consistency": "#1565c0",  # solution consistency
    "coverage": "#ef6c00",     # solution coverage
    "reference": "#c62828",    # the reference (paper's) cut
    "term": "#2e7d32",         # a term present at a cut
}

ANCHOR_NAMES = (tr_later("exclusion"), tr_later("crossover"), tr_later("inclusion"))
#: The calibration methods' names in a title (other methods are shown as given).
METHOD_NAMES = {"direct": tr_later("direct"), "indirect": tr_later("indirect"),
                "crisp": tr_later("crisp")}

#: Columns of a :func:`qcakit.explore.sweep` table that are not solution terms.
SWEEP_COLUMNS = ("cut", "consistency", "coverage", "expression", "models", "positive_rows")


def number_text(value: float) -> str:
    """A number as a figure shows it: up to 10 significant digits, without binary noise.

    >>> number_text(24.759999999999998), number_text(12345.6), number_text(0.501)
    ('24.76', '12345.6', '0.501')
    """
    return f"{float(value):.10g}"


@dataclass(frozen=True)
class CalibrationFigure:
    """What :func:`calibration_figure` draws. ``cases``: one row per case with ``raw``,
    ``membership`` and ``half`` (exactly 0.5); ``labels``: (raw, membership, text) per point,
    cases at the same point sharing one label; ``anchors``: (name, value) pairs; ``curve``:
    (x, y) of the calibration function, drawn as steps when ``steps``. Texts are in the
    language current when the figure was described (:func:`qcakit.set_language`)."""

    name: str
    title: str
    xlabel: str
    ylabel: str
    xlim: tuple
    curve: tuple
    steps: bool
    cases: pd.DataFrame
    labels: list
    anchors: tuple


def calibration_figure(raw: pd.Series, anchors, method: str = "direct", *,
                       scores: pd.Series | None = None, half=None, idm=None,
                       points: int = 240, raw_name: str | None = None,
                       **calibrate_options) -> CalibrationFigure:
    """Describe the calibration curve of ``raw`` with ``anchors`` (thresholds).

    ``scores``: the memberships when already computed (else calibrated here); ``half``: the
    cases at exactly 0.5 before any nudge (default: where ``scores`` is 0.5); ``raw_name``: the
    raw variable's name for the x axis when the Series is named after the set (default its
    name). Other options go to :func:`qcakit.calibrate`.
    """
    raw = pd.Series(raw)
    name = str(raw.name) if raw.name is not None else "x"
    raw = raw.rename(name)
    th = np.atleast_1d(np.asarray(anchors, dtype=float))
    if scores is None:
        scores = calibrate(raw, anchors, method, idm=idm, **calibrate_options)
    lo, hi = min(float(raw.min()), th.min()), max(float(raw.max()), th.max())
    pad = (hi - lo) * 0.08 or 1.0
    grid = pd.Series(np.linspace(lo - pad, hi + pad, points), name=name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        options = {} if method == "crisp" else {
            "idm": idm, "targets": calibrate_options.get("targets"),
            "ties": calibrate_options.get("ties", "refuse")}
        curve = calibrate(grid, anchors, method, **options)
    is_half = (scores.to_numpy() == 0.5 if half is None
               else np.isin(raw.index.astype(str), [str(c) for c in half]))
    cases = pd.DataFrame({"raw": raw.to_numpy(dtype=float),
                          "membership": scores.to_numpy(dtype=float), "half": is_half},
                         index=raw.index)
    groups: dict = {}
    for case, x, y in zip(cases.index, cases["raw"], cases["membership"]):
        groups.setdefault((round(x, 12), round(y, 12)), []).append(str(case))
    names = ANCHOR_NAMES if len(th) == 3 else (tr_later("threshold"),) * len(th)
    title = tr("Calibration of {name} ({method}; anchors {anchors})").format(
        name=name, method=tr(METHOD_NAMES[method]) if method in METHOD_NAMES else method,
        anchors=", ".join(number_text(t) for t in th))
    return CalibrationFigure(
        name, title, tr("{name} (raw)").format(name=raw_name or name),
        tr("membership in {name}").format(name=name), (lo - pad, hi + pad),
        (grid.to_numpy(), curve.to_numpy(dtype=float)), method == "crisp", cases,
        [(x, y, ", ".join(c)) for (x, y), c in groups.items()],
        tuple((tr(n), t) for n, t in zip(names, th)))


@dataclass(frozen=True)
class SweepFigure:
    """What :func:`sweep_figure` draws: the cuts in ascending order with solution consistency
    and coverage (NaN where no row reaches the cut), ``changes`` (cuts midway between two
    different solutions), ``terms`` with ``present`` (cuts x terms, bool), the reference cut,
    and the texts (in the language current when the figure was described)."""

    cut: np.ndarray
    consistency: np.ndarray
    coverage: np.ndarray
    changes: list
    terms: list
    present: np.ndarray
    reference: float | None
    step: float
    title: str
    xlabel: str
    ylabel: str
    terms_label: str

    @property
    def legend(self) -> list[tuple[str, str]]:
        """(colour, text) of the legend entries."""
        out = [(COLOURS["consistency"], tr("solution consistency")),
               (COLOURS["coverage"], tr("solution coverage"))]
        if self.reference is not None:
            out.append((COLOURS["reference"],
                        tr("reference cut {cut}").format(cut=f"{self.reference:g}")))
        return out

    @property
    def no_solution(self) -> np.ndarray:
        """Cuts at which no truth-table row reaches the cut (no solution)."""
        return self.cut[np.isnan(self.consistency)]


def sweep_figure(table: pd.DataFrame, reference: float | None = None, *,
                 caller: str = "sweep_figure()") -> SweepFigure:
    """Describe the table of :func:`qcakit.explore.sweep`; ``caller`` names the function in
    the error for a table of another kind.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"cut": [0.9, 0.8], "consistency": [1.0, 0.95],
    ...                       "coverage": [0.5, 0.8], "expression": ["A*B", "A"],
    ...                       "A": [False, True], "A*B": [True, False]})
    >>> fig = sweep_figure(table, 0.8)
    >>> fig.cut.tolist(), [round(x, 3) for x in fig.changes], fig.terms, fig.title
    ([0.8, 0.9], [0.85], ['A', 'A*B'], 'Solution across consistency cuts (reference 0.8)')
    """
    needed = ["cut", "consistency", "coverage", "expression"]
    if not isinstance(table, pd.DataFrame) or any(c not in table.columns for c in needed):
        raise QCAInputError(tr(
            "{caller} draws the table of qcakit.explore.sweep(data, outcome, conditions, cuts) "
            "(columns {columns}, then one column per term).").format(
            caller=caller, columns=", ".join(needed)))
    if len(table) == 0:
        raise QCAInputError(tr("The sweep table is empty: give at least one consistency cut."))
    t = table.sort_values("cut", kind="stable")
    cut = t["cut"].to_numpy(dtype=float)
    expr = t["expression"].tolist()
    terms = [c for c in t.columns if c not in SWEEP_COLUMNS]
    reference = None if reference is None else float(reference)
    return SweepFigure(
        cut, t["consistency"].to_numpy(dtype=float), t["coverage"].to_numpy(dtype=float),
        [float((cut[i - 1] + cut[i]) / 2) for i in range(1, len(cut))
         if expr[i] != expr[i - 1]],
        terms, t[terms].to_numpy(dtype=bool).reshape(len(t), len(terms)), reference,
        float(np.median(np.diff(cut))) if len(cut) > 1 else 0.01,
        tr("Solution across consistency cuts") if reference is None else
        tr("Solution across consistency cuts (reference {cut})").format(cut=f"{reference:g}"),
        tr("consistency cut"), tr("solution fit"),
        tr("terms of the solution (square: present at that cut)"))
