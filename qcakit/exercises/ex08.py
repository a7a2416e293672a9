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
from ..i18n import tr, tr_later
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


@check(Names(CONDITIONS, tr_later("conditions")))
def q1(given):
    """Conditions that are core present in every configuration of Table 4."""
    expected = {c for c in CONDITIONS if all(TABLE4_CHART.loc[c] == "core present")}
    if given == expected:
        return correct(tr("Right: the large filled circle in every column. The paper's "
                          "conclusion builds on exactly these."))
    details = []
    for c in sorted(given - expected):
        details.append(tr("{condition} is not a large ● in every column.").format(condition=c))
    if expected - given:
        details.append(tr("{n} condition(s) are missing.").format(n=len(expected - given)))
    return (partly if given & expected else wrong)(
        tr("Not quite."), tr("Read each row across S1 to S4: is it ● everywhere?"), details)


@check(Expression(CONDITIONS, tr_later("a configuration (one term)"), terms=1))
def q2(expr):
    """Table 4's column S3 as an expression."""
    given = dict(expr[0])
    expected = _literals(COLUMNS["S3"])
    if given == expected:
        return correct(tr("Right: every cell of column S3 read as present or absent (core or "
                          "peripheral does not matter for the expression)."))
    missing = sorted(set(expected) - set(given))
    extra = sorted(set(given) - set(expected))
    flipped = sorted(c for c in set(given) & set(expected) if given[c] != expected[c])
    details = []
    if missing:
        details.append(tr("Missing: {conditions} (every non-blank cell is part of the "
                          "configuration).").format(conditions=", ".join(missing)))
    if extra:
        details.append(tr("{conditions} has no symbol in this column.").format(
            conditions=", ".join(extra)))
    if flipped:
        details.append(tr("Check the sign of {conditions}: ● and . mean present, ○ means absent "
                          "(~).").format(conditions=", ".join(flipped)))
    return wrong(tr("Your expression does not match column S3."),
                 tr("Read the column cell by cell."), details)


@check(Word(list(ABSTRACT)))
def q3(name):
    """Which abstract pathway equals Table 4's column S3?"""
    column = _literals(COLUMNS["S3"])
    match = [k for k, v in ABSTRACT.items() if _literals(v) == column]
    if name in match:
        return correct(tr("Right: Table 4's column S3 is the abstract's {name}, and (check it) "
                          "Table 4's column {name} is the abstract's S3. The two columns, or the "
                          "two descriptions, appear to be swapped, so which coverage belongs to "
                          "which pathway is uncertain.").format(name=name))
    diff = sorted(c for c in CONDITIONS if _literals(ABSTRACT[name]).get(c) != column.get(c))
    return wrong(tr("The abstract's {name} differs from column S3 in {n} condition(s).").format(
                     name=name, n=len(diff)),
                 tr("Compare your expression from task 2 with each of the four formulas in the "
                    "abstract."))


_Q4_TRUE = {"a", "c", "e", "g"}
_Q4_WHY_FALSE = {
    "b": tr_later("Configurations overlap (a case can belong to several), so the solution "
                  "coverage is normally smaller than the sum of the raw coverages. That is no "
                  "error."),
    "d": tr_later("Consistency 1.000 only needs every case's membership in the configuration to "
                  "be at most its outcome membership; with few cases that happens."),
    "f": tr_later("Core conditions are those backed by the parsimonious solution; nothing "
                  "requires them to appear in every configuration."),
    "h": tr_later("Equal unique coverages are unusual but possible; alone they prove nothing."),
}
_Q4_WHERE = {
    "a": tr_later("the S3 paragraph in the Results"),
    "c": tr_later("the Discussion's list of pathways"),
    "e": tr_later("the Methods part of the abstract"),
    "g": tr_later("the design: cases, conditions and what is (not) reported"),
}


@check(Choice("abcdefgh", multiple=True))
def q4(chosen):
    """Multiple select: which statements about the paper are true?"""
    wrong_picks = sorted(chosen - _Q4_TRUE)
    missing = sorted(_Q4_TRUE - chosen)
    if not wrong_picks and not missing:
        return correct(tr("Right: four real problems. None of them needs the data; careful "
                          "reading finds them."))
    details = [tr("({letter}) is not a problem: {why}").format(letter=k, why=tr(_Q4_WHY_FALSE[k]))
               for k in wrong_picks]
    if missing:
        details.append(tr("{n} true statement(s) are not in your selection; one concerns "
                          "{where}.").format(n=len(missing), where=tr(_Q4_WHERE[missing[0]])))
    return (partly if chosen & _Q4_TRUE else wrong)(
        tr("Some of your selection needs another look."),
        tr("Check each statement against the paper's text, not against what seems plausible."),
        details)


def _cases_in(expr: str) -> set:
    m = membership(_xu.calibrated(), expr)
    return set(m.index[m > 0.5])


def _cases() -> list:
    return list(_xu.calibrated().index)


@check(Names(_cases, tr_later("case labels")))
def q5(given):
    """Cases with membership above 0.5 in the abstract's S4."""
    data = _xu.calibrated()
    expected = _cases_in(ABSTRACT["S4"])
    if given == expected:
        m = membership(data, ABSTRACT["S4"])
        if expected and all(m[c] <= NUDGED for c in expected):
            return correct(tr("Right, but look at the value: 0.501, the crossover nudged up from "
                              "0.5. The abstract's S4 rests on a case that is as much in as out. "
                              "A paper that lists the cases of every configuration lets readers "
                              "see such things; this one does not."))
        return correct(tr("Right. A paper that lists the cases of every configuration lets "
                          "readers check such things; this one does not."))
    m = membership(data, ABSTRACT["S4"])
    details = [tr("{case} has {membership} in S4.").format(case=c, membership=f"{m[c]:.2f}")
               for c in sorted(given - expected)]
    if expected - given:
        details.append(tr("{n} case(s) above 0.5 are missing.").format(n=len(expected - given)))
    return wrong(tr("Not quite."), tr("Compute qcakit.membership(xu_cal, S4) and keep the cases "
                                      "above 0.5."), details)


@check(Names(_cases, tr_later("case labels"), count=1))
def q6(given):
    """The case with the highest membership in the abstract's S3."""
    data = _xu.calibrated()
    m = membership(data, ABSTRACT["S3"])
    best = m.max()
    (case,) = given
    if m[case] == best:
        if best <= NUDGED and best > 0.5:
            return correct(tr("Right: its membership is {membership}, the crossover nudged up "
                              "from 0.5. Formally a member, substantively as much in as out: "
                              "the pathway hangs on the 0.5 -> 0.501 convention.").format(
                                  membership=f"{best:.3f}"))
        if best > 0.5:
            return correct(tr("Right: its membership is {membership}, above 0.5, so S3 has case "
                              "support in this calibration.").format(membership=f"{best:.3f}"))
        return correct(tr("Right: its membership is {membership}, below 0.5, so in this "
                          "calibration no case is a member of the abstract's S3; the weakest "
                          "link is the condition where this case scores lowest.").format(
                              membership=f"{best:.3f}"))
    return wrong(tr("{case} has {membership}; another case scores higher.").format(
                     case=case, membership=f"{m[case]:.2f}"),
                 tr("membership(...).idxmax() gives the case with the highest value."))


#: Task 7 is a written answer: self-assessed against this model answer and rubric, not marked.
MODEL_Q7 = tr_later(
    "Table 4 and the text disagree about S3 and S4: column S3 of the table matches the "
    "abstract's S4 and column S4 the abstract's S3, and the S3 and S4 paragraphs contradict "
    "their own formulas on resource sharing and incentives. Readers cannot tell which coverage "
    "belongs to which pathway, and the policy advice for small alliances rests on these two "
    "pathways. The authors should correct the table, list the cases covered by each "
    "configuration, publish the calibrated data, anchors and truth table, and report the easy "
    "and difficult counterfactuals.")
RUBRIC_Q7 = (
    tr_later("It names the specific inconsistency: Table 4's columns S3 and S4 against the "
             "abstract's (and the Results' own) formulas, on SHARE and INCENT."),
    tr_later("It says why this matters: which coverage and which policy advice belong to which "
             "pathway is uncertain."),
    tr_later("It asks for what would let readers check: the cases of each configuration, the "
             "calibrated data and anchors, the truth table, the counterfactuals."),
    tr_later("It is addressed to the authors, in 60 to 120 words, without claiming more than "
             "the evidence shows (our calibration is a reconstruction)."),
)


@check(Text())
def q7(text):
    """Written critique of Table 4 (self-assessed, not marked)."""
    return self_assessed(MODEL_Q7, RUBRIC_Q7, text, min_words=60)
