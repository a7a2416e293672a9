"""Checks for exercise 2, direct calibration by hand and with qcakit (Xu 2024 data).

>>> q1(...).status
'unanswered'
>>> q1(0.679).hint
'Direct calibration is not linear: it puts the raw score on a log-odds scale first.'
"""
from __future__ import annotations

import math
import warnings

import numpy as np
import pandas as pd

from .. import QCAWarning, calibrate, datasets, percentile_anchors
from ._answers import read_names, read_number
from ._feedback import AnswerProblem, check, correct, partly, wrong
from ._verdicts import diagnose, multiple_choice, self_assessed

TOL = 0.01
#: Tolerance of each membership in the calibrated Series of task 3 (a 0.501 nudge exceeds it).
SERIES_TOL = 0.0005
#: Anchors of the hand calculations: no growth, 3 % a year, 10 % a year.
HAND_ANCHORS = (0, 3, 10)
HAND_CASES = ("Xiaoshan district, Hangzhou", "L city")


def _data() -> pd.DataFrame:
    return datasets.load("xu2024_county_alliance")


def _quiet_calibrate(x, thresholds, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        return calibrate(x, thresholds, **kw)


def _logistic(lo):
    return 1 / (1 + math.exp(-lo))


def _hand(case: str, answer):
    x = read_number(answer, "a membership score between 0 and 1")
    raw = float(_data().loc[case, "GROWTH"])
    e, c, i = HAND_ANCHORS
    expected = float(_quiet_calibrate(_data()["GROWTH"], HAND_ANCHORS).loc[case])
    above = raw > c
    lo = 3 * (raw - c) / ((i - c) if above else (c - e))
    other_lo = 3 * (raw - c) / ((c - e) if above else (i - c))
    side, anchor = ("above", "inclusion") if above else ("below", "exclusion")
    linear = "Direct calibration is not linear: it puts the raw score on a log-odds scale first."
    return diagnose(
        x, expected, TOL,
        "Right: log-odds 3 x (distance from the crossover) / (distance from the crossover to "
        "the anchor on the case's side), then 1 / (1 + exp(-log-odds)).",
        [(lo, "That is the log-odds of membership, not the membership itself.",
          "Turn log-odds into a membership with 1 / (1 + exp(-log_odds))."),
         (_logistic(other_lo), f"You scaled by the distance to the wrong anchor. This case lies "
          f"{side} the crossover, so divide by the distance from the crossover to the {anchor} "
          "anchor.", ""),
         (1 - expected, "Your score is mirrored around 0.5: check the sign of the log-odds.",
          "A raw score above the crossover gets positive log-odds (membership above 0.5), below "
          "it negative ones."),
         ((raw - e) / (i - e), "Not quite.", linear),
         (min(max((raw - e) / (i - e), 0), 1), "Not quite.", linear)],
        "Three steps: distance of the raw score from the crossover; times 3 and divided by the "
        "distance from the crossover to the anchor on the same side; then "
        "1 / (1 + exp(-log_odds)).", lower=0, upper=1)


@check
def q1(answer):
    """Xiaoshan's GROWTH membership by hand with anchors (0, 3, 10)."""
    return _hand(HAND_CASES[0], answer)


@check
def q2(answer):
    """L city's GROWTH membership by hand with anchors (0, 3, 10)."""
    return _hand(HAND_CASES[1], answer)


def _quartile_growth(method="excel_inc", **kw):
    data = _data()
    return _quiet_calibrate(data["GROWTH"], percentile_anchors(data["GROWTH"], method=method),
                            **kw)


def _growth_series(answer) -> pd.Series:
    """The learner's calibrated GROWTH as a Series, or an AnswerProblem naming the kind given."""
    if isinstance(answer, pd.DataFrame):
        if list(answer.columns) == ["GROWTH"]:
            answer = answer["GROWTH"]
        else:
            raise AnswerProblem(
                f"You gave a DataFrame with columns {list(answer.columns)[:4]}; this task asks "
                "for the calibrated GROWTH column only (a Series).",
                "Calibrate xu['GROWTH'] rather than the whole table.")
    if isinstance(answer, tuple) and len(answer) == 3:
        raise AnswerProblem("These look like anchors; the task asks for the calibrated "
                            "memberships (a Series), the result of qcakit.calibrate(...).")
    if not isinstance(answer, pd.Series):
        raise AnswerProblem("This task asks for a pandas Series of 11 memberships.",
                            "qcakit.calibrate(xu['GROWTH'], thresholds=anchors) returns one.")
    return answer


@check
def q3(answer):
    """GROWTH calibrated with quartile anchors (Excel QUARTILE.INC)."""
    data = _data()
    answer = _growth_series(answer)
    if len(answer) != len(data):
        return wrong(f"Your Series has {len(answer)} values; there are {len(data)} cases.")
    if set(map(str, answer.index)) != set(data.index) or answer.index.has_duplicates:
        return wrong("Your Series is not indexed by the 11 case labels, each once.",
                     "Calibrate the column xu['GROWTH'] itself, so its index is kept.")
    answer = answer.set_axis(answer.index.map(str)).reindex(data.index)
    try:
        values = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        raise AnswerProblem("Your Series does not hold numbers.") from None
    if values.min() < 0 or values.max() > 1:
        return wrong("Some values lie outside [0, 1]: these are raw scores, not memberships.",
                     "Pass the raw column and the anchors to qcakit.calibrate.")
    candidates = [
        ("ok", _quartile_growth()),
        ("exc", _quartile_growth("excel_exc")),
        ("idm", _quartile_growth(idm=0.95)),
        ("nudge", _quartile_growth(nudge_half=True)),
        ("hand", _quiet_calibrate(data["GROWTH"], HAND_ANCHORS)),
    ]
    for label, series in candidates:
        if np.allclose(values, series.to_numpy(), rtol=0, atol=SERIES_TOL):
            break
    else:
        label = None
    if label == "ok":
        return correct("Right: the quartiles of GROWTH as anchors, 25th percentile for full "
                       "exclusion, median for the crossover, 75th percentile for full inclusion.")
    if label == "nudge":
        return partly("Your Series nudges the case at 0.5 to 0.501, which this task does not ask "
                      "for: the plain calibration leaves it at 0.5.",
                      "Calibrate without nudge_half; the next task is about that case.")
    if label == "exc":
        return wrong("You used the 'excel_exc' percentile definition (Excel QUARTILE.EXC).",
                     "The task asks for QUARTILE.INC: method='excel_inc', qcakit's default.")
    if label == "idm":
        return partly("Close: these are the R package QCA's memberships (idm=0.95).",
                      "Keep qcakit's default (Ragin's log-odds of 3) for this task.")
    if label == "hand":
        return wrong("These are the memberships with the anchors (0, 3, 10) of the hand tasks.",
                     "This task asks for quartile anchors: qcakit.percentile_anchors(xu['GROWTH']).")
    return wrong("These memberships differ from GROWTH calibrated at its quartiles.",
                 "Compute the anchors with qcakit.percentile_anchors(xu['GROWTH']) and pass them "
                 "as thresholds to qcakit.calibrate.")


@check
def q4(answer):
    """The case sitting exactly on the crossover."""
    data = _data()
    given = read_names(answer, list(data.index), "case labels", allow_empty=False)
    growth = _quartile_growth()
    expected = set(growth.index[growth == 0.5])
    if given == expected:
        return correct("Right: its raw growth equals the median, which is the crossover, so it "
                       "scores exactly 0.5, neither in nor out of the set.")
    other = sorted(given - expected)
    return wrong(f"{other[0]!r} does not score 0.5 in GROWTH." if other else "Not quite.",
                 "Read the QCAWarning under your calibration cell: it names the case.")


_Q5 = {
    "a": None,
    "b": "Nothing is rounded here; the warning is about a score of exactly 0.5 before rounding.",
    "c": "The anchors follow the paper's rule; the problem is where the median of 11 values "
         "always lies.",
    "d": "0.5 is not a code for missing data: it is the crossover, the point of maximal "
         "ambiguity.",
}


@check
def q5(answer):
    """Multiple choice: why the median crossover hits a case."""
    return multiple_choice(
        answer, _Q5,
        "Right: with an odd number of cases the median is the middle case's own "
                       "value, so a median crossover always puts a case at exactly 0.5.",
        "How is the median of 11 numbers defined?")


@check
def q6(answer):
    """Your anchors for ORG (range 0 to 2)."""
    data = _data()
    if isinstance(answer, dict):
        if "ORG" in answer:
            answer = answer["ORG"]
        else:
            raise AnswerProblem("Give the three ORG anchors as a tuple, e.g. (0.5, 1.2, 1.8).")
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        raise AnswerProblem(
            "Give three numbers in a tuple: (full exclusion, crossover, full inclusion).")
    e, c, i = (read_number(v, "a number") for v in answer)
    org = data["ORG"]
    if e > c > i:
        return wrong("Your anchors decrease, which calibrates a set whose membership falls as "
                     "ORG rises.", "A tighter organisation (higher ORG) should mean more "
                     "membership in 'tight organisational structure': exclusion < crossover < "
                     "inclusion.")
    if not e < c < i:
        return wrong("The crossover must lie strictly between the two other anchors.")
    if e < 0 or i > 2:
        return wrong("ORG is a sum of two sub-items scored 0, 0.5 or 1, so it runs from 0 to 2; "
                     "an anchor outside that range describes scores no case can have.",
                     "Full inclusion can be at most 2 (both sub-items clearly met).")
    on = sorted({float(v) for v in org if v == c})
    if on:
        n = int((org == c).sum())
        return wrong(f"{n} case(s) score exactly {c:g} in ORG, so they would sit at 0.5, in no "
                     "truth-table row.", "Put the crossover between two scores that occur, "
                     f"e.g. not at {', '.join(f'{v:g}' for v in sorted(set(org)))}.")
    inside = int((org > c).sum())
    if inside in (0, len(org)):
        side = "in" if inside else "out of"
        return wrong(f"With this crossover every case is more {side} than "
                     f"{'out' if inside else 'in'} of the set, so ORG cannot tell cases apart.",
                     "Place the crossover where 'more tight than not' begins; some observed "
                     "scores should fall on each side.")
    memberships = _quiet_calibrate(org, (e, c, i))
    return correct(f"Valid anchors: {inside} of {len(org)} cases are more in than out of 'tight "
                   f"organisation'; memberships range from {memberships.min():.2f} to "
                   f"{memberships.max():.2f}. Now say why in the next task.")


#: Task 7 is a written answer: self-assessed against this model answer and rubric, not marked.
MODEL_Q7 = ("Full inclusion at 2: both sub-items are clearly met, a management committee and an "
            "independent legal person. Full exclusion at 0.5: one item not mentioned and the other "
            "clearly not met. The crossover 1.25 lies between the observed scores 1.0 and 1.5, so "
            "a case needs more than one item of evidence to count as tight, and no case sits at "
            "0.5.")
RUBRIC_Q7 = (
    "Each anchor is tied to what a case there looks like in terms of the two sub-items "
    "(management committee, independent legal person), not to a statistic of the sample.",
    "The crossover lies between two scores that occur, so no case sits at exactly 0.5, and the "
    "text says why 'more in than out' begins there.",
    "It says how 'not mentioned' (0.5 on a sub-item) is treated.",
)


@check
def q7(answer):
    """Written justification of the ORG anchors (self-assessed, not marked)."""
    return self_assessed(MODEL_Q7, RUBRIC_Q7, answer, min_words=25)
