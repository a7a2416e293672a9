"""Matplotlib figures for fsQCA, usable without widgets.

Every function draws on ``ax`` when given (else on a new figure) and returns the Axes, so plots
compose in notebooks and are testable headless.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> ax = calibration_curve(pd.Series([1, 4, 6, 9], name="X"), thresholds=(2, 5, 8))
>>> ax.get_title()
'Calibration of X (direct; anchors 2, 5, 8)'

The threshold sweep (:func:`threshold_sweep`) draws a table made by :func:`qcakit.explore.sweep`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _checks, fit
from .calibrate import calibrate
from .errors import QCAInputError
from .sets import membership, names_in, parse

_IN, _OUT, _GREY = "#2e7d32", "#c62828", "#777777"


def _axes(ax, size=(5.0, 4.0)):
    if ax is None:
        import matplotlib.pyplot as plt  # only when a new figure is needed

        _, ax = plt.subplots(figsize=size)
    return ax


def calibration_curve(raw: pd.Series, thresholds, method: str = "direct", *, idm=None,
                      label_cases: bool = True, ax=None, **calibrate_options):
    """The calibration function over the range of ``raw``, with the cases as points.

    Anchors are drawn as dotted vertical lines; the 0.5 line marks the crossover. Cases that
    land exactly on 0.5 are drawn as hollow red circles (they will belong to no truth-table row).
    """
    ax = _axes(ax)
    raw = pd.Series(raw)
    name = raw.name if raw.name is not None else "x"
    scores = calibrate(raw.rename(name), thresholds, method, idm=idm, **calibrate_options)
    lo, hi = float(raw.min()), float(raw.max())
    th = np.atleast_1d(np.asarray(thresholds, dtype=float))
    lo, hi = min(lo, th.min()), max(hi, th.max())
    pad = (hi - lo) * 0.08 or 1.0
    grid = pd.Series(np.linspace(lo - pad, hi + pad, 400), name=name)
    if method == "crisp":
        curve = calibrate(grid, thresholds, "crisp")
        ax.step(grid, curve, where="post", color=_GREY)
    else:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            curve = calibrate(grid, thresholds, method, idm=idm,
                              targets=calibrate_options.get("targets"))
        ax.plot(grid, curve, color=_GREY, lw=1.5)
    half = scores == 0.5
    ax.scatter(raw[~half], scores[~half], color="#1565c0", zorder=3)
    if half.any():
        ax.scatter(raw[half], scores[half], facecolors="none", edgecolors=_OUT, s=80,
                   zorder=4, label="exactly 0.5")
        ax.legend(loc="lower right", fontsize=8)
    if label_cases:
        # cases with the same raw score share one label instead of overprinting
        groups: dict = {}
        for case, x, y in zip(raw.index, raw, scores):
            groups.setdefault((float(x), float(y)), []).append(str(case))
        for (x, y), cases in groups.items():
            ax.annotate(", ".join(cases), (x, y), fontsize=7, xytext=(3, 3),
                        textcoords="offset points")
    for t in th:
        ax.axvline(t, color=_GREY, ls=":", lw=1)
    ax.axhline(0.5, color=_GREY, lw=0.8)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel(f"{name} (raw)")
    ax.set_ylabel(f"membership in {name}")
    anchors = ", ".join(f"{t:g}" for t in th)
    ax.set_title(f"Calibration of {name} ({method}; anchors {anchors})")
    return ax


def xy_plot(data: pd.DataFrame, x: str, outcome: str, *, negate_outcome: bool = False,
            label_cases: bool = True, ax=None):
    """XY plot of a condition or expression ``x`` against the outcome, with the diagonal.

    Points above the diagonal are consistent with sufficiency (X <= Y), points below with
    necessity (X >= Y). The title gives both readings: sufficiency consistency / coverage and
    necessity consistency / coverage.
    """
    data = _checks.as_frame(data)
    _checks.known_columns(data, [outcome], "outcome")
    if not isinstance(x, str):
        raise QCAInputError(
            f"x must be a condition name or an expression such as 'A*~B + C', got {x!r}."
        )
    _checks.known_columns(data, names_in(parse(x)), "condition")
    xs = membership(data, x).to_numpy()
    ys = _checks.membership_column(data, outcome)
    ax = _axes(ax, (4.5, 4.5))
    ylabel = outcome
    if negate_outcome:
        ys, ylabel = 1.0 - ys, f"~{outcome}"
    colour = np.where(xs <= ys, _IN, _OUT)
    ax.scatter(xs, ys, c=colour, zorder=3)
    if label_cases:
        for case, a, b in zip(data.index, xs, ys):
            ax.annotate(str(case), (a, b), fontsize=7, xytext=(3, 3), textcoords="offset points")
    ax.plot([0, 1], [0, 1], color=_GREY, lw=1)
    ax.axhline(0.5, color=_GREY, lw=0.5, ls=":")
    ax.axvline(0.5, color=_GREY, lw=0.5, ls=":")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel(x)
    ax.set_ylabel(ylabel)
    ax.set_title(
        f"sufficiency: incl {fit.consistency(xs, ys):.3f}, cov {fit.coverage(xs, ys):.3f}\n"
        f"necessity: incl {fit.necessity_consistency(xs, ys):.3f}, "
        f"cov {fit.necessity_coverage(xs, ys):.3f}", fontsize=9,
    )
    return ax


def necessity_bars(necessity_table, threshold: float | None = None, ax=None):
    """Horizontal bars of necessity consistency (and coverage as dots) for every row of a
    :class:`~qcakit.necessity.NecessityTable`, with the threshold line."""
    if not (hasattr(necessity_table, "table") and hasattr(necessity_table, "outcome_label")
            and "consistency" in getattr(necessity_table, "table", {})):
        raise QCAInputError(
            "necessity_bars() takes the result of qcakit.necessity(data, outcome), got "
            f"{type(necessity_table).__name__}."
        )
    table = necessity_table.table
    t = necessity_table.threshold if threshold is None else threshold
    ax = _axes(ax, (5.5, 0.35 * len(table) + 1.2))
    y = np.arange(len(table))[::-1]
    colours = [_IN if v >= t else "#90a4ae" for v in table["consistency"]]
    ax.barh(y, table["consistency"], color=colours, label="consistency")
    ax.scatter(table["coverage"], y, color="black", zorder=3, s=15, label="coverage")
    ax.axvline(t, color=_OUT, ls="--", lw=1)
    ax.set_yticks(y, table.index)
    ax.set_xlim(0, 1)
    ax.set_xlabel("necessity consistency (bars), coverage (dots)")
    ax.set_title(f"Necessity for {necessity_table.outcome_label} (threshold {t:g})")
    ax.legend(loc="lower right", fontsize=8)
    return ax


def threshold_sweep(sweep: pd.DataFrame, reference: float | None = None, *,
                    terms: bool = True, ax=None):
    """Solution consistency and coverage across consistency cuts, with the terms present.

    ``sweep`` is the table of :func:`qcakit.explore.sweep`. The upper panel (``ax``, returned)
    shows solution consistency and coverage at every cut (gaps where no row reaches the cut);
    dotted lines mark the cuts where the solution changes and a red dashed line the
    ``reference`` cut (the paper's). With ``terms=True`` a panel below (a second Axes in the
    same figure, sharing the x axis) marks which terms of the first model are present at each
    cut.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> table = pd.DataFrame({"cut": [0.8, 0.9], "consistency": [0.95, 1.0],
    ...                       "coverage": [0.8, 0.5], "expression": ["A", "A*B"],
    ...                       "A": [True, False], "A*B": [False, True]})
    >>> ax = threshold_sweep(table, reference=0.8)
    >>> ax.get_title()
    'Solution across consistency cuts (reference 0.8)'
    >>> len(ax.figure.axes)
    2
    """
    needed = ["cut", "consistency", "coverage", "expression"]
    if not isinstance(sweep, pd.DataFrame) or any(c not in sweep.columns for c in needed):
        raise QCAInputError(
            "threshold_sweep() draws the table of qcakit.explore.sweep(data, outcome, "
            f"conditions, cuts) (columns {', '.join(needed)}, then one column per term)."
        )
    if len(sweep) == 0:
        raise QCAInputError("The sweep table is empty: give at least one consistency cut.")
    meta = {"cut", "consistency", "coverage", "expression", "models", "positive_rows"}
    term_cols = [c for c in sweep.columns if c not in meta]
    draw_terms = terms and bool(term_cols)
    if ax is None:
        height = 3.2 + (0.28 * len(term_cols) + 0.6 if draw_terms else 0)
        ax = _axes(None, (7.0, height))
    cut = sweep["cut"].to_numpy(dtype=float)
    order = np.argsort(cut, kind="stable")
    cut = cut[order]
    cons = sweep["consistency"].to_numpy(dtype=float)[order]
    cov = sweep["coverage"].to_numpy(dtype=float)[order]
    expr = sweep["expression"].to_numpy()[order]
    ax.plot(cut, cons, marker="o", ms=3, color="#1565c0", label="solution consistency")
    ax.plot(cut, cov, marker="s", ms=3, color="#ef6c00", label="solution coverage")
    changes = [(cut[i - 1] + cut[i]) / 2 for i in range(1, len(cut)) if expr[i] != expr[i - 1]]
    for x in changes:
        ax.axvline(x, color=_GREY, ls=":", lw=1)
    if reference is not None:
        ax.axvline(float(reference), color=_OUT, ls="--", lw=1.2,
                   label=f"reference cut {float(reference):g}")
    none = np.isnan(cons)
    if none.any():
        ax.scatter(cut[none], np.zeros(none.sum()), marker="x", color=_GREY,
                   label="no row reaches the cut")
    ax.set_ylim(-0.03, 1.05)
    ax.set_ylabel("solution fit")
    ax.legend(loc="lower left", fontsize=8)
    ref = "" if reference is None else f" (reference {float(reference):g})"
    ax.set_title(f"Solution across consistency cuts{ref}")
    if not draw_terms:
        ax.set_xlabel("consistency cut")
        return ax
    from mpl_toolkits.axes_grid1 import make_axes_locatable

    tax = make_axes_locatable(ax).append_axes(
        "bottom", size=f"{max(30, 12 * len(term_cols))}%", pad=0.15, sharex=ax)
    ax.tick_params(labelbottom=False)
    present = sweep[term_cols].to_numpy(dtype=bool)[order]
    step = np.median(np.diff(cut)) if len(cut) > 1 else 0.01
    for j, term in enumerate(term_cols):
        y = len(term_cols) - 1 - j
        xs = cut[present[:, j]]
        tax.scatter(xs, np.full(xs.size, y), marker="s", s=18, color=_IN)
    for x in changes:
        tax.axvline(x, color=_GREY, ls=":", lw=1)
    if reference is not None:
        tax.axvline(float(reference), color=_OUT, ls="--", lw=1.2)
    tax.set_yticks(np.arange(len(term_cols))[::-1], term_cols, fontsize=7)
    tax.set_ylim(-0.7, len(term_cols) - 0.3)
    tax.set_xlim(cut[0] - step / 2, cut[-1] + step / 2)
    tax.set_xlabel("consistency cut (squares: term in the solution)")
    return ax
