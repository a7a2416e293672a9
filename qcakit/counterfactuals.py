"""Enhanced Standard Analysis (ESA): which remainders may not be counterfactuals, and why.

Schneider & Wagemann (2012, ch. 8) ask that the simplifying assumptions behind a solution be
*tenable*. Three kinds of remainders are barred; each helper returns them as an
:class:`Exclusions` result that :func:`qcakit.minimize` takes as ``exclude=``:

- :func:`untenable_rows`: remainders inside declared *impossible* combinations (e.g. a
  pregnant man), given as an expression. As the R package QCA, ``findRows(type = 1)``, and
  SetMethods, ``esa(untenable_LR = ...)``.
- :func:`incoherent_rows`: remainders in which a stated *necessary condition* is absent.
  Assuming that such a row would produce the outcome contradicts the claim of necessity
  (an *incoherent counterfactual*). As SetMethods ``esa(nec_cond = ...)``, which bars every
  such remainder, not only those the current solution happens to use: barring only the used
  ones would let the re-minimized solution pick another incoherent remainder.
- :func:`contradictory_assumptions`: remainders used as simplifying assumptions both for the
  outcome and for its negation (same data, same cuts), by any of the equally minimal
  parsimonious models of each. As QCA ``findRows(type = 2)``; identical on the Lipset data, but
  on the Xu data (five models for the outcome) QCA 3.25.1 lists 65 rows and we list 66: row 71
  is used only by the fifth model, whose assumptions QCA leaves out. We count every model,
  since any of them may be the one reported.

:func:`esa` combines them. The observed-row counterpart, QCA's ``findRows(type = 3)``, is
:func:`simultaneous_subset_rows`: observed rows coded 1 both for the outcome and for its
negation. They are not counterfactuals, so they are reported, not excluded.

Exclusions change the parsimonious and intermediate solutions (an
excluded remainder is never an easy counterfactual); the complex solution uses no remainder.

>>> import qcakit
>>> lipset = qcakit.datasets.load("lipset_fuzzy")
>>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
>>> ex = untenable_rows(tt, "~DEV*IND")
>>> ex.rows
[3, 4, 7, 8, 11, 12, 15, 16]
>>> qcakit.minimize(tt, "parsimonious", exclude=ex).expression
'DEV*~IND + DEV*URB*STB'
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from . import _display
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .minimize import _parse_exclude, minimize
from .i18n import tr
from .sets import parse, term_to_string
from .truthtable import TruthTable, bits_of, truth_table


@dataclass
class Exclusions:
    """Remainder rows barred as counterfactuals: ``table`` has one row per truth-table row
    (index ``row``, as in ``tt.complete()``), the conditions, and the ``reason``."""

    table: pd.DataFrame
    outcome_label: str
    #: ``esa(observed=True)`` only: observed rows whose OUT was set to 0, and the truth table
    #: with that coding (minimize it, with these exclusions, to get SetMethods' solutions).
    recoded: pd.DataFrame | None = field(default=None, repr=False)
    truth_table: TruthTable | None = field(default=None, repr=False)

    @property
    def rows(self) -> list[int]:
        return [int(r) for r in self.table.index]

    def __add__(self, other: "Exclusions") -> "Exclusions":
        extra = other.table.loc[other.table.index.difference(self.table.index)]
        both = pd.concat([self.table, extra]).sort_index()
        for r in self.table.index.intersection(other.table.index):
            if other.table.loc[r, "reason"] != self.table.loc[r, "reason"]:
                both.loc[r, "reason"] = f"{self.table.loc[r, 'reason']}; {other.table.loc[r, 'reason']}"
        return Exclusions(both, self.outcome_label)

    def _title(self) -> str:
        return tr("{n} remainder row(s) barred as counterfactuals for {outcome}").format(
            n=len(self.table), outcome=self.outcome_label)

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table)

    def __repr__(self):
        return _display.render_text(self._title(), self.table)


def _exclusions(tt: TruthTable, reasons: dict) -> Exclusions:
    """``reasons`` is ``{row code: reason}``."""
    k = len(tt.conditions)
    codes = sorted(reasons)
    table = pd.DataFrame([bits_of(c, k) for c in codes], columns=list(tt.conditions),
                         index=pd.Index([c + 1 for c in codes], name="row"))
    table["reason"] = [reasons[c] for c in codes]
    return Exclusions(table, tt.outcome_label)


@accepts(tt=K.TruthTableArg(), impossible=K.Expression("tt"))
def untenable_rows(tt: TruthTable, impossible: str) -> Exclusions:
    """Remainders inside ``impossible``, an expression of combinations that cannot exist
    (e.g. ``"~DEV*IND"``). QCA ``findRows(expression, type = 1)``.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
    >>> untenable_rows(tt, "~DEV*IND").rows
    [3, 4, 7, 8, 11, 12, 15, 16]
    """
    reasons = _parse_exclude(impossible, tt)
    # Translators: keep the English word 'untenable' in the text (qcakit.narrative counts
    # the reasons by it), e.g. in parentheses.
    reason = tr("untenable: {expression} declared impossible").format(expression=impossible)
    return _exclusions(tt, dict.fromkeys(reasons, reason))


@accepts(tt=K.TruthTableArg(), necessary=K.Expressions("tt", optional=False))
def incoherent_rows(tt: TruthTable, necessary) -> Exclusions:
    """Remainders in which a necessary condition is absent (incoherent counterfactuals).

    ``necessary`` is one expression or a list, e.g. ``["LIT", "STB"]`` or ``"ORG"``; a
    necessary disjunction such as ``"A + B"`` is absent in the rows outside both ``A`` and
    ``B``. SetMethods ``esa(nec_cond = ...)``.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
    >>> incoherent_rows(tt, "STB").rows[:4]
    [3, 7, 9, 11]
    """
    first = tt.conditions[0]
    remainders = set(_parse_exclude(f"{first} + ~{first}", tt))
    items = [necessary] if isinstance(necessary, str) else list(necessary)
    reasons: dict = {}
    for item in items:
        terms = parse(item)
        simple = len(terms) == 1 and len(terms[0]) == 1
        absent = term_to_string(((terms[0][0][0], 1 - terms[0][0][1]),)) if simple \
            else f"~({item})"
        for code in sorted(remainders - set(_parse_exclude(item, tt))):
            # Translators: keep the English word 'incoherent' in the text (qcakit.narrative
            # counts the reasons by it), e.g. in parentheses.
            reasons.setdefault(code, tr("incoherent: assumes {absent}, but {necessary} is "
                                        "necessary").format(absent=absent, necessary=item))
    return _exclusions(tt, reasons)


@accepts(tt=K.TruthTableArg())
def negated(tt: TruthTable) -> TruthTable:
    """The truth table of the negated outcome from the same data, conditions and cuts."""
    return truth_table(tt.data, tt.outcome, list(tt.conditions), incl_cut=tt.incl_cut,
                       pri_cut=tt.pri_cut, n_cut=tt.n_cut, negate_outcome=not tt.negate_outcome)


@accepts(tt=K.TruthTableArg())
def contradictory_assumptions(tt: TruthTable) -> Exclusions:
    """Remainders that are simplifying assumptions of the parsimonious solution both for the
    outcome and for its negation (any model of each). QCA ``findRows(type = 2)``.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
    >>> contradictory_assumptions(tt).rows
    [10, 12, 14, 16, 17, 21, 25, 29]
    """
    other = negated(tt)
    if tt.codes("1").size == 0 or other.codes("1").size == 0:
        return _exclusions(tt, {})
    used = [set().union(*(_parse_exclude(e, t) for e in minimize(t, "parsimonious").expressions))
            for t in (tt, other)]
    # Translators: keep the English word 'contradictory' in the text (qcakit.narrative counts
    # the reasons by it), e.g. in parentheses.
    reason = tr("contradictory: simplifying assumption for both {outcome} and {negation}").format(
        outcome=tt.outcome_label, negation=other.outcome_label)
    return _exclusions(tt, dict.fromkeys(used[0] & used[1], reason))


def _lacking(tt: TruthTable, necessary) -> dict:
    """``{row code: reason}`` of the observed rows coded 1 or C in which a necessary condition
    (expression) is absent."""
    k = len(tt.conditions)
    items = [necessary] if isinstance(necessary, str) else list(necessary)
    out: dict = {}
    observed = tt.table.index[tt.table["OUT"].isin(["1", "C"])]
    for item in items:
        terms = parse(item)
        for row in observed:
            bits = dict(zip(tt.conditions, bits_of(int(row) - 1, k)))
            if any(name not in bits for term in terms for name, _ in term):
                raise QCAInputError(tr("necessary: {item} names a set that is not a condition "
                                       "of this truth table ({conditions}).").format(
                    item=repr(item), conditions=", ".join(tt.conditions)))
            if not any(all(bits[n] == v for n, v in term) for term in terms):
                out.setdefault(int(row) - 1, tr("observed row coded 0: {necessary} is necessary "
                                                "and absent here (SetMethods esa)").format(
                    necessary=item))
    return out


@accepts(tt=K.TruthTableArg(), necessary=K.Expressions("tt"), impossible=K.Expressions("tt"),
         contradictory=K.Switch(), observed=K.Switch())
def esa(tt: TruthTable, *, necessary=None, impossible=None,
        contradictory: bool = False, observed: bool = False) -> Exclusions:
    """All rows to exclude: :func:`incoherent_rows` for ``necessary``, :func:`untenable_rows`
    for ``impossible`` (an expression or a list), and, if ``contradictory``,
    :func:`contradictory_assumptions`. Reasons are joined when a row has several.

    ``observed``: what to do with *observed* rows coded 1 (or C) in which a ``necessary``
    condition is absent. SetMethods ``esa(nec_cond = ...)`` sets OUT to 0 in every such row,
    observed or remainder. The default (``False``) bars remainders only, as Schneider &
    Wagemann (2012, ch. 8) define incoherent counterfactuals: an observed row that passed the
    consistency cut is evidence, and one that lacks the "necessary" condition is evidence
    against that claim (look at its cases) rather than a row to recode. ``observed=True``
    follows SetMethods: the result's ``.truth_table`` is ``tt`` with those rows' OUT set to 0
    (listed in ``.recoded``); minimize it with these exclusions,
    ``qcakit.minimize(ex.truth_table, "parsimonious", exclude=ex)``, to get SetMethods'
    solutions. Where no observed positive row lacks the condition (e.g. Lipset with LIT and
    STB) both give the same solutions; where one does, they differ
    (``tests/test_counterfactuals.py``).

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
    >>> ex = esa(tt, necessary=["LIT", "STB"], impossible="~DEV*IND")
    >>> qcakit.minimize(tt, "parsimonious", exclude=ex).expression
    'DEV*URB*LIT*STB + DEV*LIT*~IND*STB'
    >>> sm = esa(tt, necessary="URB", observed=True)
    >>> sm.recoded.index.tolist()                 # observed row 22 is ~URB and coded 1
    [22]
    >>> qcakit.minimize(sm.truth_table, "parsimonious", exclude=sm).expression
    'URB*STB'
    """
    out = _exclusions(tt, {})
    if necessary is not None:
        out = out + incoherent_rows(tt, necessary)
    for expr in [impossible] if isinstance(impossible, str) else (impossible or []):
        out = out + untenable_rows(tt, expr)
    if contradictory:
        out = out + contradictory_assumptions(tt)
    if observed and necessary is not None:
        lacking = _lacking(tt, necessary)
        recoded = _exclusions(tt, lacking).table
        table = tt.table.copy()
        table.loc[recoded.index, "OUT"] = "0"
        note = tr("OUT set to 0 in observed row(s) {rows}: a necessary condition is absent "
                  "there (esa(observed=True), as SetMethods).").format(
            rows=", ".join(map(str, recoded.index)))
        out.recoded = recoded
        out.truth_table = replace(tt, table=table,
                                  notes=list(tt.notes) + ([note] if lacking else []))
    return out


@accepts(tt=K.TruthTableArg())
def simultaneous_subset_rows(tt: TruthTable) -> pd.DataFrame:
    """Observed rows coded OUT = 1 both for the outcome and for its negation: *simultaneous
    subset relations* (Schneider & Wagemann 2012, ch. 9). QCA ``findRows(type = 3)``.

    A row whose cases are a consistent subset of ``Y`` and of ``~Y`` at once shows neither
    relation: its cases are mostly weak members of the row (incl is high for both because
    ``min(X, Y)`` and ``min(X, ~Y)`` are both close to ``X``). PRI is the measure made for this:
    for every row PRI(Y) + PRI(~Y) <= 1 (since ``min(x, y) + min(x, 1 - y) - min(x, y, 1 - y) <=
    x`` case by case), so a ``pri_cut`` above 0.5 rules such rows out. They are observed, so
    they cannot be excluded like remainders: look at their cases, then raise ``pri_cut`` (or
    ``incl_cut``) for both outcomes. Same cuts for the negation as :func:`negated` (QCA swaps an
    ``incl.cut`` pair for the negation; with one cut, as here, the two agree).

    Returns one row per such truth-table row (index ``row``, as in ``tt.complete()``): the
    conditions, ``n``, the cases, and incl and PRI for the outcome and for the negation.

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.5)
    >>> ssr = simultaneous_subset_rows(tt)
    >>> ssr.index.tolist(), ssr["PRI SURV"].round(3).tolist(), ssr["PRI ~SURV"].round(3).tolist()
    ([5, 6], [0.113, 0.228], [0.732, 0.772])
    """
    other = negated(tt)
    rows = np.intersect1d(tt.codes("1"), other.codes("1")) + 1
    k, o = tt.outcome_label, other.outcome_label
    mine, theirs = tt.table.loc[rows], other.table.loc[rows]
    out = mine[list(tt.conditions) + ["n", "cases"]].copy()
    out[f"incl {k}"], out[f"PRI {k}"] = mine["incl"], mine["PRI"]
    out[f"incl {o}"], out[f"PRI {o}"] = theirs["incl"], theirs["PRI"]
    out.index = pd.Index(rows.tolist(), name="row")
    return out


@accepts(tt=K.TruthTableArg(), impossible=K.Expression("tt", optional=True))
def find_rows(tt: TruthTable, impossible=None) -> pd.DataFrame:
    """Every row QCA's ``findRows(type = 0)`` returns, in one call, with the reasons.

    The union of the remainders inside ``impossible`` (:func:`untenable_rows`, type 1; none
    when ``impossible`` is None), the contradictory simplifying assumptions
    (:func:`contradictory_assumptions`, type 2) and the observed rows coded 1 for the outcome
    and its negation (:func:`simultaneous_subset_rows`, type 3). One row per truth-table row
    (index ``row``): the conditions, ``observed`` and a True / False column per type. Only
    remainders can be excluded: pass ``result[~result["observed"]].index.tolist()`` to
    :func:`qcakit.minimize` as ``exclude=``. As :func:`contradictory_assumptions` counts
    every parsimonious model, the type-2 rows can exceed QCA's (see the module docstring).

    >>> import qcakit
    >>> lipset = qcakit.datasets.load("lipset_fuzzy")
    >>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
    >>> rows = find_rows(tt, "~DEV*IND")
    >>> rows.index.tolist()
    [3, 4, 7, 8, 10, 11, 12, 14, 15, 16, 17, 21, 25, 29]
    >>> rows.loc[12, ["untenable", "contradictory", "simultaneous"]].tolist()
    [True, True, False]
    """
    parts = {
        "untenable": set(untenable_rows(tt, impossible).rows) if impossible else set(),
        "contradictory": set(contradictory_assumptions(tt).rows),
        "simultaneous": set(simultaneous_subset_rows(tt).index.tolist()),
    }
    rows = sorted(set().union(*parts.values()))
    k = len(tt.conditions)
    out = pd.DataFrame([bits_of(r - 1, k) for r in rows], columns=list(tt.conditions),
                       index=pd.Index(rows, name="row"))
    out["observed"] = [r in tt.table.index and tt.table.loc[r, "OUT"] != "?" for r in rows]
    for name, members in parts.items():
        out[name] = [r in members for r in rows]
    return out

