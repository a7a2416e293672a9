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
from ..methods_text import NECESSITY_CUTS
from ..truthtable import TruthTable
from ._answers import read_int, read_names, read_truth_table
from ._compare import truth_table_differences, wrong_because
from ._feedback import AnswerProblem, check, correct, partly, wrong
from ._verdicts import multiple_choice, self_assessed

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
#: single condition passes it. :func:`necessary_expressions` computes it from the file.
NECESSARY = "ORG + PAY"
#: Task 5: the condition with the highest necessity consistency, which the rule calls trivial.
TRIVIAL = "INCENT"
#: Task 2: the corrupted entry (a decimal comma typed into a number column).
CORRUPT_CASE, CORRUPT_COLUMN, CORRUPT_VALUE = "Anji county", "PAY", "1,5"
TOL = 0.005
#: A mistake is named when the answer matches it this closely (three decimals; 0.5 is not 0.501).
MISTAKE_TOL = 0.0006


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


def _pair(answer) -> tuple:
    if not isinstance(answer, (tuple, list)) or len(answer) != 2:
        raise AnswerProblem("This task asks for two numbers: (configurations, cases).",
                            "Write it like answer = (32, 20).")
    return (read_int(answer[0], "a count of configurations"), read_int(answer[1], "a count of "
                                                                      "cases"))


@check
def q1(answer):
    """(logically possible configurations, cases) for four conditions and the raw file."""
    configs, cases = _pair(answer)
    k, n = len(CONDITIONS), len(raw())
    observed = len(_tt().table)
    if (configs, cases) == (2 ** k, n):
        return correct(f"Right: 2^{k} = {2 ** k} configurations for {n} cases; at least "
                       f"{2 ** k - n} of them are logical remainders.")
    if configs != 2 ** k:
        known = {128: ("128 = 2^7 is the number for the seven conditions of lesson 30; this task "
                       "has four.", "Count only the task's conditions."),
                 32: ("32 = 2^5 counts the outcome as a condition.", "Only the conditions span "
                      "the configurations; the outcome is what they explain."),
                 k: (f"{k} is the number of conditions; each one doubles the configurations.",
                     "Configurations multiply: 2 x 2 x ..."),
                 observed: (f"{observed} is the number of configurations that have cases.",
                            "The task asks for the logically possible ones, with or without "
                            "cases.")}
        message, hint = known.get(configs, ("Not the number of configurations.",
                                            f"With {k} conditions, each present or absent, "
                                            "how many combinations are there?"))
        return wrong(message, hint)
    if cases == observed:
        return wrong("The configurations are right, but that is the number of observed rows, "
                     "not of cases.", "Count the rows of the file (len(data)).")
    return wrong("The configurations are right, the number of cases is not.",
                 "Count the rows of the file; check_data reports it too.")


_Q2 = {
    "a": "Every case name in the file is still unique; the typo is in a score.",
    "b": None,
    "c": "Nothing is missing: the entry is there, but as text; pd.to_numeric would turn it into "
         "a missing value, which is why the check asks you to fix it at the source.",
    "d": "PAY still varies across the cases.",
    "e": "The diversity line is a warning, not a problem, and it is the same for the clean file.",
}


@check
def q2(answer):
    """Multiple choice: which check of check_data finds a problem in the corrupted file."""
    return multiple_choice(
        answer, _Q2,
        "Right: one text entry ('1,5', a decimal comma) makes the whole PAY column text, and "
        "'numbers only' names the case, so you can fix it in the file.",
        "Run qcakit.check_data(check.corrupted(), ...) and read the status column.")


def _series_mistakes(data) -> list:
    """(memberships a typical mistake gives, message, hint)."""
    with warnings.catch_warnings():  # the mistakes put cases on 0.5; the learner sees no warning
        warnings.simplefilter("ignore", QCAWarning)
        return _mistakes(data)


def _mistakes(data) -> list:
    x = data[COLUMN]
    lo, mid, hi = ANCHORS[COLUMN]
    q = x.quantile([0.05, 0.5, 0.95]).tolist()
    return [
        (calibrate(x, thresholds=(hi, mid, lo)), "Your memberships run the wrong way: high "
         "scores should give high membership.", "Give the anchors as (exclusion, crossover, "
         "inclusion) with exclusion < inclusion."),
        (calibrate(x, thresholds=(lo, 2, hi)), "Some cases sit at exactly 0.5: you used a "
         "crossover that is an observed score (2).", f"Use the task's crossover {mid}, between "
         "the observed scores, so that no case lands on 0.5."),
        (calibrate(x, thresholds=(lo, 2, hi), nudge_half=True), "You moved the cases on 0.5 "
         "to 0.501, but they sit there because the crossover (2) is an observed score.",
         f"Use the task's crossover {mid}: then no case needs moving."),
        (calibrate(x, thresholds=tuple(q)), "These are percentile anchors of the sample, not "
         "the task's substantive anchors.", f"Use thresholds={ANCHORS[COLUMN]}."),
        (calibrate(data["ORG"], thresholds=ANCHORS["ORG"]), "You calibrated ORG, not MGMT.",
         f"Calibrate the column {COLUMN}."),
    ]


@check
def q3(answer):
    """The MGMT memberships at the task's anchors, as a Series labelled by case."""
    if not isinstance(answer, pd.Series):
        raise AnswerProblem("This task asks for a pandas Series of memberships, one per case "
                            "(the result of qcakit.calibrate).")
    data = raw()
    ref = calibrate(data[COLUMN], thresholds=ANCHORS[COLUMN])
    if answer.index.duplicated().any():
        return wrong(f"Your Series has {len(answer)} values, some cases more than once; the "
                     f"file has {len(ref)} cases.", "Calibrate the column of the file itself.")
    if set(map(str, answer.index)) != set(ref.index):
        return wrong(f"Your Series is labelled by other names than the file's {len(ref)} cases "
                     f"(it has {len(answer)} values).",
                     "Set the case column as the index when you read the file "
                     "(.set_index('case')), and keep all the cases.")
    values = pd.to_numeric(answer, errors="coerce").reindex(ref.index)
    if values.isna().any():
        raise AnswerProblem("Some of your values are not numbers.")
    if ((values - ref).abs() <= TOL).all():
        return correct(f"Right: Ragin's direct method at {ANCHORS[COLUMN]}; no case sits on "
                       "0.5, because the crossover lies between observed scores.")
    for mistake, message, hint in _series_mistakes(data):
        if ((values - mistake.reindex(ref.index)).abs() <= MISTAKE_TOL).all():
            return wrong(message, hint)
    if (values == 0.5).any():
        return wrong("Some cases sit at exactly 0.5, so they belong to no truth-table row.",
                     f"Use the task's anchors {ANCHORS[COLUMN]}: the crossover lies between "
                     "observed scores.")
    off = list(ref.index[(values - ref).abs() > TOL])
    return wrong(f"{len(off)} case(s) have other memberships than the reference (first: "
                 f"{off[0]}), by more than {TOL}.",
                 f"qcakit.calibrate(data['{COLUMN}'], thresholds={ANCHORS[COLUMN]}); do not "
                 "round the values.")


@check
def q4(answer):
    """The truth table at the task's cuts, compared with the reference built from the file."""
    read_truth_table(answer)
    problems = truth_table_differences(answer, _tt())
    if not problems:
        return correct("Right: 8 of the 16 rows have cases, and only one (all four conditions "
                       "present) passes the consistency cut 0.75.")
    hint = (f"qcakit.truth_table(sets, '{OUTCOME}', {CONDITIONS}, incl_cut={INCL_CUT}, "
            f"pri_cut={PRI_CUT}), with sets calibrated as above.")
    return wrong_because(problems, hint)


def necessary_expressions() -> list:
    """What ``qcakit.suin`` finds necessary, not trivial, at the rule's cuts (task 5)."""
    found = suin(calibrated(), OUTCOME, CONDITIONS, depth=3).table
    return list(found.index[~found["trivial"]])


def _remainders_without(tt, expression: str) -> set:
    return {str(i) for i in esa(tt, necessary=[expression]).table.index}


@check
def q5(answer):
    """Row numbers of the remainders ESA bars when the expression that passes the necessity
    rule (ORG + PAY) is treated as necessary."""
    tt = _tt()
    given = read_names(answer, [str(i) for i in range(1, 2 ** len(CONDITIONS) + 1)],
                       "row numbers (1 to 16)")
    expected = _remainders_without(tt, NECESSARY)
    observed = {str(i) for i in tt.table.index}
    remainders = {str(i) for i in range(1, 2 ** len(CONDITIONS) + 1)} - observed
    if given == expected:
        return correct(f"Right: {len(expected)} remainders lack both ORG and PAY "
                       "(~ORG*~PAY); assuming that they produce the outcome would contradict "
                       "the necessity of ORG + PAY, an incoherent counterfactual.")
    if given == _remainders_without(tt, TRIVIAL):
        sets = calibrated()
        row = necessity(sets, OUTCOME, [TRIVIAL]).table.loc[TRIVIAL]
        members = int((sets[TRIVIAL] > 0.5).sum())
        return wrong(f"These are the remainders without {TRIVIAL}. Its consistency "
                     f"({row['consistency']:.2f}) passes, but its coverage "
                     f"({row['coverage']:.3f}) and RoN ({row['RoN']:.3f}) are below "
                     f"{NECESSITY_CUTS['coverage']:g} and {NECESSITY_CUTS['RoN']:g}: it is "
                     f"trivial ({members} of the {len(sets)} counties are in it), so the rule "
                     "does not call it necessary.", "Which expression does qcakit.suin find?")
    if given == _remainders_without(tt, "ORG*PAY"):
        return wrong("You barred every remainder without ORG or without PAY, as if both were "
                     "necessary (ORG*PAY). A disjunction is absent only where both parts are.",
                     "Bar the remainders with ORG = 0 and PAY = 0.")
    for part in ("ORG", "PAY"):
        if given == _remainders_without(tt, part):
            return wrong(f"These are the remainders without {part}; {part} alone is not "
                         "necessary, the disjunction ORG + PAY is.",
                         "A disjunction is absent only where both parts are.")
    if given & observed:
        return wrong("Your list has rows with cases. ESA bars only remainders: observed rows "
                     "are evidence, not assumptions.", "Keep only rows without cases.")
    if given == remainders:
        return wrong("These are all the remainders; ESA bars only those that contradict the "
                     "necessary expression.", "Which remainders have ORG = 0 and PAY = 0?")
    if given == remainders - expected:
        return wrong("These are the remainders with ORG or PAY present: the ones ESA keeps.",
                     "Bar the remainders that assume ~ORG*~PAY.")
    if not given:
        return wrong("Your list is empty, but a necessary expression bars every remainder "
                     "that lacks it.", "Which remainders have ORG = 0 and PAY = 0?")
    if given < expected:
        return partly("Some of them, not all.", "esa(tt, necessary=[...]).table lists them.")
    return wrong("These are not the remainders that ESA bars.",
                 "qcakit.esa(tt, necessary=['ORG + PAY']).table lists them; check the expression "
                 "that passes the rule.")


MODEL_Q6 = ("The four conditions and GROWTH were calibrated with Ragin's direct method at "
            "substantive anchors, e.g. MGMT at 0, 1.75 and 3 (none, more than half, all three "
            "sub-items), with crossovers between observed scores so that no case sits at 0.5. "
            "Of the 16 configurations, 8 are observed among the 11 cases. A row was coded "
            "sufficient at consistency 0.75 and PRI 0.5; only ORG*MGMT*PAY*INCENT passed "
            "(consistency 0.79). No single condition is necessary by the rule consistency 0.9, "
            "coverage 0.6, RoN 0.5 (INCENT: consistency 0.94 but RoN 0.41, trivial); the "
            "disjunction ORG + PAY passes it (0.92, 0.62, 0.52), so the 2 remainders without "
            "both (~ORG*~PAY) were barred (ESA).")
RUBRIC_Q6 = (
    "It states the calibration: the method, the anchors and why they are substantive, and "
    "how 0.5 is avoided.",
    "It reports limited diversity: 16 possible configurations, 8 observed, 11 cases.",
    "It gives the cuts (consistency 0.75, PRI 0.5) with a reason, and which rows pass.",
    "It names what passes the necessity rule (and what is trivial) and the remainders barred, "
    "so a reader can redo the analysis.",
)


@check
def q6(answer):
    """A methods paragraph (self-assessed: model answer and rubric)."""
    return self_assessed(MODEL_Q6, RUBRIC_Q6, answer, min_words=50)
