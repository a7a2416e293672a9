"""Cluster diagnostics (qcakit.clusters): hand-computed panel, laws, errors."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qcakit
from qcakit import QCAInputError
from qcakit.clusters import cluster_diagnostics, distance

PANEL = pd.DataFrame({"X": [0.8, 0.6, 0.9, 0.7], "Y": [0.9, 0.7, 0.3, 0.8],
                      "year": [2000, 2000, 2010, 2010], "unit": ["u1", "u2", "u1", "u2"]})


def test_hand_computed_sufficiency():
    # min(X, Y) = (.8, .6, .3, .7). Pooled: 2.4 / 3.0 = 0.8; coverage 2.4 / 2.7.
    # 2000: 1.4 / 1.4 = 1; coverage 1.4 / 1.6. 2010: 1.0 / 1.6 = 0.625; coverage 1.0 / 1.1.
    # u1 (.8,.9 | .9,.3): 1.1 / 1.7; coverage 1.1 / 1.2. u2 (.6,.7 | .7,.8): 1.3 / 1.3; 1.3 / 1.5.
    res = cluster_diagnostics(PANEL, "X", "Y", "year", "unit")
    t = res.table
    assert t["level"].tolist() == ["pooled", "between", "between", "within", "within"]
    assert t["group"].tolist() == ["all", "2000", "2010", "u1", "u2"]
    assert t["n_cases"].tolist() == [4, 2, 2, 2, 2]
    assert t["consistency"].tolist() == pytest.approx([0.8, 1.0, 0.625, 1.1 / 1.7, 1.0])
    assert t["coverage"].tolist() == pytest.approx([2.4 / 2.7, 1.4 / 1.6, 1.0 / 1.1, 1.1 / 1.2,
                                                   1.3 / 1.5])
    # between: c = (1, 5/8), normalised (8/13, 5/13), each 3/26 from 1/2: d = sqrt(2) * 3/26.
    # within: c = (11/17, 1), normalised (11/28, 17/28), each 3/28 from 1/2: d = sqrt(2) * 3/28.
    assert res.distances["between"] == pytest.approx(math.sqrt(2) * 3 / 26)
    assert res.distances["within"] == pytest.approx(math.sqrt(2) * 3 / 28)
    assert "distance between-pooled: 0.163" in repr(res)
    assert "<table" in res._repr_html_()


def test_hand_computed_necessity():
    # Necessity consistency = sum min / sum Y: pooled 2.4 / 2.7; 2000: 1.4 / 1.6; 2010: 1.0 / 1.1.
    res = cluster_diagnostics(PANEL, "X", "Y", "year", necessity=True)
    t = res.table
    assert t["consistency"].tolist() == pytest.approx([2.4 / 2.7, 1.4 / 1.6, 1.0 / 1.1])
    assert t["coverage"].tolist() == pytest.approx([0.8, 1.0, 0.625])
    c = np.array([1.4 / 1.6, 1.0 / 1.1])
    assert res.distances["between"] == pytest.approx(
        math.sqrt(((c / c.sum() - 0.5) ** 2).sum()))
    assert res.relation == "necessity" and "within" not in res.distances


def test_expression_and_negated_outcome():
    # ~Y = (.1, .3, .7, .2); ~X = (.2, .4, .1, .3): min = (.1, .3, .1, .2) = .7 over 1.0
    res = cluster_diagnostics(PANEL, "~X", "Y", "year", negate_outcome=True)
    assert res.outcome_label == "~Y"
    assert res.table.loc[0, "consistency"] == pytest.approx(0.7)


def test_empty_cluster_is_blank_and_noted():
    data = PANEL.assign(X=[0.8, 0.6, 0.0, 0.0])
    res = cluster_diagnostics(data, "X", "Y", "year")
    assert np.isnan(res.table.loc[2, "consistency"])
    assert "Consistency undefined" in repr(res) and "2010" in res.notes[0]
    assert np.isnan(res.distances["between"])  # one defined cluster: no profile to compare


def test_distance_is_zero_for_equal_consistencies():
    assert distance([0.7, 0.7, 0.7]) == pytest.approx(0.0, abs=1e-12)
    # (1, 0): normalised (1, 0), each 1/2 from 1/2: sqrt(0.5)
    assert distance([1.0, 0.0]) == pytest.approx(math.sqrt(0.5))


groups = st.lists(st.tuples(st.floats(0.01, 1), st.floats(0, 1), st.sampled_from("abc")),
                  min_size=2, max_size=12)


@settings(max_examples=80, deadline=None)
@given(groups)
def test_pooled_lies_between_the_clusters(rows):
    # Pooled consistency is the X-weighted mean of the between consistencies.
    data = pd.DataFrame(rows, columns=["X", "Y", "g"])
    if data["g"].nunique() < 2 or data["Y"].sum() == 0:
        return
    t = cluster_diagnostics(data, "X", "Y", "g").table
    between = t.loc[t["level"] == "between", "consistency"]
    pooled = t.loc[0, "consistency"]
    assert between.min() - 1e-12 <= pooled <= between.max() + 1e-12


@pytest.mark.parametrize("kwargs, message", [
    (dict(cluster="decade"), "Unknown cluster 'decade'"),
    (dict(cluster="one"), "The cluster column 'one' has only one group (1); cluster diagnostics "
                          "compare groups, so it needs at least two."),
    (dict(cluster="gap"), "The cluster column 'gap' has missing values"),
    (dict(cluster="year", unit="one"), "The unit column 'one' has only one group"),
    (dict(cluster="year", expression="X*Q"), "Unknown condition 'Q'"),
    (dict(cluster="year", outcome="Z"), "Unknown outcome 'Z'"),
    (dict(cluster="year", expression="E"), "No case has any membership in 'E'"),
])
def test_bad_input_messages(kwargs, message):
    data = PANEL.assign(one=1, gap=[1, None, 2, 2], E=0.0)
    args = {"expression": "X", "outcome": "Y", **kwargs}
    with pytest.raises(QCAInputError) as err:
        cluster_diagnostics(data, **args)
    assert message in str(err.value)


def test_non_membership_data_is_refused():
    with pytest.raises(QCAInputError, match="'X' is not a set membership"):
        cluster_diagnostics(PANEL.assign(X=[5, 1, 0, 0]), "X", "Y", "year")


def test_cluster_diagnostics_match_setmethods_on_lipset():
    """SetMethods 4.0 ``cluster()`` on the Lipset data with a three-region grouping
    (tests/data/reference/setmethods_cluster_lipset.json, made by scripts/f_cluster.R; provenance
    inside). Pooled and between consistency and coverage and the between-pooled distance agree
    to 1e-8 (SetMethods adds 1e-10 to every ratio). Within consistency agrees wherever it is
    defined; SetMethods gives 1 where a unit has no membership in the expression (0 / 0 plus
    1e-10), which we leave undefined, so its within distance (dWP) differs by design."""
    import json
    from pathlib import Path

    path = Path(__file__).parent / "data" / "reference" / "setmethods_cluster_lipset.json"
    ref = json.loads(path.read_text())
    lf = qcakit.datasets.load("lipset_fuzzy")
    lf["REGION"] = [ref["grouping"]["definition"][c] for c in lf.index]
    lf["CASE"] = lf.index
    for term, out in ref["sufficiency_parsimonious"]["output"].items():
        ours = qcakit.cluster_diagnostics(lf, term, "SURV", cluster="REGION", unit="CASE")
        t = ours.table.set_index(["level", "group"])
        assert t.loc[("pooled", "all"), "consistency"] == pytest.approx(out["POCOS"], abs=1e-8)
        assert t.loc[("pooled", "all"), "coverage"] == pytest.approx(
            out["Coverages"]["pooled"], abs=1e-8)
        groups = [g.split(" (")[0] for g in out["cluster_ids"]]
        between = t.loc["between"].loc[groups]
        np.testing.assert_allclose(between["consistency"], out["BECOS"], atol=1e-8)
        np.testing.assert_allclose(between["coverage"], out["Coverages"]["between"], atol=1e-8)
        assert ours.distances["between"] == pytest.approx(out["dBP"], abs=1e-8)
        units = [u.split(" (")[0] for u in out["unit_ids"]]
        within = t.loc["within"].loc[units, "consistency"].to_numpy(dtype=float)
        defined = ~np.isnan(within)
        np.testing.assert_allclose(within[defined], np.asarray(out["WICONS"])[defined],
                                   atol=1e-8)
        assert np.allclose(np.asarray(out["WICONS"])[~defined], 1.0)
