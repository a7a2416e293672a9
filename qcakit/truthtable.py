"""Truth tables: the 2^k logically possible combinations of k conditions, and what the cases say.

Each row is a corner of the property space (every condition present or absent). A case's
membership in a row is the minimum, over the conditions, of ``x`` (present) or ``1 - x``
(absent); each case belongs (membership > 0.5) to at most one row, and to none when it scores
exactly 0.5 on some condition. For every row with cases:

- ``n``: number of cases with membership > 0.5 in the row;
- ``incl``: sufficiency consistency of the row for the outcome, over *all* cases
  (``sum(min(row, Y)) / sum(row)``); ``PRI``: proportional reduction in inconsistency;
- ``OUT``: ``"1"`` when ``n >= n_cut``, ``incl >= incl_cut`` and (if set) ``PRI >= pri_cut``;
  ``"0"`` when below; ``"C"`` (contradiction) when ``incl_cut=(ic1, ic0)`` is given and
  ``ic0 <= incl < ic1``; ``"?"`` (remainder) when ``n < n_cut``. Rows without cases are
  logical remainders (``"?"``) too.

Row ids follow the R package QCA: the row's binary code (first condition most significant) + 1.
Cut-offs are compared with unrounded consistencies (a row at 0.7996 is shown as 0.800 but is
below a cut of 0.8), with the R package QCA's tolerance of 1.49e-8 so that floating-point noise
(0.7999999999 for an exact 0.8) does not flip a row.

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
...                      "Y": [0.8, 0.6, 0.3, 0.1]}, index=["p", "q", "r", "s"])
>>> tt = truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
>>> tt.table[["A", "B", "OUT", "n", "cases"]]
   A  B OUT  n cases
4  1  1   1  1     p
3  1  0   1  1     q
2  0  1   0  1     r
1  0  0   0  1     s
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr

TOLERANCE = 1.4901161193847656e-08  # sqrt(machine epsilon), as in the R package QCA
OUT_COLOURS = {"1": "#d9ead3", "0": "#f4cccc", "C": "#fce5cd", "?": "#eeeeee"}


def row_codes(x: np.ndarray) -> np.ndarray:
    """Binary code of every case's row (first column most significant); -1 if a score is 0.5."""
    k = x.shape[1]
    weights = 1 << np.arange(k - 1, -1, -1)
    codes = ((x > 0.5).astype(np.int64) * weights).sum(axis=1)
    return np.where((x == 0.5).any(axis=1), -1, codes)


def row_membership(x: np.ndarray, code: int) -> np.ndarray:
    """Membership of every case in the row with binary ``code``."""
    k = x.shape[1]
    bits = (code >> np.arange(k - 1, -1, -1)) & 1
    return np.where(bits == 1, x, 1.0 - x).min(axis=1)


def bits_of(code: int, k: int) -> list[int]:
    return [(code >> (k - 1 - j)) & 1 for j in range(k)]


@dataclass
class TruthTable:
    """Result of :func:`truth_table`. ``.table`` holds the rows with cases; ``.memberships``
    holds every case's membership in each of those rows; ``.data`` the memberships used."""

    table: pd.DataFrame
    memberships: pd.DataFrame
    data: pd.DataFrame
    outcome: str
    conditions: list
    incl_cut: tuple
    pri_cut: float | None
    n_cut: int
    negate_outcome: bool
    notes: list = field(default_factory=list)

    @property
    def outcome_label(self) -> str:
        return f"~{self.outcome}" if self.negate_outcome else self.outcome

    @property
    def y(self) -> np.ndarray:
        y = self.data[self.outcome].to_numpy(dtype=float)
        return 1.0 - y if self.negate_outcome else y

    @accepts(out=K.OneOf("1", "0", "C", "?"))
    def codes(self, out: str) -> np.ndarray:
        """Binary codes of the rows whose OUT is ``out`` ("1", "0", "C"; "?" for observed rows
        below the frequency cut only)."""
        rows = self.table.index[self.table["OUT"] == out]
        return np.asarray(rows, dtype=np.int64) - 1

    @property
    def n_remainders(self) -> int:
        """Logical remainders: rows without enough cases (``2^k`` minus the coded rows)."""
        return 2 ** len(self.conditions) - int((self.table["OUT"] != "?").sum())

    def complete(self) -> pd.DataFrame:
        """All ``2^k`` rows, remainders included (sensible for small k, as in a textbook)."""
        k = len(self.conditions)
        if k > 12:
            raise QCAInputError(
                tr("complete() lists all 2^{k} = {rows} rows; that is too many to read. Use "
                   ".table (the rows with cases) instead.").format(k=k, rows=2 ** k))
        rows = pd.DataFrame(
            [bits_of(c, k) for c in range(2 ** k)], columns=self.conditions,
            index=pd.RangeIndex(1, 2 ** k + 1),
        )
        extra = self.table.drop(columns=self.conditions)
        out = rows.join(extra)
        out["OUT"] = out["OUT"].fillna("?")
        out["n"] = out["n"].fillna(0).astype(int)
        out["cases"] = out["cases"].fillna("")
        return out

    @property
    def settings(self) -> str:
        """The cuts in words, e.g. ``'consistency cut 0.8, PRI cut none, frequency cut 1'``."""
        ic1, ic0 = self.incl_cut
        cut = f"{ic1:g}" if ic0 == ic1 else f"{ic1:g} (1) / {ic0:g} (0)"
        pri = tr("none") if self.pri_cut is None else f"{self.pri_cut:g}"
        return tr("consistency cut {cut}, PRI cut {pri}, frequency cut {n}").format(
            cut=cut, pri=pri, n=self.n_cut)

    @property
    def title(self) -> str:
        """One-line heading used when the table is displayed."""
        return tr("Truth table for {outcome}: {rows} rows with cases, {remainders} remainders "
                  "({settings})").format(outcome=self.outcome_label, rows=len(self.table),
                                         remainders=self.n_remainders, settings=self.settings)

    def _repr_html_(self):
        shown = _display.fmt_table(self.table)
        styler = shown.style.apply(
            lambda row: [f"background-color:{OUT_COLOURS[row['OUT']]}"] * len(row), axis=1
        )
        return _display.render_html(self.title, None, self.notes, styler=styler)

    def __repr__(self):
        return _display.render_text(self.title, self.table, self.notes)


def _checked(data, outcome, conditions, negate_outcome):
    """The memberships :func:`truth_table` computes on (its arguments are checked by its spec)."""
    if conditions is None:
        conditions = _checks.default_conditions(data, outcome)
        if not conditions:
            raise QCAInputError(tr("A truth table needs at least one condition, and the data "
                                   "have no numeric column besides the outcome; pass "
                                   "conditions=[...]."))
        _checks.notation_names(conditions)
    x = _checks.memberships(data, conditions, "condition")
    y = _checks.membership_column(data, outcome)
    if negate_outcome:
        y = 1.0 - y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    return conditions, x, y


def _notes(data, conditions, x, codes) -> list[str]:
    """Notes on constant conditions, limited diversity and cases lost at 0.5 (warned)."""
    notes = []
    for j, cond in enumerate(conditions):
        col = x[:, j]
        if np.all(col == col[0]):
            notes.append(tr("Condition {name} is constant ({value} for every case).").format(
                name=repr(cond), value=f"{col[0]:g}"))
    diversity = _checks.limited_diversity(len(data), len(conditions))
    if diversity:
        notes.append(diversity)
    lost = data.index[codes < 0]
    if len(lost) == len(data):
        halves = [c for j, c in enumerate(conditions) if (x[:, j] == 0.5).any()]
        raise QCAInputError(
            tr("Every case scores exactly 0.5 on some condition ({conditions}), so no case "
               "belongs to any truth-table row. Recalibrate with a crossover no case sits on, or "
               "use qcakit.calibrate(..., nudge_half=True).").format(
                conditions=", ".join(map(repr, halves))))
    if len(lost):
        msg = tr("{n} case(s) score exactly 0.5 on a condition and belong to no row: {cases}. "
                 "Recalibrate, or nudge to 0.501.").format(n=len(lost),
                                                          cases=", ".join(map(str, lost)))
        _checks.warn(msg)
        notes.append(msg)
    return notes


# Long for its docstring; the code is one pass of checks, then building the rows.
@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(), incl_cut=K.CutPair(),
         pri_cut=K.Cut(optional=True), n_cut=K.Count(1), negate_outcome=K.Switch(),
         sort_by=K.OneOf("incl", "n", None))
def truth_table(
    data: pd.DataFrame,
    outcome: str,
    conditions=None,
    incl_cut=0.8,
    pri_cut: float | None = None,
    n_cut: int = 1,
    negate_outcome: bool = False,
    sort_by: str | None = "incl",
) -> TruthTable:
    """Build the truth table of ``conditions`` for ``outcome``.

    Parameters
    ----------
    data : DataFrame of memberships in [0, 1]; the index names the cases.
    outcome : the outcome column.
    conditions : condition columns (default: every numeric column but the outcome).
    incl_cut : consistency cut for OUT = 1, or a pair ``(ic1, ic0)``: rows with
        ``ic0 <= incl < ic1`` are contradictions ``"C"`` (as in the R package QCA).
    pri_cut : optional PRI cut; rows passing ``incl_cut`` with lower PRI get OUT = 0.
    n_cut : frequency cut; rows with fewer cases are treated as remainders ``"?"``.
    negate_outcome : explain ``~outcome`` (1 - outcome).
    sort_by : ``"incl"`` (consistency, then n, descending; as most papers print it), ``"n"``,
        or ``None`` for row-id order.
    """
    conditions, x, y = _checked(data, outcome, conditions, negate_outcome)
    ic1, ic0 = incl_cut
    codes = row_codes(x)
    notes = _notes(data, conditions, x, codes)
    observed = np.unique(codes[codes >= 0])
    k = len(conditions)
    case_names = _checks.case_labels(data.index)
    member = np.column_stack([row_membership(x, c) for c in observed])
    incl = fit.consistency(member, y)
    pri = fit.pri(member, y)
    n = np.array([(codes == c).sum() for c in observed])
    out = np.where(incl + TOLERANCE > ic1, "1", np.where(incl + TOLERANCE > ic0, "C", "0"))
    if pri_cut is not None:
        out = np.where((out == "1") & ~(pri + TOLERANCE > pri_cut), "0", out)
    out = np.where(n < n_cut, "?", out)
    y_in = y > 0.5
    y_out = y < 0.5
    cases, inconsistent = [], []
    for c, o in zip(observed, out):
        here = codes == c
        cases.append(", ".join(case_names[here]))
        wrong = here & (y_out if o == "1" else y_in if o == "0" else False)
        inconsistent.append(", ".join(case_names[wrong]))
    ids = pd.Index(observed + 1, name=None)
    table = pd.DataFrame([bits_of(c, k) for c in observed], columns=conditions, index=ids)
    table["OUT"] = out
    table["n"] = n
    table["incl"] = incl
    table["PRI"] = pri
    table["cases"] = cases
    table["inconsistent"] = inconsistent
    if sort_by == "incl":
        table = table.sort_values(["incl", "n"], ascending=False, kind="stable")
    elif sort_by == "n":
        table = table.sort_values(["n", "incl"], ascending=False, kind="stable")
    memberships = pd.DataFrame(member, index=data.index, columns=ids)[table.index]
    used = data[conditions + [outcome]].astype(float)
    return TruthTable(table, memberships, used, outcome, conditions, (ic1, ic0),
                      pri_cut, int(n_cut), negate_outcome, notes)
