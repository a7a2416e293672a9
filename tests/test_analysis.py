"""Necessity, truth tables, solutions and charts: hand-computed values and the Lipset data."""
import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit import fit
from qcakit import QCAInputError, QCAWarning

# A hand-sized example: four cases, two conditions.
SMALL = pd.DataFrame(
    {"A": [0.9, 0.8, 0.2, 0.1], "B": [0.7, 0.3, 0.9, 0.2], "Y": [0.8, 0.6, 0.3, 0.1]},
    index=["p", "q", "r", "s"],
)
LIPSET = ["DEV", "URB", "LIT", "IND", "STB"]


def lipset():
    return qcakit.datasets.load("lipset_fuzzy")


# --- necessity -------------------------------------------------------------------------------

def test_necessity_by_hand():
    table = qcakit.necessity(SMALL, "Y", ["A"]).table
    # sum min(A, Y) = 0.8 + 0.6 + 0.2 + 0.1 = 1.7; sum Y = 1.8; sum A = 2.0
    assert table.loc["A", "consistency"] == pytest.approx(1.7 / 1.8)
    assert table.loc["A", "coverage"] == pytest.approx(1.7 / 2.0)
    # RoN = sum(1 - A) / sum(1 - min(A, Y)) = 2.0 / 2.3
    assert table.loc["A", "RoN"] == pytest.approx(2.0 / 2.3)
    assert list(table.index) == ["A", "~A"]


def test_necessity_of_a_disjunction_and_negated_outcome():
    table = qcakit.necessity(SMALL, "Y", ["A + B"], negate_outcome=True).table
    union = np.maximum(SMALL.A, SMALL.B)
    not_y = 1 - SMALL.Y
    assert table.loc["A + B", "consistency"] == pytest.approx(
        np.minimum(union, not_y).sum() / not_y.sum())


def test_necessary_lists_conditions_above_threshold():
    result = qcakit.necessity(SMALL, "Y", ["A", "B"])
    assert result.necessary() == ["A"]
    assert result.necessary(0.5) == ["A", "B", "~B"]
    assert "<table" in result._repr_html_()


def test_necessity_bad_input():
    with pytest.raises(QCAInputError, match="Unknown outcome 'y'.*Did you mean 'Y'"):
        qcakit.necessity(SMALL, "y")
    with pytest.raises(QCAInputError, match="has no membership at all"):
        qcakit.necessity(SMALL.assign(Y=0.0), "Y")
    with pytest.raises(QCAInputError, match=r"'A' is not a set membership: case 'p' has 9"):
        qcakit.necessity(SMALL.assign(A=[9, 1, 0, 0]), "Y")


# --- truth tables ----------------------------------------------------------------------------

def test_truth_table_rows_by_hand():
    tt = qcakit.truth_table(SMALL, "Y", ["A", "B"], incl_cut=0.8, sort_by=None)
    assert list(tt.table.index) == [1, 2, 3, 4]
    row = tt.table.loc[4]  # A*B: memberships min(A, B) = 0.7, 0.3, 0.2, 0.1
    assert row["incl"] == pytest.approx((0.7 + 0.3 + 0.2 + 0.1) / 1.3)
    assert row["cases"] == "p" and row["n"] == 1
    assert tt.n_remainders == 0
    assert tt.memberships.loc["q", 4] == pytest.approx(0.3)


def test_contradictions_pri_and_frequency_cuts():
    tt = qcakit.truth_table(SMALL, "Y", ["A", "B"], incl_cut=(0.99, 0.5), sort_by=None)
    assert tt.table["OUT"].tolist() == ["0", "C", "C", "1"]
    tt = qcakit.truth_table(SMALL, "Y", ["A", "B"], incl_cut=0.5, pri_cut=0.9, sort_by=None)
    pri = tt.table["PRI"]
    assert all(tt.table.loc[pri < 0.9, "OUT"] == "0")
    tt = qcakit.truth_table(SMALL, "Y", ["A", "B"], n_cut=2)
    assert set(tt.table["OUT"]) == {"?"} and tt.n_remainders == 4


def test_cut_tolerance_matches_r_qca():
    data = pd.DataFrame({"A": [1.0, 1.0, 0.0], "Y": [1.0, 0.6, 0.2]})
    tt = qcakit.truth_table(data, "Y", ["A"], incl_cut=0.8)  # incl of A is exactly 0.8
    assert tt.table.loc[2, "OUT"] == "1"


def test_case_at_half_belongs_to_no_row():
    data = SMALL.assign(A=[0.9, 0.5, 0.2, 0.1])
    with pytest.warns(QCAWarning, match="belong to no row: q"):
        tt = qcakit.truth_table(data, "Y", ["A", "B"])
    assert "q" not in ", ".join(tt.table["cases"])


def test_truth_table_bad_input():
    with pytest.raises(QCAInputError, match="cannot also be a condition"):
        qcakit.truth_table(SMALL, "Y", ["A", "Y"])
    with pytest.raises(QCAInputError, match="is reversed"):
        qcakit.truth_table(SMALL, "Y", ["A"], incl_cut=(0.5, 0.8))
    with pytest.raises(QCAInputError, match="n_cut must be a whole number"):
        qcakit.truth_table(SMALL, "Y", ["A"], n_cut=0)
    with pytest.raises(QCAInputError, match="Unknown condition 'C'"):
        qcakit.truth_table(SMALL, "Y", ["A", "C"])


def test_lipset_truth_table_matches_r_qca():
    # R: truthTable(LF, SURV, incl.cut = 0.8) -- rows 32 (BE, CZ, NL, UK) and 22 (FI, IE) are 1
    tt = qcakit.truth_table(lipset(), "SURV", LIPSET, incl_cut=0.8)
    ones = tt.table[tt.table.OUT == "1"]
    assert list(ones.index) == [32, 22]
    assert ones.loc[32, "cases"] == "BE, CZ, NL, UK"
    assert round(ones.loc[32, "incl"], 3) == 0.904 and round(ones.loc[22, "PRI"], 3) == 0.719


# --- minimization against R's QCA (Lipset fuzzy data, printed in its test suite) ------------

@pytest.mark.parametrize(
    "cut, complex_, parsimonious, intermediate",
    [
        (0.7, "DEV*~URB*LIT*STB + DEV*LIT*IND*STB", "DEV*STB", "DEV*LIT*STB"),
        (0.8, "DEV*URB*LIT*IND*STB + DEV*~URB*LIT*~IND*STB", "DEV*~IND + URB*STB",
         "DEV*URB*LIT*STB + DEV*LIT*~IND*STB"),
    ],
)
def test_lipset_solutions_match_r_qca(cut, complex_, parsimonious, intermediate):
    tt = qcakit.truth_table(lipset(), "SURV", LIPSET, incl_cut=cut)
    assert qcakit.minimize(tt, "complex").expressions == [complex_]
    assert qcakit.minimize(tt, "parsimonious").expressions == [parsimonious]
    assert qcakit.minimize(tt, "intermediate", LIPSET).expressions == [intermediate]


def test_lipset_parameters_match_r_qca():
    # R prints inclS PRI covS covU: 0.809 0.761 0.433 0.196 / 0.843 0.821 0.622 0.385 /
    # M1 0.871 0.851 0.818
    tt = qcakit.truth_table(lipset(), "SURV", LIPSET, incl_cut=0.7)
    p = qcakit.minimize(tt, "complex").parameters().round(3)
    assert p[["consistency", "PRI", "raw_coverage"]].values.tolist() == [
        [0.809, 0.761, 0.433], [0.843, 0.821, 0.622], [0.871, 0.851, 0.818]]
    assert p["unique_coverage"].iloc[:2].tolist() == [0.196, 0.385]


def test_intermediate_counterfactuals_lipset():
    tt = qcakit.truth_table(lipset(), "SURV", LIPSET, incl_cut=0.8)
    sol = qcakit.minimize(tt, "intermediate", LIPSET)
    # the one easy counterfactual: DEV*URB*LIT*~IND*STB (row 30)
    assert list(sol.easy_counterfactuals.index) == [30]
    assert 30 not in sol.difficult_counterfactuals.index
    assert len(sol.difficult_counterfactuals) == 11


def test_no_expectations_gives_the_complex_solution():
    tt = qcakit.truth_table(lipset(), "SURV", LIPSET, incl_cut=0.8)
    sol = qcakit.minimize(tt, "intermediate", {"DEV": "-"})
    assert sol.expressions == qcakit.minimize(tt, "complex").expressions
    assert sol.easy_counterfactuals.empty


def test_configuration_chart_lipset():
    tt = qcakit.truth_table(lipset(), "SURV", LIPSET, incl_cut=0.8)
    chart = qcakit.configuration_chart(qcakit.minimize(tt, "intermediate", LIPSET),
                                       qcakit.minimize(tt, "parsimonious"))
    # intermediate DEV*URB*LIT*STB lies in parsimonious URB*STB; DEV*LIT*~IND*STB in DEV*~IND
    assert chart.table["1"].tolist() == ["peripheral present", "core present",
                                         "peripheral present", "", "core present"]
    assert chart.table["2"].tolist() == ["core present", "", "peripheral present",
                                         "core absent", "peripheral present"]
    assert chart.solution_consistency == pytest.approx(
        qcakit.minimize(tt, "intermediate", LIPSET).consistency)
    assert "⊗" in chart._repr_html_()


def test_evaluate_a_published_configuration():
    fit = qcakit.evaluate(lipset(), "DEV*STB", "SURV").table
    assert round(fit.loc["DEV*STB", "consistency"], 3) == 0.869
    assert round(fit.loc["DEV*STB", "raw_coverage"], 3) == 0.824


def test_minimize_bad_input():
    tt = qcakit.truth_table(SMALL.assign(Y=0.2), "Y", ["A", "B"])
    with pytest.raises(QCAInputError, match="No truth-table row has OUT = 1"):
        qcakit.minimize(tt)
    tt = qcakit.truth_table(SMALL, "Y", ["A", "B"])
    with pytest.raises(QCAInputError, match="Unknown solution type 'simple'"):
        qcakit.minimize(tt, "simple")
    with pytest.raises(QCAInputError, match="only apply to solution='intermediate'"):
        qcakit.minimize(tt, "complex", {"A": 1})
    with pytest.raises(QCAInputError, match="'C', which is not a condition"):
        qcakit.minimize(tt, "intermediate", {"C": 1})
    with pytest.raises(QCAInputError, match="must be 1 \\(present\\), 0 \\(absent\\) or '-'"):
        qcakit.minimize(tt, "intermediate", {"A": 2})
    with pytest.raises(QCAInputError, match="takes a truth table"):
        qcakit.minimize(SMALL)


def test_too_many_conditions_is_refused_before_starting():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.random((30, 18)), columns=[f"C{i}" for i in range(18)])
    data["Y"] = rng.random(30)
    tt = qcakit.truth_table(data, "Y", [f"C{i}" for i in range(18)], incl_cut=0.5)
    with pytest.raises(QCAInputError, match="pass max_conditions=18"):
        qcakit.minimize(tt, "parsimonious")


def test_sets_parsing_and_errors():
    assert qcakit.parse("A*~B + ~~C") == ((("A", 1), ("B", 0)), (("C", 1),))
    with pytest.raises(QCAInputError, match="appears twice"):
        qcakit.parse("A*~A")
    with pytest.raises(QCAInputError, match="dangling"):
        qcakit.parse("A + ")
    with pytest.raises(QCAInputError, match="parentheses are not supported"):
        qcakit.parse("(A + B)*C")


def test_pri_undefined_raises_or_reports_nan_with_warning():
    # X <= min(Y, ~Y) everywhere: X is a subset of Y and of ~Y, PRI = 0/0.
    x, y = np.array([0.2, 0.0, 0.4]), np.array([0.5, 0.3, 0.6])
    with pytest.raises(QCAInputError, match="PRI is undefined"):
        fit.pri(x, y)
    with pytest.warns(QCAWarning, match="NaN"):
        assert np.isnan(fit.pri(x, y, undefined="nan"))
    data = pd.DataFrame({"X": x, "Y": y}, index=list("abc"))
    with pytest.warns(QCAWarning):
        table = qcakit.evaluate(data, "X", "Y").table
    assert table.loc["X", "consistency"] == pytest.approx(1.0)
    assert np.isnan(table.loc["X", "PRI"])


def test_chart_takes_cores_from_one_parsimonious_model_and_names_it():
    from qcakit.studies import xu2024

    tt = qcakit.truth_table(xu2024.calibrated(), "CAPACITY", xu2024.CONDITIONS, incl_cut=0.8)
    pars = qcakit.minimize(tt, "parsimonious")
    assert len(pars.models) > 1
    chart = qcakit.configuration_chart(qcakit.minimize(tt, "intermediate", {"ORG": 1}), pars)
    for note in chart.notes:
        if "several parsimonious terms" in note:
            listed = note.split("(", 1)[1].split(")", 1)[0].split(", ")
            assert len(listed) == len(set(listed)), note
    assert any("parsimonious model" in note for note in chart.notes)
