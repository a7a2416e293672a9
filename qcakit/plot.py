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
The calibration curve and the threshold sweep are described once in :mod:`qcakit.figures`
(what is drawn, labels, colours); :mod:`qcakit.svg` draws the same descriptions for the explorers.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _checks, fit
from . import _kinds as K
from ._spec import accepts
from .figures import COLOURS, calibration_figure, sweep_figure
from .sets import membership

_IN, _OUT, _GREY = COLOURS["term"], COLOURS["half"], COLOURS["curve"]


@accepts(ax=K.Axes(optional=False))
def unit_square(ax):
    """Frame ``ax`` as an XY plot of memberships: the diagonal, the 0.5 lines, equal axes over [0, 1].

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> [float(v) for v in unit_square(plt.subplots()[1]).get_xlim()]
    [-0.02, 1.02]
    """
    ax.plot([0, 1], [0, 1], color=_GREY, lw=1)
    ax.axhline(0.5, color=_GREY, lw=0.5, ls=":")
    ax.axvline(0.5, color=_GREY, lw=0.5, ls=":")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    return ax


def _axes(ax, size=(5.0, 4.0)):
    if ax is None:
        import matplotlib.pyplot as plt  # only when a new figure is needed

        _, ax = plt.subplots(figsize=size)
    return ax


@accepts(raw=K.RawScores(), thresholds=K.Thresholds("raw"),
         method=K.OneOf("direct", "crisp", "indirect", what="calibration method"),
         idm=K.Cut(0.5, 1.0, optional=True, open_low=True, open_high=True),
         label_cases=K.Switch(), ax=K.Axes(),
         calibrate_options=K.Options(("digits", "nudge_half", "ties", "targets"),
                                     "qcakit.calibrate"))
def calibration_curve(raw: pd.Series, thresholds, method: str = "direct", *, idm=None,
                      label_cases: bool = True, ax=None, **calibrate_options):
    """The calibration function over the range of ``raw``, with the cases as points.

    Anchors are drawn as dotted vertical lines; the 0.5 line marks the crossover. Cases that
    land exactly on 0.5 are drawn as hollow red circles (they will belong to no truth-table row).
    The figure is :func:`qcakit.figures.calibration_figure` (also drawn as SVG by the
    calibration explorer).
    """
    fig = calibration_figure(raw, thresholds, method, idm=idm, **calibrate_options)
    ax = _axes(ax)
    x, y = fig.curve
    if fig.steps:
        ax.step(x, y, where="post", color=COLOURS["curve"])
    else:
        ax.plot(x, y, color=COLOURS["curve"], lw=1.5)
    cases, half = fig.cases, fig.cases["half"].to_numpy()
    ax.scatter(cases["raw"][~half], cases["membership"][~half], color=COLOURS["case"],
               zorder=3)
    if half.any():
        ax.scatter(cases["raw"][half], cases["membership"][half], facecolors="none",
                   edgecolors=COLOURS["half"], s=80, zorder=4, label="exactly 0.5")
        ax.legend(loc="lower right", fontsize=8)
    if label_cases:
        for px, py, text in fig.labels:
            ax.annotate(text, (px, py), fontsize=7, xytext=(3, 3), textcoords="offset points")
    for _, value in fig.anchors:
        ax.axvline(value, color=COLOURS["curve"], ls=":", lw=1)
    ax.axhline(0.5, color=COLOURS["curve"], lw=0.8)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel(fig.xlabel)
    ax.set_ylabel(fig.ylabel)
    ax.set_title(fig.title)
    return ax


@accepts(data=K.Frame(), x=K.Expression("data", "outcome"), outcome=K.Column(),
         negate_outcome=K.Switch(), label_cases=K.Switch(), ax=K.Axes())
def xy_plot(data: pd.DataFrame, x: str, outcome: str, *, negate_outcome: bool = False,
            label_cases: bool = True, ax=None):
    """XY plot of a condition or expression ``x`` against the outcome, with the diagonal.

    Points above the diagonal are consistent with sufficiency (X <= Y), points below with
    necessity (X >= Y). The title gives both readings: sufficiency consistency / coverage and
    necessity consistency / coverage.
    """
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
    unit_square(ax)
    ax.set_xlabel(x)
    ax.set_ylabel(ylabel)
    ax.set_title(
        f"sufficiency: incl {fit.consistency(xs, ys):.3f}, cov {fit.coverage(xs, ys):.3f}\n"
        f"necessity: incl {fit.necessity_consistency(xs, ys):.3f}, "
        f"cov {fit.necessity_coverage(xs, ys):.3f}", fontsize=9,
    )
    return ax


@accepts(necessity_table=K.necessity_result(optional=False), threshold=K.Cut(optional=True),
         ax=K.Axes())
def necessity_bars(necessity_table, threshold: float | None = None, ax=None):
    """Horizontal bars of necessity consistency (and coverage as dots) for every row of a
    :class:`~qcakit.necessity.NecessityTable`, with the threshold line."""
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


@accepts(sweep=K.SweepTable("draws"), reference=K.Cut(optional=True), terms=K.Switch(),
         ax=K.Axes())
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
    fig = sweep_figure(sweep, reference, caller="threshold_sweep()")
    draw_terms = terms and bool(fig.terms)
    if ax is None:
        height = 3.2 + (0.28 * len(fig.terms) + 0.6 if draw_terms else 0)
        ax = _axes(None, (7.0, height))
    _sweep_fit(ax, fig)
    if not draw_terms:
        ax.set_xlabel(fig.xlabel)
        return ax
    from mpl_toolkits.axes_grid1 import make_axes_locatable

    tax = make_axes_locatable(ax).append_axes(
        "bottom", size=f"{max(30, 12 * len(fig.terms))}%", pad=0.15, sharex=ax)
    ax.tick_params(labelbottom=False)
    _sweep_terms(tax, fig)
    return ax


def _sweep_lines(ax, fig) -> None:
    """The dotted lines where the solution changes and the dashed reference line."""
    for x in fig.changes:
        ax.axvline(x, color=COLOURS["curve"], ls=":", lw=1)
    if fig.reference is not None:
        ax.axvline(fig.reference, color=COLOURS["reference"], ls="--", lw=1.2,
                   label=fig.legend[-1][1])


def _sweep_fit(ax, fig) -> None:
    """Upper panel: solution consistency and coverage at every cut."""
    (c_cons, l_cons), (c_cov, l_cov) = fig.legend[:2]
    ax.plot(fig.cut, fig.consistency, marker="o", ms=3, color=c_cons, label=l_cons)
    ax.plot(fig.cut, fig.coverage, marker="s", ms=3, color=c_cov, label=l_cov)
    _sweep_lines(ax, fig)
    if fig.no_solution.size:
        ax.scatter(fig.no_solution, np.zeros(fig.no_solution.size), marker="x",
                   color=COLOURS["curve"], label="no row reaches the cut")
    ax.set_ylim(-0.03, 1.05)
    ax.set_ylabel(fig.ylabel)
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title(fig.title)


def _sweep_terms(tax, fig) -> None:
    """Lower panel: a square at every cut where a term is in the solution (first term on top)."""
    n = len(fig.terms)
    for j in range(n):
        xs = fig.cut[fig.present[:, j]]
        tax.scatter(xs, np.full(xs.size, n - 1 - j), marker="s", s=18, color=COLOURS["term"])
    _sweep_lines(tax, fig)
    tax.set_yticks(np.arange(n)[::-1], fig.terms, fontsize=7)
    tax.set_ylim(-0.7, n - 0.3)
    tax.set_xlim(fig.cut[0] - fig.step / 2, fig.cut[-1] + fig.step / 2)
    tax.set_xlabel(f"{fig.xlabel} (squares: term in the solution)")


@accepts(truth_table=K.TruthTableArg(), ax=K.Axes())
def truth_table_rows(truth_table, ax=None):
    """Every observed row's consistency and PRI, sorted, against the cuts of ``truth_table``.

    One column per row (id underneath), a filled dot for raw consistency and a hollow square
    for PRI, coloured by the row's OUT code (green 1, red 0, orange C, grey ? below the
    frequency cut); dashed lines mark the consistency cut and, if set, the PRI cut. A gap in
    the sorted consistencies is where a cut is easiest to defend.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import qcakit
    >>> tt = qcakit.truth_table(qcakit.datasets.load("lipset_fuzzy"), "SURV",
    ...                         ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
    >>> truth_table_rows(tt).get_title()
    'Truth-table rows for SURV: consistency 0.8, PRI cut none'
    """
    rows = truth_table.table.sort_values(["incl", "PRI"], ascending=False)
    edge = {"1": _IN, "0": _OUT, "C": "#ef6c00", "?": COLOURS["curve"]}
    colours = [edge[o] for o in rows["OUT"]]
    ax = _axes(ax, (max(4.0, 0.45 * len(rows) + 1.5), 3.2))
    x = np.arange(len(rows))
    ax.scatter(x, rows["incl"], color=colours, zorder=3, label="raw consistency")
    ax.scatter(x, rows["PRI"], facecolors="none", edgecolors=colours, marker="s", zorder=3,
               label="PRI")
    ic1, ic0 = truth_table.incl_cut
    ax.axhline(ic1, color=COLOURS["curve"], ls="--", lw=1)
    if ic0 < ic1:
        ax.axhline(ic0, color=COLOURS["curve"], ls=":", lw=1)
    if truth_table.pri_cut is not None:
        ax.axhline(truth_table.pri_cut, color=COLOURS["curve"], ls="-.", lw=1)
    ax.set_xticks(x, [str(r) for r in rows.index], rotation=90, fontsize=8)
    ax.set_xlabel("truth-table row (green: OUT = 1, red: OUT = 0)")
    ax.set_ylabel("score")
    ax.set_ylim(-0.03, 1.05)
    ax.legend(loc="lower left", fontsize=8)
    pri = "none" if truth_table.pri_cut is None else f"{truth_table.pri_cut:g}"
    ax.set_title(f"Truth-table rows for {truth_table.outcome_label}: consistency {ic1:g}, "
                 f"PRI cut {pri}")
    return ax
