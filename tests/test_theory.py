"""Theory evaluation (qcakit.theory): hand-computed intersections, negation laws, errors."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qcakit
from qcakit import QCAInputError
from qcakit.sets import membership, parse, to_string
from qcakit.theory import intersect, negate, theory_evaluation

DATA = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2],
                     "Y": [0.8, 0.6, 0.7, 0.1]}, index=list("pqrs"))


def test_hand_computed_intersections():
    # T = A = (.9,.8,.2,.1); S = A*B + ~A*B = max(min(a,b), min(1-a,b)) = (.7,.3,.8,.2).
    # T*S = (.7,.3,.2,.1): sum 1.3, min with Y = 1.3 -> consistency 1.0, coverage 1.3/2.2.
    # T*~S = min(a, 1-s) = (.3,.7,.2,.1): min Y = .3+.6+.2+.1 = 1.2 -> 1.2/1.3; cov 1.2/2.2.
    # ~T*S = min(1-a, s) = (.1,.2,.8,.2): min Y = .1+.2+.7+.1 = 1.1 -> 1.1/1.3; cov 1.1/2.2.
    # ~T*~S = (.1,.2,.2,.8): min Y = .1+.2+.2+.1 = 0.6 -> 0.6/1.3; cov 0.6/2.2.
    ev = theory_evaluation(DATA, "A", "A*B + ~A*B", "Y")
    t = ev.table
    assert t["consistency"].tolist() == pytest.approx([1.0, 1.2 / 1.3, 1.1 / 1.3, 0.6 / 1.3])
    assert t["coverage"].tolist() == pytest.approx([1.3 / 2.2, 1.2 / 2.2, 1.1 / 2.2, 0.6 / 2.2])
    # cases > 0.5: p in T*S (Y .8), q in T*~S (Y .6), r in ~T*S (Y .7), s in ~T*~S (Y .1)
    assert t["cases_Y"].tolist() == ["p", "q", "r", ""]
    assert t["cases_not_Y"].tolist() == ["", "", "", "s"]
    assert t.loc["T*~S", "reading_Y"] == "uncovered, most likely"
    assert t.loc["~T*~S", "reading_not_Y"] == "consistent, least likely"
    # ~S = ~(A*B + ~A*B) = (~A + ~B)*(A + ~B) = ~B + A*~A (A*~A is not 0 in fuzzy sets, but
    # no case is in it in kind: the labels leave it out)
    assert t["expression"].tolist() == ["A*B", "A*~B", "~A*B", "~A*~B"]
    assert not t["empty_in_kind"].any()
    assert "A*~A are left out" in repr(ev)
    # PRI by hand, T*~S = (.3,.7,.2,.1), Y = (.8,.6,.7,.1): min(X,Y) = 1.2, min(X,Y,~Y) =
    # .2+.4+.2+.1 = .9 -> (1.2 - .9) / (1.3 - .9) = .75; T alone: (1.7 - .9) / (2.0 - .9)
    assert t.loc["T*~S", "PRI"] == pytest.approx(0.75)
    assert ev.fit.loc["T"].tolist() == pytest.approx([1.7 / 2.0, 0.8 / 1.1, 1.7 / 2.2])
    assert ev.memberships["T*~S"].tolist() == pytest.approx([0.3, 0.7, 0.2, 0.1])


def test_solution_object_gives_outcome_and_model():
    data = qcakit.datasets.load("lipset_fuzzy")
    tt = qcakit.truth_table(data, "SURV", ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
    sol = qcakit.minimize(tt, "parsimonious")
    ev = theory_evaluation(data, "DEV*STB", sol)
    assert ev.solution == sol.expression and ev.outcome_label == "SURV"
    s = membership(data, sol.expression).to_numpy()
    t = np.minimum(data["DEV"], data["STB"]).to_numpy()
    y = data["SURV"].to_numpy()
    ts = np.minimum(t, s)
    assert ev.table.loc["T*S", "consistency"] == pytest.approx(np.minimum(ts, y).sum() / ts.sum())
    assert "T = DEV*STB" in repr(ev) and "<table" in ev._repr_html_()


def test_negated_outcome_and_exact_half_note():
    data = DATA.assign(Y=[0.8, 0.5, 0.7, 0.1])
    ev = theory_evaluation(data, "A", "B", "Y", negate_outcome=True)
    assert ev.outcome_label == "~Y"
    # ~Y = (.2,.5,.3,.9): T*S = min(A,B) = (.7,.3,.2,.1) -> min ~Y = .2+.3+.2+.1 = .8 over 1.3
    assert ev.table.loc["T*S", "consistency"] == pytest.approx(0.8 / 1.3)
    assert "exactly 0.5" in repr(ev)


def test_empty_intersection_is_blank_and_noted():
    ev = theory_evaluation(DATA.assign(C=1.0), "C", "C", "Y")
    # ~C = 0 everywhere, so T*~S, ~T*S and ~T*~S have no membership at all
    assert np.isnan(ev.table.loc["T*~S", "consistency"])
    assert "T*~S is empty" in repr(ev)


@pytest.mark.parametrize("expression, expected", [
    ("A*B + C", "~A*~C + ~B*~C"),
    ("A + ~A", "A*~A"),
    ("A*B + ~A*~B", "A*~B + ~A*B"),
    ("~A", "A"),
])
def test_negation_by_hand(expression, expected):
    assert to_string(negate(parse(expression))) == expected


literal = st.tuples(st.sampled_from("ABC"), st.integers(0, 1))
term = st.lists(literal, min_size=1, max_size=3, unique_by=lambda lit: lit[0]).map(tuple)
expression = st.lists(term, min_size=1, max_size=4).map(tuple)
values = st.lists(st.floats(0, 1), min_size=3, max_size=3)


@settings(max_examples=150, deadline=None)
@given(expression, st.lists(values, min_size=1, max_size=5))
def test_negation_is_one_minus_membership(expr, rows):
    data = pd.DataFrame(rows, columns=list("ABC"))
    got = membership(data, negate(expr)).to_numpy()
    assert got == pytest.approx(1.0 - membership(data, expr).to_numpy(), abs=1e-12)


@settings(max_examples=100, deadline=None)
@given(expression, expression, st.lists(values, min_size=1, max_size=5))
def test_intersection_is_the_minimum(e1, e2, rows):
    data = pd.DataFrame(rows, columns=list("ABC"))
    got = membership(data, intersect(e1, e2)).to_numpy()
    want = np.minimum(membership(data, e1), membership(data, e2)).to_numpy()
    assert got == pytest.approx(want, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(expression, expression, st.lists(values, min_size=2, max_size=6))
def test_intersections_cover_every_case(theory, solution, rows):
    # For every case, max(T*S, T*~S, ~T*S, ~T*~S) = max(min(t,1-t), ...) >= 0.5.
    data = pd.DataFrame(rows, columns=list("ABC")).assign(Y=0.6)
    ev = theory_evaluation(data, to_string(theory), to_string(solution), "Y")
    parts = ev.memberships[["T*S", "T*~S", "~T*S", "~T*~S"]].to_numpy()
    assert (parts.max(axis=1) >= 0.5 - 1e-12).all()


@pytest.mark.parametrize("args, kwargs, message", [
    (("A*Q", "B", "Y"), {}, "Unknown condition in the theory 'Q'"),
    (("A", "B*Z", "Y"), {}, "Unknown condition in the solution 'Z'"),
    (("A", "B"), {}, "Name the outcome column"),
    (("A", 3.5, "Y"), {}, "solution must be an expression such as 'A*B + C'"),
    (("A", "B", "W"), {}, "Unknown outcome 'W'"),
])
def test_bad_input_messages(args, kwargs, message):
    with pytest.raises(QCAInputError) as err:
        theory_evaluation(DATA, *args, **kwargs)
    assert message in str(err.value)


def test_solution_object_errors():
    tt = qcakit.truth_table(DATA, "Y", ["A", "B"], incl_cut=0.8)
    sol = qcakit.minimize(tt, "complex")
    with pytest.raises(QCAInputError, match="found for outcome 'Y', not 'A'"):
        theory_evaluation(DATA, "A", sol, "A")
    with pytest.raises(QCAInputError, match=r"model must be 0 to 0"):
        theory_evaluation(DATA, "A", sol, model=3)


def test_non_membership_data_is_refused():
    with pytest.raises(QCAInputError, match="'A' is not a set membership"):
        theory_evaluation(DATA.assign(A=[2.0, 0, 0, 0]), "A", "B", "Y")


REFERENCE = Path(__file__).parent / "data" / "reference"
CELLS = {"TSY": ("T*S", "cases_Y"), "~TSY": ("~T*S", "cases_Y"), "T~SY": ("T*~S", "cases_Y"),
         "~T~SY": ("~T*~S", "cases_Y"), "TS~Y": ("T*S", "cases_not_Y"),
         "~TS~Y": ("~T*S", "cases_not_Y"), "T~S~Y": ("T*~S", "cases_not_Y"),
         "~T~S~Y": ("~T*~S", "cases_not_Y")}
NOT_TERMS = {"_rownames", "Sol.Formula", "Theory", "T*S", "~T*S", "T*~S", "~T*~S", "Outcome"}


def _theory_entries():
    ref = json.loads((REFERENCE / "e_theory_lipset.json").read_text())
    for key, entry in ref.items():
        if isinstance(entry, dict) and "fit" in entry:
            yield pytest.param(entry, id=key)


@pytest.mark.parametrize("entry", list(_theory_entries()))
def test_matches_R_theory_evaluation(entry):
    # R 4.2.2, SetMethods 4.0 theory.evaluation on Lipset; see data/reference/PROVENANCE_suin.md.
    # The solution is the sum of the term columns SetMethods reports in its data table.
    theory = entry["call"].split('theory="')[1].split('"')[0]
    solution = " + ".join(k for k in entry["data"] if k not in NOT_TERMS)
    data = qcakit.datasets.load("lipset_fuzzy")
    ev = theory_evaluation(data, theory, solution, "SURV")
    for col in ("T*S", "~T*S", "T*~S", "~T*~S"):
        assert ev.memberships[col].tolist() == pytest.approx(entry["data"][col], abs=1e-9)
    for cell, (row, column) in CELLS.items():
        names = entry["cases"][cell]["CaseNames"]
        want = [] if names == "No cases in this intersection" else names
        got = ev.table.loc[row, column]
        assert (got.split(", ") if got else []) == want, cell
    fit = dict(zip(entry["fit"]["_rownames"], zip(entry["fit"]["Cons.Suf"],
                                                   entry["fit"]["Cov.Suf"])))
    for row in ("T*S", "~T*S", "T*~S", "~T*~S"):  # SetMethods rounds to 3-4 digits
        assert ev.table.loc[row, "consistency"] == pytest.approx(fit[row][0], abs=5e-4)
        assert ev.table.loc[row, "coverage"] == pytest.approx(fit[row][1], abs=5e-4)


def _crisp_truth(expression_text, names):
    """Truth value of a sum of products in every binary assignment of ``names`` (brute force)."""
    from itertools import product
    terms = [] if not expression_text else [
        [(lit.lstrip("~"), 0 if lit.startswith("~") else 1) for lit in term.strip().split("*")]
        for term in expression_text.split("+")]
    out = []
    for values in product((0, 1), repeat=len(names)):
        v = dict(zip(names, values))
        out.append(any(all(v[n] == b for n, b in term) for term in terms))
    return out


@pytest.mark.parametrize("entry", list(_theory_entries()))
def test_labels_pri_and_theory_fit_match_R(entry):
    """Labels without contradictory terms name the same crisp sets as SetMethods' minimized
    labels ('' = empty: our "(empty in kind)"); PRI of each intersection and the fit of T and
    S alone equal QCA::pof on SetMethods' memberships (full precision)."""
    theory = entry["call"].split('theory="')[1].split('"')[0]
    solution = " + ".join(k for k in entry["data"] if k not in NOT_TERMS)
    ev = theory_evaluation(qcakit.datasets.load("lipset_fuzzy"), theory, solution, "SURV")
    names = ["DEV", "URB", "LIT", "IND", "STB"]
    keys = {"TE": "T*S", "tE": "~T*S", "Te": "T*~S", "te": "~T*~S"}
    for r_key, row in keys.items():
        theirs = entry["intersections_boolean"][r_key]
        ours = ev.table.loc[row, "expression"]
        assert ev.table.loc[row, "empty_in_kind"] == (theirs == "")
        ours = "" if ev.table.loc[row, "empty_in_kind"] else ours
        assert _crisp_truth(ours, names) == _crisp_truth(theirs, names), row
    pof = entry["fit_full_precision_pof"]
    for row in keys.values():
        assert ev.table.loc[row, "PRI"] == pytest.approx(pof[row]["PRI"], abs=1e-9)
    for ours, theirs in (("T", "Theory"), ("S", "Sol.Formula")):
        assert ev.fit.loc[ours].tolist() == pytest.approx(
            [pof[theirs]["inclS"], pof[theirs]["PRI"], pof[theirs]["covS"]], abs=1e-9)
