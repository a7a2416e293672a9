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
from ._answers import close, read_names, read_number
from ._feedback import check, correct, partly, wrong
from ._verdicts import diagnose, multiple_choice

TOL = 0.01
HAND = pd.DataFrame({"X": [0.9, 0.8, 0.6, 0.7, 0.3], "Y": [0.8, 0.6, 0.7, 0.2, 0.1]},
                    index=list("abcde"))


def hand_data() -> pd.DataFrame:
    """A fresh copy of the five hand-made cases."""
    return HAND.copy()


def _xy():
    return HAND["X"].to_numpy(), HAND["Y"].to_numpy()


def _sums():
    x, y = _xy()
    both = np.minimum(x, y).sum()
    return x.sum(), y.sum(), both


@check
def q1(answer):
    """Necessity consistency of X for Y, by hand."""
    v = read_number(answer, "a number between 0 and 1")
    x, y = _xy()
    sx, sy, both = _sums()
    return diagnose(
        v, fit.necessity_consistency(x, y), TOL,
        "Right: the overlap sum(min(X, Y)) divided by sum(Y). Almost all of Y lies inside X.",
        [(both / sx, "You divided by the sum of X; that is necessity coverage (and sufficiency "
          "consistency).", "Necessity consistency divides by the sum of Y: how much of Y lies "
          "inside X."),
         (both, "That is the overlap sum(min(X, Y)) alone.", "Divide it by the sum of Y."),
         (np.minimum(x, y).mean(), "You averaged the minima.",
          "Divide the sum of the minima by the sum of Y."),
         (fit.relevance(x, y), "That is the relevance of necessity (RoN), the task after next.",
          "Consistency is sum(min(X, Y)) / sum(Y).")],
        "Take min(X, Y) for each case, add them up, divide by the sum of Y.", lower=0, upper=1)


@check
def q2(answer):
    """Necessity coverage of X for Y, by hand."""
    v = read_number(answer, "a number between 0 and 1")
    x, y = _xy()
    sx, sy, both = _sums()
    return diagnose(
        v, fit.necessity_coverage(x, y), TOL,
        "Right: sum(min(X, Y)) / sum(X), how much of X is covered by Y. A low value would warn "
        "that X is much bigger than Y.",
        [(both / sy, "That is necessity consistency again (divided by the sum of Y).",
          "Coverage of a necessary condition divides the overlap by the sum of X."),
         (both, "That is the overlap sum(min(X, Y)) alone.", "Divide it by the sum of X.")],
        "Same overlap as before, sum(min(X, Y)), divided by the sum of X.", lower=0, upper=1)


@check
def q3(answer):
    """Relevance of necessity (RoN) of X for Y, by hand."""
    v = read_number(answer, "a number between 0 and 1")
    x, y = _xy()
    expected = fit.relevance(x, y)
    return diagnose(
        v, expected, TOL,
        "Right: sum(1 - X) / sum(1 - min(X, Y)). Well above 0, so X is not a trivially big set.",
        [(1 / expected, "Your value is the inverse of RoN.",
          "The numerator is sum(1 - X), the denominator sum(1 - min(X, Y))."),
         ((1 - x).sum() / (1 - y).sum(), "The denominator is not sum(1 - Y).",
          "Use sum(1 - min(X, Y)), the complement of the overlap."),
         ((1 - x).sum(), "That is the numerator only.", "Divide by sum(1 - min(X, Y)).")],
        "RoN = sum(1 - X) / sum(1 - min(X, Y)).")


def _lipset():
    return datasets.load("lipset_fuzzy")


def _table():
    return necessity(_lipset(), "SURV", ["DEV", "URB", "LIT", "IND", "STB"]).table


@check
def q4(answer):
    """Conditions (or negations) with necessity consistency of at least 0.9 for SURV."""
    table = _table()
    given = read_names(answer, list(table.index), "conditions and negations (e.g. 'DEV', '~DEV')")
    expected = set(table.index[table["consistency"] >= 0.9])
    if given == expected:
        return correct("Right: both pass the usual 0.9 threshold for necessity consistency.")
    details = []
    for name in sorted(given - expected):
        details.append(f"{name} has necessity consistency {table.loc[name, 'consistency']:.3f}, "
                       "below 0.9.")
    by_cov = set(table.index[table["coverage"] >= 0.9])
    hint = ("Sort the table by consistency, e.g. nt.table.sort_values('consistency'); coverage "
            "is another column.")
    if given == by_cov:
        return wrong("You read the coverage column.", hint, details)
    missing = expected - given
    if missing:
        details.append(f"{len(missing)} condition(s) reaching 0.9 are missing.")
    return (partly if given & expected else wrong)("Not quite.", hint, details)


@check
def q5(answer):
    """RoN of LIT for SURV."""
    v = read_number(answer, "a number between 0 and 1")
    table = _table()
    expected = float(table.loc["LIT", "RoN"])
    if close(v, expected, 0.002):
        return correct("Right: of the two necessary conditions, LIT has the lower relevance.")
    for name in table.index:
        for col in ("RoN", "consistency", "coverage"):
            if close(v, float(table.loc[name, col]), 0.0005):
                return wrong(f"That is the {col} of {name}.",
                             "Read the RoN column in the row LIT.")
    return wrong("Not quite.", "Read it from necessity(...).table, row LIT, column RoN.")


_Q6 = {
    "a": None,
    "b": "0.9 is the usual threshold; even 1.0 would not make a necessary condition relevant. "
         "Look at what else the table says about LIT.",
    "c": "Necessity and sufficiency are separate questions: a condition can be necessary "
         "without appearing in any sufficient configuration.",
    "d": "Consistency is not symmetric: necessity divides by the sum of the outcome, "
         "sufficiency by the sum of the condition.",
}


@check
def q6(answer):
    """Multiple choice: why LIT is a trivial necessary condition."""
    return multiple_choice(
        answer, _Q6,
        "Right: almost every country is literate, so LIT is a huge set that "
                       "contains nearly everything, survival of democracy included. Its "
                       "consistency is high, but its coverage and RoN say the relation is close "
                       "to trivial.",
        "Compare LIT's coverage and RoN with STB's, and look at how many "
                 "countries score above 0.9 in LIT.")
