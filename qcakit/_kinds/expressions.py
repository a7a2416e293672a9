"""Kinds for Boolean expressions, and the fixes for the slips of other notations."""
from __future__ import annotations


import numpy as np
import pandas as pd

from .. import _checks
from ..errors import QCAInputError
from .base import Kind, _ArgLike, _refuse_kit, _source_names, shown


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
        from ..sets import _parsed, names_in, resolve_one

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
