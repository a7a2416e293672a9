"""Case types and case selection (qcakit.cases), checked against hand-computed small data."""
from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import qcakit  # noqa: E402
from qcakit import cases  # noqa: E402
from qcakit.cases import case_types  # noqa: E402

# Seven cases, expression "A + B". Expected types worked out by hand from the zones:
#   c1 A=.8 B=.2 Y=.9   A: .8<=.9 typical          B: out, Y in, solution .8 in -> irrelevant
#   c2 A=.7 B=.1 Y=.6   A: .7>.6 deviant in degree B: irrelevant
#   c3 A=.9 B=.3 Y=.2   A: deviant in kind         B: .3/.2 individually irrelevant
#   c4 A=.2 B=.3 Y=.8   solution .3 < .5: deviant coverage for A, B and the solution
#   c5 A=.1 B=.4 Y=.3   individually irrelevant everywhere
#   c6 A=.5 B=.9 Y=.95  A: on the crossover        B: typical; solution .9 typical
#   c7 A=.3 B=.6 Y=.5   Y = .5: on the crossover everywhere
TINY = pd.DataFrame(
    {"A": [0.8, 0.7, 0.9, 0.2, 0.1, 0.5, 0.3],
     "B": [0.2, 0.1, 0.3, 0.3, 0.4, 0.9, 0.6],
     "Y": [0.9, 0.6, 0.2, 0.8, 0.3, 0.95, 0.5]},
    index=[f"c{i}" for i in range(1, 8)],
)
TYP, DEG, KIND = "typical", "deviant consistency in degree", "deviant consistency in kind"
COV, IRR, IIR, HALF = "deviant coverage", "irrelevant", "individually irrelevant", "on the crossover"
EXPECTED = {
    "A": [TYP, DEG, KIND, COV, IIR, HALF, HALF],
    "B": [IRR, IRR, IIR, COV, IIR, TYP, HALF],
    "solution": [TYP, DEG, KIND, COV, IIR, TYP, HALF],
}


def test_hand_computed_types():
    ct = case_types(TINY, "A + B", "Y")
    for col, expected in EXPECTED.items():
        assert ct.types[col].tolist() == expected, col
    assert ct.memberships["solution"].tolist() == [0.8, 0.7, 0.9, 0.3, 0.4, 0.9, 0.6]


def test_counts_table():
    counts = case_types(TINY, "A + B", "Y").counts()
    assert counts.loc[TYP, "solution"] == 2 and counts.loc[IRR, "B"] == 2
    assert (counts.sum() == 7).all()
    assert counts.loc[IRR, "solution"] == 0


def test_most_typical_and_most_deviant_by_hand():
    ct = case_types(TINY, "A + B", "Y")
    most = ct.most(TYP).set_index("term")
    # solution: c1 2(.9-.8)+(1-.8) = .4, c6 2(.95-.9)+(1-.9) = .2 -> c6
    assert most.loc["solution", "case"] == "c6"
    assert most.loc["solution", "score"] == pytest.approx(0.2)
    assert most.loc["A", "case"] == "c1" and most.loc["A", "score"] == pytest.approx(0.4)
    kind = ct.most(KIND).set_index("term")
    # c3: 1 - (.9 - .2) + (1 - .9) = .4
    assert kind.loc["solution", "case"] == "c3"
    assert kind.loc["solution", "score"] == pytest.approx(0.4)
    cov = ct.ranked(COV)
    # c4 for the solution: 1 - (.8 - .3) + (1 - .8) = .7
    row = cov[cov["term"] == "solution"].iloc[0]
    assert row["case"] == "c4" and row["score"] == pytest.approx(0.7)


def test_ranked_orders_best_first():
    data = pd.DataFrame({"A": [0.9, 0.6, 0.7], "Y": [0.95, 0.9, 0.7]}, index=["p", "q", "r"])
    r = case_types(data, "A", "Y").ranked(TYP)
    sol = r[r["term"] == "solution"]
    # p: 2(.05)+.1 = .2; q: 2(.3)+.4 = 1.0; r: 0 + .3 = .3
    assert sol["case"].tolist() == ["p", "r", "q"]
    assert sol["score"].tolist() == pytest.approx([0.2, 0.3, 1.0])


def test_pairs_by_hand():
    pairs = case_types(TINY, "A + B", "Y").pairs()
    p = pairs.set_index(["term", "comparison"])
    # A: typical c1 vs deviant in kind c3: |.8-.9| + |.2-.3| = .2
    row = p.loc[("A", f"{TYP} vs {KIND}")]
    assert (row["case_1"], row["case_2"]) == ("c1", "c3")
    assert row["distance"] == pytest.approx(0.2)
    # A: typical c1 vs individually irrelevant c5: .7 + .2 = .9
    row = p.loc[("A", f"{TYP} vs {IIR}")]
    assert (row["case_1"], row["case_2"], round(row["distance"], 6)) == ("c1", "c5", 0.9)
    # solution: deviant coverage c4 vs the nearest typical case of any term: c1 (.7) not c6 (.9)
    row = p.loc[("solution", f"{COV} vs {TYP}")]
    assert (row["case_1"], row["case_2"]) == ("c4", "c1")
    assert row["distance"] == pytest.approx(0.7)
    assert ("A", f"{COV} vs {TYP}") not in p.index  # deviant coverage pairs: solution only


def test_solution_input_matches_expression_input():
    data = qcakit.datasets.load("lipset_fuzzy")
    conds = ["DEV", "URB", "LIT", "IND", "STB"]
    sol = qcakit.minimize(qcakit.truth_table(data, "SURV", conds, incl_cut=0.8), "parsimonious")
    a = case_types(solution=sol)
    b = case_types(data, sol.expression, "SURV")
    pd.testing.assert_frame_equal(a.types, b.types)
    assert list(a.conditions.columns) == conds


def test_negated_outcome():
    ct = case_types(TINY, "A", "Y", negate_outcome=True)
    # c3: A .9 > ~Y .8 -> deviant in degree; c1: A .8, ~Y .1 -> deviant in kind;
    # c5: A .1, ~Y .7 -> deviant coverage
    assert ct.types.loc[["c3", "c1", "c5"], "solution"].tolist() == [DEG, KIND, COV]
    assert ct.outcome.name == "~Y"


def test_plot_legend_and_short_labels():
    data = TINY.rename(columns={"A": "VERYLONGCONDITIONNAME", "B": "ANOTHERLONGNAME"})
    ct = case_types(data, "VERYLONGCONDITIONNAME*~ANOTHERLONGNAME + ANOTHERLONGNAME", "Y")
    ax = ct.plot(ct.memberships.columns[0])
    assert len(ax.get_xlabel()) <= 18 and ax.get_xlabel().endswith("…")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert set(labels) == set(ct.types.iloc[:, 0])
    ax = ct.plot()
    assert ax.get_xlabel() == "solution"
    assert ax.figure.get_size_inches()[0] <= 7


def test_plot_all_one_panel_per_term_and_one_legend():
    ct = case_types(TINY, "A + B", "Y")
    fig = ct.plot_all()
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["A", "B", "solution"]
    assert all(ax.get_legend() is None for ax in visible)
    (legend,) = fig.legends
    assert {t.get_text() for t in legend.get_texts()} == set(ct.types.stack())
    assert fig.get_size_inches()[0] <= 9.5


def test_repr():
    ct = case_types(TINY, "A + B", "Y")
    assert "Case types for Y: A + B" in repr(ct)
    assert "deviant coverage" in ct._repr_html_()


def test_errors():
    with pytest.raises(qcakit.QCAInputError, match="Unknown condition 'C'"):
        case_types(TINY, "A + C", "Y")
    with pytest.raises(qcakit.QCAInputError, match="Unknown outcome 'Z'"):
        case_types(TINY, "A", "Z")
    with pytest.raises(qcakit.QCAInputError, match="needs the data and the outcome"):
        case_types(expression="A")
    ct = case_types(TINY, "A + B", "Y")
    with pytest.raises(qcakit.QCAInputError, match="Unknown term 'C': use one of 'A', 'B', 'solution'"):
        ct.plot("C")
    with pytest.raises(qcakit.QCAInputError, match="kind must be one of 'typical'"):
        ct.ranked("irrelevant")


def _zone(x, y, s, is_solution):
    """Independent reading of the zone table in the module docstring."""
    if x == 0.5 or y == 0.5:
        return HALF
    if x > 0.5:
        return KIND if y < 0.5 else (TYP if x <= y else DEG)
    if y < 0.5:
        return IIR
    return COV if (is_solution or s < 0.5) else IRR


grid = st.sampled_from([0.0, 0.1, 0.3, 0.5, 0.6, 0.8, 1.0])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(grid, grid, grid, grid), min_size=2, max_size=12),
       st.sampled_from(["A", "A*~B", "A + B", "A*B + ~A*C", "~C + A*B"]))
def test_every_case_gets_exactly_the_zone_type(rows, expression):
    data = pd.DataFrame(rows, columns=["A", "B", "C", "Y"])
    if data["Y"].sum() == 0:
        data.loc[0, "Y"] = 0.8
    ct = case_types(data, expression, "Y")
    sol = ct.memberships["solution"].to_numpy()
    y = data["Y"].to_numpy()
    for col in ct.types.columns:
        x = ct.memberships[col].to_numpy()
        for i in range(len(data)):
            assert ct.types[col].iloc[i] == _zone(x[i], y[i], sol[i], col == "solution")
    assert ct.types.isin(cases.TYPES).all().all()
    assert (ct.counts().sum() == len(data)).all()
    assert not (ct.types["solution"] == IRR).any()
    # a case of deviant coverage for the solution is so for every term
    dcov = ct.types["solution"] == COV
    assert (ct.types[dcov] == COV).all().all()
    # the most typical case of each column is typical and has the smallest score
    for _, row in ct.most(TYP).iterrows():
        assert ct.types.loc[row["case"], row["term"]] == TYP


# ---- reference: SetMethods 4.0 on the Lipset data (tests/data/reference/README.md) ----------
REF = Path(__file__).parent / "data" / "reference" / "setmethods_cases_rob_lipset.json"


def lipset_case_types():
    data = qcakit.datasets.load("lipset_fuzzy")
    conds = ["DEV", "URB", "LIT", "IND", "STB"]
    sol = qcakit.minimize(qcakit.truth_table(data, "SURV", conds, incl_cut=0.8), "parsimonious")
    return sol, case_types(solution=sol)


def test_lipset_typical_cases_match_setmethods():
    ref = json.loads(REF.read_text())
    sol, ct = lipset_case_types()
    assert sorted(sol.terms) == sorted(ref["IS"])
    ranked = ct.ranked(TYP)
    terms = ranked[ranked["term"] != "solution"]
    got = {(r.term, r.case): round(r.score, 2) for r in terms.itertuples()}
    want = {(r["Term"], r["Case"]): r["Best"] for r in ref["typ"]}
    assert got.keys() == want.keys()
    for key, value in want.items():
        assert got[key] == pytest.approx(value, abs=0.006)
    most = {(r.term, r.case) for r in ct.most(TYP).itertuples() if r.term != "solution"}
    assert most == {(r["Term"], r["Case"]) for r in ref["typ"] if r["MostTyp"]}


def test_lipset_deviant_and_irrelevant_cases_match_setmethods():
    ref = json.loads(REF.read_text())
    _, ct = lipset_case_types()
    terms = ct.types.drop(columns="solution")
    assert not (terms == KIND).any().any() and ref["dcn"] == []
    sol = ct.types["solution"]
    assert set(sol.index[sol == COV]) == {r["Case"] for r in ref["dcv"]}
    assert set(sol.index[sol == IIR]) == {r["Case"] for r in ref["iir"]}


def test_plot_names_terms_with_the_short_names_given():
    d = pd.DataFrame({"A": [0.8, 0.9, 0.2], "B": [0.7, 0.2, 0.9], "Y": [0.9, 0.6, 0.8]},
                     index=["a", "b", "c"])
    ct = case_types(d, "A*B + ~A*B", "Y")
    fig = ct.plot_all(names={"A*B": "S1", "~A*B": "S2"}, label_cases=False)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible()]
    assert titles == ["S1", "S2", "solution"]
    assert ct.plot("A*B", name="S1").get_xlabel() == "S1"


def test_model_choice_and_expression_give_the_same_types_and_pairs():
    from qcakit.studies import xu2024
    data = xu2024.calibrated()
    tt = qcakit.truth_table(data, xu2024.OUTCOME, xu2024.CONDITIONS, incl_cut=0.8)
    sol = qcakit.minimize(tt, "parsimonious")
    assert len(sol.models) == 5
    for model in (0, 2, 4):
        a = case_types(solution=sol, model=model)
        b = case_types(data, sol.expressions[model], xu2024.OUTCOME)
        assert a.expression == sol.expressions[model]
        pd.testing.assert_frame_equal(a.types, b.types)
        pd.testing.assert_frame_equal(a.pairs(), b.pairs())
    with pytest.raises(qcakit.QCAInputError, match="model must be 0 to 4"):
        case_types(solution=sol, model=5)
    with pytest.raises(qcakit.QCAInputError, match="must include the expression's conditions"):
        case_types(data, "SCALE*ORG", xu2024.OUTCOME, conditions=["ORG"])


def test_pairs_leave_out_columns_that_are_not_memberships():
    data = TINY.assign(year=[2001, 2002, 2003, 2004, 2005, 2006, 2007])
    a = case_types(data, "A + B", "Y").pairs()
    b = case_types(TINY, "A + B", "Y").pairs()
    pd.testing.assert_frame_equal(a, b)
