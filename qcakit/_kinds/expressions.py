"""Kinds for Boolean expressions, and the fixes for the slips of other notations."""
from __future__ import annotations


import numpy as np
import pandas as pd

from .. import _checks
from ..errors import QCAInputError
from ..i18n import tr
from .base import Kind, _ArgLike, _refuse_kit, _source_names, shown


_OPERATORS = {"&": "*", "∧": "*", "|": " + ", "∨": " + "}


_NEGATIONS = ("!", "¬", "−", "-", "–")


def unknown_in_expression(known, name, text, what="condition") -> QCAInputError:
    """The error for a name of an expression that is not a column (or condition), with the fix
    for the usual slips: ``&``, ``|``, ``!``, a unicode minus, R's lowercase negation."""
    known = [str(c) for c in known]
    what = _checks.noun(what)
    if f"~{name}" in known:
        return QCAInputError(
            tr("Unknown {what} {name} in {text}: the data have a column named '~{bare}', which "
               "an expression reads as 'not {bare}'. Rename that column, e.g. data = "
               "data.rename(columns={{'~{bare}': 'not_{bare}'}}).").format(
                what=what, name=repr(name), text=repr(text), bare=name))
    for op, ours in _OPERATORS.items():
        if op in name:
            pieces = [p.strip() for p in name.split(op)]
            if all(p in known for p in pieces):
                text_ = (tr("Cannot read {name} in {text}: {op} is not QCA notation. Write "
                            "{ours} for and: {fixed}.") if ours == "*" else
                         tr("Cannot read {name} in {text}: {op} is not QCA notation. Write "
                            "{ours} for or: {fixed}."))
                return QCAInputError(text_.format(name=repr(name), text=repr(text),
                                                  op=repr(op), ours=repr(ours.strip()),
                                                  fixed=repr(ours.join(pieces))))
    if name[:1] in _NEGATIONS and name[1:] in known:
        return QCAInputError(
            tr("Cannot read {name} in {text}: {sign} is not QCA notation for not. Write '~': "
               "{fixed}.").format(name=repr(name), text=repr(text), sign=repr(name[0]),
                                  fixed=repr("~" + name[1:])))
    upper = [c for c in known if c.lower() == name.lower() and c != name]
    if upper and name == name.lower():
        return QCAInputError(
            tr("Unknown {what} {name} in {text}. In R's QCA a lowercase name is the negation of "
               "the set: here write '~{upper}' (or {set} for the set itself).").format(
                what=what, name=repr(name), text=repr(text), upper=upper[0],
                set=repr(upper[0])))
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
                tr("{name} must be an expression such as 'A*~B + C', got {value}. Pass its "
                   "text: {name}=solution.expression (or solution.expressions[i] for model i).")
                .format(name=arg.name, value=shown(value)))
        _refuse_kit(value, arg, tr("an expression such as 'A*~B + C'"))
        if self.solutions and not isinstance(value, (str, tuple, list)):
            raise QCAInputError(tr("{name} must be an expression such as 'A*B + C' or a "
                                   "solution from qcakit.minimize, got {value}.").format(
                name=arg.name, value=shown(value)))
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
                tr("The outcome {outcome} appears in the expression {value}; a set is trivially "
                   "sufficient and necessary for itself. Use an expression of the conditions "
                   "only.").format(outcome=repr(outcome), value=repr(value)))
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
                tr("{name} takes expressions, got a necessity table. Pass the conditions it "
                   "found necessary: {name}=nec.necessary().").format(name=arg.name))
        _refuse_kit(value, arg, tr("an expression or a list of expressions"))
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, (list, tuple, pd.Index, np.ndarray)):
            raise QCAInputError(tr("{name} must be an expression or a list of expressions, got "
                                   "{value}.").format(name=arg.name, value=shown(value)))
        items = [v.item() if isinstance(v, np.generic) else v for v in items]
        if len(items) < self.at_least:
            raise QCAInputError(tr("{name} is empty: give at least one expression.").format(
                name=arg.name))
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
