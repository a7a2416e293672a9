"""Kinds for numbers and choices: cuts, ranges, counts, model numbers, switches, choices."""
from __future__ import annotations

import difflib
import math
import numbers
import re
from collections.abc import Hashable, Mapping

import numpy as np
import pandas as pd

from .. import _checks
from ..errors import QCAInputError
from ..i18n import sentences, tr
from .base import Kind, _ArgLike, _as_float, finite_numbers, shown


class Cut(Kind):
    """A number in [low, high] (a proportion), e.g. a consistency cut."""

    title = "Cut"

    def __init__(self, low: float = 0.0, high: float = 1.0, *, optional: bool = False,
                 open_low: bool = False, open_high: bool = False, note: str = ""):
        super().__init__(optional=optional)
        self.low, self.high, self.open_low, self.open_high = low, high, open_low, open_high
        self.note = note
        lo, hi = ("(" if open_low else "["), (")" if open_high else "]")
        self.rule = (f"a number in {lo}{low:g}, {high:g}{hi}, a proportion (0.9, not 90); "
                     "not text, not True/False")
        if optional:
            self.rule += "; None for none"

    def check(self, value, arg):
        value = _checks.fraction(value, arg.name, self.low, self.high, note=self.note)
        if (self.open_low and value == self.low) or (self.open_high and value == self.high):
            if self.open_low and self.open_high:
                text = tr("{name} must lie strictly between {low} and {high}{note}, got "
                          "{value}.")
            else:
                text = tr("{name} must be in {range}{note}, got {value}.")
            raise QCAInputError(text.format(
                name=arg.name, low=f"{self.low:g}", high=f"{self.high:g}",
                range=(f"{'(' if self.open_low else '['}{self.low:g}, {self.high:g}"
                       f"{')' if self.open_high else ']'}"),
                note=tr(self.note) if self.note else "", value=f"{value:g}"))
        return value

    def refused(self, arg, samples):
        good = arg.get(arg.name)
        good = good if isinstance(good, float) else (self.low + self.high) / 2
        out = super().refused(arg, samples) + [
            ("text", str(good)), ("True", True), ("NaN", float("nan")), ("a list", [good]),
            ("below the range", self.low - 0.1), ("above the range", self.high + 0.5)]
        if self.high == 1.0:
            out.append(("a percentage", round(good * 100, 6) if good > 0.1 else 85))
        return out

    def same(self, value, arg, samples):
        return [("a numpy float", np.float64(value))] if isinstance(value, float) else []


class CutPair(Cut):
    """One cut, or a pair (cut for 1, cut for 0) as truth tables take it."""

    title = "Cut or pair of cuts"

    def __init__(self):
        super().__init__()
        self.rule = ("a number in [0, 1], or a pair (cut for 1, cut for 0) with the first the "
                     "higher, e.g. (0.8, 0.7)")

    def check(self, value, arg):
        name = arg.name
        if isinstance(value, (str, bytes)) or (np.ndim(value) == 0 and
                                               not isinstance(value, numbers.Real)):
            raise QCAInputError(sentences(
                tr("{name} must be a number in [0, 1] (e.g. 0.8) or a pair (cut for 1, cut for "
                   "0) such as (0.8, 0.7), got {value}.").format(name=name, value=repr(value)),
                _checks._unquoted(value, name)))
        if np.ndim(value) == 0:
            cut = _checks.fraction(value, name)
            return cut, cut
        if np.ndim(value) != 1 or len(value) != 2:
            raise QCAInputError(
                tr("{name} is one number, or a pair (cut for 1, cut for 0), got {value}.")
                .format(name=name, value=repr(value)))
        ic1 = _checks.fraction(value[0], tr("{name}[0] (the cut for OUT = 1)").format(name=name))
        ic0 = _checks.fraction(value[1], tr("{name}[1] (the cut for OUT = 0)").format(name=name))
        if ic0 > ic1:
            raise QCAInputError(
                tr("{name}={value} is reversed: the pair is (cut for 1, cut for 0) and the cut "
                   "for 1 must be the higher one. Use ({high}, {low}): rows from {low} up to "
                   "{high} become contradictions 'C'.").format(
                    name=name, value=repr(value), high=f"{ic0:g}", low=f"{ic1:g}"))
        return ic1, ic0

    def refused(self, arg, samples):
        return [("None", None), ("text", "0.8"), ("a reversed pair", (0.7, 0.8)),
                ("three cuts", (0.9, 0.8, 0.7)), ("a percentage", 80), ("a pair of percentages",
                                                                        (80, 70))]


class Cuts(Kind):
    """A range of values (a list) bracketing an initial one, each of the kind ``item``."""

    title = "Range"

    def __init__(self, item: Kind, initial: str | None = None, *, optional: bool = True,
                 at_least: int = 1, scalars: bool = False):
        super().__init__(optional=optional)
        self.item, self.initial, self.at_least = item, initial, at_least
        self.scalars = scalars  # one number is a list of one (no initial value to bracket)
        self.rule = f"a list of values, each {item.title.lower()}: {item.rule}"

    def needs_for(self, name):
        return (self.initial,) if self.initial else ()

    def check(self, value, arg):
        name = arg.name
        if self.scalars and isinstance(value, numbers.Real) and not isinstance(value, bool):
            value = [value]
        if isinstance(value, str):
            pieces = [p for p in re.split(r"[,;\s]+", value) if p]
            shown_list = (f"[{', '.join(pieces)}]" if pieces and
                          finite_numbers([_as_float(p) for p in pieces]) is not None else "[...]")
            raise QCAInputError(tr("{name} is a list of values, got the text {value}. Write the "
                                   "numbers as a list, without quotes: {name}={list}.").format(
                name=name, value=repr(value), list=shown_list))
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            initial = arg.get(self.initial) if self.initial else None
            pair = sorted({initial, value}) if isinstance(value, numbers.Real) and isinstance(
                initial, numbers.Real) else [value]
            example = f"{name}=({', '.join(f'{v:g}' for v in pair)})"
            if initial is not None:
                text = tr("{name} is a list of values that brackets the initial "
                          "{initial}={initial_value}, got one value {value}. Give the range as "
                          "a list, e.g. {example}.")
            else:
                text = tr("{name} is a list of values, got one value {value}. Give the range as "
                          "a list, e.g. {example}.")
            raise QCAInputError(text.format(name=name, initial=self.initial,
                                            initial_value=repr(initial), value=repr(value),
                                            example=example))
        if isinstance(value, Mapping) or not isinstance(
                value, (list, tuple, np.ndarray, pd.Index, pd.Series, range)):
            raise QCAInputError(tr("{name} must be a list of values, got {value}.").format(
                name=name, value=shown(value)))
        values = [v.item() if isinstance(v, np.generic) else v for v in list(value)]
        if len(values) < self.at_least:
            raise QCAInputError(tr("{name} is empty: give at least one value.").format(name=name))
        return [self.item(v, _ArgLike(f"{name}[{i}]", None, "")) for i, v in enumerate(values)]

    def refused(self, arg, samples):
        return super().refused(arg, samples) + (
            [] if self.scalars else [("one number", 0.85)]) + [("text", "0.8, 0.85"), ("empty", []),
            ("a list holding text", [0.8, "0.85"]), ("a list holding 2.5", [1, 2.5]),
            ("a dict", {"a": 0.8})]  # empty: refused here, or by the function (robustness)

    def same(self, value, arg, samples):
        if isinstance(value, (list, tuple)) and value:
            return [("a numpy array", np.asarray(value))]
        return []


class CutRange(Kind):
    """A pair (lowest, highest) of cuts within [low, high]."""

    title = "Pair of cuts"

    def __init__(self, low: float = 0.0, high: float = 1.0, note: str = ""):
        super().__init__()
        self.low, self.high, self.note = low, high, note
        self.rule = f"a pair (lowest, highest) of numbers in [{low:g}, {high:g}]"

    def check(self, value, arg):
        if isinstance(value, (str, numbers.Number)) or np.ndim(value) != 1 or len(value) != 2:
            raise QCAInputError(tr("{name} must be a pair (lowest, highest), e.g. "
                                   "{name}=(0.7, 1.0), got {value}.").format(
                name=arg.name, value=shown(value)))
        lo = _checks.fraction(value[0], f"{arg.name}[0]", self.low, self.high, note=self.note)
        hi = _checks.fraction(value[1], f"{arg.name}[1]", self.low, self.high, note=self.note)
        if lo > hi:
            raise QCAInputError(tr("{name} must be (lowest, highest); {value} is reversed: use "
                                   "({high}, {low}).").format(
                name=arg.name, value=repr(value), high=f"{hi:g}", low=f"{lo:g}"))
        return lo, hi

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("one number", 0.8), ("reversed", (0.9, 0.7)), ("below the range", (self.low - 0.2,
                                                                                self.high)),
            ("percentages", (70, 100)), ("text", ("0.7", "1"))]


class Number(Kind):
    """Any finite number."""

    title = "Number"
    rule = "a finite number, not text"

    def check(self, value, arg):
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or \
                not math.isfinite(value):
            raise QCAInputError(sentences(
                tr("{name} must be a finite number, got {value}.").format(name=arg.name,
                                                                          value=repr(value)),
                _checks._unquoted(value, arg.name)))
        return value.item() if isinstance(value, np.generic) else value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("text", "2"), ("infinity", float("inf")),
                                                ("True", True)]


class Seconds(Kind):
    """A time limit: a positive number of seconds, or None for no limit."""

    title = "Seconds"
    rule = "a positive number of seconds, not text; None for no limit"

    def __init__(self):
        super().__init__(optional=True)

    def check(self, value, arg):
        value = Number().check(value, arg)
        if value <= 0:
            raise QCAInputError(tr(
                "{name} must be a positive number of seconds (or None for no limit), got "
                "{value}.").format(name=arg.name, value=repr(value)))
        return float(value)

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("text", "10"), ("zero", 0), ("negative", -1),
                                                ("infinity", float("inf")), ("True", True)]


class Numbers(Kind):
    """A list of finite numbers (one number is a list of one), optionally within a range, or as
    many as the list ``count_of``."""

    title = "Numbers"

    def needs_for(self, name):
        return (self.count_of,) if self.count_of else ()

    def __init__(self, low=None, high=None, *, count: int | None = None, optional=False,
                 example: str = "", count_of: str | None = None):
        super().__init__(optional=optional)
        self.low, self.high, self.count, self.example = low, high, count, example
        self.count_of = count_of
        within = f" in [{low:g}, {high:g}]" if low is not None else ""
        self.rule = (f"{count} numbers" if count else "a list of numbers") + within + \
            (f", e.g. {example}" if example else "")

    def check(self, value, arg):
        name = arg.name
        out = finite_numbers(value)
        if out is None:
            raise QCAInputError(tr("{name} must be a list of (finite) numbers, got {value}.")
                                .format(name=name, value=shown(value)))
        if self.count and out.size != self.count:
            raise QCAInputError(tr("{name} must be {count} numbers ({example}), got {value}.")
                                .format(name=name, count=self.count, example=self.example,
                                        value=shown(value)))
        other = arg.get(self.count_of) if self.count_of else None
        if other is not None and out.size != len(other):
            raise QCAInputError(tr("{name} has {n} number(s) and {other} {n_other}: give one for "
                                   "each.").format(name=name, n=out.size, other=self.count_of,
                                                   n_other=len(other)))
        if self.low is not None and (out.size == 0 or np.any((out < self.low) |
                                                             (out > self.high))):
            text = (tr("{Name} must be numbers in [{low}, {high}] (e.g. {example}), got {value}.")
                    if self.example else
                    tr("{Name} must be numbers in [{low}, {high}], got {value}."))
            raise QCAInputError(text.format(Name=name.capitalize(), low=f"{self.low:g}",
                                            high=f"{self.high:g}", example=self.example,
                                            value=repr(value)))
        return tuple(float(v) for v in out)

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [("text", "25, 50, 75"),
                                               ("a list holding text", (1, "2", 3)),
                                               ("NaN", (1.0, float("nan"), 3.0))]
        if self.low is not None:
            out.append(("out of range", (self.low - 1, self.high + 1)))
        return out


class MembershipTable(Kind):
    """Memberships of the cases in one or more sets: a list (one set), a list of lists, a 2-D
    array or a DataFrame (a row per case, a column per set), as many rows as the numbers of
    ``rows_of``. One dimension stays one, two stay two."""

    title = "Membership table"
    rule = ("numbers in [0, 1], a row per case and a column per set: a list of lists, a 2-D "
            "array or a DataFrame (a list or 1-D array is one set)")

    def __init__(self, rows_of: str | None = None):
        super().__init__()
        self.rows_of = rows_of

    def needs_for(self, name):
        return (self.rows_of,) if self.rows_of else ()

    def check(self, value, arg):
        name = arg.name
        table = value.to_numpy(dtype=object) if isinstance(value, (pd.DataFrame, pd.Series)) \
            else value
        items = np.asarray(table, dtype=object) if isinstance(
            table, (list, tuple, np.ndarray)) else None
        if items is None or items.ndim not in (1, 2) or not items.size or not all(
                isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_))
                for v in items.ravel()):
            raise QCAInputError(
                tr("{name} must be memberships, a row per case and a column per set (a list of "
                   "lists, a 2-D array or a DataFrame of numbers), got {value}.").format(
                    name=name, value=shown(value)))
        out = items.astype(float)
        other = arg.get(self.rows_of) if self.rows_of else None
        if other is not None and len(out) != len(other):
            raise QCAInputError(tr("{name} has {n} row(s) and {other} {n_other} number(s): give "
                                   "a row per case.").format(name=name, n=len(out),
                                                             other=self.rows_of,
                                                             n_other=len(other)))
        if not np.all(np.isfinite(out) & (out >= 0) & (out <= 1)):
            raise QCAInputError(tr("{name} must be memberships in [0, 1] (no NaN), got {value}.")
                                .format(name=name, value=shown(value)))
        return out

    def refused(self, arg, samples):
        good = np.asarray(arg.get(arg.name), dtype=float)
        return super().refused(arg, samples) + [
            ("text", "0.2, 0.8"), ("a dict", {"a": 0.5}), ("a list holding text",
                                                          [["0.5"]] * len(good)),
            ("a row short", good[:-1].tolist()), ("out of range", (good + 2).tolist()),
            ("NaN", np.full(good.shape, np.nan).tolist()), ("ragged rows", [[0.1], [0.2, 0.3]])]

    def same(self, value, arg, samples):
        if not isinstance(value, list):
            return []
        table = (("a DataFrame", pd.DataFrame(value)) if np.ndim(value) == 2 else
                 ("a pandas Series", pd.Series(value)))
        return [("a numpy array", np.asarray(value)), table]


class Count(Kind):
    """A whole number >= minimum (``2.0`` is read as 2)."""

    title = "Count"

    def __init__(self, minimum: int = 0, *, optional: bool = False, maximum: int | None = None):
        super().__init__(optional=optional)
        self.minimum, self.maximum = minimum, maximum
        self.rule = f"a whole number >= {minimum}" + (f" and <= {maximum}" if maximum else "") \
            + " (2.0 reads as 2); not text" + ("; None for none" if optional else "")

    def check(self, value, arg):
        value = _checks.whole_number(value, arg.name, self.minimum)
        if self.maximum is not None and value > self.maximum:
            raise QCAInputError(tr("{name} must be at most {maximum}, got {value}.").format(
                name=arg.name, maximum=self.maximum, value=value))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("text", "2"), ("a fraction", 2.5), ("below the minimum", self.minimum - 1),
            ("True", True), ("NaN", float("nan")), ("a list", [2])]

    def same(self, value, arg, samples):
        if isinstance(value, int) and not isinstance(value, bool):
            return [("a whole float", float(value)), ("a numpy integer", np.int64(value))]
        return []


class Model(Count):
    """The index of one of a solution's equally minimal models."""

    title = "Model number"
    rule = "a whole number from 0 to the number of models minus 1"

    def __init__(self, of: str):
        super().__init__(0)
        self.of = of
        self.rule = Model.rule

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        value = super().check(value, arg)
        sol = arg.get(self.of)
        models = getattr(sol, "models", None)
        if type(sol).__name__ != "Solution":
            if value:
                raise QCAInputError(tr("{name} picks one of a solution's models, but {of} is an "
                                       "expression (one model); leave {name} out.").format(
                    name=arg.name, of=self.of))
            return value
        if value >= len(models):
            raise QCAInputError(
                tr("{name}={value} does not exist: the solution has {n} model(s); {name} must be "
                   "0 to {last}.").format(name=arg.name, value=repr(value), n=len(models),
                                          last=len(models) - 1))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a model that does not exist", 99)]


class Switch(Kind):
    """True or False: a real boolean, nothing that Python would only *read* as one."""

    title = "Switch"
    rule = "True or False (numpy booleans too); not text such as 'no', not 0 / 1, not None"

    def check(self, value, arg):
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        name = arg.name
        if isinstance(value, str):
            hint = tr("Text reads as True whatever it says: write {name}=False or {name}=True, "
                      "without quotes.").format(name=name)
        elif isinstance(value, numbers.Real) and value in (0, 1):
            hint = tr("Write {name}={value}.").format(name=name, value=bool(value))
        else:
            hint = ""
        raise QCAInputError(sentences(tr("{name} must be True or False, got {value}.").format(
            name=name, value=repr(value)), hint))

    def refused(self, arg, samples):
        return [("text 'no'", "no"), ("text 'False'", "False"), ("1", 1), ("0", 0),
                ("None", None)]

    def same(self, value, arg, samples):
        return [("a numpy bool", np.bool_(value))]


class OneOf(Kind):
    """One of a few choices (``choices`` may be a function giving them)."""

    title = "Choice"

    def __init__(self, *choices, what: str | None = None, optional: bool | None = None):
        super().__init__(optional=None in choices if optional is None else optional)
        self._choices, self.what = choices, what
        if choices and not callable(choices[0]):
            self.rule = "one of " + ", ".join(map(repr, choices))
        else:
            self.rule = "one of the names the function lists"

    def choices(self, arg) -> list:
        if len(self._choices) == 1 and callable(self._choices[0]):
            return list(self._choices[0](arg))
        return list(self._choices)

    def check(self, value, arg):
        choices = self.choices(arg)
        if isinstance(value, Hashable) and not isinstance(value, bool) and value in choices:
            return value
        options = ", ".join(map(repr, choices))
        text = [c for c in choices if isinstance(c, str)]
        close = [c for c in text if isinstance(value, str)
                 and c.lower() == value.strip().lower()] or (
            difflib.get_close_matches(value, text, n=1) if isinstance(value, str) else [])
        hint = tr("Did you mean {names}?").format(names=repr(close[0])) if close else ""
        if self.what:
            raise QCAInputError(sentences(tr("Unknown {what} {value}: use one of {options}.")
                                          .format(what=_checks.noun(self.what), value=repr(value),
                                                  options=options), hint))
        raise QCAInputError(sentences(tr("{name} must be one of {options}, got {value}.").format(
            name=arg.name, options=options, value=repr(value)), hint))

    def refused(self, arg, samples):
        choices = self.choices(arg)
        out = [("an unknown choice", "bogus"), ("a number", 7), ("a list", choices[:1])]
        if not self.optional:
            out.append(("None", None))
        text = [c for c in choices if isinstance(c, str) and c.upper() != c]
        if text:
            out.append(("capitals", text[0].upper()))
        return out


def term_choices(arg):
    return list(arg.get("self").memberships.columns)


class CutMap(Kind):
    """A dict of named cuts, any of ``keys``, each in [0, 1] (e.g. the necessity rule's)."""

    title = "Named cuts"

    def __init__(self, defaults: Mapping, *, optional: bool = True):
        super().__init__(optional=optional)
        self.defaults = dict(defaults)
        self.rule = ("a dict with any of " + ", ".join(map(repr, self.defaults))
                     + ", each a proportion in [0, 1]" + ("; None for the defaults"
                                                          if optional else ""))

    def check(self, value, arg):
        _checks.cut_map(value, self.defaults, arg.name)
        return dict(value)

    def refused(self, arg, samples):
        key = next(iter(self.defaults))
        return super().refused(arg, samples) + [
            ("an unknown key", {"bogus": 0.5}), ("a percentage", {key: 90}),
            ("text", {key: "0.9"}), ("a number", 0.9)]
