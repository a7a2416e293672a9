"""Set-theoretic laws, checked by hypothesis on random fuzzy data."""
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import qcakit
from qcakit import QCAInputError, fit

SCORES = st.sampled_from([0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.45, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95,
                          1.0])


@st.composite
def fuzzy_data(draw, min_k=2, max_k=4):
    k = draw(st.integers(min_k, max_k))
    n = draw(st.integers(4, 14))
    cols = [f"C{j}" for j in range(k)] + ["Y"]
    rows = draw(st.lists(st.lists(SCORES, min_size=k + 1, max_size=k + 1),
                         min_size=n, max_size=n))
    data = pd.DataFrame(rows, columns=cols, index=[f"case{i}" for i in range(n)])
    assume(data["Y"].sum() > 0 and (1 - data["Y"]).sum() > 0)
    return data, cols[:-1]


def literal_sets(solution):
    return {frozenset(frozenset(term) for term in model) for model in solution.models}


def covered_codes(model, conditions):
    k = len(conditions)
    rows = np.arange(2 ** k)
    inside = np.zeros(rows.size, dtype=bool)
    for term in model:
        hit = np.ones(rows.size, dtype=bool)
        for name, value in term:
            j = conditions.index(name)
            hit &= ((rows >> (k - 1 - j)) & 1) == value
        inside |= hit
    return set(rows[inside].tolist())


@settings(max_examples=100, deadline=None)
@given(fuzzy_data())
def test_negation_and_de_morgan(case):
    data, conds = case
    a, b = conds[0], conds[1]
    assert np.allclose(qcakit.membership(data, f"~{a}"), 1 - data[a])
    assert np.allclose(qcakit.membership(data, f"~{a} + ~{b}"),
                       1 - qcakit.membership(data, f"{a}*{b}"))
    assert np.allclose(qcakit.membership(data, f"~{a}*~{b}"),
                       1 - qcakit.membership(data, f"{a} + {b}"))


#: X scores 1 in every case, so ~X is empty: the draw necessity() refuses
CONSTANT_X = (pd.DataFrame({"C0": [1.0] * 4, "C1": [0.2, 0.6, 0.9, 0.1],
                            "Y": [0.3, 0.8, 0.6, 0.1]}, index=[f"case{i}" for i in range(4)]),
              ["C0", "C1"])


@pytest.mark.filterwarnings("ignore:PRI is undefined")  # degenerate draws; PRI is not tested here
@settings(max_examples=100, deadline=None)
@example(CONSTANT_X)
@given(fuzzy_data())
def test_necessity_of_x_is_sufficiency_of_y_for_x(case):
    data, conds = case
    x = data[conds[0]]
    assume(x.sum() > 0)
    if (x == 1).all():
        # a constant condition: its negation has no member, so the necessity table (which
        # lists X and ~X) is refused with the fix rather than showing an undefined coverage
        with pytest.raises(QCAInputError, match="scores 1 for every case, a constant"):
            qcakit.necessity(data, "Y", [conds[0]])
        return
    nec = qcakit.necessity(data, "Y", [conds[0]]).table.loc[conds[0], "consistency"]
    assert nec == pytest.approx(fit.consistency(data["Y"].to_numpy(), x.to_numpy()))
    suff = qcakit.evaluate(data, conds[0], "Y").table.loc["solution", "raw_coverage"]
    assert suff == pytest.approx(nec)  # sufficiency coverage = necessity consistency


@settings(max_examples=80, deadline=None)
@given(fuzzy_data(), st.sampled_from([0.6, 0.7, 0.8]))
def test_solutions_cover_positive_rows_and_avoid_negative_ones(case, cut):
    data, conds = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tt = qcakit.truth_table(data, "Y", conds, incl_cut=(cut, cut - 0.2))
    on = set(tt.codes("1").tolist())
    assume(on)
    forbidden = set(tt.codes("0").tolist()) | set(tt.codes("C").tolist())
    solutions = {
        "complex": qcakit.minimize(tt, "complex"),
        "parsimonious": qcakit.minimize(tt, "parsimonious"),
        "intermediate": qcakit.minimize(tt, "intermediate", {c: 1 for c in conds}),
    }
    for kind, sol in solutions.items():
        for model in sol.models:
            rows = covered_codes(model, conds)
            assert on <= rows, kind
            assert not rows & forbidden, kind
    cplx, pars, inter = (solutions[k] for k in ("complex", "parsimonious", "intermediate"))
    assert covered_codes(cplx.models[0], conds) == on  # the complex solution adds nothing
    pars_rows = set().union(*(covered_codes(m, conds) for m in pars.models))
    for model in inter.models:
        assert covered_codes(model, conds) <= pars_rows
    # the parsimonious solution is never longer than the complex one
    assert min(len(m) for m in pars.models) <= min(len(m) for m in cplx.models)
    for term in cplx.prime_implicants:  # every complex term lies in a parsimonious PI
        assert any(set(p) <= set(term) for p in pars.prime_implicants)


@settings(max_examples=60, deadline=None)
@given(fuzzy_data(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_row_or_column_order(case, rnd):
    data, conds = case
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tt = qcakit.truth_table(data, "Y", conds, incl_cut=0.7)
        assume((tt.table.OUT == "1").any())
        order = list(data.index)
        rnd.shuffle(order)
        shuffled_conds = list(conds)
        rnd.shuffle(shuffled_conds)
        tt2 = qcakit.truth_table(data.loc[order, shuffled_conds + ["Y"]], "Y", shuffled_conds,
                                 incl_cut=0.7)
    assert sorted(tt.table["incl"].round(12)) == sorted(tt2.table["incl"].round(12))
    for kind in ("complex", "parsimonious"):
        s1, s2 = qcakit.minimize(tt, kind), qcakit.minimize(tt2, kind)
        assert literal_sets(s1) == literal_sets(s2)

        def fits(sol):  # model (as a set of literal sets) -> solution consistency, coverage
            out = {}
            for i, model in enumerate(sol.models):
                row = sol.parameters(i).loc["solution", ["consistency", "raw_coverage"]]
                out[frozenset(frozenset(t) for t in model)] = row.astype(float).round(12).tolist()
            return out

        assert fits(s1) == fits(s2)


@settings(max_examples=60, deadline=None)
@given(fuzzy_data(min_k=1, max_k=3))
def test_memberships_outside_unit_interval_are_refused(case):
    data, conds = case
    bad = data.copy()
    bad.iloc[0, 0] = 1.5
    with pytest.raises(QCAInputError, match="not a set membership"):
        qcakit.truth_table(bad, "Y", conds)
