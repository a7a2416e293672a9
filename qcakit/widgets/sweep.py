"""The robustness sweep: solution consistency, coverage and terms across a range of
consistency cuts, with the reference cut marked."""
from __future__ import annotations

import html

import ipywidgets as W
import numpy as np
import pandas as pd

from .. import _kinds as K
from .. import explore, svg
from .._spec import accepts
from ..i18n import tr, tr_later
from ..minimize import SOLUTION_TYPES
from .explorer import (SLIDER_STYLE, WIDE, Explorer, explorer_box, output_html, pri_slider,
                       solution_choice)


#: The explorer's name (in its heading and static view).
NAME = tr_later("Robustness sweep")


# Stays whole: the widgets and the callbacks that read them share one closure.
@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(),
         cuts=K.CutRange(0.5, 1.0, note=tr_later(" (the range of the consistency slider)")),
         reference=K.Cut(optional=True), solution=K.OneOf(*SOLUTION_TYPES, what="solution type"),
         pri_cut=K.Cut(optional=True), n_cut=K.Count(1), directional=K.Directional("conditions"),
         step=K.Cut(0.0, 0.5, open_low=True), cache=K.Cache())
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
    lo, hi = cuts
    cache = {} if cache is None else cache
    controls = {
        "cuts": W.FloatRangeSlider(value=(lo, hi), min=0.5, max=1.0, step=step,
                                   description=tr("consistency cuts"), continuous_update=False,
                                   readout_format=".2f", style=SLIDER_STYLE, layout=WIDE),
        "solution": solution_choice(solution),
        "pri_cut": pri_slider(pri_cut),
    }
    outputs = {"plot": output_html("qcakit-sweep-plot-out"),
               "ranges": output_html("qcakit-sweep-out")}

    def compute(ex, v):
        a, b = v["cuts"]
        grid = np.round(np.arange(a, b + step / 2, step), 6)
        pri = round(v["pri_cut"], 6) or None
        table = explore.sweep(data, outcome, conditions, grid, v["solution"], pri, n_cut,
                              directional, cache=cache)
        ex.state, ex.error = table, None
        ex.outputs["plot"].value = svg.sweep_svg(table, reference)
        ex.outputs["ranges"].value = explore.sweep_ranges_html(table, reference)

    layout = explorer_box(
        "qcakit-robustness-sweep",
        (tr("{explorer}: the solution for {outcome} as the consistency cut moves.")
         if reference is None else
         tr("{explorer}: the solution for {outcome} as the consistency cut moves (dashed line: "
            "reference cut {cut}).")).format(explorer=f"<b>{html.escape(tr(NAME))}</b>",
                                             outcome=html.escape(outcome),
                                             cut=f"{reference or 0:g}"),
        W.HBox([controls["cuts"], W.VBox([controls["solution"], controls["pri_cut"]])]),
        W.HBox([outputs["plot"], outputs["ranges"]],
               layout=W.Layout(flex_flow="row wrap")),
    )
    ex = Explorer(NAME, controls, outputs, compute, layout)
    ex.cache = cache
    return ex
