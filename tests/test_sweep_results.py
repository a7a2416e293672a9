"""The robustness sweep builds a truth table only for the first cut of each coding of the rows
(qcakit.explore.sweep): its table, and every analysis it leaves in the cache, are those of
analysing each cut on its own (``analyse`` without a cache, which builds every truth table)."""
import warnings

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from qcakit import explore
from qcakit.explore.analysis import analyse
from qcakit.explore.cache import settings_key


@st.composite
def studies(draw):
    k = draw(st.integers(2, 4))
    n = draw(st.integers(5, 25))
    grid = st.sampled_from([0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 0.25, 0.75])
    cols = [f"C{j}" for j in range(k)]
    data = pd.DataFrame({c: draw(st.lists(grid, min_size=n, max_size=n)) for c in cols + ["Y"]})
    data.loc[0, cols + ["Y"]] = 0.9  # a case in a row (0.5 on a condition puts it in none),
    #                                   and an outcome with members
    cuts = sorted(draw(st.lists(st.sampled_from(np.round(np.arange(0.5, 1.0001, 0.05), 2)),
                                min_size=1, max_size=8)))
    runs = draw(st.lists(st.tuples(st.sampled_from(["complex", "parsimonious", "intermediate"]),
                                   st.sampled_from([None, 0.5, 0.6, 0.75]),
                                   st.integers(1, 2)), min_size=1, max_size=3))
    return data, cols, cuts, runs


def one_by_one(data, cols, cuts, solution, pri_cut, n_cut, directional):
    records, term_order = [], []
    for cut in cuts:
        a = analyse(data, "Y", cols, cut, pri_cut, n_cut, solution, directional)
        term_order += [t for t in a.terms if t not in term_order]
        records.append({"cut": cut, **a.summary()})
    out = pd.DataFrame(records)
    for t in term_order:
        out[t] = [t in present for present in out["terms"]]
    return out.drop(columns="terms")


def same_analysis(got, expected):
    assert got.settings == expected.settings
    pd.testing.assert_frame_equal(got.truth_table.table, expected.truth_table.table)
    for field in ("incl_cut", "pri_cut", "n_cut", "notes", "conditions"):
        assert getattr(got.truth_table, field) == getattr(expected.truth_table, field)
    assert got.truth_table.title == expected.truth_table.title
    assert got.message == expected.message and got.warnings == expected.warnings
    if expected.solution is None:
        assert got.solution is None
        return
    assert got.solution.models == expected.solution.models
    assert got.parsimonious.models == expected.parsimonious.models
    assert got.solution.truth_table.incl_cut == expected.truth_table.incl_cut
    pd.testing.assert_frame_equal(got.parameters, expected.parameters)
    pd.testing.assert_frame_equal(got.chart.table, expected.chart.table)
    pd.testing.assert_frame_equal(got.chart.fit, expected.chart.fit)


@settings(max_examples=30, deadline=None)
@given(studies())
def test_sweep_equals_analysing_every_cut_alone(study):
    data, cols, cuts, runs = study
    directional = {c: 1 for c in cols}
    cache: dict = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for solution, pri_cut, n_cut in runs:  # one cache across changes, as in the explorer
            got = explore.sweep(data, "Y", cols, cuts, solution, pri_cut, n_cut, directional,
                                cache=cache)
            expected = one_by_one(data, cols, cuts, solution, pri_cut, n_cut, directional)
            pd.testing.assert_frame_equal(got, expected)
            for cut in cuts:
                settings = {"incl_cut": cut, "pri_cut": pri_cut, "n_cut": n_cut,
                            "solution": solution,
                            "directional": directional if solution == "intermediate" else None}
                key = settings_key(settings, cols)  # as analyse() keys its cache
                same_analysis(cache[key],
                              analyse(data, "Y", cols, cut, pri_cut, n_cut, solution,
                                      directional))


def test_sweep_keeps_the_cut_tolerance():
    """Row A*B has consistency 0.72 / 0.9 = 0.7999999999999999: coded 1 at a cut of 0.8 (the
    R package QCA's tolerance), 0 at 0.85, so cuts 0.8 and 0.85 code the rows differently."""
    data = pd.DataFrame({"A": [0.9, 0.0, 0.8], "B": [0.9, 0.2, 0.0], "Y": [0.72, 0.1, 0.9]})
    cuts = [0.75, 0.8, 0.85, 0.9]
    got = explore.sweep(data, "Y", ["A", "B"], cuts, "complex")
    pd.testing.assert_frame_equal(got, one_by_one(data, ["A", "B"], cuts, "complex", None, 1,
                                                  None))
    assert got["expression"].tolist() == ["A", "A", "A*~B", "A*~B"]
