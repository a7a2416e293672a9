"""Checks for exercise 11, skewness, SUIN conditions and trivial necessity.

The hand tasks use :data:`HAND` (eight made-up cases, conditions A, B, C and an outcome Y),
built so that neither A nor B is necessary for Y but the disjunction ``A + B`` is (a SUIN
condition), while C, which most cases are in, is necessary only trivially (RoN below 0.5).
The data tasks use the calibration of lesson 12 (:mod:`qcakit.exercises._xu`), as lesson 19a.

Triviality follows the kit's one criterion (lesson 19a, the ``trivial`` column of
:func:`qcakit.suin`): a necessary expression is trivial when its RoN is below 0.5 or when every
case is more in than out of it.

>>> q1(0.875).message.startswith("You counted the case at exactly 0.5")
True
>>> q4("A*B").status
'incorrect'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import fit, membership, skewness, suin
from ..i18n import tr, tr_later
from ..methods_text import NECESSITY_CUTS
from ..sets import to_string
from . import _xu
from ._answers import Choice, Count, Expression, Names, Number
from ._expression import same_terms
from ._feedback import check, correct, partly, wrong
from ._verdicts import Mistake, Target, multiple_choice

#: Decimals graded per task: two for the share (the nearest named mistake, the mean
#: membership, lies 0.0125 away); three for the consistency and the RoN of A + B. In task 3 the
#: mean of per-case ratios lies 0.0029 and necessity coverage 0.0045 from the RoN; in task 2
#: two named mistakes, RoN (0.8) and coverage (0.7955), would share a message at two decimals.
DECIMALS = {"q1": 2, "q2": 3, "q3": 3}
CONDITIONS = ["A", "B", "C"]
HAND = pd.DataFrame({"A": [0.7, 0.7, 0.2, 0.3, 0.1, 0.2, 0.6, 0.1],
                     "B": [0.2, 0.1, 0.9, 0.7, 0.2, 0.1, 0.3, 0.4],
                     "C": [0.9, 0.8, 0.8, 0.9, 0.5, 0.7, 0.9, 0.4],
                     "Y": [0.9, 0.7, 0.8, 0.6, 0.2, 0.1, 0.3, 0.1]}, index=list("abcdefgh"))
#: The disjunction of tasks 2 and 3.
DISJUNCTION = "A + B"
#: The search of task 4 (on the hand data) and task 6 (on the Xu data): pairs of literals.
DEPTH = 2
SHARE = tr_later("a number between 0 and 1")


def hand_data() -> pd.DataFrame:
    """A fresh copy of the eight hand-made cases."""
    return HAND.copy()


def _col(name):
    return HAND[name].to_numpy(dtype=float)


# --------------------------------------------------------------------------- task 1: skewness

@check(Number(SHARE), graded=True)
def q1():
    """Share of the cases with membership above 0.5 in C, by hand."""
    c, y = _col("C"), _col("Y")
    reference = float(skewness(HAND, "C").table.loc["C", "share_above"])
    return Target(
        reference, DECIMALS["q1"],
        tr("Right: only memberships strictly above 0.5 count, and the share is over all eight "
           "cases. Below the usual 80 % line, so the skewness check does not flag C."),
        tr("Count the cases with C > 0.5 (strictly) and divide by the number of cases."),
        [Mistake("counted 0.5 as in (>= 0.5)", float(np.mean(c >= 0.5)), tr("You counted the "
                 "case at exactly 0.5 as in the set."), tr("0.5 is the crossover, neither in nor "
                 "out: count only memberships strictly above 0.5.")),
         Mistake("the case at 0.5 left out of the denominator",
                 float((c > 0.5).sum() / (c != 0.5).sum()), tr("You left the case at 0.5 out of "
                 "the denominator."), tr("The share is over every case, the one at 0.5 "
                                         "included.")),
         Mistake("mean membership", float(c.mean()), tr("That is the mean membership in C, not "
                 "the share of cases above 0.5."), tr("Count cases: how many have C > 0.5?")),
         Mistake("share below 0.5", float(np.mean(c < 0.5)), tr("That is the share of cases "
                 "below 0.5."), tr("Count the cases above 0.5.")),
         Mistake("a count, not a share", float((c > 0.5).sum()), tr("That is the number of "
                 "cases above 0.5, not their share."), tr("Divide by the number of cases.")),
         Mistake("the outcome's share", float(np.mean(y > 0.5)), tr("That is the share of cases "
                 "in the outcome Y."), tr("The task asks about the condition C."))],
        lower=0, upper=1)


# --------------------------------------------------------------------------- tasks 2 and 3

def _xy():
    return np.maximum(_col("A"), _col("B")), _col("Y")


def _disjunction():
    """Membership in A + B, computed by the kit."""
    return membership(HAND, DISJUNCTION).to_numpy(), _col("Y")


@check(Number(SHARE), graded=True)
def q2():
    """Necessity consistency of A + B for Y, by hand."""
    x, y = _disjunction()
    a, b = _col("A"), _col("B")
    both = np.minimum(x, y)
    hint = tr("Sum over all cases: a case outside Y (or X) still has a membership, and it "
              "counts.")
    return Target(
        fit.necessity_consistency(x, y), DECIMALS["q2"],
        tr("Right: the membership in A + B is the maximum of A and B, and almost all of Y lies "
           "inside it, although neither A nor B alone is necessary."),
        tr("Membership in A + B is max(A, B); then sum(min(X, Y)) / sum(Y)."),
        [Mistake("conjunction A*B (minimum)", fit.necessity_consistency(np.minimum(a, b), y),
                 tr("You took the minimum of A and B: that is the conjunction A*B, not the "
                    "disjunction A + B."), tr("Membership in 'A or B' is the maximum of A and "
                                              "B.")),
         Mistake("A alone", fit.necessity_consistency(a, y), tr("That is the consistency of A "
                 "alone."), tr("Use the maximum of A and B for each case.")),
         Mistake("B alone", fit.necessity_consistency(b, y), tr("That is the consistency of B "
                 "alone."), tr("Use the maximum of A and B for each case.")),
         Mistake("divided by the sum of X (coverage)", fit.necessity_coverage(x, y),
                 tr("You divided by the sum of X: that is necessity coverage."),
                 tr("Necessity consistency divides by the sum of Y.")),
         Mistake("added A and B (capped at 1)",
                 fit.necessity_consistency(np.minimum(1, a + b), y), tr("You added A and B: "
                 "fuzzy OR is the maximum, not a sum."), tr("Take max(A, B) for each case.")),
         Mistake("probabilistic OR (A + B - A*B)",
                 fit.necessity_consistency(a + b - a * b, y), tr("You used the probabilistic "
                 "OR A + B - A*B."), tr("Fuzzy-set OR is the maximum: max(A, B).")),
         Mistake("RoN", fit.relevance(x, y), tr("That is the relevance of necessity (RoN), the "
                 "next task."), tr("Consistency is sum(min(X, Y)) / sum(Y).")),
         Mistake("summed over the outcome's cases only (Y > 0.5)",
                 both[y > 0.5].sum() / y[y > 0.5].sum(), tr("You summed only over the cases "
                                                            "with Y above 0.5."), hint),
         Mistake("summed over the condition's cases only (X > 0.5)",
                 both[x > 0.5].sum() / y[x > 0.5].sum(), tr("You summed only over the cases "
                                                            "with X above 0.5."), hint),
         Mistake("mean of per-case ratios", float(np.mean(both / y)), tr("You averaged the "
                 "ratio min(X, Y) / Y of each case."), tr("Divide the two sums: a ratio of "
                 "sums, not a mean of ratios."))],
        lower=0, upper=1)


@check(Number(SHARE), graded=True)
def q3():
    """Relevance of necessity (RoN) of A + B for Y, by hand."""
    x, y = _disjunction()
    a, b, c = _col("A"), _col("B"), _col("C")
    both = np.minimum(x, y)
    expected = fit.relevance(x, y)
    return Target(
        expected, DECIMALS["q3"],
        tr("Right: sum(1 - X) / sum(1 - min(X, Y)), well above 0.5: A + B is not a set that "
           "nearly every case is in, so its necessity is not trivial."),
        tr("RoN = sum(1 - X) / sum(1 - min(X, Y)), with X = max(A, B)."),
        [Mistake("RoN of the conjunction A*B", fit.relevance(np.minimum(a, b), y), tr("That is "
                 "the RoN of the conjunction A*B (minimum), not of A + B."),
                 tr("Use X = max(A, B).")),
         Mistake("RoN of C", fit.relevance(c, y), tr("That is the RoN of C."),
                 tr("The task asks about the disjunction A + B.")),
         Mistake("RoN of A alone", fit.relevance(a, y), tr("That is the RoN of A alone."),
                 tr("Use X = max(A, B).")),
         Mistake("denominator sum(1 - Y)", (1 - x).sum() / (1 - y).sum(), tr("The denominator "
                 "is not sum(1 - Y)."), tr("Use sum(1 - min(X, Y)), the complement of the "
                                           "overlap.")),
         Mistake("inverse", 1 / expected, tr("Your value is the inverse of RoN."),
                 tr("The numerator is sum(1 - X), the denominator sum(1 - min(X, Y)).")),
         Mistake("mean of per-case ratios", float(np.mean((1 - x) / (1 - both))), tr("You "
                 "averaged the ratio (1 - X) / (1 - min(X, Y)) of each case."), tr("Divide the "
                 "two sums: a ratio of sums, not a mean of ratios.")),
         Mistake("necessity coverage", fit.necessity_coverage(x, y), tr("That is necessity "
                 "coverage."), tr("RoN = sum(1 - X) / sum(1 - min(X, Y)).")),
         Mistake("necessity consistency", fit.necessity_consistency(x, y), tr("That is the "
                 "consistency of task 2."), tr("RoN = sum(1 - X) / sum(1 - min(X, Y))."))],
        lower=0, upper=1)


# --------------------------------------------------------------------------- task 4: SUIN

def _fit_of(expr) -> tuple:
    """(consistency, coverage, RoN, every case in it) of an answer's expression on HAND."""
    x = membership(HAND, to_string(expr)).to_numpy()
    y = _col("Y")
    return (fit.necessity_consistency(x, y), fit.necessity_coverage(x, y), fit.relevance(x, y),
            bool((x > 0.5).all()))


def _found(data, outcome, conditions, **cuts):
    return suin(data, outcome, conditions, depth=DEPTH, **cuts).table


def _hand_suin() -> list:
    """The disjunctions suin reports on the hand data at the rule's cuts (not trivial)."""
    table = _found(HAND, "Y", CONDITIONS)
    return list(table.index[(table["kind"] == "disjunction") & ~table["trivial"]])


def _literals(expr) -> set:
    return {lit for term in expr for lit in term}


def _alone_necessary() -> set:
    """Literals necessary on their own on the hand data (consistency >= the cut)."""
    y = _col("Y")
    out = set()
    for c in CONDITIONS:
        for value, x in ((1, _col(c)), (0, 1 - _col(c))):
            if fit.necessity_consistency(x, y) >= NECESSITY_CUTS["consistency"]:
                out.add((c, value))
    return out


@check(Expression(CONDITIONS, tr_later("a disjunction")))
def q4(expr):
    """The disjunction of two literals to report as a (relevant) SUIN condition."""
    references = [Expression(CONDITIONS).read(e) for e in _hand_suin()]
    if any(same_terms(expr, r) for r in references):
        return correct(tr("Right: A + B is necessary (consistency above 0.9), covers Y well and "
                          "is relevant (RoN above 0.5), while neither A nor B alone is "
                          "necessary: A and B are functional equivalents, a SUIN condition."))
    cons, cov, ron, everyone = _fit_of(expr)
    cuts = NECESSITY_CUTS
    numbers = tr("consistency {consistency}, coverage {coverage}, RoN {ron}").format(
        consistency=f"{cons:.3f}", coverage=f"{cov:.3f}", ron=f"{ron:.3f}")
    hint = tr("Run qcakit.suin(hand, 'Y', ['A', 'B', 'C'], depth=2, ron_cut=0) and read the "
              "kind, RoN and trivial columns.")
    if len(expr) == 1 and len(expr[0]) > 1:
        return wrong(tr("That is a conjunction ({numbers}): a set inside each of its parts, "
                        "necessary only when every part is. A SUIN condition is a "
                        "disjunction.").format(numbers=numbers),
                     tr("Join the two conditions with '+' (or), not '*' (and)."))
    trivially_necessary = _alone_necessary() & _literals(expr)
    if len(expr) == 1 and cons >= cuts["consistency"]:
        message = (tr("{expression} alone is necessary ({numbers}), but trivially: nearly every "
                      "case is in it. The task asks for a disjunction of two conditions, neither "
                      "necessary alone.") if ron < cuts["RoN"] or everyone else
                   tr("{expression} alone is necessary ({numbers}), and relevant. The task asks "
                      "for a disjunction of two conditions, neither necessary alone."))
        return wrong(message.format(expression=to_string(expr), numbers=numbers), hint)
    if len(expr) == 1:
        return wrong(tr("{expression} alone is not necessary: its consistency is {consistency}, "
                        "below {cut}.").format(expression=to_string(expr),
                                               consistency=f"{cons:.3f}",
                                               cut=f"{cuts['consistency']:g}"),
                     tr("Look for two conditions that are necessary only together, as an "
                        "'or'."))
    if any(len(term) > 1 for term in expr):
        return wrong(tr("Your expression mixes 'and' and 'or'; the task asks for a disjunction "
                        "of two single conditions, such as 'A + ~C'."), hint)
    if cons < cuts["consistency"] - 1e-9:
        return wrong(tr("Not necessary: {numbers}; the consistency is below {cut}.").format(
            numbers=numbers, cut=f"{cuts['consistency']:g}"), hint)
    if trivially_necessary:
        lit = to_string(((sorted(trivially_necessary)[0],),))
        return wrong(tr("Your disjunction holds {literal}, which is necessary on its own, and "
                        "trivially ({numbers}): the disjunction is neither minimal nor "
                        "relevant.").format(literal=lit, numbers=numbers), hint)
    if ron < cuts["RoN"] or everyone:
        return wrong(tr("Consistent, but trivial by RoN: {numbers}. Nearly every case is in this "
                        "disjunction, with the outcome or without it, so its necessity says "
                        "little.").format(numbers=numbers), hint)
    if cov < cuts["coverage"]:
        return wrong(tr("Consistent, but its coverage is below {cut}: {numbers}.").format(
            cut=f"{cuts['coverage']:g}", numbers=numbers), hint)
    return partly(tr("This disjunction passes the cuts ({numbers}), but it is not the one "
                     "qcakit.suin reports (it has more literals than needed).").format(
                         numbers=numbers), hint)


# --------------------------------------------------------------------------- Xu data

def _sets() -> list:
    return _xu.CONDITIONS + [_xu.OUTCOME]


@check(Names(_sets, tr_later("sets (conditions or the outcome)")))
def q5(given):
    """Sets of the Xu calibration flagged as skewed (over 80 % or under 20 % above 0.5)."""
    table = skewness(_xu.calibrated(), _sets()).table
    expected = set(table.index[table["warning"] != ""])
    if given == expected:
        return correct(tr("Right: three of the seven conditions are over the 80 % line. Lesson "
                          "19a shows why: most of their members are in them only at the nudged "
                          "0.501."))
    details = [tr("{name}: {percent} % of the cases above 0.5, inside the 20 % to 80 % lines.")
               .format(name=name, percent=f"{100 * table.loc[name, 'share_above']:.0f}")
               for name in sorted(given - expected)]
    hint = tr("qcakit.skewness(xu_cal) flags a set when the share above 0.5 is over 80 % or "
              "under 20 %; read the warning column.")
    if expected - given:
        details.append(tr("{n} skewed set(s) are missing.").format(n=len(expected - given)))
    return (partly if given & expected else wrong)(tr("Not quite."), hint, details)


def _disjunction_counts() -> dict:
    """Two-literal disjunctions suin reports on the Xu data under several sets of cuts."""
    data, y, x = _xu.calibrated(), _xu.OUTCOME, _xu.CONDITIONS

    def count(table, kind="disjunction"):
        return int((table["kind"] == kind).sum()) if kind else len(table)

    task = _found(data, y, x, ron_cut=0)
    no_cov = _found(data, y, x, cov_cut=0, ron_cut=0)
    default = _found(data, y, x)
    return {"task": count(task), "no coverage cut": count(no_cov),
            "RoN cut kept": count(default), "default rows": count(default, None),
            "with the conjunction": count(task, None), "no coverage cut, all rows":
            count(no_cov, None)}


@check(Count(tr_later("a count of disjunctions")))
def q6(n):
    """Two-literal disjunctions that pass consistency 0.9 and coverage 0.6 (RoN cut off)."""
    counts = _disjunction_counts()
    if n == counts["task"]:
        return correct(tr("Right: they pass consistency and coverage, and yet every one has RoN "
                          "below 0.5. The coverage cut alone does not catch a trivial necessary "
                          "disjunction; RoN does."))
    hint = tr("qcakit.suin(xu_cal, 'CAPACITY', conditions, depth=2, ron_cut=0): count the rows "
              "whose kind is 'disjunction'.")
    known = {
        counts["no coverage cut"]: tr("That counts the disjunctions that pass consistency "
                                      "alone: you also set the coverage cut to 0."),
        counts["RoN cut kept"]: tr("That is the count with the RoN cut of 0.5 still on: the "
                                   "task switches it off (ron_cut=0)."),
        counts["with the conjunction"]: tr("You also counted ORG, which is a single condition "
                                           "(a 'conjunction' of one literal), not a "
                                           "disjunction."),
        counts["no coverage cut, all rows"]: tr("That counts every row found without a coverage "
                                                "cut, ORG included."),
        counts["default rows"]: tr("That is the number of rows suin shows with its default cuts "
                                   "(ORG only)."),
    }
    if n in known:
        return wrong(known[n], hint)
    return wrong(tr("Not quite."), hint)


_Q7 = {
    "a": tr_later("Read ORG's RoN in the suin table again: it is above 0.5, so the first part "
                  "of the criterion does not apply."),
    "b": None,
    "c": tr_later("ORG's coverage is above the 0.6 cut (suin would not list it otherwise)."),
    "d": tr_later("A single condition can be necessary, trivially or not; 'SUIN' is about "
                  "disjunctions, and the trivial flag is a separate criterion."),
}


@check(Choice("abcd"))
def q7(letter):
    """Multiple choice: why suin flags ORG as trivial."""
    return multiple_choice(
        letter, _Q7,
        tr_later("Right: by the kit's criterion (RoN below 0.5, or every case more in than out), "
                 "ORG is trivial by the second part. In kind it is a superset of CAPACITY and of "
                 "~CAPACITY alike, so 'ORG is necessary' cannot tell improving alliances from "
                 "the others. Report the paper's claim with that caveat."),
        tr_later("Compare ORG's RoN with 0.5, and look at its share above 0.5 in task 5's "
                 "table."))
