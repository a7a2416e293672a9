"""Checks for exercise 12, contradictory simplifying assumptions and the Enhanced Standard
Analysis (ESA).

The hand tasks use :data:`HAND`, a crisp made-up table (conditions A, B, C, outcome Y) with two
positive rows, two negative rows and four remainders, built so that the parsimonious solutions
for Y and for ~Y share two simplifying assumptions. The qcakit tasks use the Lipset data with
``incl_cut=0.8``, as exercises 5 to 7.

Rows are compared as sets of rows (text such as ``'~A*B*C'``, 0/1 tuples or row numbers, see
:mod:`._answers`); expressions by what they mean (see :mod:`._expression`).

>>> q2(["~A*B*~C", "~A*B*C"]).status
'correct'
>>> q2(["~A*B*~C", "~A*B*C", "A*B*~C"]).message
'These are the simplifying assumptions of the solution for Y only.'
"""
from __future__ import annotations

import pandas as pd

from .. import datasets, esa, minimize, truth_table
from ..i18n import tr, tr_later
from ..counterfactuals import contradictory_assumptions, negated
from ._answers import Choice, Count, Expression, Rows, row_string
from ._expression import rows_covered, same_terms
from ._feedback import check, correct, partly, wrong
from ._verdicts import multiple_choice

CONDITIONS = ["A", "B", "C"]
#: One case per observed row: a (000, Y absent), b (100, Y), c (101, Y absent), d (111, Y).
HAND = pd.DataFrame([[0, 0, 0, 0], [1, 0, 0, 1], [1, 0, 1, 0], [1, 1, 1, 1]],
                    columns=CONDITIONS + ["Y"], index=list("abcd"))
LIPSET_CONDITIONS = ["DEV", "URB", "LIT", "IND", "STB"]
#: Task 5: the conditions exercise 3 found necessary for SURV (consistency 0.9 or more).
NECESSARY = ["LIT", "STB"]


def hand_data() -> pd.DataFrame:
    return HAND.copy()


def hand_tt():
    """The truth table of the hand data for Y (consistency cut 0.8)."""
    return truth_table(HAND, "Y", CONDITIONS, incl_cut=0.8)


def _rows(frame, conditions=CONDITIONS) -> set:
    """Rows of a table with the condition columns, as 0/1 tuples."""
    return {tuple(int(v) for v in r) for r in frame[conditions].to_numpy()}


def _ids(tt, rows) -> set:
    k = len(tt.conditions)
    return {tuple((int(i) - 1 >> (k - 1 - j)) & 1 for j in range(k)) for i in rows}


def _assumptions(tt) -> tuple:
    """(simplifying assumptions for Y, for ~Y), as sets of 0/1 tuples."""
    return (_rows(minimize(tt, "parsimonious").simplifying_assumptions, list(tt.conditions)),
            _rows(minimize(negated(tt), "parsimonious").simplifying_assumptions,
                  list(tt.conditions)))


def _remainders(tt) -> set:
    k = len(tt.conditions)
    every = {tuple((c >> (k - 1 - j)) & 1 for j in range(k)) for c in range(2 ** k)}
    return every - _rows(tt.table, list(tt.conditions))


def _shown(rows) -> str:
    return ", ".join(row_string(r, CONDITIONS) for r in sorted(rows))


HAND_ROWS = Rows(CONDITIONS, allow_empty=True)


@check(HAND_ROWS)
def q1(given):
    """Simplifying assumptions of the parsimonious solution for Y (given), by hand."""
    tt = hand_tt()
    for_y, for_not_y = _assumptions(tt)
    observed = _rows(tt.table)
    if given == for_y:
        return correct(tr("Right: the remainders inside the terms of B + A*~C. B alone covers "
                          "three of them; A*~C adds none the other term does not already use."))
    hint = tr("Write each term out as the rows it covers (B covers every row with B = 1), then "
              "keep the rows without cases.")
    if given & observed:
        return wrong(tr("Your list has rows with cases. A simplifying assumption is a "
                        "remainder: observed rows are evidence, not assumptions."), hint)
    if given == _remainders(tt):
        return wrong(tr("These are all the remainders; the solution uses only those inside its "
                        "terms."), hint)
    if given == for_not_y:
        return wrong(tr("These are the remainders the solution for ~Y uses (task 2)."), hint)
    if not given:
        return wrong(tr("Your list is empty, but the solution is shorter than the positive rows "
                        "allow: it must use some remainders."), hint)
    if given < for_y:
        return partly(tr("Some of them, not all: every remainder inside a term counts."), hint)
    return wrong(tr("These are not the remainders inside B + A*~C."), hint)


@check(HAND_ROWS)
def q2(given):
    """Contradictory simplifying assumptions of the hand table."""
    tt = hand_tt()
    for_y, for_not_y = _assumptions(tt)
    expected = _ids(tt, contradictory_assumptions(tt).rows)
    if given == expected:
        return correct(tr("Right: these remainders are assumed to produce Y in one solution and "
                          "~Y in the other. The two solutions cannot both be right about them."))
    hint = tr("Contradictory: used by the solution for Y and by the solution for ~Y (both).")
    known = {
        frozenset(for_y): tr("These are the simplifying assumptions of the solution for Y "
                             "only."),
        frozenset(for_not_y): tr("These are the simplifying assumptions of the solution for ~Y "
                                 "only."),
        frozenset(for_y | for_not_y): tr("These are the remainders either solution uses (here "
                                         "every remainder): the union, not the rows both use."),
        frozenset(for_y ^ for_not_y): tr("These are the remainders only one of the two "
                                         "solutions uses: exactly the ones that are not "
                                         "contradictory."),
    }
    if frozenset(given) in known:
        return wrong(known[frozenset(given)], hint)
    if given & _rows(tt.table):
        return wrong(tr("Your list has rows with cases; only remainders are assumptions."), hint)
    if not given:
        return wrong(tr("Your list is empty, but the two solutions share some remainders."),
                     hint)
    if given < expected:
        return partly(tr("Some of them, not all."), hint)
    return wrong(tr("These are not the remainders both solutions use."), hint)


@check(Expression(CONDITIONS))
def q3(expr):
    """Parsimonious solution for Y with the contradictory assumptions barred, by hand."""
    tt = hand_tt()
    barred_ids = contradictory_assumptions(tt)
    barred = _ids(tt, barred_ids.rows)
    reference = minimize(tt, "parsimonious", exclude=barred_ids)
    covered = rows_covered(expr, CONDITIONS)
    positive, negative = _ids(tt, tt.codes("1") + 1), _ids(tt, tt.codes("0") + 1)
    hint = tr("Treat the barred rows like negative rows, then minimize again: merge the "
              "positive rows with the remainders that are still free.")
    if any(same_terms(expr, m) for m in reference.models):
        return correct(tr("Right: without the contradictory rows, B alone is no longer possible; "
                          "the solution keeps A in both terms. A*(B + ~C) is the same "
                          "solution."))
    if any(same_terms(expr, m) for m in minimize(tt, "parsimonious").models):
        return wrong(tr("That is the parsimonious solution before ESA: it still uses the barred "
                        "rows."), hint)
    if covered & negative:
        return wrong(tr("Your expression covers a negative row ({rows}).").format(
            rows=_shown(covered & negative)), hint)
    if covered & barred:
        return wrong(tr("Your expression covers a barred row ({rows}): after ESA it may not "
                        "serve as a simplifying assumption.").format(
                            rows=_shown(covered & barred)), hint)
    if positive - covered:
        return wrong(tr("Your expression does not cover the positive row(s) {rows}.").format(
            rows=_shown(positive - covered)), hint)
    if any(same_terms(expr, m) for m in minimize(tt, "complex").models):
        return wrong(tr("That is the complex solution: it uses no remainder at all. ESA bars "
                        "only the contradictory ones; the others may still simplify."), hint)
    if any(covered == rows_covered(m, CONDITIONS) for m in reference.models):
        return partly(tr("Your expression is logically equivalent to the solution, but not "
                         "fully minimized."),
                      tr("Merge terms that differ in one condition as far as you can."))
    return partly(tr("Your expression covers the positive rows and no barred or negative row, "
                     "but it is not the shortest one."), hint)


# --------------------------------------------------------------------------- Lipset

def lipset_tt():
    return truth_table(datasets.load("lipset_fuzzy"), "SURV", LIPSET_CONDITIONS, incl_cut=0.8)


def _lipset_counts() -> dict:
    tt = lipset_tt()
    for_y, for_not_y = _assumptions(tt)
    inter = minimize(tt, "intermediate", directional={c: 1 for c in LIPSET_CONDITIONS})
    return {"contradictory": len(contradictory_assumptions(tt).rows),
            "for SURV": len(for_y), "for ~SURV": len(for_not_y),
            "union": len(for_y | for_not_y), "easy": len(inter.easy_counterfactuals),
            "difficult": len(inter.difficult_counterfactuals),
            "remainders": len(_remainders(tt))}


@check(Count(tr_later("a count of rows")))
def q4(n):
    """Number of contradictory simplifying assumptions on the Lipset data."""
    counts = _lipset_counts()
    if n == counts["contradictory"]:
        return correct(tr("Right: the parsimonious solutions for SURV and for ~SURV each assume "
                          "these remainders, with opposite outcomes."))
    hint = tr("qcakit.counterfactuals.contradictory_assumptions(tt).rows lists them.")
    known = {
        counts["for SURV"]: tr("That is the number of simplifying assumptions of the solution "
                               "for SURV alone."),
        counts["for ~SURV"]: tr("That is the number of simplifying assumptions of the solution "
                                "for ~SURV alone."),
        counts["union"]: tr("That counts the remainders either solution uses (the union), not "
                            "those both use."),
        counts["easy"]: tr("That is the number of easy counterfactuals of the intermediate "
                           "solution (exercise 7): remainders that agree with the expectations, "
                           "not the ones both outcomes claim."),
        counts["difficult"]: tr("That is the number of difficult counterfactuals (exercise 7), "
                                "not of contradictory assumptions."),
        counts["remainders"]: tr("That is the number of all remainders."),
    }
    return wrong(known.get(n, tr("Not quite.")), hint)


def _esa_counts() -> dict:
    tt = lipset_tt()

    def barred(necessary=None, contradictory=False):
        return len(esa(tt, necessary=necessary, contradictory=contradictory).rows)

    used = set(minimize(tt, "parsimonious").simplifying_assumptions.index)
    full = esa(tt, necessary=NECESSARY, contradictory=True)
    return {"task": barred(NECESSARY, True), "necessity only": barred(NECESSARY),
            "contradictory only": barred(contradictory=True),
            "double counted": barred(NECESSARY) + barred(contradictory=True),
            "used only": len(used & set(full.rows)),
            "LIT only": barred(["LIT"], True), "STB only": barred(["STB"], True),
            "remainders": len(_remainders(tt))}


@check(Count(tr_later("a count of rows")))
def q5(n):
    """Remainders ESA bars on the Lipset data: LIT and STB necessary, contradictory ones too."""
    counts = _esa_counts()
    if n == counts["task"]:
        return correct(tr("Right: the incoherent counterfactuals (LIT or STB absent) and the "
                          "contradictory assumptions, each row counted once."))
    hint = tr("qcakit.esa(tt, necessary=['LIT', 'STB'], contradictory=True): count the rows of "
              "its table.")
    known = {
        counts["necessity only"]: tr("That counts only the incoherent counterfactuals; the task "
                                     "bars the contradictory assumptions too "
                                     "(contradictory=True)."),
        counts["contradictory only"]: tr("That counts only the contradictory assumptions; the "
                                         "task also declares LIT and STB necessary."),
        counts["double counted"]: tr("You added the two counts, but some rows are both "
                                     "incoherent and contradictory: count each row once."),
        counts["used only"]: tr("That counts only the barred rows the current solution uses. "
                                "ESA bars every such remainder, so that the new minimization "
                                "cannot pick another one."),
        counts["LIT only"]: tr("That is the count with only LIT declared necessary (and the "
                               "contradictory assumptions barred)."),
        counts["STB only"]: tr("That is the count with only STB declared necessary (and the "
                               "contradictory assumptions barred)."),
        counts["remainders"]: tr("That is the number of all remainders."),
    }
    return wrong(known.get(n, tr("Not quite.")), hint)


def _lipset_solutions() -> dict:
    tt = lipset_tt()

    def sol(necessary=None, contradictory=False):
        exclude = esa(tt, necessary=necessary, contradictory=contradictory)
        return minimize(tt, "parsimonious", exclude=exclude)

    return {"task": sol(NECESSARY, True), "no ESA": minimize(tt, "parsimonious"),
            "necessity only": sol(NECESSARY), "contradictory only": sol(contradictory=True),
            "STB only": sol(["STB"]), "complex": minimize(tt, "complex")}


_Q6_WRONG = {
    "no ESA": tr_later("That is the parsimonious solution before ESA."),
    "necessity only": tr_later("That is the solution with the incoherent counterfactuals "
                               "barred, but not the contradictory assumptions."),
    "contradictory only": tr_later("That is the solution with only the contradictory "
                                   "assumptions barred; LIT and STB are declared necessary "
                                   "too."),
    "STB only": tr_later("That is the solution with only STB declared necessary and the "
                         "contradictory assumptions left in."),
    "complex": tr_later("That is the complex solution: it uses no remainder. ESA bars some "
                        "remainders, not all."),
}


@check(Expression(LIPSET_CONDITIONS))
def q6(expr):
    """Parsimonious solution for SURV after the ESA of task 5."""
    solutions = _lipset_solutions()
    if any(same_terms(expr, m) for m in solutions["task"].models):
        return correct(tr("Right: every path now contains LIT and STB, the conditions declared "
                          "necessary. It is the intermediate solution of exercise 7 (every "
                          "condition expected present): ESA leaves it one simplifying "
                          "assumption, the one easy counterfactual of exercise 7."))
    hint = tr("qcakit.minimize(tt, 'parsimonious', exclude=barred), with barred the result of "
              "qcakit.esa(...) from task 5.")
    for name, message in _Q6_WRONG.items():
        if any(same_terms(expr, m) for m in solutions[name].models):
            return wrong(tr(message), hint)
    return wrong(tr("Not the parsimonious solution after ESA."), hint)


_Q7 = {
    "a": tr_later("ESA does not find ORG in the data: it takes 'ORG is necessary' as an input "
                  "and bars the remainders without ORG. ORG's core status follows from that "
                  "assumption."),
    "b": None,
    "c": tr_later("ESA never tests necessity: it assumes the necessity you declare. Lesson 19a "
                  "tests it, and finds ORG trivial."),
    "d": tr_later("The paper used fsQCA 3.0, which has no ESA, and reports no exclusion of "
                  "remainders; Table 4 marks ORG as peripheral."),
}


@check(Choice("abcd"))
def q7(letter):
    """Multiple choice: how to read 'after ESA, ORG is core in every path' (Xu data)."""
    return multiple_choice(
        letter, _Q7,
        tr_later("Right: the result is conditional. ESA carries a necessity claim into the "
                 "minimization; on the Xu data that claim is the paper's, and by the kit's "
                 "criterion ORG's necessity is trivial (every alliance is in ORG). Report both "
                 "readings."),
        tr_later("What does ESA take as input, and what did lesson 19a say about ORG's "
                 "necessity?"))
