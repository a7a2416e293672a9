"""Necessity beyond single conditions: SUIN conditions as in QCA's ``superSubset``.

A SUIN condition (Mahoney, Kimball & Koivu 2009; Schneider & Wagemann 2012, ch. 3) is a
*Sufficient but Unnecessary part of an Insufficient but Necessary* condition: a disjunction such
as ``A + ~B`` that is necessary for the outcome although none of its parts is. :func:`suin`
searches, like ``superSubset(relation = "necessity")`` of the R package QCA (Dusa 2019), every
combination of 1 to ``depth`` conditions, each condition present or negated, as a conjunction
(``A*~B``) and as a disjunction (``A + ~B``), and keeps those with necessity consistency
``>= incl_cut``, coverage ``>= cov_cut`` and relevance (RoN) ``>= ron_cut`` (formulas in
:mod:`qcakit.fit`). The rules follow superSubset's definition:

- a conjunction is reported when it passes the consistency and coverage cuts;
- a disjunction is tried only when the conjunction of the same literals fails, and is reported
  only when it is *minimal*: no conjunction or disjunction found at a lower level uses a subset of
  its literals (``A + B + C`` is not reported when ``A + B`` or ``A`` already passes);
- as in superSubset, minimality is judged on the consistency and coverage cuts; the RoN cut is
  applied afterwards.

Each row lists the cases in the expression and in the outcome (membership > 0.5 in both), the
deviant cases in kind (in the outcome but out of the expression) and flags a *trivially*
necessary expression: RoN below 0.5 (the expression is nearly a constant; Schneider &
Wagemann 2012, ch. 9), or every case a member (> 0.5) of it.

Deliberate differences from superSubset: the cuts are compared with a tolerance of 1e-9 (QCA
subtracts sqrt(machine epsilon)); every level up to ``depth`` is searched (QCA stops early,
from level 4 on, at the first level that adds nothing); the defaults are the cuts often used in
applied work (e.g. Oana, Schneider & Thomann 2021): ``incl_cut=0.9, cov_cut=0.6,
ron_cut=0.5`` and ``depth=3`` (QCA: 1, 0, 0 and all conditions).

>>> import pandas as pd
>>> data = pd.DataFrame({"A": [0.9, 0.1, 0.2, 0.1], "B": [0.1, 0.8, 0.3, 0.2],
...                      "Y": [0.8, 0.7, 0.1, 0.2]}, index=list("pqrs"))
>>> res = suin(data, "Y", depth=2, incl_cut=0.9, cov_cut=0.6, ron_cut=0.5)
>>> res.table[["kind", "consistency", "coverage", "RoN", "cases"]].round(3)
              kind  consistency  coverage    RoN cases
A + B  disjunction          1.0     0.818  0.818  p, q
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations, product
from math import comb

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import sentences, tr
from .sets import term_to_string

TOL = 1e-9
#: The most expressions x cases one search tests (a few seconds); beyond, suin() refuses.
MAX_WORK = 4_000_000
#: Memberships computed at once (cases x expressions x literals), to bound memory.
CHUNK = 4_000_000


@dataclass
class Suin:
    """Result of :func:`suin`: ``.table`` with one row per expression found, ``.memberships``
    (cases x expressions, as superSubset's ``coms``) and the settings."""

    table: pd.DataFrame
    memberships: pd.DataFrame
    outcome_label: str
    cuts: dict
    notes: list = field(default_factory=list)

    def _title(self):
        c = self.cuts
        return tr("Necessary expressions for {outcome} (consistency >= {incl_cut}, coverage >= "
                  "{cov_cut}, RoN >= {ron_cut}, depth {depth})").format(
            outcome=self.outcome_label, incl_cut=f"{c['incl_cut']:g}",
            cov_cut=f"{c['cov_cut']:g}", ron_cut=f"{c['ron_cut']:g}", depth=c["depth"])

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table, self.notes)

    def __repr__(self):
        return _display.render_text(self._title(), self.table, self.notes)


def _literal_matrix(x: np.ndarray) -> np.ndarray:
    """Columns 2j (condition j present) and 2j+1 (negated)."""
    out = np.empty((x.shape[0], 2 * x.shape[1]))
    out[:, 0::2], out[:, 1::2] = x, 1.0 - x
    return out


def _level(k: int, size: int) -> np.ndarray:
    """Literal-column indices of every combination of ``size`` conditions and values."""
    rows = [[2 * c + v for c, v in zip(conds, values)]
            for conds in combinations(range(k), size)
            for values in product((0, 1), repeat=size)]
    return np.asarray(rows, dtype=np.intp).reshape(-1, size)


def _passes(x: np.ndarray, y: np.ndarray, incl_cut: float, cov_cut: float) -> np.ndarray:
    incl = fit.necessity_consistency(x, y)
    ok = incl >= incl_cut - TOL
    if ok.any():  # coverage only where consistency > 0, so its denominator is positive
        ok[ok] = fit.necessity_coverage(x[:, ok], y) >= cov_cut - TOL
    return ok


@accepts(k=K.Count(1), depth=K.Count(1))
def expressions_searched(k: int, depth: int) -> int:
    """How many expressions (as a conjunction; the same number of disjunctions) a search of
    ``depth`` over ``k`` conditions tests: every set of up to ``depth`` conditions, each
    present or negated.

    >>> expressions_searched(3, 3)  # 3^3 - 1
    26
    """
    return sum(comb(k, s) * 2 ** s for s in range(1, min(depth, k) + 1))


def _check_size(k: int, depth: int, n: int) -> None:
    """Refuse a search that would take more than a few seconds, naming the depth that fits."""
    count = expressions_searched(k, depth)
    if count * n <= MAX_WORK:
        return
    fits = [d for d in range(1, depth) if expressions_searched(k, d) * n <= MAX_WORK]
    fix = (tr("Use depth={depth} ({n} expressions) or fewer conditions; a deeper search seldom "
              "finds anything a reader can interpret.").format(
        depth=fits[-1], n=f"{expressions_searched(k, fits[-1]):,}") if fits else
        tr("Use fewer conditions; a deeper search seldom finds anything a reader can "
           "interpret."))
    raise QCAInputError(sentences(
        tr("suin(depth={depth}) over {k} conditions tests {count} expressions (every set of up "
           "to {size} conditions, each present or negated, as a conjunction and as a "
           "disjunction) on {n} cases: {work} expression-cases, more than the {most} the kit "
           "computes within seconds.").format(depth=depth, k=k, count=f"{count:,}",
                                              size=min(depth, k), n=n, work=f"{count * n:,}",
                                              most=f"{MAX_WORK:,}"), fix))


def _level_memberships(lits: np.ndarray, idx: np.ndarray):
    """Conjunction (min) and disjunction (max) memberships of the level's expressions, computed
    in chunks so that memory stays bounded."""
    n, size = lits.shape[0], idx.shape[1]
    step = max(1, CHUNK // max(1, n * size))
    conj = np.empty((n, len(idx)))
    disj = np.empty((n, len(idx)))
    for start in range(0, len(idx), step):
        cube = lits[:, idx[start:start + step]]  # cases x expressions x literals
        conj[:, start:start + step] = cube.min(axis=2)
        disj[:, start:start + step] = cube.max(axis=2)
    return conj, disj


def _search(lits: np.ndarray, y: np.ndarray, k: int, depth: int, incl_cut, cov_cut):
    """(kind, literal tuple, membership) of every expression superSubset's rules keep."""
    found, earlier = [], set()
    for size in range(1, depth + 1):
        idx = _level(k, size)
        conj, disj = _level_memberships(lits, idx)
        conj_ok = _passes(conj, y, incl_cut, cov_cut)
        disj_ok = ~conj_ok & _passes(disj, y, incl_cut, cov_cut)
        level = []
        for j in np.flatnonzero(conj_ok | disj_ok):
            lit = tuple(idx[j].tolist())
            if conj_ok[j]:
                level.append(("conjunction", idx[j], conj[:, j], frozenset(lit)))
            elif not _has_found_part(lit, earlier):
                level.append(("disjunction", idx[j], disj[:, j], frozenset(lit)))
        earlier.update(item[3] for item in level)
        found += level
    found.sort(key=lambda item: item[0])  # conjunctions first (stable: level order kept)
    return found


def _has_found_part(literals: tuple, earlier: set) -> bool:
    """Whether an expression found at a lower level uses a subset of ``literals``."""
    return any(frozenset(part) in earlier for size in range(1, len(literals))
               for part in combinations(literals, size))


def _label(kind: str, literals, names) -> str:
    pairs = [(names[i // 2], 1 - i % 2) for i in literals]
    if kind == "conjunction":
        return term_to_string(tuple(pairs))
    return " + ".join(term_to_string((p,)) for p in pairs)


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(), depth=K.Count(1),
         incl_cut=K.Cut(open_low=True), cov_cut=K.Cut(), ron_cut=K.Cut(),
         negate_outcome=K.Switch())
def suin(data: pd.DataFrame, outcome: str, conditions=None, *, depth: int = 3,
         incl_cut: float = 0.9, cov_cut: float = 0.6, ron_cut: float = 0.5,
         negate_outcome: bool = False) -> Suin:
    """Search conjunctions and disjunctions of up to ``depth`` literals necessary for ``outcome``.

    Parameters
    ----------
    data : DataFrame of calibrated memberships.
    outcome : outcome column; ``negate_outcome=True`` analyses ``~outcome``.
    conditions : condition columns (default: every numeric column but the outcome). Each is
        tried present and negated.
    depth : the most literals per expression.
    incl_cut, cov_cut, ron_cut : cuts on necessity consistency, coverage and relevance.

    A search of more than :data:`MAX_WORK` expressions x cases (a few seconds) is refused
    with the depth that fits (:func:`expressions_searched` counts them).
    """
    y = _checks.membership_column(data, outcome)
    y = 1.0 - y if negate_outcome else y
    _checks.outcome_with_members(y, outcome, negate_outcome)
    if conditions is None:
        conditions = [c for c in data.columns
                      if c != outcome and pd.api.types.is_numeric_dtype(data[c])]
        if not conditions:
            raise QCAInputError(tr("No conditions to search: pass conditions=[...] with at "
                                   "least one membership column besides the outcome."))
    names = list(conditions)
    x = _checks.memberships(data, names, "condition")
    _check_size(len(names), depth, len(data))
    found = _search(_literal_matrix(x), y, len(names), min(depth, len(names)), incl_cut, cov_cut)
    table = _table(found, y, names, _checks.case_labels(data.index))
    table = table[table["RoN"] >= ron_cut - TOL]
    members = pd.DataFrame({label: item[2] for label, item in zip(_labels(found, names), found)
                            if label in table.index}, index=data.index)
    label = f"~{outcome}" if negate_outcome else outcome
    cuts = {"incl_cut": incl_cut, "cov_cut": cov_cut, "ron_cut": ron_cut, "depth": depth}
    notes = [] if len(table) else [tr("No expression passes these cuts.")]
    if table["trivial"].any():
        notes.append(tr("trivial = RoN < 0.5 or every case is in the expression (> 0.5): its "
                        "necessity says little (Schneider & Wagemann 2012, ch. 9)."))
    return Suin(table, members, label, cuts, notes)


def _table(found, y, names, case_names) -> pd.DataFrame:
    cols = ["kind", "consistency", "coverage", "RoN", "trivial", "cases", "deviant_cases"]
    if not found:
        return pd.DataFrame({c: pd.Series(dtype=float if c in ("consistency", "coverage", "RoN")
                                          else object) for c in cols})
    x = np.column_stack([item[2] for item in found])
    ron = fit.relevance(x, y)
    inside, out_y = x > 0.5, (y > 0.5)[:, None]
    return pd.DataFrame({
        "kind": [item[0] for item in found],
        "consistency": fit.necessity_consistency(x, y),
        "coverage": fit.necessity_coverage(x, y),
        "RoN": ron,
        "trivial": (ron < 0.5) | inside.all(axis=0),
        "cases": [", ".join(case_names[inside[:, j] & out_y[:, 0]]) for j in range(x.shape[1])],
        "deviant_cases": [", ".join(case_names[(x[:, j] < 0.5) & out_y[:, 0]])
                          for j in range(x.shape[1])],
    }, index=_labels(found, names))


def _labels(found, names) -> list[str]:
    return [_label(item[0], item[1], names) for item in found]
