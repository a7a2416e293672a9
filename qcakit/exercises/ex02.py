"""Checks for exercise 2, direct calibration by hand and with qcakit (Xu 2024 data).

>>> q1(...).status
'unanswered'
>>> q1(0.679).hint
'Direct calibration is not linear: it puts the raw score on a log-odds scale first.'
"""
from __future__ import annotations

import math
import warnings

import pandas as pd

from .. import QCAWarning, calibrate, datasets, percentile_anchors
from ..i18n import tr, tr_later
from ._answers import Choice, Memberships, Names, Number, Numbers, Text
from ._feedback import check, correct, wrong
from ._verdicts import MembershipTarget, Mistake, Target, multiple_choice, self_assessed

#: Decimals graded in the hand tasks 1 and 2, and per membership in task 3: R's idm=0.95
#: convention lies 0.0035 to 0.0042 from the reference, so two decimals cannot tell it apart.
DECIMALS = 3
MEMBERSHIP = tr_later("a membership score between 0 and 1")
#: Anchors of the hand calculations: no growth, 3 % a year, 10 % a year.
HAND_ANCHORS = (0, 3, 10)
HAND_CASES = ("Xiaoshan district, Hangzhou", "L city")
#: R's QCA convention: the anchors score 0.95 / 0.05 (log-odds ln 19 = 2.944 instead of 3).
R_IDM = 0.95
R_IDM_PARTLY = tr_later("Close: these are the R package QCA's memberships (calibrate(..., "
                        "idm = 0.95)), whose anchors score exactly 0.95 and 0.05: log-odds 2.944 "
                        "instead of 3.")
R_IDM_HINT = tr_later("This task uses Ragin's log-odds of 3 at the anchors (qcakit's default), "
                      "so the anchors score 0.953 and 0.047.")


def _data() -> pd.DataFrame:
    return datasets.load("xu2024_county_alliance")


def _quiet_calibrate(x, thresholds, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        return calibrate(x, thresholds, **kw)


def _logistic(lo):
    return 1 / (1 + math.exp(-lo))


def _hand(case: str) -> Target:
    raw = float(_data().loc[case, "GROWTH"])
    e, c, i = HAND_ANCHORS
    expected = float(_quiet_calibrate(_data()["GROWTH"], HAND_ANCHORS).loc[case])
    above = raw > c
    lo = 3 * (raw - c) / ((i - c) if above else (c - e))
    other_lo = 3 * (raw - c) / ((c - e) if above else (i - c))
    linear = tr("Direct calibration is not linear: it puts the raw score on a log-odds scale "
                "first.")
    if above:
        other_anchor = tr("You scaled by the distance to the wrong anchor. This case lies above "
                          "the crossover, so divide by the distance from the crossover to the "
                          "inclusion anchor.")
        whole_range = tr("Divide by the distance from the crossover to the inclusion anchor, "
                         "the one on the case's side.")
    else:
        other_anchor = tr("You scaled by the distance to the wrong anchor. This case lies below "
                          "the crossover, so divide by the distance from the crossover to the "
                          "exclusion anchor.")
        whole_range = tr("Divide by the distance from the crossover to the exclusion anchor, "
                         "the one on the case's side.")
    return Target(
        expected, DECIMALS,
        tr("Right: log-odds 3 x (distance from the crossover) / (distance from the crossover to "
           "the anchor on the case's side), then 1 / (1 + exp(-log-odds))."),
        tr("Three steps: distance of the raw score from the crossover; times 3 and divided by "
           "the distance from the crossover to the anchor on the same side; then "
           "1 / (1 + exp(-log_odds))."),
        [Mistake("log-odds, not turned into a membership", lo, tr("That is the log-odds of "
                 "membership, not the membership itself."), tr("Turn log-odds into a "
                 "membership with 1 / (1 + exp(-log_odds)).")),
         Mistake("scaled by the other anchor", _logistic(other_lo), other_anchor, ""),
         Mistake("scaled by the whole range", _logistic(3 * (raw - c) / (i - e)), tr("You "
                 "divided by the distance between the two outer anchors."), whole_range),
         Mistake("mirrored (sign of the log-odds)", 1 - expected, tr("Your score is mirrored "
                 "around 0.5: check the sign of the log-odds."), tr("A raw score above the "
                 "crossover gets positive log-odds (membership above 0.5), below it negative "
                 "ones.")),
         Mistake("log-odds without the factor 3", _logistic(lo / 3), tr("You left out the "
                 "factor 3: the anchors then sit at log-odds 1 and -1 (0.73 and 0.27)."),
                 tr("Multiply by 3, so that the anchors score log-odds +3 and -3.")),
         Mistake("linear rescaling", (raw - e) / (i - e), tr("Not quite."), linear),
         Mistake("R's idm=0.95", _logistic(lo * math.log(R_IDM / (1 - R_IDM)) / 3),
                 tr(R_IDM_PARTLY), tr(R_IDM_HINT), status="partly")],
        lower=0, upper=1)


@check(Number(MEMBERSHIP), graded=True)
def q1():
    """Xiaoshan's GROWTH membership by hand with anchors (0, 3, 10)."""
    return _hand(HAND_CASES[0])


@check(Number(MEMBERSHIP), graded=True)
def q2():
    """L city's GROWTH membership by hand with anchors (0, 3, 10)."""
    return _hand(HAND_CASES[1])


def _quartile_growth(method="excel_inc", **kw):
    data = _data()
    return _quiet_calibrate(data["GROWTH"], percentile_anchors(data["GROWTH"], method=method),
                            **kw)


def _cases() -> list:
    return list(_data().index)


@check(Memberships(_cases, tr_later("cases"), labels_hint=tr_later(
    "Calibrate the column xu['GROWTH'] itself, so its index is kept.")), graded=True)
def q3():
    """GROWTH calibrated with quartile anchors (Excel QUARTILE.INC)."""
    growth = _data()["GROWTH"]
    return MembershipTarget(
        _quartile_growth(), DECIMALS,
        tr("Right: the quartiles of GROWTH as anchors, 25th percentile for full exclusion, "
           "median for the crossover, 75th percentile for full inclusion."),
        tr("Compute the anchors with qcakit.percentile_anchors(xu['GROWTH']) and pass them as "
           "thresholds to qcakit.calibrate."),
        [Mistake("0.5 nudged to 0.501", _quartile_growth(nudge_half=True), tr("Your Series "
                 "nudges the case at 0.5 to 0.501, which this task does not ask for: the plain "
                 "calibration leaves it at 0.5."), tr("Calibrate without nudge_half; the next "
                 "task is about that case."), status="partly"),
         Mistake("Excel QUARTILE.EXC", _quartile_growth("excel_exc"), tr("You used the "
                 "'excel_exc' percentile definition (Excel QUARTILE.EXC)."), tr("The task asks "
                 "for QUARTILE.INC: method='excel_inc', qcakit's default.")),
         Mistake("R's idm=0.95", _quartile_growth(idm=R_IDM), tr(R_IDM_PARTLY), tr(R_IDM_HINT),
                 status="partly"),
         Mistake("the hand tasks' anchors", _quiet_calibrate(growth, HAND_ANCHORS), tr("These "
                 "are the memberships with the anchors (0, 3, 10) of the hand tasks."), tr("This "
                 "task asks for quartile anchors: qcakit.percentile_anchors(xu['GROWTH']).")),
         Mistake("lesson 12's 5th/50th/95th percentiles",
                 _quiet_calibrate(growth, percentile_anchors(growth, (5, 50, 95))), tr("These "
                 "are the anchors of lesson 12 (5th, 50th and 95th percentiles); this task "
                 "tries the quartiles the paper names."), tr("Use the default percentiles "
                 "(25, 50, 75) of qcakit.percentile_anchors.")),
         Mistake("reversed anchors", 1 - _quartile_growth(), tr("Your memberships run the wrong "
                 "way: more growth should give more membership."), tr("Give the anchors as "
                 "(exclusion, crossover, inclusion), the 25th percentile first."))],
        lower=0, upper=1)


@check(Names(_cases, tr_later("case labels"), allow_empty=False))
def q4(given):
    """The case sitting exactly on the crossover."""
    growth = _quartile_growth()
    expected = set(growth.index[growth == 0.5])
    if given == expected:
        return correct(tr("Right: its raw growth equals the median, which is the crossover, so "
                          "it scores exactly 0.5, neither in nor out of the set."))
    other = sorted(given - expected)
    return wrong(tr("{case} does not score 0.5 in GROWTH.").format(case=repr(other[0])) if other
                 else tr("Not quite."),
                 tr("Read the QCAWarning under your calibration cell: it names the case."))


_Q5 = {
    "a": None,
    "b": tr_later("Nothing is rounded here; the warning is about a score of exactly 0.5 before "
                  "rounding."),
    "c": tr_later("The anchors follow the paper's rule; the problem is where the median of 11 "
                  "values always lies."),
    "d": tr_later("0.5 is not a code for missing data: it is the crossover, the point of "
                  "maximal ambiguity."),
}


@check(Choice("abcd"))
def q5(letter):
    """Multiple choice: why the median crossover hits a case."""
    return multiple_choice(
        letter, _Q5,
        tr_later("Right: with an odd number of cases the median is the middle case's own value, "
                 "so a median crossover always puts a case at exactly 0.5."),
        tr_later("How is the median of 11 numbers defined?"))


@check(Numbers([tr_later("full exclusion"), tr_later("crossover"), tr_later("full inclusion")],
               example="(0.5, 1.2, 1.8)", key="ORG"))
def q6(anchors):
    """Your anchors for ORG (range 0 to 2)."""
    e, c, i = anchors
    org = _data()["ORG"]
    if e > c > i:
        return wrong(tr("Your anchors decrease, which calibrates a set whose membership falls as "
                        "ORG rises."), tr("A tighter organisation (higher ORG) should mean more "
                     "membership in 'tight organisational structure': exclusion < crossover < "
                     "inclusion."))
    if not e < c < i:
        return wrong(tr("The crossover must lie strictly between the two other anchors."))
    if e < 0 or i > 2:
        return wrong(tr("ORG is a sum of two sub-items scored 0, 0.5 or 1, so it runs from 0 to "
                        "2; an anchor outside that range describes scores no case can have."),
                     tr("Full inclusion can be at most 2 (both sub-items clearly met)."))
    on = sorted({float(v) for v in org if v == c})
    if on:
        n = int((org == c).sum())
        return wrong(tr("{n} case(s) score exactly {crossover} in ORG, so they would sit at 0.5, "
                        "in no truth-table row.").format(n=n, crossover=f"{c:g}"),
                     tr("Put the crossover between two scores that occur, e.g. not at "
                        "{scores}.").format(scores=", ".join(f"{v:g}" for v in sorted(set(org)))))
    inside = int((org > c).sum())
    if inside in (0, len(org)):
        return wrong(tr("With this crossover every case is more in than out of the set, so ORG "
                        "cannot tell cases apart.") if inside else
                     tr("With this crossover every case is more out of than in of the set, so "
                        "ORG cannot tell cases apart."),
                     tr("Place the crossover where 'more tight than not' begins; some observed "
                        "scores should fall on each side."))
    memberships = _quiet_calibrate(org, (e, c, i))
    return correct(tr("Valid anchors: {inside} of {n} cases are more in than out of 'tight "
                      "organisation'; memberships range from {low} to {high}. Now say why in "
                      "the next task.").format(inside=inside, n=len(org),
                                               low=f"{memberships.min():.2f}",
                                               high=f"{memberships.max():.2f}"))


#: Task 7 is a written answer: self-assessed against this model answer and rubric, not marked.
MODEL_Q7 = tr_later(
    "Full inclusion at 2: both sub-items are clearly met, a management committee and an "
    "independent legal person. Full exclusion at 0.5: one item not mentioned and the other "
    "clearly not met. The crossover 1.25 lies between the observed scores 1.0 and 1.5, so a "
    "case needs more than one item of evidence to count as tight, and no case sits at 0.5.")
RUBRIC_Q7 = (
    tr_later("Each anchor is tied to what a case there looks like in terms of the two sub-items "
             "(management committee, independent legal person), not to a statistic of the "
             "sample."),
    tr_later("The crossover lies between two scores that occur, so no case sits at exactly 0.5, "
             "and the text says why 'more in than out' begins there."),
    tr_later("It says how 'not mentioned' (0.5 on a sub-item) is treated."),
)


@check(Text())
def q7(text):
    """Written justification of the ORG anchors (self-assessed, not marked)."""
    return self_assessed(MODEL_Q7, RUBRIC_Q7, text, min_words=25)
