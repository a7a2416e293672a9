"""The one door every exercise answer passes through: a reader per kind of answer.

Each check declares what it reads (``@check(Number())``, ``@check(Names(...))``...); the check
decorator hands the learner's answer to that reader before the check sees it. A reader accepts
every sensible container of a right answer and returns one plain value, or raises
:class:`~._feedback.AnswerProblem` saying which form the task expects:

- :class:`Number`, :class:`Count`, :class:`Bool`: a bare value, a numpy scalar or 0-d array, or
  a container holding one value (list, tuple, array, Series, one-cell DataFrame). A count may be
  a float that is a whole number (``3.0``). A yes/no answer is ``True`` or ``False`` (or numpy's
  boolean), never text or 1 / 0.
- :class:`Choice`, :class:`Word`: a letter (``'b'``, ``'B'``, ``'(b)'``), letters as a list,
  a set, ``'a, c'`` or a dict / Series of booleans; a word from a short list in any case.
- :class:`Names`: case labels, conditions or other names from a list, tuple, set, array, Index,
  comma-separated text, a boolean Series or dict of booleans (the ``True`` ones), a Series or
  one-column DataFrame of names, a DataFrame whose index holds the names (the rows of a data
  table), the ``cases`` column of truth-table rows, or a :class:`~qcakit.necessity.NecessityTable`
  (its necessary conditions at its own threshold).
- :class:`Rows`: truth-table rows as text (``'A*~B*C'``), 0/1 tuples or dicts, row numbers
  (1 to 2^k, as in ``tt.complete()``), a row of a table (Series) or several (a DataFrame with
  the condition columns, e.g. ``sol.simplifying_assumptions``), or an
  :class:`~qcakit.counterfactuals.Exclusions`.
- :class:`Expression`: QCA notation with parentheses (``'A*(B + C)'``), a list of terms
  (``sol.terms``), parsed terms, or a :class:`~qcakit.solution.Solution` with one model. The
  result is multiplied out (see :mod:`._expression`); checks compare what it means.
- :class:`Memberships`: a Series labelled by case (labels as text or not), a one-column
  DataFrame, a dict ``{case: value}``; where the task does not ask for the labels, also an array
  or list in the data's order.
- :class:`Numbers`: a fixed number of values (anchors, a pair of counts) from a tuple, list,
  array, Series, or a dict keyed by their names.
- :class:`TruthTableAnswer`, :class:`SolutionAnswer`: the kit's object, with the fix named when
  another object (its ``.table``, a truth table for a solution...) is given.
- :class:`Text`: written answers.

A new exercise reuses these readers; :func:`read` is the door for code that is not a check.

>>> read(np.float64(0.5), Number()), read([3.0], Count()), read(np.bool_(True), Bool())
(0.5, 3, True)
>>> sorted(read({"BE": True, "CZ": False, "UK": True}, Names(["BE", "CZ", "UK"])))
['BE', 'UK']
>>> read("a, C", Choice("abcd", multiple=True)) == {"a", "c"}
True
>>> read("A*(B + C)", Expression("ABC"))
((('A', 1), ('B', 1)), (('A', 1), ('C', 1)))
>>> sorted(read(["A*~B*C", 8, (0, 0, 1)], Rows("ABC")))
[(0, 0, 1), (1, 0, 1), (1, 1, 1)]
"""
from __future__ import annotations

import decimal
import difflib
import fractions
import math
import numbers
import re

import numpy as np
import pandas as pd

from ..counterfactuals import Exclusions
from ..i18n import tr, tr_later
from ..necessity import NecessityTable
from ..sets import to_string
from ..solution import Fit, Solution
from ..truthtable import TruthTable
from ._expression import ExpressionProblem, parse_answer
from ._feedback import AnswerProblem

#: Values this close to a whole number count as whole (``3.0000000001`` from a division).
WHOLE_TOL = 1e-9


def read(answer, reader: "Reader"):
    """The answer read by ``reader``: a plain value, or :class:`AnswerProblem`."""
    return reader.read(answer)


def kind_of(x) -> str:
    """A short description of what the learner gave, for messages (in the current language)."""
    if isinstance(x, pd.Series):
        return tr("a pandas Series with {n} values").format(n=len(x))
    if isinstance(x, pd.DataFrame):
        return tr("a DataFrame with {rows} rows and {columns} columns").format(
            rows=x.shape[0], columns=x.shape[1])
    if isinstance(x, str):
        return tr("the text {text}").format(text=repr(x))
    if isinstance(x, (bool, np.bool_)):
        return tr("the truth value {value}").format(value=bool(x))
    if isinstance(x, np.ndarray):
        return tr("a numpy array of shape {shape}").format(shape=x.shape)
    if isinstance(x, (list, tuple, set, frozenset)):
        return tr("a {type} of {n} values").format(type=type(x).__name__, n=len(x))
    return tr("a {type}").format(type=type(x).__name__)


_KIT_OBJECTS = {
    TruthTable: tr_later("a truth table"),
    Solution: tr_later("a solution"),
    NecessityTable: tr_later("a necessity table"),
    Fit: tr_later("a fit table (from qcakit.evaluate)"),
    Exclusions: tr_later("a set of barred remainders (from qcakit.esa)"),
}


def _kit_object(x) -> str | None:
    for cls, name in _KIT_OBJECTS.items():
        if isinstance(x, cls):
            return tr(name)
    return None


def _gave(x, what: str) -> str:
    """"You gave <kind of x>, but this task asks for <what>."."""
    return tr("You gave {given}, but this task asks for {what}.").format(given=kind_of(x),
                                                                         what=what)


def _plain(x):
    """numpy scalars and 0-d arrays as Python values."""
    if isinstance(x, np.ndarray) and x.ndim == 0:
        x = x.item()
    if isinstance(x, np.generic):
        x = x.item()
    return x


def single(answer, what: str, hint: str = ""):
    """The one value inside ``answer`` (itself, or the only element of a container)."""
    answer = _plain(answer)
    if isinstance(answer, pd.DataFrame):
        if answer.size == 1:
            return single(answer.iat[0, 0], what, hint)
    elif isinstance(answer, np.ndarray):
        if answer.size == 1:
            return single(answer.ravel()[0], what, hint)
    elif isinstance(answer, (pd.Series, pd.Index, list, tuple)):
        if len(answer) == 1:
            return single(list(answer)[0], what, hint)
    else:
        return answer
    raise AnswerProblem(
        _gave(answer, what),
        hint or tr("Pick the one value you need, e.g. series.loc['case'] or "
                   "table.loc['row', 'column']."))


def _as_float(x, what: str) -> float:
    if isinstance(x, (bool, np.bool_)):
        raise AnswerProblem(_gave(x, what))
    if isinstance(x, str):
        try:
            float(x.replace(",", "."))
        except ValueError:
            raise AnswerProblem(_gave(x, what)) from None
        raise AnswerProblem(tr("You gave the number as text ({text}).").format(text=repr(x)),
                            tr("Write it without quotes, e.g. answer = 0.5 rather than "
                               "answer = '0.5'."))
    if isinstance(x, (numbers.Real, decimal.Decimal, fractions.Fraction)):
        value = float(x)
        if math.isnan(value):
            raise AnswerProblem(tr("Your answer is NaN (not a number)."),
                                tr("A NaN usually comes from a division by zero or a missing "
                                   "value."))
        if math.isinf(value):
            raise AnswerProblem(tr("Your answer is infinite."),
                                tr("An infinite value comes from a division by zero."))
        return value
    kit = _kit_object(x)
    if kit:
        raise AnswerProblem(tr("You gave {given}, but this task asks for {what}.").format(
                                given=kit, what=what),
                            tr("Pick the one value from its table, e.g. "
                               "result.table.loc['row', 'column']."))
    raise AnswerProblem(_gave(x, what))


def _whole(value: float, what: str) -> int:
    if not math.isfinite(value) or abs(value - round(value)) > WHOLE_TOL:
        raise AnswerProblem(tr("You gave {value}, but this task asks for {what} (a whole "
                               "number).").format(value=f"{value:g}", what=what))
    return int(round(value))


class Reader:
    """What a question reads. Subclasses give :attr:`expects` and implement :meth:`read`.

    :attr:`expects` is shown in messages in the current language; the English words a reader
    is made with are marked with :func:`~qcakit.i18n.tr_later` (readers are made at import)."""

    #: The form the question expects, in words (shown in messages and the teachers' guide).
    expects = "an answer"

    def read(self, answer):  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.expects!r})"


class Number(Reader):
    """A single number; ``what`` describes it (English, marked with ``tr_later``)."""

    def __init__(self, what: str = tr_later("a number")):
        self.what = what

    @property
    def expects(self) -> str:
        return tr(self.what)

    def read(self, answer) -> float:
        return _as_float(single(answer, self.expects, tr(
            "Pick the one value you need, e.g. series.loc['case'], or combine the values, e.g. "
            "with .sum().")), self.expects)


class Count(Reader):
    """A whole number (a float that is a whole number counts)."""

    def __init__(self, what: str = tr_later("a whole number")):
        self.what = what

    @property
    def expects(self) -> str:
        return tr(self.what)

    def read(self, answer) -> int:
        x = single(answer, self.expects, tr("Count them, e.g. with len(...) or (...).sum()."))
        return _whole(_as_float(x, self.expects), self.expects)


class Bool(Reader):
    """True or False (Python's or numpy's), possibly inside a one-value container."""

    @property
    def expects(self) -> str:
        return tr("True or False")

    def read(self, answer) -> bool:
        x = single(answer, self.expects)
        if isinstance(x, (bool, np.bool_)):
            return bool(x)
        if isinstance(x, str) and x.strip().lower() in ("true", "false", "yes", "no"):
            raise AnswerProblem(tr("You gave the text {text}.").format(text=repr(x)),
                                tr("Write True or False without quotes."))
        if isinstance(x, numbers.Number):
            raise AnswerProblem(tr("You gave the number {number}; this task asks for True or "
                                   "False.").format(number=repr(x)),
                                tr("Write True or False, or a comparison such as a != b."))
        raise AnswerProblem(_gave(x, self.expects))


def _flags(mapping) -> list:
    """The keys whose value is True, from a dict or Series of booleans; None if not boolean."""
    values = list(mapping.values()) if isinstance(mapping, dict) else list(mapping.to_numpy())
    if values and all(isinstance(v, (bool, np.bool_)) for v in values):
        keys = mapping.keys() if isinstance(mapping, dict) else mapping.index
        return [k for k, v in zip(keys, values) if v]
    return None


class Choice(Reader):
    """One letter of a multiple-choice task, or (``multiple=True``) a set of letters."""

    def __init__(self, options: str, *, multiple: bool = False):
        self.options, self.multiple = options.lower(), multiple

    @property
    def expects(self) -> str:
        return tr("letters such as ['a', 'c']") if self.multiple else tr("a letter such as 'b'")

    def read(self, answer):
        answer = _plain(answer)
        raw = None
        if isinstance(answer, (dict, pd.Series)):
            raw = _flags(answer)
        if raw is None and isinstance(answer, pd.Series):
            raw = list(answer.to_numpy())
        if isinstance(answer, str):
            raw = re.split(r"[,;\s]+|\band\b", answer)
        elif isinstance(answer, (list, tuple, set, frozenset, np.ndarray, pd.Index)):
            raw = [_plain(a) for a in answer]
        if raw is None or not all(isinstance(r, str) for r in raw):
            raise AnswerProblem(_gave(answer, self.expects),
                                tr("Put the letter in quotes: answer = 'b'."))
        letters = {r.strip().strip("()").strip().lower() for r in raw}
        letters.discard("")
        bad = sorted(x for x in letters if x not in self.options)
        if bad:
            raise AnswerProblem(tr("{letter} is not one of the options ({options}).").format(
                letter=repr(bad[0]), options=", ".join(self.options)))
        if self.multiple:
            return letters
        if len(letters) != 1:
            raise AnswerProblem(tr("Choose exactly one option; you gave {n}.").format(
                n=len(letters)))
        return letters.pop()


class Word(Reader):
    """One word from a short list (``'easy'``, ``'S3'``), in any case, spaces ignored. The
    words are the answer's values (code), never translated."""

    def __init__(self, options):
        self.options = list(options)

    @property
    def expects(self) -> str:
        shown = [repr(o) for o in self.options]
        text = shown[0]
        for option in shown[1:]:
            text = tr("{first} or {second}").format(first=text, second=option)
        return text

    def read(self, answer) -> str:
        x = single(answer, tr("one of {options}").format(options=self.expects))
        if isinstance(x, str):
            key = x.strip().strip("'\"").strip().lower()
            for option in self.options:
                if key == option.lower():
                    return option
        raise AnswerProblem(tr("You gave {given}; answer with {options}, in quotes.").format(
            given=kind_of(x), options=self.expects))


def _label(x) -> str:
    """A name as text: numpy values as Python ones, whole floats as integers, spaces trimmed."""
    x = _plain(x)
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x).strip()


def _items(answer, valid: list, what: str) -> list:
    """The raw items of a collection of names, before splitting and checking (``what``: the
    names, in the current language)."""
    answer = _plain(answer)
    if isinstance(answer, NecessityTable):
        return answer.necessary()
    if isinstance(answer, Exclusions):
        return answer.rows
    if isinstance(answer, (TruthTable, Solution, Fit)):
        raise AnswerProblem(tr("You gave {given}, but this task asks for a list of {what}.")
                            .format(given=_kit_object(answer), what=what),
                            tr("Pick the names from its table, e.g. the index of the rows you "
                               "mean, or its cases column."))
    if isinstance(answer, dict):
        flags = _flags(answer)
        if flags is None:
            raise AnswerProblem(tr("A dict is read as {{name: True or False}}; yours holds "
                                   "other values.").format(),
                                tr("Give a list of {what}, e.g. ['A', 'B'].").format(what=what))
        return flags
    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] == 1:
            return _items(answer.iloc[:, 0], valid, what)
        if all(_label(i) in valid for i in answer.index):
            return list(answer.index)
        if "cases" in answer.columns:
            return [c for c in answer["cases"] if _label(c)]
        raise AnswerProblem(
            tr("You gave {given}; its index does not hold {what}.").format(
                given=kind_of(answer), what=what),
            tr("Use the index of the rows you mean, e.g. list(df.index), or a list like "
               "['A', 'B']."))
    if isinstance(answer, pd.Series):
        flags = _flags(answer)
        if flags is not None:
            return flags
        values = list(answer.to_numpy())
        if all(isinstance(_plain(v), str) for v in values) or \
                all(_label(v) in valid for v in values):
            return values
        raise AnswerProblem(
            tr("You gave {given} holding numbers, but this task asks for a list of {what}.")
            .format(given=kind_of(answer), what=what),
            tr("Keep the labels of the rows you mean, e.g. list(s.index[s > 0.5])."))
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, np.ndarray) and answer.ndim == 1 or \
            isinstance(answer, (list, tuple, set, frozenset, pd.Index)):
        return list(answer)
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return [answer]
    raise AnswerProblem(tr("You gave {given}, but this task asks for a list of {what}.")
                        .format(given=kind_of(answer), what=what),
                        tr("Write it like ['A', 'B'] (names in quotes, inside brackets)."))


def _split_names(text: str, valid: list) -> list:
    """Split comma-separated names, keeping together pieces that form a valid name."""
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    out, i = [], 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            candidate = ", ".join(pieces[i:j])
            if candidate in valid:
                out.append(candidate)
                i = j
                break
        else:
            out.append(pieces[i])
            i += 1
    return out


class Names(Reader):
    """A set of names from ``valid`` (a list, or a function returning one, for data loaded
    when the check runs). ``count`` requires exactly that many; ``allow_empty=False`` at least
    one. ``what`` says what the names are (English, marked with ``tr_later``)."""

    def __init__(self, valid, what: str = tr_later("names"), *, allow_empty: bool = True,
                 count: int | None = None):
        self._valid, self.what = valid, what
        self.allow_empty, self.count = allow_empty, count

    @property
    def expects(self) -> str:
        return (tr("one of the {what}") if self.count == 1 else tr("a list of {what}")).format(
            what=tr(self.what))

    def valid(self) -> list:
        valid = self._valid() if callable(self._valid) else self._valid
        return [_label(v) for v in valid]

    def read(self, answer) -> set:
        valid = self.valid()
        what = tr(self.what)
        items = _items(answer, valid, what)
        if any(isinstance(_plain(i), bool) for i in items):
            raise AnswerProblem(tr("A list of True / False has no names."),
                                tr("Keep the labels where it is True, e.g. list(s.index[s])."))
        items = [_label(i) for i in items]
        # "BE, CZ" (or a truth table's cases cell) stands for several names, unless a name
        # itself contains a comma, as some case labels do.
        items = [part for item in items
                 for part in ([item] if item in valid else _split_names(item, valid))]
        items = [self._fixed(i, valid) for i in items]
        unknown = [i for i in items if i not in valid]
        if unknown:
            raise AnswerProblem(*self._unknown(unknown[0], valid))
        if not items and not self.allow_empty:
            raise AnswerProblem(tr("Your list is empty; this task expects at least one of the "
                                   "{what}.").format(what=what))
        given = set(items)
        if self.count is not None and len(given) != self.count:
            raise AnswerProblem(tr("Name exactly {count} of the {what}; you gave {n}.").format(
                count=self.count, what=what, n=len(given)))
        return given

    @staticmethod
    def _fixed(item: str, valid: list) -> str:
        """'~ STB' for '~STB' when only the latter is valid."""
        squeezed = re.sub(r"~\s+", "~", item)
        return squeezed if item not in valid and squeezed in valid else item

    def _unknown(self, bad: str, valid: list) -> tuple:
        fold = [v for v in valid if v.lower() == bad.lower()]
        close = (difflib.get_close_matches(bad, valid, n=2)
                 or [v for v in valid if bad.lower() in v.lower()][:2])
        what = tr(self.what)
        if fold:
            message = tr("{name} is not one of the {what} here. Did you mean {other} (names are "
                         "case-sensitive)?").format(name=repr(bad), what=what,
                                                    other=repr(fold[0]))
        elif close:
            others = repr(close[0]) if len(close) == 1 else tr("{first} or {second}").format(
                first=repr(close[0]), second=repr(close[1]))
            message = tr("{name} is not one of the {what} here. Did you mean {other}?").format(
                name=repr(bad), what=what, other=others)
        else:
            message = tr("{name} is not one of the {what} here.").format(name=repr(bad),
                                                                        what=what)
        shown = ", ".join(map(repr, valid[:20])) + (", ..." if len(valid) > 20 else "")
        return message, tr("The {what} are: {names}.").format(what=what, names=shown)


class Expression(Reader):
    """A Boolean expression over ``conditions``, multiplied out into a sum of products
    (see :mod:`._expression`). ``terms=1`` asks for a single term (no '+')."""

    def __init__(self, conditions, what: str = tr_later("an expression"), *,
                 terms: int | None = None):
        self.conditions, self.terms, self.what = list(conditions), terms, what

    @property
    def expects(self) -> str:
        return tr("{what} in quotes, such as {example}").format(
            what=tr(self.what), example="'A*~B'" if self.terms == 1 else "'A*~B + C'")

    def read(self, answer) -> tuple:
        answer = _plain(answer)
        if isinstance(answer, Solution):
            if len(answer.models) > 1:
                raise AnswerProblem(
                    tr("Your solution has {n} equally minimal models; give one of them.")
                    .format(n=len(answer.models)), tr("e.g. sol.expressions[0], as text."))
            answer = to_string(answer.models[0])
        elif isinstance(answer, (list, tuple)) and answer and \
                all(isinstance(t, (list, tuple)) for t in answer):
            try:  # parsed terms, as qcakit.parse returns them
                answer = to_string(tuple(tuple((n, int(v)) for n, v in t) for t in answer))
            except (TypeError, ValueError):
                pass
        if isinstance(answer, (list, tuple, np.ndarray, pd.Series, pd.Index)) and len(answer) \
                and all(isinstance(_plain(t), str) for t in answer):
            answer = " + ".join(str(t) for t in answer)  # a list of terms, e.g. sol.terms
        if not isinstance(answer, str):
            raise AnswerProblem(_gave(answer, self.expects))
        try:
            expr = parse_answer(answer, self.conditions)
        except ExpressionProblem as problem:
            raise AnswerProblem(problem.message, problem.hint) from None
        if self.terms is not None and len(expr) != self.terms:
            if self.terms == 1:
                message = tr("This task asks for one term: conditions joined by '*', no '+'; "
                             "yours has {n} when multiplied out.")
            else:
                message = tr("This task asks for {terms} terms: conditions joined by '*'; "
                             "yours has {n} when multiplied out.")
            raise AnswerProblem(message.format(terms=self.terms, n=len(expr)))
        return expr


_NOT_MEMBERSHIPS = tr_later("Memberships are not a row: a case is in the row where each "
                            "condition is 1 if it scores above 0.5, 0 if below.")


def _is_bit(v) -> bool:
    return isinstance(v, (bool, numbers.Real)) and v in (0, 1)


def _bit(v) -> int:
    v = _plain(v)
    if _is_bit(v):
        return int(v)
    raise AnswerProblem(
        tr("A row gives each condition as 1 (present) or 0 (absent); you gave {value}.")
        .format(value=repr(v)), tr(_NOT_MEMBERSHIPS))


class Rows(Reader):
    """Truth-table rows as tuples of 0/1 in the order of ``conditions``: a set of them, or
    (``single=True``) one. ``as_ids=True`` returns row numbers (1 to 2^k) instead;
    ``allow_empty=True`` lets the check judge an empty list."""

    def __init__(self, conditions, *, single: bool = False, as_ids: bool = False,
                 allow_empty: bool = False):
        self.conditions, self.single, self.as_ids = list(conditions), single, as_ids
        self.allow_empty = allow_empty and not single
        self.example = repr("*".join(c if i % 2 == 0 else f"~{c}"
                                     for i, c in enumerate(self.conditions)))

    @property
    def expects(self) -> str:
        message = (tr("a row such as {example} (or its number, 1 to {last})") if self.single
                   else tr("rows such as [{example}] or their numbers (1 to {last})"))
        return message.format(example=self.example, last=2 ** len(self.conditions))

    def _row(self, item) -> tuple:
        conds, k = self.conditions, len(self.conditions)
        item = _plain(item)
        if isinstance(item, pd.DataFrame) and len(item) == 1:
            item = item.iloc[0]
        if isinstance(item, (dict, pd.Series)):
            keys = item.index if isinstance(item, pd.Series) else item.keys()
            missing = [c for c in conds if c not in keys]
            if missing:
                raise AnswerProblem(tr("Your row gives no value for {condition}.").format(
                                        condition=repr(missing[0])),
                                    tr("A row says for every condition whether it is present "
                                       "(1) or absent (0)."))
            values = {c: _plain(item[c]) for c in conds}
            if not all(_is_bit(v) for v in values.values()):
                raise AnswerProblem(
                    tr("A row gives each condition as 1 (present) or 0 (absent); you gave "
                       "{value}.").format(value=values), tr(_NOT_MEMBERSHIPS))
            return tuple(int(v) for v in values.values())
        if isinstance(item, (tuple, list, np.ndarray)):
            values = [_plain(v) for v in item]
            if len(values) != k:
                raise AnswerProblem(
                    tr("A row here is {k} values of 0 or 1 (one per condition: {conditions}); "
                       "you gave {n} values.").format(k=k, conditions=", ".join(conds),
                                                      n=len(values)))
            return tuple(_bit(v) for v in values)
        if isinstance(item, numbers.Real) and not isinstance(item, bool):
            number = _whole(float(item), tr("a row number"))
            if not 1 <= number <= 2 ** k:
                raise AnswerProblem(tr("Row numbers run from 1 to {last}; you gave {number}.")
                                    .format(last=2 ** k, number=number))
            return tuple(((number - 1) >> (k - 1 - j)) & 1 for j in range(k))
        if isinstance(item, str) and item.strip().isdigit():
            return self._row(int(item))
        if isinstance(item, str):
            try:
                expr = parse_answer(item, conds)
            except ExpressionProblem as problem:
                raise AnswerProblem(problem.message, problem.hint) from None
            if len(expr) != 1:
                raise AnswerProblem(tr("A row is a single combination (no '+')."))
            term = dict(expr[0])
            missing = [c for c in conds if c not in term]
            if missing:
                raise AnswerProblem(
                    tr("Your row leaves out {condition}.").format(condition=repr(missing[0])),
                    tr("A truth-table row names every condition, present (A) or absent (~A)."))
            return tuple(term[c] for c in conds)
        raise AnswerProblem(tr("You gave {given}; this task asks for {what}.").format(
            given=kind_of(item), what=self.expects))

    def _is_one_row(self, answer) -> bool:
        """(1, 0, 1) is one row (and (0.8, 0.2, 0.6) memberships given for one), [5, 6] two
        row numbers."""
        values = [_plain(v) for v in answer]
        if isinstance(answer, np.ndarray) and answer.ndim != 1:
            return False
        return len(values) == len(self.conditions) and all(
            isinstance(v, (bool, numbers.Real)) and 0 <= v <= 1 for v in values)

    def _items(self, answer) -> list:
        answer = _plain(answer)
        if isinstance(answer, Exclusions):
            return answer.rows
        if isinstance(answer, (TruthTable, Solution, NecessityTable, Fit)):
            raise AnswerProblem(tr("You gave {given}, but this task asks for {what}.").format(
                                    given=_kit_object(answer), what=self.expects),
                                tr("Pick the rows you mean from its table."))
        if isinstance(answer, pd.DataFrame):
            if all(c in answer.columns for c in self.conditions):
                return [answer.iloc[[i]] for i in range(len(answer))]
            raise AnswerProblem(tr("You gave {given} without the columns {columns}.").format(
                                    given=kind_of(answer), columns=", ".join(self.conditions)),
                                tr("Give the rows as text, e.g. 'A*~B*C', or their numbers."))
        if isinstance(answer, pd.Series) and all(c in answer.index for c in self.conditions):
            return [answer]  # one row of a table
        if isinstance(answer, str):  # 'A*~B*C', 'A*~B*C + A*B*C', '1, 3, 9' or 'A*B*C, 5'
            return [p for p in re.split(r"[+,;]", answer) if p.strip()] or [answer]
        if isinstance(answer, dict):
            return [answer]
        if isinstance(answer, (list, tuple, np.ndarray, set, frozenset, pd.Series, pd.Index)):
            if isinstance(answer, (list, tuple, np.ndarray)) and self._is_one_row(answer):
                return [answer]
            return list(answer.to_numpy() if isinstance(answer, pd.Series) else answer)
        return [answer]

    def read(self, answer):
        rows = [self._row(i) for i in self._items(answer)]
        if not rows and not self.allow_empty:
            message = (tr("Your list is empty; give at least one row, e.g. {example} (or its "
                          "number, 1 to {last}).") if self.single else
                       tr("Your list is empty; give at least one row, e.g. [{example}] or their "
                          "numbers (1 to {last})."))
            raise AnswerProblem(message.format(example=self.example,
                                               last=2 ** len(self.conditions)))
        if self.as_ids:
            rows = [1 + int("".join(map(str, r)), 2) for r in rows]
        if self.single:
            if len(set(rows)) != 1:
                raise AnswerProblem(tr("This task asks for one row; you gave {n}.").format(
                    n=len(set(rows))))
            return rows[0]
        return set(rows)


class Memberships(Reader):
    """One membership per case, as a float Series with the data's labels (``index``: a list or a
    function returning one). With ``labelled=True`` the labels are part of the task (an array or
    a Series labelled 0, 1, ... is refused with the fix). ``what`` (plural), ``one`` (singular)
    and ``labels_hint`` are English, marked with ``tr_later``."""

    def __init__(self, index, what: str = tr_later("cases"), one: str = tr_later("case"), *,
                 labelled: bool = False,
                 labels_hint: str = tr_later("Compute it from the columns of the data, so the "
                                             "index is kept.")):
        self._index, self.what, self.one = index, what, one
        self.labelled, self.labels_hint = labelled, labels_hint

    @property
    def expects(self) -> str:
        return tr("a pandas Series with one membership per {one}").format(one=tr(self.one))

    def index(self) -> pd.Index:
        index = self._index() if callable(self._index) else self._index
        return pd.Index([_label(i) for i in index])

    def _series(self, answer, n: int) -> pd.Series:
        answer = _plain(answer)
        if isinstance(answer, pd.DataFrame):
            if answer.shape[1] != 1:
                raise AnswerProblem(
                    tr("You gave a DataFrame with {n} columns; this task asks for one Series "
                       "(one membership per {one}).").format(n=answer.shape[1],
                                                             one=tr(self.one)),
                    tr("Select or compute the one column the task asks for."))
            return answer.iloc[:, 0]
        if isinstance(answer, pd.Series):
            return answer
        if isinstance(answer, dict):
            return pd.Series(answer)
        if isinstance(answer, tuple) and len(answer) == 3 and n != 3:
            raise AnswerProblem(tr("These look like anchors; the task asks for the calibrated "
                                   "memberships (a Series), the result of "
                                   "qcakit.calibrate(...)."))
        if isinstance(answer, (np.ndarray, list, tuple)) and np.ndim(answer) == 1:
            if self.labelled:
                raise AnswerProblem(tr("You gave {given}, without the names of the {what}; this "
                                       "task asks for a Series labelled by {one}.").format(
                                           given=kind_of(answer), what=tr(self.what),
                                           one=tr(self.one)), tr(self.labels_hint))
            return pd.Series(list(answer))
        raise AnswerProblem(_gave(answer, self.expects), tr(self.labels_hint))

    def read(self, answer) -> pd.Series:
        index = self.index()
        series = self._series(answer, len(index))
        labels = [_label(i) for i in series.index]
        positional = labels == [str(i) for i in range(len(series))] and \
            not set(labels) & set(index)
        what = tr(self.what)
        if len(set(labels)) != len(labels):
            raise AnswerProblem(tr("Your Series has {n} values, some {what} more than once; "
                                   "there are {total} {what}, each once.").format(
                                       n=len(series), what=what, total=len(index)),
                                tr(self.labels_hint))
        if len(series) != len(index) and (positional or set(labels) <= set(index)):
            raise AnswerProblem(tr("Your Series has {n} values; there are {total} {what}.")
                                .format(n=len(series), total=len(index), what=what))
        if positional and not self.labelled:
            labels = list(index)  # no labels of its own: read in the data's order
        if set(labels) != set(index):
            raise AnswerProblem(tr("Your Series is labelled by other names than the {total} "
                                   "{what} (it has {n} values).").format(
                                       total=len(index), what=what, n=len(series)),
                                tr(self.labels_hint))
        try:
            values = pd.Series(np.asarray(series.to_numpy(), dtype=float), index=labels)
        except (TypeError, ValueError):
            raise AnswerProblem(tr("Your Series does not hold numbers only.")) from None
        if values.isna().any():
            raise AnswerProblem(tr("Your Series has missing values (NaN), e.g. for {case}.")
                                .format(case=repr(values.index[values.isna()][0])))
        if values.min() < 0 or values.max() > 1:
            raise AnswerProblem(tr("Some values lie outside [0, 1]: these are raw scores, not "
                                   "memberships."),
                                tr("Memberships run from 0 to 1: calibrate the raw scores, or "
                                   "combine memberships with min, max and 1 - x."))
        return values.reindex(index)


class Numbers(Reader):
    """A fixed number of values, named ``names`` (e.g. anchors, or two counts), each read by
    ``reader`` (:class:`Number` by default): a tuple, list, array, Series, or a dict keyed by the
    names. ``key`` also accepts ``{key: values}`` (e.g. anchors per column)."""

    def __init__(self, names, reader: Reader | None = None, *, example: str = "",
                 key: str | None = None):
        self.names, self.reader, self.key = list(names), reader or Number(), key
        self.example = example

    #: (how many, the last English word of the values' reader) -> the words for them.
    _SEVERAL = {(2, "number"): tr_later("two numbers: ({names})"),
                (3, "number"): tr_later("three numbers: ({names})"),
                (2, "count"): tr_later("two counts: ({names})"),
                (3, "count"): tr_later("three counts: ({names})")}

    @property
    def expects(self) -> str:
        """The values by their names (English keys, shown translated), e.g. "three numbers:
        (full exclusion, crossover, full inclusion)"."""
        kind = getattr(self.reader, "what", "a value").split()[-1]
        message = self._SEVERAL.get((len(self.names), kind))
        names = ", ".join(tr(n) for n in self.names)
        if message is None:
            return tr("{n} values: ({names})").format(n=len(self.names), names=names)
        return tr(message).format(names=names)

    def read(self, answer) -> tuple:
        answer = _plain(answer)
        if isinstance(answer, dict):
            if self.key is not None and self.key in answer:
                answer = answer[self.key]
            elif all(n in answer for n in self.names):
                answer = [answer[n] for n in self.names]
        if isinstance(answer, pd.Series):
            answer = list(answer.to_numpy())
        if isinstance(answer, np.ndarray) and answer.ndim == 1:
            answer = list(answer)
        if not isinstance(answer, (tuple, list)) or len(answer) != len(self.names):
            raise AnswerProblem(tr("This task asks for {what}.").format(what=self.expects),
                                tr("Write it like {example}.").format(example=self.example)
                                if self.example else "")
        return tuple(self.reader.read(v) for v in answer)


class TruthTableAnswer(Reader):
    """The truth-table object itself (the result of :func:`qcakit.truth_table`)."""

    @property
    def expects(self) -> str:
        return tr("the result of {call}").format(call="qcakit.truth_table(...)")

    def read(self, answer) -> TruthTable:
        if isinstance(answer, TruthTable):
            return answer
        if isinstance(answer, pd.DataFrame):
            raise AnswerProblem(tr("This is a DataFrame; give the truth-table object itself "
                                   "(the result of qcakit.truth_table), not its .table."))
        if isinstance(answer, Solution):
            raise AnswerProblem(tr("This is a solution; the task asks for the truth table."),
                                tr("The table behind a solution is sol.truth_table."))
        raise AnswerProblem(tr("You gave {given}; this task asks for {what}.").format(
            given=kind_of(answer), what=self.expects))


class SolutionAnswer(Reader):
    """A solution object of the given ``kind`` (the result of :func:`qcakit.minimize`)."""

    def __init__(self, kind: str, call: str = ""):
        self.kind, self.call = kind, call or f"qcakit.minimize(tt, '{kind}')"

    @property
    def expects(self) -> str:
        return tr("the result of {call}").format(call=self.call)

    def read(self, answer) -> Solution:
        if isinstance(answer, TruthTable):
            raise AnswerProblem(tr("This is the truth table; pass it to qcakit.minimize and "
                                   "give the result."))
        if isinstance(answer, str):
            raise AnswerProblem(tr("Give the solution object returned by {call}, not text.")
                                .format(call=self.call))
        if not isinstance(answer, Solution):
            raise AnswerProblem(tr("You gave {given}; this task asks for {what}.").format(
                given=kind_of(answer), what=self.expects))
        if answer.kind != self.kind:
            raise AnswerProblem(tr("This is a {given} solution; the task asks for the {task} "
                                   "one.").format(given=tr(answer.kind), task=tr(self.kind)),
                                tr("Pass solution='{kind}' to qcakit.minimize.").format(
                                    kind=self.kind))
        return answer


class Text(Reader):
    """A written answer (``what``: English, marked with ``tr_later``)."""

    def __init__(self, what: str = tr_later("a few sentences")):
        self.what = what

    @property
    def expects(self) -> str:
        return tr("{what} in quotes").format(what=tr(self.what))

    def read(self, answer) -> str:
        if not isinstance(answer, str):
            raise AnswerProblem(_gave(answer, self.expects))
        return answer.strip()


def row_string(row, conditions) -> str:
    """(1, 0, 1) -> 'A*~B*C'."""
    return to_string(((tuple((c, v) for c, v in zip(conditions, row))),))


def cases_in_rows(tt, out: str) -> set:
    """Labels of the cases (membership > 0.5) in the truth-table rows coded ``out``."""
    rows = tt.table.index[tt.table["OUT"] == out]
    member = tt.memberships[rows] > 0.5
    return {str(c) for c in member.index[member.any(axis=1)]}
