"""Checks for exercise 4, sufficiency, PRI and simultaneous subset relations.

The hand tasks use :data:`HAND` (six cases), built so that X looks sufficient for Y *and* for
not-Y; the qcakit tasks use the Lipset data.

>>> HAND.sum().round(2).tolist()
[2.5, 2.7]
>>> q1(0.778).hint
'Sufficiency consistency divides by the sum of X: how much of X lies inside Y.'
"""
from __future__ import annotations

import pandas as pd

from .. import datasets, evaluate, fit
from ._answers import read_number
from ._feedback import check
from ._verdicts import diagnose, multiple_choice

TOL = 0.01
HAND = pd.DataFrame({"X": [0.3, 0.4, 0.2, 0.6, 0.7, 0.3],
                     "Y": [0.4, 0.5, 0.6, 0.45, 0.55, 0.2]}, index=list("abcdef"))
#: The Lipset truth-table row of Finland and Ireland, used in tasks 6 and 7.
ROW = "DEV*~URB*LIT*~IND*STB"


def hand_data() -> pd.DataFrame:
    return HAND.copy()


def _xy():
    return HAND["X"].to_numpy(), HAND["Y"].to_numpy()


@check
def q1(answer):
    """Sufficiency consistency of X for Y, by hand."""
    v = read_number(answer, "a number between 0 and 1")
    x, y = _xy()
    return diagnose(
        v, fit.consistency(x, y), TOL,
        "Right: sum(min(X, Y)) / sum(X). Above the usual 0.8 cut, so X looks sufficient for Y.",
        [(fit.coverage(x, y), "You divided by the sum of Y; that is coverage (or necessity "
          "consistency).", "Sufficiency consistency divides by the sum of X: how much of X lies "
          "inside Y."),
         (fit.consistency(x, 1 - y), "That is the consistency for not-Y (1 - Y); this task is "
          "about Y itself.", "Use Y as it is.")],
        "Take min(X, Y) for each case, add them up, divide by sum(X).", lower=0, upper=1)


@check
def q2(answer):
    """Sufficiency coverage of X for Y, by hand."""
    v = read_number(answer, "a number between 0 and 1")
    x, y = _xy()
    return diagnose(
        v, fit.coverage(x, y), TOL,
        "Right: sum(min(X, Y)) / sum(Y), the share of Y that X accounts for.",
        [(fit.consistency(x, y), "That is consistency (divided by the sum of X).",
          "Coverage divides the same overlap by the sum of Y.")],
        "Coverage = sum(min(X, Y)) / sum(Y).", lower=0, upper=1)


@check
def q3(answer):
    """Sufficiency consistency of X for not-Y, by hand."""
    v = read_number(answer, "a number between 0 and 1")
    x, y = _xy()
    return diagnose(
        v, fit.consistency(x, 1 - y), TOL,
        "Right, and surprising: X also passes 0.8 for not-Y. X looks like a subset of Y and of "
        "not-Y at the same time.",
        [(fit.consistency(x, y), "That is the consistency for Y.", "Replace Y by 1 - Y first."),
         (1 - fit.consistency(x, y), "Consistency for not-Y is not 1 minus the consistency for "
          "Y.", "Compute min(X, 1 - Y) case by case, then divide by sum(X).")],
        "Compute 1 - Y, then sum(min(X, 1 - Y)) / sum(X).", lower=0, upper=1)


@check
def q4(answer):
    """PRI of X for Y, by hand."""
    v = read_number(answer, "a number between 0 and 1")
    x, y = _xy()
    return diagnose(
        v, fit.pri(x, y), TOL,
        "Right: once the part of X that is consistent with both Y and not-Y is taken out, little "
        "is left. Low PRI flags a simultaneous subset relation.",
        [(fit.consistency(x, y), "That is plain consistency.",
          "PRI subtracts sum(min(X, Y, 1 - Y)) from numerator and denominator."),
         (fit.pri(x, 1 - y), "That is PRI for not-Y; the task asks for Y.", "Use Y itself.")],
        "PRI = (sum(min(X, Y)) - sum(min(X, Y, 1 - Y))) / (sum(X) - sum(min(X, Y, 1 - Y))).",
        lower=0, upper=1)


_Q5 = {
    "a": "Consistency above 0.8 for both Y and not-Y cannot support a claim that X produces Y; "
         "it would support the opposite claim equally well.",
    "b": None,
    "c": "Coverage says how much of Y is explained, not whether the subset relation is real.",
    "d": "Nothing is wrong with the arithmetic: X scores low everywhere and Y hovers near 0.5, "
         "so X fits under both.",
}


@check
def q5(answer):
    """Multiple choice: what the simultaneous subset relation means."""
    return multiple_choice(
        answer, _Q5,
        "Right: when X is (nearly) a subset of Y and of not-Y, consistency alone "
                       "cannot tell them apart; PRI can, and many authors also set a PRI cut "
                       "(e.g. 0.5 or 0.75) in the truth table.",
        "What do your answers to tasks 1, 3 and 4 say together?")


def _lipset_fit(negate=False):
    return evaluate(datasets.load("lipset_fuzzy"), ROW, "SURV", negate_outcome=negate).table


@check
def q6(answer):
    """PRI of the FI/IE row for SURV (qcakit)."""
    v = read_number(answer, "a number between 0 and 1")
    t = _lipset_fit()
    return diagnose(
        v, float(t.loc[ROW, "PRI"]), 0.002,
        "Right: the row passes the 0.8 consistency cut, but its PRI is lower.",
        [(float(t.loc[ROW, "consistency"]), "That is the consistency.",
          "Read the PRI column of evaluate(...).table."),
         (float(_lipset_fit(negate=True).loc[ROW, "PRI"]), "That is the PRI for not-SURV.",
          "Leave negate_outcome at False for this task.")],
        f"qcakit.evaluate(lf, '{ROW}', 'SURV').table has a PRI column.", lower=0, upper=1)


@check
def q7(answer):
    """Consistency of the FI/IE row for not-SURV (qcakit)."""
    v = read_number(answer, "a number between 0 and 1")
    for_surv = float(_lipset_fit().loc[ROW, "consistency"])
    return diagnose(
        v, float(_lipset_fit(negate=True).loc[ROW, "consistency"]), 0.002,
        "Right: much lower than for SURV, so this row is no simultaneous subset relation. Its "
        "PRI is still well above that of the hand example.",
        [(for_surv, "That is the consistency for SURV.", "Pass negate_outcome=True."),
         (1 - for_surv, "Consistency for not-SURV is not 1 minus the consistency for SURV.",
          "Use qcakit.evaluate(..., negate_outcome=True).")],
        "Use qcakit.evaluate(lf, ROW, 'SURV', negate_outcome=True).", lower=0, upper=1)
