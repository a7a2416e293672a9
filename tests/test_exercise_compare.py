"""The comparisons behind the object checks, on a four-case table computed by hand.

Cases a to d, condition A, outcome Y. With incl_cut=0.8, row A (cases a, b) has consistency
sum(min(A, Y)) / sum(A) = (0.8 + 0.7 + 0.2 + 0.1) / (0.9 + 0.8 + 0.2 + 0.1) = 0.9 -> OUT 1;
row ~A (c, d) has sum(min(1 - A, Y)) / sum(1 - A) = (0.1 + 0.2 + 0.2 + 0.1) / 2.0 = 0.3 -> OUT 0.
"""
from __future__ import annotations

import pandas as pd
import pytest

import qcakit
from qcakit.exercises._compare import solution_differences, truth_table_differences
from qcakit.exercises._verdicts import (NOT_MARKED, Mistake, Target, multiple_choice,
                                        self_assessed)

DATA = pd.DataFrame({"A": [0.9, 0.8, 0.2, 0.1], "Y": [0.8, 0.7, 0.2, 0.1]}, index=list("abcd"))


def _tt(data=DATA, **kw):
    return qcakit.truth_table(data, "Y", ["A"], **{"incl_cut": 0.8, **kw})


def test_hand_computed_reference_table():
    table = _tt().table
    assert table.loc[2, "incl"] == pytest.approx(0.9)
    assert table.loc[1, "incl"] == pytest.approx(0.3)
    assert table["OUT"].to_dict() == {2: "1", 1: "0"}


@pytest.mark.parametrize("given, words", [
    (lambda: _tt(DATA.iloc[:3]), ["your table has 3 cases; the data have 4 (missing: d)"]),
    (lambda: _tt(pd.concat([DATA, DATA.iloc[:1]])),
     ["your table has 5 rows of cases, with a more than once; the data have 4 cases, each once"]),
    (lambda: _tt(DATA.rename(index={"d": "e"})),
     ["your table has 4 cases; the data have 4 (missing: d)",
      "your table has cases that are not in the data: e"]),
    (lambda: _tt(DATA.assign(A=[0.9, 0.8, 0.2, 0.6])),
     ["your table uses other memberships than the bundled data for 1 case(s) (first: d in A)",
      "as a result, 1 row(s) get another output code"]),
    (lambda: _tt(incl_cut=(0.95, 0.8)),
     ["your table uses the consistency cut (0.95, 0.8); the task's is (0.8, 0.8)",
      "as a result, 1 row(s) get another output code"]),
    (lambda: _tt(pri_cut=0.5), ["your table uses the PRI cut 0.5; the task's is none"]),
    (lambda: _tt(n_cut=3), ["your table uses the frequency cut 3; the task's is 1",
                            "as a result, 2 row(s) get another output code"]),
    (lambda: _tt(negate_outcome=True),
     ["your table has the outcome ~Y; the task's is Y",
      "as a result, 2 row(s) get another output code"]),
])
def test_truth_table_differences_name_what_differs(given, words):
    assert truth_table_differences(given(), _tt()) == words


def test_other_conditions_are_named_and_equal_tables_have_no_difference():
    data = DATA.assign(B=[1, 0, 1, 0])
    assert truth_table_differences(qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8),
                                   _tt(data)) == \
        ["your table uses the conditions A, B; the task's are A"]
    assert truth_table_differences(_tt(DATA.iloc[::-1]), _tt()) == []


def test_solution_differences_name_kind_table_and_models():
    ref = qcakit.minimize(_tt(), "parsimonious")
    assert solution_differences(qcakit.minimize(_tt(), "complex"), ref) == \
        ["this is the complex solution; the task asks for the parsimonious one"]
    other = qcakit.minimize(_tt(incl_cut=0.1), "parsimonious")
    problems = solution_differences(other, ref)
    assert problems[0] == ("the truth table behind your solution uses the consistency cut "
                           "(0.1, 0.1); the task's is (0.8, 0.8)")
    assert "differ from the reference" in problems[-1]
    assert solution_differences(ref, ref) == []


def test_target_tolerance_mistakes_rounding_and_bounds():
    def target(mistakes=(), decimals=2):
        return Target(0.7, decimals, "ok", "fb", list(mistakes), lower=0, upper=1)

    assert target().tolerance == 0.005 and target(decimals=3).tolerance == 0.0005
    assert target().grade(0.704).status == "correct"
    assert target().grade(0.706).status == "incorrect"
    swapped = target([Mistake("swap", 0.5, "swapped", "h")]).grade(0.5)
    assert (swapped.status, swapped.message, swapped.hint) == ("incorrect", "swapped", "h")
    convention = target([Mistake("R", 0.6, "other convention", "h", status="partly")]).grade(0.6)
    assert (convention.status, convention.message) == ("partly", "other convention")
    # a "mistake" equal to the reference cannot be told apart and is skipped
    assert target([Mistake("same", 0.7, "no")]).grade(0.7).status == "correct"
    out = target().grade(1.3)
    assert out.message == "This value cannot lie outside [0, 1]."
    far = target().grade(0.8)
    assert far.message == ("Not quite: your value differs from the reference by more than the "
                           "tolerance (0.005: two decimals).")
    # three decimals asked: 0.7 rounded to 0.70 is right, 0.71 is too coarse to tell apart
    three = Target(0.7042, 3, "ok", "fb", [Mistake("near", 0.7078, "near mistake")])
    coarse = three.grade(0.70)
    assert coarse.status == "incorrect"
    assert coarse.message.startswith("Give at least three decimals: to one decimal")
    assert three.grade(0.704).status == "correct"
    assert three.grade(0.708).message == "near mistake"
    assert three.grade(0.7078).message == "near mistake"
    assert three.nearest_mistake().name == "near"
    assert three.distance(three.nearest_mistake().value) == pytest.approx(0.0036)


def test_multiple_choice_and_self_assessment():
    options = {"a": "Not a.", "b": None}
    assert multiple_choice("b", options, "Yes.", "Think.").status == "correct"
    picked = multiple_choice("a", options, "Yes.", "Think.")
    assert (picked.status, picked.message, picked.hint) == ("incorrect", "Not a.", "Think.")
    fb = self_assessed("Model.", ["One.", "Two."], "lorem ipsum dolor sit amet", min_words=10)
    assert fb.status == "self-assessed"
    assert fb.message == NOT_MARKED + " Your text has 5 words; the task asks for at least about 10."
    assert fb.details == ["Model answer: Model.", "Rubric 1: One.", "Rubric 2: Two."]


def test_condition_order_is_not_graded():
    data = DATA.assign(B=[1, 0, 1, 0])
    ab = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
    ba = qcakit.truth_table(data, "Y", ["B", "A"], incl_cut=0.8)
    assert truth_table_differences(ba, ab) == []
    assert solution_differences(qcakit.minimize(ba, "complex"),
                                qcakit.minimize(ab, "complex")) == []


def test_a_row_of_memberships_is_refused_with_its_text():
    from qcakit.exercises._answers import Rows
    from qcakit.exercises._feedback import AnswerProblem
    with pytest.raises(AnswerProblem) as problem:
        Rows(["A", "B"], single=True).read({"A": 0.6, "B": 1})
    assert problem.value.message == ("A row gives each condition as 1 (present) or 0 (absent); "
                                     "you gave {'A': 0.6, 'B': 1}.")
    assert Rows(["A", "B"], single=True).read({"A": 1, "B": 0}) == (1, 0)


def test_a_pri_cut_of_zero_is_no_pri_cut_as_in_the_explorers():
    assert truth_table_differences(_tt(pri_cut=0), _tt()) == []
    assert truth_table_differences(_tt(), _tt(pri_cut=0.0)) == []
    assert truth_table_differences(_tt(pri_cut=0.5), _tt(pri_cut=0)) == \
        ["your table uses the PRI cut 0.5; the task's is none"]
    assert truth_table_differences(_tt(incl_cut=(0.8, 0.8)), _tt(incl_cut=0.8)) == []
