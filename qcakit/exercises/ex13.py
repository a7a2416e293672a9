"""Checks for exercise 13, case types, case selection and theory evaluation.

The hand tasks use :data:`HAND`: ten made-up cases with their memberships in the two terms T1
and T2 of a solution ``S = T1 + T2`` and in the outcome Y, built so that every case type of
lesson 19b occurs (Schneider & Rohlfing 2013): typical (X > 0.5, Y > 0.5, X <= Y), deviant
consistency in degree (X > Y) and in kind (Y < 0.5), deviant coverage, individually irrelevant,
and cases on the crossover. The qcakit tasks use the Lipset data, the solution :data:`SOLUTION`
(the intermediate solution of exercise 7) and Lipset's modernization theory :data:`THEORY`.

The solution and the theory are given as expressions, and the theory's intersections are read
from their memberships, so the checks do not depend on how a solution's models are ordered or
how the intersections are labelled.

>>> q1(["a", "c", "e"]).status
'correct'
>>> q1(["a", "b", "c", "e"]).details[0]
'b is deviant consistency in degree: more in S (0.9) than in Y (0.7).'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import case_types, datasets, fit, membership, theory_evaluation
from ..cases import CROSSOVER, DEV_COVERAGE, DEV_DEGREE, DEV_KIND, INDIV_IRRELEVANT, TYPICAL
from ..i18n import tr, tr_later
from ._answers import Names, Number, Text
from ._feedback import check, correct, partly, wrong
from ._verdicts import Mistake, Target, self_assessed

HAND = pd.DataFrame({"T1": [0.8, 0.9, 0.6, 0.7, 0.2, 0.3, 0.5, 0.1, 0.6, 0.2],
                     "T2": [0.2, 0.1, 0.3, 0.2, 0.6, 0.2, 0.1, 0.3, 0.1, 0.6],
                     "Y": [0.9, 0.7, 0.8, 0.3, 0.65, 0.7, 0.9, 0.2, 0.5, 0.4]},
                    index=list("abcdefghij"))
HAND_SOLUTION = "T1 + T2"
#: The intermediate solution of exercise 7 (Lipset, incl_cut 0.8, every condition expected
#: present), given as text so that the tasks do not depend on a model's order.
SOLUTION = "DEV*URB*LIT*STB + DEV*LIT*~IND*STB"
#: Lipset's modernization theory: developed, urban, literate and industrial countries.
THEORY = "DEV*URB*LIT*IND"
#: Decimals graded in task 5: the nearest named mistake (T + ~S) lies 0.12 away.
DECIMALS = 2


def hand_data() -> pd.DataFrame:
    return HAND.copy()


def _hand_types():
    return case_types(HAND, HAND_SOLUTION, "Y")


def _hand_cases() -> list:
    return list(HAND.index)


HAND_CASES = Names(_hand_cases, tr_later("cases (a to j)"))

#: Why a case has its type; {solution} names the solution ("S" in the hand tasks).
_WHY = {
    DEV_DEGREE: tr_later("{case} is deviant consistency in degree: more in {solution} ({x}) "
                         "than in Y ({y})."),
    DEV_KIND: tr_later("{case} is deviant consistency in kind: in {solution} ({x}) but out of Y "
                       "({y})."),
    DEV_COVERAGE: tr_later("{case} is deviant coverage: in Y ({y}) but out of {solution} "
                           "({x})."),
    INDIV_IRRELEVANT: tr_later("{case} is out of {solution} ({x}) and out of Y ({y}): "
                               "individually irrelevant."),
    CROSSOVER: tr_later("{case} sits on the crossover (S = {x}, Y = {y}): a membership of "
                        "exactly 0.5 is in no zone."),
    TYPICAL: tr_later("{case} is typical: in {solution} ({x}) and in Y ({y}), with S <= Y."),
}


def _why(types, case, solution: str = "S") -> str:
    x, y = types.memberships.loc[case, "solution"], types.outcome.loc[case]
    return tr(_WHY[types.types.loc[case, "solution"]]).format(case=case, x=f"{x:g}",
                                                              y=f"{y:g}", solution=solution)


def _names_verdict(given, expected, types, right, hint, missing):
    """The verdict on a set of cases; ``missing`` says how many are missing (takes ``n``)."""
    if given == expected:
        return correct(right)
    details = [_why(types, case) for case in sorted(given - expected)]
    if expected - given:
        details.append(missing.format(n=len(expected - given)))
    return (partly if given & expected else wrong)(tr("Not quite."), hint, details)


@check(HAND_CASES)
def q1(given):
    """Typical cases of the solution T1 + T2, by hand."""
    types = _hand_types()
    expected = set(types.types.index[types.types["solution"] == TYPICAL])
    only_t1 = set(types.types.index[types.types["T1"] == TYPICAL])
    hint = tr("Membership in S is max(T1, T2). Typical: S > 0.5, Y > 0.5 and S <= Y (on or "
              "above the diagonal).")
    if given == only_t1 and given != expected:
        return partly(tr("These are the typical cases of T1 only; the solution is T1 + T2, so "
                         "its membership is the maximum of the two."), hint)
    return _names_verdict(given, expected, types, tr("Right: in the solution and in the "
                          "outcome, on or above the diagonal. These are the cases that show the "
                          "paths at work."), hint,
                          tr("{n} case(s) in S and in Y with S <= Y are missing."))


@check(HAND_CASES)
def q2(given):
    """Cases of deviant consistency in kind for the solution, by hand."""
    types = _hand_types()
    expected = set(types.types.index[types.types["solution"] == DEV_KIND])
    hint = tr("Deviant consistency in kind: S > 0.5 but Y < 0.5, a counterexample to "
              "sufficiency.")
    return _names_verdict(given, expected, types, tr("Right: in the solution but out of the "
                          "outcome, the counterexamples that lower the solution's "
                          "consistency."), hint, tr("{n} case(s) in S and out of Y are missing."))


@check(Names(_hand_cases, tr_later("cases (a to j)"), count=1))
def q3(given):
    """The most typical case of the solution, by the score 2 (Y - S) + (1 - S)."""
    types = _hand_types()
    best = types.most(TYPICAL)
    expected = set(best.loc[best["term"] == "solution", "case"])
    (case,) = given
    hint = tr("Compute 2 (Y - S) + (1 - S) for each typical case (task 1); the smallest wins.")
    if given == expected:
        return correct(tr("Right: close to the diagonal and deep in the solution. It is the "
                          "first case to study for how the paths work."))
    kind = types.types.loc[case, "solution"]
    if kind != TYPICAL:
        return wrong(tr("{why} Only typical cases are ranked.").format(why=_why(types, case)),
                     hint)
    y, x = types.outcome, types.memberships["solution"]
    typical = types.types.index[types.types["solution"] == TYPICAL]
    closest = (y - x)[typical].idxmin()
    if case == closest:
        return wrong(tr("{case} is the typical case closest to the diagonal, but it is less deep "
                        "in S: the score weighs both, twice the distance to the diagonal plus "
                        "the distance from full membership.").format(case=case), hint)
    return wrong(tr("{case} is typical, but another typical case has a smaller score.").format(
        case=case), hint)


# --------------------------------------------------------------------------- Lipset

def _lipset():
    return datasets.load("lipset_fuzzy")


def _lipset_types():
    return case_types(_lipset(), SOLUTION, "SURV")


def _lipset_cases() -> list:
    return list(_lipset().index)


LIPSET_CASES = Names(_lipset_cases, tr_later("country codes"))


@check(LIPSET_CASES)
def q4(given):
    """Deviant coverage cases of the Lipset solution."""
    types = _lipset_types()
    kinds = types.types["solution"]
    expected = set(kinds.index[kinds == DEV_COVERAGE])
    if given == expected:
        return correct(tr("Right: democracy survived there, but neither path covers them. They "
                          "are where a missing path to survival would show."))
    details = []
    for case in sorted(given - expected):
        covered_by = [t for t in types.types.columns[:-1] if types.memberships.loc[case, t] > 0.5]
        if covered_by:
            details.append(tr("{case} is in the path {path}: the solution covers it (for the "
                              "other path it is 'irrelevant', not deviant).").format(
                                  case=case, path=covered_by[0]))
        else:
            details.append(_why(types, case, tr("the solution")))
    if expected - given:
        details.append(tr("{n} case(s) in SURV and out of the solution are missing.").format(
            n=len(expected - given)))
    return (partly if given & expected else wrong)(
        tr("Not quite."), tr("qcakit.case_types(lf, SOLUTION, 'SURV').types['solution'] names "
                             "each case's type; deviant coverage: SURV > 0.5, solution < 0.5."),
        details)


def _parts():
    """Memberships in T, S and the four intersections, and SURV (the kit's theory evaluation)."""
    ev = theory_evaluation(_lipset(), THEORY, SOLUTION, "SURV")
    return ev.memberships, ev.table


@check(Number(tr_later("a number between 0 and 1")), graded=True)
def q5():
    """Consistency of T*~S (theory without the solution) as a subset of SURV."""
    m, table = _parts()
    t, s, y = (m[c].to_numpy() for c in ("T", "S", "SURV"))
    lf = _lipset()
    terms = [membership(lf, term).to_numpy() for term in SOLUTION.split(" + ")]
    part = np.minimum(t, 1 - s)
    return Target(
        float(table.loc["T*~S", "consistency"]), DECIMALS,
        tr("Right: min(T, 1 - S) is the membership in T*~S; as a subset of SURV it is far from "
           "consistent. The one country more in than out of T*~S, Germany, did not survive: "
           "there the data side with the solution, not with the theory."),
        tr("Membership in T*~S is min(T, 1 - S), with T the minimum of its four conditions and "
           "S the maximum of its two terms; consistency is sum(min(M, Y)) / sum(M)."),
        [Mistake("T*S", fit.consistency(np.minimum(t, s), y), tr("That is the consistency of "
                 "T*S, where theory and solution agree."), tr("Use 1 - S, the negated "
                                                              "solution.")),
         Mistake("~T*S", fit.consistency(np.minimum(1 - t, s), y), tr("That is the consistency "
                 "of ~T*S: you negated the theory instead of the solution."), tr("T*~S keeps T "
                 "and negates S.")),
         Mistake("~T*~S", fit.consistency(np.minimum(1 - t, 1 - s), y), tr("That is the "
                 "consistency of ~T*~S: you negated both."), tr("Keep T as it is.")),
         Mistake("coverage", fit.coverage(part, y), tr("That is the coverage of T*~S."),
                 tr("Consistency divides by the sum of the intersection's memberships.")),
         Mistake("for ~SURV", fit.consistency(part, 1 - y), tr("That is the consistency for "
                 "~SURV."), tr("Use SURV itself.")),
         Mistake("T + ~S (maximum)", fit.consistency(np.maximum(t, 1 - s), y), tr("You took "
                 "the maximum: that is T + ~S, not T*~S."), tr("An intersection is the "
                                                               "minimum.")),
         Mistake("1 - consistency of T*S", 1 - fit.consistency(np.minimum(t, s), y),
                 tr("Consistency of T*~S is not 1 minus that of T*S."), tr("Compute "
                 "min(T, 1 - S) case by case.")),
         Mistake("~S as ~T1 + ~T2 (De Morgan)",
                 fit.consistency(np.minimum(t, np.maximum(*(1 - x for x in terms))), y),
                 tr("You negated S as ~T1 + ~T2 (or used T alone, which gives the same value "
                    "here). By De Morgan, ~(T1 + T2) = ~T1*~T2, the minimum."),
                 tr("1 - S is 1 - max(T1, T2) = min(1 - T1, 1 - T2)."))],
        lower=0, upper=1)


@check(LIPSET_CASES)
def q6(given):
    """Surviving democracies in ~T*S: covered by the solution, not expected by the theory."""
    m, _ = _parts()
    expected = set(m.index[(m["~T*S"] > 0.5) & (m["SURV"] > 0.5)])
    cells = {"T*S": tr("theory and solution agree"),
             "T*~S": tr("the theory expects survival, the solution does not"),
             "~T*~S": tr("neither covers it")}
    details = []
    for case in sorted(given - expected):
        cell = next((c for c in cells if m.loc[case, c] > 0.5), None)
        survived = m.loc[case, "SURV"] > 0.5
        if cell is None:
            details.append(tr("{case} is in no intersection above 0.5.").format(case=case))
            continue
        message = (tr("{case} is in {cell} ({reading}) and survived.") if survived else
                   tr("{case} is in {cell} ({reading}) and did not survive."))
        details.append(message.format(case=case, cell=cell, reading=cells[cell]))
    if expected - given:
        details.append(tr("{n} case(s) are missing.").format(n=len(expected - given)))
    if given == expected:
        return correct(tr("Right: paths the theory misses. They survived without being urban or "
                          "industrial: the second path, DEV*LIT*~IND*STB, describes them."))
    return (partly if given & expected else wrong)(
        tr("Not quite."), tr("ev.memberships['~T*S'] > 0.5 and SURV > 0.5, with ev = "
                             "qcakit.theory_evaluation(lf, THEORY, SOLUTION, 'SURV')."), details)


#: Task 7 is a written answer: self-assessed against this model answer and rubric, not marked.
MODEL_Q7 = tr_later(
    "First, Sweden and France: democracy survived, but no path covers them (deviant coverage). "
    "I would compare Sweden with Ireland, the typical case most similar to it on the five "
    "conditions, to look for a missing path. Second, Germany: developed, urban, literate and "
    "industrial, so the theory expects survival, but it is out of the solution and democracy "
    "broke down (T*~S). Compared with Belgium, a typical case of the first path, it shows what "
    "the theory leaves out: Germany is out of STB.")
RUBRIC_Q7 = (
    tr_later("It picks the deviant coverage cases (France, Sweden) and pairs one with a most "
             "similar typical case (Sweden with Ireland), to look for a missing path."),
    tr_later("It picks Germany (in T*~S, not surviving) and says what the comparison can show: "
             "the condition the theory lacks (STB), against a typical case such as Belgium."),
    tr_later("It says why each pair is informative (similar on most conditions, different in "
             "the outcome or in the path) and claims nothing beyond these eighteen countries."),
)


@check(Text())
def q7(text):
    """Which cases to study next, and why (self-assessed, not marked)."""
    return self_assessed(MODEL_Q7, RUBRIC_Q7, text, min_words=40)
