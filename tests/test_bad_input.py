"""Bad input, as a careless student would type it: a clear QCAInputError or QCAWarning, never a
raw traceback and never a silent drop (issue 16; issue 17's indirect-calibration item).

Part 1 lists kinds of bad input one by one, each with the text its message must contain (the
column or argument, the offending value or case, the fix). Part 2 generates malformed inputs with
hypothesis and calls every public analysis function: each call returns a well-formed result or
raises QCAInputError, warns only with QCAWarning, and drops no case or column without a note.
Examples hypothesis found are kept in tests/test_bad_input_regressions.py.
"""
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import qcakit
from qcakit import QCAInputError, QCAWarning

D = pd.DataFrame({"DEV": [0.9, 0.2, 0.7, 0.1], "URB": [0.8, 0.3, 0.4, 0.6],
                  "Y": [0.9, 0.1, 0.7, 0.2], "name": ["a", "b", "c", "d"]},
                 index=["Austria", "Belgium", "Czech", "Denmark"])
RAW = pd.Series([1.0, 2.0, 5.0, 8.0, 11.0], name="GDP", index=list("pqrst"))
DUP = pd.concat([D[["DEV"]], D], axis=1)  # two columns named DEV


def _tt(**kw):
    return qcakit.truth_table(D, "Y", ["DEV", "URB"], **kw)


def _sol(kind="parsimonious"):
    return qcakit.minimize(_tt(), kind, **({"directional": {"DEV": 1, "URB": 1}}
                                            if kind == "intermediate" else {}))


# (label, call, regex the QCAInputError message must match)
ERRORS = [
    # calibrate
    ("calibrate empty Series", lambda: qcakit.calibrate(pd.Series([], dtype=float), (1, 2, 3)),
     "no rows"),
    ("calibrate duplicated column", lambda: qcakit.calibrate(DUP, {"DEV": (0.1, 0.5, 0.9)}),
     r"more than one column named 'DEV'.*duplicated\(\)"),
    ("calibrate frame without dict", lambda: qcakit.calibrate(D[["DEV"]], (0.1, 0.5, 0.9)),
     "give thresholds as a dict"),
    ("calibrate unknown column", lambda: qcakit.calibrate(D, {"DEVV": (0.1, 0.5, 0.9)}),
     "Unknown column 'DEVV'.*Did you mean 'DEV'"),
    ("calibrate text column", lambda: qcakit.calibrate(D, {"name": (1, 2, 3)}),
     r"Column 'name' is not numeric \(e.g. 'a' for case 'Austria'\).*pd.to_numeric"),
    ("calibrate missing value", lambda: qcakit.calibrate(pd.Series([1.0, None, 3.0]), (1, 2, 3)),
     r"1 missing value\(s\) \(cases 1\).*dropna"),
    ("calibrate infinite value", lambda: qcakit.calibrate(pd.Series([1.0, np.inf, 3.0]), (1, 2, 3)),
     r"infinite value\(s\) \(cases 1\)"),
    ("calibrate constant", lambda: qcakit.calibrate(pd.Series([3.0, 3.0]), (1, 2, 4)),
     r"constant \(every case scores 3\)"),
    ("calibrate two anchors", lambda: qcakit.calibrate(RAW, (2, 5)), "three numeric anchors"),
    ("calibrate text anchors", lambda: qcakit.calibrate(RAW, ("low", "mid", "high")),
     "three numeric anchors"),
    ("calibrate NaN anchor", lambda: qcakit.calibrate(RAW, (2, float("nan"), 8)),
     "three numeric anchors"),
    ("calibrate anchors out of order", lambda: qcakit.calibrate(RAW, (2, 8, 5)),
     "out of order or equal: exclusion=2, crossover=8, inclusion=5"),
    ("calibrate unknown method", lambda: qcakit.calibrate(RAW, (2, 5, 8), "fuzzy"),
     "Unknown calibration method 'fuzzy'"),
    ("calibrate idm string", lambda: qcakit.calibrate(RAW, (2, 5, 8), idm="0.95"),
     "idm must be a number between 0.5 and 1, got '0.95'"),
    ("calibrate idm 95", lambda: qcakit.calibrate(RAW, (2, 5, 8), idm=95),
     "idm must lie between 0.5 and 1, got 95"),
    ("calibrate idm 0.5", lambda: qcakit.calibrate(RAW, (2, 5, 8), idm=0.5),
     "strictly between 0.5 and 1"),
    ("calibrate digits text", lambda: qcakit.calibrate(RAW, (2, 5, 8), digits="2"),
     "digits must be a whole number >= 0, got '2'"),
    ("calibrate nudge_half text", lambda: qcakit.calibrate(RAW, (2, 5, 8), nudge_half="no"),
     "nudge_half must be True or False, got 'no'"),
    ("calibrate crisp text threshold", lambda: qcakit.calibrate(RAW, ["five"], "crisp"),
     "strictly increasing thresholds, got \\['five'\\]"),
    ("calibrate crisp None", lambda: qcakit.calibrate(RAW, None, "crisp"),
     "strictly increasing thresholds, got None"),
    ("calibrate crisp decreasing", lambda: qcakit.calibrate(RAW, (8, 5), "crisp"),
     "strictly increasing"),
    ("calibrate indirect text targets",
     lambda: qcakit.calibrate(RAW, (3, 6), "indirect", targets=("lo", "mid", "hi")),
     r"give 3 target memberships in \[0, 1\].*got \('lo', 'mid', 'hi'\)"),
    ("calibrate indirect too few targets",
     lambda: qcakit.calibrate(RAW, (3, 6), "indirect", targets=(0, 1)), "give 3 target"),
    ("calibrate 2-D array", lambda: qcakit.calibrate(np.ones((3, 2)), (1, 2, 3)),
     "one column .* 2 dimension"),
    ("calibrate not data", lambda: qcakit.calibrate(None, (1, 2, 3)), "one column"),
    # percentile_anchors
    ("anchors unknown method", lambda: qcakit.percentile_anchors(RAW, method="quartile"),
     "Unknown percentile method 'quartile'"),
    ("anchors method not text", lambda: qcakit.percentile_anchors(RAW, method=["linear"]),
     "Unknown percentile method"),
    ("anchors percent > 100", lambda: qcakit.percentile_anchors(RAW, (25, 50, 150)),
     r"in \[0, 100\]"),
    ("anchors text percentiles", lambda: qcakit.percentile_anchors(RAW, ("a", "b")),
     "percentiles must be a list of \\(finite\\) numbers"),
    ("anchors duplicated column", lambda: qcakit.percentile_anchors(DUP),
     "more than one column named 'DEV'"),
    ("anchors text data", lambda: qcakit.percentile_anchors(D["name"]), "not numeric"),
    # necessity
    ("necessity duplicated column", lambda: qcakit.necessity(DUP, "Y"),
     "more than one column named 'DEV'"),
    ("necessity outcome as condition", lambda: qcakit.necessity(D, "Y", ["DEV", "Y"]),
     r"outcome 'Y' is also in the conditions \(as 'Y'\).*Leave it out"),
    ("necessity outcome inside expression", lambda: qcakit.necessity(D, "Y", ["DEV + Y"]),
     r"outcome 'Y' is also in the conditions \(as 'DEV \+ Y'\)"),
    ("necessity threshold 90", lambda: qcakit.necessity(D, "Y", ["DEV"], threshold=90),
     "threshold must lie between 0 and 1, got 90. It looks like a percentage: use 0.9"),
    ("necessity threshold text", lambda: qcakit.necessity(D, "Y", ["DEV"], threshold="0.9"),
     "threshold must be a number"),
    ("necessity condition listed twice", lambda: qcakit.necessity(D, "Y", ["DEV", "DEV"]),
     "'DEV', '~DEV' given more than once"),
    ("necessity one string of names", lambda: qcakit.necessity(D, "Y", "DEV, URB"),
     r"one string 'DEV, URB'. Pass a list.*\['DEV', 'URB'\]"),
    ("necessity one crisp case (coverage)",
     lambda: qcakit.necessity(pd.DataFrame({"A": [0.0], "Y": [1.0]}), "Y", ["A"]),
     r"Condition 'A' has no membership in any case.*coverage is undefined.*pass '~A'"),
    ("necessity one crisp case (RoN)",
     lambda: qcakit.necessity(pd.DataFrame({"A": [1.0], "Y": [1.0]}), "Y", ["A"]),
     r"Condition 'A' and the outcome 'Y' are both 1 in every case.*RoN"),
    ("necessity constant-1 condition",
     lambda: qcakit.necessity(D.assign(ALL=1.0), "Y", ["ALL"]),
     r"Condition '~ALL' has no membership.*'ALL' scores 1 for every case, a constant"),
    ("necessity percentages", lambda: qcakit.necessity(D.assign(DEV=D.DEV * 100), "Y", ["DEV"]),
     r"Column 'DEV' is not a set membership.*divide by 100"),
    ("necessity raw data", lambda: qcakit.necessity(D.assign(DEV=D.DEV * 1000), "Y", ["DEV"]),
     r"case 'Austria' has 900.*If they are raw data, calibrate"),
    ("necessity negate text", lambda: qcakit.necessity(D, "Y", ["DEV"], negate_outcome="yes"),
     "negate_outcome must be True or False"),
    ("necessity unknown outcome", lambda: qcakit.necessity(D, "y", ["DEV"]),
     "Unknown outcome 'y'.*Did you mean 'Y'"),
    ("necessity blank in name",
     lambda: qcakit.necessity(D.rename(columns={"DEV": "GDP growth"}), "Y", ["GDP growth"]),
     r"name 'GDP growth' cannot be written.*rename\(columns=\{'GDP growth': 'GDP_growth'\}\)"),
    ("necessity number as name",
     lambda: qcakit.necessity(D.rename(columns={"DEV": 7}), "Y", [7]), "name 7 cannot be written"),
    ("necessity empty conditions", lambda: qcakit.necessity(D, "Y", []),
     "at least one condition"),
    ("necessity outcome without members",
     lambda: qcakit.necessity(D.assign(Y=0.0), "Y", ["DEV"]), "'Y' has no membership at all"),
    ("necessity missing value",
     lambda: qcakit.necessity(D.assign(DEV=[0.9, None, 0.7, 0.1]), "Y", ["DEV"]),
     r"'DEV' has 1 missing value\(s\) \(cases 'Belgium'\)"),
    ("necessity not a frame", lambda: qcakit.necessity([[0.1, 0.2]], "Y"),
     "must be a pandas DataFrame.*got list"),
    # truth_table
    ("truth_table duplicated condition column", lambda: qcakit.truth_table(DUP, "Y", ["DEV"]),
     "more than one column named 'DEV'"),
    ("truth_table duplicated outcome column",
     lambda: qcakit.truth_table(pd.concat([D[["Y"]], D], axis=1), "Y", ["DEV"]),
     "more than one column named 'Y'"),
    ("truth_table all cases at 0.5", lambda: qcakit.truth_table(D.assign(DEV=0.5), "Y",
                                                                ["DEV", "URB"]),
     r"Every case scores exactly 0.5 on some condition \('DEV'\).*nudge_half=True"),
    ("truth_table incl_cut 1.2", lambda: _tt(incl_cut=1.2),
     r"^incl_cut must lie between 0 and 1, got 1.2.$"),
    ("truth_table incl_cut 80", lambda: _tt(incl_cut=80),
     "incl_cut must lie between 0 and 1, got 80. It looks like a percentage: use 0.8"),
    ("truth_table incl_cut reversed", lambda: _tt(incl_cut=(0.7, 0.8)),
     r"incl_cut=\(0.7, 0.8\) is reversed.*Use \(0.8, 0.7\)"),
    ("truth_table incl_cut text", lambda: _tt(incl_cut="0.8"),
     "incl_cut must be a number in \\[0, 1\\].*got '0.8'"),
    ("truth_table incl_cut None", lambda: _tt(incl_cut=None), "incl_cut must be a number"),
    ("truth_table incl_cut NaN", lambda: _tt(incl_cut=float("nan")),
     "incl_cut must be a number between 0 and 1, got nan"),
    ("truth_table incl_cut triple", lambda: _tt(incl_cut=(0.9, 0.8, 0.7)),
     "one number, or a pair"),
    ("truth_table incl_cut pair percent", lambda: _tt(incl_cut=(80, 70)),
     r"incl_cut\[0\] \(the cut for OUT = 1\) must lie between 0 and 1, got 80.*use 0.8"),
    ("truth_table pri_cut 50", lambda: _tt(pri_cut=50), "pri_cut .* got 50.*use 0.5"),
    ("truth_table pri_cut text", lambda: _tt(pri_cut="0.5"), "pri_cut must be a number"),
    ("truth_table n_cut 0", lambda: _tt(n_cut=0), "n_cut must be a whole number >= 1, got 0"),
    ("truth_table n_cut 1.5", lambda: _tt(n_cut=1.5), "n_cut must be a whole number"),
    ("truth_table n_cut text", lambda: _tt(n_cut="2"), "n_cut must be a whole number"),
    ("truth_table sort_by", lambda: _tt(sort_by="consistency"), "sort_by must be"),
    ("truth_table negate text", lambda: _tt(negate_outcome="False"),
     "negate_outcome must be True or False, got 'False'"),
    ("truth_table one string of names", lambda: qcakit.truth_table(D, "Y", "DEV, URB"),
     r"one string 'DEV, URB'. Pass a list.*\['DEV', 'URB'\]"),
    ("truth_table names with a blank", lambda: qcakit.truth_table(D, "Y", "DEV URB"),
     r"'DEV URB' reads as several column names in one string. Pass a list"),
    ("truth_table condition twice", lambda: qcakit.truth_table(D, "Y", ["DEV", "DEV"]),
     "Condition 'DEV' given more than once"),
    ("truth_table outcome as condition", lambda: qcakit.truth_table(D, "Y", ["DEV", "Y"]),
     "cannot also be a condition"),
    ("truth_table text condition", lambda: qcakit.truth_table(D, "Y", ["DEV", "name"]),
     "Column 'name' is not numeric"),
    ("truth_table percentages", lambda: qcakit.truth_table(D.assign(URB=D.URB * 100), "Y",
                                                           ["DEV", "URB"]),
     r"'URB' is not a set membership: case 'Austria' has 80.*divide by 100"),
    ("truth_table number column names",
     lambda: qcakit.truth_table(D.set_axis([0, 1, "Y", "name"], axis=1), "Y", ["0", "1"]),
     r"Unknown condition '0'.*not text \(a number\).*astype\(str\)"),
    ("truth_table number names given as numbers",
     lambda: qcakit.truth_table(D.set_axis([0, 1, "Y", "name"], axis=1), "Y", [0, 1]),
     "name 0 cannot be written"),
    ("truth_table operator in name",
     lambda: qcakit.truth_table(D.rename(columns={"DEV": "DEV*URB"}), "Y", ["DEV*URB"]),
     "'DEV\\*URB' cannot be written"),
    ("truth_table nested list", lambda: qcakit.truth_table(D, "Y", [["DEV", "URB"]]),
     "must be one column name.*flat list"),
    ("truth_table no conditions", lambda: qcakit.truth_table(D, "Y", []),
     "at least one condition"),
    ("truth_table empty frame", lambda: qcakit.truth_table(D.iloc[:0], "Y", ["DEV"]),
     "no rows"),
    ("truth_table outcome zero", lambda: qcakit.truth_table(D.assign(Y=1.0), "Y", ["DEV"],
                                                            negate_outcome=True),
     "'~Y' has no membership"),
    # minimize
    ("minimize a frame", lambda: qcakit.minimize(D), "minimize\\(\\) takes a truth table"),
    ("minimize unknown solution", lambda: qcakit.minimize(_tt(), "conservative"),
     "Unknown solution type 'conservative'"),
    ("minimize directional number", lambda: qcakit.minimize(_tt(), "intermediate", 1),
     "directional must be a dict .* got 1"),
    ("minimize directional mixed list",
     lambda: qcakit.minimize(_tt(), "intermediate", ["DEV", 1]), "directional must be a dict"),
    ("minimize directional unknown", lambda: qcakit.minimize(_tt(), "intermediate", {"X": 1}),
     "Directional expectation for 'X'"),
    ("minimize directional value", lambda: qcakit.minimize(_tt(), "intermediate", {"DEV": 2}),
     "must be 1 \\(present\\), 0 \\(absent\\)"),
    ("minimize directional for complex",
     lambda: qcakit.minimize(_tt(), "complex", {"DEV": 1}), "only apply to"),
    ("minimize max_models 0", lambda: qcakit.minimize(_tt(), max_models=0),
     "max_models must be a whole number >= 1"),
    ("minimize max_conditions text", lambda: qcakit.minimize(_tt(), max_conditions="20"),
     "max_conditions must be a whole number"),
    ("minimize include_contradictions text",
     lambda: qcakit.minimize(_tt(), include_contradictions="yes"),
     "include_contradictions must be True or False"),
    ("minimize nothing positive", lambda: qcakit.minimize(_tt(incl_cut=1.0)),
     "No truth-table row has OUT = 1"),
    # evaluate
    ("evaluate comma", lambda: qcakit.evaluate(D, "DEV, URB", "Y"),
     r"comma in 'DEV, URB'.*'A \+ B'"),
    ("evaluate outcome in expression", lambda: qcakit.evaluate(D, "DEV*Y", "Y"),
     r"outcome 'Y' appears in the expression 'DEV\*Y'"),
    ("evaluate unknown condition", lambda: qcakit.evaluate(D, "DEV*URBAN", "Y"),
     "Unknown condition 'URBAN'.*Did you mean 'URB'"),
    ("evaluate dangling operator", lambda: qcakit.evaluate(D, "DEV*", "Y"), "dangling"),
    ("evaluate not text", lambda: qcakit.evaluate(D, 5, "Y"), "Expected an expression"),
    ("evaluate text column", lambda: qcakit.evaluate(D, "name", "Y"), "'name' is not numeric"),
    ("evaluate negate text", lambda: qcakit.evaluate(D, "DEV", "Y", negate_outcome="no"),
     "negate_outcome must be True or False"),
    ("evaluate duplicated column", lambda: qcakit.evaluate(DUP, "DEV", "Y"),
     "more than one column named 'DEV'"),
    # configuration_chart
    ("chart of frames", lambda: qcakit.configuration_chart(D, D),
     "intermediate must be the intermediate or complex or parsimonious solution"),
    ("chart swapped", lambda: qcakit.configuration_chart(_sol(), _sol("intermediate")),
     "parsimonious must be the parsimonious solution.*got a intermediate solution"),
    ("chart model 5", lambda: qcakit.configuration_chart(_sol("intermediate"), _sol(), model=5),
     r"model=5 does not exist: the solution has 1 model\(s\)"),
    # membership / parse
    ("membership duplicated column", lambda: qcakit.membership(DUP, "DEV"),
     "more than one column named 'DEV'"),
    ("membership raw data", lambda: qcakit.membership(D.assign(DEV=D.DEV * 1000), "DEV"),
     "not a set membership"),
    ("membership number", lambda: qcakit.membership(D, 5), "Expected an expression.*got 5"),
    ("membership list of names", lambda: qcakit.membership(D, ["DEV", "URB"]),
     r"got a list: \['DEV', 'URB'\]. Join the sets with '\*' for all of them \('DEV\*URB'\) "
     r"or with ' \+ ' for any of them \('DEV \+ URB'\)"),
    ("membership list of one name", lambda: qcakit.membership(D, ["DEV"]),
     r"got a list: \['DEV'\]. Pass the text itself: 'DEV'."),
    ("membership malformed terms", lambda: qcakit.membership(D, [("DEV", 2)]),
     r"Expected an expression such as 'A\*~B \+ C', got \[\('DEV', 2\)\]"),
    ("parse parenthesis", lambda: qcakit.parse("(A+B)*C"), "parentheses are not supported"),
    ("parse empty", lambda: qcakit.parse(""), "Expected an expression"),
]


@pytest.mark.parametrize("label, call, pattern", ERRORS, ids=[e[0] for e in ERRORS])
def test_bad_input_raises_a_named_error(label, call, pattern):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        with pytest.raises(QCAInputError, match=pattern):
            call()


def _tt20():
    rng = np.random.default_rng(1)
    data = pd.DataFrame(rng.uniform(size=(10, 21)).round(2),
                        columns=[f"C{i}" for i in range(20)] + ["Y"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QCAWarning)
        return qcakit.truth_table(data, "Y", incl_cut=0.6)


# (label, call, regex the QCAWarning must match): the result is still meaningful
WARNINGS = [
    ("truth_table default conditions leave out text",
     lambda: qcakit.truth_table(D, "Y"),
     r"non-numeric column\(s\) 'name' were left out. Pass conditions=\[...\]"),
    ("necessity default conditions leave out text", lambda: qcakit.necessity(D, "Y"),
     r"non-numeric column\(s\) 'name' were left out"),
    ("calibrate anchors far above the data",
     lambda: qcakit.calibrate(RAW, (100, 200, 300)),
     r"'GDP': every case is out of the set .*thresholds \(100, 200, 300\) lie outside the data "
     r"\(which run from 1 to 11\).*units"),
    ("calibrate anchors far below the data", lambda: qcakit.calibrate(RAW, (-30, -20, -10)),
     "every case is in the set"),
    ("calibrate crisp threshold above the data", lambda: qcakit.calibrate(RAW, 50, "crisp"),
     "every case is out of the set"),
    ("calibrate indirect not converging", lambda: qcakit.calibrate(RAW, (4,), "indirect"),
     r"Indirect calibration of 'GDP' did not converge.*targets=\(0.05, 0.95\)"),
    ("calibrate exact 0.5", lambda: qcakit.calibrate(RAW, (1, 5, 11)),
     r"1 case\(s\) score exactly 0.5 in 'GDP' \('r'\)"),
    ("truth_table some cases at 0.5",
     lambda: qcakit.truth_table(D.assign(DEV=[0.9, 0.5, 0.7, 0.1]), "Y", ["DEV", "URB"]),
     r"1 case\(s\) score exactly 0.5 on a condition and belong to no row: Belgium"),
    ("minimize 20 conditions on 10 cases",
     lambda: qcakit.minimize(_tt20(), max_conditions=20),
     r"Limited diversity: 20 conditions for 10 cases.*2\^20 = 1048576"),
]


@pytest.mark.parametrize("label, call, pattern", WARNINGS, ids=[w[0] for w in WARNINGS])
def test_questionable_input_warns_and_says_what(label, call, pattern):
    with pytest.warns(QCAWarning, match=pattern):
        call()


def test_indirect_calibration_that_converges_does_not_warn():
    # three groups with targets 0, 0.5, 1 have a finite logistic fit
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = qcakit.calibrate(RAW, (3, 9), "indirect")
    assert out.is_monotonic_increasing and 0 < out.min() < out.max() < 1


def test_unconverged_indirect_calibration_is_close_to_the_crisp_groups():
    with pytest.warns(QCAWarning, match="did not converge"):
        out = qcakit.calibrate(RAW, (4,), "indirect")
    # hand check: groups are {1, 2} (target 0) and {5, 8, 11} (target 1)
    assert out.round(3).tolist() == [0.0, 0.0, 1.0, 1.0, 1.0]


def test_truth_table_notes_limited_diversity_and_text_columns():
    tt = _tt20()
    assert any("Limited diversity: 20 conditions for 10 cases" in n for n in tt.notes)
    assert "Limited diversity" not in " ".join(_tt().notes)  # 2 conditions, 4 cases


def test_kinds_counted():
    """The report's count of bad-input kinds (listed above, each with its message)."""
    assert len(ERRORS) + len(WARNINGS) >= 92


# ---------------------------------------------------------------------------------------------
# Part 2: generated bad input

NAMES = st.sampled_from(["A", "B", "Y", "a", "GDP growth", "x*y", "~A", "", 0, 1, "A,B"])
VALUES = {
    "fuzzy": st.sampled_from([0.0, 0.1, 0.3, 0.45, 0.55, 0.7, 0.9, 1.0]),
    "half": st.just(0.5),
    "constant": st.just(0.7),
    "out of range": st.sampled_from([-0.2, 1.5, 3.0]),
    "percent": st.sampled_from([0.0, 20.0, 55.0, 80.0, 100.0]),
    "raw": st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False),
    "missing": st.sampled_from([0.2, 0.8, float("nan")]),
    "infinite": st.sampled_from([0.2, 0.8, float("inf")]),
    "text": st.sampled_from(["low", "0.8", "high", "n/a"]),
    "bool": st.booleans(),
}
ODD_NUMBERS = st.sampled_from([0.8, 0.75, 1, 0, 1.2, 80, -0.1, float("nan"), "0.8", None, True,
                               (0.8, 0.7), (0.7, 0.8), (80, 70), [0.8], (0.9, 0.8, 0.7)])


GOOD_CUTS = st.sampled_from([0.8, 0.75, 0.6, (0.8, 0.6), 1, 0])
FLAWS = ["rename", "duplicate", "kind", "kind", "add text", "rows", "none", "none"]


@st.composite
def messy_frames(draw):
    """A fuzzy frame A, B, C, Y with up to three flaws (odd names, duplicates, odd values...)."""
    n = draw(st.integers(2, 8))
    fuzzy = VALUES["fuzzy"]
    frame = pd.DataFrame({c: draw(st.lists(fuzzy, min_size=n, max_size=n))
                          for c in ["A", "B", "C", "Y"]}, index=[f"case{i}" for i in range(n)])
    for flaw in draw(st.lists(st.sampled_from(FLAWS), max_size=3)):
        col = draw(st.sampled_from(range(frame.shape[1])))
        if flaw == "rename":
            names = list(frame.columns)
            names[col] = draw(NAMES)
            frame.columns = names
        elif flaw == "duplicate":
            frame = pd.concat([frame, frame.iloc[:, [col]]], axis=1)
        elif flaw == "kind":
            kind = draw(st.sampled_from(sorted(VALUES)))
            frame.isetitem(col, draw(st.lists(VALUES[kind], min_size=len(frame),
                                              max_size=len(frame))))
        elif flaw == "add text":
            frame["name"] = [f"n{i}" for i in range(len(frame))]
        elif flaw == "rows":
            frame = frame.iloc[:draw(st.integers(0, 1))]
    return frame


def _names(frame, draw):
    cols = list(dict.fromkeys(frame.columns))
    pick = st.sampled_from(cols + ["Z"])
    outcome = draw(st.one_of(st.just("Y"), pick))
    conditions = draw(st.one_of(st.none(), st.just(["A", "B", "C"]), st.lists(pick, max_size=4),
                                st.sampled_from(["A, B", "A B", "A", ["A", "A"]])))
    return outcome, conditions


def _run(call):
    """Call; return (result or None, QCAWarning messages); fail on any other exception/warning."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = call()
        except QCAInputError as err:
            assert str(err).strip(), "an error without a message"
            result = None
    others = [w for w in caught if not issubclass(w.category, QCAWarning)]
    assert not others, [f"{w.category.__name__}: {w.message}" for w in others]
    return result, [str(w.message) for w in caught]


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@SETTINGS
@given(st.data())
def test_generated_truth_table_and_minimize(data):
    frame = data.draw(messy_frames())
    outcome, conditions = _names(frame, data.draw)
    cut = data.draw(GOOD_CUTS | ODD_NUMBERS)
    tt, notes = _run(lambda: qcakit.truth_table(frame, outcome, conditions, incl_cut=cut))
    if tt is None:
        return
    # well-formed, and every case is in a row or named in a note
    assert list(tt.table.columns[:len(tt.conditions)]) == tt.conditions
    placed = int(tt.table["n"].sum())
    if placed < len(frame):
        assert any("belong to no row" in n for n in tt.notes)
    if conditions is None:
        left_out = [c for c in frame.columns if c != outcome and c not in tt.conditions]
        assert not left_out or any("left out" in n for n in notes)
    else:
        assert tt.conditions == ([conditions] if isinstance(conditions, str) else conditions)
    solutions = {}
    for kind in ("complex", "parsimonious", "intermediate"):
        solutions[kind], _ = _run(lambda: qcakit.minimize(tt, kind))
        if solutions[kind] is not None:
            sol = solutions[kind]
            assert sol.models and isinstance(sol.parameters(), pd.DataFrame)
            qcakit.evaluate(tt.data, sol.expression, tt.outcome)  # a solution reads back
    if solutions["parsimonious"] is not None:
        chart, _ = _run(lambda: qcakit.configuration_chart(solutions["intermediate"],
                                                           solutions["parsimonious"]))
        assert chart is not None and list(chart.table.index) == tt.conditions


@SETTINGS
@given(st.data())
def test_generated_necessity_and_evaluate(data):
    frame = data.draw(messy_frames())
    outcome, conditions = _names(frame, data.draw)
    threshold = data.draw(GOOD_CUTS | ODD_NUMBERS)
    table, notes = _run(lambda: qcakit.necessity(frame, outcome, conditions, threshold=threshold))
    if table is not None:
        t = table.table
        assert list(t.columns) == ["consistency", "coverage", "RoN"]
        assert t.notna().all().all() and ((t >= 0) & (t <= 1 + 1e-12)).all().all()
        names = [c for c in t.index if not c.startswith("~")]
        if isinstance(conditions, list):  # every condition and its negation, none dropped
            assert len(t) == 2 * len(conditions) and names == conditions
        if conditions is None:  # every other column is in the table, or named as left out
            left_out = [c for c in frame.columns if c != outcome and c not in names]
            assert not left_out or any("left out" in n for n in notes)
    expression = data.draw(st.sampled_from(["A", "A*~B", "A + B", "~a", "A,B", "A*", "Y", "1", 5,
                                            None]))
    fit, _ = _run(lambda: qcakit.evaluate(frame, expression, outcome))
    if fit is not None:
        assert fit.table.index[-1] == "solution" and len(fit.table) >= 2
    member, _ = _run(lambda: qcakit.membership(frame, expression))
    if member is not None:
        assert len(member) == len(frame) and member.between(0, 1).all()


@SETTINGS
@given(st.data())
def test_generated_calibrate_and_anchors(data):
    frame = data.draw(messy_frames())
    column = data.draw(st.sampled_from(list(frame.columns)))
    method = data.draw(st.sampled_from(["direct", "crisp", "indirect", "fuzzy", None]))
    thresholds = data.draw(st.one_of(
        ODD_NUMBERS,
        st.tuples(*[st.floats(-1e4, 1e4, allow_nan=False)] * 3),
        st.lists(st.floats(-100, 100, allow_nan=False), max_size=3)))
    series = frame.iloc[:, list(frame.columns).index(column)]
    out, _ = _run(lambda: qcakit.calibrate(series, thresholds, method))
    if out is not None:
        assert out.index.equals(series.index) and out.notna().all()
        if method != "crisp":
            assert out.between(0, 1).all()
    as_dict = {column: thresholds}
    out, _ = _run(lambda: qcakit.calibrate(frame, as_dict, method))
    if out is not None:
        assert list(out.columns) == [column] and len(out) == len(frame)
    anchors, _ = _run(lambda: qcakit.percentile_anchors(series, data.draw(ODD_NUMBERS | st.just(
        (25, 50, 75)))))
    if anchors is not None:
        assert all(math.isfinite(a) for a in anchors)
