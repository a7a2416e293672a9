"""Kinds for texts and dicts of options: paths, labels, names, options passed on."""
from __future__ import annotations

import numbers
import os
from collections.abc import Hashable, Mapping

import numpy as np
import pandas as pd

from ..errors import QCAInputError
from ..i18n import tr
from .base import Kind, shown


class Path(Kind):
    """A folder or file name (``file=True``: the path of a file to read)."""

    title = "Path"
    rule = "a folder or file name: text or a pathlib.Path"

    def __init__(self, *, file: bool = False):
        super().__init__()
        self.file = file

    def check(self, value, arg):
        if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
            text = (tr("{function}() takes the path of a file, such as 'my_data.csv' in "
                       "{name}, got {value}.") if self.file else
                    tr("{function}() takes a folder or file name such as 'report' in {name}, "
                       "got {value}."))
            raise QCAInputError(text.format(function=arg.function, name=arg.name,
                                            value=shown(value)))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a number", 5), ("empty", ""),
                                                ("a DataFrame", samples.frame)]


class Text(Kind):
    """A piece of text (a label, a name)."""

    title = "Text"
    rule = "text"

    def __init__(self, *, optional: bool = False):
        super().__init__(optional=optional)
        if optional:
            self.rule = "text, or None"

    def check(self, value, arg):
        if not isinstance(value, str):
            raise QCAInputError(tr("{name} must be text, got {value}.").format(
                name=arg.name, value=shown(value)))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a number", 5), ("a list", ["a"])]


class Names(Kind):
    """A list of texts (e.g. condition names in an order)."""

    title = "List of names"
    rule = "a list of texts, or None"

    def __init__(self, *, optional: bool = True):
        super().__init__(optional=optional)

    def check(self, value, arg):
        if isinstance(value, str) or not isinstance(value, (list, tuple, pd.Index)) or \
                not all(isinstance(v, str) for v in value):
            raise QCAInputError(tr("{name} must be a list of texts, e.g. ['A', 'B'], got "
                                   "{value}.").format(name=arg.name, value=shown(value)))
        return list(value)

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("one text", "A, B"), ("numbers", [1, 2])]

    def same(self, value, arg, samples):
        return [("a tuple", tuple(value))] if isinstance(value, list) else []


class Labels(Kind):
    """Two labels (e.g. 'reference', 'current')."""

    title = "Two labels"
    rule = "a pair of texts, e.g. ('paper', 'current')"

    def check(self, value, arg):
        if isinstance(value, str) or not isinstance(value, (list, tuple)) or len(value) != 2 \
                or not all(isinstance(v, str) for v in value):
            raise QCAInputError(tr("{name} must be two texts, e.g. ('paper', 'current'), got "
                                   "{value}.").format(name=arg.name, value=shown(value)))
        return tuple(value)

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("one text", "paper"), ("three", ("a", "b", "c")),
                                                ("numbers", (1, 2))]


class NameMap(Kind):
    """A dict of texts to texts (names of configurations and their terms)."""

    title = "Names of terms"
    rule = "a dict of texts, e.g. {'S1': 'A*B'}"

    def __init__(self, *, optional: bool = True):
        super().__init__(optional=optional)

    def check(self, value, arg):
        if not isinstance(value, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise QCAInputError(tr("{name} must be a dict of texts such as {{'S1': 'A*B'}}, got "
                                   "{value}.").format(name=arg.name, value=shown(value)))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a list", ["S1"]), ("text", "S1"),
                                                ("a number as value", {"S1": 5})]


class Options(Kind):
    """Keyword options passed on to another function: a dict of known names."""

    title = "Options"

    def __init__(self, allowed, to: str):
        super().__init__(optional=True)
        self.allowed, self.to = tuple(allowed), to
        self.rule = f"a dict of options for {to}: " + ", ".join(self.allowed)

    def check(self, value, arg):
        if not isinstance(value, Mapping):
            raise QCAInputError(tr("{name} must be a dict of options for {to}, e.g. "
                                   "{{'nudge_half': True}}, got {value}.").format(
                name=arg.name, to=self.to, value=shown(value)))
        unknown = [k for k in value if k not in self.allowed]
        if unknown:
            raise QCAInputError(tr("{name}: unknown option(s) {unknown} for {to}; it takes "
                                   "{allowed}.").format(name=arg.name,
                                                        unknown=", ".join(map(repr, unknown)),
                                                        to=self.to,
                                                        allowed=", ".join(self.allowed)))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("an unknown option", {"nudge": True}),
                                                ("text", "nudge_half"), ("a list", [1])]


class CaseSelection(Kind):
    """Which cases a figure labels: True (all), False (none), or a list of case labels."""

    title = "Cases to label"
    rule = ("True (every case), False (none), or a list of case labels from the data's index; "
            "not text such as 'no', not 0 / 1")

    def check(self, value, arg):
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        if isinstance(value, str):
            return [value]
        if isinstance(value, (list, tuple, pd.Index, np.ndarray)) and all(
                isinstance(v, Hashable) and not isinstance(v, (bool, np.bool_)) for v in value):
            return list(value)
        raise QCAInputError(tr("{name} must be True, False or a list of case labels, e.g. "
                               "['Anji county'], got {value}.").format(name=arg.name,
                                                                       value=shown(value)))

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a number", 1), ("a dict", {"a": 1}),
                                                ("a list of lists", [["a"]])]

    def same(self, value, arg, samples):
        return [("a numpy bool", np.bool_(value))] if isinstance(value, bool) else []


class PointLabels(Kind):
    """One label per point: a list of texts or case labels as long as the points ``of``."""

    title = "Point labels"
    rule = "a list of labels (texts or case labels), one per point"

    def __init__(self, of: str):
        super().__init__()
        self.of = of

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        points = arg.get(self.of)
        if isinstance(value, str) or not isinstance(value, (list, tuple, pd.Index, np.ndarray,
                                                            pd.Series)) \
                or not all(isinstance(v, Hashable) for v in value):
            raise QCAInputError(tr("{name} must be a list of labels, one per point, got "
                                   "{value}.").format(name=arg.name, value=shown(value)))
        if points is not None and len(value) != len(points):
            raise QCAInputError(tr("{name} has {n} label(s) for {points} point(s) in {of}: give "
                                   "one label per point.").format(
                name=arg.name, n=len(value), points=len(points), of=self.of))
        return list(value)

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("one text", "a"), ("too few", ["a"])]


class Mask(Kind):
    """True / False for each point ``of`` (a boolean list, array or Series)."""

    title = "Mask"
    rule = "a list of True / False, one per point; None for none"

    def __init__(self, of: str):
        super().__init__(optional=True)
        self.of = of

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        points = arg.get(self.of)
        mask = np.asarray(value) if isinstance(value, (list, tuple, np.ndarray, pd.Series)) \
            else None
        if mask is None or mask.dtype != bool or (points is not None
                                                   and len(mask) != len(points)):
            raise QCAInputError(tr("{name} must be a list of True / False, one per point in "
                                   "{of}, got {value}.").format(name=arg.name, of=self.of,
                                                                value=shown(value)))
        return mask

    def refused(self, arg, samples):
        return [("numbers", [1, 0]), ("text", "yes"), ("too short", [True])]


class Sheet(Kind):
    """A workbook's sheet: its name, or its number from 0."""

    title = "Sheet"
    rule = "a sheet's name (text) or number (0 for the first)"

    def check(self, value, arg):
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, numbers.Integral) and not isinstance(value, bool) and value >= 0:
            return int(value)
        raise QCAInputError(tr("{name} must be a sheet's name or its number (0 for the first "
                               "sheet), got {value}.").format(name=arg.name, value=shown(value)))

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a fraction", 1.5), ("negative", -1),
                                                ("empty", ""), ("True", True)]
