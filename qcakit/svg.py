"""The explorers' renderer: the figures of :mod:`qcakit.figures` drawn as inline SVG strings.

:mod:`qcakit.plot` draws the same descriptions with matplotlib; here they are written by hand so
that an explorer redraws them in a few milliseconds (a matplotlib figure takes tenths of a
second to render). Every text is at least :data:`FONT_PX` pixels high, to stay readable on a
projector. Texts are in the current language (:func:`qcakit.set_language`); the browser draws
them with its own fonts, and labels are placed by :func:`text_width`, which counts a Chinese
character as wide as the font is high.

>>> import pandas as pd
>>> from qcakit.explore import calibration_state
>>> state = calibration_state(pd.Series([1.0, 6.0, 9.0], name="X"), (2, 5, 8))
>>> calibration_svg(state).count("<circle")
3
"""
from __future__ import annotations

import html
import unicodedata
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .figures import (COLOURS, CalibrationFigure, SweepFigure, calibration_figure, number_text,
                      sweep_figure)
from .i18n import tr

if TYPE_CHECKING:
    from .explore import CalibrationState

#: Smallest text size (pixels) in the explorers' figures.
FONT_PX = 14
#: Rough width of one Latin character at FONT_PX, for placing labels.
CHAR_W = 0.6 * FONT_PX


def text_width(text) -> float:
    """Rough width in pixels of ``text`` at :data:`FONT_PX`: a wide (Chinese, Japanese, Korean)
    character is :data:`FONT_PX` wide, any other :data:`CHAR_W`.

    >>> text_width("ab") == 2 * CHAR_W, text_width("校准") == 2 * FONT_PX
    (True, True)
    """
    return sum(FONT_PX if unicodedata.east_asian_width(c) in "WF" else CHAR_W
               for c in str(text))


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About ``n`` round tick values between ``lo`` and ``hi``.

    >>> nice_ticks(0.0, 1.0)
    [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    """
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / n
    mag = 10 ** np.floor(np.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw), default=10 * mag)
    start = np.ceil(lo / step) * step
    return [float(round(v, 10)) + 0.0 for v in np.arange(start, hi + step * 1e-9, step)]


def _svg_open(css_class: str, width: float, height: float) -> str:
    return (f"<svg class='{css_class}' xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' "
            f"height='{height:.0f}' font-family='sans-serif' font-size='{FONT_PX}'>")


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' text-anchor='{anchor}'{extra}>"
            f"{html.escape(str(text))}</text>")


def _ylabel(x: float, y: float, text: str) -> str:
    return _text(x, y, text, "middle", f" transform='rotate(-90 {x:.1f} {y:.1f})'")


def _polyline(points: str, colour: str, width: float = 1.5) -> str:
    return (f"<polyline points='{points}' fill='none' stroke='{colour}' "
            f"stroke-width='{width}'/>")


def _vline(x: float, y0: float, y1: float, colour: str, dash: str, css: str = "",
           width: float = 1.0) -> str:
    cls = f"class='{css}' " if css else ""
    return (f"<line {cls}x1='{x:.1f}' x2='{x:.1f}' y1='{y0:.1f}' y2='{y1:.1f}' "
            f"stroke='{colour}' stroke-width='{width}' stroke-dasharray='{dash}'/>")


# --------------------------------------------------------------------------- calibration curve


class _Frame:
    """Plot area of a figure and its linear scales."""

    def __init__(self, left, top, width, height, xlim, ylim):
        self.left, self.top, self.width, self.height = left, top, width, height
        self.xlim, self.ylim = xlim, ylim

    def sx(self, x):
        lo, hi = self.xlim
        return self.left + (x - lo) / (hi - lo) * self.width

    def sy(self, y):
        lo, hi = self.ylim
        return self.top + (1.0 - (y - lo) / (hi - lo)) * self.height

    @property
    def bottom(self):
        return self.top + self.height

    def box(self) -> str:
        return (f"<rect x='{self.left}' y='{self.top}' width='{self.width}' "
                f"height='{self.height}' fill='white' stroke='#999'/>")


def calibration_svg(state: CalibrationState, width: int = 560, height: int = 380) -> str:
    """The calibration curve with the cases as points, as an inline SVG string.

    :func:`qcakit.figures.calibration_figure` of the state (the picture of
    :func:`qcakit.plot.calibration_curve`), drawn by hand so that the calibration explorer
    redraws it in about a millisecond. Cases scoring exactly 0.5 (before any nudge) are hollow
    red circles; cases at the same point share one label.
    """
    opts = state.options
    fig = calibration_figure(state.raw, state.anchors, opts.get("method", "direct"),
                             scores=state.scores, half=state.half_cases, idm=opts.get("idm"),
                             raw_name=opts.get("raw_name"))
    top = 3 * (FONT_PX + 2) + 12
    frame = _Frame(58, top, width - 58 - 14, height - top - 2 * FONT_PX - 14, fig.xlim,
                   (-0.05, 1.05))
    out = [_svg_open("qcakit-calibration-svg", width, height), frame.box()]
    out += _calibration_axes(frame, fig, height)
    path = " ".join(f"{frame.sx(x):.1f},{frame.sy(y):.1f}" for x, y in zip(*fig.curve))
    out.append(_polyline(path, COLOURS["curve"]))
    out += _calibration_cases(frame, fig)
    out.append("</svg>")
    return "".join(out)


def _calibration_axes(frame: _Frame, fig: CalibrationFigure, height: float) -> list[str]:
    """Ticks, the 0.5 line, the anchors (dotted, named with their value) and axis labels."""
    out = []
    for t in nice_ticks(*fig.xlim):
        out.append(f"<line x1='{frame.sx(t):.1f}' x2='{frame.sx(t):.1f}' y1='{frame.bottom}' "
                   f"y2='{frame.bottom + 4}' stroke='#555'/>"
                   + _text(frame.sx(t), frame.bottom + FONT_PX + 3, f"{t:g}", "middle"))
    for t in (0.0, 0.5, 1.0):
        out.append(_text(frame.left - 6, frame.sy(t) + FONT_PX / 3, f"{t:g}", "end"))
    out.append(f"<line x1='{frame.left}' x2='{frame.left + frame.width}' "
               f"y1='{frame.sy(0.5):.1f}' y2='{frame.sy(0.5):.1f}' stroke='#999' "
               "stroke-width='0.8'/>")
    for level, (name, a) in enumerate(fig.anchors):
        y = frame.top - 8 - (len(fig.anchors) - 1 - level) * (FONT_PX + 2)
        out.append(_vline(frame.sx(a), y + 2, frame.bottom, COLOURS["curve"], "2,3")
                   + _text(frame.sx(a) + 3, y, f"{name} {number_text(a)}", extra=" fill='#555'"))
    out.append(_text(frame.left + frame.width / 2, height - 6, fig.xlabel, "middle"))
    out.append(_ylabel(FONT_PX + 2, frame.top + frame.height / 2, fig.ylabel))
    return out


def _calibration_cases(frame: _Frame, fig: CalibrationFigure) -> list[str]:
    """The cases as points (hollow red at exactly 0.5) and their labels, kept from overlapping."""
    out = []
    exactly_half = tr("{name}: exactly 0.5")
    for case, x, y, half in fig.cases.itertuples():
        cx, cy, name = frame.sx(x), frame.sy(y), html.escape(str(case))
        if half:
            tip = html.escape(exactly_half.format(name=case))
            out.append(f"<circle cx='{cx:.1f}' cy='{cy:.1f}' r='6' fill='none' "
                       f"stroke='{COLOURS['half']}' stroke-width='2'><title>{tip}"
                       "</title></circle>")
        else:
            out.append(f"<circle cx='{cx:.1f}' cy='{cy:.1f}' r='4' fill='{COLOURS['case']}'>"
                       f"<title>{name}: {x:g} -> {y:.3f}</title></circle>")
    placed: list = []  # label boxes (x0, x1, y)
    for x, y, text in sorted(fig.labels, key=lambda lab: (-lab[1], lab[0])):
        w = text_width(text)
        right_side = frame.sx(x) > frame.left + 0.6 * frame.width
        x0 = frame.sx(x) - 6 - w if right_side else frame.sx(x) + 6
        ty = frame.sy(y) - 5
        for _ in range(12):
            if not any(x0 < b1 and b0 < x0 + w and abs(ty - by) < FONT_PX
                       for b0, b1, by in placed):
                break
            ty += FONT_PX
        placed.append((x0, x0 + w, ty))
        out.append(_text(x0, ty, text, extra=" fill='#333'"))
    return out


# --------------------------------------------------------------------------- threshold sweep


def sweep_svg(table: pd.DataFrame, reference: float | None = None, width: int = 720) -> str:
    """A :func:`qcakit.explore.sweep` table drawn as an inline SVG string.

    :func:`qcakit.figures.sweep_figure` of the table (the picture of
    :func:`qcakit.plot.threshold_sweep`: solution consistency and coverage across the cuts,
    dotted lines where the solution changes, a red dashed line at the ``reference`` cut, and
    below it one line per term with a square at every cut where the term is in the solution),
    drawn by hand so that the robustness sweep redraws it in a few milliseconds.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"cut": [0.8, 0.9], "consistency": [0.95, 1.0],
    ...                       "coverage": [0.8, 0.5], "expression": ["A", "A*B"],
    ...                       "A": [True, False], "A*B": [False, True]})
    >>> svg = sweep_svg(table, reference=0.8)
    >>> svg.startswith("<svg") and svg.count("<rect class='term'") == 2
    True
    """
    fig = sweep_figure(table, reference, caller="sweep_svg()")
    label_w = max([text_width(term) for term in fig.terms] + [30]) + 12
    left, top, fit_h, row_h, gap = max(48, int(label_w)), 2 * FONT_PX + 26, 190, FONT_PX + 6, 36
    width = max(width, left + 14 + 400)
    terms_h = (gap + row_h * len(fig.terms)) if fig.terms else 0
    height = top + fit_h + terms_h + 2 * FONT_PX + 14
    frame = _Frame(left, top, width - left - 14, fit_h,
                   (fig.cut[0] - fig.step / 2, fig.cut[-1] + fig.step / 2), (-0.03, 1.05))
    bottom = top + fit_h + terms_h
    out = [_svg_open("qcakit-sweep-svg", width, height),
           _text(left + frame.width / 2, FONT_PX + 2, fig.title, "middle",
                 f" font-size='{FONT_PX + 2}'"),
           frame.box()]
    out += _sweep_fit(frame, fig)
    out += _sweep_marks(frame, fig, bottom)
    out += _sweep_legend(frame, fig)
    if fig.terms:
        out += _sweep_terms(frame, fig, top + fit_h + gap, row_h)
    for x in nice_ticks(fig.cut[0], fig.cut[-1], 6):
        out.append(f"<line x1='{frame.sx(x):.1f}' x2='{frame.sx(x):.1f}' y1='{bottom}' "
                   f"y2='{bottom + 4}' stroke='#555'/>"
                   + _text(frame.sx(x), bottom + FONT_PX + 3, f"{x:.2f}", "middle"))
    out.append(_text(left + frame.width / 2, height - 6, fig.xlabel, "middle"))
    out.append("</svg>")
    return "".join(out)


def _sweep_fit(frame: _Frame, fig: SweepFigure) -> list[str]:
    """Grid, and solution consistency and coverage as points joined where a solution exists."""
    out = []
    for v in (0.0, 0.25, 0.5, 0.75, 1.0):
        out.append(f"<line x1='{frame.left}' x2='{frame.left + frame.width}' "
                   f"y1='{frame.sy(v):.1f}' y2='{frame.sy(v):.1f}' stroke='#eee'/>"
                   + _text(frame.left - 5, frame.sy(v) + FONT_PX / 3, f"{v:g}", "end"))
    tips = {"consistency": tr("cut {cut}: solution consistency {value}"),
            "coverage": tr("cut {cut}: solution coverage {value}")}
    for values, (colour, _), name in ((fig.consistency, fig.legend[0], "consistency"),
                                      (fig.coverage, fig.legend[1], "coverage")):
        segment: list = []
        for x, y in list(zip(fig.cut, values)) + [(np.nan, np.nan)]:
            if np.isnan(y):  # gaps where no row reaches the cut
                if len(segment) > 1:
                    out.append(_polyline(" ".join(segment), colour))
                segment = []
                continue
            segment.append(f"{frame.sx(x):.1f},{frame.sy(y):.1f}")
            out.append(f"<circle class='{name}' cx='{frame.sx(x):.1f}' cy='{frame.sy(y):.1f}' "
                       f"r='3' fill='{colour}'><title>"
                       f"{html.escape(tips[name].format(cut=f'{x:.2f}', value=f'{y:.3f}'))}"
                       "</title></circle>")
    no_row = html.escape(tr("no row reaches this cut"))
    for x in fig.no_solution:
        out.append(f"<text x='{frame.sx(x):.1f}' y='{frame.sy(0) + 4:.1f}' "
                   f"text-anchor='middle' fill='#777'>×<title>{no_row}</title></text>")
    return out


def _sweep_marks(frame: _Frame, fig: SweepFigure, bottom: float) -> list[str]:
    """Dotted lines where the solution changes and the dashed reference line, both panels."""
    out = [_vline(frame.sx(x), frame.top, bottom, COLOURS["curve"], "2,3") for x in fig.changes]
    if fig.reference is not None:
        out.append(_vline(frame.sx(fig.reference), frame.top, bottom, COLOURS["reference"],
                          "6,3", "reference", 1.2))
    return out


def _sweep_legend(frame: _Frame, fig: SweepFigure) -> list[str]:
    out, lx, y = [], frame.left, frame.top - 10
    for colour, text in fig.legend:
        out.append(f"<rect x='{lx:.1f}' y='{y - 5}' width='12' height='3' fill='{colour}'/>"
                   + _text(lx + 16, y, text))
        lx += 30 + text_width(text)
    return out


def _sweep_terms(frame: _Frame, fig: SweepFigure, y0: float, row_h: float) -> list[str]:
    """One line per term with a square at every cut where it is in the solution."""
    out = [_text(frame.left, y0 - 8, fig.terms_label, extra=" fill='#555'")]
    half = max(2.0, min(6.0, frame.width / len(fig.cut) / 2 - 0.5))
    at_cut = tr("{term} at cut {cut}")
    for j, term in enumerate(fig.terms):
        yc = y0 + j * row_h + row_h / 2
        out.append(f"<line x1='{frame.left}' x2='{frame.left + frame.width}' y1='{yc:.1f}' "
                   f"y2='{yc:.1f}' stroke='#eee'/>"
                   + _text(frame.left - 5, yc + FONT_PX / 3, term, "end"))
        for x in fig.cut[fig.present[:, j]]:
            out.append(f"<rect class='term' x='{frame.sx(x) - half:.1f}' y='{yc - 6:.1f}' "
                       f"width='{2 * half:.1f}' height='12' fill='{COLOURS['term']}'><title>"
                       f"{html.escape(at_cut.format(term=term, cut=f'{x:.2f}'))}</title></rect>")
    return out
