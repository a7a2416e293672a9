"""Interactive explorers for Jupyter: move a cut or an anchor and see what changes.

Each explorer is one call in a notebook and returns an :class:`Explorer`:

- :func:`threshold_explorer`: sliders for the consistency, PRI and frequency cuts and the
  solution type; the truth table (rows coloured by OUT), the solution with its parameters, the
  configuration chart and a report of what changed against the reference (the paper's)
  settings update live;
- :func:`calibration_explorer`: the three anchors of one raw variable (or a percentile
  definition); the calibration curve with the cases, the memberships, a visible warning for
  scores of exactly 0.5 and the downstream necessity table update live;
- :func:`robustness_sweep`: solution consistency, coverage and terms across a range of
  consistency cuts, with the reference cut marked.

The widgets only wire controls to the pure functions of :mod:`qcakit.explore` and
:mod:`qcakit.plot`; everything they show can be computed without a browser.
``explorer.set(incl_cut=0.85)`` changes controls from code (tests, notebooks) exactly as a
slider move does.

Displayed in JupyterLab an explorer is a live widget. Front ends without a widget manager
(nbconvert, nbval, GitHub's notebook viewer) fall back to a static HTML rendering of the
state at display time: the display bundle carries both.

This module imports ipywidgets; ``import qcakit`` does not import it.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> ex = threshold_explorer(data, "Y", ["A", "B"], solution="complex")
>>> ex.state.expression
'A'
>>> ex.set(incl_cut=0.95).state.expression
'A*B'
>>> ex.report.vanished
['A']
"""
from __future__ import annotations

import base64
import html
import time
from collections.abc import Mapping

import ipywidgets as W
import numpy as np
import pandas as pd

from . import _checks, explore, svg
from .calibrate import percentile_anchors
from .errors import QCAInputError
from .minimize import SOLUTION_TYPES

_SLIDER_STYLE = {"description_width": "150px"}
_WIDE = W.Layout(width="420px")


class Explorer:
    """A live explorer: ``widget`` (the ipywidgets box), ``controls`` (name -> control),
    ``outputs`` (name -> HTML / Image widget), ``state`` (the latest result of the pure
    function behind it), ``error`` (message when the controls hold invalid input) and
    ``last_update_ms`` (computation time of the latest update)."""

    def __init__(self, kind: str, controls: dict, outputs: dict, compute, layout):
        self.kind = kind
        self.controls = controls
        self.outputs = outputs
        self._compute = compute
        self.state = None
        self.report = None
        self.error: str | None = None
        self.last_update_ms: float | None = None
        self.updates = 0
        self.buttons: dict = {}
        self._hold = False
        self.widget = layout
        for control in controls.values():
            if hasattr(control, "value"):
                control.observe(self._on_change, names="value")
        self.update()

    # -- wiring
    def _on_change(self, _change=None):
        if not self._hold:
            self.update()

    def values(self) -> dict:
        """Current values of the controls."""
        return {name: c.value for name, c in self.controls.items() if hasattr(c, "value")}

    def update(self):
        """Recompute from the current control values and redraw the outputs; returns the state."""
        start = time.perf_counter()
        self._compute(self, self.values())
        self.last_update_ms = (time.perf_counter() - start) * 1000
        self.updates += 1
        return self.state

    def set(self, **values):
        """Set controls by name (as a learner would) and update once; returns ``self``."""
        unknown = [k for k in values if k not in self.controls]
        if unknown:
            raise QCAInputError(
                f"Unknown control(s) {', '.join(map(repr, unknown))}; this explorer has "
                f"{', '.join(self.values())}."
            )
        self._hold = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._hold = False
        self.update()
        return self

    # -- display
    def static_html(self) -> str:
        """The outputs as plain HTML (images inlined): what a front end without widgets shows."""
        parts = [f"<div class='qcakit-explorer qcakit-static'><p><i>{html.escape(self.kind)}: "
                 "static view of the current state (run the notebook in JupyterLab to move the "
                 f"controls). Settings: {html.escape(self._settings_line())}</i></p>"]
        for out in self.outputs.values():
            if isinstance(out, W.Image):
                if out.value:
                    data = base64.b64encode(out.value).decode("ascii")
                    parts.append(f"<img src='data:image/png;base64,{data}'/>")
            elif isinstance(out, W.HTML):
                parts.append(out.value)
        parts.append("</div>")
        return "\n".join(parts)

    def _settings_line(self) -> str:
        return ", ".join(f"{k} = {_fmt(v)}" for k, v in self.values().items())

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude))
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = f"<{self.kind}: {self._settings_line()}>"
        return bundle

    def __repr__(self):
        return f"<{self.kind}: {self._settings_line()}>"


def _fmt(v):
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, tuple):
        return "(" + ", ".join(_fmt(x) for x in v) + ")"
    return str(v)


def _html(css_class: str) -> W.HTML:
    return W.HTML(value="", layout=W.Layout(overflow="auto", margin="0 16px 0 0"),
                  _dom_classes=[css_class])


def _error_html(message: str) -> str:
    return ("<div class='qcakit-error' style='background:#fdecea;border-left:4px solid #c62828;"
            f"padding:4px 8px'>{html.escape(message)}</div>")


# --------------------------------------------------------------------------- threshold explorer


def threshold_explorer(
    data: pd.DataFrame,
    outcome: str,
    conditions=None,
    incl_cut: float = 0.8,
    pri_cut: float | None = None,
    n_cut: int = 1,
    solution: str = "intermediate",
    directional=None,
    reference: Mapping | None = None,
    *,
    reference_label: str = "reference",
    prefetch: bool = True,
    cache: dict | None = None,
) -> Explorer:
    """Sliders for the consistency, PRI and frequency cuts and the solution type.

    The truth table (rows coloured by OUT; rows whose OUT differs from the reference marked),
    the solution with its parameters, the configuration chart and a change report (rows that
    switched, terms that appeared or vanished, solution fit) update on every change.

    ``reference``: the settings to compare against, as a dict with any of ``incl_cut``,
    ``pri_cut``, ``n_cut``, ``solution`` (default: the initial settings). Pass the paper's
    settings with ``reference_label="paper"``. ``directional`` (intermediate solution) is
    fixed for the session. A PRI cut of 0 on the slider means "no PRI cut".

    ``prefetch``: compute every step of the consistency slider (at the initial PRI cut,
    frequency cut and solution type) before the explorer is shown, so that moving that slider
    only looks results up (a few hundred milliseconds once, then every move is instant; other
    settings are computed, and kept, when first visited). ``cache``: a dict shared with other
    explorers *of the same data and outcome* (e.g. :func:`robustness_sweep`), default a new one.
    """
    data = _checks.as_frame(data)
    cache = {} if cache is None else cache
    probe = explore.analyse(data, outcome, conditions, incl_cut, pri_cut, n_cut, solution,
                            directional, cache=cache)
    conditions = list(probe.truth_table.conditions)
    ref_settings = {"incl_cut": incl_cut, "pri_cut": pri_cut, "n_cut": n_cut,
                    "solution": solution}
    if reference is not None:
        unknown = set(reference) - set(ref_settings)
        if unknown:
            raise QCAInputError(
                f"reference takes incl_cut, pri_cut, n_cut and solution, got "
                f"{', '.join(sorted(unknown))}."
            )
        ref_settings.update(reference)
    ref = explore.analyse(data, outcome, conditions, ref_settings["incl_cut"],
                          ref_settings["pri_cut"], ref_settings["n_cut"],
                          ref_settings["solution"], directional, cache=cache)
    max_n = int(probe.truth_table.table["n"].max()) + 1
    controls = {
        "incl_cut": W.FloatSlider(value=incl_cut, min=0.5, max=1.0, step=0.01,
                                  description="consistency cut", continuous_update=False,
                                  readout_format=".2f", style=_SLIDER_STYLE, layout=_WIDE),
        "pri_cut": W.FloatSlider(value=pri_cut or 0.0, min=0.0, max=1.0, step=0.01,
                                 description="PRI cut (0 = none)", continuous_update=False,
                                 readout_format=".2f", style=_SLIDER_STYLE, layout=_WIDE),
        "n_cut": W.IntSlider(value=n_cut, min=1, max=max(max_n, n_cut), step=1,
                             description="frequency cut", continuous_update=False,
                             style=_SLIDER_STYLE, layout=_WIDE),
        "solution": W.Dropdown(options=list(SOLUTION_TYPES), value=solution,
                               description="solution", style=_SLIDER_STYLE, layout=_WIDE),
    }
    reset = W.Button(description=f"back to the {reference_label} settings",
                     layout=W.Layout(width="260px"))
    outputs = {
        "changes": _html("qcakit-changes-out"),
        "truth_table": _html("qcakit-tt-out"),
        "solution": _html("qcakit-solution-out"),
    }
    labels = (reference_label, "current")
    expect = ""
    if directional is not None:
        expect = ("Directional expectations (intermediate solution): "
                  f"{html.escape(_fmt_directional(directional, conditions))}.")

    def compute(ex, v):
        # slider values arrive from the browser as binary fractions (0.8500000000000001)
        incl, pri = round(v["incl_cut"], 6), round(v["pri_cut"], 6) or None
        view = explore.threshold_update(data, outcome, conditions, incl, pri,
                                        v["n_cut"], v["solution"], directional, ref,
                                        cache=cache, labels=labels)
        ex.state, ex.report, ex.error = view.analysis, view.report, None
        ex.outputs["changes"].value = view.html["changes"]
        ex.outputs["truth_table"].value = view.html["truth_table"]
        ex.outputs["solution"].value = view.html["solution"] + (
            f"<p style='font-size:85%'>{expect}</p>" if expect else "")

    head = W.HTML(f"<b>Threshold explorer</b>: {html.escape(outcome)} explained by "
                  f"{html.escape(', '.join(conditions))}. {reference_label.capitalize()} "
                  f"settings: {html.escape(explore.settings_text(ref.settings))}.")
    layout = W.VBox([
        head,
        W.HBox([W.VBox([controls["incl_cut"], controls["pri_cut"]]),
                W.VBox([controls["n_cut"], controls["solution"], reset])]),
        outputs["changes"],
        W.HBox([outputs["truth_table"], outputs["solution"]],
               layout=W.Layout(flex_flow="row wrap")),
    ], _dom_classes=["qcakit-explorer", "qcakit-threshold-explorer"])
    ex = Explorer("Threshold explorer", controls, outputs, compute, layout)

    def back(_button):
        ex.set(incl_cut=ref_settings["incl_cut"], pri_cut=ref_settings["pri_cut"] or 0.0,
               n_cut=ref_settings["n_cut"], solution=ref_settings["solution"])

    reset.on_click(back)
    ex.buttons["reset"] = reset
    ex.reference = ref
    ex.cache = cache
    if prefetch:
        slider = controls["incl_cut"]
        steps = np.round(np.arange(slider.min, slider.max + slider.step / 2, slider.step), 6)
        pri = pri_cut if pri_cut else None
        explore.sweep(data, outcome, conditions, steps, solution, pri, n_cut, directional,
                      cache=cache)
    return ex


def _fmt_directional(directional, conditions) -> str:
    from .minimize import parse_directional

    parsed = parse_directional(directional, conditions)
    words = {1: "present", 0: "absent"}
    shown = [f"{c} {words[v]}" for c, v in parsed.items() if v != "-"]
    return ", ".join(shown) if shown else "none"


# --------------------------------------------------------------------------- calibration explorer


def calibration_explorer(
    raw: pd.Series,
    anchors=None,
    *,
    percentile_method: str | None = "excel_inc",
    percentiles=(25, 50, 75),
    sets: pd.DataFrame | None = None,
    outcome: str | None = None,
    conditions=None,
    idm: float | None = None,
    nudge_half: bool = False,
) -> Explorer:
    """The anchors of one raw variable, the calibration curve and what follows downstream.

    ``raw`` is the raw variable (a Series named after the set, e.g. ``data["GROWTH"]``).
    Start from ``anchors`` (exclusion, crossover, inclusion) or, by default, from the quartiles
    by ``percentile_method``. Controls: the three anchors (text boxes: type a value, or use the
    arrows), the percentile definition (choosing one moves the anchors to its percentiles;
    "manual" leaves them), and whether to nudge 0.5 to 0.501. Outputs: the calibration curve
    with the cases, a visible warning for scores of exactly 0.5, the memberships, and, with
    ``sets`` (calibrated memberships of the other conditions and the outcome) and ``outcome``,
    the necessity table for the outcome with this calibration (see
    :func:`qcakit.explore.calibration_state`).
    """
    if not isinstance(raw, pd.Series):
        raise QCAInputError(
            f"calibration_explorer() takes one raw variable as a Series, e.g. data['GDP'], "
            f"got {type(raw).__name__}."
        )
    if sets is not None:
        sets = _checks.as_frame(sets, "sets")
    first = explore.calibration_state(
        raw, anchors, percentile_method=None if anchors is not None else percentile_method,
        percentiles=percentiles, idm=idm, nudge_half=nudge_half, sets=sets, outcome=outcome,
        conditions=conditions)
    lo, hi = float(raw.min()), float(raw.max())
    step = 10.0 ** np.floor(np.log10(max(hi - lo, 1e-9) / 1000))
    boxes = {}
    for key, label, value in zip(("exclusion", "crossover", "inclusion"),
                                 ("full exclusion", "crossover (0.5)", "full inclusion"),
                                 first.anchors):
        boxes[key] = W.FloatText(value=value, step=float(step), description=label,
                                 style=_SLIDER_STYLE, layout=W.Layout(width="300px"))
    method_choice = W.Dropdown(
        options=["manual"] + list(explore.PERCENTILE_CHOICES),
        value="manual" if anchors is not None else percentile_method,
        description="percentile definition", style=_SLIDER_STYLE,
        layout=W.Layout(width="360px"))
    nudge = W.Checkbox(value=nudge_half, description="nudge 0.5 to 0.501", indent=False)
    controls = {**boxes, "percentiles": method_choice, "nudge_half": nudge}
    outputs = {
        "warnings": _html("qcakit-warnings-out"),
        "curve": _html("qcakit-curve-out"),
        "scores": _html("qcakit-scores-out"),
        "necessity": _html("qcakit-necessity-out"),
    }
    name = str(raw.name)

    def compute(ex, v):
        try:
            state = explore.calibration_state(
                raw, (v["exclusion"], v["crossover"], v["inclusion"]), idm=idm,
                nudge_half=v["nudge_half"], sets=sets, outcome=outcome, conditions=conditions)
            if v["percentiles"] != "manual":
                state.source = f"quartiles by {v['percentiles']}" if tuple(percentiles) == (
                    25, 50, 75) else f"percentiles {percentiles} by {v['percentiles']}"
        except QCAInputError as err:
            ex.error = str(err)
            ex.outputs["warnings"].value = _error_html(str(err))
            return
        ex.state, ex.error = state, None
        ex.outputs["warnings"].value = state.warnings_html()
        ex.outputs["scores"].value = state.scores_html()
        ex.outputs["necessity"].value = state.necessity_html()
        ex.outputs["curve"].value = svg.calibration_svg(state)

    layout = W.VBox([
        W.HTML(f"<b>Calibration explorer</b>: {html.escape(name)} ({len(raw)} cases, raw "
               f"scores {lo:g} to {hi:g})."),
        W.HBox([W.VBox(list(boxes.values())), W.VBox([method_choice, nudge])]),
        outputs["warnings"],
        W.HBox([outputs["curve"], outputs["scores"]],
               layout=W.Layout(flex_flow="row wrap")),
        outputs["necessity"],
    ], _dom_classes=["qcakit-explorer", "qcakit-calibration-explorer"])
    ex = Explorer("Calibration explorer", controls, outputs, compute, layout)

    def on_method(change):
        method = change["new"]
        if method == "manual":
            return
        try:
            values = percentile_anchors(raw, percentiles, method)
        except QCAInputError as err:
            ex.outputs["warnings"].value = _error_html(str(err))
            return
        ex._hold = True
        try:
            for box, value in zip(boxes.values(), values):
                box.value = value
        finally:
            ex._hold = False
        ex.update()

    def on_anchor(change):
        # typing an anchor by hand leaves the percentile definition behind
        if not ex._hold and method_choice.value != "manual":
            ex._hold = True
            method_choice.value = "manual"
            ex._hold = False

    method_choice.observe(on_method, names="value")
    for box in boxes.values():
        box.observe(on_anchor, names="value")
    return ex


# --------------------------------------------------------------------------- robustness sweep


def robustness_sweep(
    data: pd.DataFrame,
    outcome: str,
    conditions=None,
    cuts=(0.70, 1.00),
    reference: float | None = 0.8,
    solution: str = "intermediate",
    pri_cut: float | None = None,
    n_cut: int = 1,
    directional=None,
    *,
    step: float = 0.01,
    cache: dict | None = None,
) -> Explorer:
    """Solution consistency, coverage and terms across a range of consistency cuts.

    ``cuts`` is the (lowest, highest) cut swept in steps of ``step``; ``reference`` the cut to
    mark (the paper's). Controls: the range, the solution type and the PRI cut. Outputs: the
    plot (:func:`qcakit.svg.sweep_svg`, the picture of :func:`qcakit.plot.threshold_sweep`
    drawn as SVG so that it redraws at once) and a table of the cut ranges over which the
    solution stays the same (:func:`qcakit.explore.sweep_ranges`). Every cut computed is kept,
    so narrowing or widening the range again only looks results up. ``cache``: a dict shared
    with a :func:`threshold_explorer` *of the same data and outcome* (its ``cache``).
    """
    data = _checks.as_frame(data)
    lo, hi = (float(c) for c in cuts)
    if not 0 <= lo <= hi <= 1:
        raise QCAInputError(f"cuts must be (lowest, highest) within [0, 1], got {cuts!r}.")
    cache = {} if cache is None else cache
    controls = {
        "cuts": W.FloatRangeSlider(value=(lo, hi), min=0.5, max=1.0, step=step,
                                   description="consistency cuts", continuous_update=False,
                                   readout_format=".2f", style=_SLIDER_STYLE, layout=_WIDE),
        "solution": W.Dropdown(options=list(SOLUTION_TYPES), value=solution,
                               description="solution", style=_SLIDER_STYLE, layout=_WIDE),
        "pri_cut": W.FloatSlider(value=pri_cut or 0.0, min=0.0, max=1.0, step=0.01,
                                 description="PRI cut (0 = none)", continuous_update=False,
                                 readout_format=".2f", style=_SLIDER_STYLE, layout=_WIDE),
    }
    outputs = {"plot": _html("qcakit-sweep-plot-out"), "ranges": _html("qcakit-sweep-out")}

    def compute(ex, v):
        a, b = v["cuts"]
        grid = np.round(np.arange(a, b + step / 2, step), 6)
        pri = round(v["pri_cut"], 6) or None
        table = explore.sweep(data, outcome, conditions, grid, v["solution"], pri, n_cut,
                              directional, cache=cache)
        ex.state, ex.error = table, None
        ex.outputs["plot"].value = svg.sweep_svg(table, reference)
        ex.outputs["ranges"].value = explore.sweep_ranges_html(table, reference)

    layout = W.VBox([
        W.HTML(f"<b>Robustness sweep</b>: the solution for {html.escape(outcome)} as the "
               "consistency cut moves" + (f" (dashed line: reference cut {reference:g})"
                                          if reference is not None else "") + "."),
        W.HBox([controls["cuts"], W.VBox([controls["solution"], controls["pri_cut"]])]),
        W.HBox([outputs["plot"], outputs["ranges"]],
               layout=W.Layout(flex_flow="row wrap")),
    ], _dom_classes=["qcakit-explorer", "qcakit-robustness-sweep"])
    ex = Explorer("Robustness sweep", controls, outputs, compute, layout)
    ex.cache = cache
    return ex

