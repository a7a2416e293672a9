"""Exact minimization on the scale benchmark's generator (issue 24), at sizes brute force checks.

The benchmark (benchmarks/minimize.py --scale) has 1,000 cases and 14-18 conditions; here the
same outcome (``Y = C0*C1 + C2*~C3`` blurred with noise) and truth-table settings (consistency
0.8, PRI 0.5) at 5-9 conditions and 20-300 cases, so that some rows are remainders. Independent
references, none of which uses the kit's minimization:

- prime implicants: all 3^k cubes, each tested against every row;
- minimum covers: the 0/1 integer program on the whole chart (no reductions, no search), with
  one cut per cover found, until no cover of the minimum size is left;
- easy counterfactuals: the definition (module docstring of qcakit.minimize), every row tested.
"""
import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

import qcakit
from qcakit import boolean, covers
from qcakit.minimize import _rows_in

CAP = 12


def generated(k: int, n: int, seed: int):
    """As ``scale_data`` in benchmarks/minimize.py, with ``n`` cases."""
    rng = np.random.default_rng(seed)
    x = rng.beta(0.7, 0.7, size=(n, k))
    cols = [f"C{j}" for j in range(k)]
    data = {c: x[:, j] for j, c in enumerate(cols)}
    y = np.maximum(np.minimum(x[:, 0], x[:, 1]), np.minimum(x[:, 2], 1 - x[:, 3]))
    data["Y"] = np.clip(y + rng.normal(0, 0.1, n), 0, 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return qcakit.truth_table(pd.DataFrame(data), "Y", cols, incl_cut=0.8, pri_cut=0.5), cols


def all_cubes(k):
    masks, values = [], []
    for spec in itertools.product((None, 0, 1), repeat=k):
        masks.append(sum(1 << (k - 1 - j) for j, s in enumerate(spec) if s is not None))
        values.append(sum(1 << (k - 1 - j) for j, s in enumerate(spec) if s == 1))
    return np.array(masks), np.array(values)


def brute_primes(on, ok, k):
    """Cubes holding a positive row and only ``ok`` rows, none of whose one-literal-shorter
    cubes does the same."""
    rows = np.arange(2 ** k)
    masks, values = all_cubes(k)
    inside = (rows[None, :] & masks[:, None]) == values[:, None]
    is_on = np.isin(rows, on)
    implicant = ~(inside & ~ok[None, :]).any(axis=1)
    found = {(m, v) for m, v, i in zip(masks.tolist(), values.tolist(), implicant) if i}
    primes = set()
    for (m, v), holds in zip(zip(masks.tolist(), values.tolist()),
                             implicant & (inside & is_on[None, :]).any(axis=1)):
        if holds and not any((m & ~b, v & ~b) in found
                             for b in (1 << j for j in range(k)) if m & b):
            primes.add((m, v))
    return primes


def ilp_minimum_covers(pis, on, limit):
    """Every minimum cover of the chart (as sets of PIs), by integer programs with cuts; stops
    past ``limit`` covers."""
    pis = sorted(pis)
    chart = np.array([[(r & m) == v for r in on] for m, v in pis], dtype=float)
    n = len(pis)
    found, size = [], None
    while len(found) <= limit:
        cuts = np.zeros((max(1, len(found)), n))
        for row, cover in enumerate(found):
            cuts[row, cover] = 1
        ub = [len(c) - 1.0 for c in found] or [np.inf]
        result = milp(np.ones(n), integrality=np.ones(n), bounds=Bounds(0, 1),
                      constraints=[LinearConstraint(chart.T, 1, np.inf),
                                   LinearConstraint(cuts, -np.inf, ub)])
        if result.status == 2:
            break
        chosen = [int(i) for i in np.flatnonzero(result.x > 0.5)]
        if size is not None and len(chosen) > size:
            break
        size = len(chosen)
        found.append(chosen)
    return [frozenset(pis[i] for i in c) for c in found]


def cubes_of(solution, cols):
    k = len(cols)
    out = []
    for model in solution.models:
        cubes = set()
        for term in model:
            mask = value = 0
            for name, v in term:
                bit = 1 << (k - 1 - cols.index(name))
                mask, value = mask | bit, value | (bit if v else 0)
            cubes.add((mask, value))
        out.append(frozenset(cubes))
    return out


def check_models(solution, cols, expected):
    got = cubes_of(solution, cols)
    assert len(set(got)) == len(got)
    if len(expected) <= CAP:
        assert solution.complete and set(got) == set(expected)
    else:  # more minimum covers than the cap: the listed ones are genuine, and flagged
        assert not solution.complete and len(got) == CAP
        size = len(expected[0])
        assert all(len(m) == size for m in got)


cases = st.tuples(st.integers(5, 9), st.integers(20, 300), st.integers(0, 2 ** 32 - 1))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases, st.booleans())
def test_parsimonious_and_complex_models_against_brute_force(case, solver_path):
    """Also with every block sent down the path of large charts (minimum size and a first
    cover from the integer program, then exchanges, the search, and programs with cuts)."""
    if solver_path:
        saved = covers.SMALL_BLOCK, covers.SEARCH_BUDGET
        covers.SMALL_BLOCK, covers.SEARCH_BUDGET = 0, 0
    try:
        check_parsimonious_and_complex(*generated(*case))
    finally:
        if solver_path:
            covers.SMALL_BLOCK, covers.SEARCH_BUDGET = saved


def check_parsimonious_and_complex(tt, cols):
    k = len(cols)
    on = tt.codes("1")
    assume(on.size)
    off = np.concatenate([tt.codes("0"), tt.codes("C")])
    ok_pars = ~np.isin(np.arange(2 ** k), off)
    pars_pis = brute_primes(on, ok_pars, k)
    assert set(boolean.prime_implicants(on, k, forbidden=off)) == pars_pis
    pars = qcakit.minimize(tt, "parsimonious", max_models=CAP)
    check_models(pars, cols, ilp_minimum_covers(pars_pis, on, CAP))
    cplx_pis = brute_primes(on, np.isin(np.arange(2 ** k), on), k)
    assert set(boolean.prime_implicants(on, k, allowed=on)) == cplx_pis
    cplx = qcakit.minimize(tt, "complex", max_models=CAP)
    check_models(cplx, cols, ilp_minimum_covers(cplx_pis, on, CAP))


def brute_easy(tt, cols, c_model, p_model, expectations):
    """Easy counterfactuals of one (complex, parsimonious) model pair, by the definition, every
    row tested: remainders inside the parsimonious model and inside some complex term with the
    literals freed that a parsimonious term containing it drops and an expectation
    contradicts."""
    k = len(cols)
    rows = np.arange(2 ** k)
    observed = np.concatenate([tt.codes(c) for c in ("1", "0", "C")])
    remainder = ~np.isin(rows, observed)

    def inside(cubes):
        hit = np.zeros(rows.size, dtype=bool)
        for m, v in cubes:
            hit |= (rows & m) == v
        return hit

    regions = []
    for cm, cv in c_model:
        for pm, pv in p_model:
            if cm & pm == pm and cv & pm == pv:  # the complex term lies in the parsimonious
                mask = cm
                for j in range(k):
                    bit = 1 << (k - 1 - j)
                    e = expectations[j]
                    if cm & bit and not pm & bit and e != "-" and bool(cv & bit) != bool(e):
                        mask &= ~bit
                regions.append((mask, cv & mask))
    return set(rows[remainder & inside(p_model) & inside(regions)].tolist())


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.tuples(st.integers(5, 8), st.integers(20, 300), st.integers(0, 2 ** 32 - 1)),
       st.lists(st.sampled_from([1, 0, "-"]), min_size=8, max_size=8))
def test_intermediate_models_against_brute_force(case, directions):
    """For each pair of a complex and a parsimonious model (both found independently), the
    easy counterfactuals by the definition and every minimum cover by the prime implicants
    within the positive rows plus those; the intermediate models are all of these."""
    tt, cols = generated(*case)
    k = len(cols)
    on = tt.codes("1")
    assume(on.size)
    expectations = directions[:k]
    n_models = [len(qcakit.minimize(tt, kind, max_models=CAP).models)
                for kind in ("complex", "parsimonious")]
    assume(n_models[0] * n_models[1] <= 6)  # (a cheap filter; the reference counts again)
    rows = np.arange(2 ** k)
    off = np.concatenate([tt.codes("0"), tt.codes("C")])
    c_ref = ilp_minimum_covers(brute_primes(on, np.isin(rows, on), k), on, CAP)
    p_ref = ilp_minimum_covers(brute_primes(on, ~np.isin(rows, off), k), on, CAP)
    assume(len(c_ref) * len(p_ref) <= 6)
    expected, easy_all = set(), set()
    for c_model in c_ref:
        for p_model in p_ref:
            easy = brute_easy(tt, cols, c_model, p_model, expectations)
            easy_all |= easy
            allowed = np.isin(rows, np.concatenate([on, np.array(sorted(easy), dtype=int)]))
            expected |= set(ilp_minimum_covers(brute_primes(on, allowed, k), on, CAP))
    assume(len(expected) <= CAP)
    inter = qcakit.minimize(tt, "intermediate", dict(zip(cols, expectations)), max_models=CAP)
    assert inter.complete and set(cubes_of(inter, cols)) == expected
    assert set((inter.easy_counterfactuals.index - 1).tolist()) == easy_all


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 10), st.data())
def test_rows_in_cubes_against_every_row(k, data):
    cubes = data.draw(st.lists(st.integers(0, 2 ** k - 1).flatmap(
        lambda m: st.tuples(st.just(m), st.integers(0, 2 ** k - 1).map(lambda v: v & m))),
        max_size=6))
    rows = np.arange(2 ** k)
    expected = [r for r in rows.tolist() if any((r & m) == v for m, v in cubes)]
    assert _rows_in(cubes, k).tolist() == expected


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 40), st.integers(1, 150), st.integers(0, 2 ** 32 - 1))
def test_distinct_rows_and_dominance_against_dense_computation(n, m, seed):
    """The chart helpers for thousands of PIs against the direct computations they replace:
    ``np.unique(axis=0)`` and the PI x PI containment matrix."""
    rng = np.random.default_rng(seed)
    block = rng.random((n, m)) < rng.choice([0.05, 0.2, 0.5])
    block[block.sum(axis=1) == 0, rng.integers(m)] = True  # rows are never empty in a block
    block = np.concatenate([block, block[: n // 3]])       # with duplicates
    patterns, members = covers._distinct_rows(block)
    expected, group = np.unique(block, axis=0, return_inverse=True)
    assert (patterns == expected).all()
    assert members == [np.flatnonzero(group.ravel() == g).tolist() for g in range(len(expected))]
    table = covers._Patterns(patterns)
    within = (patterns[:, None, :] & ~patterns[None, :, :]).sum(axis=2) == 0  # [p, q]: p in q
    strictly = within & ~np.eye(len(patterns), dtype=bool)
    assert table.undominated().tolist() == np.flatnonzero(~strictly.any(axis=1)).tolist()
    for q in range(len(patterns)):
        assert table.subsets(q) == np.flatnonzero(within[:, q]).tolist()


@pytest.mark.parametrize("k", [7, 9])
def test_sixty_four_positive_rows_and_more_share_words_correctly(k):
    """Positive rows go 64 to a machine word: the primes are the same whichever word a row
    lands in (all rows positive but a scattered few negative ones)."""
    rng = np.random.default_rng(k)
    rows = np.arange(2 ** k)
    off = rng.choice(rows, size=2 ** k // 8, replace=False)
    on = np.setdiff1d(rows, off)
    ok = ~np.isin(rows, off)
    assert on.size > 64
    assert set(boolean.prime_implicants(on, k, forbidden=off)) == brute_primes(on, ok, k)
