"""Check a learner's own data before an fsQCA, and say what to do about each problem.

:func:`check_data` never raises for a problem *in the data* and never changes the data: it
returns a table with one line per check (``ok``, ``warning`` or ``problem``), what it found
(the columns and cases concerned) and what to do. A ``problem`` stops the analysis later with
a :class:`~qcakit.QCAInputError`; a ``warning`` is legal but worth a sentence in the paper.

Checks: the outcome and conditions are columns; case names are unique; every value is a
number; nothing is missing; no condition is constant; the outcome has cases in and out (for raw
data: it varies; for memberships: some above and some below 0.5); the data are memberships in
[0, 1] or raw scores to calibrate (listed, so the calibration step can be planned); the number of conditions is
within exact minimization (:data:`qcakit.boolean.MAX_CONDITIONS`); and how many
configurations are logically possible for how many cases (limited diversity; Marx & Dusa 2011).

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [1, 2, None], "B": [5, 5, 5], "Y": [0.2, 0.9, 0.4]},
...                     index=["x", "y", "x"])
>>> check = check_data(data, "Y", ["A", "B"])
>>> check.table.loc[check.table["status"] == "problem"].index.tolist()
['unique case names', 'no missing values', 'no constant condition']
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import _display
from . import _kinds as K
from ._spec import accepts
from .boolean import MAX_CONDITIONS
from .i18n import tr


@dataclass
class DataCheck:
    """Result of :func:`check_data`: ``.table`` (check → status, found, what to do)."""

    table: pd.DataFrame
    n_cases: int
    n_conditions: int

    @property
    def ok(self) -> bool:
        """True when no check found a problem (warnings allowed)."""
        return not (self.table["status"] == "problem").any()

    def _title(self) -> str:
        text = (tr("Data check: {n} cases, {k} conditions, no problems") if self.ok else
                tr("Data check: {n} cases, {k} conditions, problems to fix before the analysis"))
        return text.format(n=self.n_cases, k=self.n_conditions)

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table)

    def __repr__(self):
        return _display.render_text(self._title(), self.table)


def _names(values) -> str:
    values = [str(v) for v in values]
    if len(values) > 5:
        return tr("{names} and {n} more").format(names=", ".join(values[:5]), n=len(values) - 5)
    return ", ".join(values)


def _structure_checks(data, columns):
    dup = data.index[data.index.duplicated()].unique()
    yield ("unique case names", "problem" if len(dup) else "ok",
           tr("repeated: {names}").format(names=_names(dup)) if len(dup) else
           tr("{n} distinct cases").format(n=len(data)),
           tr("Give every case its own name (e.g. add the year or region), or remove the "
              "duplicate row if it is the same case twice.") if len(dup) else "")
    text = [c for c in columns if not (pd.api.types.is_numeric_dtype(data[c])
                                       or pd.api.types.is_bool_dtype(data[c]))]
    found = "; ".join(
        f"{c}: {_names(data.index[pd.to_numeric(data[c], errors='coerce').isna() & data[c].notna()])}"
        for c in text)
    yield ("numbers only", "problem" if text else "ok", found or tr("every column is numeric"),
           tr("Fix the text entries at the source (a comma as decimal sign, a note such as "
              "'n/a'), then convert with pd.to_numeric.") if text else "")
    missing = {c: data.index[data[c].isna()] for c in columns if data[c].isna().any()}
    yield ("no missing values", "problem" if missing else "ok",
           "; ".join(f"{c}: {_names(v)}" for c, v in missing.items()) or tr("none missing"),
           tr("Find the missing scores in your sources. If you must drop cases, do it visibly "
              "(data.dropna(subset=[...])) and report it.") if missing else "")


def _content_checks(data, outcome, conditions):
    numeric = [c for c in [outcome, *conditions] if pd.api.types.is_numeric_dtype(data[c])]
    constant = [c for c in conditions if c in numeric and data[c].nunique(dropna=True) <= 1]
    yield ("no constant condition", "problem" if constant else "ok",
           ", ".join(constant) or tr("every condition varies"),
           tr("A set every case has (or none has) cannot explain differences: leave it out, or "
              "check the data entry.") if constant else "")
    if outcome in numeric:
        y = data[outcome].dropna()
        if y.between(0, 1).all():
            n_in, n_out = int((y > 0.5).sum()), int((y < 0.5).sum())
            nobody = n_in == 0 or n_out == 0
            found = tr("{outcome}: {n_in} case(s) above 0.5, {n_out} below").format(
                outcome=outcome, n_in=n_in, n_out=n_out)
        else:
            nobody = y.nunique() <= 1
            found = tr("{outcome} (raw) ranges from {low} to {high}").format(
                outcome=outcome, low=f"{y.min():g}", high=f"{y.max():g}")
        yield ("outcome has cases in and out", "problem" if nobody else "ok", found,
               tr("With nobody in the outcome (or everybody) there is nothing to explain: check "
                  "its calibration, or analyse the negated outcome.") if nobody else "")
    in_unit = [c for c in numeric if data[c].dropna().between(0, 1).all()]
    raw = [c for c in numeric if c not in in_unit]
    yield ("memberships or raw scores", "ok",
           tr("memberships in [0, 1]: {memberships}; raw scores to calibrate: {raw}").format(
               memberships=_names(in_unit) or tr("none"), raw=_names(raw) or tr("none")), "")


def _size_checks(n, k):
    yield ("conditions within exact minimization", "problem" if k > MAX_CONDITIONS else "ok",
           tr("{k} conditions (limit {limit})").format(k=k, limit=MAX_CONDITIONS),
           tr("Reduce the conditions with theory, drop those the necessity analysis shows to be "
              "trivial, or use a two-step QCA.") if k > MAX_CONDITIONS else "")
    possible = 2 ** k
    yield ("diversity", "warning" if n < possible else "ok",
           tr("{possible} logically possible configurations for {n} cases").format(
               possible=possible, n=n),
           tr("At most {observable} of the {possible} configurations can be observed: the rest "
              "are logical remainders, and the solutions will rest on assumptions about them. "
              "Keep the conditions few (Marx & Dusa 2011) and report the remainders.").format(
               observable=min(n, possible), possible=possible) if n < possible else "")


@accepts(data=K.Frame(), outcome=K.Column(),
         conditions=K.Columns(notation=False, optional=False))
def check_data(data: pd.DataFrame, outcome: str, conditions) -> DataCheck:
    """Check ``data`` (raw or calibrated) for an fsQCA of ``outcome`` on ``conditions``.

    Raises :class:`~qcakit.QCAInputError` only when the question itself cannot be read (not a
    DataFrame, unknown columns, conditions not given as a list, the outcome among the
    conditions); every problem in the data is a line of the returned table, with what to do.
    """
    rows = [*_structure_checks(data, [outcome, *conditions]),
            *_content_checks(data, outcome, conditions),
            *_size_checks(len(data), len(conditions))]
    table = pd.DataFrame(rows, columns=["check", "status", "found", "what to do"])
    return DataCheck(table.set_index("check"), len(data), len(conditions))

