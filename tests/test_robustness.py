"""Robustness protocol (qcakit.robustness): hand-computed crisp example, independent RF formulas,
MinTS / MaxTS by brute force, the Xu data, and every error message."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import qcakit  # noqa: E402
import qcakit.fit  # noqa: E402
from qcakit.robustness import case_robustness, robustness, robustness_fit  # noqa: E402
from qcakit.studies import xu2024  # noqa: E402

# Crisp example (10 cases). Rows: A*B 3 cases, all Y=1 (incl 1); A*~B 3 cases, 2 with Y=1
# (incl 2/3); ~A*B 2 cases and ~A*~B 2 cases, Y=0.
CRISP = pd.DataFrame(
    {"A": [1, 1, 1, 1, 1, 1, 0, 0, 0, 0],
     "B": [1, 1, 1, 0, 0, 0, 1, 1, 0, 0],
     "Y": [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]},
    index=[f"k{i}" for i in range(10)],
)
CRISP_SPEC = {"A": (1,), "B": (1,), "Y": (1,)}


def crisp_result():
    # IS (incl 0.8, n 1): only A*B is OUT=1 -> A*B.
    # incl 0.6: A*B and A*~B -> A.   n 3: both rows have 3 cases, incl 0.8 -> A*B.
    return robustness(CRISP, CRISP_SPEC, "Y", ["A", "B"], incl_cut=0.8, solution="complex",
                      incl_cuts=(0.6, 0.8), n_cuts=(1, 3))


def test_crisp_by_hand_solutions_and_fit():
    r = crisp_result()
    assert r.initial["solution"] == "A*B"
    assert r.tests["solution"].to_dict() == {"incl_cut 0.6": "A", "n_cut 3": "A*B"}
    # MinTS = A*B, MaxTS = A, core = A*B: coverage of IS and core 3/5, consistency 1 and 1
    assert r.fit["RF_cov"] == pytest.approx(1.0)
    assert r.fit["RF_cons"] == pytest.approx(1.0)
    assert r.fit["RF_SC_minTS"] == pytest.approx(1.0)
    assert r.fit["RF_SC_maxTS"] == pytest.approx(3 / 6)
    assert r.tests.loc["incl_cut 0.6", "consistency"] == pytest.approx(5 / 6)
    assert r.tests.loc["incl_cut 0.6", "coverage"] == pytest.approx(1.0)


def test_crisp_by_hand_case_robustness():
    c = crisp_result().cases
    expected = (["robust typical"] * 3 + ["possible typical"] * 2 + ["possible deviant"]
                + ["irrelevant"] * 4)
    assert c["class"].tolist() == expected
    # under incl 0.6 k3, k4 turn from deviant coverage into typical, k5 from individually
    # irrelevant into deviant in kind; nothing else changes
    assert c["type changes"].tolist() == [0, 0, 0, 1, 1, 1, 0, 0, 0, 0]
    assert c.loc["k3", "type (IS)"] == "deviant coverage"
    assert list(crisp_result().changed_cases().index) == ["k3", "k4", "k5"]


def test_empty_test_solution_counts_as_empty_set():
    # n_cut 4: no row has 4 cases -> no solution; MinTS is then empty, so is the core
    r = robustness(CRISP, CRISP_SPEC, "Y", ["A", "B"], solution="complex", n_cuts=(1, 4))
    assert r.tests.loc["n_cut 4", "solution"] == "(none)"
    assert r.fit["RF_cov"] == 0.0 and np.isnan(r.fit["RF_cons"])
    assert any("robust core is empty" in n for n in r.notes)
    assert "RF_cons is undefined" in repr(r)


def brute_force_fit(initial, tests, y):
    """RF figures straight from Oana & Schneider's definitions, with plain loops."""
    n, t = len(initial), len(tests[0])
    min_ts = [min(tests[i][j] for j in range(t)) for i in range(n)]
    max_ts = [max(tests[i][j] for j in range(t)) for i in range(n)]
    core = [min(initial[i], min_ts[i]) for i in range(n)]

    def cons(x):
        return sum(min(a, b) for a, b in zip(x, y)) / sum(x)

    def cov(x):
        return sum(min(a, b) for a, b in zip(x, y)) / sum(y)

    def sc(a, b):
        return sum(min(p, q) for p, q in zip(a, b)) / sum(max(p, q) for p, q in zip(a, b))

    return {"RF_cov": cov(core) / cov(initial), "RF_cons": cons(initial) / cons(core),
            "RF_SC_minTS": sc(initial, min_ts), "RF_SC_maxTS": sc(initial, max_ts)}


member = st.floats(0.05, 1.0).map(lambda v: round(v, 2))


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 8).flatmap(lambda n: st.tuples(
    st.lists(member, min_size=n, max_size=n),
    st.lists(st.lists(member, min_size=3, max_size=3), min_size=n, max_size=n),
    st.lists(member, min_size=n, max_size=n))))
def test_rf_figures_match_brute_force_and_lie_in_range(args):
    initial, tests, y = args
    got = robustness_fit(initial, tests, y)
    want = brute_force_fit(initial, tests, y)
    for key in want:
        assert got[key] == pytest.approx(want[key])
    assert 0 <= got["RF_cov"] <= 1 + 1e-12
    assert 0 <= got["RF_SC_minTS"] <= 1 + 1e-12 and 0 <= got["RF_SC_maxTS"] <= 1 + 1e-12
    # the order of the test solutions does not matter
    again = robustness_fit(initial, [row[::-1] for row in tests], y)
    assert again == pytest.approx(got)


def test_rf_cons_can_exceed_one():
    # the core drops case 1, which was consistent; what is left is less consistent than the IS
    got = robustness_fit([0.9, 0.8], [[0.1], [0.8]], [0.9, 0.4])
    assert got["RF_cons"] == pytest.approx((1.3 / 1.7) / (0.5 / 0.9))
    assert got["RF_cons"] > 1


def test_case_robustness_classes_by_hand():
    got = case_robustness(
        initial=[0.9, 0.9, 0.8, 0.7, 0.2, 0.1, 0.3, 0.2, 0.6, 0.6],
        min_ts=[0.8, 0.7, 0.2, 0.3, 0.0, 0.0, 0.0, 0.0, 0.5, 0.9],
        max_ts=[0.9, 0.9, 0.9, 0.9, 0.8, 0.7, 0.2, 0.1, 0.9, 0.9],
        y=[0.9, 0.3, 0.8, 0.1, 0.9, 0.2, 0.7, 0.1, 0.9, 0.5])
    assert got.tolist() == [
        "robust typical", "robust deviant", "shaky typical", "shaky deviant",
        "possible typical", "possible deviant", "extreme deviant coverage", "irrelevant",
        "on the crossover", "on the crossover"]


def small_raw():
    rng = np.random.default_rng(3)
    raw = pd.DataFrame(rng.uniform(0, 10, size=(14, 4)), columns=["P", "Q", "R", "OUT"],
                       index=[f"r{i}" for i in range(14)])
    raw["OUT"] = np.clip(np.minimum(raw["P"], raw["Q"]) + rng.normal(0, 1.5, 14), 0, 10)
    return raw


SMALL_SPEC = {"P": (2, 5, 8), "Q": (2, 5, 8), "R": (2, 5, 8), "OUT": (2, 5, 8)}


def test_min_max_ts_are_min_and_max_of_the_test_solutions():
    r = robustness(small_raw(), SMALL_SPEC, "OUT", ["P", "Q", "R"], incl_cut=0.8,
                   anchor_shifts={"P": (-1, 0, 1), "OUT": (0, 0.5)}, incl_cuts=(0.75, 0.8, 0.9))
    assert list(r.tests.index) == ["P crossover -1", "P crossover +1", "OUT crossover +0.5",
                                   "incl_cut 0.75", "incl_cut 0.9"]
    # recompute each test solution's memberships from its expression, calibrating by hand
    for label, expr in r.tests["solution"].items():
        spec = dict(SMALL_SPEC)
        if label == "P crossover -1":
            spec["P"] = (2, 4, 8)
        elif label == "P crossover +1":
            spec["P"] = (2, 6, 8)
        elif label == "OUT crossover +0.5":
            spec["OUT"] = (2, 5.5, 8)
        sets = qcakit.calibrate(small_raw(), spec)
        m = (qcakit.membership(sets, expr).to_numpy() if expr != "(none)"
             else np.zeros(len(sets)))
        np.testing.assert_allclose(r.memberships[label].to_numpy(), m)
    ts = r.memberships.to_numpy()
    np.testing.assert_allclose(r.cases["MinTS"], [min(row) for row in ts])
    np.testing.assert_allclose(r.cases["MaxTS"], [max(row) for row in ts])
    assert (r.cases["MinTS"].to_numpy()[:, None] <= ts + 1e-12).all()
    assert (ts <= r.cases["MaxTS"].to_numpy()[:, None] + 1e-12).all()
    np.testing.assert_allclose(r.cases["core"], np.minimum(r.cases["IS"], r.cases["MinTS"]))
    want = brute_force_fit(r.cases["IS"].tolist(), ts.tolist(), r.cases["OUT"].tolist())
    assert r.fit == pytest.approx(want)


def test_initial_setting_reproduces_direct_analysis():
    sets = qcakit.calibrate(small_raw(), SMALL_SPEC)
    tt = qcakit.truth_table(sets, "OUT", ["P", "Q", "R"], incl_cut=0.8)
    sol = qcakit.minimize(tt, "parsimonious")
    r = robustness(small_raw(), SMALL_SPEC, "OUT", ["P", "Q", "R"], incl_cuts=(0.8, 0.9))
    assert r.initial["solution"] == sol.expression
    assert r.initial["consistency"] == pytest.approx(sol.consistency)


def test_a_pri_cut_is_kept_in_every_setting_and_gives_table_4():
    """With PRI 0.5 (lesson 15's reading of the paper) the intermediate solution is the four
    published paths of Table 4 (S1-S4), in the initial setting and at consistency 0.85."""
    raw = qcakit.datasets.load(xu2024.DATASET)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        r = robustness(raw, xu2024.robustness_calibration(), "GROWTH", xu2024.CONDITIONS, incl_cut=0.8, pri_cut=0.5,
                       solution="intermediate", directional=xu2024.DIRECTIONAL,
                       incl_cuts=(0.8, 0.85))
    paths = xu2024.configuration_labels(qcakit.parse(r.initial["solution"]))
    assert sorted(paths) == ["S1", "S2", "S3", "S4"]
    assert r.tests.loc["incl_cut 0.85", "solution"] == r.initial["solution"]


def test_xu_initial_solution_is_the_studys():
    raw = qcakit.datasets.load(xu2024.DATASET)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        r = robustness(raw, xu2024.robustness_calibration(), "GROWTH", xu2024.CONDITIONS, incl_cut=0.8,
                       anchor_shifts={"SCALE": (-1, 0, 1)}, incl_cuts=(0.8, 0.85))
    data = xu2024.calibrated()
    sol = qcakit.minimize(qcakit.truth_table(data, xu2024.OUTCOME, xu2024.CONDITIONS,
                                             incl_cut=0.8), "parsimonious")
    assert r.initial["solution"] == sol.expression == "~SCALE*MGMT + SCALE*PAY*INCENT"
    np.testing.assert_allclose(r.cases["IS"], qcakit.membership(data, sol.expression))
    np.testing.assert_allclose(r.cases["GROWTH"], data[xu2024.OUTCOME])
    assert len(r.tests) == 3
    assert "Robustness of the solution for GROWTH" in r._repr_html_()
    ax = r.plot()
    assert "RF_cov" in ax.get_title()
    assert {t.get_text() for t in ax.get_legend().get_texts()} == {"MinTS", "MaxTS"}


def test_calibration_warnings_are_collected():
    raw = small_raw()
    raw.loc["r0", "P"] = 6.0  # on the shifted crossover 5 + 1: membership exactly 0.5
    with pytest.warns(qcakit.QCAWarning, match="listed in result.notes"):
        r = robustness(raw, SMALL_SPEC, "OUT", ["P", "Q", "R"], anchor_shifts={"P": (0, 1)})
    assert any(n.startswith("P crossover +1:") and "exactly 0.5" in n for n in r.notes)


@pytest.mark.parametrize("kwargs, message", [
    (dict(incl_cuts=(0.85, 0.9)),
     "The test range for the consistency cut (0.85, 0.9) does not contain the initial "
     "setting 0.8"),
    (dict(n_cuts=(2, 3)),
     "The test range for the frequency cut (2, 3) does not contain the initial setting 1"),
    (dict(anchor_shifts={"P": (1, 2)}),
     "The test range for the crossover of 'P' (shift) (1, 2) does not contain the initial "
     "setting 0.0"),
    (dict(incl_cuts=(0.8,)), "No test settings: give anchor_shifts, incl_cuts or n_cuts"),
    (dict(anchor_shifts={"P": ()}), "The test range for the crossover of 'P' (shift) is empty"),
    (dict(incl_cuts=[]), "The test range for the consistency cut is empty: give at least the "
                         "initial setting (0.8) and one alternative."),
    (dict(n_cuts=()), "The test range for the frequency cut is empty"),
    (dict(anchor_shifts={"Z": (0, 1)}), "anchor_shifts names 'Z', which has no calibration"),
])
def test_bad_ranges(kwargs, message):
    with pytest.raises(qcakit.QCAInputError) as err:
        robustness(small_raw(), SMALL_SPEC, "OUT", ["P", "Q", "R"], **kwargs)
    assert message in str(err.value)


def test_unknown_columns_and_missing_calibration():
    with pytest.raises(qcakit.QCAInputError, match="Unknown column 'S'"):
        robustness(small_raw(), SMALL_SPEC, "OUT", ["P", "S"], incl_cuts=(0.8, 0.9))
    with pytest.raises(qcakit.QCAInputError, match="Unknown column 'OUTCOME'"):
        robustness(small_raw(), SMALL_SPEC, "OUTCOME", ["P"], incl_cuts=(0.8, 0.9))
    spec = dict(SMALL_SPEC, X=(1, 2, 3))
    with pytest.raises(qcakit.QCAInputError, match="Unknown column in the calibration 'X'"):
        robustness(small_raw(), spec, "OUT", ["P"], incl_cuts=(0.8, 0.9))
    spec = {"P": (2, 5, 8), "OUT": (2, 5, 8)}
    with pytest.raises(qcakit.QCAInputError, match="No calibration for 'Q'"):
        robustness(small_raw(), spec, "OUT", ["P", "Q"], incl_cuts=(0.8, 0.9))
    with pytest.raises(qcakit.QCAInputError, match="calibration must be a dict"):
        robustness(small_raw(), [(2, 5, 8)], "OUT", ["P"], incl_cuts=(0.8, 0.9))


def test_empty_initial_solution_is_refused():
    with pytest.raises(qcakit.QCAInputError, match="The initial solution is empty"):
        robustness_fit([0.0, 0.0], [[0.5], [0.2]], [0.9, 0.1])


# ---- reference: SetMethods 4.0 rob.fit / rob.cases on the Lipset data ----------------------
REF = Path(__file__).parent / "data" / "reference" / "setmethods_cases_rob_lipset.json"
ROB_NAMES = {"S1S2Y": "robust typical", "S1S2y": "robust deviant", "S1s2Y": "shaky typical",
             "S1s2y": "shaky deviant", "s1S2Y": "possible typical", "s1S2y": "possible deviant",
             "s1s2Y": "extreme deviant coverage", "s1s2y": "irrelevant"}


def test_lipset_robustness_matches_setmethods():
    ref = json.loads(REF.read_text())
    data = qcakit.datasets.load("lipset_fuzzy")
    conds = ["DEV", "URB", "LIT", "IND", "STB"]
    # the data are already calibrated: an identity "calibration" for every column
    spec = {c: (lambda x, shift: x) for c in conds + ["SURV"]}
    r = robustness(data, spec, "SURV", conds, incl_cut=0.8, incl_cuts=(0.75, 0.8, 0.9))
    assert sorted(r.initial["solution"].split(" + ")) == sorted(ref["IS"])
    assert sorted(r.tests.loc["incl_cut 0.75", "solution"].split(" + ")) == sorted(ref["TS1"])
    assert r.tests.loc["incl_cut 0.9", "solution"] == ref["TS2"]
    rf = ref["rob_fit"][0]
    for key in ("RF_SC_minTS", "RF_SC_maxTS"):
        assert r.fit[key] == pytest.approx(rf[key], abs=0.0005), key
    # SetMethods rounds consistency and coverage to 3 decimals before dividing (QCAfit), we
    # do not: RF_cov 0.72862 here, 0.728 there. Rounding the inputs as it does gives its figures.
    c, y = r.cases, r.cases["SURV"]
    cov_core, cov_is = (round(qcakit.fit.coverage(c[k], y), 3) for k in ("core", "IS"))
    cons_core, cons_is = (round(qcakit.fit.consistency(c[k], y), 3) for k in ("core", "IS"))
    assert round(cov_core / cov_is, 3) == rf["RF_cov"]
    assert round(cons_is / cons_core, 3) == rf["RF_cons"]
    assert r.fit["RF_cov"] == pytest.approx(rf["RF_cov"], abs=0.001)
    assert r.fit["RF_cons"] == pytest.approx(rf["RF_cons"], abs=0.001)
    for key, names in ref["rob_cases"].items():
        names = [] if isinstance(names, str) else names
        got = r.cases.index[r.cases["class"] == ROB_NAMES[key]]
        assert sorted(got) == sorted(names), key


def test_xu_robustness_matches_setmethods():
    ref = json.loads((REF.parent / "setmethods_rob_xu.json").read_text())
    data = xu2024.calibrated()
    spec = {c: (lambda x, shift: x) for c in xu2024.CONDITIONS + [xu2024.OUTCOME]}
    r = robustness(data, spec, xu2024.OUTCOME, xu2024.CONDITIONS, incl_cut=0.8,
                   incl_cuts=(0.75, 0.8, 0.85))
    assert r.initial["solution"] == " + ".join(ref["IS"])
    assert r.tests["solution"].tolist() == [" + ".join(ref["TS1"]), " + ".join(ref["TS2"])]
    rf = ref["rob_fit"][0]
    for key in ("RF_cov", "RF_cons", "RF_SC_minTS", "RF_SC_maxTS"):
        assert r.fit[key] == pytest.approx(rf[key], abs=0.001), key
    for key, names in ref["rob_cases"].items():
        names = [] if names == "No cases in this intersection" else np.atleast_1d(names).tolist()
        got = r.cases.index[r.cases["class"] == ROB_NAMES[key]]
        assert sorted(got) == sorted(names), key


# esa=: the Enhanced Standard Analysis redone in every setting. Five cases, worked by hand:
#   case  A    B    Y     row
#   p     0.6  0.9  0.9   A*B
#   q     0.8  0.7  0.8   A*B
#   r     0.7  0.2  0.6   A*~B
#   s     0.6  0.3  0.4   A*~B
#   t     0.2  0.1  0.1   ~A*~B          (~A*B is a remainder)
# Row consistency: A*B = 1.9 / 1.9 = 1; A*~B = min(A, ~B) [.1 .3 .7 .6 .2] against Y gives
# 1.5 / 1.9 = 0.789; ~A*~B = 1.1 / 1.8 = 0.611. At incl_cut 0.85 or 0.9 only A*B is coded 1:
# the parsimonious solution is B (A*B with the remainder ~A*B); with A necessary ~A*B is
# incoherent, and the solution is A*B. ~A*B is also a contradictory assumption there: ~Y's
# row ~A*~B (1.8 / 1.8 = 1) becomes ~A with that remainder. At 0.75, A*~B is coded 1 too: A,
# with no remainder (and none contradictory: ~Y's ~A*~B + A*~B give ~B). So
#   without esa: IS = B [.9 .7 .2 .3 .1], tests A [.6 .8 .7 .6 .2] and B;
#     core = min(B, A, B) = A*B [.6 .7 .2 .3 .1]; RF_cov = sum min(core, Y) / sum min(B, Y)
#     = 1.9 / 2.2 = 0.864; RF_SC_minTS = 1.9 / 2.2; RF_SC_maxTS = sum B / sum max(A, B)
#     = 2.2 / 3.2 = 0.6875;
#   with esa: IS = A*B, tests A and A*B; core = A*B = IS, so RF_cov = RF_SC_minTS = 1 and
#     RF_SC_maxTS = sum A*B / sum A = 1.9 / 2.9 = 0.655.
ESA_DATA = pd.DataFrame({"A": [0.6, 0.8, 0.7, 0.6, 0.2], "B": [0.9, 0.7, 0.2, 0.3, 0.1],
                         "Y": [0.9, 0.8, 0.6, 0.4, 0.1]}, index=list("pqrst"))


@pytest.mark.parametrize("esa", [{"necessary": ["A"]}, {"contradictory": True},
                                 {"necessary": "A", "contradictory": True}])
def test_esa_is_redone_in_every_setting(esa):
    def run(options):
        return robustness(ESA_DATA, None, "Y", ["A", "B"], incl_cut=0.85,
                          incl_cuts=[0.75, 0.85, 0.9], esa=options)

    plain = run(None)
    assert plain.initial["solution"] == "B"
    assert plain.tests["solution"].tolist() == ["A", "B"]
    assert plain.fit["RF_cov"] == pytest.approx(1.9 / 2.2)
    assert plain.fit["RF_SC_maxTS"] == pytest.approx(2.2 / 3.2)
    barred = run(esa)
    assert barred.initial["solution"] == "A*B"
    assert barred.tests["solution"].tolist() == ["A", "A*B"]
    assert barred.fit["RF_cov"] == pytest.approx(1.0)
    assert barred.fit["RF_SC_minTS"] == pytest.approx(1.0)
    assert barred.fit["RF_SC_maxTS"] == pytest.approx(1.9 / 2.9)
    assert barred.cases["IS"].tolist() == pytest.approx([0.6, 0.7, 0.2, 0.3, 0.1])


def test_esa_options_are_checked():
    with pytest.raises(qcakit.QCAInputError, match="unknown option"):
        robustness(ESA_DATA, None, "Y", ["A", "B"], incl_cut=0.85, incl_cuts=[0.75, 0.85],
                   esa={"nec_cond": ["A"]})
    with pytest.raises(qcakit.QCAInputError, match="C"):
        robustness(ESA_DATA, None, "Y", ["A", "B"], incl_cut=0.85, incl_cuts=[0.75, 0.85],
                   esa={"necessary": ["C"]})
