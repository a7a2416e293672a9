"""Robustness across consistency cuts: :func:`sweep` (solution fit and terms at every cut) and
:func:`sweep_ranges` (the runs of cuts with the same solution)."""
from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .. import _kinds as K
from .._spec import accepts
from ..truthtable import TOLERANCE
from . import render
from .analysis import Analysis, analyse
from .cache import cached_solutions, coding_key, settings_key


@accepts(data=K.Frame(), outcome=K.Column(), conditions=K.Columns(),
         cuts=K.Cuts(K.Cut(), scalars=True), solution=K.OneOf(
             "complex", "parsimonious", "intermediate", what="solution type"),
         pri_cut=K.Cut(optional=True), n_cut=K.Count(1), directional=K.Directional("conditions"),
         cache=K.Cache())
def sweep(
    data: pd.DataFrame,
    outcome: str,
    conditions=None,
    cuts: Sequence[float] | None = None,
    solution: str = "intermediate",
    pri_cut: float | None = None,
    n_cut: int = 1,
    directional=None,
    *,
    cache: dict | None = None,
) -> pd.DataFrame:
    """Solution fit and terms across a range of consistency cuts (a robustness check).

    Returns one row per cut: ``cut``, ``consistency``, ``coverage`` (of the first model; NaN
    when no row reaches the cut), ``expression``, ``models`` (number of equally minimal
    models), ``positive_rows`` (rows coded 1), then one boolean column per term that is present
    at any cut (``True`` where the first model contains it). Default cuts: 0.70 to 1.00 by 0.01.

    Every cut's :func:`~qcakit.explore.analyse` result is kept in ``cache`` (the threshold
    explorer prefetches its slider steps this way). Cuts that code the observed rows alike (no
    row's consistency between them) have the same truth table but for the cut, so only the
    first of them builds one; the others take its rows and solutions (:func:`_analysis_at`).

    >>> import pandas as pd
    >>> data = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
    ...                      "Y": [0.8, 0.6, 0.3, 0.1]})
    >>> sweep(data, "Y", ["A", "B"], cuts=[0.8, 0.9, 0.95], solution="complex")[
    ...     ["cut", "expression", "positive_rows", "A", "A*B"]]
        cut expression  positive_rows      A    A*B
    0  0.80          A              2   True  False
    1  0.90          A              2   True  False
    2  0.95        A*B              1  False   True
    """
    if cuts is None:
        cuts = [float(c) for c in np.round(np.arange(0.70, 1.0001, 0.01), 2)]
    cache = {} if cache is None else cache
    records, term_order, twins = [], [], {}
    for cut in cuts:
        a = _analysis_at(cut, twins, cache, data, outcome, conditions, pri_cut, n_cut,
                         solution, directional)
        for t in a.terms:
            if t not in term_order:
                term_order.append(t)
        records.append({"cut": cut, **a.summary()})
    out = pd.DataFrame(records)
    for t in term_order:
        out[t] = [t in present for present in out["terms"]]
    out = out.drop(columns="terms")
    out.attrs["solution"] = solution
    out.attrs["outcome"] = outcome
    return out


def _analysis_at(cut, twins, cache, data, outcome, conditions, pri_cut, n_cut, solution,
                 directional) -> Analysis:
    """:func:`~qcakit.explore.analyse` at ``cut``, kept in ``cache``; from an analysis of this
    sweep that codes every observed row the same way (``twins``: coding -> analysis) when there
    is one with a solution. Its truth table differs from the one :func:`qcakit.truth_table`
    would build only in the cut it records (OUT, and so the inconsistent cases, are equal; the
    rest does not depend on the cut), and its solutions come from the cache as in ``analyse``."""
    first = next(iter(twins.values()), None)
    coding = None if first is None else _coding(first.truth_table.table, cut, first.settings)
    twin = twins.get(coding)
    key = None if twin is None else settings_key({**twin.settings, "incl_cut": cut}, conditions)
    if key is None or twin.solution is None or key in cache:
        a = analyse(data, outcome, conditions, cut, pri_cut, n_cut, solution, directional,
                    cache=cache)
    else:
        tt = dataclasses.replace(twin.truth_table, incl_cut=(cut, cut))
        sol, pars, chart, params = cached_solutions(cache, coding_key(tt, twin.settings), tt)
        a = cache[key] = Analysis({**twin.settings, "incl_cut": cut}, tt, sol, pars, chart,
                                  None, twin.warnings, params)
    twins.setdefault(_coding(a.truth_table.table, cut, a.settings), a)
    return a


def _coding(rows: pd.DataFrame, cut: float, settings) -> tuple:
    """OUT of every observed row at consistency cut ``cut`` (and the PRI and frequency cuts of
    ``settings``) from the rows' ``incl``, ``PRI`` and ``n``: the rule of
    :func:`qcakit.truth_table` for one cut (a test checks that the two agree). Only the
    consistency part must match exactly: the PRI and frequency cuts are the same at every cut
    of a sweep, so getting them wrong could only split runs, costing time, not results."""
    out = np.where(rows["incl"].to_numpy() + TOLERANCE > cut, "1", "0")
    if settings["pri_cut"] is not None:
        out = np.where((out == "1") & ~(rows["PRI"].to_numpy() + TOLERANCE > settings["pri_cut"]),
                       "0", out)
    return tuple(rows.index), tuple(np.where(rows["n"].to_numpy() < settings["n_cut"], "?",
                                             out).tolist())


@accepts(table=K.SweepTable())
def sweep_ranges(table: pd.DataFrame) -> pd.DataFrame:
    """Collapse a :func:`sweep` table into runs of cuts with the same solution.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"cut": [0.8, 0.85, 0.9], "consistency": [0.9, 0.9, 1.0],
    ...                       "coverage": [0.7, 0.7, 0.4], "expression": ["A", "A", "A*B"]})
    >>> sweep_ranges(table)[["from", "to", "expression"]].values.tolist()
    [[0.8, 0.85, 'A'], [0.9, 0.9, 'A*B']]
    """
    t = table.sort_values("cut", kind="stable").reset_index(drop=True)
    runs, start = [], 0
    for i in range(1, len(t) + 1):
        if i == len(t) or t.loc[i, "expression"] != t.loc[start, "expression"]:
            runs.append({"from": t.loc[start, "cut"], "to": t.loc[i - 1, "cut"],
                         "expression": t.loc[start, "expression"] or "(no solution)",
                         "consistency": t.loc[start, "consistency"],
                         "coverage": t.loc[start, "coverage"]})
            start = i
    return pd.DataFrame(runs)




@accepts(table=K.SweepTable(), reference=K.Cut(optional=True))
def sweep_ranges_html(table: pd.DataFrame, reference: float | None = None) -> str:
    """:func:`sweep_ranges` as HTML, the run holding the ``reference`` cut in bold."""
    return render.sweep_ranges_html(sweep_ranges(table), reference)
