"""Set-theoretic multi-method research after a sufficiency analysis: SetMethods ``smmr``'s
typical cases per focal conjunct and its three pairings (Schneider & Rohlfing 2013, 2016;
Oana, Schneider & Thomann 2021, ch. 10), computed from a :class:`~qcakit.cases.CaseTypes`.

For a term such as ``A*~B`` each literal in turn is the *focal conjunct* FC (X); the others
are the *complementary conjuncts*, CC = their minimum (for a one-literal term there is none).
For a case: ``term`` is its membership in the term, ``Y`` in the outcome.

- :func:`typical_by_conjunct`: the term's typical cases (term > 0.5, Y > 0.5, term <= Y) with
  ``best = 2 |Y - FC| + (1 - term)`` (smaller is better), ``rank`` 1 where the FC is the
  binding conjunct (FC < CC) and 2 otherwise, ``clean`` (clean correspondence: CC lies
  outside the interval between FC and Y), ``FC<=Y``, ``uniquely_covered`` (no other term of
  the model above 0.5) and ``most_typical_FC`` (smallest ``best``). Sorted as SetMethods:
  rank, clean first, FC<=Y first, uniquely covered first, best.
- :func:`typical_typical_pairs`: ordered pairs of the term's typical cases, the first at
  least as typical for the term (``2 (Y - term) + (1 - term)`` no larger), with
  ``distance = (0.5 - (FC1 - FC2)) + (0.5 - (Y1 - Y2)) + |CC1 - CC2| + 2 |Y1 - FC1| +
  2 |Y2 - FC2|`` (a big difference in the FC and in Y, a small one in the CC) and
  ``pair_rank`` 1 (FC binding in both) to 4 (in neither).
- :func:`typical_iir_pairs`: a typical case and an *individually irrelevant* case of the
  term (term < 0.5, Y < 0.5), ``distance = (1 - (FC1 - FC2)) + (1 - (Y1 - Y2)) + |CC1 - CC2|
  + 2 |Y1 - FC1| + |Y2 - FC2|``, ``pair_rank`` 1-8 by where the FC and the CC of the two lie,
  and ``globally_uncovered`` (the IIR case is outside the whole solution).
- :func:`deviant_coverage_iir_pairs`: a deviant case for coverage (solution < 0.5, Y > 0.5)
  and an IIR case of the solution (solution < 0.5, Y < 0.5) *in the same truth-table row*,
  ``distance = |W1 - W2| + (1 - (Y1 - Y2)) + (1 - W1) + (1 - W2)``, W = membership in the
  row; per row, pairs whose deviant case has W <= Y first, then by distance.

Where the kit differs from SetMethods 4.0 (``tests/test_smmr.py`` compares every table):
distances are not rounded before sorting (SetMethods sorts on 3 decimals; ties then keep the
case order, as here); SetMethods finds the complementary conjuncts by substring search
(``grep``), which drops a conjunct whose name contains the FC's (e.g. FC ``DEV`` with
``DEVX``), the kit by name; its ``MostTypTerm`` column of the typical cases per FC is always
FALSE (a column-name slip), the kit leaves that column out; the truth-table row of a case is
read from memberships above / below 0.5 (SetMethods rounds, which puts 0.5 in row 0). The
kit's older :meth:`qcakit.cases.CaseTypes.pairs` picks one most-similar pair per design by the
Manhattan distance over all conditions instead: a simpler rule for a first look.

Terms containing both ``X`` and ``~X`` are not handled (no solution has them).

>>> import qcakit
>>> lipset = qcakit.datasets.load("lipset_fuzzy")
>>> tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"])
>>> types = qcakit.case_types(solution=qcakit.minimize(tt, "parsimonious"))
>>> typical_by_conjunct(types, "DEV*~IND")[["FC", "case", "rank", "best"]].round(2)
     FC case  rank  best
0   DEV   IE     1  0.68
1   DEV   FI     1  0.80
2  ~IND   IE     2  0.42
3  ~IND   FI     2  0.72
>>> typical_typical_pairs(types, "DEV*~IND")[["FC", "case_1", "case_2", "pair_rank",
...                                           "distance"]].round(2)
     FC case_1 case_2  pair_rank  distance
0   DEV     IE     FI          1      1.56
1  ~IND     IE     FI          4      1.36
>>> typical_iir_pairs(types, "URB*STB", max_pairs=1)[["FC", "typical", "iir",
...                                                   "distance"]].round(2)
    FC typical iir  distance
0  URB      BE  EE      0.59
1  STB      BE  DE      0.85
>>> len(deviant_coverage_iir_pairs(types))   # no such pair shares a truth-table row here
0
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import _display
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError
from .i18n import tr
from .sets import parse, term_to_string

SOLUTION = "solution"
CASE_TYPES = K.Result("CaseTypes", "qcakit.case_types(data, expression, outcome)")


def _term_parts(types, term: str):
    """(literals, {literal: FC memberships}, term memberships, y) for one term of the model."""
    terms = [c for c in types.memberships.columns if c != SOLUTION]
    expr = parse(term)
    label = term_to_string(expr[0]) if len(expr) == 1 else None
    if label not in terms:
        raise QCAInputError(tr("{term} is not a term of this model; its terms are {terms}.")
                            .format(term=repr(term), terms=", ".join(terms)))
    literals = list(expr[0])
    cond = types.conditions
    fc = {}
    for name, value in literals:
        x = cond[name].to_numpy(dtype=float)
        fc[term_to_string(((name, value),))] = x if value else 1.0 - x
    return label, fc, types.memberships[label].to_numpy(), types.outcome.to_numpy()


def _cc(fc: dict, key: str, n: int):
    """Minimum and maximum of the complementary conjuncts (0 and 1 when there is none)."""
    others = [v for k, v in fc.items() if k != key]
    if not others:
        return np.zeros(n), np.ones(n)
    stack = np.column_stack(others)
    return stack.min(axis=1), stack.max(axis=1)


def _clean(x, cc, y):
    return np.where(x <= y, (cc < x) | (cc > y), (cc > x) | (cc < y))


def _unique(types, label):
    others = types.memberships.drop(columns=[SOLUTION, label])
    return ~(others > 0.5).any(axis=1).to_numpy() if others.shape[1] else \
        np.ones(len(types.memberships), dtype=bool)


@accepts(types=CASE_TYPES, term=K.Expression(), max_cases=K.Count(1, optional=True))
def typical_by_conjunct(types, term: str, max_cases: int | None = None) -> pd.DataFrame:
    """The term's typical cases for each focal conjunct (see the module docstring), at most
    ``max_cases`` per conjunct (SetMethods' ``max_pairs``; default all)."""
    label, fc, t, y = _term_parts(types, term)
    names = types.memberships.index
    typical = (t > 0.5) & (y > 0.5) & (t <= y)
    uniq = _unique(types, label)
    blocks = []
    for key, x in fc.items():
        cc = _cc(fc, key, len(t))[0] if len(fc) > 1 else None
        best = 2 * np.abs(y - x) + (1 - t)
        rows = pd.DataFrame({
            "FC": key, "case": names[typical], "FC_value": x[typical],
            "CC_min": cc[typical] if cc is not None else np.nan, "term": t[typical],
            "Y": y[typical],
            "rank": np.where(x < cc, 1, 2)[typical] if cc is not None else 1,
            "clean": _clean(x, cc, y)[typical] if cc is not None else True,
            "FC<=Y": (x <= y)[typical], "uniquely_covered": uniq[typical],
            "best": best[typical]})
        rows["most_typical_FC"] = np.isclose(rows["best"], rows["best"].min()) \
            if len(rows) else []
        rows = rows.sort_values(["rank", "clean", "FC<=Y", "uniquely_covered", "best"],
                                ascending=[True, False, False, False, True], kind="stable")
        blocks.append(rows.head(max_cases) if max_cases else rows)
    return _display.Table(pd.concat(blocks, ignore_index=True))


@accepts(types=CASE_TYPES, term=K.Expression(), max_pairs=K.Count(1, optional=True))
def typical_typical_pairs(types, term: str, max_pairs: int | None = None) -> pd.DataFrame:
    """Pairs of typical cases of the term for each focal conjunct (module docstring)."""
    label, fc, t, y = _term_parts(types, term)
    names = types.memberships.index
    ty = np.flatnonzero((t > 0.5) & (y > 0.5) & (t <= y))
    uniq = _unique(types, label)
    score = 2 * (y - t) + (1 - t)
    blocks = []
    for key, x in fc.items():
        cc = _cc(fc, key, len(t))[0]
        clean = _clean(x, cc, y) if len(fc) > 1 else np.ones(len(t), dtype=bool)
        rows = []
        for j in ty:  # SetMethods' expand.grid order: the first case varies fastest
            for i in ty:
                if i == j or not score[i] <= score[j]:
                    continue
                rank = 1 + 2 * int(not x[i] < cc[i]) + int(not x[j] < cc[j])
                rows.append({
                    "FC": key, "case_1": names[i], "case_2": names[j],
                    "pair_rank": rank if len(fc) > 1 else np.nan,
                    "clean": 2 * int(clean[i]) + int(clean[j]),
                    "FC<=Y_1": x[i] <= y[i], "FC<=Y_2": x[j] <= y[j],
                    "uniquely_covered_1": uniq[i], "uniquely_covered_2": uniq[j],
                    "distance": (0.5 - (x[i] - x[j])) + (0.5 - (y[i] - y[j]))
                    + abs(cc[i] - cc[j]) + 2 * abs(y[i] - x[i]) + 2 * abs(y[j] - x[j])})
        blocks.append(_sorted(rows, ["pair_rank", "clean", "FC<=Y_1", "FC<=Y_2",
                                     "uniquely_covered_1", "uniquely_covered_2", "distance"],
                              [True, False, False, False, False, False, True], max_pairs))
    return _display.Table(pd.concat(blocks, ignore_index=True))


def _iir_rank(xi, ci, xj, cj) -> int:
    binding = xi < ci
    if xj < 0.5 and cj >= 0.5:
        return 1 if binding else 2
    if xj < 0.5 and cj < 0.5:
        if cj > xj:
            return 3 if binding else 5
        return 4 if binding else 6
    return 7 if binding else 8


@accepts(types=CASE_TYPES, term=K.Expression(), max_pairs=K.Count(1, optional=True))
def typical_iir_pairs(types, term: str, max_pairs: int | None = None) -> pd.DataFrame:
    """Pairs of a typical and an individually irrelevant case of the term, for each focal
    conjunct (module docstring)."""
    label, fc, t, y = _term_parts(types, term)
    names = types.memberships.index
    ty = np.flatnonzero((t > 0.5) & (y > 0.5) & (t <= y))
    ir = np.flatnonzero((t < 0.5) & (y < 0.5))
    uniq = _unique(types, label)
    outside = types.memberships[SOLUTION].to_numpy() < 0.5
    score = 2 * (y - t) + (1 - t)
    most_term = np.isclose(score, score[ty].min()) if ty.size else np.zeros(len(t), bool)
    blocks = []
    for key, x in fc.items():
        cc = _cc(fc, key, len(t))[0]
        clean = _clean(x, cc, y) if len(fc) > 1 else np.ones(len(t), dtype=bool)
        best_fc = 2 * np.abs(y - x) + (1 - t)
        most_fc = np.isclose(best_fc, best_fc[ty].min()) if ty.size else most_term
        rows = [{
            "FC": key, "typical": names[i], "iir": names[j],
            "pair_rank": _iir_rank(x[i], cc[i], x[j], cc[j]) if len(fc) > 1 else np.nan,
            "clean": 2 * int(clean[i]) + int(clean[j]),
            "FC<=Y_typical": x[i] <= y[i], "uniquely_covered": uniq[i],
            "FC<=Y_iir": x[j] <= y[j], "globally_uncovered": outside[j],
            "distance": (1 - (x[i] - x[j])) + (1 - (y[i] - y[j])) + abs(cc[i] - cc[j])
            + 2 * abs(y[i] - x[i]) + abs(y[j] - x[j]),
            "most_typical_FC": most_fc[i], "most_typical_term": most_term[i]}
            for j in ir for i in ty]
        blocks.append(_sorted(rows, ["pair_rank", "clean", "FC<=Y_typical", "uniquely_covered",
                                     "FC<=Y_iir", "globally_uncovered", "distance",
                                     "most_typical_FC", "most_typical_term"],
                              [True, False, False, False, False, False, True, False, False],
                              max_pairs))
    return _display.Table(pd.concat(blocks, ignore_index=True))


@accepts(types=CASE_TYPES, max_pairs=K.Count(1, optional=True))
def deviant_coverage_iir_pairs(types, max_pairs: int | None = None) -> pd.DataFrame:
    """Pairs of a deviant case for coverage and an individually irrelevant case of the
    solution in the same truth-table row (module docstring), at most ``max_pairs`` per row."""
    cond = types.conditions.to_numpy(dtype=float)
    row = ["".join("1" if v > 0.5 else "0" for v in case) for case in cond]
    w = np.maximum(cond, 1 - cond).min(axis=1)
    s, y = types.memberships[SOLUTION].to_numpy(), types.outcome.to_numpy()
    names = types.memberships.index
    dcv, iir = np.flatnonzero((s < 0.5) & (y > 0.5)), np.flatnonzero((s < 0.5) & (y < 0.5))
    rows = [{"row": row[i], "deviant_coverage": names[i], "iir": names[j],
             "W<=Y": w[i] <= y[i],
             "distance": abs(w[i] - w[j]) + (1 - (y[i] - y[j])) + (1 - w[i]) + (1 - w[j])}
            for j in iir for i in dcv if row[i] == row[j]]
    columns = ["row", "deviant_coverage", "iir", "W<=Y", "distance", "best"]
    if not rows:
        return _display.Table(columns=columns)
    out = pd.DataFrame(rows)
    out["best"] = out.groupby("row")["distance"].transform(lambda d: np.isclose(d, d.min()))
    out = out.sort_values(["row", "W<=Y", "distance"], ascending=[True, False, True],
                          kind="stable")
    if max_pairs:
        out = out.groupby("row", sort=False).head(max_pairs)
    return _display.Table(out.reset_index(drop=True)[columns])


def _sorted(rows, keys, ascending, limit) -> pd.DataFrame:
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    out = out.sort_values(keys, ascending=ascending, kind="stable")
    return out.head(limit) if limit else out
