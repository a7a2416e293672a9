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
from .i18n import sentences, tr, tr_later

#: What a condition name may look like in expressions (``A*~B + C``): no blanks or operators.
NOTATION_NAME = re.compile(r"^[^\s*+~(),]+$")

#: The nouns the checks put in their messages (``what=`` of the kinds and checks), translated
#: where a message shows them; any other ``what`` is an argument's name (code) and stays.
NOUNS = frozenset((
    tr_later("condition"), tr_later("conditions"), tr_later("outcome"), tr_later("column"),
    tr_later("set"), tr_later("term"), tr_later("unit"), tr_later("cluster"),
    tr_later("dataset"), tr_later("solution type"), tr_later("calibration method"),
    tr_later("percentile method"), tr_later("condition in the solution"),
    tr_later("condition in the theory"), tr_later("column in the calibration"),
))


def noun(what: str) -> str:
    """``what`` as a message shows it: one of the kit's :data:`NOUNS` in the current language,
    anything else (an argument's name) as it is."""
    return tr(what) if what in NOUNS else what


def capital(text: str) -> str:
    """``text`` with a capital first letter (Chinese has none: unchanged)."""
    return text[:1].upper() + text[1:]


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
        raise QCAInputError(sentences(
            tr("{what} must be a pandas DataFrame (cases as rows, sets as columns), got "
               "{value}.").format(what=what, value=shown(data)), frame_fix(data, what)))
    if data.shape[0] == 0:
        raise QCAInputError(tr("{what} has no rows (cases); there is nothing to analyse.")
                            .format(what=what))
    if isinstance(data.columns, pd.MultiIndex):
        raise QCAInputError(
            tr("{what} has column names on {levels} levels (e.g. {example}); the kit names each "
               "set by one text. Join the levels first: {what}.columns = ['_'.join(map(str, c)) "
               "for c in {what}.columns].").format(what=what, levels=data.columns.nlevels,
                                                   example=repr(data.columns[0])))
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
            tr("{what} has more than one column named {names}. Keep one, e.g. data = "
               "data.loc[:, ~data.columns.duplicated()], or rename them apart.")
            .format(what=what, names=", ".join(map(repr, dup))))


def unknown(data, name, what: str) -> QCAInputError:
    """The error for a name that is not a column of ``data`` (a DataFrame or its columns), with
    the likely fix: several names in one string, a number name, a different case, a near miss."""
    columns = data.columns if isinstance(data, pd.DataFrame) else pd.Index(data)
    cols = [str(c) for c in columns]
    text = str(name)
    what = noun(what)
    pieces = [p for p in re.split(r"[,;\s]+", text) if p]
    if len(pieces) > 1 and all(p in columns for p in pieces):
        return QCAInputError(
            tr("{What} {name} reads as several column names in one string. Pass a list "
               "instead: {pieces}.").format(What=capital(what), name=repr(name),
                                            pieces=repr(pieces)))
    if text in cols:
        return QCAInputError(
            tr("Unknown {what} {name}: the data has a column {text} whose name is not text (a "
               "number). Rename the columns to text first: data.columns = "
               "data.columns.astype(str).").format(what=what, name=repr(name), text=repr(text)))
    same_case = [c for c in cols if c.lower() == text.lower()]
    close = same_case or difflib.get_close_matches(text, cols, n=3)
    hint = tr("Did you mean {names}?").format(names=", ".join(map(repr, close))) if close else ""
    return QCAInputError(sentences(
        tr("Unknown {what} {name}: it is not a column of the data.").format(what=what,
                                                                           name=repr(name)),
        hint, tr("Available columns: {columns}.").format(columns=", ".join(cols))))


def known_columns(data: pd.DataFrame, names: Iterable[str], what: str = "column") -> list[str]:
    """Return names as a list, raising a helpful error for any that are not columns of data."""
    if isinstance(names, str) or not isinstance(names, Iterable):
        names = [names]
    names = list(names)
    for name in names:
        if not isinstance(name, Hashable) or name not in data.columns:
            if not isinstance(name, Hashable):
                raise QCAInputError(
                    tr("A {what} must be one column name, got {value} ({type}). Pass a flat "
                       "list of names, e.g. ['A', 'B'].").format(
                        what=noun(what), value=repr(name), type=type(name).__name__))
            raise unknown(data, name, what)
    dup = sorted({str(n) for n in names if names.count(n) > 1})
    if dup:
        raise QCAInputError(
            tr("{What} {names} given more than once; list each column once.").format(
                What=capital(noun(what)), names=", ".join(map(repr, dup))))
    return names


def name_list(names, what: str = "conditions"):
    """``names`` as given, refusing one string that holds several names (``"DEV, URB"``)."""
    if isinstance(names, str) and re.search(r"[,;]", names):
        pieces = [p.strip() for p in re.split(r"[,;]", names) if p.strip()]
        raise QCAInputError(
            tr("{what} was given as one string {names}. Pass a list of column names instead: "
               "{what}={pieces}.").format(what=what, names=repr(names), pieces=repr(pieces)))
    return names


def notation_names(names, what: str = "condition") -> None:
    """Condition names must be usable in expressions such as ``A*~B + C``."""
    for name in names:
        if not isinstance(name, str) or not NOTATION_NAME.match(name):
            fixed = re.sub(r"[\s*+~(),]+", "_", str(name)).strip("_") or "X"
            raise QCAInputError(
                tr("{What} name {name} cannot be written in an expression such as 'A*~B + C' "
                   "(it is not text, or it holds a blank, '*', '+', '~', ',' or a parenthesis). "
                   "Rename it, e.g. data = data.rename(columns={{{name}: {fixed}}}).").format(
                    What=capital(noun(what)), name=repr(name), fixed=repr(fixed)))


def default_conditions(data: pd.DataFrame, outcome, what: str = "conditions") -> list:
    """Every numeric column but the outcome; text columns left out are named in a warning."""
    numeric = [c for c in data.columns if c != outcome
               and (pd.api.types.is_numeric_dtype(data[c]) or pd.api.types.is_bool_dtype(data[c]))]
    left_out = [c for c in data.columns if c != outcome and c not in numeric]
    if left_out:
        warn(tr("No {what} were given, so every numeric column but the outcome is used; the "
                "non-numeric column(s) {names} were left out. Pass {what}=[...] to choose them "
                "yourself.").format(what=what, names=", ".join(map(repr, left_out))))
    return numeric


def _unquoted(value, name: str) -> str:
    """'Write it without quotes: name=0.8.' for a number given as text (a sentence to add to a
    message with :func:`~qcakit.i18n.sentences`), else ''."""
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return ""
        if math.isfinite(number):
            return tr("Write it without quotes: {name}={value}.").format(name=name,
                                                                      value=value.strip())
    return ""


def fraction(value, name: str, low: float = 0.0, high: float = 1.0, note: str = "") -> float:
    """A number in [low, high]; 10 <= value <= 100 gets the hint that it looks like a percentage.

    ``note`` follows the range in the message, e.g. " (the range of its slider)" (a string
    marked with ``tr_later``, translated here).
    """
    note = tr(note) if note else ""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value):
        raise QCAInputError(sentences(
            tr("{name} must be a number between {low} and {high}{note}, got {value}.").format(
                name=name, low=f"{low:g}", high=f"{high:g}", note=note, value=repr(value)),
            _unquoted(value, name)))
    value = float(value)
    if not low <= value <= high:
        hint = ""
        if high == 1.0 and 10 <= value <= 100:
            hint = tr("It looks like a percentage: use {value}.").format(value=f"{value / 100:g}")
        raise QCAInputError(sentences(
            tr("{name} must lie between {low} and {high}{note}, got {value}.").format(
                name=name, low=f"{low:g}", high=f"{high:g}", note=note, value=f"{value:g}"),
            hint))
    return value


def bad_thresholds(name, method: str, value) -> QCAInputError:
    """The error for anchors or thresholds a calibration ``method`` cannot use."""
    if method == "direct":
        text = tr("Direct calibration of {name} needs three numeric anchors (exclusion, "
                  "crossover, inclusion), got {value}.")
    elif method == "crisp":
        text = tr("Crisp calibration of {name} needs one or more strictly increasing "
                  "thresholds, got {value}.")
    else:
        text = tr("Indirect calibration of {name} needs one or more strictly increasing "
                  "thresholds, got {value}.")
    return QCAInputError(text.format(name=repr(name), value=repr(value)))


def cut_map(cuts, allowed: Mapping, name: str) -> dict:
    """``allowed`` (the default cuts) updated with ``cuts``, a dict with any of its keys, every
    value a cut in [0, 1]."""
    if not isinstance(cuts, Mapping) or set(cuts) - set(allowed):
        keys = ", ".join(map(repr, allowed))
        raise QCAInputError(
            tr("{name} must be a dict with the keys {keys} (any of them), e.g. {example}; got "
               "{value}.").format(name=name, keys=keys, example=dict(allowed), value=repr(cuts)))
    return {k: fraction(v, f"{name}[{k!r}]") for k, v in {**allowed, **cuts}.items()}


def whole_number(value, name: str, minimum: int = 0) -> int:
    """An integer >= minimum (a float such as 2.0 is accepted)."""
    ok = (not isinstance(value, bool) and isinstance(value, numbers.Real)
          and math.isfinite(value) and int(value) == value and value >= minimum)
    if not ok:
        raise QCAInputError(sentences(
            tr("{name} must be a whole number >= {minimum}, got {value}.").format(
                name=name, minimum=minimum, value=repr(value)), _unquoted(value, name)))
    return int(value)


def numeric_column(data: pd.DataFrame, name: str) -> np.ndarray:
    """The column as a float array, refusing text and missing values."""
    col = data[name]
    if not (pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col)):
        bad = col[pd.to_numeric(col, errors="coerce").isna() & col.notna()]
        fix = tr("Convert it first, e.g. data[{name}] = pd.to_numeric(data[{name}]), after "
                 "fixing the text entries.").format(name=repr(name))
        if len(bad):
            raise QCAInputError(sentences(
                tr("Column {name} is not numeric (e.g. {value} for case {case}).").format(
                    name=repr(name), value=repr(bad.iloc[0]), case=repr(bad.index[0])), fix))
        raise QCAInputError(sentences(tr("Column {name} is not numeric.").format(
            name=repr(name)), fix))
    values = col.to_numpy(dtype=float)
    infinite, missing = np.isinf(values), np.isnan(values)
    if infinite.any():
        raise QCAInputError(
            tr("Column {name} has {n} infinite value(s) (cases {cases}), often from a division "
               "by zero. Recompute or correct those scores.").format(
                name=repr(name), n=int(infinite.sum()),
                cases=", ".join(map(repr, col.index[infinite][:5]))))
    if missing.any():
        raise QCAInputError(
            tr("Column {name} has {n} missing value(s) (cases {cases}). QCA needs a score for "
               "every case: fill them in from the sources, or drop those cases with "
               "data.dropna(subset=[...]) and say so.").format(
                name=repr(name), n=int(missing.sum()),
                cases=", ".join(map(repr, col.index[missing][:5]))))
    return values


def membership_column(data: pd.DataFrame, name: str) -> np.ndarray:
    """The column as memberships in [0, 1]; raw (uncalibrated) data gets an error naming the fix."""
    values = numeric_column(data, name)
    outside = (values < 0) | (values > 1)
    if outside.any():
        i = int(np.argmax(outside))
        if values.min() >= 0 and values.max() <= 100:
            fix = tr("The scores lie in [0, 100]: if they are percentages of membership, divide "
                     "by 100 (data[{name}] = data[{name}] / 100); if they are raw data, "
                     "calibrate them first, e.g. qcakit.calibrate(data[{name}], "
                     "thresholds=(exclusion, crossover, inclusion)).")
        else:
            fix = tr("If they are raw data, calibrate them first, e.g. "
                     "qcakit.calibrate(data[{name}], thresholds=(exclusion, crossover, "
                     "inclusion)).")
        raise QCAInputError(sentences(
            tr("Column {name} is not a set membership: case {case} has {value}, outside "
               "[0, 1].").format(name=repr(name), case=repr(data.index[i]),
                                 value=f"{values[i]:g}"),
            fix.format(name=repr(name))))
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
            tr("The outcome {label} has no membership at all (every case scores 0), so "
               "consistency is undefined. Check the calibration of the outcome, or analyse the "
               "other side of it (negate_outcome).").format(label=repr(label)))


def limited_diversity(n_cases: int, n_conditions: int, what: str = "") -> str | None:
    """A note when there are no more cases than conditions (``None`` otherwise).

    This is a floor, not a benchmark: with ``k >= n`` the ``2^k`` rows dwarf the cases, every case
    can sit in a row of its own and the solution is shaped by the remainders. Stricter benchmarks
    for the ratio of cases to conditions exist (Marx & Dusa 2011).
    """
    if n_cases > n_conditions:
        return None
    return tr("Limited diversity{what}: {k} conditions for {n} cases, so at most {n} of the "
              "2^{k} = {rows} truth-table rows can be observed and the solution rests on "
              "remainders. Use fewer conditions (theory, or necessity and two-step approaches), "
              "or more cases.").format(what=what, k=n_conditions, n=n_cases,
                                       rows=2 ** n_conditions)


def warn_limited_diversity(truth_table) -> None:
    """Warn (QCAWarning) when a truth table has no more cases than conditions."""
    note = limited_diversity(len(truth_table.data), len(truth_table.conditions))
    if note:
        warn(note)
