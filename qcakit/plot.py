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
from .errors import QCAInputError
from .figures import COLOURS, calibration_figure, sweep_figure
from .fonts import draws
from .i18n import tr, tr_later
from .labels import group_coincident, label_gap, place_labels
from .methods_text import calibration_spec
from .sets import membership

#: Okabe & Ito's palette, readable with every common colour-vision deficiency. Every figure
#: below codes a category by marker shape (or hatching) as well, never by colour alone.
PALETTE = {"blue": "#0072B2", "vermillion": "#D55E00", "green": "#009E73",
           "orange": "#E69F00", "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442",
           "grey": "#999999", "black": "#000000"}
_IN, _OUT, _GREY = PALETTE["blue"], PALETTE["vermillion"], COLOURS["curve"]
#: Marker and colour of a point consistent with sufficiency (X <= Y) and of one that is not.
CONSISTENT = {"marker": "o", "color": _IN, "label": "X <= Y (consistent with sufficiency)"}
INCONSISTENT = {"marker": "X", "color": _OUT, "label": "X > Y (consistent with necessity)"}
#: The legend texts (here and in :data:`OUT_STYLES`) that are words, translated when drawn;
#: symbols such as "X > Y" and "OUT = 1" stay.
WORDS = frozenset((tr_later("X <= Y (consistent with sufficiency)"),
                   tr_later("X > Y (consistent with necessity)"),
                   tr_later("OUT = C (contradiction)"), tr_later("below the frequency cut")))


def _shown(label: str) -> str:
    """A legend text as drawn: the :data:`WORDS` in the current language, symbols as they are."""
    return tr(label) if label in WORDS else label


#: Rings (display pixels) tried around a point by :func:`label_points`, nearest first.
LABEL_RADII = (3, 9, 16, 26, 38, 52)


def _fit_label(text: str, width: int = 34, lines: int = 4) -> str:
    """A long label ("a, b, c, ...", cases sharing a point) wrapped at its commas into at most
    ``lines`` lines of about ``width`` characters, the rest counted.

    >>> _fit_label("Anji county, Deqing county", 40)
    'Anji county, Deqing county'
    >>> print(_fit_label(", ".join(f"case {i}" for i in range(12)), 20, 2))
    case 0, case 1,
    case 2, case 3, … and 8 more
    """
    names = text.split(", ")
    out, line, used = [], "", 0
    for name in names:
        piece = name if not line else f"{line}, {name}"
        if line and len(piece) > width:
            out.append(line + ",")
            line = name
            if len(out) == lines:
                line = ""
                break
        else:
            line = piece
        used += 1
    if line:
        out.append(line)
    rest = len(names) - used
    if rest > 0:
        out[-1] = out[-1].rstrip(",") + f", … and {rest} more"
    return "\n".join(out)


@accepts(ax=K.Axes(optional=False), xs=K.Numbers(), ys=K.Numbers(count_of="xs"),
         skip=K.Mask("xs"), fontsize=K.Number())
@draws
def mark_multiples(ax, xs, ys, *, skip=None, fontsize: float = 7):
    """Write "×n" next to every point that ``n`` > 1 cases share (a single dot hides them);
    ``skip``: a boolean mask of cases whose point is labelled by name anyway. Returns the
    Text artists.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> ax = plt.subplots()[1]
    >>> [t.get_text() for t in mark_multiples(ax, [0.2, 0.2, 0.2, 0.7], [0.5, 0.5, 0.5, 0.1])]
    ['×3']
    """
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    skip = np.zeros(len(xs), dtype=bool) if skip is None else np.asarray(skip, dtype=bool)
    counts: dict = {}
    for x, y, s in zip(xs, ys, skip):
        key = (round(x, 9), round(y, 9))
        n, named = counts.get(key, (0, False))
        counts[key] = (n + 1, named or bool(s))
    return [ax.annotate(f"×{n}", (x, y), xytext=(-4, 3), textcoords="offset points",
                        ha="right", fontsize=fontsize, color=_GREY)
            for (x, y), (n, named) in counts.items() if n > 1 and not named]


@accepts(ax=K.Axes(optional=False), xs=K.Numbers(), ys=K.Numbers(count_of="xs"),
         labels=K.PointLabels("xs"), fontsize=K.Number(), leader=K.Switch())
@draws
def label_points(ax, xs, ys, labels, *, fontsize: float = 7, leader: bool = True):
    """Label points on ``ax`` without overlaps, and return the Text artists.

    Points at the same place share one label ("a, b"). Each label goes to the first free
    position around its point (:func:`qcakit.labels.place_labels`: nearest ring first, upper
    right first), measured on the figure as it is now, inside the Axes; a label pushed beyond
    the first ring gets a thin leader line. Call it after the limits and the layout are set.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> ax = unit_square(plt.subplots()[1])
    >>> [t.get_text() for t in label_points(ax, [0.5, 0.5, 0.2], [0.5, 0.5, 0.3], list("abc"))]
    ['a, b', 'c']
    """
    groups = [(x, y, _fit_label(text)) for x, y, text in group_coincident(xs, ys, labels)]
    if not groups:
        return []
    fig = ax.figure
    ax.apply_aspect()  # equal-aspect Axes shrink at draw time: measure the final box
    renderer = fig.canvas.get_renderer()
    sizes = []
    for _, _, text in groups:  # measure each label once, then draw it where it fits
        probe = ax.text(0, 0, text, fontsize=fontsize)
        box = probe.get_window_extent(renderer)
        sizes.append((box.width, box.height))
        probe.remove()
    points = ax.transData.transform([(x, y) for x, y, _ in groups])
    frame = ax.get_window_extent(renderer)
    offsets = place_labels(points, sizes, (frame.x0, frame.y0, frame.x1, frame.y1),
                           radii=LABEL_RADII)
    scale = 72.0 / fig.dpi  # display pixels -> offset points
    texts = []
    for (x, y, text), (dx, dy), size in zip(groups, offsets, sizes):
        arrow = None
        if leader and label_gap((dx, dy), size) > LABEL_RADII[0] + 0.5:
            arrow = {"arrowstyle": "-", "color": _GREY, "lw": 0.5, "shrinkA": 0, "shrinkB": 1}
        texts.append(ax.annotate(text, (x, y), xytext=(dx * scale, dy * scale),
                                 textcoords="offset points", fontsize=fontsize, ha="left",
                                 va="bottom", arrowprops=arrow, annotation_clip=False))
    return texts


@accepts(ax=K.Axes(optional=False))
@draws
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
@draws
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
                   edgecolors=COLOURS["half"], s=80, zorder=4, label=tr("exactly 0.5"))
        ax.legend(loc="lower right", fontsize=8)
    for _, value in fig.anchors:
        ax.axvline(value, color=COLOURS["curve"], ls=":", lw=1)
    ax.axhline(0.5, color=COLOURS["curve"], lw=0.8)
    ax.set_ylim(-0.05, 1.05)
    ax.set_xlabel(fig.xlabel)
    ax.set_ylabel(fig.ylabel)
    ax.set_title(fig.title)
    if label_cases and fig.labels:
        px, py, texts = zip(*fig.labels)
        label_points(ax, px, py, texts)
    return ax


def _cases_to_label(index, label_cases) -> np.ndarray:
    """Which cases get a label: all (True), none (False) or the cases named in a list."""
    if isinstance(label_cases, (bool, np.bool_)):
        return np.full(len(index), bool(label_cases))
    if isinstance(label_cases, str):
        label_cases = [label_cases]
    wanted = [str(c) for c in label_cases]
    unknown = [c for c in wanted if c not in set(map(str, index))]
    if unknown:
        raise QCAInputError(tr(
            "label_cases names {names}, not a case of the data. Give True, False or a list of "
            "case labels (the data's index).").format(names=", ".join(map(repr, unknown))))
    return np.isin(np.asarray(list(map(str, index))), wanted)


@accepts(data=K.Frame(), x=K.Expression("data", "outcome"), outcome=K.Column(),
         negate_outcome=K.Switch(), label_cases=K.CaseSelection(), ax=K.Axes())
@draws
def xy_plot(data: pd.DataFrame, x: str, outcome: str, *, negate_outcome: bool = False,
            label_cases: bool = True, ax=None):
    """XY plot of a condition or expression ``x`` against the outcome, with the diagonal.

    Points on or above the diagonal are consistent with sufficiency (X <= Y: blue dots),
    points below it are not (X > Y: vermillion crosses; they are consistent with necessity, as
    are the dots on the diagonal). The legend names both readings, so the plot serves a
    necessity test too.
    The title gives both readings: sufficiency consistency / coverage and necessity
    consistency / coverage. ``label_cases``: True (every case), False, or a list of the cases
    to name; labels are placed so that they do not overlap (:func:`label_points`).
    """
    xs = membership(data, x).to_numpy()
    ys = _checks.membership_column(data, outcome)
    ax = _axes(ax, (4.5, 4.5))
    ylabel = outcome
    if negate_outcome:
        ys, ylabel = 1.0 - ys, f"~{outcome}"
    named = _cases_to_label(data.index, label_cases)
    consistent = xs <= ys
    for style, sel in ((CONSISTENT, consistent), (INCONSISTENT, ~consistent)):
        if sel.any():
            ax.scatter(xs[sel], ys[sel], marker=style["marker"], color=style["color"],
                       label=_shown(style["label"]), zorder=3)
    unit_square(ax)
    ax.set_xlabel(x)
    ax.set_ylabel(ylabel)
    ax.set_title(tr("sufficiency: incl {incl}, cov {cov}\nnecessity: incl {n_incl}, cov {n_cov}")
                 .format(incl=f"{fit.consistency(xs, ys):.3f}", cov=f"{fit.coverage(xs, ys):.3f}",
                         n_incl=f"{fit.necessity_consistency(xs, ys):.3f}",
                         n_cov=f"{fit.necessity_coverage(xs, ys):.3f}"), fontsize=9)
    if (~consistent).any():  # one kind of point needs no legend
        ax.legend(loc="upper left", fontsize=7, frameon=False)
    mark_multiples(ax, xs, ys, skip=named)
    if named.any():
        label_points(ax, xs[named], ys[named], data.index[named])
    return ax


@accepts(necessity_table=K.necessity_result(optional=False), threshold=K.Cut(optional=True),
         ax=K.Axes())
@draws
def necessity_bars(necessity_table, threshold: float | None = None, ax=None):
    """Horizontal bars of necessity consistency (and coverage as dots) for every row of a
    :class:`~qcakit.necessity.NecessityTable`, with the threshold line. Bars at or above the
    threshold are blue and hatched, the others light grey."""
    table = necessity_table.table
    t = necessity_table.threshold if threshold is None else threshold
    ax = _axes(ax, (5.5, 0.35 * len(table) + 1.2))
    y = np.arange(len(table))[::-1]
    passes = (table["consistency"] >= t).to_numpy()
    bars = ax.barh(y, table["consistency"], color=np.where(passes, _IN, "#c8c8c8"),
                   edgecolor=np.where(passes, "black", "#888888"), lw=0.5,
                   label=tr("consistency"))
    for bar, hit in zip(bars, passes):  # passing bars hatched: not colour alone
        if hit:
            bar.set_hatch("///")
    ax.scatter(table["coverage"], y, color="black", zorder=3, s=15, label=tr("coverage"))
    ax.axvline(t, color=_OUT, ls="--", lw=1)
    ax.set_yticks(y, table.index)
    ax.set_xlim(0, 1)
    ax.set_xlabel(tr("necessity consistency (bars), coverage (dots)"))
    ax.set_title(tr("Necessity for {outcome} (threshold {threshold})").format(
        outcome=necessity_table.outcome_label, threshold=f"{t:g}"))
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=_IN, edgecolor="black", hatch="///",
                     label=tr("consistency >= {threshold}").format(threshold=f"{t:g}")),
               Patch(facecolor="#c8c8c8", edgecolor="#888888",
                     label=tr("consistency < {threshold}").format(threshold=f"{t:g}")),
               ax.collections[0]]
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    return ax


@accepts(sweep=K.SweepTable("draws"), reference=K.Cut(optional=True), terms=K.Switch(),
         ax=K.Axes())
@draws
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
                   color=COLOURS["curve"], label=tr("no row reaches the cut"))
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
    tax.set_xlabel(tr("{axis} (squares: term in the solution)").format(axis=fig.xlabel))


#: How :func:`truth_table_rows` draws each OUT code: marker shape and colour (never colour alone).
OUT_STYLES = {"1": ("^", PALETTE["blue"], "OUT = 1"), "0": ("v", PALETTE["vermillion"], "OUT = 0"),
              "C": ("D", PALETTE["orange"], "OUT = C (contradiction)"),
              "?": ("s", PALETTE["grey"], "below the frequency cut")}


@accepts(truth_table=K.TruthTableArg(), ax=K.Axes())
@draws
def truth_table_rows(truth_table, ax=None):
    """Every observed row's consistency and PRI, sorted, against the cuts of ``truth_table``.

    One column per row (id underneath, its OUT code above the frame). Raw consistency is a
    filled marker, PRI a hollow one of the same shape; the shape and colour give the row's OUT
    code (blue triangle up: 1, vermillion triangle down: 0, orange diamond: C, grey square: ?
    below the frequency cut), so the figure reads without colour. Dashed lines mark the
    consistency cut and, if set, the PRI cut (dash-dot). A gap in the sorted consistencies is
    where a cut is easiest to defend.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import qcakit
    >>> tt = qcakit.truth_table(qcakit.datasets.load("lipset_fuzzy"), "SURV",
    ...                         ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
    >>> truth_table_rows(tt).get_title()
    'Truth-table rows for SURV: consistency 0.8, PRI cut none'
    """
    rows = truth_table.table.sort_values(["incl", "PRI"], ascending=False)
    ax = _axes(ax, (max(4.0, 0.45 * len(rows) + 1.5), 3.4))
    x = np.arange(len(rows))
    out = rows["OUT"].astype(str).to_numpy()
    incl_drawn = False
    for code, (marker, colour, label) in OUT_STYLES.items():
        sel = out == code
        if not sel.any():
            continue
        ax.scatter(x[sel], rows["incl"].to_numpy()[sel], marker=marker, color=colour,
                   zorder=3, label=tr("consistency") + tr(", ") + _shown(label))
        ax.scatter(x[sel], rows["PRI"].to_numpy()[sel], marker=marker, facecolors="none",
                   edgecolors=colour, zorder=3, label="PRI" + tr(", ") + _shown(label))
        incl_drawn = True
    ic1, ic0 = truth_table.incl_cut
    ax.axhline(ic1, color=COLOURS["curve"], ls="--", lw=1)
    if ic0 < ic1:
        ax.axhline(ic0, color=COLOURS["curve"], ls=":", lw=1)
    if truth_table.pri_cut is not None:
        ax.axhline(truth_table.pri_cut, color=COLOURS["curve"], ls="-.", lw=1)
    ax.set_xticks(x, [str(r) for r in rows.index], rotation=90, fontsize=8)
    for xi, code in zip(x, out):  # the OUT code as text above each column
        ax.text(xi, 1.06, code, ha="center", va="bottom", fontsize=8, clip_on=False)
    ax.text(-0.8, 1.06, "OUT", ha="right", va="bottom", fontsize=8, clip_on=False)
    ax.set_xlim(-0.8, len(rows) - 0.2)
    ax.set_xlabel(tr("truth-table row (filled: raw consistency, hollow: PRI)"))
    ax.set_ylabel(tr("score"))
    ax.set_ylim(-0.03, 1.05)
    if incl_drawn:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    pri = tr("none") if truth_table.pri_cut is None else f"{truth_table.pri_cut:g}"
    ax.set_title(tr("Truth-table rows for {outcome}: consistency {incl_cut}, PRI cut {pri_cut}")
                 .format(outcome=truth_table.outcome_label, incl_cut=f"{ic1:g}", pri_cut=pri),
                 pad=16)
    return ax


@accepts(raw=K.Frame(), calibration=K.Calibration("raw", entries=True), ncols=K.Count(1),
         label_cases=K.Switch())
@draws
def calibration_curves(raw: pd.DataFrame, calibration, *, ncols: int = 4,
                       label_cases: bool = False):
    """One :func:`calibration_curve` per calibrated set, in a grid that grows with the sets.

    ``calibration`` is ``{column: anchors}`` or ``{column: {"thresholds": ..., "method": ...}}``
    (as :func:`qcakit.methods_text.calibration_spec` reads it). The grid has ``ncols`` panels
    to a row and as many rows as the sets need, so no set is left out; unused panels are
    hidden. Returns the Figure.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> raw = pd.DataFrame({f"X{i}": [1, 4, 6, 9] for i in range(9)})
    >>> fig = calibration_curves(raw, {f"X{i}": (2, 5, 8) for i in range(9)})
    >>> sum(ax.get_visible() for ax in fig.axes), len(fig.axes)
    (9, 12)
    """
    import matplotlib.pyplot as plt

    spec = calibration_spec(calibration)
    if not spec:
        raise QCAInputError(tr("calibration_curves() needs at least one calibrated set."))
    _checks.known_columns(_checks.as_frame(raw, "raw"), list(spec), "column")
    ncols = max(1, min(_checks.whole_number(ncols, "ncols", 1), len(spec)))
    nrows = -(-len(spec) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.8 * ncols, 3.2 * nrows), squeeze=False)
    for ax, (column, entry) in zip(axes.flat, spec.items()):
        options = {"idm": entry["idm"]} if entry["method"] == "direct" else {}
        calibration_curve(raw[column], entry["thresholds"], entry["method"], ax=ax,
                          label_cases=label_cases, **options)
        ax.title.set_fontsize(9)
    for ax in list(axes.flat)[len(spec):]:
        ax.set_visible(False)
    fig.tight_layout()
    return fig
