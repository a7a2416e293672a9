"""The bounded searches against brute force (issue 22): the fast fuzzy redundancy check and term
absorption of theory labels, and SUIN's count and chunked levels. Timings are printed by
benchmarks/bounded_search.py, never asserted here."""
import importlib
from itertools import product

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qcakit
from qcakit.suin import expressions_searched, suin

theory = importlib.import_module("qcakit.theory")  # qcakit.theory is also a function's name
suin_module = importlib.import_module("qcakit.suin")

NAMES = ["A", "B", "C", "D"]
LITERALS = st.tuples(st.sampled_from(NAMES), st.sampled_from([0, 1]))
TERMS = st.lists(st.frozensets(LITERALS, min_size=1, max_size=4), min_size=1, max_size=12)


def _brute_values(terms, names, grid):
    """Fuzzy membership of a sum of products at every grid point, literal by literal."""
    out = []
    for point in grid:
        v = dict(zip(names, point))
        out.append(max(min(v[n] if val else 1 - v[n] for n, val in t) for t in terms))
    return np.array(out)


def _brute_drop(terms, names):
    """The redundancy check as first written: drop a term (longest first) when the union of the
    rest, recomputed from scratch, is unchanged on {0, .5, 1}."""
    grid = list(product((0.0, 0.5, 1.0), repeat=len(names)))
    target = _brute_values(terms, names, grid)
    kept = list(terms)
    for t in sorted(terms, key=lambda t: -len(t)):
        rest = [k for k in kept if k != t]
        if rest and np.array_equal(_brute_values(rest, names, grid), target):
            kept = rest
    return kept


def _brute_absorb(terms):
    unique = sorted(set(terms), key=lambda t: (len(t), sorted(t)))
    kept = []
    for t in unique:
        if not any(k <= t for k in kept):
            kept.append(t)
    return kept


@settings(max_examples=150, deadline=None)
@given(TERMS)
def test_absorption_matches_brute_force(terms):
    assert theory._absorb(terms) == _brute_absorb(terms)


@settings(max_examples=150, deadline=None)
@given(TERMS)
def test_redundancy_check_matches_brute_force(terms):
    terms = _brute_absorb(terms)
    names = sorted({n for t in terms for n, _ in t})
    assert sorted(map(sorted, theory._drop_redundant(terms, names))) == \
        sorted(map(sorted, _brute_drop(terms, names)))


def test_redundancy_check_keeps_a_fuzzy_contradiction_that_matters():
    # hand: A*~A is at most 0.5; in A*~A + B it is redundant only where B >= min(A, 1 - A),
    # which fails at A = .5, B = 0, so both terms stay
    terms = [frozenset({("A", 1), ("A", 0)}), frozenset({("B", 1)})]
    assert len(theory._drop_redundant(terms, ["A", "B"])) == 2


@pytest.mark.parametrize("k", [1, 3, 5, 15])
def test_a_full_depth_search_counts_three_to_the_k_minus_one(k):
    # each condition is absent from the expression, present or negated: 3^k, minus the empty one
    assert expressions_searched(k, k) == 3 ** k - 1


def test_chunked_levels_give_the_same_search(monkeypatch):
    rng = np.random.default_rng(3)
    data = pd.DataFrame(rng.uniform(size=(12, 6)).round(2), columns=list("ABCDEY"))
    whole = suin(data, "Y", depth=3, incl_cut=0.7, cov_cut=0.5, ron_cut=0)
    monkeypatch.setattr(suin_module, "CHUNK", 7)  # a few expressions per chunk
    chunked = suin(data, "Y", depth=3, incl_cut=0.7, cov_cut=0.5, ron_cut=0)
    pd.testing.assert_frame_equal(whole.table, chunked.table)
    assert len(whole.table) > 5


def _many_models_truth_table():
    """A random outcome over 10 conditions: 244 prime implicants, 119 positive rows, more than
    100 equally minimal models, so minimize() reaches the set-cover integer programs."""
    rng = np.random.default_rng(7)
    data = pd.DataFrame(rng.uniform(size=(200, 10)).round(2), columns=[f"C{i}" for i in range(10)])
    data["Y"] = rng.uniform(size=200).round(2)
    with pytest.warns(qcakit.QCAWarning):
        return qcakit.truth_table(data, "Y", incl_cut=0.7, pri_cut=0.5)


def test_minimize_stops_at_its_time_limit_and_says_why():
    tt = _many_models_truth_table()
    with pytest.raises(qcakit.QCAInputError) as err:
        qcakit.minimize(tt, "parsimonious", time_limit=1e-9)
    message = str(err.value)
    assert "cover 119 positive rows, chosen among 244" in message
    assert "time_limit=1e-09 s" in message and "time_limit=None" in message


def test_a_time_limit_changes_nothing_it_does_not_reach():
    """Small charts never reach the integer programs: the models are those of no limit, and
    those the brute-force tests of test_minimize_scale.py check."""
    lipset = qcakit.datasets.load("lipset_fuzzy")
    tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
    for kind in ("complex", "parsimonious"):
        assert qcakit.minimize(tt, kind, time_limit=1e-9).models == \
            qcakit.minimize(tt, kind, time_limit=None).models
