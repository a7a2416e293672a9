"""Exact minimization checked against brute force on small random truth tables."""
from itertools import combinations, product

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qcakit import boolean
from qcakit import covers as cover_search


def all_cubes(k):
    for assignment in product((None, 0, 1), repeat=k):
        mask = value = 0
        for j, a in enumerate(assignment):
            if a is not None:
                mask |= 1 << (k - 1 - j)
                value |= a << (k - 1 - j)
        yield mask, value


def brute_force_primes(on, k, allowed):
    rows = np.arange(2 ** k)
    implicants = []
    for cube in all_cubes(k):
        inside = set(rows[boolean.cube_contains(cube, rows)].tolist())
        if inside <= allowed and inside & on:
            implicants.append((cube, inside))
    return {c for c, s in implicants if not any(s < t for _, t in implicants)}


def brute_force_covers(chart):
    n_pi, n_on = chart.shape
    for size in range(1, n_pi + 1):
        found = [c for c in combinations(range(n_pi), size) if chart[list(c)].any(axis=0).all()]
        if found:
            return sorted(found)
    return []


@st.composite
def truth_tables(draw):
    k = draw(st.integers(2, 5))
    codes = draw(st.lists(st.sampled_from(["1", "0", "?"]), min_size=2 ** k, max_size=2 ** k))
    on = {i for i, c in enumerate(codes) if c == "1"}
    off = {i for i, c in enumerate(codes) if c == "0"}
    return k, on, off


@settings(max_examples=150, deadline=None)
@given(truth_tables())
def test_prime_implicants_match_brute_force(case):
    k, on, off = case
    if not on:
        return
    rows = set(range(2 ** k))
    got_pars = set(boolean.prime_implicants(sorted(on), k, forbidden=sorted(off)))
    assert got_pars == brute_force_primes(on, k, rows - off)
    got_cplx = set(boolean.prime_implicants(sorted(on), k, allowed=sorted(on)))
    assert got_cplx == brute_force_primes(on, k, on)


@settings(max_examples=150, deadline=None)
@given(truth_tables())
def test_minimal_covers_match_brute_force(case):
    k, on, off = case
    if not on:
        return
    pis = boolean.prime_implicants(sorted(on), k, forbidden=sorted(off))
    chart = boolean.chart(pis, sorted(on))
    covers, complete = cover_search.minimal_covers(chart, max_models=20)
    expected = brute_force_covers(chart)
    if complete:
        assert covers == expected
    else:  # more than 20 equally minimal models: the 20 listed are genuine ones
        assert len(expected) > 20 and len(covers) == 20 and set(covers) <= set(expected)


def test_textbook_example_two_conditions():
    # A*B and A*~B are positive, ~A*B negative, ~A*~B a remainder.
    on, off, k = [0b11, 0b10], [0b01], 2
    assert boolean.prime_implicants(on, k, allowed=on) == [(0b10, 0b10)]  # A
    assert set(boolean.prime_implicants(on, k, forbidden=off)) == {(0b10, 0b10), (0b01, 0b00)}


def test_model_ambiguity_is_reported():
    # the classic cyclic chart: six rows, six PIs, two minimal covers of three PIs each
    chart = np.array([[1, 1, 0, 0, 0, 0], [0, 1, 1, 0, 0, 0], [0, 0, 1, 1, 0, 0],
                      [0, 0, 0, 1, 1, 0], [0, 0, 0, 0, 1, 1], [1, 0, 0, 0, 0, 1]], dtype=bool)
    covers, complete = cover_search.minimal_covers(chart)
    assert covers == [(0, 2, 4), (1, 3, 5)] and complete


def test_model_cap_is_reported():
    chart = np.array([[1, 1, 0, 0, 0, 0], [0, 1, 1, 0, 0, 0], [0, 0, 1, 1, 0, 0],
                      [0, 0, 0, 1, 1, 0], [0, 0, 0, 0, 1, 1], [1, 0, 0, 0, 0, 1]], dtype=bool)
    covers, complete = cover_search.minimal_covers(chart, max_models=1)
    assert len(covers) == 1 and not complete


def test_independent_blocks_multiply_models():
    # rows 0-1 covered by PI 0 or PI 1 (each alone); row 2 by PI 2 or PI 3
    chart = np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1]], dtype=bool)
    covers, _ = cover_search.minimal_covers(chart)
    assert covers == [(0, 2), (0, 3), (1, 2), (1, 3)]


def test_too_many_conditions_refused_before_starting():
    with pytest.raises(ValueError, match=r"2\^17 = 131,072 condition subsets.*max_conditions=17"):
        boolean.check_size(17, None)
    boolean.check_size(17, 17)  # explicit override is accepted


@settings(max_examples=60, deadline=None)
@given(truth_tables())
def test_integer_program_path_matches_enumeration(case):
    """The solver paths (minimum size from HiGHS; covers from exchanges and integer programs
    once the search budget is used up, as in charts with thousands of PIs) agree with the
    search-only path."""
    k, on, off = case
    if not on:
        return
    chart = boolean.chart(boolean.prime_implicants(sorted(on), k, forbidden=sorted(off)),
                          sorted(on))
    saved = cover_search.SMALL_BLOCK, cover_search.SEARCH_BUDGET
    try:
        cover_search.SMALL_BLOCK, cover_search.SEARCH_BUDGET = 0, 0
        by_solver = cover_search.minimal_covers(chart, max_models=20)
    finally:
        cover_search.SMALL_BLOCK, cover_search.SEARCH_BUDGET = saved
    by_enumeration = cover_search.minimal_covers(chart, max_models=20)
    if by_solver[1] and by_enumeration[1]:
        assert by_solver == by_enumeration
    else:
        assert len(by_solver[0][0]) == len(by_enumeration[0][0])


@st.composite
def charts(draw):
    """Random PI charts rich in what the reductions act on: duplicated PIs, PIs whose columns
    are a subset of another's, and several equally small covers."""
    n_pi, n_on = draw(st.integers(2, 13)), draw(st.integers(1, 7))
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    chart = rng.random((n_pi, n_on)) < draw(st.sampled_from([0.2, 0.35, 0.5]))
    for i in range(n_pi // 3):  # copies and subsets of other PIs
        source = chart[rng.integers(n_pi)]
        chart[i] = source & (rng.random(n_on) < 0.7) if i % 2 else source
    chart[rng.integers(0, n_pi, n_on), np.arange(n_on)] = True  # every column coverable
    return chart


@settings(max_examples=300, deadline=None)
@given(charts(), st.booleans())
def test_every_minimal_cover_of_random_charts_by_brute_force(chart, solver_path):
    """All minimum covers, counted against brute force over every subset of PIs, on charts
    with dominated and duplicated PIs; by the depth-first search, and by the path taken when
    its budget is used up (minimum size by HiGHS, then exchanges and integer programs)."""
    saved = cover_search.SMALL_BLOCK, cover_search.SEARCH_BUDGET
    try:
        if solver_path:
            cover_search.SMALL_BLOCK, cover_search.SEARCH_BUDGET = 0, 0
        covers, complete = cover_search.minimal_covers(chart, max_models=10_000)
    finally:
        cover_search.SMALL_BLOCK, cover_search.SEARCH_BUDGET = saved
    assert complete and covers == brute_force_covers(chart)
