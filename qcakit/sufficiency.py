"""Sufficient conjunctions found by search, as QCA's ``superSubset(relation = "sufficiency")``.

Instead of a truth table and Boolean minimization, :func:`sufficient_conjunctions` tries every
conjunction of 1 to ``depth`` conditions, each present or negated (``A``, ``A*~B``, ...), and
keeps those whose sufficiency consistency reaches ``incl_cut`` and coverage ``cov_cut``
(formulas in :mod:`qcakit.fit`), as the R package QCA does (Dusa 2019):

- a conjunction is reported only when it is *minimal*: no conjunction reported at a lower
  level uses a subset of its literals (``A*B*C`` is not listed when ``A*B`` passes);
- minimality is judged on the consistency and coverage cuts; ``pri_cut`` is applied
  afterwards, as QCA applies its ``pri.cut``.

Deliberate differences: the cuts are compared with a tolerance of 1e-9 (QCA subtracts
sqrt(machine epsilon)); an undefined PRI (0 / 0, X <= min(Y, ~Y) in every case) is NaN, where
superSubset prints 0; every level up to ``depth`` is searched (QCA stops early from level 4
on, at the first level that adds nothing); default ``depth`` 3 (QCA: all conditions). On the
Lipset and Xu data the lists equal QCA 3.25.1's (``tests/test_sufficiency.py``).

This is a search over the data, not a solution: the conjunctions overlap, and none of the
counterfactual reasoning of :func:`qcakit.minimize` applies. Use it to see which simple
combinations are consistent subsets, e.g. before deciding on the conditions.

>>> import pandas as pd
>>> d = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.2, 0.9, 0.3],
...                   "Y": [0.8, 0.9, 0.3, 0.2]}, index=list("pqrs"))
>>> found = sufficient_conjunctions(d, "Y", incl_cut=0.9)
>>> found.table[["consistency", "PRI", "coverage", "cases"]].round(3)
   consistency    PRI  coverage cases
A         0.95  0.929     0.864  p, q
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from itertools import combinations, product

import numpy as np
import pandas as pd

from . import _checks, _display, fit
from . import _kinds as K
from ._spec import accepts
from .errors import QCAInputError, QCAWarning
from .i18n import sentences, tr
from .sets import term_to_string
from .suin import MAX_WORK, expressions_searched

TOL = 1e-9


@dataclass
class SufficientConjunctions:
    """Result of :func:`sufficient_conjunctions`: ``.table`` (one row per conjunction),
    ``.memberships`` (cases x conjunctions) and the cuts."""

    table: pd.DataFrame
    memberships: pd.DataFrame
    outcome_label: str
    cuts: dict
    notes: list = field(default_factory=list)

    def _title(self):
        c = self.cuts
        return tr("Sufficient conjunctions for {outcome} (consistency >= {incl_cut}, coverage "
                  ">= {cov_cut}, PRI >= {pri_cut}, depth {depth})").format(
            outcome=self.outcome_label, incl_cut=f"{c['incl_cut']:g}",
            cov_cut=f"{c['cov_cut']:g}", pri_cut=f"{c['pri_cut']:g}", depth=c["depth"])

    def _repr_html_(self):
        return _display.render_html(self._title(), self.table, self.notes)

    def __repr__(self):
        return _display.render_text(self._title(), self.table, self.notes)


def _search(x: np.ndarray, y: np.ndarray, depth: int, incl_cut, cov_cut):
    """(literal tuple, membership) of every minimal conjunction passing the two cuts."""
    k = x.shape[1]
    lits = np.empty((x.shape[0], 2 * k))
    lits[:, 0::2], lits[:, 1::2] = x, 1.0 - x
    found, earlier = [], []
    for size in range(1, depth + 1):
        idx = np.asarray([[2 * c + v for c, v in zip(conds, values)]
                          for conds in combinations(range(k), size)
                          for values in product((0, 1), repeat=size)], dtype=np.intp)
        conj = lits[:, idx].min(axis=2)
        total = conj.sum(axis=0)
        inside = np.minimum(conj, y[:, None]).sum(axis=0)
        with np.errstate(invalid="ignore", divide="ignore"):
            incl = np.where(total > 0, inside / np.where(total > 0, total, 1), 0.0)
        ok = (incl >= incl_cut - TOL) & (inside / y.sum() >= cov_cut - TOL) & (total > 0)
        level = []
        for j in np.flatnonzero(ok):
            lit = frozenset(idx[j].tolist())
            if not any(prev <= lit for prev in earlier):
                level.append((idx[j], conj[:, j], lit))
        earlier += [item[2] for item in level]
        found += level
    return found


def _check_size(k: int, depth: int, n: int) -> None:
    """Refuse a search of more than :data:`~qcakit.suin.MAX_WORK` conjunctions x cases (as
    :func:`qcakit.suin` does), naming the depth that fits."""
    count = expressions_searched(k, depth)
    if count * n <= MAX_WORK:
        return
    fits = [d for d in range(1, depth) if expressions_searched(k, d) * n <= MAX_WORK]
    fix = (tr("Use depth={depth} ({n} conjunctions), or fewer conditions.").format(
        depth=fits[-1], n=f"{expressions_searched(k, fits[-1]):,}") if fits else
        tr("Use fewer conditions."))
    raise QCAInputError(sentences(
        tr("sufficient_conjunctions(depth={depth}) over {k} conditions tests {count} "
           "conjunctions (every set of up to {size} conditions, each present or negated) on {n} "
           "cases: {work} conjunction-cases, more than the {most} the kit computes within "
           "seconds.").format(depth=depth, k=k, count=f"{count:,}", size=min(depth, k), n=n,
                              work=f"{count * n:,}", most=f"{MAX_WORK:,}"), fix))


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(), depth=K.Count(1),
         incl_cut=K.Cut(), cov_cut=K.Cut(), pri_cut=K.Cut(), negate_outcome=K.Switch())
def sufficient_conjunctions(data: pd.DataFrame, outcome: str, conditions=None, *,
                            depth: int = 3, incl_cut: float = 0.8, cov_cut: float = 0.0,
                            pri_cut: float = 0.0,
                            negate_outcome: bool = False) -> SufficientConjunctions:
    """Search the minimal conjunctions of up to ``depth`` literals sufficient for ``outcome``.

    Parameters
    ----------
    data : DataFrame of calibrated memberships.
    outcome : outcome column; ``negate_outcome=True`` analyses ``~outcome``.
    conditions : condition columns (default: every numeric column but the outcome).
    depth : the most literals per conjunction.
    incl_cut, cov_cut, pri_cut : cuts on sufficiency consistency, coverage and PRI.

    A search of more than :data:`~qcakit.suin.MAX_WORK` conjunctions x cases is refused with
    the depth that fits, as :func:`qcakit.suin` refuses one.
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
    cuts = {"incl_cut": incl_cut, "cov_cut": cov_cut, "pri_cut": pri_cut, "depth": depth}
    x = _checks.memberships(data, names, "condition")
    _check_size(len(names), depth, len(data))
    found = _search(x, y, min(depth, len(names)), cuts["incl_cut"], cuts["cov_cut"])
    labels = [term_to_string(tuple((names[i // 2], 1 - i % 2) for i in item[0]))
              for item in found]
    case_names = np.asarray(data.index.astype(str))
    if found:
        m = np.column_stack([item[1] for item in found])
        with warnings.catch_warnings():  # NaN PRI is explained in the docstring
            warnings.simplefilter("ignore", QCAWarning)
            pri = fit.pri(m, y, undefined="nan")
        table = pd.DataFrame({
            "consistency": fit.consistency(m, y), "PRI": pri, "coverage": fit.coverage(m, y),
            "cases": [", ".join(case_names[(m[:, j] > 0.5) & (y > 0.5)])
                      for j in range(m.shape[1])],
            "deviant_cases": [", ".join(case_names[(m[:, j] > 0.5) & (y < 0.5)])
                              for j in range(m.shape[1])]}, index=labels)
        # PRI is undefined (NaN) where X <= min(Y, ~Y) in every case: kept without a PRI cut
        keep = (pri >= cuts["pri_cut"] - TOL) | (np.isnan(pri) & (cuts["pri_cut"] == 0))
        table = table[keep]
        members = pd.DataFrame(m[:, keep], index=data.index, columns=table.index)
    else:
        table = pd.DataFrame(columns=["consistency", "PRI", "coverage", "cases",
                                      "deviant_cases"])
        members = pd.DataFrame(index=data.index)
    label = f"~{outcome}" if negate_outcome else outcome
    notes = [] if len(table) else [tr("No conjunction passes these cuts.")]
    return SufficientConjunctions(table, members, label, cuts, notes)
