"""Boolean expressions as learners write them: parentheses allowed, compared by what they mean.

:func:`parse_answer` reads QCA notation (``*`` and, ``+`` or, ``~`` not) with parentheses and
multiplies it out into a sum of products, so ``"A*(B + C)"`` and ``"C*A + A*B"`` give the same
terms. Multiplying out drops terms that hold a condition and its negation (``A*~A``), duplicated
literals (``A*A``) and duplicated terms; it does not absorb a term into a shorter one
(``A*B + A*B*C`` keeps both), so a non-minimal answer stays visibly non-minimal.
:func:`rows_covered` gives the truth function: the crisp rows (one 0/1 per condition) where an
expression is true. Two expressions are equivalent when they cover the same rows.

>>> parse_answer("A*(B + C)", ["A", "B", "C"])
((('A', 1), ('B', 1)), (('A', 1), ('C', 1)))
>>> parse_answer("~(A + ~B)", ["A", "B"])
((('A', 0), ('B', 1)),)
>>> rows_covered(parse_answer("A*(B + C)", "ABC"), "ABC") == \\
...     rows_covered(parse_answer("C*A + A*B", "ABC"), "ABC")
True
"""
from __future__ import annotations

import difflib
import itertools
import re

from ..i18n import tr, tr_later

#: Multiplying out stops (with a note) beyond this many terms: answers are short expressions.
MAX_TERMS = 512

_TOKEN = re.compile(r"\s*(?:(?P<op>[*+~()])|(?P<name>[^\s*+~()]+))")
#: Operators from other notations, with what QCA notation writes instead.
_AND, _OR, _NOT = tr_later("'*' for and"), tr_later("'+' for or"), tr_later("'~' for not")
_FOREIGN = {"&": _AND, "|": _OR, "!": _NOT, "·": _AND, "×": _AND, "−": _NOT, "¬": _NOT,
            "∧": _AND, "∨": _OR}


class ExpressionProblem(ValueError):
    """An answer that is not an expression over the task's conditions (message and hint)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def _tokens(text: str) -> list:
    for mark, notation in _FOREIGN.items():
        if mark in text:
            raise ExpressionProblem(
                tr("{mark} is not QCA notation.").format(mark=repr(mark)),
                tr("Write {notation}: e.g. 'A*~B + C' (and: '*', or: '+', not: '~').").format(
                    notation=tr(notation)))
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        out.append(match.group("op") or ("name", match.group("name")))
        pos = match.end()
    return out


def _check_name(name: str, conditions) -> None:
    if name in conditions:
        return
    upper = [c for c in conditions if c.lower() == name.lower()]
    if upper:
        raise ExpressionProblem(
            tr("{name} is not a condition here. Did you mean {condition}? Names are "
               "case-sensitive.").format(name=repr(name), condition=repr(upper[0])),
            tr("Write absence with '~' (~{condition}), not in lower case as the R package QCA "
               "does.").format(condition=upper[0]))
    close = difflib.get_close_matches(name, list(conditions), n=1)
    message = (tr("{name} is not a condition here. Did you mean {condition}?") if close
               else tr("{name} is not a condition here."))
    raise ExpressionProblem(
        message.format(name=repr(name), condition=repr(close[0]) if close else ""),
        tr("Use the condition names {conditions}; '*' for and, '+' for or, '~' for not.")
        .format(conditions=", ".join(conditions)))


def _product(left: list, right: list) -> list:
    out = []
    for a, b in itertools.product(left, right):
        term = {**a}
        if any(term.get(n, v) != v for n, v in b.items()):
            continue  # X*~X: never true
        term.update(b)
        out.append(term)
        if len(out) > MAX_TERMS:
            raise ExpressionProblem(
                tr("This expression is too long to multiply out."),
                tr("Write it as a sum of products, e.g. 'A*B + ~A*C'."))
    return out


def _negate(terms: list) -> list:
    """~(T1 + T2 + ...) = ~T1 * ~T2 * ..., each ~T a sum of negated literals (De Morgan)."""
    out = [{}]
    for term in terms:
        out = _product(out, [{n: 1 - v} for n, v in term.items()])
    return out


class _Parser:
    def __init__(self, tokens, conditions, text):
        self.tokens, self.conditions, self.text, self.pos = tokens, conditions, text, 0

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.pos += 1
        return token

    def fail(self, what: str):
        """Stop with ``what`` (in the current language) as the reason."""
        raise ExpressionProblem(
            tr("I cannot read {text}: {reason}.").format(text=repr(self.text), reason=what),
            tr("Write condition names joined by '*' (and) and '+' (or), '~' for not, e.g. "
               "'A*~B + C'; parentheses may group, e.g. 'A*(B + C)'."))

    def expression(self) -> list:
        terms = self.term()
        while self.peek() == "+":
            self.take()
            terms = terms + self.term()
        return terms

    def term(self) -> list:
        terms = self.factor()
        while self.peek() == "*":
            self.take()
            terms = _product(terms, self.factor())
        return terms

    def factor(self) -> list:
        token = self.take()
        if token == "~":
            return _negate(self.factor())
        if token == "(":
            inner = self.expression()
            if self.take() != ")":
                self.fail(tr("a '(' is not closed"))
            return inner
        if isinstance(token, tuple):
            _check_name(token[1], self.conditions)
            return [{token[1]: 1}]
        if token is None:
            self.fail(tr("it ends where a condition is expected (a dangling '*', '+' or '~'?)"))
        self.fail(tr("{token} stands where a condition is expected").format(token=repr(token)))


def parse_answer(text: str, conditions) -> tuple:
    """``text`` as a sum of products over ``conditions``: a tuple of terms, each a tuple of
    ``(condition, 1 or 0)`` in the order of ``conditions``, as :func:`qcakit.parse` gives them.

    Raises :class:`ExpressionProblem` for text that is not an expression over ``conditions``,
    or one that is never true (such as ``A*~A``).
    """
    conditions = list(conditions)
    tokens = _tokens(text)
    if not tokens:
        raise ExpressionProblem(tr("Your expression is empty."))
    parser = _Parser(tokens, conditions, text)
    terms = parser.expression()
    if parser.peek() is not None:
        parser.fail(tr("{token} has no place there (a ')' too many, or a missing '*' or '+' "
                       "between two conditions?)").format(token=repr(parser.peek())))
    if not terms:
        raise ExpressionProblem(tr("{text} is never true: it requires a condition and its "
                                   "absence at once.").format(text=repr(text)))
    return canonical(terms, conditions)


def canonical(terms, conditions) -> tuple:
    """Terms (dicts or tuples of pairs) as sorted tuples, in the order of ``conditions``,
    without repeated terms."""
    rank = {c: i for i, c in enumerate(conditions)}
    out = []
    for term in terms:
        pairs = tuple(sorted(dict(term).items(), key=lambda p: rank.get(p[0], len(rank))))
        if pairs not in out:
            out.append(pairs)
    return tuple(out)


def rows_covered(expression, conditions) -> frozenset:
    """The crisp rows (tuples of 0/1 in the order of ``conditions``) where ``expression`` holds."""
    conditions = list(conditions)
    rows = set()
    for row in itertools.product((0, 1), repeat=len(conditions)):
        values = dict(zip(conditions, row))
        if any(all(values[n] == v for n, v in term) for term in expression):
            rows.add(row)
    return frozenset(rows)


def same_terms(a, b) -> bool:
    """True when two sums of products have the same terms, in any order."""
    return {frozenset(t) for t in a} == {frozenset(t) for t in b}
