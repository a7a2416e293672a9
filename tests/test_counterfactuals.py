"""ESA: minimize(exclude=...) and the helpers in qcakit.counterfactuals.

References: hand-computed small truth tables, brute force over all covers, and a real R run of
QCA 3.25.1 / SetMethods 4.0 (tests/data/reference/esa_r_qca.json, provenance inside).
"""
import itertools
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

import qcakit
from qcakit.counterfactuals import (contradictory_assumptions, esa, incoherent_rows, negated,
                                    untenable_rows)
from qcakit.errors import QCAInputError
from qcakit.studies import xu2024

REF = json.loads((Path(__file__).parent / "data/reference/esa_r_qca.json").read_text())
LIPSET = ["DEV", "URB", "LIT", "IND", "STB"]


def models(expressions):
    """Solutions as sets of terms (R and qcakit order terms differently)."""
    return {frozenset(e.split(" + ")) for e in expressions}


def lipset_tt(negate=False):
    return qcakit.truth_table(qcakit.datasets.load("lipset_fuzzy"), "SURV", LIPSET,
                              incl_cut=0.8, negate_outcome=negate)


def xu_tt(negate=False):
    return qcakit.truth_table(xu2024.calibrated(), xu2024.OUTCOME, xu2024.CONDITIONS,
                              incl_cut=0.8, negate_outcome=negate)


def small_tt():
    """A, B, C crisp: rows 8 (A*B*C) and 7 (A*B*~C) positive, row 1 (~A*~B*~C) negative; the
    other five rows (2..6) are remainders."""
    data = pd.DataFrame({"A": [1, 1, 0], "B": [1, 1, 0], "C": [1, 0, 0], "Y": [1, 1, 0]},
                        index=["p", "q", "r"], dtype=float)
    return qcakit.truth_table(data, "Y", ["A", "B", "C"], incl_cut=0.8)


# --- hand-computed ---------------------------------------------------------------------------

def test_small_table_by_hand():
    tt = small_tt()
    # parsimonious: A or B alone covers rows 7, 8 and avoids row 1: two models A | B
    assert qcakit.minimize(tt, "parsimonious").expressions == ["A", "B"]
    # barring row 5 (A*~B*~C) and row 6 (A*~B*C) removes A; B still covers via rows 3, 4
    sol = qcakit.minimize(tt, "parsimonious", exclude=[5, 6])
    assert sol.expressions == ["B"]
    assert sol.excluded.index.tolist() == [5, 6]
    assert sol.excluded["reason"].tolist() == ["excluded by the user"] * 2
    # barring ~A*B (rows 3, 4) too leaves only A*B
    assert qcakit.minimize(tt, "parsimonious", exclude=[3, 4, 5, 6]).expression == "A*B"
    # complex solution never uses remainders: exclusions change nothing
    assert qcakit.minimize(tt, "complex", exclude=[3, 4]).expression == "A*B"


def test_exclusions_bar_easy_counterfactuals():
    tt = small_tt()
    # complex A*B; expecting B absent makes A*~B (rows 5, 6) easy, and symmetrically for A
    sol = qcakit.minimize(tt, "intermediate", {"A": 0, "B": 0})
    assert sol.expressions == ["A", "B"]
    barred = qcakit.minimize(tt, "intermediate", {"A": 0, "B": 0}, exclude=[5, 6])
    assert barred.expressions == ["B"]
    assert not set(barred.easy_counterfactuals.index) & {5, 6}


def test_exclude_expression_and_incoherent_by_hand():
    tt = small_tt()
    # remainders with C absent: rows 3 (~A*B*~C) and 5 (A*~B*~C)
    assert incoherent_rows(tt, "C").rows == [3, 5]
    assert incoherent_rows(tt, "C").table["reason"].iloc[0] == \
        "incoherent: assumes ~C, but C is necessary"
    assert untenable_rows(tt, "~A*B").rows == [3, 4]
    assert qcakit.minimize(tt, "parsimonious", exclude="~A*B").excluded.index.tolist() == [3, 4]
    both = esa(tt, necessary="C", impossible="~A*B")
    assert both.rows == [3, 4, 5]
    assert "incoherent" in both.table.loc[3, "reason"] and "untenable" in both.table.loc[3, "reason"]


# --- bad input -------------------------------------------------------------------------------

def test_exclude_observed_row_is_refused():
    with pytest.raises(QCAInputError, match=r"exclude: row 8 is not a remainder \(it has cases, "
                                            r"OUT = 1\); only remainders are counterfactuals"):
        qcakit.minimize(small_tt(), "parsimonious", exclude=[8])


def test_exclude_bad_row_number_and_names():
    with pytest.raises(QCAInputError, match="row 9 does not exist; rows are numbered 1 to 8"):
        qcakit.minimize(small_tt(), "parsimonious", exclude=[9])
    with pytest.raises(QCAInputError, match="names 'D', which is not a condition"):
        qcakit.minimize(small_tt(), "parsimonious", exclude="D")
    with pytest.raises(QCAInputError, match="neither a row number nor an expression"):
        qcakit.minimize(small_tt(), "parsimonious", exclude=[2.5])


# --- R reference (QCA findRows / minimize(exclude=), SetMethods esa) -------------------------

@pytest.mark.parametrize("name, make", [("lipset", lipset_tt), ("xu", xu_tt)])
def test_findrows_and_exclude_match_r(name, make):
    ref = REF[name]["outcome"]
    tt = make()
    r_out = {int(r): v for r, v in ref["OUT"].items() if v != "?"}
    assert {int(r): v for r, v in tt.table["OUT"].items() if v != "?"} == r_out
    expr = ref["findRows"]["type1"]["call"].split('"')[1]
    assert untenable_rows(tt, expr).rows == ref["findRows"]["type1"]["rows"]
    csa = contradictory_assumptions(tt).rows
    # deliberate difference (see the module docstring): we count all parsimonious models
    assert sorted(set(csa) - set(ref["findRows"]["type2"]["rows"])) == \
        {"lipset": [], "xu": [71]}[name]
    assert set(ref["findRows"]["type2"]["rows"]) <= set(csa)
    keys = [("parsimonious_exclude_CSA", "type2"), ("parsimonious_exclude_type1", "type1")]
    if name == "lipset":
        keys.append(("parsimonious_exclude_type0", "type0"))
    else:  # QCA's type 0 adds type 3 rows, observed ones; qcakit excludes only remainders
        assert 52 in ref["findRows"]["type0"]["rows"] and tt.table.loc[52, "OUT"] == "1"
        with pytest.raises(QCAInputError, match="row 52 is not a remainder"):
            qcakit.minimize(tt, "parsimonious", exclude=ref["findRows"]["type0"]["rows"])
    for key, rows_key in keys:
        sol = qcakit.minimize(tt, "parsimonious", exclude=ref["findRows"][rows_key]["rows"])
        assert models(sol.expressions) == models(ref[key]["solutions"]), key


@pytest.mark.parametrize("name, make, nec, unt", [
    ("lipset", lipset_tt, ["LIT", "STB"], "~DEV*IND"), ("xu", xu_tt, ["ORG"], "~SCALE*PAY")])
def test_esa_matches_setmethods(name, make, nec, unt):
    tt = make()
    directional = {"lipset": {c: 1 for c in LIPSET}, "xu": {"ORG": 1}}[name]
    inter_key = {"lipset": "intermediate_all_present", "xu": "intermediate_ORG"}[name]
    for run in REF[name]["outcome"]["esa"]:
        if run["name"] == "contrad_rows_CSA":
            ex = run["rows_set_to_0"]  # QCA's findRows type 2 rows (see above)
        else:
            ex = esa(tt, necessary=nec if run["name"] in ("nec_cond", "both") else None,
                     impossible=unt if run["name"] in ("untenable_LR", "both") else None)
        assert getattr(ex, "rows", ex) == run["rows_set_to_0"], run["name"]
        pars = qcakit.minimize(tt, "parsimonious", exclude=ex)
        assert models(pars.expressions) == models(run["parsimonious"]["solutions"]), run["name"]
        inter = qcakit.minimize(tt, "intermediate", directional, exclude=ex)
        assert models(inter.expressions) == models(run[inter_key]["solutions"]), run["name"]


def test_xu_org_necessary_removes_incoherent_assumptions():
    """Lesson 13 accepts ORG as necessary; without ESA the parsimonious solution rests on
    remainders with ~ORG (incoherent). With ESA every term contains ORG."""
    tt = xu_tt()
    plain = qcakit.minimize(tt, "parsimonious")
    assert (plain.simplifying_assumptions["ORG"] == 0).any()
    ex = incoherent_rows(tt, "ORG")
    sol = qcakit.minimize(tt, "parsimonious", exclude=ex)
    assert all("ORG" in t.split("*") for e in sol.expressions for t in e.split(" + "))
    assert (sol.simplifying_assumptions["ORG"] == 1).all()
    assert "excluded from the counterfactuals" in sol.display_notes()[0]


# --- brute force and laws --------------------------------------------------------------------

def _rows_of(term_expr, conditions):
    k = len(conditions)
    if term_expr == "1":
        return set(range(1, 2 ** k + 1))
    out = set()
    for code in range(2 ** k):
        bits = [(code >> (k - 1 - j)) & 1 for j in range(k)]
        env = dict(zip(conditions, bits))
        for term in qcakit.sets.parse(term_expr):
            if all(env[n] == v for n, v in term):
                out.add(code + 1)
    return out


def _brute_force_min_size(on, forbidden, k):
    """Fewest cubes with no forbidden row covering all of ``on`` (rows numbered from 1)."""
    cubes = []
    for spec in itertools.product((None, 0, 1), repeat=k):
        rows = {c + 1 for c in range(2 ** k)
                if all(s is None or ((c >> (k - 1 - j)) & 1) == s for j, s in enumerate(spec))}
        if not rows & forbidden and rows & on:
            cubes.append(rows)
    for size in range(1, len(on) + 1):
        for combo in itertools.combinations(cubes, size):
            if on <= set().union(*combo):
                return size
    raise AssertionError("no cover")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from("10?"), min_size=8, max_size=8), st.sets(st.integers(1, 8)))
def test_exclusions_never_covered_and_minimal(outs, excl):
    if "1" not in outs:
        outs[0] = "1"
    conditions = ["A", "B", "C"]
    rows = [i for i, o in enumerate(outs) if o != "?"]
    bits = np.array([[(c >> (2 - j)) & 1 for j in range(3)] for c in rows], dtype=float)
    data = pd.DataFrame(bits, columns=conditions)
    data["Y"] = [1.0 if outs[c] == "1" else 0.0 for c in rows]
    tt = qcakit.truth_table(data, "Y", conditions, incl_cut=0.8)
    remainders = {i + 1 for i, o in enumerate(outs) if o == "?"}
    excl = sorted(excl & remainders)
    sol = qcakit.minimize(tt, "parsimonious", exclude=excl)
    on = {i + 1 for i, o in enumerate(outs) if o == "1"}
    forbidden = ({i + 1 for i, o in enumerate(outs) if o == "0"}) | set(excl)
    for e in sol.expressions:
        covered = _rows_of(e, conditions)
        assert not covered & forbidden and on <= covered
        assert len(e.split(" + ")) == _brute_force_min_size(on, forbidden, 3)
    # excluding nothing gives the parsimonious solution unchanged
    assert qcakit.minimize(tt, "parsimonious", exclude=[]).expressions == \
        qcakit.minimize(tt, "parsimonious").expressions
    # excluding every remainder gives the complex solution
    assert qcakit.minimize(tt, "parsimonious", exclude=sorted(remainders)).expressions == \
        qcakit.minimize(tt, "complex").expressions
    # the simplifying assumptions are remainders that were not excluded
    assert set(sol.simplifying_assumptions.index) <= remainders - set(excl)


def test_negated_table_has_same_settings():
    tt = lipset_tt()
    neg = negated(tt)
    assert neg.outcome_label == "~SURV" and neg.incl_cut == tt.incl_cut
    assert sorted(qcakit.minimize(neg, "parsimonious").expressions) == \
        sorted(REF["lipset"]["negated_outcome"]["parsimonious"]["solutions"])


# --- simultaneous subset relations (QCA findRows type = 3) ----------------------------------

SSR_REF = json.loads((Path(__file__).parent / "data/reference/ssr_r_qca.json").read_text())


@pytest.mark.parametrize("name", sorted(SSR_REF["runs"]))
def test_simultaneous_subset_rows_match_r(name):
    run = SSR_REF["runs"][name]
    if name.startswith("lipset"):
        data, outcome, conditions = qcakit.datasets.load("lipset_fuzzy"), "SURV", LIPSET
    else:
        data, outcome, conditions = xu2024.calibrated(), xu2024.OUTCOME, xu2024.CONDITIONS
        assert outcome == SSR_REF["outcome_xu"]
    tt = qcakit.truth_table(data, outcome, conditions, incl_cut=run["incl_cut"],
                            pri_cut=run["pri_cut"] or None)
    assert qcakit.simultaneous_subset_rows(tt).index.tolist() == run["rows"]


def test_simultaneous_subset_rows_by_hand():
    """Lipset at incl_cut 0.5: rows 5 (~DEV*~URB*LIT*~IND*~STB: HU, PL) and 6 (the same with
    STB: EE) pass for SURV and for ~SURV. incl and PRI recomputed here from the raw formulas."""
    lipset = qcakit.datasets.load("lipset_fuzzy")
    tt = qcakit.truth_table(lipset, "SURV", LIPSET, incl_cut=0.5)
    got = qcakit.simultaneous_subset_rows(tt)
    assert got.index.tolist() == [5, 6]
    assert got["cases"].tolist() == ["HU, PL", "EE"]
    x, y = lipset[LIPSET].to_numpy(), lipset["SURV"].to_numpy()
    for row, stb in ((5, 0), (6, 1)):
        bits = np.array([0, 0, 1, 0, stb])
        m = np.where(bits == 1, x, 1 - x).min(axis=1)
        for label, yy in (("SURV", y), ("~SURV", 1 - y)):
            both = np.minimum(m, yy).sum()
            overlap = np.minimum(m, np.minimum(y, 1 - y)).sum()
            assert got.loc[row, f"incl {label}"] == pytest.approx(both / m.sum())
            pri = (both - overlap) / (m.sum() - overlap)
            assert got.loc[row, f"PRI {label}"] == pytest.approx(pri)
            assert got.loc[row, f"incl {label}"] >= 0.5


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2 ** 32 - 1), st.sampled_from([0.5, 0.6, 0.75]))
def test_pri_cut_above_half_rules_out_simultaneous_subsets(seed, cut):
    """PRI(Y) + PRI(~Y) <= 1 in every row, so with a PRI cut above 0.5 no row is coded 1 for
    both; without it, every row listed passes the cut for both."""
    rng = np.random.default_rng(seed)
    data = pd.DataFrame(rng.random((12, 3)), columns=["A", "B", "C"])
    data["Y"] = rng.random(12)
    plain = qcakit.truth_table(data, "Y", ["A", "B", "C"], incl_cut=cut)
    other = negated(plain)
    common = plain.table.index.intersection(other.table.index)
    assert (plain.table.loc[common, "PRI"] + other.table.loc[common, "PRI"] <= 1 + 1e-12).all()
    listed = qcakit.simultaneous_subset_rows(plain)
    assert (listed.filter(like="incl").to_numpy() >= cut).all()
    strict = qcakit.truth_table(data, "Y", ["A", "B", "C"], incl_cut=cut, pri_cut=0.51)
    assert qcakit.simultaneous_subset_rows(strict).empty


def test_esa_observed_rows_as_setmethods():
    """SetMethods esa(nec_cond) also sets OUT to 0 in observed rows that lack the necessary
    condition (Lipset row 22 lacks URB and IND); esa(observed=True) does the same, the default
    bars remainders only and so gives another solution (reference:
    data/reference/esa_observed_setmethods.json, scripts/j_esa_observed.R)."""
    import json
    from pathlib import Path
    ref = json.loads((Path(__file__).parent / "data" / "reference"
                      / "esa_observed_setmethods.json").read_text())
    lipset = qcakit.datasets.load("lipset_fuzzy")
    tt = qcakit.truth_table(lipset, "SURV", ["DEV", "URB", "LIT", "IND", "STB"], incl_cut=0.8)
    for run in ref["runs"]:
        nec = run["nec_cond"].replace("+", " + ")
        sm = qcakit.esa(tt, necessary=nec, observed=True)
        assert sm.recoded.index.tolist() == np.atleast_1d(run["observed_rows_set_to_0"]).tolist()
        assert sorted(sm.rows + sm.recoded.index.tolist()) == sorted(run["rows_set_to_0"])
        assert (sm.truth_table.table.loc[sm.recoded.index, "OUT"] == "0").all()
        got = qcakit.minimize(sm.truth_table, "parsimonious", exclude=sm).expressions
        assert got == run["parsimonious"]
        default = qcakit.minimize(tt, "parsimonious", exclude=qcakit.esa(tt, necessary=nec))
        assert default.expressions != run["parsimonious"]  # they differ here: documented
        assert (tt.table.loc[22, "OUT"], tt.table.loc[22, "URB"]) == ("1", 0)  # untouched


def test_find_rows_type_0_matches_qca():
    """QCA findRows(type = 0) = types 1, 2 and 3 together (data/reference/capabilities_r.json)."""
    import json
    from pathlib import Path
    from qcakit.counterfactuals import find_rows
    from qcakit.studies import xu2024
    ref = json.loads((Path(__file__).parent / "data" / "reference" / "capabilities_r.json")
                     .read_text())["findrows"]
    for run in ref:
        if run["name"] == "lipset":
            data, outcome = qcakit.datasets.load("lipset_fuzzy"), "SURV"
            conds = ["DEV", "URB", "LIT", "IND", "STB"]
        else:
            data, outcome, conds = xu2024.calibrated(), xu2024.OUTCOME, xu2024.CONDITIONS
        tt = qcakit.truth_table(data, outcome, conds, incl_cut=0.8)
        got = find_rows(tt, run["expression"])
        assert got.index.tolist() == run["rows"]
        assert got.index[got["untenable"]].tolist() == run["type1"]
        assert got.index[got["simultaneous"]].tolist() == np.atleast_1d(run["type3"]).tolist()
        assert got["observed"].sum() == len(np.atleast_1d(run["type3"]))
        # type 2: the kit counts every parsimonious model (see counterfactuals' docstring)
        assert set(run["type2"]) <= set(got.index[got["contradictory"]].tolist())
