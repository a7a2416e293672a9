"""outcome_and_negation: Y and ~Y side by side, against a real R run of QCA 3.25.1
(tests/data/reference/esa_r_qca.json, provenance inside) and hand-made tables."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit.asymmetry import outcome_and_negation
from qcakit.errors import QCAInputError

REF = json.loads((Path(__file__).parent / "data/reference/esa_r_qca.json").read_text())
LIPSET = ["DEV", "URB", "LIT", "IND", "STB"]


def models(expressions):
    return {frozenset(e.split(" + ")) for e in expressions}


@pytest.fixture(scope="module")
def lipset_both():
    tt = qcakit.truth_table(qcakit.datasets.load("lipset_fuzzy"), "SURV", LIPSET, incl_cut=0.8)
    present = {c: 1 for c in LIPSET}
    return outcome_and_negation(tt, present, directional_negated=present)


def test_solutions_match_r_for_both_outcomes(lipset_both):
    r_keys = {"complex": "conservative", "parsimonious": "parsimonious",
              "intermediate": "intermediate_all_present"}
    for label, side in (("SURV", "outcome"), ("~SURV", "negated_outcome")):
        ref = REF["lipset"][side]
        tt = lipset_both.truth_tables[label]
        r_out = {int(r): v for r, v in ref["OUT"].items() if v != "?"}
        assert {int(r): v for r, v in tt.table["OUT"].items() if v != "?"} == r_out
        for kind, key in r_keys.items():
            got = lipset_both.solutions[label][kind].expressions
            assert models(got) == models(ref[key]["solutions"]), (label, kind)


def test_negation_uses_complement_memberships(lipset_both):
    y, neg = (lipset_both.truth_tables[k] for k in ("SURV", "~SURV"))
    np.testing.assert_allclose(neg.y, 1 - y.y)
    assert neg.incl_cut == y.incl_cut and neg.n_cut == y.n_cut


def test_contradictory_rows_and_display(lipset_both):
    assert lipset_both.contradictory.rows == REF["lipset"]["outcome"]["findRows"]["type2"]["rows"]
    text = repr(lipset_both)
    assert "8 contradictory simplifying assumption(s), rows 10, 12, 14, 16, 17, 21, 25, 29" in text
    html = lipset_both._repr_html_()
    assert html.count("<table") >= 4  # summary, fit, two configuration charts
    fit = lipset_both.fit()
    # hand check against the R printout: parsimonious ~SURV = ~DEV + ~STB
    row = lipset_both.solutions["~SURV"]["parsimonious"].parameters().loc["solution"]
    assert fit.loc[("~SURV", "parsimonious"), "consistency"] == pytest.approx(row["consistency"])


def test_negation_without_positive_rows():
    """Y is present in every case: ~Y has no consistent row, so it gets no solutions."""
    data = pd.DataFrame({"A": [1.0, 1.0, 0.0], "B": [1.0, 0.0, 0.0], "Y": [0.9, 0.9, 0.8]})
    tt = qcakit.truth_table(data, "Y", ["A", "B"], incl_cut=0.8)
    both = outcome_and_negation(tt)
    assert both.solutions["~Y"] == {}
    assert both.summary()["Y"]["parsimonious"] == "1"
    assert both.contradictory.rows == []
    assert "No remainder is a simplifying assumption for both outcomes." in repr(both)


def test_bad_input():
    with pytest.raises(QCAInputError, match="Give a truth table"):
        outcome_and_negation(pd.DataFrame())


def test_simultaneous_subset_rows_are_noted():
    """Xu data without a PRI cut: four observed rows pass 0.8 for CAPACITY and ~CAPACITY (R:
    findRows type 3, tests/data/reference/ssr_r_qca.json); the note names them."""
    from qcakit.studies import xu2024
    tt = qcakit.truth_table(xu2024.calibrated(), xu2024.OUTCOME, xu2024.CONDITIONS, incl_cut=0.8)
    both = outcome_and_negation(tt)
    assert both.simultaneous.index.tolist() == [52, 53, 55, 120]
    assert "Observed row(s) 52, 53, 55, 120 are coded 1 for both outcomes" in repr(both)
