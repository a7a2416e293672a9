"""Checks for exercise 8, reading and critiquing the configuration chart of Xu, Hu & Liu (2024).

The published material comes from :mod:`qcakit.studies.xu2024`, the one copy in the kit:
:data:`TABLE4` is Table 4 as printed in our text copy of the paper (``xu2024.TABLE4_PRINTED``),
:data:`TABLE4_CHART` the reconstructed cell codes, :data:`ABSTRACT` the four pathways as the
abstract words them. They are used here only to check a learner's reading.

>>> TABLE4.loc["INCENT"].tolist()
['●', '●', '○', '●']
>>> q3("S3").status
'incorrect'
"""
from __future__ import annotations

from .. import membership, parse
from ..studies import xu2024
from . import _xu
from ._answers import Choice, Expression, Names, Text, Word
from ._feedback import check, correct, partly, wrong
from ._verdicts import self_assessed

CONDITIONS = _xu.CONDITIONS
#: Memberships at or below this are the crossover 0.5 nudged to 0.501.
NUDGED = xu2024.HALF_NUDGED
TABLE4 = xu2024.TABLE4_PRINTED
TABLE4_CHART = xu2024.TABLE4_CHART
TABLE4_FIT = xu2024.TABLE4_FIT
TABLE4_SOLUTION = xu2024.TABLE4_SOLUTION
#: The pathways as worded in the abstract (Results), in qcakit notation.
ABSTRACT = xu2024.PATHS.loc["Abstract"].to_dict()
#: Table 4's columns read as expressions (every non-blank cell).
COLUMNS = xu2024.PATHS.loc["Table 4 columns (reconstructed)"].to_dict()


def table4():
    """A copy of Table 4 (symbols) for the notebook."""
    return TABLE4.copy()


def _literals(expr_text: str) -> dict:
    (term,) = parse(expr_text)
    return dict(term)


@check(Names(CONDITIONS, "conditions"))
def q1(given):
    """Conditions that are core present in every configuration of Table 4."""
    expected = {c for c in CONDITIONS if all(TABLE4_CHART.loc[c] == "core present")}
    if given == expected:
        return correct("Right: the large filled circle in every column. The paper's conclusion "
                       "builds on exactly these.")
    details = []
    for c in sorted(given - expected):
        details.append(f"{c} is not a large ● in every column.")
    if expected - given:
        details.append(f"{len(expected - given)} condition(s) are missing.")
    return (partly if given & expected else wrong)(
        "Not quite.", "Read each row across S1 to S4: is it ● everywhere?", details)


@check(Expression(CONDITIONS, "a configuration (one term)", terms=1))
def q2(expr):
    """Table 4's column S3 as an expression."""
    given = dict(expr[0])
    expected = _literals(COLUMNS["S3"])
    if given == expected:
        return correct("Right: every cell of column S3 read as present or absent (core or "
                       "peripheral does not matter for the expression).")
    missing = sorted(set(expected) - set(given))
    extra = sorted(set(given) - set(expected))
    flipped = sorted(c for c in set(given) & set(expected) if given[c] != expected[c])
    details = []
    if missing:
        details.append(f"Missing: {', '.join(missing)} (every non-blank cell is part of the "
                       "configuration).")
    if extra:
        details.append(f"{', '.join(extra)} has no symbol in this column.")
    if flipped:
        details.append(f"Check the sign of {', '.join(flipped)}: ● and . mean present, ○ means "
                       "absent (~).")
    return wrong("Your expression does not match column S3.", "Read the column cell by cell.",
                 details)


@check(Word(list(ABSTRACT)))
def q3(name):
    """Which abstract pathway equals Table 4's column S3?"""
    column = _literals(COLUMNS["S3"])
    match = [k for k, v in ABSTRACT.items() if _literals(v) == column]
    if name in match:
        return correct(f"Right: Table 4's column S3 is the abstract's {name}, and (check it) "
                       f"Table 4's column {name} is the abstract's S3. The two columns, or the "
                       "two descriptions, appear to be swapped, so which coverage belongs to "
                       "which pathway is uncertain.")
    diff = sorted(c for c in CONDITIONS if _literals(ABSTRACT[name]).get(c) != column.get(c))
    return wrong(f"The abstract's {name} differs from column S3 in {len(diff)} condition(s).",
                 "Compare your expression from task 2 with each of the four formulas in the "
                 "abstract.")


_Q4_TRUE = {"a", "c", "e", "g"}
_Q4_WHY_FALSE = {
    "b": "Configurations overlap (a case can belong to several), so the solution coverage is "
         "normally smaller than the sum of the raw coverages. That is no error.",
    "d": "Consistency 1.000 only needs every case's membership in the configuration to be at "
         "most its outcome membership; with few cases that happens.",
    "f": "Core conditions are those backed by the parsimonious solution; nothing requires them "
         "to appear in every configuration.",
    "h": "Equal unique coverages are unusual but possible; alone they prove nothing.",
}
_Q4_WHERE = {
    "a": "the S3 paragraph in the Results",
    "c": "the Discussion's list of pathways",
    "e": "the Methods part of the abstract",
    "g": "the design: cases, conditions and what is (not) reported",
}


@check(Choice("abcdefgh", multiple=True))
def q4(chosen):
    """Multiple select: which statements about the paper are true?"""
    wrong_picks = sorted(chosen - _Q4_TRUE)
    missing = sorted(_Q4_TRUE - chosen)
    if not wrong_picks and not missing:
        return correct("Right: four real problems. None of them needs the data; careful reading "
                       "finds them.")
    details = [f"({k}) is not a problem: {_Q4_WHY_FALSE[k]}" for k in wrong_picks]
    if missing:
        details.append(f"{len(missing)} true statement(s) are not in your selection; one concerns "
                       f"{_Q4_WHERE[missing[0]]}.")
    return (partly if chosen & _Q4_TRUE else wrong)(
        "Some of your selection needs another look.",
        "Check each statement against the paper's text, not against what seems plausible.",
        details)


def _cases_in(expr: str) -> set:
    m = membership(_xu.calibrated(), expr)
    return set(m.index[m > 0.5])


def _cases() -> list:
    return list(_xu.calibrated().index)


@check(Names(_cases, "case labels"))
def q5(given):
    """Cases with membership above 0.5 in the abstract's S4."""
    data = _xu.calibrated()
    expected = _cases_in(ABSTRACT["S4"])
    if given == expected:
        m = membership(data, ABSTRACT["S4"])
        if expected and all(m[c] <= NUDGED for c in expected):
            return correct("Right, but look at the value: 0.501, the crossover nudged up from "
                           "0.5. The abstract's S4 rests on a case that is as much in as out. A "
                           "paper that lists the cases of every configuration lets readers see "
                           "such things; this one does not.")
        return correct("Right. A paper that lists the cases of every configuration lets readers "
                       "check such things; this one does not.")
    m = membership(data, ABSTRACT["S4"])
    details = [f"{c} has {m[c]:.2f} in S4." for c in sorted(given - expected)]
    if expected - given:
        details.append(f"{len(expected - given)} case(s) above 0.5 are missing.")
    return wrong("Not quite.", "Compute qcakit.membership(xu_cal, S4) and keep the cases above "
                 "0.5.", details)


@check(Names(_cases, "case labels", count=1))
def q6(given):
    """The case with the highest membership in the abstract's S3."""
    data = _xu.calibrated()
    m = membership(data, ABSTRACT["S3"])
    best = m.max()
    (case,) = given
    if m[case] == best:
        if best <= NUDGED and best > 0.5:
            return correct(f"Right: its membership is {best:.3f}, the crossover nudged up from "
                           "0.5. Formally a member, substantively as much in as out: the "
                           "pathway hangs on the 0.5 -> 0.501 convention.")
        if best > 0.5:
            return correct(f"Right: its membership is {best:.3f}, above 0.5, so S3 has case "
                           "support in this calibration.")
        return correct(f"Right: its membership is {best:.3f}, below 0.5, so in this calibration "
                       "no case is a member of the abstract's S3; the weakest link is the "
                       "condition where this case scores lowest.")
    return wrong(f"{case} has {m[case]:.2f}; another case scores higher.",
                 "membership(...).idxmax() gives the case with the highest value.")


#: Task 7 is a written answer: self-assessed against this model answer and rubric, not marked.
MODEL_Q7 = ("Table 4 and the text disagree about S3 and S4: column S3 of the table matches the "
            "abstract's S4 and column S4 the abstract's S3, and the S3 and S4 paragraphs "
            "contradict their own formulas on resource sharing and incentives. Readers cannot "
            "tell which coverage belongs to which pathway, and the policy advice for small "
            "alliances rests on these two pathways. The authors should correct the table, list "
            "the cases covered by each configuration, publish the calibrated data, anchors and "
            "truth table, and report the easy and difficult counterfactuals.")
RUBRIC_Q7 = (
    "It names the specific inconsistency: Table 4's columns S3 and S4 against the abstract's "
    "(and the Results' own) formulas, on SHARE and INCENT.",
    "It says why this matters: which coverage and which policy advice belong to which pathway "
    "is uncertain.",
    "It asks for what would let readers check: the cases of each configuration, the calibrated "
    "data and anchors, the truth table, the counterfactuals.",
    "It is addressed to the authors, in 60 to 120 words, without claiming more than the "
    "evidence shows (our calibration is a reconstruction).",
)


@check(Text())
def q7(text):
    """Written critique of Table 4 (self-assessed, not marked)."""
    return self_assessed(MODEL_Q7, RUBRIC_Q7, text, min_words=60)
