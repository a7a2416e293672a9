"""Input checks shared by the public functions: each raises QCAInputError naming column and fix."""
from __future__ import annotations

import difflib
import math
import numbers
import re
import sys
import warnings
from collections.abc import Hashable, Iterable, Mapping

import numpy as np
import pandas as pd

from .errors import QCAInputError, QCAWarning

#: What a condition name may look like in expressions (``A*~B + C``): no blanks or operators.
NOTATION_NAME = re.compile(r"^[^\s*+~(),]+$")


def warn(message: str, category=QCAWarning) -> None:
    """Warn at the caller's own line: the first frame outside the qcakit package (so that
    neither the parameter specs nor the kit's internal calls hide where it came from)."""
    frame, level = sys._getframe(1), 2  # stacklevel 2 is warn()'s caller
    while frame is not None and frame.f_globals.get("__name__", "").startswith("qcakit."):
        frame, level = frame.f_back, level + 1
    warnings.warn(message, category, stacklevel=level)


def as_frame(data, what: str = "data") -> pd.DataFrame:
    """``data`` as a DataFrame to compute on (a Series becomes a one-column frame).

    ``DataFrame.attrs`` are dropped from a shallow copy (the caller's frame is untouched):
    pandas deep-copies them into every column it hands out, which costs milliseconds per call
    on frames that carry metadata, such as the study data sets.
    """
    from ._kinds import frame_fix, shown

    if isinstance(data, pd.Series):
        data = data.to_frame()
    if not isinstance(data, pd.DataFrame):
        raise QCAInputError(
            f"{what} must be a pandas DataFrame (cases as rows, sets as columns), got "
            f"{shown(data)}.{frame_fix(data, what)}"
        )
    if data.shape[0] == 0:
        raise QCAInputError(f"{what} has no rows (cases); there is nothing to analyse.")
    if isinstance(data.columns, pd.MultiIndex):
        raise QCAInputError(
            f"{what} has column names on {data.columns.nlevels} levels (e.g. "
            f"{data.columns[0]!r}); the kit names each set by one text. Join the levels first: "
            f"{what}.columns = ['_'.join(map(str, c)) for c in {what}.columns]."
        )
    unique_columns(data, what)
    if data.attrs:
        data = data.copy(deep=False)
        data.attrs = {}
    return data


def case_labels(index: pd.Index) -> np.ndarray:
    """The case names as text, as results list them; a case named on several levels, e.g.
    (country, year), reads 'AT 1990'.

    >>> case_labels(pd.MultiIndex.from_tuples([("AT", 1990), ("BE", 1991)])).tolist()
    ['AT 1990', 'BE 1991']
    """
    if isinstance(index, pd.MultiIndex):
        return np.asarray([" ".join(map(str, case)) for case in index], dtype=object)
    return np.asarray(index.astype(str))


def unique_columns(data: pd.DataFrame, what: str = "data") -> None:
    """Refuse a frame with a repeated column name: ``data[name]`` would be ambiguous."""
    dup = data.columns[data.columns.duplicated()].unique().tolist()
    if dup:
        raise QCAInputError(
            f"{what} has more than one column named {', '.join(map(repr, dup))}. Keep one, e.g. "
            "data = data.loc[:, ~data.columns.duplicated()], or rename them apart."
        )


def unknown(data, name, what: str) -> QCAInputError:
    """The error for a name that is not a column of ``data`` (a DataFrame or its columns), with
    the likely fix: several names in one string, a number name, a different case, a near miss."""
    columns = data.columns if isinstance(data, pd.DataFrame) else pd.Index(data)
    cols = [str(c) for c in columns]
    text = str(name)
    pieces = [p for p in re.split(r"[,;\s]+", text) if p]
    if len(pieces) > 1 and all(p in columns for p in pieces):
        return QCAInputError(
            f"{what.capitalize()} {name!r} reads as several column names in one string. Pass a "
            f"list instead: {pieces!r}."
        )
    if text in cols:
        return QCAInputError(
            f"Unknown {what} {name!r}: the data has a column {text!r} whose name is not text "
            "(a number). Rename the columns to text first: data.columns = data.columns.astype(str)."
        )
    same_case = [c for c in cols if c.lower() == text.lower()]
    close = same_case or difflib.get_close_matches(text, cols, n=3)
    hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
    return QCAInputError(
        f"Unknown {what} {name!r}: it is not a column of the data.{hint} "
        f"Available columns: {', '.join(cols)}."
    )


def known_columns(data: pd.DataFrame, names: Iterable[str], what: str = "column") -> list[str]:
    """Return names as a list, raising a helpful error for any that are not columns of data."""
    if isinstance(names, str) or not isinstance(names, Iterable):
        names = [names]
    names = list(names)
    for name in names:
        if not isinstance(name, Hashable) or name not in data.columns:
            if not isinstance(name, Hashable):
                raise QCAInputError(
                    f"A {what} must be one column name, got {name!r} ({type(name).__name__}). "
                    "Pass a flat list of names, e.g. ['A', 'B']."
                )
            raise unknown(data, name, what)
    dup = sorted({str(n) for n in names if names.count(n) > 1})
    if dup:
        raise QCAInputError(
            f"{what.capitalize()} {', '.join(map(repr, dup))} given more than once; list each "
            "column once."
        )
    return names


def name_list(names, what: str = "conditions"):
    """``names`` as given, refusing one string that holds several names (``"DEV, URB"``)."""
    if isinstance(names, str) and re.search(r"[,;]", names):
        pieces = [p.strip() for p in re.split(r"[,;]", names) if p.strip()]
        raise QCAInputError(
            f"{what} was given as one string {names!r}. Pass a list of column names instead: "
            f"{what}={pieces!r}."
        )
    return names


def notation_names(names, what: str = "condition") -> None:
    """Condition names must be usable in expressions such as ``A*~B + C``."""
    for name in names:
        if not isinstance(name, str) or not NOTATION_NAME.match(name):
            fixed = re.sub(r"[\s*+~(),]+", "_", str(name)).strip("_") or "X"
            raise QCAInputError(
                f"{what.capitalize()} name {name!r} cannot be written in an expression such as "
                "'A*~B + C' (it is not text, or it holds a blank, '*', '+', '~', ',' or a "
                f"parenthesis). Rename it, e.g. data = data.rename(columns={{{name!r}: "
                f"{fixed!r}}})."
            )


def default_conditions(data: pd.DataFrame, outcome, what: str = "conditions") -> list:
    """Every numeric column but the outcome; text columns left out are named in a warning."""
    numeric = [c for c in data.columns if c != outcome
               and (pd.api.types.is_numeric_dtype(data[c]) or pd.api.types.is_bool_dtype(data[c]))]
    left_out = [c for c in data.columns if c != outcome and c not in numeric]
    if left_out:
        warn(
            f"No {what} were given, so every numeric column but the outcome is used; the "
            f"non-numeric column(s) {', '.join(map(repr, left_out))} were left out. Pass "
            f"{what}=[...] to choose them yourself."
        )
    return numeric


def _unquoted(value, name: str) -> str:
    """' Write it without quotes: name=0.8.' for a number given as text."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return ""
        if math.isfinite(number):
            return f" Write it without quotes: {name}={value.strip()}."
    return ""


def fraction(value, name: str, low: float = 0.0, high: float = 1.0, note: str = "") -> float:
    """A number in [low, high]; 10 <= value <= 100 gets the hint that it looks like a percentage.

    ``note`` follows the range in the message, e.g. " (the range of its slider)".
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
        raise QCAInputError(
            f"{name} must be a number between {low:g} and {high:g}{note}, got {value!r}."
            f"{_unquoted(value, name)}"
        )
    value = float(value)
    if not low <= value <= high:
        hint = ""
        if high == 1.0 and 10 <= value <= 100:
            hint = f" It looks like a percentage: use {value / 100:g}."
        raise QCAInputError(
            f"{name} must lie between {low:g} and {high:g}{note}, got {value:g}.{hint}"
        )
    return value


def cut_map(cuts, allowed: Mapping, name: str) -> dict:
    """``allowed`` (the default cuts) updated with ``cuts``, a dict with any of its keys, every
    value a cut in [0, 1]."""
    if not isinstance(cuts, Mapping) or set(cuts) - set(allowed):
        keys = ", ".join(map(repr, allowed))
        raise QCAInputError(
            f"{name} must be a dict with the keys {keys} (any of them), e.g. {dict(allowed)}; "
            f"got {cuts!r}."
        )
    return {k: fraction(v, f"{name}[{k!r}]") for k, v in {**allowed, **cuts}.items()}


def whole_number(value, name: str, minimum: int = 0) -> int:
    """An integer >= minimum (a float such as 2.0 is accepted)."""
    ok = (not isinstance(value, bool) and isinstance(value, numbers.Real)
          and math.isfinite(value) and int(value) == value and value >= minimum)
    if not ok:
        raise QCAInputError(f"{name} must be a whole number >= {minimum}, got {value!r}."
                            f"{_unquoted(value, name)}")
    return int(value)


def numeric_column(data: pd.DataFrame, name: str) -> np.ndarray:
    """The column as a float array, refusing text and missing values."""
    col = data[name]
    if not (pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col)):
        bad = col[pd.to_numeric(col, errors="coerce").isna() & col.notna()]
        example = f" (e.g. {bad.iloc[0]!r} for case {bad.index[0]!r})" if len(bad) else ""
        raise QCAInputError(
            f"Column {name!r} is not numeric{example}. Convert it first, e.g. "
            f"data[{name!r}] = pd.to_numeric(data[{name!r}]), after fixing the text entries."
        )
    values = col.to_numpy(dtype=float)
    for bad, kind, advice in (
        (np.isinf(values), "infinite",
         ", often from a division by zero. Recompute or correct those scores."),
        (np.isnan(values), "missing",
         ". QCA needs a score for every case: fill them in from the sources, or drop those cases "
         "with data.dropna(subset=[...]) and say so."),
    ):
        if bad.any():
            cases = ", ".join(map(repr, col.index[bad][:5]))
            raise QCAInputError(
                f"Column {name!r} has {int(bad.sum())} {kind} value(s) (cases {cases}){advice}"
            )
    return values


def membership_column(data: pd.DataFrame, name: str) -> np.ndarray:
    """The column as memberships in [0, 1]; raw (uncalibrated) data gets an error naming the fix."""
    values = numeric_column(data, name)
    outside = (values < 0) | (values > 1)
    if outside.any():
        i = int(np.argmax(outside))
        if values.min() >= 0 and values.max() <= 100:
            hint = (f" The scores lie in [0, 100]: if they are percentages of membership, divide "
                    f"by 100 (data[{name!r}] = data[{name!r}] / 100); if they are raw data, ")
        else:
            hint = " If they are raw data, "
        raise QCAInputError(
            f"Column {name!r} is not a set membership: case {data.index[i]!r} has "
            f"{values[i]:g}, outside [0, 1].{hint}calibrate them first, e.g. "
            f"qcakit.calibrate(data[{name!r}], thresholds=(exclusion, crossover, inclusion))."
        )
    return values


def memberships(data: pd.DataFrame, names: Iterable[str], what: str = "set") -> np.ndarray:
    """Cases x sets array of memberships for the named columns (checked)."""
    names = known_columns(data, names, what)
    if not names:
        return np.empty((len(data), 0))
    return np.column_stack([membership_column(data, n) for n in names])


def outcome_with_members(y: np.ndarray, name: str, negated: bool) -> None:
    if y.sum() == 0:
        label = f"~{name}" if negated else name
        raise QCAInputError(
            f"The outcome {label!r} has no membership at all (every case scores 0), so consistency "
            "is undefined. Check the calibration of the outcome, or analyse the other side of it "
            "(negate_outcome)."
        )


def limited_diversity(n_cases: int, n_conditions: int, what: str = "") -> str | None:
    """A note when there are no more cases than conditions (``None`` otherwise).

    This is a floor, not a benchmark: with ``k >= n`` the ``2^k`` rows dwarf the cases, every case
    can sit in a row of its own and the solution is shaped by the remainders. Stricter benchmarks
    for the ratio of cases to conditions exist (Marx & Dusa 2011).
    """
    if n_cases > n_conditions:
        return None
    return (
        f"Limited diversity{what}: {n_conditions} conditions for {n_cases} cases, so at most "
        f"{n_cases} of the 2^{n_conditions} = {2 ** n_conditions} truth-table rows can be "
        "observed and the solution rests on remainders. Use fewer conditions (theory, or "
        "necessity and two-step approaches), or more cases."
    )


def warn_limited_diversity(truth_table) -> None:
    """Warn (QCAWarning) when a truth table has no more cases than conditions."""
    note = limited_diversity(len(truth_table.data), len(truth_table.conditions))
    if note:
        warn(note)
