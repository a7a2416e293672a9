"""The :class:`Explorer` every explorer returns, and the controls and panels they share.

>>> fmt_value((0.8, 1.0))
'(0.8, 1)'
"""
from __future__ import annotations

import base64
import html
import time
from contextlib import contextmanager

import ipywidgets as W

from .. import _display
from .. import _kinds as K
from .._spec import accepts
from ..i18n import tr
from ..minimize import SOLUTION_TYPES

SLIDER_STYLE = {"description_width": "150px"}
WIDE = W.Layout(width="420px")

#: The explorers' text at 14 px for a projector (issue 13). JupyterLab draws widget labels,
#: readouts, drop-downs, buttons and HTML widgets at ``--jp-widgets-font-size`` (13 px); the
#: rules are scoped to ``.qcakit-explorer`` so that no other widget changes. The chart's
#: peripheral symbols (85 % of the text, 12 px) become 14 px and the core ones 21 px, so that
#: the smaller symbol is still 14 px and the two sizes stay apart.
PROJECTOR_CSS = """
.qcakit-explorer { --jp-widgets-font-size: 14px; font-size: 14px; }
.qcakit-explorer .widget-label, .qcakit-explorer .widget-readout,
.qcakit-explorer .widget-html-content, .qcakit-explorer select,
.qcakit-explorer input, .qcakit-explorer button { font-size: 14px; }
.qcakit-explorer td > span[style='font-size:85%'] { font-size: 14px !important; }
.qcakit-explorer td > span[style='font-size:150%'] { font-size: 21px !important; }
"""


class Explorer:
    """A live explorer: ``widget`` (the ipywidgets box), ``controls`` (name -> control),
    ``outputs`` (name -> HTML / Image widget), ``state`` (the latest result of the pure
    function behind it), ``error`` (message when the controls hold invalid input) and
    ``last_update_ms`` (computation time of the latest update)."""

    def __init__(self, kind: str, controls: dict, outputs: dict, compute, layout):
        # kind: the explorer's English name, marked with tr_later (shown translated)
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
        self.held = False
        self.widget = layout
        for control in controls.values():
            if hasattr(control, "value"):
                control.observe(self._on_change, names="value")
        self.update()

    # -- wiring
    def _on_change(self, _change=None):
        if not self.held:
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

    @contextmanager
    def holding(self):
        """Change controls inside this block without an update per change."""
        held, self.held = self.held, True
        try:
            yield self
        finally:
            self.held = held

    @accepts(values=K.Controls())
    def set(self, **values):
        """Set controls by name (as a learner would) and update once; returns ``self``. A value
        outside a control's range or choices is refused (a slider would silently move it to
        its end)."""
        with self.holding():
            for name, value in values.items():
                self.controls[name].value = value
        self.update()
        return self

    # -- display
    def static_html(self) -> str:
        """The outputs as plain HTML (images inlined): what a front end without widgets shows."""
        note = tr("{explorer}: static view of the current state (run the notebook in JupyterLab "
                  "to move the controls). Settings: {settings}").format(
            explorer=tr(self.kind), settings=self._settings_line())
        parts = [f"<div class='qcakit-explorer qcakit-static'><p><i>{html.escape(note)}</i></p>"]
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
        return ", ".join(f"{k} = {fmt_value(v)}" for k, v in self.values().items())

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = dict(self.widget._repr_mimebundle_(include=include, exclude=exclude))
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = repr(self)
        return bundle

    def __repr__(self):
        return f"<{tr(self.kind)}: {self._settings_line()}>"


def fmt_value(v):
    if isinstance(v, float):
        return f"{v:g}"
    if isinstance(v, tuple):
        return "(" + ", ".join(fmt_value(x) for x in v) + ")"
    return str(v)


def explorer_box(css_class: str, head: str, *rows) -> W.VBox:
    """An explorer's box: the heading ``head`` (HTML), the rows and the projector style sheet
    (:data:`PROJECTOR_CSS`, an HTML widget that takes no room), with the classes
    ``qcakit-explorer`` and ``css_class``."""
    style = W.HTML(f"<style>{PROJECTOR_CSS}</style>", layout=W.Layout(display="none"),
                   _dom_classes=["qcakit-style"])
    return W.VBox([W.HTML(head), *rows, style], _dom_classes=["qcakit-explorer", css_class])


def output_html(css_class: str) -> W.HTML:
    return W.HTML(value="", layout=W.Layout(overflow="auto", margin="0 16px 0 0"),
                  _dom_classes=[css_class])


def error_html(message: str) -> str:
    return ("<div class='qcakit-error' style='background:#fdecea;border-left:4px solid #c62828;"
            f"padding:4px 8px'>{html.escape(message)}</div>")


def pri_slider(pri_cut) -> W.FloatSlider:
    return W.FloatSlider(value=pri_cut or 0.0, min=0.0, max=1.0, step=0.01,
                         description=tr("PRI cut (0 = none)"), continuous_update=False,
                         readout_format=".2f", style=SLIDER_STYLE, layout=WIDE)


def solution_choice(solution) -> W.Dropdown:
    return W.Dropdown(options=[(_display.label(s), s) for s in SOLUTION_TYPES], value=solution,
                      description=tr("solution type"), style=SLIDER_STYLE, layout=WIDE)
