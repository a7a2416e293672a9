"""The calibration explorer: the three anchors of one raw variable (or a percentile
definition), the calibration curve, the exact-0.5 warnings and the downstream necessity table."""
from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
import pandas as pd

from .. import _kinds as K
from .. import explore, svg
from .._spec import accepts
from ..calibrate import percentile_anchors
from ..errors import QCAInputError
from ..figures import number_text
from ..i18n import tr, tr_later
from .explorer import SLIDER_STYLE, Explorer, error_html, explorer_box, output_html


#: The explorer's name (in its heading and static view).
NAME = tr_later("Calibration explorer")


# Stays whole: the widgets and the callbacks that read them share one closure.
@accepts(**explore.calibration.SPEC)
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
    set_name: str | None = None,
) -> Explorer:
    """The anchors of one raw variable, the calibration curve and what follows downstream.

    ``raw`` is the raw variable (a Series, e.g. ``data["GROWTH"]``); ``set_name`` the set it
    is calibrated into when that has another name (e.g. the outcome ``"CAPACITY"``; default
    the Series' name). Start from ``anchors`` (exclusion, crossover, inclusion) or, by
    default, from the quartiles by ``percentile_method``. Controls: the three anchors (text
    boxes: type a value, or use the arrows), the percentile definition (choosing one moves the
    anchors to its percentiles; "manual" leaves them), and whether to nudge 0.5 to 0.501.
    Outputs: the calibration curve with the cases, a visible warning for scores of exactly
    0.5, the memberships, and, with ``sets`` (calibrated memberships of the other conditions
    and the outcome) and ``outcome``, the necessity table for the outcome with this
    calibration (see :func:`qcakit.explore.calibration_state`). Percentile anchors are shown
    rounded to 10 significant digits (24.76, not 24.759999999999998).
    """
    # Long only by its signature and docstring (10 documented parameters); the body is
    # about 30 lines.
    options = dict(idm=idm, sets=sets, outcome=outcome, conditions=conditions,
                   set_name=set_name)
    first = explore.calibration_state(
        raw, anchors, percentile_method=None if anchors is not None else percentile_method,
        percentiles=percentiles, nudge_half=nudge_half, **options)
    boxes = _anchor_boxes(raw, first.anchors)
    method_choice = W.Dropdown(
        options=[(tr("manual"), "manual")] + [(m, m) for m in explore.PERCENTILE_CHOICES],
        value="manual" if anchors is not None else percentile_method,
        description=tr("percentile definition"), style=SLIDER_STYLE,
        layout=W.Layout(width="360px"))
    nudge = W.Checkbox(value=nudge_half, description=tr("nudge 0.5 to 0.501"), indent=False)
    controls = {**boxes, "percentiles": method_choice, "nudge_half": nudge}
    outputs = {name: output_html(f"qcakit-{name}-out")
               for name in ("warnings", "curve", "scores", "necessity")}
    compute = _calibration_update(raw, percentiles, options)
    head = (tr("{explorer}: {raw} calibrated into {set} ({n} cases, raw scores {low} to "
               "{high}).") if set_name else
            tr("{explorer}: {raw} ({n} cases, raw scores {low} to {high}).")).format(
        explorer=f"<b>{html.escape(tr(NAME))}</b>", raw=html.escape(str(raw.name)),
        set=html.escape(str(set_name)), n=len(raw), low=f"{raw.min():g}", high=f"{raw.max():g}")
    layout = explorer_box(
        "qcakit-calibration-explorer", head,
        W.HBox([W.VBox(list(boxes.values())), W.VBox([method_choice, nudge])]),
        outputs["warnings"],
        W.HBox([outputs["curve"], outputs["scores"]], layout=W.Layout(flex_flow="row wrap")),
        outputs["necessity"],
    )
    ex = Explorer(NAME, controls, outputs, compute, layout)
    _link_percentiles(ex, raw, percentiles, boxes, method_choice)
    return ex


def _calibration_update(raw, percentiles, options):
    """The explorer's update: :func:`qcakit.explore.calibration_state` at the anchors in the
    boxes, its HTML and curve put in the panels (an invalid input shows its message)."""
    quartiles = tuple(percentiles) == (25, 50, 75)
    shown = ", ".join(f"{p:g}" for p in percentiles)

    def compute(ex, v):
        try:
            state = explore.calibration_state(
                raw, (v["exclusion"], v["crossover"], v["inclusion"]),
                nudge_half=v["nudge_half"], **options)
        except QCAInputError as err:
            ex.error = str(err)
            ex.outputs["warnings"].value = error_html(str(err))
            return
        if v["percentiles"] != "manual":
            state.source = (tr("quartiles by {method}") if quartiles else
                            tr("percentiles {percentiles} by {method}")).format(
                method=v["percentiles"], percentiles=shown)
        ex.state, ex.error = state, None
        ex.outputs["warnings"].value = state.warnings_html()
        ex.outputs["scores"].value = state.scores_html()
        ex.outputs["necessity"].value = state.necessity_html()
        ex.outputs["curve"].value = svg.calibration_svg(state)

    return compute


@accepts(value=K.Number())
def anchor_value(value: float) -> float:
    """An anchor as the text box shows it: rounded to 10 significant digits, which removes
    binary noise (24.759999999999998 -> 24.76) and changes no meaningful digit.

    >>> anchor_value(24.759999999999998), anchor_value(0.501)
    (24.76, 0.501)
    """
    return float(number_text(value))


def _anchor_boxes(raw: pd.Series, anchors) -> dict:
    """One text box per anchor, its arrow step about a thousandth of the raw range."""
    span = max(float(raw.max()) - float(raw.min()), 1e-9)
    step = float(10.0 ** np.floor(np.log10(span / 1000)))
    return {key: W.FloatText(value=anchor_value(value), step=step, description=label,
                             style=SLIDER_STYLE, layout=W.Layout(width="300px"))
            for key, label, value in zip(("exclusion", "crossover", "inclusion"),
                                         (tr("full exclusion"), tr("crossover (0.5)"),
                                          tr("full inclusion")), anchors)}


def _link_percentiles(ex: Explorer, raw, percentiles, boxes: dict, method_choice) -> None:
    """Choosing a percentile definition moves the anchors (one update); typing an anchor
    sets the definition back to "manual"."""

    def on_method(change):
        if change["new"] == "manual":
            return
        try:
            values = percentile_anchors(raw, percentiles, change["new"])
        except QCAInputError as err:
            ex.outputs["warnings"].value = error_html(str(err))
            return
        with ex.holding():
            for box, value in zip(boxes.values(), values):
                box.value = anchor_value(value)
        ex.update()

    def on_anchor(_change):
        if not ex.held and method_choice.value != "manual":
            with ex.holding():
                method_choice.value = "manual"

    method_choice.observe(on_method, names="value")
    for box in boxes.values():
        box.observe(on_anchor, names="value")
