"""qcakit.narrative: each sentence states what the numbers, worked by hand here, say.

Six cases, conditions A and B, outcome Y (case "Hangzhou, Xiaoshan" has a comma in its name):

    case                 A    B    Y    row
    Hangzhou, Xiaoshan  0.8  0.8  0.9   4 (A*B)
    b                   0.9  0.7  0.6   4
    c                   0.8  0.2  0.7   3 (A*~B)
    d                   0.7  0.3  0.4   3
    e                   0.2  0.9  0.2   2 (~A*B)
    f                   0.1  0.2  0.3   1 (~A*~B)

Row consistency sum(min(row, Y)) / sum(row): row 4 = 2.2 / 2.3 = 0.957, row 3 = 1.8 / 2.2 =
0.818, row 1 = 1.2 / 1.7 = 0.706, row 2 = 1.2 / 1.8 = 0.667; the gap between rows 4 and 3 is
0.95652 - 0.81818 = 0.138 (unrounded), between 3 and 1 0.112. PRI of row 3: sum min(row, Y,
1 - Y) = 1.3, so (1.8 - 1.3) / (2.2 - 1.3) = 0.556. Necessity of A: sum min(A, Y) = 2.8,
sum Y = 3.1, sum A = 3.5: consistency 0.903, coverage 0.800, RoN (6 - 3.5) / (6 - 2.8) = 0.781.
"""
from __future__ import annotations

import re
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit import narrative
from qcakit.counterfactuals import Exclusions

DATA = pd.DataFrame({"A": [0.8, 0.9, 0.8, 0.7, 0.2, 0.1], "B": [0.8, 0.7, 0.2, 0.3, 0.9, 0.2],
                     "Y": [0.9, 0.6, 0.7, 0.4, 0.2, 0.3]},
                    index=["Hangzhou, Xiaoshan", "b", "c", "d", "e", "f"])


def table(**cuts):
    return qcakit.truth_table(DATA, "Y", ["A", "B"], **cuts)


def test_the_hand_worked_rows_are_what_the_kit_computes():
    tt = table(incl_cut=0.8)
    assert tt.table["incl"].round(3).to_dict() == {4: 0.957, 3: 0.818, 1: 0.706, 2: 0.667}
    assert round(tt.table.loc[3, "PRI"], 3) == 0.556


def test_a_cut_in_the_widest_gap_that_admits_one_row():
    text = narrative.cut_position(table(incl_cut=0.9))
    assert ("The consistency cut 0.9 lies between row 4 (0.957) and row 3 (0.818) in the sorted "
            "consistencies of the observed rows: a gap of 0.138.") in text
    assert ("The widest gap at or above 0.75 lies between row 4 (0.957) and row 3 (0.818), a gap "
            "of 0.138; a cut inside it admits 1 row. The cut sits in that gap.") in text
    assert ("**Warning:** the cuts admit one row only (row 4, 2 cases: Hangzhou, Xiaoshan, b). "
            "The solution is that row, simplified, and rests on 2 cases.") in text


def test_a_cut_stopped_by_pri_low_cuts_and_cuts_beyond_every_row():
    text = narrative.cut_position(table(incl_cut=0.8, pri_cut=0.6))
    assert "lies between row 3 (0.818) and row 1 (0.706)" in text
    assert "The cut sits in that gap." not in text
    assert ("Row 3 passes the consistency cut but not the PRI cut 0.6 (PRI 0.556): much of its "
            "consistency is shared with the negated outcome, so it is coded 0.") in text
    low = narrative.cut_position(table(incl_cut=0.65))
    assert "lies below every observed row (the lowest is row 2 at 0.667)" in low
    assert "**Warning:** the consistency cut 0.65 is below 0.75" in low
    high = narrative.cut_position(table(incl_cut=0.96))
    assert "lies above every observed row (the highest is row 4 at 0.957)" in high
    assert "**Warning:** no row passes the cuts (the highest consistency is 0.957, row 4)" in high


def test_the_truth_table_counts_cases_whose_names_hold_commas():
    assert narrative.truth_table(table(incl_cut=0.8)) == (
        "4 of the 4 logically possible configurations hold at least 1 case (0 remainders). "
        "2 rows are coded 1 (rows 4, 3), holding 4 cases: Hangzhou, Xiaoshan, b, c, d.")
    assert narrative.truth_table(table(incl_cut=0.96)).endswith("No row is coded 1.")
    two = narrative.truth_table(table(incl_cut=0.8, n_cut=2))
    assert two.startswith("2 of the 4 logically possible configurations hold at least 2 cases "
                          "(2 remainders).")


def test_the_solution_says_what_each_path_covers():
    tt = table(incl_cut=0.8)
    text = narrative.solution(qcakit.minimize(tt, "parsimonious"))
    # A covers the cases in A and in Y (a, b, c); d is in A (0.7) but out of Y (0.4).
    # Consistency 2.8 / 3.5 = 0.800, coverage 2.8 / 3.1 = 0.903.
    assert text == ("The parsimonious solution is A. It has 1 path: A covers 3 cases "
                    "(Hangzhou, Xiaoshan, b, c); 1 case in it but out of the outcome (d). "
                    "Solution consistency 0.800, coverage 0.903: 3 of the 3 cases in the "
                    "outcome are covered by some path.")


def test_necessity_by_the_rule_trivial_and_declared():
    data = DATA.assign(T=[0.95, 0.9, 0.9, 0.95, 0.9, 0.95])
    nec = qcakit.necessity(data, "Y", ["A", "T"])
    # T: sum min(T, Y) = 3.1 (= sum Y), sum T = 5.55, coverage 0.559; RoN 0.45 / 2.9 = 0.155.
    text = narrative.necessity(nec, data, declared=["T"])
    assert ("1 is necessary for Y: A (consistency 0.903, coverage 0.800, RoN 0.781)." in text)
    assert ("**Trivial:** T (consistency 1.000, coverage 0.559, RoN 0.155) passes the "
            "consistency cut") in text
    assert ("**Warning:** T is treated as necessary although the data do not meet the rule "
            "(T: coverage 0.559, RoN 0.155)") in text
    none = narrative.necessity(qcakit.necessity(data, "Y", ["B"]))
    assert "no single condition or negated condition is necessary for Y" in none
    assert "NECESSARY is empty" in none
    with pytest.raises(qcakit.QCAInputError, match="pass the memberships"):
        narrative.necessity(nec, declared=["A + B"])
    disjunction = narrative.necessity(nec, data, declared=["A + B"])
    assert "Treated as necessary in this analysis (NECESSARY): A + B (consistency" in disjunction


def test_cases_at_one_half_are_named_by_the_role_of_the_set():
    sets = DATA.copy()
    sets.loc[["b", "c"], "A"] = 0.5
    sets.loc["f", "Y"] = 0.5
    text = narrative.half_memberships(sets, "Y", ["A", "B"])
    assert ("**Warning:** cases b, c score exactly 0.5 in A: neither in nor out of the set, so "
            "they belong to no truth-table row") in text
    assert ("**Warning:** case f scores exactly 0.5 in the outcome Y: it still counts in every "
            "consistency and coverage") in text
    assert narrative.half_memberships(DATA, "Y", ["A", "B"]) == \
        "No case sits at exactly 0.5 in any set."


def test_crossovers_are_placed_among_the_observed_scores():
    raw = pd.DataFrame({"X": [1, 4, 4, 6, 9], "Z": [0, 1, 1, 0, 1], "W": [5, 5, 5, 6, 7]},
                       index=list("pqrst"))
    spec = qcakit.methods_text.calibration_spec({
        "X": {"thresholds": (2, 5, 8), "reason": "why"}, "Z": {"thresholds": (1,),
                                                             "method": "crisp"},
        "W": (1, 5, 9)})
    text = narrative.calibration(raw, spec)
    assert ("X: the crossover 5 lies between the observed scores 4 (q, r) and 6 (s); 2 of 5 "
            "cases are above it.") in text
    assert "Z: crisp, 3 of 5 cases reach the threshold 1." in text
    assert "W: 3 cases sit (p, q, r) on the crossover 5 itself and score 0.5" in text
    assert "No reason is written down for the anchors of Z, W" in text
    assert narrative.calibration(raw, {}).startswith("The file holds memberships")


def test_esa_counts_the_reasons():
    barred = Exclusions(pd.DataFrame({"reason": [
        "incoherent: assumes ~A, but A is necessary",
        "incoherent: assumes ~A, but A is necessary; contradictory: both",
        "untenable: ~A*B declared impossible"]}, index=[1, 2, 5]), "Y")
    assert narrative.esa(barred) == (
        "3 remainders are barred as counterfactuals: 2 incoherent (a condition treated as "
        "necessary is absent); 1 untenable (declared impossible); 1 contradictory (assumed for "
        "the outcome and its negation).")
    empty = Exclusions(pd.DataFrame({"reason": []}), "Y")
    assert narrative.esa(empty).startswith("No remainder is barred")


def _protocol(core, tests, rf_cons=np.nan):
    cases = pd.DataFrame({"core": core, "class": ["robust typical", "shaky deviant"]},
                         index=["p", "q"])
    return SimpleNamespace(
        tests=tests, initial=pd.Series({"solution": "A*B"}), cases=cases,
        fit={"RF_cov": 0.0, "RF_cons": rf_cons, "RF_SC_minTS": 0.0, "RF_SC_maxTS": 0.25},
        changed_cases=lambda: pd.DataFrame(index=["q"]))


def test_robustness_warns_of_an_empty_core_and_empty_tests():
    tests = pd.DataFrame({"solution": ["A*B", "(none)"], "models": [1, 0]},
                         index=["incl_cut 0.75", "incl_cut 0.85"])
    text = narrative.robustness(_protocol([0.0, 0.0], tests), reported="A*B + C")
    assert "RF_cov 0.000, RF_cons undefined, RF_SC_minTS 0.000, RF_SC_maxTS 0.250." in text
    assert "1 of the 2 test settings give the initial solution again." in text
    assert "**Nothing is sufficient** under incl_cut 0.85" in text
    assert "**Warning: the robust core is empty.**" in text
    assert "its initial solution A*B differs from the one reported above (A*B + C)" in text
    assert "Robust typical cases (in the initial solution, in every test solution and in the " \
           "outcome): p." in text
    assert narrative.robustness(None).startswith("There is no initial solution")
    full = narrative.robustness(_protocol([0.7, 0.0], tests.iloc[:1], 0.9),
                                memberships_only=True, reported="A*B")
    assert "robust core is empty" not in full and "differs" not in full
    assert full.startswith("The file holds memberships, so there are no anchors to move")


def test_two_calibrations_compared():
    a = {"rows": [52, 55], "cases": ["p", "q"], "n": 11, "paths": 2, "necessary": ["ORG"]}
    b = {"rows": [84], "cases": ["r"], "n": 11, "paths": 1, "necessary": []}
    text = narrative.compare(("First", a), ("Second", b))
    assert text.startswith("The same 11 cases and conditions, the same cuts, two calibrations. "
                           "First: 2 rows coded 1 (2 cases), 2 paths, and necessary by the "
                           "rule: ORG. Second: 1 row coded 1 (1 case), 1 path, and nothing "
                           "necessary by the rule.")
    assert "it changes which rows pass and which conditions are necessary" in text
    assert narrative.compare(("First", a), ("Again", a)).endswith(
        "The two calibrations agree on the rows coded 1 and on necessity.")


def test_what_was_read_and_the_question():
    data = DATA.copy()
    data.attrs["source"] = {"file": "my.csv", "format": "CSV", "encoding": "GBK/GB18030",
                            "sheet": None, "separator": ";"}
    assert narrative.data_read(data, "Y", ["A", "B"]) == (
        "The file my.csv (CSV, GBK/GB18030, separated by ';') holds 6 cases and 3 columns. "
        "The analysis explains Y by 2 conditions: A, B.")
    assert narrative.diversity(6, 2).startswith("With 2 conditions there are 2^2 = 4 logically "
                                                "possible configurations for 6 cases: the "
                                                "cases could show every configuration")


def test_every_template_is_used_and_ready_for_gettext():
    source = open(narrative.__file__, encoding="utf-8").read()
    code = source.split("PLURAL = {")[1]
    dynamic = {"esa_incoherent", "esa_untenable", "esa_contradictory", "above", "below"}
    unused = [k for k in narrative.TEXT if f'"{k}"' not in code and k not in dynamic]
    assert not unused, unused
    assert all(isinstance(v, str) for v in narrative.TEXT.values())
    assert all(isinstance(s, str) and isinstance(p, str) for s, p in narrative.PLURAL.values())
    unused_plurals = [k for k in narrative.PLURAL
                      if not re.search(rf'_p\("{k}"', code)]
    assert not unused_plurals, unused_plurals
