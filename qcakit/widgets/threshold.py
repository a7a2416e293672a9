"""The threshold explorer: the consistency, PRI and frequency cuts and the solution type, and
what changes against the reference (the paper's) settings."""
from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as W
import numpy as np
import pandas as pd

from .. import _display
from .. import _kinds as K
from .. import explore
from .._checks import capital
from .._spec import accepts
from ..i18n import tr, tr_later
from ..minimize import SOLUTION_TYPES, _parse_directional
from .explorer import (SLIDER_STYLE, WIDE, Explorer, explorer_box, output_html, pri_slider,
                       solution_choice)


#: The explorer's name (in its heading and static view).
NAME = tr_later("Threshold explorer")
#: The consistency slider's range: a cut outside it is refused, not moved to its end.
SLIDER_CUT = K.Cut(0.5, 1.0, note=tr_later(" (the range of the consistency slider)"))


# Stays whole: the widgets and the callbacks that read them share one closure.
@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(), incl_cut=SLIDER_CUT,
         pri_cut=K.Cut(optional=True), n_cut=K.Count(1),
         solution=K.OneOf(*SOLUTION_TYPES, what="solution type"),
         directional=K.Directional("conditions"), reference=K.Settings(),
         reference_label=K.Text(), configuration_names=K.NameMap(), prefetch=K.Switch(),
         cache=K.Cache())
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
    configuration_names: Mapping[str, str] | None = None,
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
    ``configuration_names``: the paper's name of each configuration (name -> term, e.g.
    ``{"S1": "SCALE*ORG*MGMT*SHARE*PAY*INCENT", ...}``); the chart's columns carry these
    names (see :meth:`qcakit.chart.ConfigurationChart.renamed`).

    ``prefetch``: compute every step of the consistency slider (at the initial PRI cut,
    frequency cut and solution type) before the explorer is shown, so that moving that slider
    only looks results up (a few hundred milliseconds once, then every move is instant; other
    settings are computed, and kept, when first visited). ``cache``: a dict shared with other
    explorers *of the same data and outcome* (e.g. :func:`robustness_sweep`), default a new one.
    """
    # Long only by its signature and docstring (13 documented parameters); the body is
    # about 30 lines.
    cache = {} if cache is None else cache
    probe = explore.analyse(data, outcome, conditions, incl_cut, pri_cut, n_cut, solution,
                            directional, cache=cache)
    conditions = list(probe.truth_table.conditions)
    ref_settings = _reference_settings(incl_cut, pri_cut, n_cut, solution, reference)
    ref = explore.analyse(data, outcome, conditions, ref_settings["incl_cut"],
                          ref_settings["pri_cut"], ref_settings["n_cut"],
                          ref_settings["solution"], directional, cache=cache)
    max_n = int(probe.truth_table.table["n"].max()) + 1
    controls = _threshold_controls(incl_cut, pri_cut, n_cut, solution, max_n)
    outputs = {name: output_html(f"qcakit-{css}-out") for name, css in
               (("changes", "changes"), ("truth_table", "tt"), ("solution", "solution"))}
    compute = _threshold_update(data, outcome, conditions, directional, ref, cache,
                                (reference_label, "current"), configuration_names)
    label = _display.label(reference_label)
    reset = W.Button(description=tr("back to the {label} settings").format(label=label),
                     layout=W.Layout(width="260px"))
    head = tr("{explorer}: {outcome} explained by {conditions}. {Label} settings: "
              "{settings}.").format(
        explorer=f"<b>{html.escape(tr(NAME))}</b>", outcome=html.escape(outcome),
        conditions=html.escape(", ".join(conditions)), Label=html.escape(capital(label)),
        settings=html.escape(explore.settings_text(ref.settings)))
    ex = Explorer(NAME, controls, outputs, compute,
                  _threshold_layout(head, controls, reset, outputs))
    back = {**ref_settings, "pri_cut": ref_settings["pri_cut"] or 0.0}
    reset.on_click(lambda _button: ex.set(**back))
    ex.buttons["reset"], ex.reference, ex.cache = reset, ref, cache
    if prefetch:
        slider = controls["incl_cut"]
        steps = np.round(np.arange(slider.min, slider.max + slider.step / 2, slider.step), 6)
        explore.sweep(data, outcome, conditions, steps, solution, pri_cut or None, n_cut,
                      directional, cache=cache)
    return ex


def _threshold_layout(head: str, controls: dict, reset, outputs: dict) -> W.VBox:
    return explorer_box(
        "qcakit-threshold-explorer", head,
        W.HBox([W.VBox([controls["incl_cut"], controls["pri_cut"]]),
                W.VBox([controls["n_cut"], controls["solution"], reset])]),
        outputs["changes"],
        W.HBox([outputs["truth_table"], outputs["solution"]],
               layout=W.Layout(flex_flow="row wrap")),
    )


def _threshold_update(data, outcome, conditions, directional, ref, cache, labels, names):
    """The explorer's update: :func:`qcakit.explore.threshold_update` at the controls' values,
    its HTML put in the panels."""
    expect = "" if directional is None else "<p style='font-size:14px'>{}</p>".format(
        html.escape(tr("Directional expectations (intermediate solution): {expectations}.")
                    .format(expectations=_fmt_directional(directional, conditions))))

    def compute(ex, v):
        # slider values arrive from the browser as binary fractions (0.8500000000000001)
        incl, pri = round(v["incl_cut"], 6), round(v["pri_cut"], 6) or None
        view = explore.threshold_update(data, outcome, conditions, incl, pri, v["n_cut"],
                                        v["solution"], directional, ref, cache=cache,
                                        labels=labels, names=names)
        ex.state, ex.report, ex.error = view.analysis, view.report, None
        for name in ("changes", "truth_table"):
            ex.outputs[name].value = view.html[name]
        ex.outputs["solution"].value = view.html["solution"] + expect

    return compute


def _reference_settings(incl_cut, pri_cut, n_cut, solution, reference) -> dict:
    """The settings to compare against: the initial ones, updated by ``reference``."""
    settings = {"incl_cut": incl_cut, "pri_cut": pri_cut, "n_cut": n_cut, "solution": solution}
    settings.update(reference or {})
    return settings


def _threshold_controls(incl_cut, pri_cut, n_cut, solution, max_n) -> dict:
    return {
        "incl_cut": W.FloatSlider(value=incl_cut, min=0.5, max=1.0, step=0.01,
                                  description=tr("consistency cut"), continuous_update=False,
                                  readout_format=".2f", style=SLIDER_STYLE, layout=WIDE),
        "pri_cut": pri_slider(pri_cut),
        "n_cut": W.IntSlider(value=n_cut, min=1, max=max(max_n, n_cut), step=1,
                             description=tr("frequency cut"), continuous_update=False,
                             style=SLIDER_STYLE, layout=WIDE),
        "solution": solution_choice(solution),
    }


def _fmt_directional(directional, conditions) -> str:
    parsed = _parse_directional(directional, conditions)
    words = {1: tr("{condition} present"), 0: tr("{condition} absent")}
    shown = [words[v].format(condition=c) for c, v in parsed.items() if v != "-"]
    return tr(", ").join(shown) if shown else tr("none")
