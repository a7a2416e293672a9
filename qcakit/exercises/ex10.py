"""Checks for exercise 10, your own study: the protocol of lesson 30 on a raw file, graded.

The learner reads the raw Xu (2024) file as if it were their own (``pd.read_csv`` of the
bundled CSV, case column ``case``), with the task's fixed question: outcome :data:`OUTCOME`
(raw ``GROWTH``), conditions :data:`CONDITIONS`, calibrated with the substantive anchors of
lesson 30 (:data:`ANCHORS`). Every reference is computed with qcakit from that same file.

>>> q1((16, 11)).status
'correct'
>>> q1((128, 11)).message
'128 = 2^7 is the number for the seven conditions of lesson 30; this task has four.'
"""
from __future__ import annotations

import warnings

import pandas as pd

from .. import QCAWarning, calibrate, datasets, esa, necessity, suin, truth_table
from ..i18n import tr, tr_later
from ..methods_text import NECESSITY_CUTS
from ..truthtable import TruthTable
from ._answers import Choice, Count, Memberships, Numbers, Rows, Text, TruthTableAnswer
from ._compare import truth_table_differences, wrong_because
from ._feedback import check, correct, partly, wrong
from ._verdicts import MembershipTarget, Mistake, multiple_choice, self_assessed
from .ex02 import R_IDM

DATASET = "xu2024_county_alliance"
CASE_COLUMN = "case"
OUTCOME = "GROWTH"
CONDITIONS = ["ORG", "MGMT", "PAY", "INCENT"]
#: Substantive anchors (exclusion, crossover, inclusion) of lesson 30, section 3.
ANCHORS = {"ORG": (0, 1.25, 2), "MGMT": (0, 1.75, 3), "PAY": (0, 1.25, 2),
           "INCENT": (0, 1.25, 2), "GROWTH": (0, 3.1, 10)}
#: Task 3 calibrates this column.
COLUMN = "MGMT"
INCL_CUT, PRI_CUT = 0.75, 0.5
#: Task 5: the one expression that passes the kit's necessity rule (consistency 0.9, coverage
#: 0.6, RoN 0.5; :data:`qcakit.methods_text.NECESSITY_CUTS`), found by ``qcakit.suin``; no
#: single condition passes it. :func:`necessary_expressions` computes it from the file. The
#: task treats it as necessary only on a theoretical reading it asks the learner to judge.
NECESSARY = "ORG + PAY"
#: Task 5: the condition with the highest necessity consistency, which the rule calls trivial.
TRIVIAL = "INCENT"
#: Task 2: the corrupted entry (a decimal comma typed into a number column).
CORRUPT_CASE, CORRUPT_COLUMN, CORRUPT_VALUE = "Anji county", "PAY", "1,5"
#: Decimals graded per membership in task 3: R's idm=0.95 convention lies 0.0041 from the
#: reference, so two decimals (0.005) cannot tell it apart, as in exercise 2, task 3.
DECIMALS = 3


def raw() -> pd.DataFrame:
    """The raw file, read as a learner reads their own CSV."""
    return pd.read_csv(datasets.path(DATASET)).set_index(CASE_COLUMN)


def corrupted() -> pd.DataFrame:
    """The raw file with one entry typed as text ('1,5'), as in task 2."""
    data = raw()
    data[CORRUPT_COLUMN] = data[CORRUPT_COLUMN].astype(object)
    data.loc[CORRUPT_CASE, CORRUPT_COLUMN] = CORRUPT_VALUE
    return data


def calibrated() -> pd.DataFrame:
    """The four conditions and the outcome calibrated at :data:`ANCHORS`."""
    data = raw()
    return pd.DataFrame({c: calibrate(data[c], thresholds=t) for c, t in ANCHORS.items()})


def _tt() -> TruthTable:
    return truth_table(calibrated(), OUTCOME, CONDITIONS, incl_cut=INCL_CUT, pri_cut=PRI_CUT)


@check(Numbers([tr_later("configurations"), tr_later("cases")], Count(tr_later("a count")),
               example="answer = (32, 20)"))
def q1(pair):
    """(logically possible configurations, cases) for four conditions and the raw file."""
    configs, cases = pair
    k, n = len(CONDITIONS), len(raw())
    observed = len(_tt().table)
    if (configs, cases) == (2 ** k, n):
        return correct(tr("Right: 2^{k} = {configurations} configurations for {n} cases; at "
                          "least {remainders} of them are logical remainders.").format(
            k=k, configurations=2 ** k, n=n, remainders=2 ** k - n))
    if configs != 2 ** k:
        known = {128: (tr("128 = 2^7 is the number for the seven conditions of lesson 30; "
                          "this task has four."), tr("Count only the task's conditions.")),
                 32: (tr("32 = 2^5 counts the outcome as a condition."),
                      tr("Only the conditions span the configurations; the outcome is what they "
                         "explain.")),
                 k: (tr("{k} is the number of conditions; each one doubles the "
                        "configurations.").format(k=k),
                     tr("Configurations multiply: 2 x 2 x ...")),
                 observed: (tr("{observed} is the number of configurations that have "
                               "cases.").format(observed=observed),
                            tr("The task asks for the logically possible ones, with or without "
                               "cases."))}
        message, hint = known.get(configs, (
            tr("Not the number of configurations."),
            tr("With {k} conditions, each present or absent, how many combinations are "
               "there?").format(k=k)))
        return wrong(message, hint)
    if cases == observed:
        return wrong(tr("The configurations are right, but that is the number of observed "
                        "rows, not of cases."), tr("Count the rows of the file (len(data))."))
    return wrong(tr("The configurations are right, the number of cases is not."),
                 tr("Count the rows of the file; check_data reports it too."))


_Q2 = {
    "a": tr_later("Every case name in the file is still unique; the typo is in a score."),
    "b": None,
    "c": tr_later("Nothing is missing: the entry is there, but as text; pd.to_numeric would "
                  "turn it into a missing value, which is why the check asks you to fix it at "
                  "the source."),
    "d": tr_later("PAY still varies across the cases."),
    "e": tr_later("The diversity line is a warning, not a problem, and it is the same for the "
                  "clean file."),
}


@check(Choice("abcde"))
def q2(letter):
    """Multiple choice: which check of check_data finds a problem in the corrupted file."""
    return multiple_choice(
        letter, _Q2,
        tr_later("Right: one text entry ('1,5', a decimal comma) makes the whole PAY column "
                 "text, and 'numbers only' names the case, so you can fix it in the file."),
        tr_later("Run qcakit.check_data(check.corrupted(), ...) and read the status column."))


def _series_mistakes(data) -> list:
    """The memberships typical mistakes give."""
    with warnings.catch_warnings():  # the mistakes put cases on 0.5; the learner sees no warning
        warnings.simplefilter("ignore", QCAWarning)
        return _mistakes(data)


def _mistakes(data) -> list:
    x = data[COLUMN]
    lo, mid, hi = ANCHORS[COLUMN]
    q = x.quantile([0.05, 0.5, 0.95]).tolist()
    call = f"qcakit.calibrate(data['{COLUMN}'], thresholds={ANCHORS[COLUMN]})"
    return [
        Mistake("reversed anchors", calibrate(x, thresholds=(hi, mid, lo)), tr("Your memberships "
                "run the wrong way: high scores should give high membership."), tr("Give the "
                "anchors as (exclusion, crossover, inclusion) with exclusion < inclusion.")),
        Mistake("crossover on an observed score (2)", calibrate(x, thresholds=(lo, 2, hi)),
                tr("Some cases sit at exactly 0.5: you used a crossover that is an observed "
                   "score (2)."),
                tr("Use the task's crossover {crossover}, between the observed scores, so that "
                   "no case lands on 0.5.").format(crossover=mid)),
        Mistake("crossover 2, nudged to 0.501",
                calibrate(x, thresholds=(lo, 2, hi), nudge_half=True), tr("You moved the cases "
                "on 0.5 to 0.501, but they sit there because the crossover (2) is an observed "
                "score."), tr("Use the task's crossover {crossover}: then no case needs "
                              "moving.").format(crossover=mid)),
        Mistake("percentile anchors", calibrate(x, thresholds=tuple(q)), tr("These are "
                "percentile anchors of the sample, not the task's substantive anchors."),
                tr("Use thresholds={anchors}.").format(anchors=ANCHORS[COLUMN])),
        Mistake("ORG instead of MGMT", calibrate(data["ORG"], thresholds=ANCHORS["ORG"]),
                tr("You calibrated ORG, not MGMT."),
                tr("Calibrate the column {column}.").format(column=COLUMN)),
        Mistake("linear rescaling", (x - lo) / (hi - lo), tr("These are the scores rescaled "
                "linearly to [0, 1]; direct calibration puts them on a log-odds scale."),
                # Translators: the hint is the call to use; {call} is code
                tr("{call}.").format(call=call)),
        # the words of exercise 2's R_IDM_PARTLY and R_IDM_HINT, marked here as well
        Mistake("R's idm=0.95", calibrate(x, thresholds=ANCHORS[COLUMN], idm=R_IDM),
                tr("Close: these are the R package QCA's memberships (calibrate(..., idm = "
                   "0.95)), whose anchors score exactly 0.95 and 0.05: log-odds 2.944 instead "
                   "of 3."),
                tr("This task uses Ragin's log-odds of 3 at the anchors (qcakit's default), so "
                   "the anchors score 0.953 and 0.047."), status="partly"),
    ]


def _cases() -> list:
    return list(raw().index)


@check(Memberships(_cases, tr_later("cases"), labelled=True,
                   labels_hint=tr_later("Set the case column as the index when you read the "
                                        "file (.set_index('case')), and keep all the cases.")),
       graded=True)
def q3():
    """The MGMT memberships at the task's anchors, as a Series labelled by case."""
    data = raw()
    return MembershipTarget(
        calibrate(data[COLUMN], thresholds=ANCHORS[COLUMN]), DECIMALS,
        tr("Right: Ragin's direct method at {anchors}; no case sits on 0.5, because the "
           "crossover lies between observed scores.").format(anchors=ANCHORS[COLUMN]),
        tr("{call}; keep at least three decimals.").format(
            call=f"qcakit.calibrate(data['{COLUMN}'], thresholds={ANCHORS[COLUMN]})"),
        _series_mistakes(data), lower=0, upper=1)


@check(TruthTableAnswer())
def q4(answer):
    """The truth table at the task's cuts, compared with the reference built from the file."""
    problems = truth_table_differences(answer, _tt())
    if not problems:
        return correct(tr("Right: 8 of the 16 rows have cases, and only one (all four "
                          "conditions present) passes the consistency cut 0.75."))
    hint = (f"qcakit.truth_table(sets, '{OUTCOME}', {CONDITIONS}, incl_cut={INCL_CUT}, "
            f"pri_cut={PRI_CUT}), with sets calibrated as above.")
    return wrong_because(problems, hint)


def necessary_expressions() -> list:
    """What ``qcakit.suin`` finds necessary, not trivial, at the rule's cuts (task 5)."""
    found = suin(calibrated(), OUTCOME, CONDITIONS, depth=3).table
    return list(found.index[~found["trivial"]])


def _trivial_message() -> str:
    """Why the rule calls :data:`TRIVIAL` trivial: each cut it misses, and what that means for
    the counties."""
    sets = calibrated()
    row = necessity(sets, OUTCOME, [TRIVIAL]).table.loc[TRIVIAL]
    inside = sets[TRIVIAL] > 0.5
    out = int((inside & (sets[OUTCOME] < 0.5)).sum())
    reasons = []
    if row["coverage"] < NECESSITY_CUTS["coverage"]:
        reasons.append(tr("its coverage ({coverage}) is below {cut}: {name} is much larger "
                          "than GROWTH ({out} of the {inside} counties in it are out of "
                          "GROWTH)").format(coverage=f"{row['coverage']:.3f}",
                                            cut=f"{NECESSITY_CUTS['coverage']:g}", name=TRIVIAL,
                                            out=out, inside=int(inside.sum())))
    if row["RoN"] < NECESSITY_CUTS["RoN"]:
        reasons.append(tr("its RoN ({RoN}) is below {cut}: it comes close to a set every "
                          "county is in ({inside} of the {n})").format(
            RoN=f"{row['RoN']:.3f}", cut=f"{NECESSITY_CUTS['RoN']:g}", inside=int(inside.sum()),
            n=len(sets)))
    # Translators: joins the two reasons above (coverage, RoN) in one sentence
    joined = tr(" and ").join(reasons)
    return tr("These are the remainders without {name}. Its consistency ({consistency}) "
              "passes, but {reasons}: it is trivial, so the rule does not call it "
              "necessary.").format(name=TRIVIAL, consistency=f"{row['consistency']:.2f}",
                                   reasons=joined)


def _remainders_without(tt, expression: str) -> set:
    return {str(i) for i in esa(tt, necessary=[expression]).table.index}


@check(Rows(CONDITIONS, as_ids=True, allow_empty=True))
def q5(ids):
    """Row numbers of the remainders ESA bars when the expression that passes the necessity
    rule (ORG + PAY) is treated as necessary."""
    tt = _tt()
    given = {str(i) for i in ids}
    expected = _remainders_without(tt, NECESSARY)
    observed = {str(i) for i in tt.table.index}
    remainders = {str(i) for i in range(1, 2 ** len(CONDITIONS) + 1)} - observed
    if given == expected:
        return correct(tr("Right: {n} remainders lack both ORG and PAY (~ORG*~PAY); once "
                          "ORG + PAY is accepted as necessary, assuming that they produce the "
                          "outcome would contradict it, an incoherent counterfactual. Say in "
                          "the paper why the two are equivalents.").format(n=len(expected)))
    if given == _remainders_without(tt, TRIVIAL):
        return wrong(_trivial_message(), tr("Which expression does qcakit.suin find?"))
    if given == _remainders_without(tt, "ORG*PAY"):
        return wrong(tr("You barred every remainder without ORG or without PAY, as if both were "
                        "necessary (ORG*PAY). A disjunction is absent only where both parts "
                        "are."), tr("Bar the remainders with ORG = 0 and PAY = 0."))
    for part in ("ORG", "PAY"):
        if given == _remainders_without(tt, part):
            return wrong(tr("These are the remainders without {part}; {part} alone is not "
                            "necessary, the disjunction ORG + PAY is.").format(part=part),
                         tr("A disjunction is absent only where both parts are."))
    if given & observed:
        return wrong(tr("Your list has rows with cases. ESA bars only remainders: observed rows "
                        "are evidence, not assumptions."), tr("Keep only rows without cases."))
    if given == remainders:
        return wrong(tr("These are all the remainders; ESA bars only those that contradict the "
                        "necessary expression."),
                     tr("Which remainders have ORG = 0 and PAY = 0?"))
    if given == remainders - expected:
        return wrong(tr("These are the remainders with ORG or PAY present: the ones ESA keeps."),
                     tr("Bar the remainders that assume ~ORG*~PAY."))
    if not given:
        return wrong(tr("Your list is empty, but a necessary expression bars every remainder "
                        "that lacks it."), tr("Which remainders have ORG = 0 and PAY = 0?"))
    if given < expected:
        return partly(tr("Some of them, not all."),
                      tr("esa(tt, necessary=[...]).table lists them."))
    return wrong(tr("These are not the remainders that ESA bars."),
                 tr("qcakit.esa(tt, necessary=['ORG + PAY']).table lists them; check the "
                    "expression that passes the rule."))


MODEL_Q6 = tr_later(
    "The four conditions and GROWTH were calibrated with Ragin's direct method, e.g. MGMT at 0, "
    "1.75 and 3 (no sub-item met; a sum of 2 in the set, 1.5 out; all three met) and GROWTH at "
    "0, 3.1 and 10 % (a crossover just above the sample median, not a substantive choice), with "
    "crossovers between observed scores so that no case sits at 0.5. Of the 16 configurations, "
    "8 are observed among the 11 cases. A row was coded sufficient at consistency 0.75 and PRI "
    "0.5; only ORG*MGMT*PAY*INCENT passed (consistency 0.79). No single condition is necessary "
    "by the rule consistency 0.9, coverage 0.6, RoN 0.5 (INCENT: consistency 0.94, but coverage "
    "0.58 and RoN 0.41, trivial). The disjunction ORG + PAY passes it (0.92, 0.62, 0.52); read "
    "as two ways to integrate the alliance, it was treated as necessary, so the 2 remainders "
    "without both (~ORG*~PAY) were barred (ESA).")
RUBRIC_Q6 = (
    tr_later("It states the calibration: the method, the anchors and why, saying which one is "
             "not substantive, and how 0.5 is avoided."),
    tr_later("It reports limited diversity: 16 possible configurations, 8 observed, 11 cases."),
    tr_later("It gives the cuts (consistency 0.75, PRI 0.5) with a reason, and which rows pass."),
    tr_later("It names what passes the necessity rule (and what is trivial, by which cut), the "
             "reason for treating the disjunction as necessary, and the remainders barred, so a "
             "reader can redo the analysis."),
)


@check(Text(tr_later("a paragraph")))
def q6(text):
    """A methods paragraph (self-assessed: model answer and rubric)."""
    return self_assessed(MODEL_Q6, RUBRIC_Q6, text, min_words=50)
