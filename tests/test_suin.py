"""SUIN search (qcakit.suin): hand-computed values, a brute-force reference and properties."""
import json
from itertools import combinations, product
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import qcakit
from qcakit import QCAInputError
from qcakit.suin import suin

TINY = pd.DataFrame({"A": [0.9, 0.1, 0.2, 0.1], "B": [0.1, 0.8, 0.3, 0.2],
                     "Y": [0.8, 0.7, 0.1, 0.2]}, index=list("pqrs"))


def test_hand_computed_disjunction():
    # sum(Y) = 1.8. Single literals: min(A,Y) = .8+.1+.1+.1 = 1.1 -> 0.611; ~A: .1+.7+.1+.2 = 1.1;
    # B: 1.1; ~B = (.9,.2,.7,.8): .8+.2+.1+.2 = 1.3 -> 0.722: none necessary.
    # A + B = (.9,.8,.3,.2): min with Y = .8+.7+.1+.2 = 1.8 -> consistency 1.0,
    # coverage 1.8 / 2.2 = 0.818, RoN = sum(1-x) / sum(1-min(x,y)) = 1.8 / 2.2 = 0.818.
    # ~A + ~B = (.9,.9,.8,.9): consistency 1.8/1.8 = 1, coverage 1.8/3.5 = 0.514 (fails 0.6).
    res = suin(TINY, "Y", depth=2)
    assert res.table.index.tolist() == ["A + B"]
    row = res.table.loc["A + B"]
    assert row["kind"] == "disjunction"
    assert row["consistency"] == pytest.approx(1.0)
    assert row["coverage"] == pytest.approx(1.8 / 2.2)
    assert row["RoN"] == pytest.approx(1.8 / 2.2)
    assert row["cases"] == "p, q" and row["deviant_cases"] == ""
    assert not row["trivial"]
    assert res.memberships.columns.tolist() == ["A + B"]
    assert res.memberships["A + B"].tolist() == pytest.approx([0.9, 0.8, 0.3, 0.2])


def test_trivial_disjunction_is_flagged():
    # ~A + ~B: RoN = sum(1-x) = .1+.1+.2+.1 = 0.5 over sum(1-min(x,y)) = .2+.3+.9+.8 = 2.2 -> 0.227
    res = suin(TINY, "Y", depth=2, cov_cut=0, ron_cut=0)
    assert res.table.loc["~A + ~B", "RoN"] == pytest.approx(0.5 / 2.2)
    assert bool(res.table.loc["~A + ~B", "trivial"])
    assert "trivial" in repr(res) and "trivial" in res._repr_html_()


def test_sub_disjunction_makes_larger_one_redundant():
    # A + B passes at level 2, so A + B + C / A + B + ~C (level 3) must not be reported.
    data = TINY.assign(C=[0.3, 0.4, 0.6, 0.1])
    res = suin(data, "Y", depth=3, cov_cut=0, ron_cut=0)
    for label in res.table.index:
        lits = set(label.split(" + "))
        if len(lits) == 3:
            assert not {"A", "B"} <= lits, label


def test_negated_outcome():
    # ~Y = (.2,.3,.9,.8), sum 2.2. ~A = (.1,.9,.8,.9): min = .1+.3+.8+.8 = 2.0 -> 0.909,
    # coverage 2.0 / 2.7 = 0.741; RoN = sum(1-x) = 1.3 / sum(1-min) = (.9+.7+.2+.2) = 2.0 -> 0.65.
    res = suin(TINY, "Y", depth=1, negate_outcome=True)
    assert res.outcome_label == "~Y"
    assert res.table.loc["~A", "consistency"] == pytest.approx(2.0 / 2.2)
    assert res.table.loc["~A", "coverage"] == pytest.approx(2.0 / 2.7)
    assert res.table.loc["~A", "RoN"] == pytest.approx(1.3 / 2.0)


def _brute_force(data, outcome, conds, depth, incl_cut, cov_cut, ron_cut):
    """superSubset's rules written with plain loops, independently of the module."""
    y = list(data[outcome])
    n, sy = len(y), sum(y)

    def lit(c, v, i):
        return data[c].iloc[i] if v else 1 - data[c].iloc[i]

    def fits(x):
        both = sum(min(a, b) for a, b in zip(x, y))
        incl = both / sy
        cov = both / sum(x) if sum(x) > 0 else 0.0
        ron = sum(1 - a for a in x) / sum(1 - min(a, b) for a, b in zip(x, y))
        return incl, cov, ron

    found, earlier = {}, []
    for size in range(1, depth + 1):
        level = []
        for cs in combinations(conds, size):
            for vs in product((1, 0), repeat=size):
                lits = frozenset(zip(cs, vs))
                conj = [min(lit(c, v, i) for c, v in lits) for i in range(n)]
                disj = [max(lit(c, v, i) for c, v in lits) for i in range(n)]
                i1, c1, r1 = fits(conj)
                if i1 >= incl_cut - 1e-9 and c1 >= cov_cut - 1e-9:
                    level.append(lits)
                    found[("c", lits)] = (i1, c1, r1)
                    continue
                i2, c2, r2 = fits(disj)
                if i2 >= incl_cut - 1e-9 and c2 >= cov_cut - 1e-9:
                    if not any(prev <= lits for prev in earlier):
                        level.append(lits)
                        found[("d", lits)] = (i2, c2, r2)
        earlier += level
    return {key: v for key, v in found.items() if v[2] >= ron_cut - 1e-9}


def _key(label, kind):
    sep = "*" if kind == "conjunction" else " + "
    lits = frozenset((s.lstrip("~"), 0 if s.startswith("~") else 1) for s in label.split(sep))
    return ("c" if kind == "conjunction" else "d", lits)


@pytest.mark.parametrize("seed", range(6))
def test_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    data = pd.DataFrame(rng.random((12, 5)).round(2), columns=list("ABCDY"))
    cuts = dict(incl_cut=0.8, cov_cut=0.5, ron_cut=0.3)
    res = suin(data, "Y", depth=3, **cuts)
    ref = _brute_force(data, "Y", list("ABCD"), 3, 0.8, 0.5, 0.3)
    got = {_key(label, row["kind"]): (row["consistency"], row["coverage"], row["RoN"])
           for label, row in res.table.iterrows()}
    assert set(got) == set(ref)
    for key, values in ref.items():
        assert got[key] == pytest.approx(values)


memberships = st.lists(st.floats(0, 1).map(lambda v: round(v, 2)), min_size=6, max_size=6)


@settings(max_examples=40, deadline=None)
@given(st.lists(memberships, min_size=4, max_size=4), st.floats(0.6, 1.0))
def test_reported_rows_pass_the_cuts(cols, incl_cut):
    data = pd.DataFrame(dict(zip("ABCY", cols)))
    if data["Y"].sum() == 0:
        return
    res = suin(data, "Y", depth=3, incl_cut=incl_cut, cov_cut=0.3, ron_cut=0.2)
    t = res.table
    assert (t["consistency"] >= incl_cut - 1e-9).all()
    assert (t["coverage"] >= 0.3 - 1e-9).all() and (t["RoN"] >= 0.2 - 1e-9).all()


@settings(max_examples=40, deadline=None)
@given(st.lists(memberships, min_size=4, max_size=4))
def test_disjunction_at_least_as_consistent_as_its_parts(cols):
    # Law: max(a, b) >= a, so inclN(A + B) >= inclN(A); checked through the reported tables.
    data = pd.DataFrame(dict(zip("ABCY", cols)))
    if data["Y"].sum() == 0:
        return
    full = suin(data, "Y", depth=1, incl_cut=1e-6, cov_cut=0, ron_cut=0).table
    res = suin(data, "Y", depth=3, incl_cut=1e-6, cov_cut=0, ron_cut=0).table
    for label, row in res[res["kind"] == "disjunction"].iterrows():
        for part in label.split(" + "):
            if part in full.index:
                assert row["consistency"] >= full.loc[part, "consistency"] - 1e-12


@pytest.mark.parametrize("kwargs, message", [
    (dict(outcome="Z"), "Unknown outcome 'Z'"),
    (dict(outcome="Y", conditions=["A", "Q"]), "Unknown condition 'Q'"),
    (dict(outcome="Y", depth=0), "depth must be a whole number >= 1"),
    (dict(outcome="Y", incl_cut=0), "incl_cut must be in (0, 1]"),
    (dict(outcome="Y", ron_cut=2), "ron_cut must lie between 0 and 1, got 2"),
    (dict(outcome="Y", conditions=[]), "conditions is empty: give at least one condition"),
])
def test_bad_input_messages(kwargs, message):
    with pytest.raises(QCAInputError) as err:
        suin(TINY, **kwargs)
    assert message in str(err.value)


def test_non_membership_data_is_refused():
    with pytest.raises(QCAInputError, match="'A' is not a set membership"):
        suin(TINY.assign(A=[3, 1, 0, 0]), "Y")


def test_no_result_says_so():
    res = suin(TINY, "Y", depth=1)
    assert len(res.table) == 0 and "No expression passes these cuts." in repr(res)


REFERENCE = Path(__file__).parent / "data" / "reference"


def _reference_cases():
    for ds in ("lipset", "xu"):
        ref = json.loads((REFERENCE / f"b_necessity_{ds}.json").read_text())
        for key, entry in ref.items():
            if isinstance(entry, dict) and "expressions" in entry:
                yield pytest.param(ds, entry, id=f"{ds}-{key}")


def _reference_data(ds):
    if ds == "lipset":
        return qcakit.datasets.load("lipset_fuzzy")
    return pd.read_csv(REFERENCE / "xu2024_calibrated.csv", index_col=0)


def _as_set(expression):
    sep = " + " if "+" in expression else "*"
    return "+" in expression, frozenset(p.strip() for p in expression.split(sep))


@pytest.mark.parametrize("ds, entry", list(_reference_cases()))
def test_matches_R_superSubset(ds, entry):
    # R 4.2.2, QCA 3.25.1 superSubset(relation = "necessity"); see data/reference/PROVENANCE_suin.md
    s = entry["settings"]
    outcome = s["outcome"]
    res = suin(_reference_data(ds), outcome.lstrip("~"), s["conditions"],
               depth=s["depth"] or len(s["conditions"]), incl_cut=s["incl.cut"],
               cov_cut=s["cov.cut"], ron_cut=s["ron.cut"], negate_outcome=outcome.startswith("~"))
    got = {_as_set(label): row for label, row in res.table.iterrows()}
    want = {_as_set(e["expression"]): e for e in entry["expressions"]}
    assert set(got) == set(want)
    for key, e in want.items():
        assert got[key]["consistency"] == pytest.approx(e["inclN"], abs=1e-12)
        assert got[key]["coverage"] == pytest.approx(e["covN"], abs=1e-12)
        assert got[key]["RoN"] == pytest.approx(e["RoN"], abs=1e-12)


def test_memberships_match_R_coms():
    entry = json.loads((REFERENCE / "b_necessity_lipset.json").read_text())["SURV_i0.9_c0.6"]
    res = suin(qcakit.datasets.load("lipset_fuzzy"), "SURV", depth=5, cov_cut=0.6, ron_cut=0)
    for label in res.memberships.columns:
        r_label = label.replace(" ", "")
        assert res.memberships[label].tolist() == pytest.approx(entry["membership"][r_label])
