"""Kinds for texts and dicts of options: paths, labels, names, options passed on."""
from __future__ import annotations

import os
from collections.abc import Mapping

import pandas as pd

from ..errors import QCAInputError
from .base import Kind, shown


class Path(Kind):
    """A folder or file name."""

    title = "Path"
    rule = "a folder or file name: text or a pathlib.Path"

    def check(self, value, arg):
        if not isinstance(value, (str, os.PathLike)) or not str(value).strip():
            raise QCAInputError(f"{arg.name} must be a folder or file name such as 'report', "
                                f"got {shown(value)}.")
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
            raise QCAInputError(f"{arg.name} must be text, got {shown(value)}.")
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
            raise QCAInputError(f"{arg.name} must be a list of texts, e.g. ['A', 'B'], got "
                                f"{shown(value)}.")
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
            raise QCAInputError(f"{arg.name} must be two texts, e.g. ('paper', 'current'), got "
                                f"{shown(value)}.")
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
            raise QCAInputError(f"{arg.name} must be a dict of texts such as {{'S1': 'A*B'}}, "
                                f"got {shown(value)}.")
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
            raise QCAInputError(f"{arg.name} must be a dict of options for {self.to}, e.g. "
                                f"{{'nudge_half': True}}, got {shown(value)}.")
        unknown = [k for k in value if k not in self.allowed]
        if unknown:
            raise QCAInputError(f"{arg.name}: unknown option(s) {', '.join(map(repr, unknown))} "
                                f"for {self.to}; it takes {', '.join(self.allowed)}.")
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("an unknown option", {"nudge": True}),
                                                ("text", "nudge_half"), ("a list", [1])]
