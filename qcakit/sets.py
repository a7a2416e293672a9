"""Boolean expressions in standard QCA notation and their fuzzy-set membership.

Notation (as in the R package QCA and most papers): ``*`` is AND (intersection: minimum),
``+`` is OR (union: maximum), ``~`` is NOT (negation: 1 - x). ``"A*~B + C"`` reads
"A and not B, or C". An expression is kept as a sum of products: a tuple of terms, each term a
tuple of ``(condition, value)`` pairs with value 1 (present) or 0 (absent).

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.2], "B": [0.3, 0.6], "C": [0.1, 0.7]})
>>> parse("A*~B + C")
((('A', 1), ('B', 0)), (('C', 1),))
>>> membership(data, "A*~B + C").round(2).tolist()
[0.7, 0.7]
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from . import _checks
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr

Term = tuple  # tuple[tuple[str, int], ...]
Expression = tuple  # tuple[Term, ...]

_NAME = re.compile(r"^[^\s*+~()]+$")


@accepts(expression=K.Expression(), order=K.Names())
def parse(expression: str, order: list[str] | None = None) -> Expression:
    """Parse ``"A*~B + C"`` into ``((('A', 1), ('B', 0)), (('C', 1),))``.

    Literals inside a term are sorted by ``order`` (e.g. the truth table's conditions) when
    given, else kept as written. A condition may appear only once per term; a term written
    twice (``A*B + B*A``) is kept once.

    >>> parse("A*B + C + B*A")
    ((('A', 1), ('B', 1)), (('C', 1),))
    """
    return _parse(expression, order)


def _parse(expression, order=None) -> Expression:
    if not isinstance(expression, str) or not expression.strip():
        raise QCAInputError(tr(
            "Expected an expression such as 'A*~B + C', got {value}. Write a condition name or "
            "an expression in QCA notation ('*' and, '+' or, '~' not), as text.").format(
            value=repr(expression)))
    if "," in expression or ";" in expression:
        raise QCAInputError(tr(
            "Cannot read the comma in {text}: join conditions with '+' (or) or '*' (and), e.g. "
            "'A + B' or 'A*B'.").format(text=repr(expression)))
    terms = []
    for raw_term in expression.split("+"):
        literals = []
        seen = set()
        parts = [p.strip() for p in raw_term.split("*")]
        if any(p == "" for p in parts):
            raise QCAInputError(tr(
                "Empty term or literal in {text}: check for a doubled or dangling '*' or '+'.")
                .format(text=repr(expression)))
        for part in parts:
            value = 1
            while part.startswith("~"):
                value = 1 - value
                part = part[1:].strip()
            if not _NAME.match(part):
                raise QCAInputError(tr(
                    "Cannot read {part} in {text}: use condition names joined by '*' (and), '+' "
                    "(or) and '~' (not), e.g. 'A*~B + C'; parentheses are not supported.").format(
                    part=repr(part), text=repr(expression)))
            if part in seen:
                raise QCAInputError(tr(
                    "Condition {name} appears twice in the term {term} of {text}; write each "
                    "condition at most once per term.").format(
                    name=repr(part), term=repr(raw_term.strip()), text=repr(expression)))
            seen.add(part)
            literals.append((part, value))
        if order is not None:
            rank = {name: i for i, name in enumerate(order)}
            unknown = [n for n, _ in literals if n not in rank]
            if unknown:
                raise QCAInputError(tr("Condition {name} in {text} is not one of {names}.")
                                    .format(name=repr(unknown[0]), text=repr(expression),
                                            names=", ".join(order)))
            literals.sort(key=lambda lit: rank[lit[0]])
        if frozenset(literals) not in {frozenset(t) for t in terms}:
            terms.append(tuple(literals))
    return tuple(terms)


def resolve_one(expression: Expression, names) -> Expression:
    """``expression`` with the term ``1`` read as the empty term (every case is in it, as
    :func:`qcakit.minimize` writes a tautology), unless ``1`` is one of ``names`` (a column).

    >>> resolve_one(parse("1"), ["A", "B"])
    ((),)
    """
    if "1" in names:
        return expression
    return tuple(() if tuple(term) == (("1", 1),) else term for term in expression)


def term_to_string(term: Term) -> str:
    """``(('A', 1), ('B', 0))`` -> ``'A*~B'``; the empty term (always true) is ``'1'``."""
    if not term:
        return "1"
    return "*".join(name if value else f"~{name}" for name, value in term)


def to_string(expression: Expression) -> str:
    """Sum-of-products string: ``'A*~B + C'``."""
    return " + ".join(term_to_string(t) for t in expression)


def names_in(expression: Expression) -> list[str]:
    """The condition names used, in first-appearance order."""
    out: list[str] = []
    for term in expression:
        for name, _ in term:
            if name not in out:
                out.append(name)
    return out


def term_membership(values: dict[str, np.ndarray], term: Term, n: int) -> np.ndarray:
    """Membership in a conjunction: the minimum over its literals (1 for the empty term)."""
    out = np.ones(n)
    for name, value in term:
        x = values[name]
        out = np.minimum(out, x if value else 1.0 - x)
    return out


def _is_parsed(expression) -> bool:
    """Whether ``expression`` has the shape :func:`parse` returns: terms of (name, 0/1) pairs."""
    return isinstance(expression, (tuple, list)) and len(expression) > 0 and all(
        isinstance(term, (tuple, list)) and all(
            isinstance(lit, tuple) and len(lit) == 2 and isinstance(lit[0], str)
            and lit[1] in (0, 1) for lit in term)
        for term in expression)


def _parsed(expression) -> Expression:
    """``expression`` as parsed terms: text is parsed, parsed terms pass, a list of names is
    refused with the two ways to join them."""
    if _is_parsed(expression):
        return expression
    if isinstance(expression, (tuple, list)) and expression and \
            all(isinstance(x, str) for x in expression):
        names = [x.strip() for x in expression]
        if len(names) == 1:
            raise QCAInputError(tr("Expected one expression as text, got a list: {value}. Pass "
                                   "the text itself: {text}.").format(
                value=repr(list(expression)), text=repr(names[0])))
        raise QCAInputError(tr(
            "Expected one expression as text, got a list: {value}. Join the sets with '*' for "
            "all of them ({all}) or with ' + ' for any of them ({any}).").format(
            value=repr(list(expression)), all=repr("*".join(names)),
            any=repr(" + ".join(names))))
    return _parse(expression)


@accepts(data=K.Frame(), expression=K.Expression("data"))
def membership(data: pd.DataFrame, expression: str | Expression) -> pd.Series:
    """Fuzzy membership of every case in ``expression`` (min for ``*``, max for ``+``, 1-x for ``~``).

    ``"1"`` (the solution every case is in) scores 1, unless the data have a column named "1".

    >>> import pandas as pd
    >>> membership(pd.DataFrame({"A": [0.8], "B": [0.4]}), "~A + B").tolist()
    [0.4]
    """
    expr = resolve_one(_parsed(expression), data.columns)
    names = names_in(expr)
    values = {name: _checks.membership_column(data, name) for name in names}
    out = np.zeros(len(data))
    for term in expr:
        out = np.maximum(out, term_membership(values, term, len(data)))
    label = expression if isinstance(expression, str) else to_string(expr)
    return pd.Series(out, index=data.index, name=label)
