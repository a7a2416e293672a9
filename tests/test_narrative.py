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
import warnings
from pathlib import Path
from types import SimpleNamespace

import nbformat
import numpy as np
import pandas as pd
import pytest
from babel.messages.pofile import read_po

import qcakit
from qcakit import narrative
from qcakit.counterfactuals import Exclusions

ROOT = Path(__file__).resolve().parents[1]
LESSON = ROOT / "notebooks" / "30_your_study.ipynb"
PO = ROOT / "qcakit" / "locale" / "zh" / "LC_MESSAGES" / "qcakit.po"
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
    # gaps at or above 0.75: 0.957 - 0.818 = 0.138, then 0.818 - 0.75 (row 1 is below, at
    # 0.706) = 0.068: the first is the widest
    assert ("The widest gap at or above 0.75 in the sorted consistencies runs from row 4 (0.957) "
            "down to row 3 (0.818), 0.138 wide; a cut inside it would code 1 row 1. The cut "
            "sits in that gap.") in text
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
    # d (Y 0.4) sits in row 3, coded 1: out of the outcome in a row coded 1
    assert narrative.truth_table(table(incl_cut=0.8)) == (
        "4 of the 4 logically possible configurations hold at least 1 case (0 remainders). "
        "2 rows are coded 1 (rows 4, 3), holding 4 cases: Hangzhou, Xiaoshan, b, c, d. 1 case "
        "out of the outcome sits in rows coded 1 (d): deviant for consistency (column "
        "inconsistent).")
    none = narrative.truth_table(table(incl_cut=0.96))
    assert none.endswith("No row is coded 1. 3 of the 3 cases in the outcome sit in rows coded 0 "
                         "(Hangzhou, Xiaoshan, b, c): no solution at these cuts can cover them "
                         "(column inconsistent).")
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
    assert ("1 condition is necessary for Y: A (consistency 0.903, coverage 0.800, RoN 0.781)."
            in text)
    # T: all 6 cases in it (> 0.5), d, e, f (Y 0.4, 0.2, 0.3) out of the outcome; sum T 5.55,
    # sum min(T, Y) = sum Y = 3.1; mean membership 5.55 / 6 = 0.925. Both cuts fail.
    assert ("**Trivial:** T (consistency 1.000, coverage 0.559, RoN 0.155) passes the "
            "consistency cut, but its coverage is below 0.6: T is much larger than the outcome "
            "(the memberships in T add up to 5.55, those in both to 3.10; 3 of the 6 cases in T "
            "are out of the outcome) and its RoN is below 0.5: T comes close to a set that "
            "every case is in (6 of the 6 cases in it, mean membership 0.93). Its necessity "
            "says little: report it, if at all, as a trivial necessary condition, not as a "
            "relevant one.") in text
    assert "nearly every case" not in text and "Do not report" not in text
    assert ("**Warning:** T is treated as necessary although the data do not meet the rule "
            "(T: coverage 0.559, RoN 0.155)") in text
    none = narrative.necessity(qcakit.necessity(data, "Y", ["B"]))
    assert "no single condition or negated condition is necessary for Y" in none
    assert "NECESSARY is empty" in none
    with pytest.raises(qcakit.QCAInputError, match="pass the memberships"):
        narrative.necessity(nec, declared=["A + B"])
    disjunction = narrative.necessity(nec, data, declared=["A + B"])
    assert "Treated as necessary in this analysis (NECESSARY): A + B (consistency" in disjunction
    assert "remainders without it are barred" in disjunction
    two = narrative.necessity(nec, data, declared=["A", "T"])
    assert "remainders without any one of them are barred" in two
    quiet = narrative.necessity(nec, data, declared=None)
    assert "NECESSARY" not in quiet and quiet.startswith("By the rule used here")


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
            "cases are in the set (membership above 0.5).") in text
    assert "Z: crisp, 3 of 5 cases reach the threshold 1." in text
    assert "W: 3 cases (p, q, r) sit on the crossover 5 itself and score 0.5" in text
    # reversed anchors (8, 5, 2): the cases below 5 (p, q, r: 1, 4, 4) are in the set
    down = narrative.calibration(raw, {"X": {"thresholds": (8, 5, 2), "method": "direct",
                                             "reason": "why"}})
    assert ("3 of 5 cases are in the set (membership above 0.5), those scoring below the "
            "crossover (the anchors run downwards).") in down
    assert "No reason is written down for the anchors of Z, W" in text
    assert narrative.calibration(raw, {}).startswith("The file holds memberships")


def test_esa_counts_the_reasons():
    barred = Exclusions(pd.DataFrame({"reason": [
        "incoherent: assumes ~A, but A is necessary",
        "incoherent: assumes ~A, but A is necessary; contradictory: both",
        "untenable: ~A*B declared impossible"]}, index=[1, 2, 5]), "Y")
    assert narrative.esa(barred) == (
        "3 remainders are barred as counterfactuals: 2 incoherent (a condition treated as "
        "necessary is absent); 1 untenable (declared impossible); 1 contradictory (a "
        "simplifying assumption of the parsimonious solution for the outcome and for its "
        "negation). A row can be barred for several reasons, so these counts add up to more "
        "than 3.")
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
    assert ("**Warning:** the protocol's initial solution A*B is not the solution reported "
            "above (A*B + C), so the figures below describe A*B.") in text
    assert text.startswith("Every setting rebuilds the truth table and minimizes it without "
                           "barring any remainder. The initial solution is model M1")
    assert "Robust typical cases (in the initial solution, in every test solution and in the " \
           "outcome): p." in text
    assert narrative.robustness(None).startswith("There is no initial solution")
    full = narrative.robustness(_protocol([0.7, 0.0], tests.iloc[:1], 0.9),
                                memberships_only=True, reported="A*B", esa=True, model=1)
    assert "robust core is empty" not in full and "is not the solution reported" not in full
    assert full.startswith("Every setting rebuilds the truth table, redoes the Enhanced "
                           "Standard Analysis on it")
    assert "The initial solution is model M2 of its setting, the one reported above" in full
    assert "The file holds memberships, so there are no anchors to move" in full
    noted = _protocol([0.7, 0.0], tests.iloc[:1], 0.9)
    noted.notes = ["A crossover +1: 2 case(s) score exactly 0.5 in A", "The robust core is "
                   "empty (...)"]
    shown = narrative.robustness(noted)
    assert shown.endswith("While computing the settings the kit noted:\n\n- A crossover +1: 2 "
                          "case(s) score exactly 0.5 in A\n\nA case at exactly 0.5 in a setting "
                          "belongs to no row of that setting's truth table and drops out of its "
                          "test solution.")


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
    """Every sentence is used (here, or by lesson 30 through narrative.phrase), each template is
    a string marked for the catalog, and each phrase with a count is an ngettext call."""
    source = open(narrative.__file__, encoding="utf-8").read()
    code = source.split("PLURAL = {")[1]
    lesson = "\n".join(c.source for c in nbformat.read(LESSON, as_version=4).cells)
    dynamic = {"esa_incoherent", "esa_untenable", "esa_contradictory", "above", "below"}
    unused = [k for k in narrative.TEXT if f'"{k}"' not in code and k not in dynamic
              and f'narrative.phrase("{k}"' not in lesson]
    assert not unused, unused
    assert all(isinstance(v, str) for v in narrative.TEXT.values())
    marked = {m.id for m in read_po(open(PO, "rb")) if m.id}
    assert set(narrative.TEXT.values()) <= marked
    for key, text in narrative.PLURAL.items():
        one, two = text(1), text(2)
        assert isinstance(one, str) and isinstance(two, str) and one != two, key
        assert (one, two) in marked, key
    chosen = {"half_condition", "half_outcome"}  # _p(key, ...) with the key chosen by role
    unused_plurals = [k for k in narrative.PLURAL if k not in chosen
                      and not re.search(rf'_p\(\s*"{k}"', code)]
    assert not unused_plurals, unused_plurals


# Eight cases for the cut's position (lesson 30, review findings F7, F8), worked by hand:
#   row  cases  membership in the row (p..w)          sum  sum min(row, Y)  incl   PRI
#   4    p, q   A*B   .9 .7 .3 .2 .3 .2 .3 .1         3.0  2.8              0.933  0.857
#   2    t, u   ~A*B  .1 .2 .3 .2 .7 .6 .3 .2         2.6  2.25             0.865  (2.25-1.65)/(2.6-1.65) = 0.632
#   3    r, s   A*~B  .1 .3 .7 .6 .2 .2 .4 .1         2.6  2.15             0.827  (2.15-1.85)/(2.6-1.85) = 0.400
#   1    v, w   ~A*~B .1 .2 .3 .4 .2 .4 .6 .8         3.0  1.9              0.633
# Gaps at or above 0.75: 0.933 - 0.865 = 0.068, 0.865 - 0.827 = 0.038, 0.827 - 0.75 = 0.077
# (row 1 lies below 0.75): the widest runs from row 3 down to 0.75. A cut there passes rows
# 4, 2, 3 by consistency, and row 3 fails PRI 0.5: it codes 2 rows 1. The cut 0.88 codes row 4
# only; the widest gap would add row 2 (t: Y 0.9, in the outcome; u: 0.45, out).
# In the outcome (Y > 0.5): p, q, r, t; r (row 3) and t (row 2) are in rows coded 0.
CUT = pd.DataFrame({"A": [0.9, 0.8, 0.7, 0.6, 0.3, 0.2, 0.4, 0.1],
                    "B": [0.9, 0.7, 0.3, 0.2, 0.8, 0.6, 0.3, 0.2],
                    "Y": [0.9, 0.6, 0.6, 0.45, 0.9, 0.45, 0.2, 0.1]}, index=list("pqrstuvw"))


def test_the_widest_gap_counts_the_pri_cut_and_a_cut_elsewhere_is_named():
    tt = qcakit.truth_table(CUT, "Y", ["A", "B"], incl_cut=0.88, pri_cut=0.5)
    assert tt.table["incl"].round(3).to_dict() == {4: 0.933, 2: 0.865, 3: 0.827, 1: 0.633}
    text = narrative.cut_position(tt)
    assert ("The widest gap at or above 0.75 in the sorted consistencies runs from row 3 (0.827) "
            "down to 0.75, the lowest usual cut (the next row, 1, is at 0.633), 0.077 wide; a "
            "cut inside it would code 2 rows 1 (1 more passes its consistency but fails the PRI "
            "cut 0.5).") in text
    assert ("**The cut 0.88 is not in that gap.** A cut in the widest gap would add row 2 to the "
            "rows coded 1 (t, u; 1 of them in the outcome). Justify 0.88 in the paper, or move "
            "the cut.") in text
    inside = narrative.cut_position(qcakit.truth_table(CUT, "Y", ["A", "B"], incl_cut=0.8,
                                                        pri_cut=0.5))
    assert "The cut sits in that gap." in inside and "is not in that gap" not in inside
    assert narrative.truth_table(tt).endswith(
        "2 of the 4 cases in the outcome sit in rows coded 0 (r, t): no solution at these cuts "
        "can cover them (column inconsistent).")


def test_memberships_near_one_half_are_flagged():
    sets = DATA.assign(Y=[0.9, 0.6, 0.7, 0.48, 0.2, 0.3], A=[0.8, 0.9, 0.8, 0.7, 0.2, 0.549])
    text = narrative.half_memberships(sets, "Y", ["A", "B"])
    assert text.startswith("No case sits at exactly 0.5 in any set.")
    assert ("**Near 0.5:** f 0.549 in A; d 0.480 in Y: within 0.05 of 0.5, so in or out of the "
            "set by a hair.") in text
    half = DATA.copy()
    half.loc["b", "A"] = 0.5
    assert narrative.half_memberships(half, "Y", ["A"], memberships_only=True).endswith(
        "These memberships came with the file: recalibrate those sets where they were made, so "
        "that no case lands on 0.5, or score them 0.501 (a choice to report).")
    assert "Move the crossover" in narrative.half_memberships(half, "Y", ["A"])


def test_case_types_list_deviant_in_degree_and_near_one_half():
    # A as the solution: Hangzhou (0.8 <= 0.9) typical; b (0.9 > 0.6) and c (0.8 > 0.7)
    # deviant in degree; d (0.7, 0.48) deviant in kind, its outcome 0.02 from 0.5.
    sets = DATA.assign(Y=[0.9, 0.6, 0.7, 0.48, 0.2, 0.3])
    text = narrative.case_types(qcakit.case_types(sets, "A", "Y"))
    assert text.startswith("For the solution as a whole: 1 typical; 2 deviant consistency in "
                           "degree; 1 deviant consistency in kind; 2 individually irrelevant.")
    assert ("**Deviant consistency in degree** (in the solution and in the outcome, but more in "
            "the solution than in the outcome): b, c;") in text
    assert "**Deviant consistency in kind** (in the solution, out of the outcome): d;" in text
    assert ("**Near 0.5** (their type hangs on a membership within 0.05 of 0.5): d (deviant "
            "consistency in kind; solution 0.700, outcome 0.480).") in text


def test_a_declared_necessary_condition_missing_from_rows_paths_or_expectations():
    # p (A, B) and q (~A, B) are in the outcome, r (~A, ~B) is not: rows 4 (A*B) and 2 (~A*B)
    # are coded 1 (consistency 1.0), so with A "necessary" row 2 is observed without A, and the
    # complex solution B has a path without A.
    data = pd.DataFrame({"A": [0.9, 0.2, 0.1], "B": [0.8, 0.9, 0.2], "Y": [0.9, 0.8, 0.1]},
                        index=list("pqr"))
    tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
    sol = qcakit.minimize(tt, "complex")
    assert sol.expression == "B"
    text = narrative.declared_in_solution(tt, ["A"], [sol], {"A": 0, "B": 1})
    assert text.startswith("**Warning:** row 2 coded 1 without A (q). An observed row")
    assert "**Warning:** the complex solution has 1 path without A: B." in text
    assert ("**Warning:** DIRECTIONAL expects A absent, but A is treated as necessary") in text
    assert narrative.declared_in_solution(tt, ["B"], [sol], {"B": 1}) == ""
    assert narrative.declared_in_solution(tt, ["A + B"], [sol]) == ""  # B lies inside A + B


def test_model_out_of_range_is_a_clear_error():
    tt = table(incl_cut=0.8)
    sol = qcakit.minimize(tt, "parsimonious")
    with pytest.raises(qcakit.QCAInputError, match=r"MODEL = 1, but the parsimonious solution "
                       r"has 1 model: M1 = A\. Set MODEL to 0\.$"):
        narrative.solution(sol, 1)
    for bad in (-1, 0.5, "0", True):
        with pytest.raises(qcakit.QCAInputError, match="MODEL = "):
            narrative.check_model(sol, bad)
    assert narrative.check_model(sol, np.int64(0)) == 0


def test_directional_expectations_in_words():
    assert narrative.expectations({"A": 1, "B": 0}) == ("Directional expectations "
                                                         "(DIRECTIONAL): A present, B absent.")
    assert narrative.expectations({}).startswith("No directional expectations (DIRECTIONAL is "
                                                 "empty)")
    assert narrative.expectations({"A": 1}, default=True).startswith(
        "No directional expectations were given (DIRECTIONAL = None), so every condition is "
        "expected present by default")


def test_suin_expressions_by_kind_with_trivial_parts():
    # D is 0.9 in every case: coverage sum Y / sum D = 3.1 / 5.4 = 0.574 < 0.6 and RoN
    # 6 * 0.1 / sum(1 - min(D, Y)) = 0.6 / 2.9 = 0.207 < 0.5, so D alone is trivial; A*D = A
    # (A <= 0.9 everywhere), necessary as A is. No disjunction is minimal (A passes alone).
    data = DATA.assign(D=0.9)
    found = qcakit.suin(data, "Y", ["A", "B", "D"], depth=2)
    text = narrative.suin(found, data)
    assert text.startswith("The search for necessary disjunctions and conjunctions (SUIN, up to "
                           "2 conditions) finds 2 expressions. Conjunctions (each part is then "
                           "necessary on its own): A*D")
    assert "Single conditions (in the table above too): A (consistency 0.903" in text
    assert ("A*D (consistency 0.903, coverage 0.800, RoN 0.781; its part D is trivial on its "
            "own (coverage 0.574, RoN 0.207), so the claim rests on A)") in text
    assert "Disjunctions" not in text
    # A + B (qcakit.suin's example): max(A, B) = .9 .8 .3 .2 against Y = .8 .7 .1 .2
    # consistency: min(max, Y) = .8 .7 .1 .2 = 1.8 = sum Y, so 1.0;
    # coverage 1.8 / 2.2 = 0.818; RoN (0.1 + 0.2 + 0.7 + 0.8) / (0.2 + 0.3 + 0.9 + 0.8) = 0.818.
    two = pd.DataFrame({"A": [0.9, 0.1, 0.2, 0.1], "B": [0.1, 0.8, 0.3, 0.2],
                        "Y": [0.8, 0.7, 0.1, 0.2]}, index=list("pqrs"))
    assert narrative.suin(qcakit.suin(two, "Y", depth=2), two).endswith(
        "Disjunctions (necessary only if their parts are functional equivalents of one "
        "concept, which your theory must say): A + B (consistency 1.000, coverage 0.818, RoN "
        "0.818).")


def test_contradictory_assumptions_and_the_negated_outcome():
    # The five cases of tests/test_robustness.py (ESA_DATA), at incl_cut 0.85: rows 4 (A*B,
    # incl 1) is coded 1 for Y, row 1 (~A*~B, incl for ~Y 1.8 / 1.8 = 1) for ~Y; the remainder
    # ~A*B (row 2) makes Y's parsimonious solution B and ~Y's ~A, one model each: it is a
    # contradictory simplifying assumption. Barred, ~Y's solution is ~A*~B (its complex one:
    # no expectations for ~Y); its coverage sum min(~A*~B, ~Y) / sum ~Y = 0.9 / 1.1 = 0.818.
    data = pd.DataFrame({"A": [0.6, 0.8, 0.7, 0.6, 0.2], "B": [0.9, 0.7, 0.2, 0.3, 0.1],
                         "Y": [0.9, 0.8, 0.6, 0.4, 0.1]}, index=list("pqrst"))
    tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.85)
    barred = qcakit.esa(tt, contradictory=True)
    assert narrative.esa(barred, tt) == (
        "1 remainder is barred as counterfactuals: 1 contradictory (a simplifying assumption of "
        "the parsimonious solution for the outcome and for its negation; the parsimonious "
        "solution for Y has 1 model and that for ~Y 1 model, and a remainder counts when any "
        "model of each uses it, as QCA's findRows(type = 2)).")
    both = qcakit.outcome_and_negation(tt, {"A": 1, "B": 1})
    negated = both.truth_tables["~Y"]
    solution = qcakit.minimize(negated, "intermediate",
                               exclude=qcakit.esa(negated, contradictory=True))
    text = narrative.negation(both, solution,
                              nec=qcakit.necessity(data, "Y", ["A", "B"], negate_outcome=True))
    assert text.startswith("For ~Y, with no directional expectations for it "
                           "(DIRECTIONAL_NEGATED), the intermediate solution equals the complex "
                           "solution; it is ~A*~B (consistency 1.000, coverage 0.818); 1 "
                           "remainder is barred (impossible, or contradictory).")
    assert ("1 remainder is a simplifying assumption of some parsimonious model for Y (1 model) "
            "and of some model for ~Y (1 model): contradictory simplifying assumptions") in text
    assert "1 condition is necessary for ~Y: ~B" in text and "NECESSARY" not in text
    assert narrative.negation_table(both).startswith(
        "The table below shows the first model of each solution for both outcomes with no "
        "remainder barred and no directional expectations for ~Y")
    expected = qcakit.outcome_and_negation(tt, {"A": 1}, directional_negated={"A": 0})
    assert "no directional expectations" not in narrative.negation_table(expected)
    assert narrative.negation(expected).startswith(
        "For ~Y, the intermediate solution (directional expectations DIRECTIONAL_NEGATED: A "
        "absent) is")
    # Z has no row coded 1 at 0.8 (A*B 0.47, A*~B 0.74, ~A*~B 0.61), ~Z has A*B (1.9 / 1.9)
    z = data.assign(Y=[0.1, 0.2, 0.4, 0.6, 0.1])
    none = narrative.negation(qcakit.outcome_and_negation(
        qcakit.truth_table(z, "Y", ["A", "B"], incl_cut=0.8)))
    assert none.startswith("Nothing is sufficient for Y at these cuts; its negation ~Y is "
                           "analysed all the same")
    assert "For ~Y, with no directional expectations" in none


def test_the_chart_names_the_parsimonious_models_behind_its_cores():
    # Two crisp cases: A*B*C in the outcome, ~A*~B*~C not; every other row is a remainder, so
    # A, B and C are each a minimal parsimonious solution; the intermediate one stays A*B*C.
    data = pd.DataFrame({"A": [1.0, 0.0], "B": [1.0, 0.0], "C": [1.0, 0.0], "Y": [1.0, 0.0]},
                        index=["x", "z"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", qcakit.QCAWarning)
        tt = qcakit.truth_table(data, "Y", ["A", "B", "C"])
        pars = qcakit.minimize(tt, "parsimonious")
        inter = qcakit.minimize(tt, "intermediate", {"A": 1, "B": 1, "C": 1})
    assert pars.expressions == ["A", "B", "C"] and inter.expression == "A*B*C"
    text = narrative.chart(qcakit.configuration_chart(inter, pars), pars)
    assert text.startswith("The parsimonious solution has 3 models (A | B | C); the core "
                           "conditions in the chart come from the parsimonious terms")


def test_what_was_read_names_the_file_not_its_folder_and_decimal_commas():
    data = DATA.copy()
    data.attrs["source"] = {"file": "/home/me/data/my.csv", "format": "CSV",
                            "encoding": "UTF-8", "sheet": None, "separator": ";",
                            "decimal_comma": ["A", "Y"]}
    assert narrative.data_read(data, "Y", ["A"]).startswith(
        "The file my.csv (CSV, UTF-8, separated by ';') holds 6 cases and 3 columns. Decimal "
        "commas were read as decimal points in A, Y.")


def test_the_comparison_counts_models():
    a = {"rows": [52], "cases": ["p"], "n": 11, "paths": 2, "models": 3, "necessary": []}
    assert "1 row coded 1 (1 case), 2 paths (in model M1 of 3), and nothing" in \
        narrative.compare(("First", a), ("Again", a))


def test_the_settings_of_lesson_30_are_checked_up_front():
    good = dict(conditions=["A", "B"], model=0, directional={"A": 1, "B": "-"},
                directional_negated=None, crossover_shift=0.1, robustness_incl_cuts=[0.75])
    assert narrative.check_settings(**good) is None
    for change, message in [({"model": 1.5}, "MODEL must be a whole number"),
                            ({"model": True}, "MODEL must be a whole number"),
                            ({"directional": {"C": 1}}, "DIRECTIONAL names 'C'"),
                            ({"directional": ["A"]}, "DIRECTIONAL must be None or a dict"),
                            ({"directional_negated": {"A": 2}}, "DIRECTIONAL_NEGATED takes 1"),
                            ({"crossover_shift": 10}, "CROSSOVER_SHIFT is a share"),
                            ({"robustness_incl_cuts": [80]}, "ROBUSTNESS_INCL_CUTS must be"),
                            ({"robustness_incl_cuts": 0.8}, "ROBUSTNESS_INCL_CUTS must be")]:
        with pytest.raises(qcakit.QCAInputError, match=message):
            narrative.check_settings(**{**good, **change})
