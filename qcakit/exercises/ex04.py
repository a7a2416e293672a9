"""Checks for exercise 4, sufficiency, PRI and simultaneous subset relations.

The hand tasks use :data:`HAND` (six cases), built so that X looks sufficient for Y *and* for
not-Y; the qcakit tasks use the Lipset data.

>>> HAND.sum().round(2).tolist()
[2.5, 2.7]
>>> q1(0.778).hint
'Sufficiency consistency divides by the sum of X: how much of X lies inside Y.'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import datasets, evaluate, fit
from .._display import label
from ..i18n import tr, tr_later
from ._answers import Choice, Number
from ._feedback import check
from ._verdicts import Mistake, Target, multiple_choice

#: Decimals graded: two everywhere; the nearest named mistake (task 1: consistency summed over
#: the outcome's cases only) lies 0.0067 from the reference, outside 0.005 even when rounded.
DECIMALS = 2
HAND = pd.DataFrame({"X": [0.3, 0.4, 0.2, 0.6, 0.7, 0.3],
                     "Y": [0.4, 0.5, 0.6, 0.45, 0.55, 0.2]}, index=list("abcdef"))
#: The Lipset truth-table row of Finland and Ireland, used in tasks 6 and 7.
ROW = "DEV*~URB*LIT*~IND*STB"
SHARE = tr_later("a number between 0 and 1")


def hand_data() -> pd.DataFrame:
    return HAND.copy()


def _xy():
    return HAND["X"].to_numpy(), HAND["Y"].to_numpy()


def _pri_parts(x, y):
    """sum(min(X, Y)), sum(min(X, Y, 1 - Y)), sum(X)."""
    both = np.minimum(x, y)
    return both.sum(), np.minimum(both, 1 - y).sum(), x.sum()


def _partial_sums(ratio, x, y, outcome: str = "Y") -> list:
    hint = tr("Sum over all cases: a case with a low membership still counts.")
    inside = y > 0.5 if outcome == "Y" else y < 0.5
    only = (tr("You summed only over the cases in Y (membership above 0.5).") if outcome == "Y"
            else tr("You summed only over the cases in not-Y (membership above 0.5)."))
    return [Mistake("summed over the outcome's cases only", ratio(x[inside], y[inside]),
                    only, hint),
            Mistake("summed over the condition's cases only (X > 0.5)",
                    ratio(x[x > 0.5], y[x > 0.5]), tr("You summed only over the cases with X "
                                                      "above 0.5."), hint)]


@check(Number(SHARE), graded=True)
def q1():
    """Sufficiency consistency of X for Y, by hand."""
    x, y = _xy()
    both = np.minimum(x, y)
    return Target(
        fit.consistency(x, y), DECIMALS,
        tr("Right: sum(min(X, Y)) / sum(X). Above the usual 0.8 cut, so X looks sufficient for "
           "Y."),
        tr("Take min(X, Y) for each case, add them up, divide by sum(X)."),
        [Mistake("divided by the sum of Y", fit.coverage(x, y), tr("You divided by the sum of "
                 "Y; that is coverage (or necessity consistency)."), tr("Sufficiency "
                 "consistency divides by the sum of X: how much of X lies inside Y.")),
         Mistake("for not-Y", fit.consistency(x, 1 - y), tr("That is the consistency for not-Y "
                 "(1 - Y); this task is about Y itself."), tr("Use Y as it is.")),
         Mistake("mean of per-case ratios", float(np.mean(both / x)), tr("You averaged the "
                 "ratio min(X, Y) / X of each case."), tr("Divide the sum of the minima by the "
                 "sum of X: a ratio of sums, not a mean of ratios.")),
         Mistake("PRI", fit.pri(x, y), tr("That is PRI, task 4."),
                 tr("Consistency is sum(min(X, Y)) / sum(X)."))]
        + _partial_sums(fit.consistency, x, y),
        lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q2():
    """Sufficiency coverage of X for Y, by hand."""
    x, y = _xy()
    both = np.minimum(x, y)
    return Target(
        fit.coverage(x, y), DECIMALS,
        tr("Right: sum(min(X, Y)) / sum(Y), the share of Y that X accounts for."),
        tr("Coverage = sum(min(X, Y)) / sum(Y)."),
        [Mistake("divided by the sum of X", fit.consistency(x, y), tr("That is consistency "
                 "(divided by the sum of X)."), tr("Coverage divides the same overlap by the "
                                                   "sum of Y.")),
         Mistake("mean of per-case ratios", float(np.mean(both / y)), tr("You averaged the "
                 "ratio min(X, Y) / Y of each case."), tr("Divide the two sums: "
                                                         "sum(min(X, Y)) / sum(Y).")),
         Mistake("coverage of not-Y", fit.coverage(x, 1 - y), tr("That is the coverage of "
                                                                "not-Y."),
                 tr("Use Y as it is.")),
         Mistake("overlap alone", both.sum(), tr("That is the overlap sum(min(X, Y)) alone."),
                 tr("Divide it by the sum of Y."))]
        + _partial_sums(fit.coverage, x, y),
        lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q3():
    """Sufficiency consistency of X for not-Y, by hand."""
    x, y = _xy()
    return Target(
        fit.consistency(x, 1 - y), DECIMALS,
        tr("Right, and surprising: X also passes 0.8 for not-Y. X looks like a subset of Y and "
           "of not-Y at the same time."),
        tr("Compute 1 - Y, then sum(min(X, 1 - Y)) / sum(X)."),
        [Mistake("for Y", fit.consistency(x, y), tr("That is the consistency for Y."),
                 tr("Replace Y by 1 - Y first.")),
         Mistake("1 - consistency for Y", 1 - fit.consistency(x, y), tr("Consistency for not-Y "
                 "is not 1 minus the consistency for Y."), tr("Compute min(X, 1 - Y) case by "
                                                              "case, then divide by sum(X).")),
         Mistake("divided by sum(1 - Y)", fit.coverage(x, 1 - y), tr("You divided by the sum "
                 "of 1 - Y; that is the coverage of not-Y."), tr("Consistency divides by "
                                                                 "sum(X).")),
         Mistake("mean of per-case ratios", float(np.mean(np.minimum(x, 1 - y) / x)),
                 tr("You averaged the ratio of each case."), tr("Divide the two sums."))]
        + _partial_sums(lambda a, b: fit.consistency(a, 1 - b), x, y, "not-Y"),
        lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q4():
    """PRI of X for Y, by hand."""
    x, y = _xy()
    both, shared, sx = _pri_parts(x, y)
    return Target(
        fit.pri(x, y), DECIMALS,
        tr("Right: once the part of X that is consistent with both Y and not-Y is taken out, "
           "little is left. Low PRI flags a simultaneous subset relation."),
        tr("PRI = (sum(min(X, Y)) - sum(min(X, Y, 1 - Y))) / (sum(X) - sum(min(X, Y, 1 - Y)))."),
        [Mistake("plain consistency", fit.consistency(x, y), tr("That is plain consistency."),
                 tr("PRI subtracts sum(min(X, Y, 1 - Y)) from numerator and denominator.")),
         Mistake("for not-Y", fit.pri(x, 1 - y), tr("That is PRI for not-Y; the task asks for "
                                                    "Y."),
                 tr("Use Y itself.")),
         Mistake("subtracted in the numerator only", (both - shared) / sx, tr("You subtracted "
                 "sum(min(X, Y, 1 - Y)) from the numerator only."), tr("Subtract it from the "
                 "denominator too: sum(X) - sum(min(X, Y, 1 - Y)).")),
         Mistake("difference of the two consistencies",
                 fit.consistency(x, y) - fit.consistency(x, 1 - y), tr("You subtracted the "
                 "consistency for not-Y from that for Y."), tr("PRI subtracts the shared part "
                 "sum(min(X, Y, 1 - Y)) from both sums.")),
         Mistake("summed over the condition's cases only (X > 0.5)",
                 fit.pri(x[x > 0.5], y[x > 0.5]), tr("You summed only over the cases with X "
                 "above 0.5."), tr("Sum over all cases."))],
        lower=0, upper=1)


_Q5 = {
    "a": tr_later("Consistency above 0.8 for both Y and not-Y cannot support a claim that X "
                  "produces Y; it would support the opposite claim equally well."),
    "b": None,
    "c": tr_later("Coverage says how much of Y is explained, not whether the subset relation is "
                  "real."),
    "d": tr_later("Nothing is wrong with the arithmetic: X scores low everywhere and Y hovers "
                  "near 0.5, so X fits under both."),
}


@check(Choice("abcd"))
def q5(letter):
    """Multiple choice: what the simultaneous subset relation means."""
    return multiple_choice(
        letter, _Q5,
        tr_later("Right: when X is (nearly) a subset of Y and of not-Y, consistency alone cannot "
                 "tell them apart; PRI can, and many authors also set a PRI cut (e.g. 0.5 or "
                 "0.75) in the truth table."),
        tr_later("What do your answers to tasks 1, 3 and 4 say together?"))


def _lipset_fit(negate=False):
    return evaluate(datasets.load("lipset_fuzzy"), ROW, "SURV", negate_outcome=negate).table


def _row_mistakes(skip: tuple) -> list:
    """Every other number of the two fit tables (for SURV and not-SURV)."""
    out = []
    for negate, outcome in ((False, "SURV"), (True, "not-SURV")):
        table = _lipset_fit(negate)
        shown = tr("not-{outcome}").format(outcome="SURV") if negate else outcome
        for col, name in (("consistency", "consistency"), ("PRI", "PRI"),
                          ("raw_coverage", "coverage")):
            if (col, negate) != skip:
                hint = (tr("Read the {column} column.").format(column=label(skip[0]))
                        if negate == skip[1] else
                        tr("Pass negate_outcome=True.") if skip[1] else
                        tr("Leave negate_outcome at False for this task."))
                out.append(Mistake(f"the {name} for {outcome}", float(table.loc[ROW, col]),
                                   tr("That is the {measure} for {outcome}.").format(
                                       measure=label(name), outcome=shown), hint))
    return out


@check(Number(SHARE), graded=True)
def q6():
    """PRI of the FI/IE row for SURV (qcakit)."""
    t = _lipset_fit()
    return Target(
        float(t.loc[ROW, "PRI"]), DECIMALS,
        tr("Right: the row passes the 0.8 consistency cut, but its PRI is lower."),
        tr("{call} has a PRI column.").format(call=f"qcakit.evaluate(lf, '{ROW}', 'SURV').table"),
        _row_mistakes(("PRI", False)), lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q7():
    """Consistency of the FI/IE row for not-SURV (qcakit)."""
    for_surv = float(_lipset_fit().loc[ROW, "consistency"])
    return Target(
        float(_lipset_fit(negate=True).loc[ROW, "consistency"]), DECIMALS,
        tr("Right: much lower than for SURV, so this row is no simultaneous subset relation. "
           "Its PRI is still well above that of the hand example."),
        tr("Use qcakit.evaluate(lf, ROW, 'SURV', negate_outcome=True)."),
        [Mistake("1 - consistency for SURV", 1 - for_surv, tr("Consistency for not-SURV is not "
                 "1 minus the consistency for SURV."), tr("Use qcakit.evaluate(..., "
                 "negate_outcome=True)."))] + _row_mistakes(("consistency", True)),
        lower=0, upper=1)
