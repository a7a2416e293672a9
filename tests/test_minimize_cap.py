"""max_models bounds every solution type, and the solution says when the cap was hit.

The case from issue 11: 200 random cases, 10 conditions, an outcome independent of the
conditions (about 180 observed rows). Before the cap bounded it, the intermediate solution
listed 5,798 models (35-90 s, 400 MB); timings are in benchmarks/minimize.py.
"""
import itertools
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import qcakit


@pytest.fixture(scope="module")
def noisy_tt():
    rng = np.random.default_rng(10)
    x = rng.beta(0.7, 0.7, size=(200, 10))
    cols = [f"C{j}" for j in range(10)]
    data = pd.DataFrame(x, columns=cols)
    data["Y"] = rng.beta(0.7, 0.7, size=200)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return qcakit.truth_table(data, "Y", cols, incl_cut=0.8), cols


@pytest.mark.parametrize("cap", [3, 100])
def test_cap_bounds_every_solution_type(noisy_tt, cap):
    tt, cols = noisy_tt
    for kind, directional in (("complex", None), ("intermediate", {c: 1 for c in cols})):
        sol = qcakit.minimize(tt, kind, directional, max_models=cap)
        assert len(sol.models) == cap, kind
        assert not sol.complete
        assert "More equally minimal models exist than were listed." in sol.display_notes()
        assert len({tuple(m) for m in sol.models}) == cap  # no model listed twice
    pars = qcakit.minimize(tt, "parsimonious", max_models=cap)
    assert len(pars.models) == min(cap, 58)
    assert pars.complete == (cap >= 58)


def test_capped_models_are_valid_covers(noisy_tt):
    """Each listed intermediate model covers every positive row and no negative row."""
    tt, cols = noisy_tt
    sol = qcakit.minimize(tt, "intermediate", {c: 1 for c in cols}, max_models=5)
    on = set(tt.codes("1").tolist())
    off = set(tt.codes("0").tolist()) | set(tt.codes("C").tolist())
    for model in sol.models:
        covered = set()
        for code in range(2 ** 10):
            bits = {c: (code >> (9 - j)) & 1 for j, c in enumerate(cols)}
            if any(all(bits[n] == v for n, v in term) for term in model):
                covered.add(code)
        assert on <= covered and not covered & off


@settings(max_examples=60, deadline=None)
@given(st.integers(12, 16), st.integers(3, 8), st.integers(0, 2 ** 32 - 1))
def test_minimum_cover_size_by_brute_force(n_pi, n_on, seed):
    """Charts with more than SMALL_BLOCK distinct PIs take the integer-program path (with
    dominated PIs dropped for the size): the covers found have the brute-force minimum size."""
    rng = np.random.default_rng(seed)
    chart = rng.random((n_pi, n_on)) < 0.3
    chart[rng.integers(0, n_pi, n_on), np.arange(n_on)] = True  # every column coverable
    covers, _ = qcakit.covers.minimal_covers(chart)
    best = None
    for r in range(1, n_pi + 1):
        if any(chart[list(c)].any(axis=0).all() for c in itertools.combinations(range(n_pi), r)):
            best = r
            break
    assert {len(c) for c in covers} == {best}
    assert all(chart[list(c)].any(axis=0).all() for c in covers)


def _brute_primes(on, allowed, k):
    cubes = []
    for spec in itertools.product((None, 0, 1), repeat=k):
        mask = sum(1 << (k - 1 - j) for j, s in enumerate(spec) if s is not None)
        value = sum(1 << (k - 1 - j) for j, s in enumerate(spec) if s == 1)
        rows = {r for r in range(2 ** k) if r & mask == value}
        if rows <= allowed and rows & on:
            cubes.append((mask, value, frozenset(rows)))
    return {(m, v) for m, v, rows in cubes
            if not any(rows < other for _, _, other in cubes)}


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 5), st.data())
def test_prime_implicants_within_allowed_by_brute_force(k, data):
    """The merging path (complex / intermediate) against every cube, by brute force."""
    allowed = data.draw(st.sets(st.integers(0, 2 ** k - 1), min_size=1))
    on = data.draw(st.sets(st.sampled_from(sorted(allowed)), min_size=1))
    got = qcakit.boolean.prime_implicants(sorted(on), k, allowed=sorted(allowed))
    assert len(got) == len(set(got))
    assert set(got) == _brute_primes(on, allowed, k)
