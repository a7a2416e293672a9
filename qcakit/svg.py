"""Hand-drawn SVG figures for the explorers: the calibration curve and the threshold sweep.

The same pictures as :func:`qcakit.plot.calibration_curve` and
:func:`qcakit.plot.threshold_sweep`, written as inline SVG strings so that an explorer redraws
them in about a millisecond (a matplotlib figure takes tenths of a second to render).
"""
from __future__ import annotations

import html
import warnings
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .calibrate import calibrate
from .errors import QCAInputError, QCAWarning

if TYPE_CHECKING:
    from .explore import CalibrationState


def _nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / n
    mag = 10 ** np.floor(np.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    start = np.ceil(lo / step) * step
    return [float(round(v, 10)) + 0.0 for v in np.arange(start, hi + step * 1e-9, step)]


def calibration_svg(state: CalibrationState, width: int = 480, height: int = 300) -> str:
    """The calibration curve with the cases as points, as an inline SVG string.

    The same picture as :func:`qcakit.plot.calibration_curve`, drawn by hand so that the
    calibration explorer redraws it in about a millisecond (a matplotlib figure takes a few
    hundred). Cases scoring exactly 0.5 are hollow red circles; cases with the same raw score
    share one label.
    """
    left, right, top, bottom = 44, 12, 40, 36
    pw, ph = width - left - right, height - top - bottom
    raw = state.raw.to_numpy(dtype=float)
    anchors = np.asarray(state.anchors, dtype=float)
    lo = min(raw.min(), anchors.min())
    hi = max(raw.max(), anchors.max())
    pad = (hi - lo) * 0.08 or 1.0
    lo, hi = lo - pad, hi + pad

    def sx(x):
        return left + (x - lo) / (hi - lo) * pw

    def sy(y):
        return top + (1.0 - (y + 0.05) / 1.1) * ph

    grid = pd.Series(np.linspace(lo, hi, 240), name=state.name)
    opts = state.options
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        curve = calibrate(grid, tuple(anchors), opts.get("method", "direct"),
                          idm=opts.get("idm"))
    path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in zip(grid, curve))
    out = [f"<svg class='qcakit-calibration-svg' xmlns='http://www.w3.org/2000/svg' "
           f"width='{width}' height='{height}' font-family='sans-serif' font-size='10'>",
           f"<rect x='{left}' y='{top}' width='{pw}' height='{ph}' fill='white' "
           "stroke='#999'/>"]
    for t in _nice_ticks(lo, hi):
        out.append(f"<line x1='{sx(t):.1f}' x2='{sx(t):.1f}' y1='{top + ph}' "
                   f"y2='{top + ph + 4}' stroke='#555'/>"
                   f"<text x='{sx(t):.1f}' y='{top + ph + 15}' text-anchor='middle'>{t:g}</text>")
    for t in (0.0, 0.5, 1.0):
        out.append(f"<text x='{left - 6}' y='{sy(t) + 3:.1f}' text-anchor='end'>{t:g}</text>")
    out.append(f"<line x1='{left}' x2='{left + pw}' y1='{sy(0.5):.1f}' y2='{sy(0.5):.1f}' "
               "stroke='#999' stroke-width='0.8'/>")
    for level, (name, a) in enumerate(zip(("exclusion", "crossover", "inclusion"), anchors)):
        out.append(f"<line x1='{sx(a):.1f}' x2='{sx(a):.1f}' y1='{top - 26 + 11 * level}' "
                   f"y2='{top + ph}' stroke='#777' stroke-dasharray='2,3'/>"
                   f"<text x='{sx(a) + 3:.1f}' y='{top - 28 + 11 * level}' fill='#555'>"
                   f"{name} {a:g}</text>")
    out.append(f"<polyline points='{path}' fill='none' stroke='#777' stroke-width='1.5'/>")
    half = set(state.half_cases)
    labels: dict = {}
    for case, x, y in zip(state.raw.index, raw, state.scores.to_numpy(dtype=float)):
        if str(case) in half:
            out.append(f"<circle cx='{sx(x):.1f}' cy='{sy(y):.1f}' r='6' fill='none' "
                       "stroke='#c62828' stroke-width='2'><title>"
                       f"{html.escape(str(case))}: exactly 0.5</title></circle>")
        else:
            out.append(f"<circle cx='{sx(x):.1f}' cy='{sy(y):.1f}' r='3.5' fill='#1565c0'>"
                       f"<title>{html.escape(str(case))}: {x:g} -> {y:.3f}</title></circle>")
        labels.setdefault((round(x, 12), round(y, 12)), []).append(str(case))
    placed: list = []  # label boxes (x0, x1, y), to keep labels from overlapping
    for (x, y), cases in sorted(labels.items(), key=lambda kv: (-kv[0][1], kv[0][0])):
        text = ", ".join(cases)
        w = 4.4 * len(text)
        right_side = sx(x) > left + 0.6 * pw
        x0 = sx(x) - 5 - w if right_side else sx(x) + 5
        ty = sy(y) - 4
        for _ in range(12):
            if not any(x0 < b1 and b0 < x0 + w and abs(ty - by) < 9 for b0, b1, by in placed):
                break
            ty += 9
        placed.append((x0, x0 + w, ty))
        out.append(f"<text x='{x0:.1f}' y='{ty:.1f}' font-size='8' fill='#333'>"
                   f"{html.escape(text)}</text>")
    out.append(f"<text x='{left + pw / 2}' y='{height - 4}' text-anchor='middle'>"
               f"{html.escape(state.name)} (raw)</text>")
    out.append(f"<text x='12' y='{top + ph / 2}' text-anchor='middle' "
               f"transform='rotate(-90 12 {top + ph / 2})'>membership</text>")
    out.append("</svg>")
    return "".join(out)


#: Columns of a :func:`qcakit.explore.sweep` table that are not solution terms.
_SWEEP_META = {"cut", "consistency", "coverage", "expression", "models", "positive_rows"}


def sweep_svg(table: pd.DataFrame, reference: float | None = None, width: int = 640) -> str:
    """A :func:`sweep` table drawn as an inline SVG string.

    The same picture as :func:`qcakit.plot.threshold_sweep` (solution consistency and coverage
    across the cuts, dotted lines where the solution changes, a red dashed line at the
    ``reference`` cut, and below it one line per term with a square at every cut where the
    term is in the solution), drawn by hand so that the robustness sweep redraws it in a few
    milliseconds (a matplotlib figure takes several hundred).

    >>> import pandas as pd
    >>> table = pd.DataFrame({"cut": [0.8, 0.9], "consistency": [0.95, 1.0],
    ...                       "coverage": [0.8, 0.5], "expression": ["A", "A*B"],
    ...                       "A": [True, False], "A*B": [False, True]})
    >>> svg = sweep_svg(table, reference=0.8)
    >>> svg.startswith("<svg") and svg.count("<rect class='term'") == 2
    True
    """
    needed = ["cut", "consistency", "coverage", "expression"]
    if not isinstance(table, pd.DataFrame) or any(c not in table.columns for c in needed):
        raise QCAInputError("sweep_svg() draws the table of qcakit.explore.sweep().")
    if len(table) == 0:
        raise QCAInputError("The sweep table is empty: give at least one consistency cut.")
    t = table.sort_values("cut", kind="stable")
    terms = [c for c in t.columns if c not in _SWEEP_META]
    cut = t["cut"].to_numpy(dtype=float)
    cons = t["consistency"].to_numpy(dtype=float)
    cov = t["coverage"].to_numpy(dtype=float)
    expr = t["expression"].tolist()
    label_w = max([6.0 * len(str(term)) for term in terms] + [30]) + 12
    left, right, top = max(40, int(label_w)), 14, 46
    width = max(width, left + right + 360)
    fit_h, row_h, gap = 170, 16, 26
    terms_h = row_h * len(terms)
    height = top + fit_h + (gap + terms_h if terms else 0) + 34
    pw = width - left - right
    step = float(np.median(np.diff(cut))) if len(cut) > 1 else 0.01
    lo, hi = cut[0] - step / 2, cut[-1] + step / 2

    def sx(x):
        return left + (x - lo) / (hi - lo) * pw

    def sy(y):
        return top + (1.0 - (y + 0.03) / 1.08) * fit_h

    esc = html.escape
    out = [f"<svg class='qcakit-sweep-svg' xmlns='http://www.w3.org/2000/svg' width='{width}' "
           f"height='{height}' font-family='sans-serif' font-size='10'>",
           f"<text x='{left + pw / 2:.1f}' y='14' text-anchor='middle' font-size='12'>"
           f"Solution across consistency cuts"
           f"{'' if reference is None else f' (reference {reference:g})'}</text>",
           f"<rect x='{left}' y='{top}' width='{pw}' height='{fit_h}' fill='white' "
           "stroke='#999'/>"]
    for v in (0.0, 0.25, 0.5, 0.75, 1.0):
        out.append(f"<line x1='{left}' x2='{left + pw}' y1='{sy(v):.1f}' y2='{sy(v):.1f}' "
                   f"stroke='#eee'/><text x='{left - 5}' y='{sy(v) + 3:.1f}' "
                   f"text-anchor='end'>{v:g}</text>")
    bottom = top + fit_h + (gap + terms_h if terms else 0)
    changes = [(cut[i - 1] + cut[i]) / 2 for i in range(1, len(cut)) if expr[i] != expr[i - 1]]
    for x in changes:
        out.append(f"<line x1='{sx(x):.1f}' x2='{sx(x):.1f}' y1='{top}' y2='{bottom}' "
                   "stroke='#777' stroke-dasharray='2,3'/>")
    for values, colour, name in ((cons, "#1565c0", "consistency"),
                                 (cov, "#ef6c00", "coverage")):
        segment: list = []
        for x, y in list(zip(cut, values)) + [(np.nan, np.nan)]:
            if np.isnan(y):  # gaps where no row reaches the cut
                if len(segment) > 1:
                    out.append(f"<polyline points='{' '.join(segment)}' fill='none' "
                               f"stroke='{colour}' stroke-width='1.5'/>")
                segment = []
                continue
            segment.append(f"{sx(x):.1f},{sy(y):.1f}")
            out.append(f"<circle class='{name}' cx='{sx(x):.1f}' cy='{sy(y):.1f}' r='2.5' "
                       f"fill='{colour}'><title>cut {x:.2f}: solution {name} {y:.3f}"
                       "</title></circle>")
    for x in cut[np.isnan(cons)]:
        out.append(f"<text x='{sx(x):.1f}' y='{sy(0) + 3:.1f}' text-anchor='middle' "
                   "fill='#777'>×<title>no row reaches this cut</title></text>")
    if reference is not None:
        out.append(f"<line class='reference' x1='{sx(reference):.1f}' "
                   f"x2='{sx(reference):.1f}' y1='{top}' y2='{bottom}' stroke='#c62828' "
                   "stroke-width='1.2' stroke-dasharray='6,3'/>")
    legend = [("#1565c0", "solution consistency"), ("#ef6c00", "solution coverage")]
    if reference is not None:
        legend.append(("#c62828", f"reference cut {reference:g}"))
    lx = left
    for colour, text in legend:
        out.append(f"<rect x='{lx}' y='{top - 12}' width='10' height='3' fill='{colour}'/>"
                   f"<text x='{lx + 14}' y='{top - 7}'>{esc(text)}</text>")
        lx += 24 + 5.5 * len(text)
    if terms:
        y0 = top + fit_h + gap
        out.append(f"<text x='{left}' y='{y0 - 6}' fill='#555'>terms of the solution "
                   "(square: present at that cut)</text>")
        present = t[terms].to_numpy(dtype=bool)
        half = max(2.0, min(5.0, pw / len(cut) / 2 - 0.5))
        for j, term in enumerate(terms):
            yc = y0 + j * row_h + row_h / 2
            out.append(f"<line x1='{left}' x2='{left + pw}' y1='{yc:.1f}' y2='{yc:.1f}' "
                       f"stroke='#eee'/><text x='{left - 5}' y='{yc + 3:.1f}' "
                       f"text-anchor='end' font-size='9'>{esc(str(term))}</text>")
            for x in cut[present[:, j]]:
                out.append(f"<rect class='term' x='{sx(x) - half:.1f}' y='{yc - 5:.1f}' "
                           f"width='{2 * half:.1f}' height='10' fill='#2e7d32'><title>"
                           f"{esc(str(term))} at cut {x:.2f}</title></rect>")
    for x in _nice_ticks(cut[0], cut[-1], 6):
        out.append(f"<line x1='{sx(x):.1f}' x2='{sx(x):.1f}' y1='{bottom}' y2='{bottom + 4}' "
                   f"stroke='#555'/><text x='{sx(x):.1f}' y='{bottom + 15}' "
                   f"text-anchor='middle'>{x:.2f}</text>")
    out.append(f"<text x='{left + pw / 2:.1f}' y='{height - 4}' text-anchor='middle'>"
               "consistency cut</text>")
    out.append("</svg>")
    return "".join(out)
