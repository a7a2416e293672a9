"""Checks for exercise 7, easy and difficult counterfactuals in an intermediate solution.

Lipset data, truth table with ``incl_cut=0.8``; directional expectations: every condition is
expected to help democracy survive when present (Ragin 2008, ch. 9).

>>> q4("difficult").status
'incorrect'
"""
from __future__ import annotations

from .. import datasets, minimize, truth_table
from ..i18n import tr, tr_later
from ._answers import Bool, Choice, Count, Rows, SolutionAnswer, Word, row_string
from ._compare import solution_differences, wrong_because
from ._feedback import check, correct, wrong
from ._verdicts import multiple_choice

CONDITIONS = ["DEV", "URB", "LIT", "IND", "STB"]
EXPECTATIONS = {c: 1 for c in CONDITIONS}
#: The remainder discussed in task 4: Finland's and Ireland's row with URB present.
ROW = "DEV*URB*LIT*~IND*STB"


def _tt():
    return truth_table(datasets.load("lipset_fuzzy"), "SURV", CONDITIONS, incl_cut=0.8)


def _intermediate(expectations=None):
    return minimize(_tt(), "intermediate", directional=expectations or EXPECTATIONS)


def _rows(frame) -> set:
    return {tuple(int(v) for v in r) for r in frame[CONDITIONS].to_numpy()}


@check(SolutionAnswer("intermediate", "qcakit.minimize(tt, 'intermediate', directional=...)"))
def q1(answer):
    """The intermediate solution with every condition expected present, against the reference."""
    if all(v == "-" for v in (answer.directional or {}).values()):
        return wrong(tr("No directional expectation was given, so no counterfactual is easy and "
                        "the intermediate solution equals the complex one."),
                     tr("Pass directional={{'DEV': 1, ...}} or a list such as "
                        "['DEV', 'URB', ...].").format())
    problems = solution_differences(answer, _intermediate())
    if problems:
        return wrong_because(problems, tr("Use the truth table of all 18 countries with "
                                          "incl_cut=0.8 (and no other cut), and expect every "
                                          "condition to help when present (1)."))
    return correct(tr("Right. Compare it with the complex and parsimonious solutions above: it "
                      "lies between them."))


@check(Count(tr_later("a count of rows")))
def q2(n):
    """Number of easy counterfactuals."""
    sol = _intermediate()
    easy = len(sol.easy_counterfactuals)
    diff = len(sol.difficult_counterfactuals)
    if n == easy:
        return correct(tr("Right: only these remainders were assumed, because they agree with "
                          "the expectations."))
    if n == diff:
        return wrong(tr("That is the number of difficult counterfactuals."),
                     tr("Look at sol.easy_counterfactuals."))
    if n == easy + diff:
        return wrong(tr("That counts every remainder the parsimonious solution uses."),
                     tr("Only some of them are easy."))
    return wrong(tr("Not quite."), tr("len(sol.easy_counterfactuals) counts the rows."))


@check(Count(tr_later("a count of rows")))
def q3(n):
    """Number of difficult counterfactuals."""
    sol = _intermediate()
    easy = len(sol.easy_counterfactuals)
    diff = len(sol.difficult_counterfactuals)
    if n == diff:
        return correct(tr("Right: the parsimonious solution relies on all of these, the "
                          "intermediate solution on none."))
    if n == easy:
        return wrong(tr("That is the number of easy counterfactuals."))
    if n == easy + diff:
        return wrong(tr("That counts easy and difficult together."))
    return wrong(tr("Not quite."), tr("len(sol.difficult_counterfactuals) counts the rows."))


@check(Word(["easy", "difficult"]))
def q4(answer):
    """Is the remainder DEV*URB*LIT*~IND*STB an easy or a difficult counterfactual?"""
    sol = _intermediate()
    row = Rows(CONDITIONS, single=True).read(ROW)
    expected = "easy" if row in _rows(sol.easy_counterfactuals) else "difficult"
    if answer == expected:
        return correct(tr("Right: we observe survival in Finland and Ireland with URB absent; "
                          "the theory says urbanization helps, so assuming survival also with "
                          "URB present is easy to defend."))
    return wrong(tr("Think again about the direction."),
                 tr("The outcome is observed with URB absent. The expectation says URB present "
                    "helps. Would adding a helping condition plausibly destroy the outcome?"))


@check(Rows(CONDITIONS, single=True))
def q5(row):
    """Any one difficult counterfactual."""
    sol = _intermediate()
    easy, diff = _rows(sol.easy_counterfactuals), _rows(sol.difficult_counterfactuals)
    tt = _tt()
    observed = {tuple(int(v) for v in r) for r in tt.table[CONDITIONS].to_numpy()}
    name = row_string(row, CONDITIONS)
    if row in diff:
        return correct(tr("Right: {row} is a remainder the parsimonious solution assumes, but "
                          "it contradicts an expectation (a condition expected to help is "
                          "absent), so assuming the outcome there is hard to defend.").format(
                              row=name))
    if row in easy:
        return wrong(tr("{row} is an easy counterfactual.").format(row=name),
                     tr("Look for a remainder the parsimonious solution uses where a condition "
                        "expected present is absent."))
    if row in observed:
        return wrong(tr("{row} has cases, so it is not a counterfactual at all.").format(
            row=name))
    return wrong(tr("{row} is a remainder, but the parsimonious solution does not use it.")
                 .format(row=name),
                 tr("Counterfactuals here are the remainders in sol.difficult_counterfactuals "
                    "and sol.easy_counterfactuals."))


@check(Bool())
def q6(given):
    """Does expecting IND absent change the intermediate solution?"""
    changed = _intermediate().expressions != _intermediate({**EXPECTATIONS, "IND": 0}).expressions
    if given == changed:
        return correct(tr("Right. The expectation changed which remainders are easy and hence "
                          "the solution.") if changed else
                       tr("Right. The remainders that became easy or difficult do not change "
                          "the result here; check which ones moved, though."))
    return wrong(tr("Compare the two solutions' expressions again."),
                 tr("Compute the second one with directional={{..., 'IND': 0}} and compare "
                    "sol.expression.").format())


_Q7 = {
    "a": tr_later("The complex solution is the safest, but it can be needlessly long: it "
                  "refuses even counterfactuals that theory makes easy."),
    "b": tr_later("The parsimonious solution rests on difficult counterfactuals as well; its "
                  "terms are best read as the core, not as the whole recipe."),
    "c": None,
    "d": tr_later("Expectations are stated from theory and prior knowledge before the analysis; "
                  "choosing them to obtain a preferred solution defeats their purpose."),
}


@check(Choice("abcd"))
def q7(letter):
    """Multiple choice: which solution to report."""
    return multiple_choice(
        letter, _Q7,
        tr_later("Right: the intermediate solution, together with the expectations and the "
                 "counterfactuals it used, so readers can judge them."),
        tr_later("Which solution uses only the counterfactuals your theory can defend?"))
