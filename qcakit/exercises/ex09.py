"""Checks for exercise 9, robustness checks that Xu, Hu & Liu (2024) did not report.

All tasks use the calibration of lesson 12 (:mod:`qcakit.exercises._xu`, which takes it from
:mod:`qcakit.studies.xu2024`; it reproduces the paper's necessity table, but it is our
reconstruction, not published data) and the parsimonious solution of the truth table with
``incl_cut=0.8``.

>>> q1(...).status
'unanswered'
"""
from __future__ import annotations

from .. import minimize, truth_table
from ..i18n import tr, tr_later
from . import _xu
from ._answers import Bool, Choice, Count, Names, cases_in_rows
from ._feedback import check, correct, partly, wrong
from ._verdicts import multiple_choice

CONDITIONS = _xu.CONDITIONS
OUTCOME = _xu.OUTCOME
#: Alternative, substantive anchors for raw GROWTH in task 4: no growth, 3 % and 10 % a year.
ALT_GROWTH = (0, 3, 10)


def parsimonious(data, **cuts):
    """The parsimonious models (sorted expressions) of data, or None when no row is coded 1.

    Sorted, so that the same models found in another order do not count as a change.

    Only that one case means "nothing to minimize"; any other problem with the data raises.

    >>> parsimonious(_xu.calibrated().assign(CAPACITY=0.1), incl_cut=0.8) is None
    True
    """
    tt = truth_table(data, OUTCOME, CONDITIONS, **cuts)
    if not (tt.table["OUT"] == "1").any():
        return None
    return sorted(minimize(tt, "parsimonious").expressions)


@check(Count(tr_later("a count of rows")))
def q1(n):
    """Rows coded 1 with incl_cut=0.85."""
    tt = truth_table(_xu.calibrated(), OUTCOME, CONDITIONS, incl_cut=0.85)
    expected = int((tt.table["OUT"] == "1").sum())
    base = int((truth_table(_xu.calibrated(), OUTCOME, CONDITIONS, incl_cut=0.8).table["OUT"]
                == "1").sum())
    if n == expected:
        if expected == 0:
            return correct(tr("Right. With no positive row there is nothing to minimize: the "
                              "paper's own robustness check would not have 'confirmed' "
                              "anything."))
        if expected < base:
            return correct(tr("Right. {n} row(s) fell below the stricter cut. Compare the new "
                              "solution with the old one: is 'still 4 paths' the same as 'the "
                              "same paths'?").format(n=base - expected))
        return correct(tr("Right."))
    if n == base:
        return wrong(tr("That is the count at the original cut of 0.8."),
                     tr("Rebuild the truth table with incl_cut=0.85."))
    return wrong(tr("Not quite."), tr("Count the rows with OUT == '1' in the new table."))


def _cases() -> list:
    return list(_xu.calibrated().index)


CASES = Names(_cases, tr_later("case labels"))


@check(CASES)
def q2(given):
    """Cases in rows coded 1 when a PRI cut of 0.5 is added."""
    data = _xu.calibrated()
    expected = cases_in_rows(truth_table(data, OUTCOME, CONDITIONS, incl_cut=0.8, pri_cut=0.5),
                             "1")
    before = cases_in_rows(truth_table(data, OUTCOME, CONDITIONS, incl_cut=0.8), "1")
    if given == expected:
        return correct(tr("Right: a row that passed the consistency cut has a PRI below 0.5, a "
                          "simultaneous subset relation, and drops out."))
    if given == before:
        return wrong(tr("These are the cases of the positive rows without the PRI cut."),
                     tr("Pass pri_cut=0.5 to qcakit.truth_table."))
    return (partly if given & expected else wrong)(
        tr("Not quite."), tr("Keep the cases column of the rows with OUT == '1'."))


def _loo_changed() -> set:
    data = _xu.calibrated()
    base = parsimonious(data, incl_cut=0.8)
    return {case for case in data.index
            if parsimonious(data.drop(index=case), incl_cut=0.8) != base}


@check(CASES)
def q3(given):
    """Cases whose removal changes the parsimonious solution."""
    data = _xu.calibrated()
    expected = _loo_changed()
    if given == expected:
        return correct(tr("Right: dropping any one of {n} of the {total} cases changes the "
                          "solution (or leaves no positive row). With 11 cases, each case "
                          "carries much weight.").format(n=len(expected), total=len(data)))
    details = []
    extra = given - expected
    if extra:
        details.append(tr("{n} of the cases you listed leave the solution unchanged when "
                          "dropped.").format(n=len(extra)))
    if expected - given:
        details.append(tr("{n} case(s) whose removal changes the solution are missing.").format(
            n=len(expected - given)))
    return (partly if given & expected else wrong)(
        tr("Not quite."), tr("For each case: drop it (xu_cal.drop(index=case)), rebuild the "
                             "truth table with incl_cut=0.8, minimize; count it as changed when "
                             "sol.expressions differs from the full data's, or when minimize "
                             "raises because no row is coded 1."), details)


@check(Count(tr_later("a count of cases")))
def q4(n):
    """Cases that change side of 0.5 in the outcome with GROWTH anchors (0, 3, 10)."""
    base = _xu.calibrated()[OUTCOME]
    alt = _xu.calibrated(outcome_anchors=ALT_GROWTH)[OUTCOME]
    expected = int(((base > 0.5) != (alt > 0.5)).sum())
    if n == expected:
        return correct(tr("Right: only the crossover decides on which side of 0.5 a case falls; "
                          "the two other anchors change how far in or out it is."))
    changed_values = int((abs(base - alt) > 0.001).sum())
    if n == changed_values:
        return wrong(tr("That counts cases whose membership changed at all."),
                     tr("Count only those that cross 0.5: (old > 0.5) != (new > 0.5)."))
    return wrong(tr("Not quite."), tr("Compare (old > 0.5) with (new > 0.5), case by case."))


@check(Bool())
def q5(given):
    """Does the parsimonious solution change with the alternative GROWTH anchors?"""
    changed = parsimonious(_xu.calibrated(outcome_anchors=ALT_GROWTH), incl_cut=0.8) != \
        parsimonious(_xu.calibrated(), incl_cut=0.8)
    if given == changed:
        return correct(tr("Right. A defensible change of one anchor changes the solution: report "
                          "such checks.") if changed else
                       tr("Right. This solution survives that change of anchors."))
    return wrong(tr("Compare the two solutions' expressions again."))


_Q6 = {
    "a": tr_later("One check that raised the consistency cut cannot establish robustness: it "
                  "leaves the cases, the calibration and the PRI of the rows untouched, and "
                  "tasks 2 to 5 changed exactly those."),
    "b": tr_later("Our calibration is a reconstruction, not the authors' published data; these "
                  "checks show how fragile the design is (11 cases, 7 conditions), not that the "
                  "paper's numbers are wrong."),
    "c": None,
    "d": tr_later("A fragile result is not worthless, but readers need to know: report the "
                  "checks and what changed, rather than dropping them."),
}


@check(Choice("abcd"))
def q6(letter):
    """Multiple choice: what the checks say about 'relatively robust'."""
    return multiple_choice(
        letter, _Q6,
        tr_later("Right: report robustness checks that could fail (calibration, cuts, cases), "
                 "say what changed, and temper the claims accordingly."),
        tr_later("What do tasks 1 to 5 show, and what do they not show?"))
