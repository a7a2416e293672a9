"""Kinds for drawing and the explorers: axes, caches, sweep tables, control values."""
from __future__ import annotations


import pandas as pd

from ..errors import QCAInputError
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
            raise QCAInputError(f"{arg.name} must be a matplotlib Axes (e.g. from "
                                f"fig, ax = plt.subplots()), got {shown(value)}.")
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
            raise QCAInputError(f"{arg.name} must be a dict (or None), got {shown(value)}.")
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
            raise QCAInputError(
                f"{arg.function}() {self.verb} the table of qcakit.explore.sweep(data, outcome, "
                f"conditions, cuts) (columns {', '.join(self.COLUMNS)}, then one column per "
                f"term), got {shown(value)}.")
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
                f"Unknown control(s) {', '.join(map(repr, unknown))}; this explorer has "
                f"{', '.join(c for c in controls if hasattr(controls[c], 'value'))}.")
        return {name: _control_value(controls[name], name, v) for name, v in value.items()}

    def refused(self, arg, samples):
        return [("an unknown control", {"consistency": 0.8})]


def _control_value(control, name, value):
    """``value`` checked against one ipywidgets control (no clamping, no silent change)."""
    kind = type(control).__name__
    note = ""
    if hasattr(control, "min") and hasattr(control, "max"):
        note = f" (the range of its {'slider' if 'Slider' in kind else 'control'})"
    if kind in ("FloatSlider", "IntSlider"):
        maker = Count(int(control.min)) if kind == "IntSlider" else Cut(
            float(control.min), float(control.max), note=note)
        value = maker(value, _ArgLike(name, None, ""))
        if not control.min <= value <= control.max:
            raise QCAInputError(f"{name} must lie between {control.min:g} and "
                                f"{control.max:g}{note}, got {value!r}.")
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
