"""Checks for exercise 14, the robustness protocol: RF_cov, RF_cons, RF_SC and case classes.

The hand tasks use :data:`HAND`: nine made-up cases with their memberships in an initial
solution (IS), two test solutions (TS1, TS2) and the outcome Y, built so that every robustness
class of SetMethods' ``rob.cases`` occurs. The formulas (Oana & Schneider 2021; lesson 19b):
MinTS and MaxTS are the minimum and maximum over the test solutions, the robust core
RC = min(IS, MinTS), and

- RF_cov = cov(RC) / cov(IS), with cov(A) = sum(min(A, Y)) / sum(Y);
- RF_cons = cons(IS) / cons(RC), with cons(A) = sum(min(A, Y)) / sum(A);
- RF_SC_minTS = sum(min(IS, MinTS)) / sum(max(IS, MinTS)).

The data tasks run :func:`qcakit.robustness` on the raw Xu (2024) data with the documented
calibration of lesson 12 (:func:`qcakit.studies.xu2024.robustness_calibration`), the settings
of lessons 15 and 19b, and the test ranges :data:`ANCHOR_SHIFTS` and :data:`INCL_CUTS`, in
which every test solution has one model.

>>> round(float(q1.__wrapped__().reference), 3)
0.735
>>> q2(1.166).message
'You divided the other way round: cons(RC) / cons(IS).'
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .. import QCAWarning, datasets, fit, robustness
from ..i18n import tr, tr_later
from ..robustness import case_robustness, robustness_fit
from ..studies import xu2024
from ._answers import Count, Names, Number, Text
from ._feedback import check, correct, partly, wrong
from ._verdicts import Mistake, Target, self_assessed

HAND = pd.DataFrame({"IS": [0.8, 0.7, 0.6, 0.3, 0.2, 0.1, 0.9, 0.4, 0.6],
                     "TS1": [0.7, 0.3, 0.6, 0.2, 0.1, 0.2, 0.8, 0.6, 0.9],
                     "TS2": [0.9, 0.8, 0.7, 0.7, 0.3, 0.3, 0.2, 0.1, 0.6],
                     "Y": [0.9, 0.8, 0.2, 0.9, 0.8, 0.1, 0.3, 0.2, 0.7]},
                    index=list("abcdefghi"))
TESTS = ["TS1", "TS2"]
#: Decimals graded per task. RF_cons asks for three: the core's own consistency lies 0.0047
#: from it. RF_SC_minTS asks for three too: two of its named mistakes, RF_cov (task 1) and
#: RF_SC_maxTS, lie 0.0024 apart, so two decimals could not say which one an answer is.
#: RF_cov is told apart from every named mistake with two.
DECIMALS = {"q1": 2, "q2": 3, "q3": 3}
#: The test ranges of the Xu protocol: the outcome's crossover moved by up to one percentage
#: point of growth, and two other consistency cuts.
ANCHOR_SHIFTS = {xu2024.RAW_OUTCOME: (-1, -0.5, 0, 0.5, 1)}
INCL_CUTS = (0.75, 0.8, 0.85)
SHARE = tr_later("a number")


def hand_data() -> pd.DataFrame:
    return HAND.copy()


def _hand():
    """(IS, test solutions as a cases x tests array, Y, MinTS, MaxTS, RC)."""
    initial, y = HAND["IS"].to_numpy(), HAND["Y"].to_numpy()
    tests = HAND[TESTS].to_numpy()
    lo, hi = tests.min(axis=1), tests.max(axis=1)
    return initial, tests, y, lo, hi, np.minimum(initial, lo)


def _cov(a, y):
    return fit.coverage(a, y)


def _cons(a, y):
    return fit.consistency(a, y)


@check(Number(SHARE), graded=True)
def q1():
    """RF_cov of the hand-made solutions, by hand."""
    initial, tests, y, lo, hi, core = _hand()
    rf = robustness_fit(initial, tests, y)
    return Target(
        rf["RF_cov"], DECIMALS["q1"],
        tr("Right: the robust core keeps this share of the initial solution's coverage; the "
           "rest is coverage that some test solution does not confirm."),
        tr("MinTS = min(TS1, TS2), RC = min(IS, MinTS); RF_cov = cov(RC) / cov(IS) with "
           "cov(A) = sum(min(A, Y)) / sum(Y)."),
        [Mistake("inverse: cov(IS) / cov(RC)", _cov(initial, y) / _cov(core, y), tr("You "
                 "divided the other way round: cov(IS) / cov(RC)."), tr("RF_cov = cov(RC) / "
                 "cov(IS), at most 1.")),
         Mistake("RF_cons", rf["RF_cons"], tr("That is RF_cons, task 2."),
                 tr("RF_cov compares coverages.")),
         Mistake("MaxTS instead of MinTS", _cov(np.minimum(initial, hi), y) / _cov(initial, y),
                 tr("You built the core with MaxTS (the union of the tests)."), tr("The robust "
                 "core is what every test agrees on: min(IS, MinTS), MinTS the minimum.")),
         Mistake("RF_SC_minTS", rf["RF_SC_minTS"], tr("That is RF_SC_minTS, task 3."),
                 tr("RF_cov is a ratio of two coverages.")),
         Mistake("coverage of the core alone", _cov(core, y), tr("That is the coverage of the "
                 "robust core alone."), tr("Divide it by the coverage of the IS.")),
         Mistake("coverage of the IS alone", _cov(initial, y), tr("That is the coverage of the "
                 "initial solution alone."), tr("RF_cov = cov(RC) / cov(IS).")),
         Mistake("consistency ratio cons(RC) / cons(IS)", _cons(core, y) / _cons(initial, y),
                 tr("You divided consistencies, not coverages."), tr("cov(A) divides by "
                                                                     "sum(Y)."))],
        lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q2():
    """RF_cons of the hand-made solutions, by hand."""
    initial, tests, y, lo, hi, core = _hand()
    rf = robustness_fit(initial, tests, y)
    return Target(
        rf["RF_cons"], DECIMALS["q2"],
        tr("Right: below 1, so the initial solution is less consistent than its robust core: "
           "its inconsistency lies in the part some test does not confirm."),
        tr("RF_cons = cons(IS) / cons(RC), with cons(A) = sum(min(A, Y)) / sum(A)."),
        [Mistake("other way round: cons(RC) / cons(IS)", _cons(core, y) / _cons(initial, y),
                 tr("You divided the other way round: cons(RC) / cons(IS)."),
                 tr("RF_cons = cons(IS) / cons(RC) (SetMethods' rob.fit).")),
         Mistake("RF_cov", rf["RF_cov"], tr("That is RF_cov, task 1."),
                 tr("RF_cons compares consistencies.")),
         Mistake("MaxTS instead of MinTS", _cons(initial, y) / _cons(np.minimum(initial, hi), y),
                 tr("You built the core with MaxTS (the union of the tests)."), tr("RC = min(IS, "
                 "MinTS), MinTS the minimum of the test solutions.")),
         Mistake("MinTS instead of the core", _cons(initial, y) / _cons(lo, y), tr("You used "
                 "MinTS itself, not the core min(IS, MinTS)."), tr("The core is the minimum of "
                 "IS and MinTS, case by case.")),
         Mistake("consistency of the IS alone", _cons(initial, y), tr("That is the consistency "
                 "of the initial solution alone."), tr("Divide it by the consistency of the "
                                                       "core.")),
         Mistake("consistency of the core alone", _cons(core, y), tr("That is the consistency "
                 "of the robust core alone."), tr("RF_cons = cons(IS) / cons(RC).")),
         Mistake("coverage ratio cov(IS) / cov(RC)", _cov(initial, y) / _cov(core, y),
                 tr("You divided coverages, not consistencies."), tr("cons(A) divides by "
                                                                     "sum(A)."))])


@check(Number(SHARE), graded=True)
def q3():
    """RF_SC_minTS of the hand-made solutions, by hand."""
    initial, tests, y, lo, hi, core = _hand()
    rf = robustness_fit(initial, tests, y)
    per_test = [np.minimum(initial, t).sum() / np.maximum(initial, t).sum() for t in tests.T]
    return Target(
        rf["RF_SC_minTS"], DECIMALS["q3"],
        tr("Right: the set coincidence of the IS with the intersection of the tests; 1 would "
           "mean that every test solution contains the IS."),
        tr("RF_SC_minTS = sum(min(IS, MinTS)) / sum(max(IS, MinTS))."),
        [Mistake("MaxTS (RF_SC_maxTS)", rf["RF_SC_maxTS"], tr("That is RF_SC_maxTS, the "
                 "coincidence with the union of the tests."), tr("Use MinTS, the minimum.")),
         Mistake("divided by sum(IS)", np.minimum(initial, lo).sum() / initial.sum(), tr("You "
                 "divided by the sum of IS."), tr("Set coincidence divides by "
                                                  "sum(max(IS, MinTS)).")),
         Mistake("divided by sum(MinTS)", np.minimum(initial, lo).sum() / lo.sum(), tr("You "
                 "divided by the sum of MinTS."), tr("Set coincidence divides by "
                                                     "sum(max(IS, MinTS)).")),
         Mistake("mean of per-case ratios", float(np.mean(np.minimum(initial, lo)
                                                          / np.maximum(initial, lo))),
                 tr("You averaged min / max case by case."), tr("Divide the two sums: a ratio "
                                                                "of sums, not a mean of "
                                                                "ratios.")),
         Mistake("RF_cov", rf["RF_cov"], tr("That is RF_cov, task 1."),
                 tr("Set coincidence uses no outcome.")),
         Mistake("TS1 only", per_test[0], tr("That is the coincidence with TS1 only."),
                 tr("MinTS is the minimum of both test solutions.")),
         Mistake("TS2 only", per_test[1], tr("That is the coincidence with TS2 only."),
                 tr("MinTS is the minimum of both test solutions."))],
        lower=0, upper=1)


def _hand_classes() -> pd.Series:
    initial, tests, y, lo, hi, core = _hand()
    return pd.Series(case_robustness(initial, lo, hi, y), index=HAND.index)


_CLASS_WHY = {
    "shaky typical": tr_later("{case} is shaky: in the IS, but some test solution drops it "
                              "(MinTS < 0.5)."),
    "shaky deviant": tr_later("{case} is shaky and out of Y: some test drops it."),
    "robust deviant": tr_later("{case} is in the IS and in every test, but out of Y (< 0.5): "
                               "robust deviant."),
    "possible typical": tr_later("{case} is not in the IS; only some test solution covers it: "
                                 "possible."),
    "possible deviant": tr_later("{case} is not in the IS, and out of Y: possible deviant."),
    "extreme deviant coverage": tr_later("{case} is in Y but in no solution at all."),
    "irrelevant": tr_later("{case} is in no solution and out of Y."),
    "robust typical": tr_later("{case} is robust typical."),
    "on the crossover": tr_later("{case} sits on the crossover."),
}


def _class_verdict(given, expected, classes, right, hint, missing):
    """The verdict on a set of cases; ``missing`` says how many are missing (takes ``n``)."""
    if given == expected:
        return correct(right)
    details = [tr(_CLASS_WHY[classes[c]]).format(case=c) for c in sorted(given - expected)]
    if expected - given:
        details.append(missing.format(n=len(expected - given)))
    return (partly if given & expected else wrong)(tr("Not quite."), hint, details)


@check(Names(list(HAND.index), tr_later("cases (a to i)")))
def q4(given):
    """Robust typical cases of the hand-made solutions, by hand."""
    classes = _hand_classes()
    expected = set(classes.index[classes == "robust typical"])
    return _class_verdict(
        given, expected, classes, tr("Right: in the IS, in every test solution (MinTS > 0.5) "
                                     "and in the outcome. Only these cases back the solution "
                                     "whatever the test."),
        tr("Robust typical: IS > 0.5, MinTS > 0.5 and Y > 0.5."),
        tr("{n} robust typical case(s) missing."))


# --------------------------------------------------------------------------- Xu protocol

def protocol():
    """The robustness protocol of the data tasks, as the notebook runs it."""
    raw = datasets.load(xu2024.DATASET)
    with warnings.catch_warnings():  # the 0.501 nudges are explained in lesson 12
        warnings.simplefilter("ignore", QCAWarning)
        return robustness(raw, xu2024.robustness_calibration(), xu2024.RAW_OUTCOME,
                          xu2024.CONDITIONS, incl_cut=xu2024.INCL_CUT, pri_cut=0.5,
                          solution="intermediate", directional=xu2024.DIRECTIONAL,
                          anchor_shifts=ANCHOR_SHIFTS, incl_cuts=INCL_CUTS)


def _xu_cases() -> list:
    return list(datasets.load(xu2024.DATASET).index)


@check(Names(_xu_cases, tr_later("case labels")))
def q5(given):
    """Shaky typical cases of the Xu protocol."""
    classes = protocol().cases["class"]
    expected = set(classes.index[classes == "shaky typical"])
    return _class_verdict(
        given, expected, classes, tr("Right: the initial solution covers them and they "
                                     "improved, but some test solution drops them. They are the "
                                     "only cases of two of the four paths (lesson 19b)."),
        tr("r.cases['class'] names each alliance's class."),
        tr("{n} shaky typical case(s) missing."))


def _same_as_initial(result) -> int:
    """Test settings whose solution has the same membership as the IS in every case."""
    initial = result.cases["IS"].to_numpy()
    return int(sum(np.allclose(result.memberships[c].to_numpy(), initial, atol=1e-9)
                   for c in result.memberships.columns))


@check(Count(tr_later("a count of test settings")))
def q6(n):
    """Test settings of the Xu protocol that give the initial solution back."""
    result = protocol()
    same, settings = _same_as_initial(result), len(result.tests)
    if n == same:
        return correct(tr("Right: {same} of the {settings} test settings give the initial "
                          "solution back; the others change its paths.").format(
                              same=same, settings=settings))
    hint = tr("Compare r.tests['solution'] with r.initial['solution'], or each test's "
              "memberships (r.memberships) with the IS (r.cases['IS']).")
    known = {
        same + 1: tr("You counted the initial setting too; it is not a test setting."),
        settings - same: tr("That counts the test settings that change the solution."),
        settings: tr("That is the number of all test settings."),
        settings + 1: tr("That is the number of settings with the initial one included."),
    }
    return wrong(known.get(n, tr("Not quite.")), hint)


#: Task 7 is a written answer: self-assessed against this model answer and rubric, not marked.
MODEL_Q7 = tr_later(
    "Under six test settings (the GROWTH crossover moved by -1 to +1 percentage points, "
    "consistency cuts 0.75 and 0.85) two give the initial solution back. The robust core keeps "
    "65 % of its coverage (RF_cov 0.65) at the same consistency (RF_cons 1.00); RF_SC is 0.66 "
    "with MinTS and 0.73 with MaxTS. Xiaoshan, Dongyang and Shimian are robust typical cases; "
    "Linchang and Shanglin, the only cases of two paths, are shaky. Every covered alliance is "
    "in the solution at 0.501, so coverage rests on cases at the crossover: the paths are "
    "fragile, their consistency is not.")
RUBRIC_Q7 = (
    tr_later("It says what was varied and in what ranges (the outcome's crossover, the "
             "consistency cut), one setting at a time, and how many settings keep the initial "
             "solution."),
    tr_later("It reports RF_cov, RF_cons and RF_SC with what each means: the share of coverage "
             "that survives, the consistency relative to the core, the overlap with MinTS and "
             "MaxTS."),
    tr_later("It names the robust and the shaky typical cases and links the fragility to the "
             "cases at 0.501, without calling the solution robust or worthless."),
)


@check(Text(tr_later("a paragraph")))
def q7(text):
    """A robustness paragraph for the Xu solution (self-assessed, not marked)."""
    return self_assessed(MODEL_Q7, RUBRIC_Q7, text, min_words=50)
