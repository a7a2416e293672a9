"""Checks for exercise 3, necessity: consistency, coverage, relevance (RoN), trivialness.

The hand tasks use :data:`HAND` (five cases, a condition X and an outcome Y); the qcakit tasks
the Lipset data.

>>> HAND
     X    Y
a  0.9  0.8
b  0.8  0.6
c  0.6  0.7
d  0.7  0.2
e  0.3  0.1
>>> q1(0.697).hint
'Necessity consistency divides by the sum of Y: how much of Y lies inside X.'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import datasets, fit, necessity
from .._display import label
from ..i18n import tr, tr_later
from ._answers import Choice, Names, Number
from ._feedback import check, correct, partly, wrong
from ._verdicts import Mistake, Target, multiple_choice

#: Decimals graded per task (see the teachers' guide): the nearest named mistakes lie 0.0018
#: (task 1: summing over the cases with X > 0.5 only) and 0.0009 (task 3: RoN as a mean of
#: per-case ratios) from the reference, so these tasks ask for three decimals; the LIT row of
#: the necessity table shows three, and the sum(1 - Y) denominator lies 0.004 from it.
DECIMALS = {"q1": 3, "q2": 2, "q3": 3, "q5": 3}
HAND = pd.DataFrame({"X": [0.9, 0.8, 0.6, 0.7, 0.3], "Y": [0.8, 0.6, 0.7, 0.2, 0.1]},
                    index=list("abcde"))
SHARE = tr_later("a number between 0 and 1")


def hand_data() -> pd.DataFrame:
    """A fresh copy of the five hand-made cases."""
    return HAND.copy()


def _xy():
    return HAND["X"].to_numpy(), HAND["Y"].to_numpy()


def _subset_mistakes(ratio, x, y, denominator: str) -> list:
    """The same ratio summed over only some cases: the outcome's, or the condition's."""
    hint = tr("Sum over all cases: a case outside Y (or X) still has a membership, and it "
              "counts.")
    return [Mistake("summed over the outcome's cases only (Y > 0.5)",
                    ratio(x[y > 0.5], y[y > 0.5]), tr("You summed only over the cases with Y "
                                                      "above 0.5."), hint),
            Mistake("summed over the condition's cases only (X > 0.5)",
                    ratio(x[x > 0.5], y[x > 0.5]), tr("You summed only over the cases with X "
                                                      "above 0.5."), hint),
            Mistake("mean of per-case ratios",
                    float(np.mean(np.minimum(x, y) / (y if denominator == "Y" else x))),
                    tr("You averaged the ratio of each case."),
                    tr("Divide the sum of the minima by the sum of {set}: a ratio of sums, not "
                       "a mean of ratios.").format(set=denominator))]


@check(Number(SHARE), graded=True)
def q1():
    """Necessity consistency of X for Y, by hand."""
    x, y = _xy()
    both = np.minimum(x, y)
    return Target(
        fit.necessity_consistency(x, y), DECIMALS["q1"],
        tr("Right: the overlap sum(min(X, Y)) divided by sum(Y). Almost all of Y lies inside "
           "X."),
        tr("Take min(X, Y) for each case, add them up, divide by the sum of Y."),
        [Mistake("divided by the sum of X", both.sum() / x.sum(), tr("You divided by the sum "
                 "of X; that is necessity coverage (and sufficiency consistency)."),
                 tr("Necessity consistency divides by the sum of Y: how much of Y lies inside "
                    "X.")),
         Mistake("overlap alone", both.sum(), tr("That is the overlap sum(min(X, Y)) alone."),
                 tr("Divide it by the sum of Y.")),
         Mistake("mean of the minima", both.mean(), tr("You averaged the minima."),
                 tr("Divide the sum of the minima by the sum of Y.")),
         Mistake("RoN", fit.relevance(x, y), tr("That is the relevance of necessity (RoN), the "
                 "task after next."), tr("Consistency is sum(min(X, Y)) / sum(Y)."))]
        + _subset_mistakes(fit.necessity_consistency, x, y, "Y"),
        lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q2():
    """Necessity coverage of X for Y, by hand."""
    x, y = _xy()
    both = np.minimum(x, y)
    return Target(
        fit.necessity_coverage(x, y), DECIMALS["q2"],
        tr("Right: sum(min(X, Y)) / sum(X), how much of X is covered by Y. A low value would "
           "warn that X is much bigger than Y."),
        tr("Same overlap as before, sum(min(X, Y)), divided by the sum of X."),
        [Mistake("divided by the sum of Y", both.sum() / y.sum(), tr("That is necessity "
                 "consistency again (divided by the sum of Y)."), tr("Coverage of a necessary "
                 "condition divides the overlap by the sum of X.")),
         Mistake("overlap alone", both.sum(), tr("That is the overlap sum(min(X, Y)) alone."),
                 tr("Divide it by the sum of X.")),
         Mistake("RoN", fit.relevance(x, y), tr("That is the relevance of necessity (RoN), the "
                 "next task."), tr("Coverage is sum(min(X, Y)) / sum(X)."))]
        + _subset_mistakes(fit.necessity_coverage, x, y, "X"),
        lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q3():
    """Relevance of necessity (RoN) of X for Y, by hand."""
    x, y = _xy()
    expected = fit.relevance(x, y)
    both = np.minimum(x, y)
    return Target(
        expected, DECIMALS["q3"],
        tr("Right: sum(1 - X) / sum(1 - min(X, Y)). Well above 0, so X is not a trivially big "
           "set."),
        tr("RoN = sum(1 - X) / sum(1 - min(X, Y))."),
        [Mistake("inverse", 1 / expected, tr("Your value is the inverse of RoN."),
                 tr("The numerator is sum(1 - X), the denominator sum(1 - min(X, Y)).")),
         Mistake("denominator sum(1 - Y)", (1 - x).sum() / (1 - y).sum(), tr("The denominator "
                 "is not sum(1 - Y)."), tr("Use sum(1 - min(X, Y)), the complement of the "
                                           "overlap.")),
         Mistake("numerator alone", (1 - x).sum(), tr("That is the numerator only."),
                 tr("Divide by sum(1 - min(X, Y)).")),
         Mistake("mean of per-case ratios", float(np.mean((1 - x) / (1 - both))), tr("You "
                 "averaged the ratio (1 - X) / (1 - min(X, Y)) of each case."), tr("Divide the "
                 "two sums: sum(1 - X) / sum(1 - min(X, Y)), a ratio of sums, not a mean of "
                 "ratios.")),
         Mistake("summed over the outcome's cases only (Y > 0.5)",
                 fit.relevance(x[y > 0.5], y[y > 0.5]), tr("You summed only over the cases with "
                                                          "Y above 0.5."),
                 tr("RoN sums over all cases.")),
         Mistake("necessity coverage", fit.necessity_coverage(x, y), tr("That is necessity "
                 "coverage."), tr("RoN = sum(1 - X) / sum(1 - min(X, Y))."))],
        lower=0, upper=1)


def _lipset():
    return datasets.load("lipset_fuzzy")


def _table():
    return necessity(_lipset(), "SURV", ["DEV", "URB", "LIT", "IND", "STB"]).table


def _rows() -> list:
    return list(_table().index)


@check(Names(_rows, tr_later("conditions and negations (e.g. 'DEV', '~DEV')")))
def q4(given):
    """Conditions (or negations) with necessity consistency of at least 0.9 for SURV."""
    table = _table()
    expected = set(table.index[table["consistency"] >= 0.9])
    if given == expected:
        return correct(tr("Right: both pass the usual 0.9 threshold for necessity "
                          "consistency."))
    details = []
    for name in sorted(given - expected):
        details.append(tr("{name} has necessity consistency {value}, below 0.9.").format(
            name=name, value=f"{table.loc[name, 'consistency']:.3f}"))
    by_cov = set(table.index[table["coverage"] >= 0.9])
    hint = tr("Sort the table by consistency, e.g. nt.table.sort_values('consistency'); "
              "coverage is another column.")
    if by_cov and given == by_cov:
        return wrong(tr("You read the coverage column."), hint, details)
    missing = expected - given
    if missing:
        details.append(tr("{n} condition(s) reaching 0.9 are missing.").format(n=len(missing)))
    return (partly if given & expected else wrong)(tr("Not quite."), hint, details)


@check(Number(tr_later("a number")), graded=True)
def q5():
    """RoN of LIT for SURV."""
    table = _table()
    data = _lipset()
    x, y = data["LIT"].to_numpy(), data["SURV"].to_numpy()
    cells = [Mistake(f"{col} of {name}", float(table.loc[name, col]),
                     tr("That is the {column} of {name}.").format(column=label(col), name=name),
                     tr("Read the RoN column in the row LIT."))
             for name in table.index for col in ("RoN", "consistency", "coverage")
             if (name, col) != ("LIT", "RoN")]
    return Target(
        float(table.loc["LIT", "RoN"]), DECIMALS["q5"],
        tr("Right: of the two necessary conditions, LIT has the lower relevance."),
        tr("Read it from necessity(...).table, row LIT, column RoN."),
        [Mistake("denominator sum(1 - Y)", (1 - x).sum() / (1 - y).sum(), tr("You computed it "
                 "by hand with the denominator sum(1 - Y)."), tr("The table's RoN divides by "
                 "sum(1 - min(X, Y)); read it from the row LIT.")),
         Mistake("mean of per-case ratios", float(np.mean((1 - x) / (1 - np.minimum(x, y)))),
                 tr("You averaged per-case ratios."), tr("RoN is a ratio of sums; read it from "
                                                         "the row LIT of the table."))] + cells)


_Q6 = {
    "a": None,
    "b": tr_later("0.9 is the usual threshold; even 1.0 would not make a necessary condition "
                  "relevant. Look at what else the table says about LIT."),
    "c": tr_later("Necessity and sufficiency are separate questions: a condition can be "
                  "necessary without appearing in any sufficient configuration."),
    "d": tr_later("Consistency is not symmetric: necessity divides by the sum of the outcome, "
                  "sufficiency by the sum of the condition."),
}


@check(Choice("abcd"))
def q6(letter):
    """Multiple choice: why LIT is a trivial necessary condition."""
    return multiple_choice(
        letter, _Q6,
        tr_later("Right: almost every country is literate, so LIT is a huge set that contains "
                 "nearly everything, survival of democracy included. Its consistency is high, but "
                 "its coverage and RoN say the relation is close to trivial."),
        tr_later("Compare LIT's coverage and RoN with STB's, and look at how many countries "
                 "score above 0.9 in LIT."))
