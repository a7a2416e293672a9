"""Checks for exercise 5, building and reading a truth table: rows, contradictions, remainders.

The hand tasks use :data:`HAND` (six cases, conditions A, B, C, outcome Y); the qcakit tasks
the Lipset data.

>>> q1("A*B*C").status
'incorrect'
>>> q1("A*~B").message
"Your row leaves out 'C'."
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .. import datasets, membership, truth_table
from ..i18n import tr, tr_later
from ._answers import (Choice, Count, Names, Number, Rows, TruthTableAnswer, cases_in_rows,
                       row_string)
from ._compare import truth_table_differences, wrong_because
from ._feedback import check, correct, partly, wrong
from ._verdicts import Mistake, Target, multiple_choice

HAND = pd.DataFrame({"A": [0.8, 0.9, 0.3, 0.6, 0.2, 0.7], "B": [0.7, 0.6, 0.8, 0.2, 0.1, 0.9],
                     "C": [0.2, 0.4, 0.9, 0.7, 0.3, 0.1], "Y": [0.9, 0.7, 0.8, 0.3, 0.2, 0.4]},
                    index=list("abcdef"))
CONDITIONS = ["A", "B", "C"]
CASE = "d"
ROW = "A*B*~C"
LIPSET_CONDITIONS = ["DEV", "URB", "LIT", "IND", "STB"]
CUTS = (0.8, 0.7)
#: Decimals graded in the hand tasks 2 and 5 (the nearest named mistakes lie 0.1 and 0.025 away).
DECIMALS = 2


def hand_data() -> pd.DataFrame:
    return HAND.copy()


def _hand_tt():
    return truth_table(HAND, "Y", CONDITIONS, incl_cut=0.8)


def _row_of(case) -> tuple:
    return tuple(int(HAND.loc[case, c] > 0.5) for c in CONDITIONS)


@check(Rows(CONDITIONS, single=True))
def q1(row):
    """The truth-table row of case d."""
    expected = _row_of(CASE)
    if row == expected:
        return correct(tr("Right: a condition is present in the case's row when the case scores "
                          "above 0.5 in it, absent when below."))
    m = float(membership(HAND, row_string(row, CONDITIONS))[CASE])
    wrong_conditions = [c for c, r, e in zip(CONDITIONS, row, expected) if r != e]
    return wrong(tr("Case {case}'s membership in {row} is only {membership}, so it is more out "
                    "than in that row.").format(case=CASE, row=row_string(row, CONDITIONS),
                                                membership=f"{m:.2f}"),
                 tr("Look again at {condition}: present (A) if the score is above 0.5, absent "
                    "(~A) if below.").format(condition=wrong_conditions[0]))


@check(Number(tr_later("a membership score between 0 and 1")), graded=True)
def q2():
    """Case d's membership in its row, by hand."""
    raw = HAND.loc[CASE, CONDITIONS].to_numpy()
    row = np.array(_row_of(CASE))
    as_in_row = np.where(row == 1, raw, 1 - raw)
    return Target(
        float(membership(HAND, row_string(_row_of(CASE), CONDITIONS))[CASE]), DECIMALS,
        tr("Right: the minimum over the conditions, each taken as present (x) or absent "
           "(1 - x). Above 0.5, as it must be for the case's own row."),
        tr("Write each condition as it appears in the row (x or 1 - x) and take the minimum."),
        [Mistake("absent condition not negated", raw.min(), tr("You took the minimum of the raw "
                 "scores, without negating the absent condition."), tr("In the row, an absent "
                 "condition counts as 1 - x.")),
         Mistake("maximum", as_in_row.max(), tr("A row is an AND of its conditions: take the "
                 "minimum, not the maximum."), ""),
         Mistake("maximum of the raw scores", raw.max(), tr("A row is an AND of its conditions: "
                 "take the minimum of x or 1 - x, not the maximum of the raw scores."), ""),
         Mistake("product", float(np.prod(as_in_row)), tr("You multiplied the memberships."),
                 tr("Fuzzy AND is the minimum.")),
         Mistake("every condition negated", float((1 - raw).min()), tr("You negated every "
                 "condition."), tr("Negate only the conditions absent in the row (~)."))],
        lower=0, upper=1)


@check(Count(tr_later("a count of cases")))
def q3(n):
    """Number of cases (n) in row A*B*~C."""
    codes = [_row_of(c) for c in HAND.index]
    target = Rows(CONDITIONS, single=True).read(ROW)
    expected = codes.count(target)
    if n == expected:
        return correct(tr("Right: n counts the cases with membership above 0.5 in the row, "
                          "whatever their outcome."))
    if n == sum(1 for c, code in zip(HAND.index, codes) if code == target and HAND.loc[c, "Y"] > 0.5):
        return wrong(tr("You counted only the cases that also show the outcome."),
                     tr("n counts every case in the row, with or without the outcome."))
    return wrong(tr("Not quite."), tr("Find each case's row (as in task 1) and count those in "
                                      "{row}.").format(row=ROW))


@check(Count(tr_later("a count of rows")))
def q4(n):
    """Number of logical remainders in the hand-made truth table."""
    k = len(CONDITIONS)
    observed = len(set(_row_of(c) for c in HAND.index))
    expected = 2 ** k - observed
    if n == expected:
        return correct(tr("Right: {rows} logically possible rows, {observed} with cases, the rest "
                          "are logical remainders.").format(rows=2 ** k, observed=observed))
    if n == 2 ** k:
        return wrong(tr("{rows} is the number of all rows.").format(rows=2 ** k),
                     tr("Subtract the rows that have cases."))
    if n == observed:
        return wrong(tr("That is the number of rows with cases."),
                     tr("Remainders are the rows without any case."))
    return wrong(tr("Not quite."), tr("With {k} conditions there are 2^{k} rows; how many have "
                                      "no case?").format(k=k))


@check(Number(tr_later("a number between 0 and 1")), graded=True)
def q5():
    """Consistency of row A*B*~C for Y, by hand."""
    tt = truth_table(HAND, "Y", CONDITIONS, sort_by=None)
    code = int("".join(map(str, Rows(CONDITIONS, single=True).read(ROW))), 2) + 1
    m = membership(HAND, ROW).to_numpy()
    y = HAND["Y"].to_numpy()
    both = np.minimum(m, y)
    inside = m > 0.5
    all_cases = tr("Row consistency uses every case's membership in the row, including the "
                   "small memberships of cases in other rows.")
    return Target(
        float(tt.table.loc[code, "incl"]), DECIMALS,
        tr("Right: sum over all six cases of min(row, Y), divided by the sum of the row "
           "memberships."),
        tr("Compute every case's membership in the row (minimum), then sum(min(row, Y)) / "
           "sum(row)."),
        [Mistake("only the cases counted in n", both[inside].sum() / m[inside].sum(),
                 tr("You used only the cases counted in n."), all_cases),
         Mistake("divided by the sum of Y", both.sum() / y.sum(), tr("You divided by the sum of "
                                                                    "Y."),
                 tr("Sufficiency consistency divides by the sum of the row memberships.")),
         Mistake("only the outcome's cases (Y > 0.5)", both[y > 0.5].sum() / m[y > 0.5].sum(),
                 tr("You used only the cases with Y above 0.5."), all_cases),
         Mistake("mean of per-case ratios", float(np.mean(both / m)), tr("You averaged the "
                 "ratio min(row, Y) / row of each case."), tr("Divide the two sums: a ratio of "
                 "sums, not a mean of ratios.")),
         Mistake("share of the row's cases with the outcome",
                 float(np.mean(y[inside] > 0.5)), tr("You counted the cases in the row that "
                 "show the outcome: that is a crisp share, not fuzzy consistency."), all_cases)],
        lower=0, upper=1)


def _lipset_tt():
    return truth_table(datasets.load("lipset_fuzzy"), "SURV", LIPSET_CONDITIONS, incl_cut=CUTS)


@check(TruthTableAnswer())
def q6(tt):
    """Lipset truth table with incl_cut=(0.8, 0.7), compared with the reference table."""
    problems = truth_table_differences(tt, _lipset_tt())
    if not problems:
        return correct(tr("Right: all 18 countries, the task's cuts, and one row now sits between "
                          "the two cuts and is coded 'C'."))
    hint = tr("Build it from the whole of lf: qcakit.truth_table(lf, 'SURV', conditions, "
              "incl_cut=...).")
    if tt.incl_cut[0] == tt.incl_cut[1] and tt.incl_cut != CUTS:
        hint = tr("With a single consistency cut no row can be a contradiction 'C'; give a pair "
                  "incl_cut=(cut for 1, cut for 0).")
    return wrong_because(problems, hint)


@check(Names(lambda: list(datasets.load("lipset_fuzzy").index), tr_later("country codes")))
def q7(given):
    """Cases in the contradiction row."""
    expected = cases_in_rows(_lipset_tt(), "C")
    if given == expected:
        return correct(tr("Right: their row's consistency lies between 0.7 and 0.8. Both "
                          "countries are in fact strong survivors; the inconsistency comes from "
                          "other cases' partial memberships in this row."))
    if given & expected:
        return partly(tr("Some of them, not all."),
                      tr("Read the cases column of the row with OUT 'C'."))
    return wrong(tr("These are not the cases of the row coded 'C'."),
                 tr("tt.table[tt.table['OUT'] == 'C'] shows that row."))


_Q8 = {
    "a": tr_later("A remainder is a row without (enough) cases; this row has two cases."),
    "b": None,
    "c": tr_later("A cut is a research decision made before looking at the solutions; nudging "
                  "it to rescue one row is exactly what a contradiction should make you stop and "
                  "examine."),
    "d": tr_later("The row's consistency depends on all cases' memberships in it, so a "
                  "contradiction does not by itself show that these two cases are "
                  "mis-measured."),
}


@check(Choice("abcd"))
def q8(letter):
    """Multiple choice: handling a contradiction."""
    return multiple_choice(
        letter, _Q8,
        tr_later("Right: contradictions are a prompt to go back to the cases: add or rethink a "
                 "condition, check the calibration, or report the row as unresolved; and say "
                 "what you did."),
        tr_later("What does a 'C' row say about the evidence, and who resolves it?"))
