"""Haesebrouck's consistency against SetMethods 4.0 QCAfit(consH = TRUE) on the Lipset data
(data/reference/capabilities_r.json, scripts/k_capabilities.R; SetMethods prints 3 significant
digits) and by hand."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit.haesebrouck import consistency_h, haesebrouck

REF = json.loads((Path(__file__).parent / "data" / "reference" / "capabilities_r.json")
                 .read_text())


def test_matches_setmethods_on_lipset():
    lipset = qcakit.datasets.load("lipset_fuzzy")
    entries = REF["consH_lipset"]
    got = consistency_h(lipset, [e["expression"] for e in entries], "SURV")
    for e, (_, row) in zip(entries, got.iterrows()):
        f = e["fit"]
        for ours, theirs in (("consistency", "Cons.Suf"), ("consistency_H", "Cons.Suf(H)"),
                             ("PRI", "PRI"), ("coverage", "Cov.Suf")):
            # SetMethods formats the table to 3 significant digits in its smallest entry
            assert row[ours] == pytest.approx(f[theirs], abs=6e-4), (e["expression"], ours)


def test_by_hand():
    # x = (.9, .6, .2), y = (.8, .7, .1): inside = .8 + .6 + .1 = 1.5; excess terms
    # sqrt(.1 * .9) = .3 and sqrt(.1 * .2) = sqrt(.02); consistent cases add nothing.
    assert haesebrouck([0.9, 0.6, 0.2], [0.8, 0.7, 0.1]) == pytest.approx(
        1.5 / (1.5 + 0.3 + np.sqrt(0.02)))
    assert haesebrouck([0.3, 0.2], [0.4, 0.9]) == 1.0  # a perfect subset
    # each excess X - Y weighs sqrt((X - Y) X): same excess .4, deeper in X, counts more
    assert haesebrouck([0.9], [0.5]) == pytest.approx(0.5 / (0.5 + np.sqrt(0.4 * 0.9)))
    d = pd.DataFrame({"A": [0.9, 0.6, 0.2], "Y": [0.8, 0.7, 0.1]})
    assert consistency_h(d, "A", "Y", negate_outcome=True).loc["A", "consistency"] == \
        pytest.approx((0.2 + 0.3 + 0.2) / 1.7)


def test_bad_input():
    d = pd.DataFrame({"A": [0.9, 0.6], "Y": [0.8, 0.7]})
    with pytest.raises(qcakit.QCAInputError, match="Unknown condition"):
        consistency_h(d, "B", "Y")
    with pytest.raises(qcakit.QCAInputError, match="at least one expression"):
        consistency_h(d, [], "Y")
    with pytest.raises(qcakit.QCAInputError, match="undefined"):
        haesebrouck([0.0, 0.0], [0.5, 0.2])
