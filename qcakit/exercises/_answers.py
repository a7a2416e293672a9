"""Answer readers of the exercise checks: turn what a learner typed into a plain value.

Each reader returns a plain value (a float, a set of names, a parsed expression, a truth-table
row) or raises :class:`~._feedback.AnswerProblem` with a kind note on the kind of answer wanted;
the check decorator turns that into an "incorrect" box.

>>> read_number(0.5), sorted(read_names("BE, CZ", ["BE", "CZ", "UK"]))
(0.5, ['BE', 'CZ'])
>>> sorted(read_choices("a, C", "abcd"))
['a', 'c']
"""
from __future__ import annotations

import difflib
import math
import numbers

import numpy as np
import pandas as pd

from .. import QCAInputError, parse
from ..sets import to_string
from ..truthtable import TruthTable
from ._feedback import AnswerProblem



def _kind(x) -> str:
    if isinstance(x, pd.Series):
        return f"a pandas Series with {len(x)} values"
    if isinstance(x, pd.DataFrame):
        return f"a DataFrame with {x.shape[0]} rows and {x.shape[1]} columns"
    if isinstance(x, str):
        return f"the text {x!r}"
    if isinstance(x, bool):
        return f"the truth value {x}"
    return f"a {type(x).__name__}"


def read_number(answer, what: str = "a number") -> float:
    """A single number from a number, a numpy scalar or a one-value Series."""
    if isinstance(answer, (bool, np.bool_)):
        raise AnswerProblem(f"You gave {_kind(answer)}, but this task asks for {what}.")
    if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray, list, tuple)):
        size = np.size(answer)
        if size == 1:
            return read_number(np.asarray(answer).ravel()[0], what)
        raise AnswerProblem(
            f"You gave {_kind(answer)}, but this task asks for {what}.",
            "Pick the one value you need, e.g. series.loc['case'], or combine the values, "
            "e.g. with .sum().",
        )
    if isinstance(answer, str):
        try:
            float(answer)
        except ValueError:
            raise AnswerProblem(f"You gave {_kind(answer)}, but this task asks for {what}.") \
                from None
        raise AnswerProblem(
            f"You gave the number as text ({answer!r}).",
            "Write it without quotes, e.g. answer = 0.5 rather than answer = '0.5'.",
        )
    if isinstance(answer, numbers.Real):
        value = float(answer)
        if math.isnan(value):
            raise AnswerProblem("Your answer is NaN (not a number).",
                                "A NaN usually comes from a division by zero or a missing value.")
        return value
    raise AnswerProblem(f"You gave {_kind(answer)}, but this task asks for {what}.")


def read_int(answer, what: str = "a whole number") -> int:
    value = read_number(answer, what)
    if value != int(value):
        raise AnswerProblem(f"You gave {value:g}, but this task asks for {what} (a count).")
    return int(value)


def read_bool(answer, what: str = "True or False") -> bool:
    if isinstance(answer, (bool, np.bool_)):
        return bool(answer)
    if isinstance(answer, str) and answer.strip().lower() in ("true", "false", "yes", "no"):
        raise AnswerProblem(f"You gave the text {answer!r}.",
                            "Write True or False without quotes.")
    raise AnswerProblem(f"You gave {_kind(answer)}, but this task asks for {what}.")


def read_names(answer, valid, what: str = "names", *, allow_empty: bool = True) -> set:
    """A set of names from a list, set, tuple, Index, boolean Series, or comma-separated text.

    Unknown names raise an AnswerProblem that suggests the closest valid ones.
    """
    valid = [str(v) for v in valid]
    if isinstance(answer, pd.Series) and pd.api.types.is_bool_dtype(answer):
        items = [str(i) for i in answer.index[answer.to_numpy()]]
    elif isinstance(answer, pd.DataFrame):
        raise AnswerProblem(
            f"You gave {_kind(answer)}, but this task asks for a list of {what}.",
            "Use the index of the rows you mean, e.g. list(df.index), or a list like "
            "['A', 'B'].",
        )
    elif isinstance(answer, pd.Series):
        raise AnswerProblem(
            f"You gave {_kind(answer)} (numbers), but this task asks for a list of {what}.",
            "Keep the labels of the rows you mean, e.g. list(s.index[s > 0.5]).",
        )
    elif isinstance(answer, str):
        items = [answer.strip()]
    elif isinstance(answer, (list, tuple, set, frozenset, pd.Index, np.ndarray)):
        items = [str(a).strip() for a in answer]
    else:
        raise AnswerProblem(f"You gave {_kind(answer)}, but this task asks for a list of {what}.",
                            "Write it like ['A', 'B'] (names in quotes, inside brackets).")
    # "BE, CZ" (or a truth table's cases cell) stands for several names, unless a name itself
    # contains a comma, as some case labels do.
    items = [part for item in items
             for part in ([item] if item in valid else _split_names(item, valid))]
    unknown = [i for i in items if i not in valid]
    if unknown:
        bad = unknown[0]
        fold = [v for v in valid if v.lower() == bad.lower()]
        close = (difflib.get_close_matches(bad, valid, n=2)
                 or [v for v in valid if bad.lower() in v.lower()][:2])
        tip = (f" Did you mean {fold[0]!r} (names are case-sensitive)?" if fold else
               f" Did you mean {' or '.join(map(repr, close))}?" if close else "")
        raise AnswerProblem(
            f"{bad!r} is not one of the {what} here.{tip}",
            f"The {what} are: {', '.join(map(repr, valid))}.",
        )
    if not items and not allow_empty:
        raise AnswerProblem(f"Your list is empty; this task expects at least one of the {what}.")
    return set(items)


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


def read_choices(answer, options: str, *, single: bool = False):
    """Letters of a multiple-choice answer: 'b', 'B', '(b)', ['a', 'c'] or 'a, c'."""
    if isinstance(answer, str):
        raw = answer.replace(";", ",").replace(" ", ",").split(",")
    elif isinstance(answer, (list, tuple, set)):
        raw = [str(a) for a in answer]
    else:
        raise AnswerProblem(
            f"You gave {_kind(answer)}, but this task asks for a letter such as 'b'"
            + ("" if single else " or a list of letters such as ['a', 'c']") + ".")
    letters = {r.strip().strip("()").strip().lower() for r in raw if r.strip().strip("()")}
    bad = sorted(x for x in letters if x not in options)
    if bad:
        raise AnswerProblem(f"{bad[0]!r} is not one of the options ({', '.join(options)}).")
    if single:
        if len(letters) != 1:
            raise AnswerProblem(f"Choose exactly one option, you gave {len(letters)}.")
        return letters.pop()
    return letters


def read_expression(answer, conditions, what: str = "an expression") -> tuple:
    """A parsed sum of products (see :func:`qcakit.parse`) using only ``conditions``."""
    if hasattr(answer, "expression") and hasattr(answer, "models"):
        answer = answer.expression
    if not isinstance(answer, str):
        raise AnswerProblem(
            f"You gave {_kind(answer)}, but this task asks for {what} in quotes, "
            "such as 'A*~B + C'.")
    try:
        expr = parse(answer)
    except QCAInputError as exc:
        raise AnswerProblem(f"I cannot read {answer!r}: {exc}") from None
    for term in expr:
        for name, _ in term:
            if name not in conditions:
                close = difflib.get_close_matches(name, list(conditions), n=1)
                tip = f" Did you mean {close[0]!r}?" if close else ""
                raise AnswerProblem(
                    f"{name!r} is not a condition here.{tip}",
                    f"Use the condition names {', '.join(conditions)}; '*' for and, '+' for or, "
                    "'~' for not.",
                )
    return expr


def read_row(answer, conditions) -> tuple:
    """A truth-table row as a tuple of 0/1 from 'A*~B*C', {'A': 1, ...}, (1, 0, 1) or a row id."""
    k = len(conditions)
    if isinstance(answer, dict):
        missing = [c for c in conditions if c not in answer]
        if missing:
            raise AnswerProblem(f"Your row gives no value for {missing[0]!r}.",
                                "A row says for every condition whether it is present (1) or "
                                "absent (0).")
        values = [answer[c] for c in conditions]
        if any(isinstance(v, bool) or v not in (0, 1) for v in values):
            raise AnswerProblem(
                "A row gives each condition as 1 (present) or 0 (absent); you gave "
                f"{dict(zip(conditions, values))}.",
                "Memberships are not a row: a case is in the row where each condition is 1 if "
                "it scores above 0.5, 0 if below.")
        return tuple(int(v) for v in values)
    if isinstance(answer, (tuple, list)) and all(isinstance(v, numbers.Integral) for v in answer):
        if len(answer) != k or any(v not in (0, 1) for v in answer):
            raise AnswerProblem(
                f"A row here is {k} values of 0 or 1 (one per condition: "
                f"{', '.join(conditions)}); you gave {tuple(answer)}.")
        return tuple(int(v) for v in answer)
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        if not 1 <= answer <= 2 ** k:
            raise AnswerProblem(f"Row ids run from 1 to {2 ** k}; you gave {answer}.")
        code = int(answer) - 1
        return tuple((code >> (k - 1 - j)) & 1 for j in range(k))
    if isinstance(answer, str):
        expr = read_expression(answer, conditions, "a row")
        if len(expr) != 1:
            raise AnswerProblem("A row is a single combination (no '+').")
        term = dict(expr[0])
        missing = [c for c in conditions if c not in term]
        if missing:
            raise AnswerProblem(
                f"Your row leaves out {missing[0]!r}.",
                "A truth-table row names every condition, present (A) or absent (~A).")
        return tuple(term[c] for c in conditions)
    raise AnswerProblem(
        f"You gave {_kind(answer)}; give the row as text such as 'A*~B*C' (every condition, "
        "~ for absent).")


def row_string(row, conditions) -> str:
    """(1, 0, 1) -> 'A*~B*C'."""
    return to_string(((tuple((c, v) for c, v in zip(conditions, row))),))


def cases_in_rows(tt, out: str) -> set:
    """Labels of the cases (membership > 0.5) in the truth-table rows coded ``out``."""
    rows = tt.table.index[tt.table["OUT"] == out]
    member = tt.memberships[rows] > 0.5
    return {str(c) for c in member.index[member.any(axis=1)]}


def close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol + 1e-12


def read_text(answer, what: str = "a few sentences") -> str:
    if not isinstance(answer, str):
        raise AnswerProblem(f"You gave {_kind(answer)}, but this task asks for {what} in quotes.")
    return answer.strip()


def read_truth_table(answer) -> TruthTable:
    """The answer as a truth table, or a note saying to give the object, not its ``.table``."""
    if not isinstance(answer, TruthTable):
        if isinstance(answer, pd.DataFrame):
            raise AnswerProblem("This is a DataFrame; give the truth-table object itself (the "
                                "result of qcakit.truth_table), not its .table.")
        raise AnswerProblem("This task asks for the result of qcakit.truth_table(...).")
    return answer
