"""Kinds for drawing and the explorers: axes, caches, sweep tables, control values."""
from __future__ import annotations


import pandas as pd

from ..errors import QCAInputError
from ..i18n import tr, tr_later
from .base import Kind, _ArgLike, shown
from .quantities import Count, Cut, CutRange, Number, OneOf, Switch


class Axes(Kind):
    """A matplotlib Axes to draw in (None: a new figure)."""

    title = "Axes"
    rule = "a matplotlib Axes, or None for a new figure"

    def __init__(self, *, optional: bool = True):
        super().__init__(optional=optional)

    def check(self, value, arg):
        from matplotlib.axes import Axes as MplAxes

        if not isinstance(value, MplAxes):
            raise QCAInputError(tr("{name} must be a matplotlib Axes (e.g. from fig, ax = "
                                   "plt.subplots()), got {value}.").format(name=arg.name,
                                                                           value=shown(value)))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("text", "ax"), ("a number", 1),
                                                ("a DataFrame", samples.frame)]


class Cache(Kind):
    """A dict kept by the caller across calls."""

    title = "Cache"
    rule = "a dict (kept across calls on the same data), or None"

    def __init__(self):
        super().__init__(optional=True)

    def check(self, value, arg):
        if not isinstance(value, dict):
            raise QCAInputError(tr("{name} must be a dict (or None), got {value}.").format(
                name=arg.name, value=shown(value)))
        return value

    def refused(self, arg, samples):
        return [("a list", []), ("text", "cache")]


class SweepTable(Kind):
    """The table :func:`qcakit.explore.sweep` returns."""

    title = "Sweep table"
    rule = "the table of qcakit.explore.sweep()"
    COLUMNS = ("cut", "consistency", "coverage", "expression")

    def __init__(self, verb: str = "takes"):
        super().__init__()
        self.verb = verb

    def check(self, value, arg):
        if not isinstance(value, pd.DataFrame) or not set(self.COLUMNS) <= set(value.columns):
            text = (tr("{function}() draws the table of qcakit.explore.sweep(data, outcome, "
                       "conditions, cuts) (columns {columns}, then one column per term), got "
                       "{value}.") if self.verb == "draws" else
                    tr("{function}() takes the table of qcakit.explore.sweep(data, outcome, "
                       "conditions, cuts) (columns {columns}, then one column per term), got "
                       "{value}."))
            raise QCAInputError(text.format(function=arg.function,
                                            columns=", ".join(self.COLUMNS), value=shown(value)))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("data", samples.frame), ("a list", [0.8])]


class Controls(Kind):
    """Values for an explorer's controls, each within its control's range."""

    title = "Control values"
    rule = "control=value pairs, each within the control's range or choices"

    def __init__(self):
        super().__init__(optional=True)

    def check(self, value, arg):
        controls = arg.get("self").controls
        unknown = [k for k in value if k not in controls]
        if unknown:
            raise QCAInputError(
                tr("Unknown control(s) {unknown}; this explorer has {controls}.").format(
                    unknown=", ".join(map(repr, unknown)),
                    controls=", ".join(c for c in controls if hasattr(controls[c], "value"))))
        return {name: _control_value(controls[name], name, v) for name, v in value.items()}

    def refused(self, arg, samples):
        return [("an unknown control", {"consistency": 0.8})]


#: What the range in a message about a control's value is (see :func:`_checks.fraction`).
SLIDER_RANGE = tr_later(" (the range of its slider)")
CONTROL_RANGE = tr_later(" (the range of its control)")


def _control_value(control, name, value):
    """``value`` checked against one ipywidgets control (no clamping, no silent change)."""
    kind = type(control).__name__
    note = ""
    if hasattr(control, "min") and hasattr(control, "max"):
        note = SLIDER_RANGE if "Slider" in kind else CONTROL_RANGE
    if kind in ("FloatSlider", "IntSlider"):
        maker = Count(int(control.min)) if kind == "IntSlider" else Cut(
            float(control.min), float(control.max), note=note)
        value = maker(value, _ArgLike(name, None, ""))
        if not control.min <= value <= control.max:
            raise QCAInputError(tr("{name} must lie between {low} and {high}{note}, got "
                                   "{value}.").format(name=name, low=f"{control.min:g}",
                                                      high=f"{control.max:g}",
                                                      note=tr(note) if note else "",
                                                      value=repr(value)))
        return value
    if kind == "FloatRangeSlider":
        return CutRange(float(control.min), float(control.max), note=note)(
            value, _ArgLike(name, None, ""))
    if kind == "Checkbox":
        return Switch()(value, _ArgLike(name, None, ""))
    if kind in ("Dropdown", "RadioButtons", "ToggleButtons"):
        options = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return OneOf(*options)(value, _ArgLike(name, None, ""))
    if kind in ("FloatText", "BoundedFloatText"):
        return Number()(value, _ArgLike(name, None, ""))
    return value
