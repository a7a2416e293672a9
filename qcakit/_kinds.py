"""The kinds of argument a parameter spec (:mod:`qcakit._spec`) declares, and their messages.

A kind checks one argument before a function's body runs. It coerces only what is unambiguous
(a tuple of names for a list, ``2.0`` for a count, ``np.True_`` for ``True``) and refuses the
rest with a :class:`~qcakit.QCAInputError` naming the argument, the value and a fix that the same
function accepts. Every message of the argument checks is composed here.

Each kind also declares the values it must refuse (:meth:`Kind.refused`) and the forms it reads
the same (:meth:`Kind.same`), from which ``tests/test_api_inputs.py`` generates its cases.

>>> import pandas as pd
>>> from qcakit._spec import Arg
>>> Switch()("no", Arg("negate_outcome", "suin", {}))
Traceback (most recent call last):
...
qcakit.errors.QCAInputError: negate_outcome must be True or False, got 'no'. Text reads as True whatever it says: write negate_outcome=False or negate_outcome=True, without quotes.
>>> Count(1)(2.0, Arg("n_cut", "truth_table", {}))
2
"""
from __future__ import annotations

import difflib
import math
import numbers
import os
import re
from collections.abc import Hashable, Iterable, Mapping

import numpy as np
import pandas as pd

from . import _checks
from .errors import QCAInputError

# ---------------------------------------------------------------------------------------------
# How values are named in messages


def kit_name(value) -> str | None:
    """'a truth table', 'a parsimonious solution', ... for the kit's own results, else None."""
    cls = type(value)
    if not cls.__module__.startswith("qcakit"):
        return None
    if cls.__name__ == "Solution":
        return f"a {value.kind} solution"
    return {"TruthTable": "a truth table", "NecessityTable": "a necessity table",
            "Exclusions": "an esa() result (Exclusions)", "Analysis": "an explore.analyse() result",
            "Fit": "a fit table (qcakit.evaluate)"}.get(cls.__name__, f"a {cls.__name__} result")


def shown(value) -> str:
    """A value as a message quotes it: short, with its type where the repr hides it."""
    kit = kit_name(value)
    if kit:
        return kit
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame ({value.shape[0]} rows x {value.shape[1]} columns)"
    if isinstance(value, (pd.Series, np.ndarray)):
        return f"a {type(value).__name__} of {len(value)} values"
    text = repr(value)
    text = text if len(text) <= 80 else text[:77] + "..."
    if isinstance(value, (str, bool, numbers.Number)) or value is None:
        return text
    return f"{type(value).__name__} {text}"


def finite_numbers(value) -> np.ndarray | None:
    """``value`` (a number or a flat list of numbers) as a float array, or None when it holds
    text, booleans, NaN or infinity (numpy would read "2" as 2.0 without a word)."""
    items = value if isinstance(value, (list, tuple, np.ndarray, pd.Series, pd.Index)) else [value]
    if isinstance(value, (str, bytes, Mapping)) or kit_name(value) or not all(
            isinstance(v, numbers.Real) and not isinstance(v, (bool, np.bool_)) for v in
            np.asarray(items, dtype=object).ravel()):
        return None
    out = np.atleast_1d(np.asarray(value, dtype=float))
    return out if out.ndim == 1 and np.all(np.isfinite(out)) else None


def _as_float(text: str):
    """``text`` as a float, or the text itself when it is not a number."""
    try:
        return float(text)
    except ValueError:
        return text


def _source_names(source):
    """The names an expression may use: a DataFrame's columns or a truth table's conditions."""
    if isinstance(source, pd.DataFrame):
        return source.columns
    if type(source).__name__ == "TruthTable":
        return pd.Index(source.conditions)
    return None


# ---------------------------------------------------------------------------------------------
# The base kind


class Kind:
    """One kind of argument: ``title`` and ``rule`` for the docs, :meth:`check` for the value."""

    title = "Value"
    rule = ""

    def __init__(self, *, optional: bool = False):
        self.optional = optional

    def needs_for(self, name: str) -> tuple:
        """The other parameters this check reads (they are checked first)."""
        return ()

    def __call__(self, value, arg):
        if value is None and self.optional:
            return None
        return self.check(value, arg)

    def check(self, value, arg):
        return value

    def refused(self, arg, samples) -> list:
        """(label, value) pairs this kind must refuse in this call."""
        return [] if self.optional else [("None", None)]

    def same(self, value, arg, samples) -> list:
        """(label, value) pairs that must give the same result as ``value``."""
        return []


def _refuse_kit(value, arg, wanted: str, fix: str = "") -> None:
    """Refuse one of the kit's results given where ``wanted`` is expected."""
    kit = kit_name(value)
    if kit:
        raise QCAInputError(f"{arg.name} must be {wanted}, got {kit}.{fix}")


# ---------------------------------------------------------------------------------------------
# Data


def frame_fix(value, name: str) -> str:
    """The fix for a value that is not a DataFrame where one is expected."""
    kind = type(value).__name__
    if kind == "TruthTable":
        return f" A truth table's memberships are its .data: pass {name}=tt.data."
    if kind == "Solution":
        return (f" A solution's memberships are those of its truth table: pass "
                f"{name}=solution.truth_table.data.")
    if kit_name(value):
        return (" That is a result of the kit, not data: pass the DataFrame of memberships "
                "the analysis started from.")
    if isinstance(value, str):
        return f" Read the file first, e.g. {name} = pd.read_csv({value!r}, index_col=0)."
    if value is None:
        return " Pass the DataFrame (cases as rows, sets as columns)."
    return " Wrap it with pd.DataFrame(...)."


class Frame(Kind):
    """A pandas DataFrame of cases (a Series is one column)."""

    title = "Data frame"
    rule = ("a pandas DataFrame, cases as rows and sets as columns (a Series is one column), "
            "with at least one case and unique one-level column names; the case names may "
            "have several levels, e.g. (country, year)")

    def check(self, value, arg):
        return _checks.as_frame(value, arg.name)

    def refused(self, arg, samples):
        f = samples.frame
        two_level = f.copy()
        two_level.columns = pd.MultiIndex.from_tuples([("set", c) for c in f.columns])
        return super().refused(arg, samples) + [
            ("a file name", "data.csv"), ("a list of lists", [[0.1, 0.2]]),
            ("a truth table", samples.tt), ("a solution", samples.solution),
            ("no rows", f.iloc[:0]), ("a repeated column", pd.concat([f.iloc[:, :1], f], axis=1)),
            ("two-level column names", two_level)]


class Column(Kind):
    """One column name of the frame passed as ``of``."""

    title = "Column name"
    rule = "one column name of the data, spelt as there"

    def __init__(self, of: str = "data", what: str | None = None, *, optional: bool = False):
        super().__init__(optional=optional)
        self.of, self.what = of, what

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        data = arg.get(self.of)
        what = self.what or arg.name
        if isinstance(value, (list, tuple, set, pd.Index, np.ndarray, pd.Series)) or \
                kit_name(value):
            items = list(value) if isinstance(value, (list, tuple, pd.Index, np.ndarray)) else []
            fix = (f" Pass the name itself: {arg.name}={items[0]!r}." if len(items) == 1
                   else "")
            raise QCAInputError(f"{what.capitalize()} is one column name, got {shown(value)}.{fix}")
        if not isinstance(value, Hashable):
            raise QCAInputError(f"{what.capitalize()} is one column name, got {shown(value)}.")
        if value is None:
            raise QCAInputError(f"Name the {what} column: {arg.name}='...', one of the data's "
                                "columns.")
        if isinstance(data, pd.DataFrame) and value not in data.columns:
            raise _checks.unknown(data, value, what)
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("an unknown name", "ZZZ"), ("a list", [arg.get(arg.name)]), ("a number", 12345),
            ("a truth table", samples.tt)]


class Columns(Kind):
    """Column names (a list) of the frame ``of``; ``None`` means the function's default."""

    title = "Column names"
    rule = ("a list of column names (a tuple or pandas Index is read as a list, one name as a "
            "list of one), each once, not the outcome, each usable in an expression")

    def __init__(self, of: str = "data", what: str = "condition", outcome: str | None = "outcome",
                 *, notation: bool = True, expressions: bool = False, optional: bool = True,
                 unknown: str | None = None):
        super().__init__(optional=optional)
        self.of, self.what, self.outcome = of, what, outcome
        self.unknown = unknown or what  # how a name not in the data is called
        self.notation, self.expressions = notation, expressions
        if expressions:
            self.rule = ("a list of column names or expressions such as 'A + ~B' (one name or "
                         "expression alone is a list of one), not the outcome")

    def needs_for(self, name):
        return tuple(p for p in (self.of, self.outcome) if p)

    def check(self, value, arg):
        name, what = arg.name, self.what  # of=None: names checked by the function
        _refuse_kit(value, arg, f"a list of {what} names",
                    " A truth table's conditions are tt.conditions."
                    if type(value).__name__ == "TruthTable" else "")
        if isinstance(value, str):
            value = [_checks.name_list(value, name)]
        elif isinstance(value, Mapping):
            raise QCAInputError(f"{name} must be a list of {what} names, got a dict {value!r}. "
                                f"Pass the names as a list: {name}={list(value)!r}.")
        elif isinstance(value, (set, frozenset)):
            raise QCAInputError(f"{name} must be a list of {what} names, got a set (which has no "
                                f"order). Pass a list: {name}={sorted(map(str, value))!r}.")
        elif isinstance(value, (list, tuple, pd.Index, pd.Series, np.ndarray)):
            value = [v.item() if isinstance(v, np.generic) else v for v in list(value)]
        else:
            raise QCAInputError(f"{name} must be a list of {what} names, e.g. ['A', 'B'], got "
                                f"{shown(value)}.")
        if not value:
            raise QCAInputError(f"{name} is empty: give at least one {what}.")
        data = arg.get(self.of) if self.of else None
        outcome = arg.get(self.outcome) if self.outcome else None
        names = self._names(value, data, name)
        if outcome is not None and outcome in names:
            item = next(v for v in value if v == outcome or (
                isinstance(v, str) and outcome in _expression_names(v)))
            rest = [v for v in value if v != item]
            raise QCAInputError(
                f"The outcome {outcome!r} is also in the {what}s (as {item!r}): the outcome "
                f"cannot also be a {what}, since a set is trivially necessary and sufficient "
                f"for itself. Leave it out: {name}={rest!r}.")
        return value

    def _names(self, value, data, name) -> list:
        """The column names used (checked against ``data``), in order."""
        if not self.expressions:
            names = _checks.known_columns(data, value, self.unknown) if isinstance(
                data, pd.DataFrame) else value
            if self.notation:
                _checks.notation_names(names, self.what)
            return names
        names = []
        for item in value:
            if not isinstance(item, str) or isinstance(data, pd.DataFrame) and \
                    item in data.columns:
                _checks.notation_names([item], self.what)
            Expression(self.of)(item, _ArgLike(f"{name} item", data, self.of))
            names += _expression_names(item)
        return names

    def refused(self, arg, samples):
        good = arg.get(arg.name) or [c for c in samples.conditions]
        out = super().refused(arg, samples) + [
            ("names in one string", ", ".join(map(str, good[:2]))), ("empty", []),
            ("a nested list", [list(good)]), ("a dict", dict.fromkeys(good, 1)),
            ("a number", 12345), ("a truth table", samples.tt), ("an unknown name", ["ZZZ"])]
        if not self.expressions:
            out.append(("a name twice", [good[0], good[0]]))
        if self.outcome and arg.get(self.outcome) is not None:
            out.append(("the outcome among them", list(good) + [arg.get(self.outcome)]))
        return out

    def same(self, value, arg, samples):
        if not isinstance(value, list) or not value:
            return []
        out = [("a tuple", tuple(value)), ("a pandas Index", pd.Index(value))]
        if len(value) == 1:
            out.append(("one name alone", value[0]))
        return out


class _ArgLike:
    """A stand-in :class:`~qcakit._spec.Arg` for checking one item of a list."""

    def __init__(self, name, source, of):
        self.name, self.function, self.params = name, "", ()
        self.values = {of: source}

    def get(self, name):
        return self.values.get(name)


def _expression_names(text) -> list:
    from .sets import names_in, parse

    try:
        return names_in(parse(text))
    except QCAInputError:
        return []


# ---------------------------------------------------------------------------------------------
# Expressions

#: Operators of other notations and what QCA notation writes instead.
_OPERATORS = {"&": "*", "∧": "*", "|": " + ", "∨": " + "}
_NEGATIONS = ("!", "¬", "−", "-", "–")


def unknown_in_expression(known, name, text, what="condition") -> QCAInputError:
    """The error for a name of an expression that is not a column (or condition), with the fix
    for the usual slips: ``&``, ``|``, ``!``, a unicode minus, R's lowercase negation."""
    known = [str(c) for c in known]
    if f"~{name}" in known:
        return QCAInputError(
            f"Unknown {what} {name!r} in {text!r}: the data have a column named '~{name}', which "
            f"an expression reads as 'not {name}'. Rename that column, e.g. data = "
            f"data.rename(columns={{'~{name}': 'not_{name}'}}).")
    for op, ours in _OPERATORS.items():
        if op in name:
            pieces = [p.strip() for p in name.split(op)]
            if all(p in known for p in pieces):
                word = "and" if ours == "*" else "or"
                return QCAInputError(
                    f"Cannot read {name!r} in {text!r}: {op!r} is not QCA notation. Write "
                    f"{ours.strip()!r} for {word}: {ours.join(pieces)!r}.")
    if name[:1] in _NEGATIONS and name[1:] in known:
        return QCAInputError(
            f"Cannot read {name!r} in {text!r}: {name[0]!r} is not QCA notation for not. "
            f"Write '~': {'~' + name[1:]!r}.")
    upper = [c for c in known if c.lower() == name.lower() and c != name]
    if upper and name == name.lower():
        return QCAInputError(
            f"Unknown {what} {name!r} in {text!r}. In R's QCA a lowercase name is the negation "
            f"of the set: here write '~{upper[0]}' (or {upper[0]!r} for the set itself).")
    return None


class Expression(Kind):
    """A Boolean expression in QCA notation, its names checked against ``of``."""

    title = "Expression"
    rule = ("one text in QCA notation: '*' and, '+' or, '~' not, e.g. 'A*~B + C'; '1' is the "
            "expression every case is in")

    def __init__(self, of: str | None = None, outcome: str | None = None, *,
                 optional: bool = False, solutions: bool = False, what: str = "condition"):
        super().__init__(optional=optional)
        self.of, self.outcome, self.solutions, self.what = of, outcome, solutions, what
        if solutions:
            self.title = "Expression or solution"
            self.rule = self.rule + ", or a solution from qcakit.minimize"

    def needs_for(self, name):
        return tuple(p for p in (self.of, self.outcome) if p)

    def check(self, value, arg):
        from .sets import _parsed, names_in, resolve_one

        if type(value).__name__ == "Solution":
            if self.solutions:
                return value
            raise QCAInputError(
                f"{arg.name} must be an expression such as 'A*~B + C', got {shown(value)}. "
                f"Pass its text: {arg.name}=solution.expression (or solution.expressions[i] for "
                "model i).")
        _refuse_kit(value, arg, "an expression such as 'A*~B + C'")
        if self.solutions and not isinstance(value, (str, tuple, list)):
            raise QCAInputError(f"{arg.name} must be an expression such as 'A*B + C' or a "
                                f"solution from qcakit.minimize, got {shown(value)}.")
        expr = _parsed(value)
        known = _source_names(arg.get(self.of)) if self.of else None
        if known is not None:
            expr = resolve_one(expr, known)
            for name in names_in(expr):
                if name not in known:
                    raise (unknown_in_expression(known, name, value, self.what)
                           or _checks.unknown(known, name, self.what))
        outcome = arg.get(self.outcome) if self.outcome else None
        if outcome is not None and outcome in names_in(expr):
            raise QCAInputError(
                f"The outcome {outcome!r} appears in the expression {value!r}; a set is "
                "trivially sufficient and necessary for itself. Use an expression of the "
                "conditions only.")
        return value

    def refused(self, arg, samples):
        a, b = samples.conditions[:2]
        out = super().refused(arg, samples) + [
            ("empty", ""), ("a number", 5), ("a list of names", [a, b]),
            ("a comma", f"{a}, {b}"), ("parentheses", f"({a} + {b})*{a}")]
        if self.of:  # slips that only the data's names reveal
            out += [("'&' for and", f"{a}&{b}"), ("'|' for or", f"{a}|{b}"),
                    ("'!' for not", f"!{a}"), ("a unicode minus", f"−{a}"),
                    ("R's lowercase negation", f"{a}*{b.lower()}"), ("an unknown name", "ZZZ")]
        if not self.solutions:
            out.append(("a solution", samples.solution))
        if self.outcome and arg.get(self.outcome) is not None:
            out.append(("the outcome inside", f"{a}*{arg.get(self.outcome)}"))
        return out


class Expressions(Kind):
    """One expression or a list of them (read as a list)."""

    title = "Expressions"
    rule = "an expression or a list of expressions (one alone is a list of one)"

    def __init__(self, of: str | None = None, *, optional: bool = True, at_least: int = 0):
        super().__init__(optional=optional)
        self.of, self.at_least = of, at_least

    def needs_for(self, name):
        return (self.of,) if self.of else ()

    def check(self, value, arg):
        if type(value).__name__ == "NecessityTable":
            raise QCAInputError(
                f"{arg.name} takes expressions, got a necessity table. Pass the conditions it "
                f"found necessary: {arg.name}=nec.necessary().")
        _refuse_kit(value, arg, "an expression or a list of expressions")
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple, pd.Index, np.ndarray)):
            raise QCAInputError(f"{arg.name} must be an expression or a list of expressions, "
                                f"got {shown(value)}.")
        items = [v.item() if isinstance(v, np.generic) else v for v in items]
        if len(items) < self.at_least:
            raise QCAInputError(f"{arg.name} is empty: give at least one expression.")
        item_kind = Expression(self.of)
        for i, item in enumerate(items):
            item_kind(item, _ArgLike(f"{arg.name}[{i}]", arg.get(self.of), self.of))
        return items

    def refused(self, arg, samples):
        a = samples.conditions[0]
        out = super().refused(arg, samples) + [
            ("a number", 5), ("a necessity table", samples.necessity), ("'!' for not", f"!{a}"),
            ("a list holding a number", [a, 5])]
        if self.at_least:
            out.append(("empty", []))
        return out

    def same(self, value, arg, samples):
        if isinstance(value, list) and len(value) == 1:
            return [("one expression alone", value[0])]
        return []


# ---------------------------------------------------------------------------------------------
# The kit's results


class TruthTableArg(Kind):
    """A truth table from :func:`qcakit.truth_table`."""

    title = "Truth table"
    rule = "a truth table from qcakit.truth_table"

    def check(self, value, arg):
        if type(value).__name__ == "TruthTable":
            return value
        fn = arg.function
        make = "tt = qcakit.truth_table(data, outcome, conditions)"
        if isinstance(value, pd.DataFrame) and "OUT" in value.columns:
            raise QCAInputError(f"{fn}() takes a truth table, got a DataFrame that looks like "
                                f"a truth table's .table. Pass the truth table itself: "
                                f"{arg.name}=tt, not tt.table.")
        if type(value).__name__ == "Solution":
            raise QCAInputError(f"{fn}() takes a truth table, got {shown(value)}. Its truth "
                                f"table is solution.truth_table.")
        raise QCAInputError(f"{fn}() takes a truth table, got {shown(value)}. Give a truth "
                            f"table: {make}, then {fn}(tt, ...).")

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("a DataFrame", samples.frame), ("a truth table's .table", samples.tt.table),
            ("a solution", samples.solution), ("text", "tt")]


class SolutionArg(Kind):
    """A solution from :func:`qcakit.minimize`, of the given types (and of one truth table)."""

    title = "Solution"
    rule = "a solution from qcakit.minimize, of the type the parameter names"

    def __init__(self, kinds=("complex", "parsimonious", "intermediate"), of_table=None, *,
                 optional: bool = False):
        super().__init__(optional=optional)
        self.kinds, self.of_table = tuple(kinds), of_table

    def needs_for(self, name):
        return (self.of_table,) if self.of_table else ()

    def check(self, value, arg):
        kinds = self.kinds
        wanted = f"the {' or '.join(kinds)} solution, e.g. qcakit.minimize(tt, '{kinds[0]}')"
        if type(value).__name__ != "Solution":
            extra = (" (a solution's text is solution.expression; pass the solution itself)"
                     if isinstance(value, str) else "")
            raise QCAInputError(f"{arg.call()}: {arg.name} must be {wanted}, got "
                                f"{shown(value)}{extra}.")
        if value.kind not in kinds:
            raise QCAInputError(f"{arg.call()}: {arg.name} must be {wanted}, got a {value.kind} "
                                f"solution.{self._swapped(value, arg)}")
        tt = arg.get(self.of_table) if self.of_table else None
        if tt is not None and value.truth_table is not tt:
            raise QCAInputError(
                f"{arg.name} was not minimized from this truth table: the solutions must be "
                f"minimized from the truth table you pass ({self.of_table}), e.g. "
                f"{arg.name}=qcakit.minimize({self.of_table}, '{value.kind}').")
        return value

    def _swapped(self, value, arg) -> str:
        """A hint when another solution of the call has the type this parameter wants."""
        for other in arg.params:
            got = arg.values.get(other)
            if other != arg.name and type(got).__name__ == "Solution" and got.kind in self.kinds:
                first, second = ((self.kinds[0], value.kind) if arg.params.index(arg.name)
                                 < arg.params.index(other) else (value.kind, self.kinds[0]))
                return (f" The two look swapped: pass the {first} solution, then the {second} "
                        f"one ({arg.name} and {other}).")
        return ""

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [
            ("a truth table", samples.tt), ("an expression", samples.solution.expression),
            ("a DataFrame", samples.frame)]
        wrong = [s for k, s in samples.solutions.items() if k not in self.kinds]
        if wrong:
            out.append(("a solution of another type", wrong[0]))
        if self.of_table:
            out.append(("a solution of another truth table",
                        samples.other_solutions[self.kinds[0]]))
        return out


class Solutions(Kind):
    """A list of solutions (one solution alone is read as a list of one)."""

    title = "Solutions"
    rule = "a list of solutions from qcakit.minimize (one solution alone is a list of one)"

    def __init__(self, of_table=None):
        super().__init__()
        self.of_table = of_table

    def needs_for(self, name):
        return (self.of_table,) if self.of_table else ()

    def check(self, value, arg):
        if type(value).__name__ == "Solution":
            value = [value]
        if not isinstance(value, (list, tuple)) or not value:
            raise QCAInputError(
                f"{arg.function}() needs at least one solution in {arg.name}, each minimized "
                f"from this truth table (qcakit.minimize(tt, ...)), got {shown(value)}.")
        item = SolutionArg(of_table=self.of_table)
        for i, sol in enumerate(value):
            try:
                item(sol, arg)
            except QCAInputError as err:
                raise QCAInputError(f"{arg.name}[{i}]: {err} (each minimized from this truth "
                                    "table)") from None
        return list(value)

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("empty", []), ("a truth table", samples.tt), ("a list holding text", ["A*B"]),
            ("a solution of another truth table", [samples.other_solutions["parsimonious"]])]

    def same(self, value, arg, samples):
        if isinstance(value, list) and len(value) == 1:
            return [("one solution alone", value[0]), ("a tuple", tuple(value))]
        return []


class Result(Kind):
    """One of the kit's result objects, by class name, with how it is made."""

    title = "Result"

    def __init__(self, cls: str, make: str, *, optional: bool = False, table_hint: str = "",
                 short: str = "result"):
        super().__init__(optional=optional)
        self.cls, self.make, self.table_hint, self.short = cls, make, table_hint, short
        self.title = {"NecessityTable": "Necessity result", "Analysis": "Analysis"}.get(cls, cls)
        self.rule = f"the result of {make}"

    def check(self, value, arg):
        if type(value).__name__ == self.cls:
            return value
        if isinstance(value, pd.DataFrame) and self.table_hint and \
                self.table_hint in value.columns:
            raise QCAInputError(
                f"{arg.name} must be the result of {self.make} itself, got a DataFrame that "
                f"looks like its .table. Pass the result itself: {arg.name}={self.short}, not "
                f"{self.short}.table.")
        raise QCAInputError(f"{arg.name} must be the result of {self.make}, got {shown(value)}.")

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [("text", "result"), ("a DataFrame", samples.frame)]
        if self.cls != "TruthTable":
            out.append(("a truth table", samples.tt))
        if self.cls == "NecessityTable":
            out.append(("its .table", samples.necessity.table))
        return out


def necessity_result(optional=True) -> Result:
    return Result("NecessityTable", "qcakit.necessity(data, outcome)", optional=optional,
                  table_hint="consistency", short="nec")


class Exclude(Kind):
    """Remainder rows barred as counterfactuals (``minimize(exclude=)``)."""

    title = "Excluded rows"
    rule = ("remainder rows: row numbers as in tt.complete(), expressions such as '~A*B', "
            "{row: reason}, an esa() result, or a list of these")

    def __init__(self, of: str = "truth_table"):
        super().__init__(optional=True)
        self.of = of

    def needs_for(self, name):
        return (self.of,)

    def check(self, value, arg):
        from .minimize import parse_exclude

        if kit_name(value) and not hasattr(value, "table") or type(value).__name__ in (
                "TruthTable", "NecessityTable"):
            raise QCAInputError(
                f"{arg.name} takes the remainder rows to bar, got {shown(value)}. Pass rows, "
                f"e.g. {arg.name}=qcakit.esa(tt, contradictory=True) or {arg.name}=[3, 5] (row "
                "numbers as in tt.complete()), or expressions such as '~A*B'.")
        atoms = value.table.index if hasattr(value, "table") and isinstance(
            value.table, pd.DataFrame) else value
        items = atoms if isinstance(atoms, (list, tuple, set, np.ndarray, pd.Index, Mapping,
                                            pd.DataFrame)) else [atoms]
        if isinstance(items, pd.DataFrame):
            items = items.index
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (str, numbers.Integral)):
                raise QCAInputError(
                    f"{arg.name}: {item!r} is neither a row number nor an expression such as "
                    "'~A*B' (rows are numbered as in tt.complete()).")
        parse_exclude(value, arg.get(self.of))
        return value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("a solution", samples.solution), ("a truth table", samples.tt), ("a float", 2.5),
            ("True", True), ("a row that does not exist", [10 ** 6]),
            ("a list holding None", [None])]


# ---------------------------------------------------------------------------------------------
# Numbers


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
                within = f"lie strictly between {self.low:g} and {self.high:g}"
            else:
                within = (f"be in {'(' if self.open_low else '['}{self.low:g}, {self.high:g}"
                          f"{')' if self.open_high else ']'}")
            raise QCAInputError(f"{arg.name} must {within}{self.note}, got {value:g}.")
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
            raise QCAInputError(
                f"{name} must be a number in [0, 1] (e.g. 0.8) or a pair (cut for 1, cut for 0) "
                f"such as (0.8, 0.7), got {value!r}.{_checks._unquoted(value, name)}")
        if np.ndim(value) == 0:
            cut = _checks.fraction(value, name)
            return cut, cut
        if np.ndim(value) != 1 or len(value) != 2:
            raise QCAInputError(
                f"{name} is one number, or a pair (cut for 1, cut for 0), got {value!r}.")
        ic1 = _checks.fraction(value[0], f"{name}[0] (the cut for OUT = 1)")
        ic0 = _checks.fraction(value[1], f"{name}[1] (the cut for OUT = 0)")
        if ic0 > ic1:
            raise QCAInputError(
                f"{name}={value!r} is reversed: the pair is (cut for 1, cut for 0) and the cut "
                f"for 1 must be the higher one. Use ({ic0:g}, {ic1:g}): rows from {ic1:g} up to "
                f"{ic0:g} become contradictions 'C'.")
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
            raise QCAInputError(f"{name} is a list of values, got the text {value!r}. Write the "
                                f"numbers as a list, without quotes: {name}={shown_list}.")
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            initial = arg.get(self.initial) if self.initial else None
            pair = sorted({initial, value}) if isinstance(value, numbers.Real) and isinstance(
                initial, numbers.Real) else [value]
            example = f" e.g. {name}=({', '.join(f'{v:g}' for v in pair)})"
            around = (f" that brackets the initial {self.initial}={initial!r}"
                      if initial is not None else "")
            raise QCAInputError(f"{name} is a list of values{around}, got one value "
                                f"{value!r}. Give the range as a list,{example}.")
        if isinstance(value, Mapping) or not isinstance(
                value, (list, tuple, np.ndarray, pd.Index, pd.Series, range)):
            raise QCAInputError(f"{name} must be a list of values, got {shown(value)}.")
        values = [v.item() if isinstance(v, np.generic) else v for v in list(value)]
        if len(values) < self.at_least:
            raise QCAInputError(f"{name} is empty: give at least one value.")
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
            raise QCAInputError(f"{arg.name} must be a pair (lowest, highest), e.g. "
                                f"{arg.name}=(0.7, 1.0), got {shown(value)}.")
        lo = _checks.fraction(value[0], f"{arg.name}[0]", self.low, self.high, note=self.note)
        hi = _checks.fraction(value[1], f"{arg.name}[1]", self.low, self.high, note=self.note)
        if lo > hi:
            raise QCAInputError(f"{arg.name} must be (lowest, highest); {value!r} is reversed: "
                                f"use ({hi:g}, {lo:g}).")
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
            raise QCAInputError(f"{arg.name} must be a finite number, got {value!r}."
                                f"{_checks._unquoted(value, arg.name)}")
        return value.item() if isinstance(value, np.generic) else value

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("text", "2"), ("infinity", float("inf")),
                                                ("True", True)]


class Numbers(Kind):
    """A list of finite numbers (one number is a list of one), optionally within a range."""

    title = "Numbers"

    def __init__(self, low=None, high=None, *, count: int | None = None, optional=False,
                 example: str = ""):
        super().__init__(optional=optional)
        self.low, self.high, self.count, self.example = low, high, count, example
        within = f" in [{low:g}, {high:g}]" if low is not None else ""
        self.rule = (f"{count} numbers" if count else "a list of numbers") + within + \
            (f", e.g. {example}" if example else "")

    def check(self, value, arg):
        name = arg.name
        out = finite_numbers(value)
        if out is None:
            raise QCAInputError(f"{name} must be a list of (finite) numbers, got {shown(value)}.")
        if self.count and out.size != self.count:
            raise QCAInputError(f"{name} must be {self.count} numbers ({self.example}), got "
                                f"{shown(value)}.")
        if self.low is not None and (out.size == 0 or np.any((out < self.low) |
                                                             (out > self.high))):
            raise QCAInputError(
                f"{name.capitalize()} must be numbers in [{self.low:g}, {self.high:g}]"
                f"{' (e.g. ' + self.example + ')' if self.example else ''}, got {value!r}.")
        return tuple(float(v) for v in out)

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [("text", "25, 50, 75"),
                                               ("a list holding text", (1, "2", 3)),
                                               ("NaN", (1.0, float("nan"), 3.0))]
        if self.low is not None:
            out.append(("out of range", (self.low - 1, self.high + 1)))
        return out


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
            raise QCAInputError(f"{arg.name} must be at most {self.maximum}, got {value}.")
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
                raise QCAInputError(f"{arg.name} picks one of a solution's models, but "
                                    f"{self.of} is an expression (one model); leave "
                                    f"{arg.name} out.")
            return value
        if value >= len(models):
            raise QCAInputError(
                f"{arg.name}={value!r} does not exist: the solution has {len(models)} model(s); "
                f"{arg.name} must be 0 to {len(models) - 1}.")
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
            hint = (f" Text reads as True whatever it says: write {name}=False or {name}=True, "
                    "without quotes.")
        elif isinstance(value, numbers.Real) and value in (0, 1):
            hint = f" Write {name}={bool(value)}."
        else:
            hint = ""
        raise QCAInputError(f"{name} must be True or False, got {value!r}.{hint}")

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
        hint = f" Did you mean {close[0]!r}?" if close else ""
        if self.what:
            raise QCAInputError(f"Unknown {self.what} {value!r}: use one of {options}.{hint}")
        raise QCAInputError(f"{arg.name} must be one of {options}, got {value!r}.{hint}")

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


# ---------------------------------------------------------------------------------------------
# Mappings, files, drawing


class RawScores(Kind):
    """Raw scores of one variable: a Series (a list or 1-D array is read as one); with
    ``frames``, a DataFrame of several."""

    title = "Raw scores"

    def __init__(self, *, frames: bool = False, series: bool = False, optional: bool = False):
        super().__init__(optional=optional)
        self.frames, self.series = frames, series
        self.rule = ("a pandas Series of numbers" + ("" if series else
                                                      " (a list or 1-D array is read as one)")
                     + ("; a DataFrame for several columns" if frames else ""))

    def check(self, value, arg):
        if isinstance(value, pd.Series):
            return value
        if self.series:
            raise QCAInputError(
                f"{arg.function}() takes one raw variable as a pandas Series, e.g. data['GDP'] "
                f"(as a Series it keeps its name and case labels), got {shown(value)}.")
        if isinstance(value, pd.DataFrame):
            if self.frames:
                return _checks.as_frame(value, arg.name)
            raise QCAInputError(
                f"{arg.function}() takes one raw variable as a Series, e.g. data['GDP'], got "
                f"{shown(value)}.")
        if isinstance(value, str):
            raise QCAInputError(
                f"Raw scores must be one column (a pandas Series or a list of numbers), got the "
                f"text {value!r}. Pass the column itself, e.g. data[{value!r}].")
        if kit_name(value) or isinstance(value, Mapping) or np.ndim(value) != 1:
            several = " For several columns pass a DataFrame and a dict of thresholds." \
                if self.frames else ""
            raise QCAInputError(
                f"Raw scores must be one column (a pandas Series or a list of numbers), got "
                f"{shown(value)} with {np.ndim(value) if not kit_name(value) else 0} "
                f"dimension(s).{several}")
        return pd.Series(value)

    def refused(self, arg, samples):
        out = super().refused(arg, samples) + [("text", "GDP"), ("a 2-D array", np.ones((3, 2))),
                                               ("a truth table", samples.tt)]
        if not self.frames:
            out.append(("a DataFrame", samples.frame))
        if self.series:
            out.append(("a list", [1.0, 2.0, 3.0]))
        return out

    def same(self, value, arg, samples):
        if not self.series and isinstance(value, pd.Series) and value.name is None and \
                isinstance(value.index, pd.RangeIndex) and value.index.start == 0:
            return [("a list", value.tolist())]
        return []


class Targets(Kind):
    """Target memberships of indirect calibration: one per group the thresholds cut."""

    title = "Target memberships"
    rule = ("indirect calibration only: one number in [0, 1] per group the thresholds cut "
            "(one more than thresholds)")

    def __init__(self, thresholds: str = "thresholds", method: str = "method"):
        super().__init__(optional=True)
        self.thresholds, self.method = thresholds, method

    def needs_for(self, name):
        return (self.thresholds, self.method)

    def check(self, value, arg):
        if arg.get(self.method) != "indirect":
            raise QCAInputError(f"{arg.name} only apply to method='indirect'; leave them out "
                                f"for method={arg.get(self.method)!r}.")
        thresholds = arg.get(self.thresholds)
        try:
            groups = np.atleast_1d(np.asarray(thresholds, dtype=float)).size + 1
        except (TypeError, ValueError):
            groups = None
        if isinstance(thresholds, Mapping):
            groups = None
        targets = finite_numbers(value)
        if (targets is None or not np.all((targets >= 0) & (targets <= 1))
                or groups is not None and targets.size != groups):
            count = f"{groups} " if groups else ""
            cut = f" (one per group cut by {groups - 1} thresholds)" if groups else ""
            raise QCAInputError(f"Indirect calibration: give {count}target memberships in "
                                f"[0, 1]{cut}, got {value!r}.")
        return tuple(float(t) for t in targets)

    def refused(self, arg, samples):
        return [("text", ("lo", "mid", "hi")), ("out of range", (0, 2, 1)), ("text", "0, 1")]


class Calibration(Kind):
    """``{column: anchors}``: how each column is (or was) calibrated."""

    title = "Calibration"
    rule = ("a dict {column: anchors}, anchors being (exclusion, crossover, inclusion) or "
            "thresholds")

    def __init__(self, of: str | None = None, *, optional: bool = False, functions=False,
                 entries=False):
        super().__init__(optional=optional)
        self.of, self.functions, self.entries = of, functions, entries
        if functions:
            self.rule += ", or a function f(raw_column, shift) giving memberships"
        if entries:
            self.rule += (", or {column: {'thresholds': ..., 'method': ..., 'idm': ..., "
                          "'reason': ...}}")

    def needs_for(self, name):
        return (self.of,) if self.of else ()

    def check(self, value, arg):
        name = arg.name
        if not isinstance(value, Mapping):
            raise QCAInputError(
                f"{name} must be a dict {{column: anchors}}, e.g. {{'GDP': (2000, 5000, "
                f"10000)}}, got {shown(value)}.")
        data = arg.get(self.of) if self.of else None
        if isinstance(data, pd.DataFrame):
            _checks.known_columns(data, list(value), "column in the calibration")
        for column, anchors in value.items():
            if self.entries and isinstance(anchors, Mapping):
                if "thresholds" not in anchors:
                    continue  # calibration_spec() below names the keys it needs
                anchors = anchors["thresholds"]
            if self.functions and callable(anchors):
                continue
            numbers_given = finite_numbers(anchors)
            if numbers_given is None or numbers_given.size == 0:
                raise QCAInputError(
                    f"{name}[{column!r}] must be anchors (exclusion, crossover, inclusion) or "
                    f"thresholds, as numbers, got {anchors!r}.")
        if self.entries:
            from .methods_text import calibration_spec

            calibration_spec(value)
        return value

    def refused(self, arg, samples):
        a = samples.conditions[0]
        return super().refused(arg, samples) + [
            ("anchors without a column", (1, 2, 3)), ("text", "DEV: 1, 2, 3"),
            ("text anchors", {a: "low, mid, high"}), ("a truth table", samples.tt)]


class Thresholds(Kind):
    """Calibration anchors or thresholds; for a DataFrame a dict ``{column: thresholds}``. The
    numbers themselves are checked by the calibration method."""

    title = "Thresholds"
    rule = ("(exclusion, crossover, inclusion) for direct calibration, increasing thresholds "
            "for crisp and indirect; for a DataFrame a dict {column: thresholds}")

    def __init__(self, of: str = "x", method: str = "method"):
        super().__init__()
        self.of, self.method = of, method

    def needs_for(self, name):
        return (self.of, self.method)

    def check(self, value, arg):
        x = arg.get(self.of)
        if isinstance(x, pd.DataFrame):
            if not isinstance(value, Mapping):
                raise QCAInputError(
                    "For a DataFrame, give thresholds as a dict {column: thresholds}, e.g. "
                    "{'GDP': (2000, 5000, 10000)}; qcakit.percentile_anchors(df) builds one.")
            _checks.known_columns(x, list(value), "column")
        elif isinstance(value, Mapping):
            raise QCAInputError(
                f"{arg.name} is a dict, which is for a DataFrame; for one column give the "
                "thresholds themselves, e.g. (2, 5, 8).")
        elif finite_numbers(value) is None:
            name = getattr(x, "name", None)
            name = "x" if name is None else name
            method = arg.get(self.method)
            if method == "direct":
                raise QCAInputError(
                    f"Direct calibration of {name!r} needs three numeric anchors (exclusion, "
                    f"crossover, inclusion), got {value!r}.")
            raise QCAInputError(
                f"{str(method).capitalize()} calibration of {name!r} needs one or more strictly "
                f"increasing thresholds, got {value!r}.")
        return value

    def refused(self, arg, samples):
        return [("text", "2, 5, 8"), ("None", None), ("text anchors", ("low", "mid", "high"))]


class Shifts(Kind):
    """``{column: shifts}``: a range of shifts (numbers) per column."""

    title = "Shifts per column"
    rule = "a dict {column: list of shifts in raw units}, each list containing 0"

    def __init__(self):
        super().__init__(optional=True)

    def check(self, value, arg):
        if not isinstance(value, Mapping):
            raise QCAInputError(f"{arg.name} must be a dict {{column: shifts}}, e.g. "
                                f"{{'GDP': (-500, 0, 500)}}, got {shown(value)}.")
        shifts = Cuts(Number(), at_least=0)  # robustness() says what an empty range lacks
        return {col: shifts(v, _ArgLike(f"{arg.name}[{col!r}]", None, ""))
                for col, v in value.items()}

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [("a list", [-1, 0, 1]),
                                                ("one number per column", {"A": 2}),
                                                ("text shifts", {"A": ["-1", "0"]})]


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


class Settings(Kind):
    """A dict of truth-table settings: ``incl_cut``, ``pri_cut``, ``n_cut``, ``solution``."""

    title = "Settings"

    def __init__(self, required=(), *, optional: bool = True):
        super().__init__(optional=optional)
        self.required = tuple(required)
        self.rule = ("a dict with any of incl_cut, pri_cut, n_cut, solution"
                     + (f" (needs {', '.join(required)})" if required else ""))

    def check(self, value, arg):
        from .minimize import SOLUTION_TYPES

        kinds = {"incl_cut": Cut(), "pri_cut": Cut(optional=True), "n_cut": Count(1),
                 "solution": OneOf(*SOLUTION_TYPES, what="solution type"),
                 "directional": _Any()}
        if not isinstance(value, Mapping):
            raise QCAInputError(f"{arg.name} must be a dict such as {{'incl_cut': 0.8, "
                                f"'n_cut': 1}}, got {shown(value)}.")
        unknown = sorted(set(value) - set(kinds))
        missing = [k for k in self.required if k not in value]
        if unknown or missing:
            raise QCAInputError(
                f"{arg.name} takes incl_cut, pri_cut, n_cut and solution"
                + (f", got {', '.join(map(str, unknown))}" if unknown else "")
                + (f"; it needs {', '.join(missing)}" if missing else "") + ".")
        return {k: kinds[k](v, _ArgLike(f"{arg.name}[{k!r}]", None, "")) for k, v in
                value.items()}

    def refused(self, arg, samples):
        return super().refused(arg, samples) + [
            ("an unknown setting", {"consistency": 0.8}), ("a percentage", {"incl_cut": 85}),
            ("text", "incl_cut=0.8")]


class _Any(Kind):
    def __init__(self):
        super().__init__(optional=True)


class Directional(Kind):
    """Directional expectations of the intermediate solution."""

    title = "Directional expectations"
    rule = ("None, a dict {condition: 1, 0 or '-'}, or a list of literals such as ['A', '~B'] "
            "(unlisted conditions: no expectation)")

    def __init__(self, of: str | None = None, solution: str | None = None):
        super().__init__(optional=True)
        self.of, self.solution = of, solution

    def needs_for(self, name):
        return tuple(p for p in (self.of, self.solution) if p)

    def check(self, value, arg):
        from .minimize import parse_directional

        _refuse_kit(value, arg, "directional expectations such as {'A': 1, 'B': 0}")
        if not isinstance(value, (str, Mapping)):
            items = list(value) if isinstance(value, Iterable) else [value]
            if not all(isinstance(d, str) for d in items):
                raise QCAInputError(
                    f"{arg.name} must be a dict such as {{'A': 1, 'B': 0, 'C': '-'}} or a list "
                    f"of literals such as ['A', '~B'], got {value!r}.")
        if self.solution and arg.get(self.solution) != "intermediate":
            raise QCAInputError(
                "Directional expectations only apply to solution='intermediate'; leave "
                f"{arg.name} out for the {arg.get(self.solution)} solution.")
        source = arg.get(self.of) if self.of else None
        conditions = (source.conditions if type(source).__name__ == "TruthTable" else source)
        if isinstance(conditions, list):
            parse_directional(value, conditions)
        return value

    def refused(self, arg, samples):
        a = samples.conditions[0]
        return super().refused(arg, samples) + [
            ("a number", 1), ("a list holding a number", [a, 1]), ("an unknown condition",
                                                                   {"ZZZ": 1}),
            ("a value other than 1, 0, '-'", {a: 2}), ("a truth table", samples.tt)]


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
