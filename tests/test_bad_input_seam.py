"""Issue 22's careless inputs, one by one: each ends in a correct result (checked against a hand
value) or a QCAInputError naming the argument, the value and a fix the same function accepts.

The generated counterpart (every public callable, every parameter, the bad values of its kind)
is tests/test_api_inputs.py; issue 16's inputs are tests/test_bad_input.py.
"""
import warnings

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit import QCAInputError, QCAWarning, widgets
from qcakit.counterfactuals import contradictory_assumptions, negated

D = pd.DataFrame({"DEV": [0.9, 0.8, 0.7, 0.2, 0.1, 0.85],
                  "URB": [0.8, 0.7, 0.2, 0.9, 0.1, 0.75],
                  "LIT": [0.9, 0.3, 0.8, 0.7, 0.2, 0.65],
                  "Y": [0.9, 0.7, 0.6, 0.3, 0.1, 0.8]},
                 index=["AT", "BE", "CZ", "DK", "EE", "FI"])
CONDS = ["DEV", "URB", "LIT"]
RAW = pd.DataFrame({"P": [1.0, 3.0, 4.0, 6.0, 7.0, 9.0],
                    "Q": [2.0, 8.0, 3.0, 7.0, 1.0, 9.0],
                    "OUT": [1.5, 7.5, 3.0, 8.0, 1.0, 9.0]})
CALIBRATION = {"P": (2, 5, 8), "Q": (2.5, 5.5, 8), "OUT": (2, 5.5, 8)}


def _tt(data=D, **kw):
    return qcakit.truth_table(data, "Y", CONDS, **kw)


def _sol(kind="parsimonious"):
    return qcakit.minimize(_tt(), kind, {"DEV": 1, "URB": 1, "LIT": 1}
                           if kind == "intermediate" else None)


def _refused(call, *fragments):
    """The call raises QCAInputError and its message holds every fragment (literal text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        with pytest.raises(QCAInputError) as err:
            call()
    for fragment in fragments:
        assert fragment in str(err.value), str(err.value)
    return str(err.value)


# ---------------------------------------------------------------------------------------------
# Switches: only True / False


@pytest.mark.parametrize("call", [
    lambda v: qcakit.suin(D, "Y", CONDS, negate_outcome=v),
    lambda v: qcakit.theory_evaluation(D, "DEV", "URB", "Y", negate_outcome=v),
    lambda v: qcakit.case_types(D, "DEV", "Y", negate_outcome=v),
    lambda v: qcakit.cluster_diagnostics(D.assign(g=[1, 1, 1, 2, 2, 2]), "DEV", "Y", "g",
                                         necessity=v),
    lambda v: qcakit.esa(_tt(), contradictory=v),
    lambda v: qcakit.truth_table(D, "Y", CONDS, negate_outcome=v),
], ids=["suin", "theory_evaluation", "case_types", "cluster_diagnostics", "esa", "truth_table"])
@pytest.mark.parametrize("value", ["no", "False", 1, 0, None])
def test_switches_take_only_real_booleans(call, value):
    _refused(lambda: call(value), "must be True or False", repr(value))


def test_a_switch_as_text_says_why():
    _refused(lambda: qcakit.suin(D, "Y", CONDS, negate_outcome="no"),
             "Text reads as True whatever it says", "negate_outcome=False")
    _refused(lambda: qcakit.suin(D, "Y", CONDS, negate_outcome=1), "Write negate_outcome=True")


def test_numpy_booleans_are_switches():
    a = qcakit.necessity(D, "Y", CONDS, negate_outcome=np.bool_(True)).table
    b = qcakit.necessity(D, "Y", CONDS, negate_outcome=True).table
    pd.testing.assert_frame_equal(a, b)


# ---------------------------------------------------------------------------------------------
# Numbers: text, None, a scalar for a range, percentages


def test_numbers_as_text_none_and_percentages():
    _refused(lambda: qcakit.skewness(D, high="0.8"), "high", "'0.8'", "high=0.8")
    _refused(lambda: qcakit.suin(D, "Y", CONDS, cov_cut=None), "cov_cut", "got None")
    _refused(lambda: qcakit.necessity(D, "Y", CONDS).necessary(90),
             "threshold must lie between 0 and 1, got 90", "use 0.9")
    _refused(lambda: qcakit.truth_table(D, "Y", CONDS, incl_cut=85), "use 0.85")


def test_a_scalar_where_a_range_is_expected_gets_the_range_to_give():
    _refused(lambda: qcakit.robustness(RAW, CALIBRATION, "OUT", ["P", "Q"], incl_cuts=0.85),
             "incl_cuts is a list of values that brackets the initial incl_cut=0.8",
             "incl_cuts=(0.8, 0.85)")


def test_a_fraction_among_counts_is_refused_not_rounded():
    _refused(lambda: qcakit.robustness(RAW, CALIBRATION, "OUT", ["P", "Q"], n_cuts=(1, 2.5)),
             "n_cuts[1] must be a whole number >= 1, got 2.5")


def test_a_whole_float_is_a_count():
    a = qcakit.truth_table(D, "Y", CONDS, n_cut=2.0)
    assert a.n_cut == 2 and a.table.equals(qcakit.truth_table(D, "Y", CONDS, n_cut=2).table)


# ---------------------------------------------------------------------------------------------
# Widgets refuse values outside their sliders


@pytest.mark.parametrize("value, fragment", [
    (0.3, "incl_cut must lie between 0.5 and 1 (the range of the consistency slider), got 0.3"),
    (85, "use 0.85"), ("0.8", "'0.8'")])
def test_threshold_explorer_refuses_a_cut_outside_its_slider(value, fragment):
    _refused(lambda: widgets.threshold_explorer(D, "Y", CONDS, incl_cut=value, prefetch=False),
             fragment)


def test_explorer_set_refuses_instead_of_clamping():
    ex = widgets.threshold_explorer(D, "Y", CONDS, solution="complex", prefetch=False)
    _refused(lambda: ex.set(incl_cut=0.3), "between 0.5 and 1 (the range of its slider)")
    _refused(lambda: ex.set(incl_cut=85), "use 0.85")
    _refused(lambda: ex.set(n_cut=50), "n_cut must lie between 1 and")
    _refused(lambda: ex.set(solution="simple"), "solution must be one of")
    assert ex.values()["incl_cut"] == 0.8  # nothing moved
    ex.set(incl_cut=0.9)
    assert ex.values()["incl_cut"] == 0.9


def test_robustness_sweep_refuses_cuts_below_its_slider():
    _refused(lambda: widgets.robustness_sweep(D, "Y", CONDS, cuts=(0.3, 0.9)),
             "cuts[0] must lie between 0.5 and 1 (the range of the consistency slider), got 0.3")


# ---------------------------------------------------------------------------------------------
# The kit's objects where another is expected: the fix is one the function takes


def test_kit_objects_in_the_wrong_place_get_the_right_fix():
    tt, sol, nec = _tt(), _sol(), qcakit.necessity(D, "Y", CONDS)
    _refused(lambda: qcakit.truth_table(tt, "Y", CONDS), "pass data=tt.data")
    # and that fix works
    assert qcakit.truth_table(tt.data, "Y", CONDS).table.equals(tt.table)
    _refused(lambda: qcakit.evaluate(D, sol, "Y"), "expression=solution.expression")
    assert qcakit.evaluate(D, sol.expression, "Y").expression == sol.expression
    _refused(lambda: qcakit.esa(tt, necessary=nec), "necessary=nec.necessary()")
    qcakit.esa(tt, necessary=nec.necessary())
    _refused(lambda: qcakit.minimize(tt, "parsimonious", exclude=sol), "exclude takes the "
             "remainder rows to bar, got a parsimonious solution", "qcakit.esa(tt")
    inter = qcakit.minimize(tt, "intermediate", {"DEV": 1, "URB": 1, "LIT": 1})
    pars = qcakit.minimize(tt, "parsimonious")
    _refused(lambda: qcakit.write_report("unused", tt, inter, pars, necessity=nec.table),
             "necessity=nec, not nec.table")


def test_r_script_takes_one_solution_as_a_list_of_one():
    tt = _tt()
    sol = qcakit.minimize(tt, "parsimonious")
    assert qcakit.r_script(tt, sol) == qcakit.r_script(tt, [sol])


def test_solutions_in_the_wrong_order_are_refused_not_misnamed():
    tt = _tt()
    inter = qcakit.minimize(tt, "intermediate", {"DEV": 1, "URB": 1, "LIT": 1})
    pars = qcakit.minimize(tt, "parsimonious")
    _refused(lambda: qcakit.methods_paragraph(tt, pars, inter),
             "intermediate must be the intermediate solution", "got a parsimonious solution",
             "look swapped: pass the intermediate solution, then the parsimonious one")
    text = qcakit.methods_paragraph(tt, inter, pars)
    assert f"The intermediate solution {inter.expression} has" in text


def test_a_misspelt_keyword_names_the_closest_parameter():
    _refused(lambda: qcakit.truth_table(D, "Y", CONDS, incl_cuts=0.8),
             "unexpected keyword argument 'incl_cuts'", "Did you mean incl_cut=...?")


# ---------------------------------------------------------------------------------------------
# Frames


def test_number_column_names_are_refused_with_the_rename():
    data = D.set_axis([0, 1, 2, "Y"], axis=1)
    _refused(lambda: qcakit.truth_table(data, "Y", [0, 1]), "name 0 cannot be written")
    _refused(lambda: qcakit.necessity(data, "Y", [0, 1]), "name 0 cannot be written")
    _refused(lambda: qcakit.evaluate(data, "0*1", "Y"), "data.columns = data.columns.astype(str)")


def test_two_level_column_names_are_refused_with_the_join():
    data = D.copy()
    data.columns = pd.MultiIndex.from_tuples([("set", c) for c in D.columns])
    for call in (lambda: qcakit.truth_table(data, ("set", "Y")),
                 lambda: qcakit.necessity(data, ("set", "Y")),
                 lambda: qcakit.check_data(data, ("set", "Y"), [("set", "DEV")])):
        _refused(call, "column names on 2 levels", "'_'.join(map(str, c))")


def test_a_country_year_index_on_the_rows_works():
    rows = pd.MultiIndex.from_tuples([("AT", 1990), ("AT", 2000), ("BE", 1990), ("BE", 2000),
                                      ("CZ", 1990), ("CZ", 2000)], names=["country", "year"])
    data = D.set_axis(rows, axis=0)
    tt = qcakit.truth_table(data, "Y", CONDS)
    assert tt.table.equals(_tt().table.assign(
        cases=tt.table["cases"], inconsistent=tt.table["inconsistent"]))
    # hand: the case (AT, 1990) scores DEV .9, URB .8, LIT .9: row DEV*URB*LIT (id 8)
    assert tt.table.loc[8, "cases"].split(", ")[0] == "AT 1990"
    fit = qcakit.evaluate(data, "DEV*URB", "Y").table
    # hand: DEV*URB = .8 .7 .2 .2 .1 .75 (sum 2.75); min with Y = .8 .7 .2 .2 .1 .75 -> 1.0;
    # in both (> .5): the 1st, 2nd and 6th cases, (AT, 1990), (AT, 2000), (CZ, 2000)
    assert fit.loc["solution", "consistency"] == pytest.approx(1.0)
    assert fit.loc["solution", "cases"] == "AT 1990, AT 2000, CZ 2000"


def test_a_column_named_like_a_negation():
    data = D.rename(columns={"DEV": "~DEV"})
    _refused(lambda: qcakit.truth_table(data, "Y", ["~DEV", "URB"]),
             "'~DEV' cannot be written", "rename(columns={'~DEV': 'DEV'})")
    _refused(lambda: qcakit.necessity(data, "Y", ["~DEV"]), "'~DEV' cannot be written")
    _refused(lambda: qcakit.evaluate(data, "~DEV", "Y"),
             "the data have a column named '~DEV'", "'not_DEV'")


@pytest.mark.parametrize("call", [
    lambda: qcakit.suin(D, "Y", ["DEV", "Y"]),
    lambda: qcakit.check_data(D, "Y", ["DEV", "Y"]),
    lambda: qcakit.truth_table(D, "Y", ["DEV", "Y"]),
], ids=["suin", "check_data", "truth_table"])
def test_the_outcome_among_the_conditions_is_refused(call):
    _refused(call, "The outcome 'Y' is also in the conditions", "conditions=['DEV']")


def test_the_outcome_inside_a_diagnosed_expression_is_refused():
    data = D.assign(g=[1, 1, 1, 2, 2, 2])
    _refused(lambda: qcakit.cluster_diagnostics(data, "DEV + Y", "Y", "g"),
             "The outcome 'Y' appears in the expression 'DEV + Y'")


# ---------------------------------------------------------------------------------------------
# Expressions: the slips of other notations get the right fix


@pytest.mark.parametrize("expression, fragment", [
    ("DEV&URB", "Write '*' for and: 'DEV*URB'"),
    ("DEV|URB", "Write '+' for or: 'DEV + URB'"),
    ("!DEV", "Write '~': '~DEV'"),
    ("−DEV", "Write '~': '~DEV'"),           # unicode minus
    ("DEV*urb", "here write '~URB'"),        # R's lowercase negation, not "did you mean URB"
])
def test_other_notations_get_the_qca_notation(expression, fragment):
    _refused(lambda: qcakit.evaluate(D, expression, "Y"), fragment)
    _refused(lambda: qcakit.membership(D, expression), fragment)


def test_a_term_written_twice_is_listed_once():
    fit = qcakit.evaluate(D, "DEV*URB + URB*DEV + LIT", "Y").table
    assert fit.index.tolist() == ["DEV*URB", "LIT", "solution"]
    assert qcakit.parse("A*B + B*A") == ((("A", 1), ("B", 1)),)


# ---------------------------------------------------------------------------------------------
# The tautology "1" is a solution like any other
#
# Two conditions A, B; three cases. Row A*B (id 4) holds p; row ~A*~B (id 1) holds q and s.
# Hand computation (incl_cut 0.75):
#   row 4: members p .6, q .1, s .2 (sum .9); incl(Y) = (.55 + .1 + .2)/.9 = .944 -> 1;
#          incl(~Y) = (.45 + .1 + .2)/.9 = .833 -> 1
#   row 1: members p .4, q .9, s .7 (sum 2.0); incl(Y) = (.4 + .1 + .2)/2 = .35 -> 0;
#          incl(~Y) = (.4 + .9 + .7)/2 = 1.0 -> 1
# ~Y: every observed row is 1 and none is 0, so its parsimonious solution is "1" (every
# remainder, rows 2 and 3, assumed). Y: on {A*B}, off {~A*~B}: models A (assumes row 3) and B
# (assumes row 2). Contradictory simplifying assumptions: rows 2 and 3.
TAUT = pd.DataFrame({"A": [0.6, 0.1, 0.2], "B": [0.6, 0.1, 0.3], "Y": [0.55, 0.1, 0.2],
                     "g": [1, 2, 2]}, index=["p", "q", "s"])


def _taut_tt(negate=False):
    return qcakit.truth_table(TAUT, "Y", ["A", "B"], incl_cut=0.75, negate_outcome=negate)


def test_the_negated_outcome_is_explained_by_every_remainder():
    sol = qcakit.minimize(negated(_taut_tt()), "parsimonious")
    assert sol.expression == "1"
    assert sorted(sol.simplifying_assumptions.index) == [2, 3]


def test_tautology_flows_through_contradictory_assumptions_and_esa():
    tt = _taut_tt()
    assert contradictory_assumptions(tt).rows == [2, 3]
    assert contradictory_assumptions(_taut_tt(negate=True)).rows == [2, 3]
    ex = qcakit.esa(tt, contradictory=True)
    assert ex.rows == [2, 3]
    # with rows 2 and 3 barred, Y's only positive row is explained by A*B alone (hand)
    assert qcakit.minimize(tt, "parsimonious", exclude=ex).expression == "A*B"


def test_tautology_in_cluster_diagnostics():
    res = qcakit.cluster_diagnostics(TAUT, "1", "Y", "g").table.set_index("group")
    # hand: membership 1 for every case; consistency = sum(Y) / n, coverage = 1
    assert res.loc["all", "consistency"] == pytest.approx((0.55 + 0.1 + 0.2) / 3)
    assert res.loc["1", "consistency"] == pytest.approx(0.55)
    assert res.loc["2", "consistency"] == pytest.approx(0.15)
    assert (res["coverage"] == 1.0).all()


def test_tautology_in_theory_evaluation():
    sol = qcakit.minimize(negated(_taut_tt()), "parsimonious")
    ev = qcakit.theory_evaluation(TAUT, "A", sol)
    t = ev.table
    # ~S is empty (no case is in ~1); theory evaluation names it "empty in kind"
    assert t["expression"].tolist() == ["A", "(empty in kind)", "~A", "(empty in kind)"]
    assert t["empty_in_kind"].tolist() == [False, True, False, True]
    # hand: T*S = A; consistency for ~Y = (min(.6,.45) + min(.1,.9) + min(.2,.8)) / (.6+.1+.2)
    assert t.loc["T*S", "consistency"] == pytest.approx((0.45 + 0.1 + 0.2) / 0.9)
    assert np.isnan(t.loc["T*~S", "consistency"])
    assert ev.solution == "1"
    ev_text = qcakit.theory_evaluation(TAUT, "A", "1", "Y", negate_outcome=True)
    assert ev_text.table.equals(t)


def test_tautology_in_robustness():
    # every case is well inside the outcome: every observed row is consistent at 0.75 and 0.8,
    # so the initial and every test solution is "1" (hand: IS = MinTS = MaxTS = 1 everywhere,
    # hence every robustness figure is 1)
    raw = RAW.assign(OUT=[8.5, 9.0, 9.5, 8.8, 9.2, 9.9])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        r = qcakit.robustness(raw, CALIBRATION, "OUT", ["P", "Q"], incl_cuts=(0.75, 0.8))
    assert r.initial["solution"] == "1"
    assert r.fit == pytest.approx({"RF_cov": 1.0, "RF_cons": 1.0, "RF_SC_minTS": 1.0,
                                   "RF_SC_maxTS": 1.0})


def test_tautology_in_case_types():
    ct = qcakit.case_types(TAUT, "1", "Y")
    # hand: X = 1 for every case; p has Y .55 > .5 and X > Y: deviant in degree; q, s out
    assert ct.types["solution"].tolist() == ["deviant consistency in degree",
                                             "deviant consistency in kind",
                                             "deviant consistency in kind"]


# ---------------------------------------------------------------------------------------------
# Bounded search


def test_a_deep_suin_search_is_refused_with_the_numbers_and_the_depth_that_fits():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.uniform(size=(20, 16)).round(2),
                        columns=[f"C{i}" for i in range(15)] + ["Y"])
    message = _refused(lambda: qcakit.suin(data, "Y", depth=15))
    # hand: every non-empty set of up to 15 of 15 conditions, each present or negated:
    # sum_s C(15, s) 2^s = 3^15 - 1 = 14,348,906; at 20 cases the bound 4,000,000 allows
    # 200,000 expressions: depth 5 (30 + 420 + 3,640 + 21,840 + 96,096 = 122,026) fits,
    # depth 6 (+ 320,320) does not
    assert "tests 14,348,906 expressions" in message and "on 20 cases" in message
    assert "Use depth=5 (122,026 expressions)" in message
    assert qcakit.suin(data, "Y", depth=5).cuts["depth"] == 5


def test_two_long_expressions_over_ten_conditions_are_evaluated():
    rng = np.random.default_rng(0)
    cols = [f"C{i}" for i in range(10)]
    data = pd.DataFrame(rng.uniform(size=(20, 11)).round(2), columns=cols + ["Y"])
    theory = "C0*C1*~C2 + C3*C4 + ~C5*C6 + C7*~C8*C9 + C0*~C4 + C2*C8"
    solution = "C1*C5 + ~C0*C3*C9 + C4*~C6 + C2*C7 + ~C1*~C8 + C6*C9"
    ev = qcakit.theory_evaluation(data, theory, solution, "Y")
    # independent: the four intersections by fuzzy min / max / 1 - x on the columns
    x = data[cols]

    def dnf(terms):
        out = np.zeros(len(data))
        for term in terms:
            m = np.ones(len(data))
            for name, neg in term:
                m = np.minimum(m, 1 - x[name].to_numpy() if neg else x[name].to_numpy())
            out = np.maximum(out, m)
        return out

    t = dnf([[("C0", 0), ("C1", 0), ("C2", 1)], [("C3", 0), ("C4", 0)], [("C5", 1), ("C6", 0)],
             [("C7", 0), ("C8", 1), ("C9", 0)], [("C0", 0), ("C4", 1)], [("C2", 0), ("C8", 0)]])
    s = dnf([[("C1", 0), ("C5", 0)], [("C0", 1), ("C3", 0), ("C9", 0)], [("C4", 0), ("C6", 1)],
             [("C2", 0), ("C7", 0)], [("C1", 1), ("C8", 1)], [("C6", 0), ("C9", 0)]])
    np.testing.assert_allclose(ev.memberships["T*~S"], np.minimum(t, 1 - s))
    np.testing.assert_allclose(ev.memberships["~T*~S"], np.minimum(1 - t, 1 - s))
    # each label, read back by hand, gives the same memberships wherever a case is a member
    # in kind (above 0.5): the label leaves out only contradictory terms such as A*~A, which no
    # case is in above 0.5, so elsewhere it can only lie below the exact membership
    for key in ("T*S", "T*~S", "~T*S", "~T*~S"):
        label = ev.table.loc[key, "expression"]
        if "(" in label:  # "(empty in kind)", or a label left unexpanded
            continue
        terms = [[(lit.lstrip("~"), lit.startswith("~")) for lit in term.split("*")]
                 for term in label.split(" + ")]
        read, exact = dnf(terms), ev.memberships[key].to_numpy()
        member = exact > 0.5
        np.testing.assert_allclose(read[member], exact[member], atol=1e-12)
        assert np.all(read <= exact + 1e-12) and np.all(read[~member] <= 0.5)


def test_negate_outcome_beside_a_solution_of_the_outcome_is_refused_not_ignored():
    sol = _sol()
    for call in (lambda: qcakit.theory_evaluation(D, "DEV", sol, negate_outcome=True),
                 lambda: qcakit.case_types(solution=sol, negate_outcome=True)):
        _refused(call, "The solution was found for Y, so negate_outcome=True cannot apply")
    # a solution of the negated outcome carries its own negation
    neg = qcakit.minimize(negated(_tt()), "parsimonious")
    ev = qcakit.theory_evaluation(D, "DEV", neg, negate_outcome=True)
    assert ev.outcome_label == "~Y"
