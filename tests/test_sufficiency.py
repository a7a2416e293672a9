"""Sufficient conjunctions by search against QCA 3.25.1 superSubset(relation = "sufficiency",
depth = 3) on the Lipset and Xu data (data/reference/capabilities_r.json), and a brute force."""
import json
from itertools import combinations, product
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import qcakit
from qcakit.studies import xu2024
from qcakit.sufficiency import sufficient_conjunctions

REF = json.loads((Path(__file__).parent / "data" / "reference" / "capabilities_r.json")
                 .read_text())["supersubset"]


def as_set(label):
    return frozenset(label.split("*"))


@pytest.mark.parametrize("run", REF, ids=[f"{r['name']}-{r['incl_cut']}" for r in REF])
def test_matches_supersubset(run):
    if run["name"] == "lipset":
        data, outcome = qcakit.datasets.load("lipset_fuzzy"), "SURV"
        conds = ["DEV", "URB", "LIT", "IND", "STB"]
    else:
        data, outcome, conds = xu2024.calibrated(), xu2024.OUTCOME, xu2024.CONDITIONS
    got = sufficient_conjunctions(data, outcome, conds, depth=3, incl_cut=run["incl_cut"]).table
    names = np.atleast_1d(run["expressions"]).tolist()
    assert set(map(as_set, got.index)) == set(map(as_set, names))
    assert len(got) == len(names)
    theirs = {as_set(n): (i, p, c) for n, i, p, c in zip(
        names, np.atleast_1d(run["inclS"]), np.atleast_1d(run["PRI"]), np.atleast_1d(run["covS"]))}
    for label, row in got.iterrows():
        i, p, c = theirs[as_set(label)]
        if np.isnan(row["PRI"]):  # undefined (0 / 0): QCA's superSubset prints 0
            assert p == 0
            row = row.copy()
            row["PRI"] = 0.0
        assert [row["consistency"], row["PRI"], row["coverage"]] == pytest.approx([i, p, c],
                                                                                   abs=1e-9)


def test_brute_force_minimal_conjunctions():
    rng = np.random.default_rng(3)
    data = pd.DataFrame(np.round(rng.uniform(0, 1, (25, 4)), 2), columns=list("ABCD"))
    data["Y"] = np.round(np.clip(np.minimum(data["A"], 1 - data["B"]) + rng.normal(0, .1, 25),
                                 0, 1), 2)
    got = set(map(as_set, sufficient_conjunctions(data, "Y", depth=3, incl_cut=0.8).table.index))
    passing = []
    for size in (1, 2, 3):
        for conds in combinations("ABCD", size):
            for signs in product(("", "~"), repeat=size):
                lits = [s + c for s, c in zip(signs, conds)]
                x = qcakit.membership(data, "*".join(lits)).to_numpy()
                y = data["Y"].to_numpy()
                if x.sum() and np.minimum(x, y).sum() / x.sum() >= 0.8 - 1e-9:
                    passing.append(frozenset(lits))
    minimal = {p for p in passing if not any(q < p for q in passing)}
    assert got == minimal and got


def test_pri_cut_and_errors():
    lipset = qcakit.datasets.load("lipset_fuzzy")
    all_ = sufficient_conjunctions(lipset, "SURV", incl_cut=0.8).table
    high = sufficient_conjunctions(lipset, "SURV", incl_cut=0.8, pri_cut=0.75).table
    assert list(high.index) == [t for t in all_.index if all_.loc[t, "PRI"] >= 0.75]
    with pytest.raises(qcakit.QCAInputError, match="depth"):
        sufficient_conjunctions(lipset, "SURV", depth=0)
    with pytest.raises(qcakit.QCAInputError, match="outcome 'SURV' is also"):
        sufficient_conjunctions(lipset, "SURV", ["DEV", "SURV"])


def test_a_deep_search_is_refused_with_the_numbers_and_the_depth_that_fits():
    rng = np.random.default_rng(0)
    data = pd.DataFrame(rng.uniform(size=(20, 16)).round(2),
                        columns=[f"C{i}" for i in range(15)] + ["Y"])
    with pytest.raises(qcakit.QCAInputError) as err:
        sufficient_conjunctions(data, "Y", depth=15)
    # hand: every non-empty set of up to 15 of 15 conditions, each present or negated:
    # sum_s C(15, s) 2^s = 3^15 - 1 = 14,348,906; at 20 cases the bound 4,000,000 allows
    # 200,000 conjunctions: depth 5 (30 + 420 + 3,640 + 21,840 + 96,096 = 122,026) fits,
    # depth 6 (+ 320,320) does not
    message = str(err.value)
    assert "tests 14,348,906 conjunctions" in message and "on 20 cases" in message
    assert "Use depth=5 (122,026 conjunctions)" in message
    assert sufficient_conjunctions(data, "Y", depth=5).cuts["depth"] == 5
