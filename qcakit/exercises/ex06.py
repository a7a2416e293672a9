"""Checks for exercise 6, Boolean minimization by hand on a small table, then with qcakit.

The hand tasks use :data:`HAND`, a crisp table (conditions A, B, C, outcome Y) with three
positive rows, two negative rows and three remainders.

Expressions are compared by what they mean, not as text (see :mod:`._expression`): an answer is
multiplied out, and it is right when its terms are those of a minimal model of the reference,
in any order, so a factored form of the solution (``A*(B + C)``) is the solution. An answer that
covers the same rows but is not minimal (``A*B*C + A*B*~C + A*~B*C``, ``A*B + A*B*C``) is
"partly there": logically equivalent, but the task asks for the minimized expression.

>>> q1("A*B + A*C").status, q1("C*A + B*A").status, q1("A*(B + C)").status
('correct', 'correct', 'correct')
>>> q1("A*B*C + A*B*~C + A*~B*C").status
'partly'
>>> q1("A").message.startswith("Your expression also covers")
True
"""
from __future__ import annotations

import pandas as pd

from .. import datasets, minimize, truth_table
from ..i18n import tr, tr_later
from ..sets import term_to_string
from ._answers import Expression, Rows, SolutionAnswer, row_string
from ._compare import solution_differences, wrong_because
from ._expression import rows_covered, same_terms
from ._feedback import check, correct, partly, wrong

CONDITIONS = ["A", "B", "C"]
HAND = pd.DataFrame(
    [[1, 1, 1, 1], [1, 1, 0, 1], [1, 0, 1, 1], [1, 1, 1, 1], [0, 0, 0, 0], [0, 1, 0, 0]],
    columns=CONDITIONS + ["Y"], index=["p", "q", "r", "s", "t", "u"],
)
LIPSET_CONDITIONS = ["DEV", "URB", "LIT", "IND", "STB"]


def hand_data() -> pd.DataFrame:
    return HAND.copy()


def _hand_tt():
    return truth_table(HAND, "Y", CONDITIONS, incl_cut=0.8)


def _rows(tt, out) -> set:
    k = len(tt.conditions)
    return {tuple((int(c) >> (k - 1 - j)) & 1 for j in range(k)) for c in tt.codes(out)}


def _size(expr) -> tuple:
    return (len(expr), sum(len(t) for t in expr))


def _model_sizes(solution) -> tuple:
    return min(_size(m) for m in solution.models)


def _describe(rows, conditions) -> str:
    return ", ".join(row_string(r, conditions) for r in sorted(rows, reverse=True))


def _coverage_feedback(covered, tt, allow_remainders: bool):
    """Problems with which rows an expression covers, or None when it covers the right ones."""
    pos, neg = _rows(tt, "1"), _rows(tt, "0")
    missed = pos - covered
    bad = covered & neg
    remainders = covered - pos - neg
    if bad:
        return wrong(tr("Your expression also covers a negative row ({rows}), where the outcome "
                        "is absent.").format(rows=_describe(bad, tt.conditions)),
                     tr("A solution may never cover a row coded 0. Which literal of your term "
                        "would exclude it?"))
    if missed:
        return wrong(tr("Your expression does not cover the positive row(s) {rows}.").format(
                         rows=_describe(missed, tt.conditions)),
                     tr("Every row coded 1 must be covered by at least one term."))
    if remainders and not allow_remainders:
        return wrong(tr("Your expression also covers the remainder row(s) {rows}, which have "
                        "no cases.").format(rows=_describe(remainders, tt.conditions)),
                     tr("The complex solution makes no assumption about remainders: cover the "
                        "positive rows and nothing else."))
    return None


def _among_models(expr, reference):
    """None when expr is one of the reference's models (terms in any order), else a verdict."""
    if any(same_terms(expr, m) for m in reference.models):
        return None
    return partly(tr("Your expression covers the right rows and is as short as the solution, "
                     "but it is not one of its minimal models."),
                  tr("Build it from prime implicants: merge rows that differ in one condition as "
                     "far as you can."))


_NOT_MINIMAL = tr_later("Look for two terms that differ in exactly one condition and merge them "
                        "(A*B*C + A*B*~C = A*B); a row may be used in more than one merge, and "
                        "a term contained in a shorter one adds nothing.")


def _equivalent_not_minimal(expr, reference, what: str):
    """"Partly" when expr means the same as a model of the reference (of the solution kind
    ``what``) but is not minimal."""
    covered = rows_covered(expr, CONDITIONS)
    if any(covered == rows_covered(m, CONDITIONS) for m in reference.models):
        return partly(tr("Your expression is logically equivalent to the {kind} solution, but "
                         "it is not fully minimized.").format(kind=tr(what)), tr(_NOT_MINIMAL))
    return None


HAND_EXPRESSION = Expression(CONDITIONS)


@check(HAND_EXPRESSION)
def q1(expr):
    """Complex solution of the hand-made table, by hand."""
    tt = _hand_tt()
    problem = _coverage_feedback(rows_covered(expr, CONDITIONS), tt, allow_remainders=False)
    if problem:
        return problem
    reference = minimize(tt, "complex")
    if any(same_terms(expr, m) for m in reference.models):
        return correct(tr("Right: every positive row is covered, no other row, and it cannot be "
                          "shortened without covering a remainder."))
    if _size(expr) > _model_sizes(reference):
        return partly(tr("Your expression covers exactly the positive rows, so it is logically "
                         "right, but it is not fully minimized."), tr(_NOT_MINIMAL))
    return _among_models(expr, reference)


@check(HAND_EXPRESSION)
def q2(expr):
    """Parsimonious solution of the hand-made table, by hand."""
    tt = _hand_tt()
    covered = rows_covered(expr, CONDITIONS)
    problem = _coverage_feedback(covered, tt, allow_remainders=True)
    if problem:
        return problem
    reference = minimize(tt, "parsimonious")
    if any(same_terms(expr, m) for m in reference.models):
        return correct(tr("Right: the simplest expression that covers the positive rows and no "
                          "negative row, using a remainder as a simplifying assumption."))
    best = _model_sizes(reference)
    if covered == _rows(tt, "1") and _size(expr) > best:
        return partly(tr("This covers only the positive rows: it is the complex solution (or a "
                         "longer equivalent)."),
                      tr("The parsimonious solution may also cover remainders when that makes "
                         "it simpler. Which remainder would let you drop a condition?"))
    equivalent = _equivalent_not_minimal(expr, reference, "parsimonious")
    if equivalent:
        return equivalent
    if _size(expr) > best:
        return partly(tr("Your expression avoids the negative rows, but a simpler one exists."),
                      tr("Try a single condition: is there one that all positive rows share "
                         "and no negative row has?"))
    return _among_models(expr, reference)


@check(Rows(CONDITIONS))
def q3(rows):
    """The remainder(s) the parsimonious solution assumes."""
    tt = _hand_tt()
    sol = minimize(tt, "parsimonious")
    expected = {tuple(int(v) for v in r) for r in sol.simplifying_assumptions.to_numpy()}
    pos, neg = _rows(tt, "1"), _rows(tt, "0")
    if rows == expected:
        return correct(tr("Right: this remainder has no case, yet the parsimonious solution "
                          "treats it as if it showed the outcome. That is a simplifying "
                          "assumption, to be reported and defended."))
    observed = rows & (pos | neg)
    if observed:
        return wrong(tr("{rows} has cases, so it is not a remainder.").format(
            rows=_describe(observed, CONDITIONS)))
    unused = rows - expected
    if unused:
        return wrong(tr("The parsimonious solution does not cover {rows}.").format(
                         rows=_describe(unused, CONDITIONS)),
                     tr("Which rows does your parsimonious expression cover that are neither "
                        "positive nor negative?"))
    return partly(tr("Some, not all, of the assumed remainders."))


def _lipset_solution():
    data = datasets.load("lipset_fuzzy")
    return minimize(truth_table(data, "SURV", LIPSET_CONDITIONS, incl_cut=0.8), "parsimonious")


def _compared(answer, reference, right: str, hint: str):
    problems = solution_differences(answer, reference)
    if not problems:
        return correct(right)
    return wrong_because(problems, hint)


@check(SolutionAnswer("parsimonious", "qcakit.minimize(tt_hand, 'parsimonious')"))
def q4(sol):
    """qcakit's parsimonious solution of the hand-made table, compared with the reference."""
    return _compared(sol, minimize(_hand_tt(), "parsimonious"),
                     tr("Right. Compare it with your answer to task 2, and look at "
                        "sol.simplifying_assumptions for task 3."),
                     tr("Build the truth table of all six cases of hand with incl_cut=0.8, then "
                        "minimize it."))


@check(SolutionAnswer("parsimonious", "qcakit.minimize(tt, 'parsimonious')"))
def q5(sol):
    """qcakit's parsimonious solution for Lipset (incl_cut 0.8), compared with the reference."""
    reference = _lipset_solution()
    return _compared(sol, reference,
                     tr("Right: all 18 countries, incl_cut=0.8, and the reference's {n} terms; "
                        "the next task asks which cases each one covers.").format(
                         n=len(reference.models[0])),
                     tr("Build the truth table from the whole of lf with outcome SURV, the five "
                        "conditions and incl_cut=0.8, then minimize it."))


@check(Expression(LIPSET_CONDITIONS, tr_later("a term"), terms=1))
def q6(expr):
    """The parsimonious term that covers Finland and Ireland."""
    sol = _lipset_solution()
    table = sol.parameters()
    name = term_to_string(expr[0])
    terms = {frozenset(t): term_to_string(t) for t in sol.models[0]}
    key = frozenset(expr[0])
    if key not in terms:
        return wrong(tr("{term} is not a term of the parsimonious solution.").format(term=name),
                     tr("Look at sol.parameters(): one row per term."))
    cases = table.loc[terms[key], "cases"]
    if "FI" in cases and "IE" in cases:
        return correct(tr("Right: the cases column of sol.parameters() lists them under this "
                          "term."))
    return wrong(tr("{term} covers {cases} (membership above 0.5 in term and outcome).").format(
                     term=terms[key], cases=cases or tr("no case")),
                 tr("Read the cases column of sol.parameters()."))
