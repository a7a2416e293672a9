"""Calibration: hand-computed values, percentile definitions, 0.5 handling, bad input."""
import math
import warnings

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit import QCAInputError, QCAWarning


def logistic(t):
    return 1 / (1 + math.exp(-t))


def test_direct_matches_ragins_log_odds_by_hand():
    x = pd.Series([0.0, 2.0, 5.0, 6.5, 8.0, 20.0], name="X")
    with pytest.warns(QCAWarning):
        got = qcakit.calibrate(x, (2, 5, 8))
    # below the crossover the scalar is 3 / (5 - 2); above it 3 / (8 - 5)
    expected = [logistic(-5), logistic(-3), None, logistic(1.5), logistic(3), logistic(15)]
    for g, e in zip(got.drop(index=2), [e for e in expected if e is not None]):
        assert g == pytest.approx(e, abs=1e-12)
    assert got.name == "X"


def test_asymmetric_anchors_use_each_sides_scale():
    got = qcakit.calibrate(pd.Series([4.0, 10.0]), (0, 6, 8))
    assert got[0] == pytest.approx(logistic(-3 * 2 / 6))
    assert got[1] == pytest.approx(logistic(3 * 4 / 2))


def test_idm_reproduces_r_qca_convention():
    got = qcakit.calibrate(pd.Series([2.0, 8.0]), (2, 5, 8), idm=0.95)
    assert got.tolist() == pytest.approx([0.05, 0.95], abs=1e-12)


def test_decreasing_anchors_give_a_shrinking_set():
    got = qcakit.calibrate(pd.Series([1.0, 4.0, 9.0]), (8, 5, 2))
    assert got[0] > 0.95 and got[2] < 0.05


def test_exact_half_warns_and_nudge_is_explicit():
    x = pd.Series([1.0, 5.0, 9.0], index=["a", "b", "c"])
    with pytest.warns(QCAWarning, match=r"exactly 0.5 in 'x' \('b'\).*no truth-table row"):
        kept = qcakit.calibrate(x, (2, 5, 8))
    assert kept["b"] == 0.5
    with pytest.warns(QCAWarning, match="set to 0.501"):
        nudged = qcakit.calibrate(x, (2, 5, 8), nudge_half=True)
    assert nudged["b"] == 0.501


def test_rounding_happens_before_the_half_check():
    x = pd.Series([5.001, 9.0])
    with pytest.warns(QCAWarning):
        got = qcakit.calibrate(x, (2, 5, 8), digits=2)
    assert got.tolist() == [0.5, 0.98]  # logistic(4) = 0.982


def test_crisp_counts_thresholds_reached():
    got = qcakit.calibrate(pd.Series([1, 3, 5, 7]), 5, method="crisp")
    assert got.tolist() == [0, 0, 1, 1]
    got = qcakit.calibrate(pd.Series([1, 3, 5, 7]), (3, 6), method="crisp")
    assert got.tolist() == [0, 1, 1, 2]


def test_indirect_is_monotone_and_tracks_targets():
    x = pd.Series(np.arange(1.0, 13.0))
    got = qcakit.calibrate(x, (4, 8), method="indirect")
    assert np.all(np.diff(got) > 0)
    assert got.iloc[0] < 0.2 and got.iloc[-1] > 0.8


def test_dataframe_with_dict_of_thresholds():
    df = pd.DataFrame({"A": [1.0, 9.0], "B": [10.0, 0.0], "T": ["x", "y"]})
    got = qcakit.calibrate(df, {"B": (2, 5, 8), "A": (2, 5, 8)})
    assert list(got.columns) == ["B", "A"]
    assert got.loc[0, "A"] == pytest.approx(logistic(-4))


def test_percentile_definitions_differ_and_are_named():
    x = pd.Series([1, 2, 3, 4, 5, 6, 7])
    assert qcakit.percentile_anchors(x) == (2.5, 4.0, 5.5)  # Excel QUARTILE.INC
    assert qcakit.percentile_anchors(x, method="excel_exc") == (2.0, 4.0, 6.0)
    assert qcakit.percentile_anchors(x, (10, 50, 90), method="nearest") == (2.0, 4.0, 6.0)
    anchors = qcakit.percentile_anchors(pd.DataFrame({"a": x, "b": x * 2}))
    assert anchors["b"] == (5.0, 8.0, 11.0)


@pytest.mark.parametrize(
    "thresholds, message",
    [
        ((1, 1, 2), r"out of order or equal: exclusion=1, crossover=1, inclusion=2"),
        ((5, 2, 8), "crossover must lie strictly between"),
        ((1, 2), "needs three numeric anchors"),
    ],
)
def test_bad_anchors_are_explained(thresholds, message):
    with pytest.raises(QCAInputError, match=message):
        qcakit.calibrate(pd.Series([1.0, 2.0, 3.0], name="ORG"), thresholds)


def test_bad_data_is_explained():
    with pytest.raises(QCAInputError, match=r"'ORG' has 1 missing value\(s\) \(cases 1\)"):
        qcakit.calibrate(pd.Series([1.0, None, 3.0], name="ORG"), (1, 2, 3))
    with pytest.raises(QCAInputError, match=r"'ORG' is not numeric \(e.g. 'high' for case 1\)"):
        qcakit.calibrate(pd.Series([1, "high", 3], name="ORG"), (1, 2, 3))
    with pytest.raises(QCAInputError, match="'ORG' is constant"):
        qcakit.calibrate(pd.Series([2.0, 2.0], name="ORG"), (1, 2, 3))
    with pytest.raises(QCAInputError, match="Unknown calibration method 'fuzzy'"):
        qcakit.calibrate(pd.Series([1.0, 2.0]), (1, 2, 3), method="fuzzy")
    with pytest.raises(QCAInputError, match="dict"):
        qcakit.calibrate(pd.DataFrame({"A": [1.0, 2.0]}), (1, 2, 3))
    with pytest.raises(QCAInputError, match=r"Unknown column 'B'.*Available columns: A"):
        qcakit.calibrate(pd.DataFrame({"A": [1.0, 2.0]}), {"B": (1, 2, 3)})
    with pytest.raises(QCAInputError, match="Unknown percentile method 'quartile'"):
        qcakit.percentile_anchors(pd.Series([1.0, 2.0]), method="quartile")


def test_no_warning_when_no_case_sits_on_the_crossover():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        qcakit.calibrate(pd.Series([1.0, 4.0, 9.0]), (2, 5, 8))


def test_tied_anchors_follow_fsqca_when_asked_and_are_refused_by_default():
    """Hand-computed with Ragin's log-odds 3: (0.75, 2, 2) gives 1 / (1 + e^(3 * 1.5 / 1.25))
    = 0.0266 for 0.5 and 1 / (1 + e^(3 * 1 / 1.25)) = 0.0832 for 1; a case on the tied
    crossover = inclusion anchor gets 0.953 ("inclusion") or 0.5 ("crossover"); above it, 1.
    With exclusion = crossover (1, 1, 2): below it 0, on it 0.5, 1.5 -> 1 / (1 + e^-1.5)."""
    x = pd.Series([0.5, 1.0, 2.0, 3.0], name="INCENT")
    with pytest.raises(QCAInputError, match="ties='inclusion'"):
        qcakit.calibrate(x, (0.75, 2, 2))
    inclusion = qcakit.calibrate(x, (0.75, 2, 2), ties="inclusion").round(4).tolist()
    assert inclusion == [0.0266, 0.0832, 0.9526, 1.0]
    assert qcakit.calibrate(x, (0.75, 2, 2), ties="crossover").round(4).tolist()[2] == 0.5
    with pytest.warns(QCAWarning, match="exactly 0.5"):
        low = qcakit.calibrate(pd.Series([0.5, 1.0, 1.5]), (1, 1, 2), ties="inclusion")
    assert low.round(4).tolist() == [0.0, 0.5, 0.8176]
    falling = qcakit.calibrate(pd.Series([0.5, 1.0, 3.0]), (2, 1, 1), ties="inclusion")
    assert falling.round(4).tolist() == [1.0, 0.9526, 0.0025]  # 3: 1 / (1 + e^6)
    with pytest.raises(QCAInputError, match="ties must be"):
        qcakit.calibrate(x, (0.75, 2, 2), ties="nudge")
    with pytest.raises(QCAInputError, match="out of order or equal"):
        qcakit.calibrate(x, (2, 2, 2), ties="inclusion")


def test_the_half_warning_says_what_a_half_costs_in_the_columns_role():
    """A condition case at 0.5 falls out of every truth-table row (rows are defined by the
    conditions); an outcome case at 0.5 keeps its row, but its case type is undefined."""
    x = pd.Series([1.0, 5.0, 9.0], index=["a", "b", "c"], name="GDP")
    with pytest.warns(QCAWarning) as caught:
        qcakit.calibrate(x, (2, 5, 8), role="condition")
    (condition,) = [str(w.message) for w in caught]
    assert "belongs to no truth-table row" in condition and "case type" not in condition
    with pytest.warns(QCAWarning) as caught:
        qcakit.calibrate(x, (2, 5, 8), role="outcome")
    (outcome,) = [str(w.message) for w in caught]
    assert "still belongs to its truth-table row" in outcome and "case type" in outcome
    assert "no truth-table row" not in outcome
    frame = pd.DataFrame({"GDP": x, "Y": x})
    with pytest.warns(QCAWarning) as caught:
        qcakit.calibrate(frame, {"GDP": (2, 5, 8), "Y": (2, 5, 8)},
                         role={"GDP": "condition", "Y": "outcome"})
    assert [str(w.message) for w in caught] == [condition, outcome.replace("'GDP'", "'Y'")]
    with pytest.raises(qcakit.QCAInputError, match="role must be"):
        qcakit.calibrate(x, (2, 5, 8), role="cause")
    with pytest.raises(qcakit.QCAInputError, match="role names 'Z'"):
        qcakit.calibrate(frame, {"GDP": (2, 5, 8)}, role={"Z": "outcome"})
