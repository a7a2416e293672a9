"""Skewness check (qcakit.skewness): hand-computed shares, the 0.5 rule, properties, errors."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qcakit
from qcakit import QCAInputError
from qcakit.skewness import skewness

DATA = pd.DataFrame({
    "A": [0.9, 0.8, 0.7, 0.6, 0.2],   # 4 of 5 above 0.5 = 0.8: not flagged (strictly above 80 %)
    "B": [0.9, 0.8, 0.7, 0.6, 0.51],  # 5 of 5 = 1.0: flagged high
    "C": [0.5, 0.5, 0.1, 0.2, 0.3],   # 0 above (0.5 is not above 0.5) = 0.0: flagged low
    "D": [0.6, 0.1, 0.2, 0.3, 0.4],   # 1 of 5 = 0.2: not flagged (strictly below 20 %)
    "name": list("vwxyz"),            # text column: skipped by default
})


def test_hand_computed_shares_and_warnings():
    t = skewness(DATA).table
    assert t.index.tolist() == ["A", "B", "C", "D"]
    assert t["above_0.5"].tolist() == [4, 5, 0, 1]
    assert t["at_0.5"].tolist() == [0, 0, 2, 0]
    assert t["share_above"].tolist() == pytest.approx([0.8, 1.0, 0.0, 0.2])
    assert t["warning"].tolist() == ["", "over 80 % of cases above 0.5",
                                     "under 20 % of cases above 0.5", ""]
    assert (t["cases"] == 5).all()


def test_exact_half_is_not_above_and_is_noted():
    res = skewness(DATA, ["C"])
    assert res.table.loc["C", "above_0.5"] == 0 and res.table.loc["C", "at_0.5"] == 2
    assert "exactly 0.5 are counted as not above 0.5" in repr(res)


def test_expressions_and_display():
    # ~C = (0.5, 0.5, 0.9, 0.8, 0.7): 3 of 5 above 0.5; A*D = (0.6, 0.1, 0.2, 0.3, 0.2): 1 of 5.
    res = skewness(DATA, ["~C", "A*D"])
    assert res.table["above_0.5"].tolist() == [3, 1]
    assert res.skewed == []
    html = skewness(DATA)._repr_html_()
    assert "over 80 % of cases above 0.5" in html and "<table" in html


def test_thresholds_can_be_changed():
    # A's share 0.8 is flagged with high=0.75; D's 0.2 with low=0.25.
    assert skewness(DATA, ["A", "D"], high=0.75, low=0.25).skewed == ["A", "D"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([0.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0]), min_size=1, max_size=15))
def test_set_and_negation_shares_add_up(values):
    # A > 0.5 exactly when ~A < 0.5, so share(A) + share(~A) + share(A == 0.5) = 1.
    data = pd.DataFrame({"A": values})
    t = skewness(data, ["A", "~A"]).table
    total = t["share_above"].sum() + t.loc["A", "at_0.5"] / len(values)
    assert total == pytest.approx(1.0)
    assert t.loc["A", "share_above"] == pytest.approx(np.mean(np.array(values) > 0.5))


@pytest.mark.parametrize("kwargs, message", [
    (dict(sets=["Q"]), "Unknown condition 'Q'"),
    (dict(sets=["name"]), "Column 'name' is not numeric"),
    (dict(high=0.2, low=0.8), "Need 0 <= low < high <= 1"),
])
def test_bad_input_messages(kwargs, message):
    with pytest.raises(QCAInputError) as err:
        skewness(DATA, **kwargs)
    assert message in str(err.value)


def test_raw_data_and_no_numeric_columns_are_refused():
    with pytest.raises(QCAInputError, match="'A' is not a set membership"):
        skewness(pd.DataFrame({"A": [3.0, 0.2]}))
    with pytest.raises(QCAInputError, match="No sets to check"):
        skewness(pd.DataFrame({"name": ["x", "y"]}))


REFERENCE = Path(__file__).parent / "data" / "reference"


@pytest.mark.parametrize("ds", ["lipset", "xu"])
def test_matches_R_skew_check(ds):
    # R 4.2.2, SetMethods 4.0 skew.check(data); see data/reference/PROVENANCE_suin.md
    ref = json.loads((REFERENCE / f"a_skew_{ds}.json").read_text())
    data = (qcakit.datasets.load("lipset_fuzzy") if ds == "lipset"
            else pd.read_csv(REFERENCE / "xu2024_calibrated.csv", index_col=0))
    t = skewness(data).table
    assert t.index.tolist() == [r["set"] for r in ref["per_set"]]
    for r, line in zip(ref["per_set"], ref["skew_check_output"]):
        row = t.loc[r["set"]]
        assert row["above_0.5"] == r["n_above_half"] and row["cases"] == r["n_cases"]
        assert row["at_0.5"] == r["n_exactly_half"]
        assert row["share_above"] == pytest.approx(r["share_above_half"], abs=1e-12)
        # skew.check's printed line: "... : 10 / 18 = 55.56 %"
        assert line.endswith(f"{row['above_0.5']} / {row['cases']} = "
                             f"{round(100 * row['share_above'], 2):g} %")


def test_xu_flags_the_sets_R_reports_above_80_percent():
    # skew.check: ORG 11/11 = 100 %, MGMT 10/11 = 90.91 %, SHARE 9/11 = 81.82 %; the rest 45-73 %.
    data = pd.read_csv(REFERENCE / "xu2024_calibrated.csv", index_col=0)
    assert skewness(data).skewed == ["ORG", "MGMT", "SHARE"]
