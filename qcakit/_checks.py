"""Input checks shared by the public functions: each raises QCAInputError naming column and fix."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .errors import QCAInputError


def as_frame(data, what: str = "data") -> pd.DataFrame:
    """``data`` as a DataFrame to compute on (a Series becomes a one-column frame).

    ``DataFrame.attrs`` are dropped from a shallow copy (the caller's frame is untouched):
    pandas deep-copies them into every column it hands out, which costs milliseconds per call
    on frames that carry metadata, such as the study data sets.
    """
    if isinstance(data, pd.Series):
        data = data.to_frame()
    if not isinstance(data, pd.DataFrame):
        raise QCAInputError(
            f"{what} must be a pandas DataFrame (cases as rows, sets as columns), "
            f"got {type(data).__name__}. Wrap it with pd.DataFrame(...)."
        )
    if data.shape[0] == 0:
        raise QCAInputError(f"{what} has no rows (cases); there is nothing to analyse.")
    if data.attrs:
        data = data.copy(deep=False)
        data.attrs = {}
    return data


def known_columns(data: pd.DataFrame, names: Iterable[str], what: str = "column") -> list[str]:
    """Return names as a list, raising a helpful error for any that are not columns of data."""
    names = [names] if isinstance(names, str) else list(names)
    cols = [str(c) for c in data.columns]
    for name in names:
        if name not in data.columns:
            same_case = [c for c in cols if c.lower() == str(name).lower()]
            close = same_case or difflib.get_close_matches(str(name), cols, n=3)
            hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
            raise QCAInputError(
                f"Unknown {what} {name!r}: it is not a column of the data.{hint} "
                f"Available columns: {', '.join(cols)}."
            )
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise QCAInputError(f"{what.capitalize()} {', '.join(map(repr, dup))} given more than once.")
    return names


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
    missing = np.isnan(values)
    if missing.any():
        cases = ", ".join(map(repr, col.index[missing][:5]))
        raise QCAInputError(
            f"Column {name!r} has {int(missing.sum())} missing value(s) (cases {cases}). "
            "QCA needs a score for every case: fill them in from the sources, or drop those cases "
            "with data.dropna(subset=[...]) and say so."
        )
    return values


def membership_column(data: pd.DataFrame, name: str) -> np.ndarray:
    """The column as memberships in [0, 1]; raw (uncalibrated) data gets an error naming the fix."""
    values = numeric_column(data, name)
    outside = (values < 0) | (values > 1)
    if outside.any():
        i = int(np.argmax(outside))
        raise QCAInputError(
            f"Column {name!r} is not a set membership: case {data.index[i]!r} has "
            f"{values[i]:g}, outside [0, 1]. Calibrate raw data first, e.g. "
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
