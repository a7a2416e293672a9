"""check_data: each bad input of a learner's own file gets a line saying what to do, and the
learner's data are never changed (issue: "Your own study", bad input kindly)."""
from __future__ import annotations

import pandas as pd
import pytest

import qcakit
from qcakit.datacheck import check_data

GOOD = pd.DataFrame({"A": [1.0, 4.0, 6.0, 9.0], "B": [0.2, 0.7, 0.9, 0.1],
                     "Y": [0.1, 0.8, 0.9, 0.3]}, index=["p", "q", "r", "s"])


def status(check, name):
    return check.table.loc[name, "status"]


def test_clean_data_pass_every_check():
    check = check_data(GOOD, "Y", ["A", "B"])
    assert check.ok
    assert check.table["status"].value_counts().to_dict() == {"ok": 8}
    assert check.table.loc["diversity", "found"] == \
        "4 logically possible configurations for 4 cases"
    assert status(check, "diversity") == "ok"


def test_diversity_counts_configurations_against_cases():
    data = GOOD.assign(C=[0, 1, 1, 0], D=[1, 0, 1, 0])
    check = check_data(data, "Y", ["A", "B", "C", "D"])
    assert check.table.loc["diversity", "found"] == \
        "16 logically possible configurations for 4 cases"
    assert status(check, "diversity") == "warning" and check.ok
    assert "At most 4 of the 16 configurations" in check.table.loc["diversity", "what to do"]


@pytest.mark.parametrize("change, check_name, found, advice", [
    (lambda d: d.assign(A=["1", "4", "six", "9"]), "numbers only", "A: r", "pd.to_numeric"),
    (lambda d: d.assign(B=[0.2, None, 0.9, None]), "no missing values", "B: q, s",
     "dropna(subset=[...])"),
    (lambda d: d.assign(B=[0.4] * 4), "no constant condition", "B", "leave it out"),
    (lambda d: d.set_axis(["p", "q", "p", "s"]), "unique case names", "repeated: p",
     "Give every case its own name"),
    (lambda d: d.assign(Y=[0.1, 0.2, 0.3, 0.0]), "outcome has cases in and out",
     "Y: 0 case(s) above 0.5, 4 below", "negated outcome"),
    (lambda d: d.assign(Y=[5.0] * 4), "outcome has cases in and out",
     "Y (raw) ranges from 5 to 5", "nothing to explain"),
])
def test_each_bad_input_is_a_problem_with_advice_and_the_data_are_untouched(
        change, check_name, found, advice):
    data = change(GOOD.copy())
    before = data.copy()
    check = check_data(data, "Y", ["A", "B"])
    assert not check.ok
    assert status(check, check_name) == "problem"
    assert found in check.table.loc[check_name, "found"]
    assert advice in check.table.loc[check_name, "what to do"]
    pd.testing.assert_frame_equal(data, before)


def test_too_many_conditions_for_exact_minimization():
    wide = pd.DataFrame({f"C{j}": [j % 2, (j + 1) % 2] for j in range(17)})
    wide["Y"] = [0.2, 0.8]
    check = check_data(wide, "Y", [f"C{j}" for j in range(17)])
    assert status(check, "conditions within exact minimization") == "problem"
    assert "17 conditions (limit 16)" == check.table.loc["conditions within exact minimization",
                                                          "found"]


def test_the_question_itself_must_be_readable():
    with pytest.raises(qcakit.QCAInputError, match=r"one string 'A, B'. Pass a list.*\['A', 'B'\]"):
        check_data(GOOD, "Y", "A, B")
    with pytest.raises(qcakit.QCAInputError, match="Unknown condition 'Z': it is not a column of the data"):
        check_data(GOOD, "Y", ["A", "Z"])
    with pytest.raises(qcakit.QCAInputError, match="data must be a pandas DataFrame"):
        check_data(GOOD.to_numpy(), "Y", ["A"])


def test_raw_and_membership_columns_are_listed():
    found = check_data(GOOD, "Y", ["A", "B"]).table.loc["memberships or raw scores", "found"]
    assert found == "memberships in [0, 1]: Y, B; raw scores to calibrate: A"
